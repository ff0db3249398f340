import type { ConnectionOptions, RedisOptions } from 'bullmq';
import { Cluster } from 'ioredis';
import { queuePrefixFromEnv, redisClusterNodesFromEnv, redisOptionsFromEnv, type RedisNode } from '@vitrine/shared/data-access';
import { partitionIndexOf } from './job-definition';

/** Queue and worker settings, from the environment, with production defaults. */
export interface JobsConfig {
  redis: RedisOptions;
  /** A Redis Cluster's nodes (REDIS_CLUSTER_NODES), or null for the single Redis of `redis`. */
  cluster: RedisNode[] | null;
  /** Key prefix of every queue (QUEUE_PREFIX): tests and environments isolate themselves by it. */
  prefix: string;
  /** A worker's lock on an active job; a killed worker's jobs come back after it (JOB_LOCK_MS). */
  lockDurationMs: number;
  /** How often stalled jobs are looked for (JOB_STALLED_CHECK_MS). */
  stalledIntervalMs: number;
  /** Retry delays double from the job's first delay up to this cap (JOB_BACKOFF_CAP_MS). */
  backoffCapMs: number;
  /**
   * How long (in summed retry delays) a job keeps retrying transient infrastructure errors
   * (database or remote unreachable, connections dropped, timeouts) without spending its
   * attempts, so an outage shorter than this dead-letters nothing (JOB_OUTAGE_TOLERANCE_MS).
   */
  outageToleranceMs: number;
  /** Completed jobs kept in Redis per queue, for the board (JOB_KEEP_COMPLETED). */
  keepCompleted: number;
  /** Failed jobs are kept this long, for the board and retries (JOB_KEEP_FAILED_HOURS). */
  keepFailedHours: number;
  /** Scale of every queue's concurrency (WORKER_CONCURRENCY_SCALE, e.g. 0.5 on a small box). */
  concurrencyScale: number;
  outbox: {
    /** Idle poll interval of the relay (OUTBOX_POLL_MS). */
    pollMs: number;
    /** Rows moved per relay round (OUTBOX_BATCH). */
    batchSize: number;
    /** Longest wait for Redis before a round gives up and leaves its rows for later (OUTBOX_ADD_TIMEOUT_MS). */
    addTimeoutMs: number;
    /** Dispatched rows are deleted after this (OUTBOX_RETENTION_HOURS). */
    retentionHours: number;
  };
}

const num = (env: NodeJS.ProcessEnv, name: string, fallback: number): number => {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a non-negative number`);
  return value;
};

/** REDIS_URL as BullMQ connection options (ioredis 6 types its retry strategy more loosely than BullMQ). */
export function bullConnectionFromEnv(env: NodeJS.ProcessEnv = process.env): RedisOptions {
  const { retryStrategy: _retry, ...options } = redisOptionsFromEnv(env);
  return options;
}

/**
 * The connection a BullMQ Queue or Worker is given: options for a single Redis (BullMQ opens and
 * closes its own connections), or a Cluster client of its own, which BullMQ treats as shared and
 * never closes: `release` does, after the queue or worker is closed.
 */
export function bullConnection(config: JobsConfig, overrides: Partial<RedisOptions> = {}): { connection: ConnectionOptions; release: () => Promise<void> } {
  if (!config.cluster) return { connection: { ...config.redis, ...overrides }, release: async () => undefined };
  const { host: _host, port: _port, db: _db, ...perNode } = { ...config.redis, ...overrides };
  const cluster = new Cluster(config.cluster, { redisOptions: perNode as never });
  cluster.on('error', () => undefined);
  return {
    connection: cluster as unknown as ConnectionOptions,
    release: () => cluster.quit().then(
      () => undefined,
      () => cluster.disconnect(),
    ),
  };
}

/**
 * The key prefix of one BullMQ queue: QUEUE_PREFIX, except for a partition of a split queue on a
 * Redis Cluster, whose prefix carries a hash tag of its own (`{vitrine.p3}`) so that the
 * partitions' keys land in different slots, and so on different shards.
 */
export function queuePrefixFor(config: Pick<JobsConfig, 'prefix' | 'cluster'>, queueName: string): string {
  const index = partitionIndexOf(queueName);
  if (!config.cluster || index === null) return config.prefix;
  const tag = /^\{(.+)\}$/.exec(config.prefix)?.[1] ?? config.prefix;
  return `{${tag}.p${index}}`;
}

export function jobsConfigFromEnv(env: NodeJS.ProcessEnv = process.env): JobsConfig {
  return {
    redis: bullConnectionFromEnv(env),
    cluster: redisClusterNodesFromEnv(env),
    prefix: queuePrefixFromEnv(env),
    lockDurationMs: num(env, 'JOB_LOCK_MS', 30_000),
    stalledIntervalMs: num(env, 'JOB_STALLED_CHECK_MS', 30_000),
    backoffCapMs: num(env, 'JOB_BACKOFF_CAP_MS', 10 * 60_000),
    outageToleranceMs: num(env, 'JOB_OUTAGE_TOLERANCE_MS', 60 * 60_000),
    keepCompleted: num(env, 'JOB_KEEP_COMPLETED', 1_000),
    keepFailedHours: num(env, 'JOB_KEEP_FAILED_HOURS', 14 * 24),
    concurrencyScale: num(env, 'WORKER_CONCURRENCY_SCALE', 1),
    outbox: {
      pollMs: num(env, 'OUTBOX_POLL_MS', 100),
      batchSize: num(env, 'OUTBOX_BATCH', 1_000),
      addTimeoutMs: num(env, 'OUTBOX_ADD_TIMEOUT_MS', 5_000),
      retentionHours: num(env, 'OUTBOX_RETENTION_HOURS', 72),
    },
  };
}
