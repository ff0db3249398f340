import { randomBytes } from 'node:crypto';
import type { PrismaService } from '@vitrine/shared/data-access';
import { QueueRegistry, jobsConfigFromEnv, partitionOf } from '@vitrine/shared/jobs';
import { PrivateRedisCluster, createTestDatabase, type TestDatabase } from '@vitrine/shared/testing';
import { CarrierLoopback } from '../support/carrier-loopback';
import { CustomsLoopback } from '../support/customs-loopback';
import { seedPaidOrders, signingKeys, statusCounts } from '../support/pipeline-fixtures';
import type { SpawnedProcess } from '../support/spawn-api';
import { dropQueues, startWorker, until, waitForOutput } from '../support/worker-process';

const ORDERS = 80;
const OLD = 6;
const NEW = 2;

/**
 * PIPELINE_QUEUE_PARTITIONS changed from 6 to 2 with work in flight: the pipeline of 80 paid
 * orders was started under 6 partitions; half of its first jobs already sit in BullMQ's
 * `order-pipeline.p0`…`p5` (as a 6-partition relay left them), the other half are still outbox
 * rows naming those partitions. A worker started with 2 partitions drains the partitions it
 * does not use (a worker on each, closed once empty), and its relay sends the outbox rows to
 * the partition each order has under 2: every order is delivered once, nothing is left behind.
 * On one Redis, and on a local three-master Redis Cluster (each partition in a slot of its own).
 */
