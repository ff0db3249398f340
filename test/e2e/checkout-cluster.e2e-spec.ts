import { randomBytes } from 'node:crypto';
import { PrivateRedisCluster } from '@vitrine/shared/testing';
import { describeCheckout } from '../support/checkout-suite';

jest.setTimeout(60_000);

/**
 * The whole checkout e2e suite with the API on a local three-master Redis Cluster
 * (REDIS_CLUSTER_NODES, queue prefix hash-tagged) and the front-door cache on as deployed
 * (PUBLIC_CACHE_SECONDS=30), so the shop-window channel that purges it runs on the cluster (issue 23). (Throttling counted on a cluster is throttle-shared e2e's: this
 * in-process API reads THROTTLER_STORAGE when its module is imported, before the cluster exists.)
 */
const prefix = `test-checkout-cluster-${randomBytes(4).toString('hex')}`;
let cluster: PrivateRedisCluster | undefined;

describeCheckout('checkout end to end with the API on a Redis Cluster', {
  async start() {
    cluster = await PrivateRedisCluster.start(3);
    return { QUEUE_PREFIX: prefix, REDIS_CLUSTER_NODES: cluster.nodes, PUBLIC_CACHE_SECONDS: '30' };
  },
  // The cluster outlives the suite's API for the checks below.
  stop: async () => undefined,
});

describe('after the checkout suite on the cluster', () => {
  afterAll(async () => {
    await cluster?.stop();
    delete process.env['QUEUE_PREFIX'];
    delete process.env['REDIS_CLUSTER_NODES'];
    delete process.env['PUBLIC_CACHE_SECONDS'];
  });

  it('sent the shop-window purges of the suite’s back-office writes over the cluster', async () => {
    // The API writes no queue keys itself during a checkout (the worker's relay does): what it
    // sends to Redis here are the purges of managers' writes (stock levels, refunds) on the
    // cluster's channel, to which it subscribed at start.
    const c = cluster!;
    const published = await Promise.all(
      c.ports.map(async (port) => Number(/cmdstat_publish:calls=(\d+)/.exec(await c.cli(port, 'INFO', 'commandstats'))?.[1] ?? 0)),
    );
    expect(published.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    const subscribed = await Promise.all(c.ports.map(async (port) => /cmdstat_subscribe:calls=[1-9]/.test(await c.cli(port, 'INFO', 'commandstats'))));
    expect(subscribed).toContain(true);
  });
});
