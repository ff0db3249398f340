import { randomBytes } from 'node:crypto';
import { Queue } from 'bullmq';
import { DEAD_LETTER_QUEUE } from '@vitrine/shared/jobs';
import { createTestDatabase, PrivateRedis, type TestDatabase } from '@vitrine/shared/testing';
import { CarrierLoopback } from '../support/carrier-loopback';
import { CustomsLoopback } from '../support/customs-loopback';
import { seedPaidOrders, signingKeys, statusCounts } from '../support/pipeline-fixtures';
import { type SpawnedProcess } from '../support/spawn-api';
import { metricsPortOf, startWorker, until, waitForOutput } from '../support/worker-process';

const ORDERS = 1_000;
/**
 * After the kill the two left must keep finishing orders: a stretch this long without one more
 * order reaching its final state fails (ms). The killed process's jobs come back once their lock
 * expires and a stall check finds them (JOB_LOCK_MS and JOB_STALLED_CHECK_MS, 30 s each: up to
 * 60 s), so this is longer than that; how long the whole run takes depends on the machine's load.
 */
const NO_PROGRESS_MS = 90_000;

/**
 * Issue 23, many processes: three real worker processes (apps/worker/src/main.ts) share the
 * pipeline's queues on a Redis of the test's own and a database of its own; one is SIGKILLed
 * while all three are taking orders. The two left finish every order, and each effect happens
 * once: one customs message per order and document, one status change per step, one waybill
 * and booking, one stock shipment, whatever the killed process had in hand.
 */
