import { randomBytes } from 'node:crypto';
import { Queue } from 'bullmq';
import { DEAD_LETTER_QUEUE, bullConnectionFromEnv } from '@vitrine/shared/jobs';
import { createTestDatabase, type TestDatabase } from '@vitrine/shared/testing';
import { CarrierLoopback } from '../support/carrier-loopback';
import { CustomsLoopback } from '../support/customs-loopback';
import { seedPaidOrders, signingKeys, statusCounts } from '../support/pipeline-fixtures';
import { TcpProxy } from '../support/tcp-proxy';
import { dropQueues, metricsPortOf, startWorker, until, waitForOutput } from '../support/worker-process';

/**
 * The whole pipeline in the real worker process (apps/worker/src/main.ts), against real
 * PostgreSQL and Redis, with the loopback customs and carrier: paid orders come out
 * delivered (or held, with customs' reason), each effect exactly once, whatever happens to
 * the worker in between.
 */
describe('order pipeline in the worker process', () => {
  let db: TestDatabase;
  let customs: CustomsLoopback;
  let carrier: CarrierLoopback;
  const keys = signingKeys();
  const prefixes: string[] = [];
  const held = new Set<string>();
  /** Each test on queues of its own. */
  const newPrefix = () => {
    prefixes.push(`test-pipeline-${randomBytes(4).toString('hex')}`);
    return prefixes[prefixes.length - 1];
  };
  let prefix = newPrefix();
  const env = (over: Record<string, string> = {}) => ({ DATABASE_URL: db.url, QUEUE_PREFIX: prefix, ...customs.env, ...carrier.env, ...keys.env, ...over });
  const delivered = async (ids: string[]) => {
    const c = await statusCounts(db.prisma, ids);
    return (c['DELIVERED'] ?? 0) + (c['HELD'] ?? 0) === ids.length;
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    customs = await CustomsLoopback.start({ publicKey: keys.publicKey, holdRule: (no) => (held.has(no) ? '查验: goods selected for inspection' : null) });
    carrier = await CarrierLoopback.start();
  });
  afterAll(async () => {
    await customs.close();
    await carrier.close();
    for (const p of prefixes) await dropQueues(p);
    await db.drop();
  });

  it('takes 1,000 paid orders to delivered through a SIGKILL mid-way, with exactly one accepted customs message per order and document', async () => {
    const orders = await seedPaidOrders(db.prisma, 1_000, { withStock: true });
    orders.orderNos.filter((_, i) => i % 50 === 7).forEach((no) => held.add(no));
    const ids = orders.orderIds;
    const moved = async () => 1_000 - ((await statusCounts(db.prisma, ids))['PAID'] ?? 0);

    const first = startWorker(env());
    await waitForOutput(first, /worker ready/);
    await until('a part of the orders declared', async () => (await moved()) >= 250, 60_000, first);
    first.child.kill('SIGKILL');
    await new Promise((r) => first.child.once('exit', r));
    const atKill = await statusCounts(db.prisma, ids);
    expect(atKill['DELIVERED'] ?? 0).toBeLessThan(1_000);

    const second = startWorker(env({ WORKER_METRICS_PORT: '0', WORKER_METRICS_HOST: '127.0.0.1' }));
    try {
      const metricsPort = await metricsPortOf(second);
      await until('every order delivered or held', () => delivered(ids), 90_000, second);
      // A batch the killed worker had sent but not recorded is sent again by its retried job (the
      // same guids: customs gives the same answers) once its lock expires, which can be after the
      // clearance feed has already taken those orders on to delivery.
      await until('every answer customs gave recorded', async () => (await db.prisma.customsMessage.count({ where: { orderId: { in: ids }, status: 'PENDING' } })) === 0, 60_000, second);
      // The worker's Prometheus endpoint: queue depth, latency and failures per queue.
      const metrics = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
      expect(metrics).toMatch(/vitrine_queue_jobs\{queue="order-pipeline",state="waiting"\} \d+/);
      expect(metrics).toMatch(/vitrine_queue_jobs\{queue="dead-letter",state="failed"\} 0/);
      expect(metrics).toMatch(/vitrine_job_latency_seconds_count\{queue="order-pipeline",name="declare-customs"\} [1-9]\d*/);
      expect(metrics).toMatch(/vitrine_job_duration_seconds_bucket\{le="[\d.]+",queue="order-shipping",name="book-shipment",outcome="completed"\}/);
      expect(metrics).toMatch(/# TYPE vitrine_job_failures_total counter/);
      expect(metrics).toMatch(/vitrine_outbox_pending \d+/);
      // The same port answers the orchestrator's probes (deploy/k8s): live, and ready with Redis taking heartbeats.
      const probe = async (p: string) => {
        const res = await fetch(`http://127.0.0.1:${metricsPort}${p}`);
        return { status: res.status, body: await res.json() };
      };
      await expect(probe('/health/live')).resolves.toEqual({ status: 200, body: { status: 'live' } });
      await expect(probe('/health/ready')).resolves.toEqual({ status: 200, body: { status: 'ready', redis: 'up', draining: false } });
    } finally {
      await second.stop('SIGTERM');
    }

    expect(await statusCounts(db.prisma, ids)).toEqual({ DELIVERED: 980, HELD: 20 });
    // Customs: one accepted declaration of each document per order, however often it was sent.
    for (const no of orders.orderNos) {
      for (const d of ['ORDER', 'PAYMENT', 'WAYBILL', 'INVENTORY'] as const) expect(customs.acceptedCount(d, no)).toBe(1);
    }
    expect(customs.feed).toHaveLength(1_000);
    expect(customs.stats.badSignatures).toBe(0);
    // Our side: one message per order and document, with the receipts.
    const messages = await db.prisma.customsMessage.groupBy({ by: ['document', 'status'], where: { orderId: { in: ids } }, _count: true });
    expect(Object.fromEntries(messages.map((m) => [`${m.document}:${m.status}`, m._count]))).toEqual({
      'ORDER:ACCEPTED': 1_000,
      'PAYMENT:ACCEPTED': 1_000,
      'WAYBILL:ACCEPTED': 1_000,
      // Customs clears (or holds) the declaration list.
      'INVENTORY:CLEARED': 980,
      'INVENTORY:HELD': 20,
    });
    // The carrier: one waybill per order, one booking per cleared parcel.
    expect(carrier.waybills.size).toBe(1_000);
    expect(carrier.bookings.size).toBe(980);
    // Each order went through each status once: no transition twice.
    const history = await db.prisma.$queryRaw<{ order_id: string; to_status: string; n: bigint }[]>`
      SELECT order_id, to_status::text, count(*) AS n FROM order_status_changes WHERE order_id = ANY(${ids}::uuid[]) GROUP BY order_id, to_status HAVING count(*) > 1`;
    expect(history).toEqual([]);
    const paths = await db.prisma.$queryRaw<{ path: string; n: bigint }[]>`
      SELECT path, count(*) AS n FROM (
        SELECT string_agg(to_status::text, '>' ORDER BY id) AS path FROM order_status_changes WHERE order_id = ANY(${ids}::uuid[]) GROUP BY order_id) p
      GROUP BY path ORDER BY path`;
    expect(paths.map((p) => [p.path, Number(p.n)])).toEqual([
      ['PAID>CUSTOMS_SUBMITTED>CLEARED>SHIPPED>DELIVERED', 980],
      ['PAID>CUSTOMS_SUBMITTED>HELD', 20],
    ]);
    const heldReason = await db.prisma.orderStatusChange.findFirst({ where: { orderId: ids[7], toStatus: 'HELD' }, select: { reason: true } });
    expect(heldReason?.reason).toBe('held by customs: 查验: goods selected for inspection');
    // The stock: each shipped order's units left the ledger once, through the kill; held ones stay reserved.
    const ships = await db.prisma.$queryRaw<{ reference: string; n: bigint; on_hand: bigint; reserved: bigint }[]>`
      SELECT reference, count(*) AS n, sum(on_hand_delta) AS on_hand, sum(reserved_delta) AS reserved FROM stock_movements
      WHERE location_id = ${orders.locationId}::uuid AND kind = 'SHIP' GROUP BY reference`;
    expect(ships).toHaveLength(980);
    expect(ships.every((r) => Number(r.n) === 1 && Number(r.on_hand) === -2 && Number(r.reserved) === -2)).toBe(true);
    const heldIds = new Set(ids.filter((_, i) => i % 50 === 7));
    expect(ships.some((r) => heldIds.has(r.reference))).toBe(false);
    const level = await db.prisma.stockLevel.findFirstOrThrow({ where: { locationId: orders.locationId } });
    expect({ onHand: level.onHand, reserved: level.reserved }).toEqual({ onHand: 2 * 20, reserved: 2 * 20 });
    const sums = await db.prisma.stockMovement.aggregate({ where: { locationId: orders.locationId }, _sum: { onHandDelta: true, reservedDelta: true } });
    expect(sums._sum).toEqual({ onHandDelta: level.onHand, reservedDelta: level.reserved });
    expect(await db.prisma.stockReservation.groupBy({ by: ['status'], where: { ownerId: { in: ids } }, _count: true, orderBy: { status: 'asc' } })).toEqual([
      { status: 'COMMITTED', _count: 20 },
      { status: 'FULFILLED', _count: 980 },
    ]);
  }, 240_000);

  it('rides out PostgreSQL being unreachable for 10 s: jobs fail, retry and complete, nothing lost or doubled', async () => {
    prefix = newPrefix();
    const orders = await seedPaidOrders(db.prisma, 300);
    const url = new URL(db.url);
    const proxy = await TcpProxy.start({ host: url.hostname, port: Number(url.port || 5432) });
    url.port = String(proxy.port);
    const worker = startWorker(env({ DATABASE_URL: url.toString() }));
    try {
      await waitForOutput(worker, /worker ready/);
      await until('some orders moving', async () => ((await statusCounts(db.prisma, orders.orderIds))['PAID'] ?? 300) <= 250, 60_000, worker);
      await proxy.cut();
      // A timer may fire a millisecond early by the wall clock: wait until 10 s have passed by it.
      const cutAt = Date.now();
      while (Date.now() - cutAt < 10_000) await new Promise((r) => setTimeout(r, 10_000 - (Date.now() - cutAt) + 1));
      await proxy.restore();
      await until('every order delivered after the outage', () => delivered(orders.orderIds), 90_000, worker);
      expect(worker.child.exitCode).toBeNull();
      // The outage was felt (failed rounds and attempts), and left nothing behind.
      expect(worker.output()).toMatch(/outbox relay round failed/);
    } finally {
      await worker.stop('SIGTERM');
      await proxy.close();
    }
    // Jobs (the per-order steps and the scheduled pollers alike) waited the outage out: none gave up.
    expect(worker.output()).not.toMatch(/failed for good/);
    const deadLetters = new Queue(DEAD_LETTER_QUEUE, { connection: bullConnectionFromEnv(), prefix });
    try {
      expect(await deadLetters.getJobCounts('waiting', 'delayed', 'active', 'failed', 'completed')).toEqual({ waiting: 0, delayed: 0, active: 0, failed: 0, completed: 0 });
    } finally {
      await deadLetters.close();
    }
    expect(await statusCounts(db.prisma, orders.orderIds)).toEqual({ DELIVERED: 300 });
    for (const no of orders.orderNos) expect(customs.acceptedCount('ORDER', no)).toBe(1);
    expect(await db.prisma.customsMessage.count({ where: { orderId: { in: orders.orderIds } } })).toBe(1_200);
    const doubled = await db.prisma.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM (SELECT order_id, to_status FROM order_status_changes WHERE order_id = ANY(${orders.orderIds}::uuid[]) GROUP BY 1, 2 HAVING count(*) > 1) d`;
    expect(Number(doubled[0].n)).toBe(0);
  }, 180_000);

  it('drains on SIGTERM: jobs in flight finish, no new ones start, the process exits 0 within 30 s', async () => {
    prefix = newPrefix();
    const orders = await seedPaidOrders(db.prisma, 400);
    customs.setDelay(3_000);
    const worker = startWorker(env({ PIPELINE_BATCH_SIZE: '50' }));
    const queue = new Queue('order-pipeline', { connection: bullConnectionFromEnv(), prefix });
    try {
      await waitForOutput(worker, /worker ready/);
      // SIGTERM while customs is still answering (it takes 3 s).
      await until('a customs exchange in flight', async () => customs.inFlight > 0, 30_000, worker);
      const signalled = Date.now();
      const code = await worker.stop('SIGTERM');
      expect(Date.now() - signalled).toBeLessThan(30_000);
      expect(code).toBe(0);
      expect(worker.output()).toMatch(/draining/);
      expect(worker.output()).toMatch(/stopped/);
      // Nothing left half-done in Redis: no job active (it would come back as stalled).
      expect(await queue.getActiveCount()).toBe(0);
      // Work was left for the next worker: the drain finished what was in flight and took nothing
      // new. (Not "jobs waiting": on a loaded machine every queued job may already have been
      // active at the signal, so none waits, yet no order can have gone on to DELIVERED.)
      expect(await db.prisma.order.count({ where: { id: { in: orders.orderIds }, status: 'DELIVERED' } })).toBeLessThan(orders.orderIds.length);
      // Every entry customs accepted, including those in flight at the signal, was recorded…
      const recorded = new Set(
        (await db.prisma.customsMessage.findMany({ where: { orderId: { in: orders.orderIds }, status: { not: 'PENDING' } }, select: { document: true, orderNo: true } })).map((m) => `${m.document}:${m.orderNo}`),
      );
      const acceptedHere = [...customs.acceptances.keys()].filter((k) => orders.orderNos.includes(k.slice(k.indexOf(':') + 1)));
      expect(acceptedHere.length).toBeGreaterThan(0);
      expect(acceptedHere.filter((k) => !recorded.has(k))).toEqual([]);
      // …and its order settled.
      const unsettled = await db.prisma.$queryRaw<{ n: bigint }[]>`
        SELECT count(*) AS n FROM orders o WHERE o.id = ANY(${orders.orderIds}::uuid[]) AND o.status = 'PAID'
          AND (SELECT count(*) FROM customs_messages m WHERE m.order_id = o.id AND m.status <> 'PENDING') = 4`;
      expect(Number(unsettled[0].n)).toBe(0);
      expect(await db.prisma.order.count({ where: { id: { in: orders.orderIds }, status: { not: 'PAID' } } })).toBeGreaterThan(0);
    } finally {
      customs.setDelay(0);
      await queue.close();
      if (worker.child.exitCode === null) await worker.stop('SIGKILL');
    }
  }, 120_000);
});