describe.each([{ on: 'one Redis' }, { on: 'a Redis Cluster' }])('order pipeline on $on: partitions drained when PIPELINE_QUEUE_PARTITIONS changes', ({ on }) => {
  let db: TestDatabase;
  let cluster: PrivateRedisCluster | undefined;
  /** REDIS_CLUSTER_NODES for the worker and this test's queue registry, on the cluster. */
  const redisEnv = (): Record<string, string> => (cluster ? { REDIS_CLUSTER_NODES: cluster.nodes } : {});
  let customs: CustomsLoopback;
  let carrier: CarrierLoopback;
  let worker: SpawnedProcess | undefined;
  const keys = signingKeys();
  const prefix = `test-drain-${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    db = await createTestDatabase();
    if (on === 'a Redis Cluster') cluster = await PrivateRedisCluster.start(3);
    customs = await CustomsLoopback.start({ publicKey: keys.publicKey });
    carrier = await CarrierLoopback.start();
  });
  afterAll(async () => {
    await worker?.stop('SIGTERM');
    await customs?.close();
    await carrier?.close();
    if (cluster) await cluster.stop();
    else await dropQueues(prefix);
    await db?.drop();
  });

  it(`delivers ${ORDERS} orders started under ${OLD} partitions with a worker on ${NEW}, draining the ${OLD - NEW} it does not use`, async () => {
    const orders = await seedPaidOrders(db.prisma, ORDERS, { withStock: true, startPipeline: false });
    // The pipeline starts as payment starts it, by a process that had 6 partitions.
    let start!: (tx: Parameters<Parameters<PrismaService['sqlTransaction']>[0]>[0], ids: readonly string[]) => Promise<void>;
    const saved = process.env['PIPELINE_QUEUE_PARTITIONS'];
    process.env['PIPELINE_QUEUE_PARTITIONS'] = String(OLD);
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      start = require('../../libs/orders/src/lib/pipeline/pipeline.jobs').startOrderPipeline;
    });
    if (saved === undefined) delete process.env['PIPELINE_QUEUE_PARTITIONS'];
    else process.env['PIPELINE_QUEUE_PARTITIONS'] = saved;
    await db.prisma.sqlTransaction((tx) => start(tx, orders.orderIds));

    // Half the rows relayed by a 6-partition relay (into order-pipeline.p0 … p5), half still in the outbox.
    const rows = await db.prisma.$queryRaw<{ id: bigint; queue: string; name: string; jobId: string; payload: Record<string, string> }[]>`
      SELECT id, queue, name, job_id AS "jobId", payload FROM outbox_messages WHERE dispatched_at IS NULL ORDER BY id`;
    expect(rows).toHaveLength(ORDERS);
    expect(new Set(rows.map((r) => r.queue)).size).toBe(OLD);
    const relayed = rows.slice(0, ORDERS / 2);
    const registry = new QueueRegistry(jobsConfigFromEnv({ ...process.env, QUEUE_PREFIX: prefix, ...redisEnv() }));
    try {
      for (const r of relayed) await registry.get(r.queue).add(r.name, r.payload, { jobId: r.jobId, attempts: 12 });
      await db.prisma.$executeRaw`UPDATE outbox_messages SET dispatched_at = now() WHERE id = ANY(${relayed.map((r) => r.id.toString())}::bigint[])`;
      const leftover = Array.from({ length: OLD - NEW }, (_, i) => `order-pipeline.p${NEW + i}`);
      const heldBefore = await Promise.all(leftover.map(async (q) => (await registry.get(q).getJobCounts('waiting')).waiting ?? 0));
      expect(heldBefore.reduce((a, n) => a + n, 0)).toBe(relayed.filter((r) => leftover.includes(r.queue)).length);
      expect(heldBefore.filter((n) => n > 0).length).toBeGreaterThan(1);

      worker = startWorker({
        DATABASE_URL: db.url,
        QUEUE_PREFIX: prefix,
        ...redisEnv(),
        PIPELINE_QUEUE_PARTITIONS: String(NEW),
        PIPELINE_BATCH_SIZE: '20',
        JOB_KEEP_COMPLETED: '10000',
        DATABASE_POOL_SIZE: '4',
        ...customs.env,
        ...carrier.env,
        ...keys.env,
      });
      await waitForOutput(worker, /worker ready/, 120_000);
      const drained = leftover.filter((_, i) => heldBefore[i]! > 0);
      for (const q of drained) expect(worker.output()).toContain(`${q} holds jobs the current partition count does not route there: draining it`);
      await until('every order delivered', async () => (await statusCounts(db.prisma, orders.orderIds))['DELIVERED'] === ORDERS, 120_000, worker);
      for (const q of drained) await waitForOutput(worker, new RegExp(`${q.replace('.', '\\.')} drained`), 30_000);

      // Each effect once.
      expect(await statusCounts(db.prisma, orders.orderIds)).toEqual({ DELIVERED: ORDERS });
      const doubled = await db.prisma.$queryRaw<{ n: bigint }[]>`
        SELECT count(*) AS n FROM (SELECT order_id, document FROM customs_messages WHERE order_id = ANY(${orders.orderIds}::uuid[]) GROUP BY 1, 2 HAVING count(*) > 1) d`;
      expect(Number(doubled[0]!.n)).toBe(0);
      for (const no of orders.orderNos) expect(customs.acceptedCount('ORDER', no)).toBe(1);

      // Nothing waits on the old partitions; the outbox half ran on the new ones, by each order's partition under 2.
      for (const q of [...leftover, 'order-pipeline', ...Array.from({ length: OLD }, (_, i) => `order-shipping.p${i}`).slice(NEW)]) {
        const counts = await registry.get(q).getJobCounts('waiting', 'active', 'delayed', 'prioritized');
        expect([q, Object.values(counts).reduce((a, n) => a + n, 0)]).toEqual([q, 0]);
      }
      const onNew = new Map<string, number>();
      for (let p = 0; p < NEW; p++) for (const job of await registry.get(`order-pipeline.p${p}`).getJobs(['completed'], 0, -1)) onNew.set((job.data as { orderId: string }).orderId, p);
      for (const r of rows.slice(ORDERS / 2)) expect(onNew.get(r.payload['orderId']!)).toBe(partitionOf(r.payload['orderId']!, NEW));
    } finally {
      await registry.close();
    }
  }, 300_000);
});