describe('order pipeline on three worker processes, one SIGKILLed mid-run', () => {
  let db: TestDatabase;
  let redis: PrivateRedis;
  let customs: CustomsLoopback;
  let carrier: CarrierLoopback;
  const keys = signingKeys();
  const held = new Set<string>();
  const prefix = `test-three-${randomBytes(4).toString('hex')}`;
  const workers: { proc: SpawnedProcess; metricsPort: number }[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    redis = await PrivateRedis.start();
    customs = await CustomsLoopback.start({ publicKey: keys.publicKey, holdRule: (no) => (held.has(no) ? '查验: goods selected for inspection' : null) });
    carrier = await CarrierLoopback.start();
  });

  afterAll(async () => {
    // The SIGKILLed one has exited already (stop() would wait for an exit that came).
    for (const w of workers) if (w.proc.child.exitCode === null && w.proc.child.signalCode === null) await w.proc.stop('SIGKILL');
    await customs?.close();
    await carrier?.close();
    await redis?.stop();
    await db?.drop();
  });

  /** Completed pipeline jobs a worker reports on its /metrics (0 once it is gone). */
  async function completedBy(worker: { proc: SpawnedProcess; metricsPort: number }): Promise<number> {
    let text: string;
    try {
      text = await (await fetch(`http://127.0.0.1:${worker.metricsPort}/metrics`)).text();
    } catch (error) {
      throw new Error(`worker metrics on :${worker.metricsPort}: ${(error as Error).message}\n${worker.proc.output().slice(-3000)}`);
    }
    let total = 0;
    for (const m of text.matchAll(/^vitrine_job_duration_seconds_count\{queue="order-[a-z-]+",name="[^"]+",outcome="completed"\} (\d+)$/gm)) total += Number(m[1]);
    return total;
  }

  it(`takes ${ORDERS} paid orders to their final state exactly once`, async () => {
    const orders = await seedPaidOrders(db.prisma, ORDERS, { withStock: true });
    orders.orderNos.filter((_, i) => i % 50 === 7).forEach((no) => held.add(no));
    const ids = orders.orderIds;
    const moved = async () => ORDERS - ((await statusCounts(db.prisma, ids))['PAID'] ?? 0);

    const procs: SpawnedProcess[] = [];
    for (let i = 0; i < 3; i++) {
      // Port 0: each worker binds a port the system gives it and prints it (a port probed free
      // here could be taken by a parallel suite before the worker binds it).
      const proc = startWorker({
        DATABASE_URL: db.url,
        REDIS_URL: redis.url,
        QUEUE_PREFIX: prefix,
        WORKER_METRICS_PORT: '0',
        WORKER_METRICS_HOST: '127.0.0.1',
        // Small batches, so the orders spread over the three processes.
        PIPELINE_BATCH_SIZE: '20',
        // Completed jobs kept, so the ones taken over from the killed process can be counted.
        JOB_KEEP_COMPLETED: '10000',
        DATABASE_POOL_SIZE: '4',
        ...customs.env,
        ...carrier.env,
        ...keys.env,
      });
      procs.push(proc);
    }
    for (const proc of procs) workers.push({ proc, metricsPort: await metricsPortOf(proc) });
    await Promise.all(workers.map((w) => waitForOutput(w.proc, /worker ready/, 120_000)));

    // All three are taking orders before one is killed.
    await until(
      'each of the three workers completing pipeline jobs',
      async () => (await Promise.all(workers.map((w) => completedBy(w)))).every((n) => n > 0),
      120_000,
    );
    await until('a quarter of the orders declared', async () => (await moved()) >= ORDERS / 4, 120_000);
    // Customs answers slowly from now on, so every process has exchanges in hand when one dies.
    customs.setDelay(300);
    await until('customs exchanges in flight', async () => customs.inFlight >= 3, 60_000);
    const victim = workers[1]!;
    const doneByVictim = await completedBy(victim);
    victim.proc.child.kill('SIGKILL');
    await new Promise((r) => (victim.proc.child.exitCode !== null || victim.proc.child.signalCode !== null ? r(null) : victim.proc.child.once('exit', r)));
    const killedAt = Date.now();
    expect(victim.proc.child.signalCode).toBe('SIGKILL');
    expect(doneByVictim).toBeGreaterThan(0);
    const atKill = await statusCounts(db.prisma, ids);
    // Killed mid-run: orders were still on their way.
    expect((atKill['DELIVERED'] ?? 0) + (atKill['HELD'] ?? 0)).toBeLessThan(ORDERS);

    const settled = async () => {
      const c = await statusCounts(db.prisma, ids);
      return (c['DELIVERED'] ?? 0) + (c['HELD'] ?? 0);
    };
    let done = await settled();
    let progressAt = Date.now();
    let longestStillMs = 0;
    while (done < ORDERS) {
      await new Promise((r) => setTimeout(r, 500));
      const now = await settled();
      if (now > done) {
        longestStillMs = Math.max(longestStillMs, Date.now() - progressAt);
        [done, progressAt] = [now, Date.now()];
      } else if (Date.now() - progressAt > NO_PROGRESS_MS) {
        throw new Error(`no order reached its final state for ${NO_PROGRESS_MS} ms after the kill: ${done} of ${ORDERS} delivered or held`);
      }
    }
    const settledInMs = Date.now() - killedAt;
    customs.setDelay(0);
    console.info(`three workers: every order delivered or held ${settledInMs} ms after the kill; longest stretch without one ${longestStillMs} ms`);
    // A batch the killed worker had sent but not recorded is sent again by its retried job (the same
    // guids: customs gives the same answers) once its lock expires, which can be after the clearance
    // feed has taken those orders on to delivery: wait for those answers before counting documents.
    await until('every answer customs gave recorded', async () => (await db.prisma.customsMessage.count({ where: { orderId: { in: ids }, status: 'PENDING' } })) === 0, 90_000);
    // The two survivors did the rest and are still running.
    const survivors = [workers[0]!, workers[2]!];
    for (const w of survivors) expect(w.proc.child.exitCode).toBeNull();
    expect((await Promise.all(survivors.map((w) => completedBy(w)))).every((n) => n > 0)).toBe(true);

    // Final states: 980 delivered, 20 held by customs, each by the same path once.
    expect(await statusCounts(db.prisma, ids)).toEqual({ DELIVERED: 980, HELD: 20 });
    const paths = await db.prisma.$queryRaw<{ path: string; n: bigint }[]>`
      SELECT path, count(*) AS n FROM (
        SELECT string_agg(to_status::text, '>' ORDER BY id) AS path FROM order_status_changes WHERE order_id = ANY(${ids}::uuid[]) GROUP BY order_id) p
      GROUP BY path ORDER BY path`;
    expect(paths.map((p) => [p.path, Number(p.n)])).toEqual([
      ['PAID>CUSTOMS_SUBMITTED>CLEARED>SHIPPED>DELIVERED', 980],
      ['PAID>CUSTOMS_SUBMITTED>HELD', 20],
    ]);
    // Customs messages (the order, the payment declaration, the waybill, the list): one row per order and document, none twice.
    const doubledMessages = await db.prisma.$queryRaw<{ order_id: string; document: string; n: bigint }[]>`
      SELECT order_id, document::text, count(*) AS n FROM customs_messages WHERE order_id = ANY(${ids}::uuid[]) GROUP BY 1, 2 HAVING count(*) > 1`;
    expect(doubledMessages).toEqual([]);
    const messages = await db.prisma.$queryRaw<{ document: string; status: string; n: bigint }[]>`
      SELECT document::text, status::text, count(*) AS n FROM customs_messages WHERE order_id = ANY(${ids}::uuid[]) GROUP BY 1, 2 ORDER BY 1, 2`;
    expect(Object.fromEntries(messages.map((m) => [`${m.document}:${m.status}`, Number(m.n)]))).toEqual({
      'INVENTORY:CLEARED': 980,
      'INVENTORY:HELD': 20,
      'ORDER:ACCEPTED': ORDERS,
      'PAYMENT:ACCEPTED': ORDERS,
      'WAYBILL:ACCEPTED': ORDERS,
    });
    // Customs' side agrees: each document of each order accepted once.
    for (const no of orders.orderNos) {
      for (const d of ['ORDER', 'PAYMENT', 'WAYBILL', 'INVENTORY'] as const) expect(customs.acceptedCount(d, no)).toBe(1);
    }
    expect(customs.stats.badSignatures).toBe(0);
    // Payments: each order's one payment, still SUCCEEDED and never refunded.
    const payments = await db.prisma.$queryRaw<{ status: string; n: bigint }[]>`
      SELECT p.status::text, count(*) AS n FROM payments p JOIN orders o ON o.checkout_id = p.checkout_id WHERE o.id = ANY(${ids}::uuid[]) GROUP BY 1`;
    expect(payments.map((p) => [p.status, Number(p.n)])).toEqual([['SUCCEEDED', ORDERS]]);
    // The carrier: one shipment per cleared order, one waybill per order and one booking per shipped parcel.
    const shipments = await db.prisma.$queryRaw<{ n: bigint; orders: bigint }[]>`
      SELECT count(*) AS n, count(DISTINCT order_id) AS orders FROM shipments WHERE order_id = ANY(${ids}::uuid[])`;
    expect(Number(shipments[0]!.n)).toBe(Number(shipments[0]!.orders));
    expect(carrier.waybills.size).toBe(ORDERS);
    expect(carrier.bookings.size).toBe(980);
    expect([...carrier.bookings.values()].every((b) => b.calls >= 1)).toBe(true);
    // Stock: each shipped order's units left the ledger once; held orders keep theirs reserved.
    const ships = await db.prisma.$queryRaw<{ reference: string; n: bigint }[]>`
      SELECT reference, count(*) AS n FROM stock_movements WHERE location_id = ${orders.locationId}::uuid AND kind = 'SHIP' GROUP BY reference`;
    expect(ships).toHaveLength(980);
    expect(ships.every((r) => Number(r.n) === 1)).toBe(true);
    const level = await db.prisma.stockLevel.findFirstOrThrow({ where: { locationId: orders.locationId } });
    expect({ onHand: level.onHand, reserved: level.reserved }).toEqual({ onHand: 2 * 20, reserved: 2 * 20 });
    // Nothing gave up: the dead-letter queue is empty.
    const connection = { host: '127.0.0.1', port: redis.port };
    const deadLetters = new Queue(DEAD_LETTER_QUEUE, { connection, prefix });
    try {
      expect(await deadLetters.getJobCounts('waiting', 'delayed', 'active', 'failed', 'completed')).toEqual({ waiting: 0, delayed: 0, active: 0, failed: 0, completed: 0 });
    } finally {
      await deadLetters.close();
    }
    // The killed process had jobs in hand: their locks lapsed and the survivors took them over (stalled, then completed).
    let takenOver = 0;
    for (const name of ['order-pipeline', 'order-shipping']) {
      const queue = new Queue(name, { connection, prefix });
      try {
        takenOver += (await queue.getJobs(['completed'], 0, -1)).filter((j) => j.stalledCounter > 0).length;
      } finally {
        await queue.close();
      }
    }
    expect(takenOver).toBeGreaterThan(0);
    console.log(`three workers: ${ORDERS} orders final ${Math.round(settledInMs / 1000)} s after the SIGKILL; the killed worker had completed ${doneByVictim} jobs, ${takenOver} in its hands were taken over`);
  }, 420_000);
});
