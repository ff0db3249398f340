import { deleteKeysUnderPrefix } from '@vitrine/shared/testing';
import { spawnApp, type SpawnedProcess } from './spawn-api';

/**
 * apps/worker as its own process against a test database and a private queue prefix, with
 * short locks (a killed worker's jobs come back within seconds) and fast feed polling.
 */
export function startWorker(env: Record<string, string>): SpawnedProcess {
  return spawnApp('apps/worker/src/main.ts', {
    NODE_ENV: 'test',
    WORKER_METRICS_PORT: 'off',
    JOB_LOCK_MS: '10000',
    JOB_STALLED_CHECK_MS: '1000',
    OUTBOX_POLL_MS: '20',
    CUSTOMS_RECEIPT_POLL_MS: '100',
    CARRIER_TRACKING_POLL_MS: '100',
    PIPELINE_SWEEP_MS: '600000',
    RESERVATION_EXPIRY_EVERY_MS: '600000',
    DATABASE_POOL_SIZE: '8',
    ...env,
  });
}

export async function waitForOutput(worker: SpawnedProcess, pattern: RegExp, timeoutMs = 60_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (pattern.test(worker.output())) return;
    if (worker.child.exitCode !== null) throw new Error(`worker exited (${worker.child.exitCode}):\n${worker.output().slice(-4000)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`worker did not print ${pattern} within ${timeoutMs} ms:\n${worker.output().slice(-4000)}`);
}

/**
 * The port a process started with *_METRICS_PORT=0 bound for /metrics (it prints it): a port
 * probed free beforehand could be taken by a parallel suite before the process binds it.
 */
export async function metricsPortOf(proc: SpawnedProcess, timeoutMs = 120_000): Promise<number> {
  await waitForOutput(proc, /metrics on :\d+\/metrics/, timeoutMs);
  return Number(/metrics on :(\d+)\/metrics/.exec(proc.output())![1]);
}

export async function until(what: string, check: () => Promise<boolean>, timeoutMs: number, worker?: SpawnedProcess): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}${worker ? `\nworker output:\n${worker.output().slice(-4000)}` : ''}`);
}

/** Deletes a test's queues (keys under `prefix:`) from the Redis and database REDIS_URL names, and nothing else. */
export async function dropQueues(prefix: string, redisUrl: string | undefined = process.env['REDIS_URL']): Promise<void> {
  await deleteKeysUnderPrefix(prefix, redisUrl);
}
