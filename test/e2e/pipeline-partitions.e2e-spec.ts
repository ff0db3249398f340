import { randomBytes } from 'node:crypto';
import type { PrismaService } from '@vitrine/shared/data-access';
import { QueueRegistry, jobsConfigFromEnv, partitionIndexOf, partitionOf } from '@vitrine/shared/jobs';
import { createTestDatabase, PrivateRedisCluster, type TestDatabase } from '@vitrine/shared/testing';
import { CarrierLoopback } from '../support/carrier-loopback';
import { CustomsLoopback } from '../support/customs-loopback';
import { seedPaidOrders, signingKeys, statusCounts } from '../support/pipeline-fixtures';
import type { SpawnedProcess } from '../support/spawn-api';
import { startWorker, until, waitForOutput } from '../support/worker-process';

const ORDERS = 400;
const PARTITIONS = 6;

/**
 * The order pipeline's queues split by order id (PIPELINE_QUEUE_PARTITIONS) on a local
 * three-master Redis Cluster, three worker processes consuming every partition: each partition
 * has a hash tag of its own, so BullMQ's keys spread over the masters instead of one slot; every
 * job of an order runs on the partition of its id; every order is delivered once.
 */
describe('order pipeline split by order id on a Redis Cluster', () => {
  let db: TestDatabase;
  let cluster: PrivateRedisCluster;
  let customs: CustomsLoopback;
  let carrier: CarrierLoopback;
  const keys = signingKeys();
  const prefix = `test-parts-${randomBytes(4).toString('hex')}`;
  const workers: SpawnedProcess[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    cluster = await PrivateRedisCluster.start(3);
    customs = await CustomsLoopback.start({ publicKey: keys.publicKey });
    carrier = await CarrierLoopback.start();
  });

  afterAll(async () => {
    for (const w of workers) if (w.child.exitCode === null && w.child.signalCode === null) await w.stop('SIGKILL');
    await customs?.close();
    await carrier?.close();
    await cluster?.stop();
    await db?.drop();
  });

  it(`takes ${ORDERS} orders through ${PARTITIONS} partitions spread over the masters, each order's jobs on its own partition`, async () => {
    const orders = await seedPaidOrders(db.prisma, ORDERS, { withStock: true, startPipeline: false });
    // The pipeline starts as payment starts it (startOrderPipeline in the paying transaction), with the partitions set.
    const env = { PIPELINE_QUEUE_PARTITIONS: String(PARTITIONS) };
    let start!: (tx: Parameters<Parameters<PrismaService['sqlTransaction']>[0]>[0], ids: readonly string[]) => Promise<void>;
    const saved = process.env['PIPELINE_QUEUE_PARTITIONS'];
    process.env['PIPELINE_QUEUE_PARTITIONS'] = env.PIPELINE_QUEUE_PARTITIONS;
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      start = require('../../libs/orders/src/lib/pipeline/pipeline.jobs').startOrderPipeline;
    });
    if (saved === undefined) delete process.env['PIPELINE_QUEUE_PARTITIONS'];
    else process.env['PIPELINE_QUEUE_PARTITIONS'] = saved;
    await db.prisma.sqlTransaction((tx) => start(tx, orders.orderIds));
    const outboxQueues = await db.prisma.$queryRaw<{ queue: string; n: bigint }[]>`SELECT queue, count(*) AS n FROM outbox_messages GROUP BY queue ORDER BY queue`;
    expect(outboxQueues.every((q) => partitionIndexOf(q.queue) !== null && q.queue.startsWith('order-pipeline.p'))).toBe(true);
    expect(outboxQueues.length).toBeGreaterThan(1);

    for (let i = 0; i < 3; i++) {
      workers.push(
        startWorker({
          DATABASE_URL: db.url,
          QUEUE_PREFIX: prefix,
          REDIS_CLUSTER_NODES: cluster.nodes,
          PIPELINE_BATCH_SIZE: '20',
          JOB_KEEP_COMPLETED: '10000',
          DATABASE_POOL_SIZE: '4',
          ...env,
          ...customs.env,
          ...carrier.env,
          ...keys.env,
        }),
      );
    }
    await Promise.all(workers.map((w) => waitForOutput(w, /worker ready/, 120_000)));
    await until('every order delivered', async () => (await statusCounts(db.prisma, orders.orderIds))['DELIVERED'] === ORDERS, 180_000, workers[0]);

    // Each effect once.
    expect(await statusCounts(db.prisma, orders.orderIds)).toEqual({ DELIVERED: ORDERS });
    const doubled = await db.prisma.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM (SELECT order_id, document FROM customs_messages WHERE order_id = ANY(${orders.orderIds}::uuid[]) GROUP BY 1, 2 HAVING count(*) > 1) d`;
    expect(Number(doubled[0]!.n)).toBe(0);
    const paths = await db.prisma.$queryRaw<{ path: string; n: bigint }[]>`
      SELECT path, count(*) AS n FROM (
        SELECT string_agg(to_status::text, '>' ORDER BY id) AS path FROM order_status_changes WHERE order_id = ANY(${orders.orderIds}::uuid[]) GROUP BY order_id) p
      GROUP BY path`;
    expect(paths.map((p) => [p.path, Number(p.n)])).toEqual([['PAID>CUSTOMS_SUBMITTED>CLEARED>SHIPPED>DELIVERED', ORDERS]]);
    for (const no of orders.orderNos) expect(customs.acceptedCount('ORDER', no)).toBe(1);

    // Every job of an order ran on the partition of its id, declarations and bookings alike.
    const registry = new QueueRegistry(jobsConfigFromEnv({ ...process.env, QUEUE_PREFIX: prefix, REDIS_CLUSTER_NODES: cluster.nodes }));
    const partitionOfJob = new Map<string, number>();
    const used = new Set<string>();
    const names = ['order-pipeline', 'order-shipping'].flatMap((base) => Array.from({ length: PARTITIONS }, (_, p) => `${base}.p${p}`));
    try {
      // A job can still be finishing when its order is delivered (a re-run after a lapsed lock finds its work done): wait until every partition is idle.
      await until(
        'every partition idle',
        async () => {
          const counts = await Promise.all(names.map((n) => registry.get(n).getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'failed')));
          return counts.every((c) => Object.values(c).every((v) => v === 0));
        },
        60_000,
      );
      for (const base of ['order-pipeline', 'order-shipping']) {
        for (let p = 0; p < PARTITIONS; p++) {
          const name = `${base}.p${p}`;
          for (const job of await registry.get(name).getJobs(['completed'], 0, -1)) {
            const orderId = (job.data as { orderId: string }).orderId;
            expect(partitionOf(orderId, PARTITIONS)).toBe(p);
            partitionOfJob.set(`${base}:${job.name}:${orderId}`, p);
            used.add(name);
          }
        }
      }
    } finally {
      await registry.close();
    }
    expect([...partitionOfJob.keys()].filter((k) => k.startsWith('order-pipeline:declare-customs:'))).toHaveLength(ORDERS);
    expect([...partitionOfJob.keys()].filter((k) => k.startsWith('order-shipping:book-shipment:'))).toHaveLength(ORDERS);
    expect(used.size).toBe(2 * PARTITIONS);

    // The partitions' keys are in slots of their own, on more than one master.
    const slots = new Set<string>();
    for (let p = 0; p < PARTITIONS; p++) slots.add(await cluster.cli(cluster.ports[0]!, 'CLUSTER', 'KEYSLOT', `{${prefix}.p${p}}:order-pipeline.p${p}:meta`));
    expect(slots.size).toBeGreaterThan(1);
    const counts = await cluster.keyCountPerMaster();
    expect(counts.filter((n) => n > 0).length).toBeGreaterThan(1);
  }, 420_000);
});
