import { randomBytes } from 'node:crypto';
import type { ApiHarness } from './api-harness';
import { CarrierLoopback } from './carrier-loopback';
import { seedFx, seedShop, startCheckoutApi, type Shop } from './checkout-fixtures';
import { CustomsLoopback, type CustomsLoopbackOptions } from './customs-loopback';
import { signingKeys } from './pipeline-fixtures';
import type { SpawnedProcess } from './spawn-api';
import type { StripeLoopback } from './stripe-loopback';
import { dropQueues, startWorker, waitForOutput } from './worker-process';

/**
 * Everything an order needs to go through the real pipeline in an end-to-end spec: the API on
 * the Stripe loopback, a shop with FX, the customs (with its payment company) and carrier
 * loopbacks, the customs signing keys, a private queue prefix, and real worker processes
 * started on demand (or one for the whole spec).
 */
export interface PipelineHarness {
  api: ApiHarness;
  stripe: StripeLoopback;
  shop: Shop;
  customs: CustomsLoopback;
  carrier: CarrierLoopback;
  /** The customs signing keys the worker signs with and the loopback checks. */
  keys: ReturnType<typeof signingKeys>;
  prefix: string;
  /** The spec-wide worker, when `worker` was asked for. */
  worker?: SpawnedProcess;
  /** A worker's environment: the API's database, this harness' queues, loopbacks and keys, then `extra`. */
  workerEnv(extra?: Record<string, string>): Record<string, string>;
  /** Starts a worker, waits until it is ready, runs `use`, and stops it (SIGTERM) whatever happened. */
  withWorker<T>(use: (worker: SpawnedProcess) => Promise<T>, extra?: Record<string, string>): Promise<T>;
  close(): Promise<void>;
}

export interface PipelineHarnessOptions {
  /** Environment of the API (and of this process: the API runs in it); undone on close. */
  apiEnv?: Record<string, string>;
  shop: Parameters<typeof seedShop>[1];
  customs?: Omit<CustomsLoopbackOptions, 'publicKey'>;
  carrier?: Parameters<typeof CarrierLoopback.start>[0];
  /** A worker running for the whole spec, with this extra environment. */
  worker?: Record<string, string>;
}

export async function startPipeline(name: string, options: PipelineHarnessOptions): Promise<PipelineHarness> {
  const keys = signingKeys();
  const prefix = `test-${name}-${randomBytes(4).toString('hex')}`;
  const apiEnv = { QUEUE_PREFIX: prefix, ...options.apiEnv };
  const { api, stripe, close: closeApi } = await startCheckoutApi(apiEnv);
  await seedFx(api.db.prisma, '7.8000');
  const shop = await seedShop(api.db.prisma, options.shop);
  const customs = await CustomsLoopback.start({ ...options.customs, publicKey: keys.publicKey });
  const carrier = await CarrierLoopback.start(options.carrier);
  const workerEnv = (extra: Record<string, string> = {}) => ({ DATABASE_URL: api.db.url, QUEUE_PREFIX: prefix, ...customs.env, ...carrier.env, ...keys.env, ...extra });

  const harness: PipelineHarness = {
    api,
    stripe,
    shop,
    customs,
    carrier,
    keys,
    prefix,
    workerEnv,
    async withWorker(use, extra) {
      const worker = startWorker(workerEnv(extra));
      try {
        await waitForOutput(worker, /worker ready/);
        return await use(worker);
      } finally {
        await worker.stop('SIGTERM');
      }
    },
    async close() {
      await harness.worker?.stop('SIGTERM');
      await customs.close();
      await carrier.close();
      await closeApi();
      await dropQueues(prefix);
      for (const k of Object.keys(apiEnv)) delete process.env[k];
    },
  };
  if (options.worker) {
    harness.worker = startWorker(workerEnv(options.worker));
    await waitForOutput(harness.worker, /worker ready/);
  }
  return harness;
}
