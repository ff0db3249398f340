import { Logger } from '@nestjs/common';
import { DelayedError, UnrecoverableError, Worker, type Job } from 'bullmq';
import { Redis, type Cluster } from 'ioredis';
import { bullConnection, queuePrefixFor } from './jobs-config';
import { jobKey, queueNamesOf, type JobDefinition, type JobHandler, type JobPayload, type JobSchedule } from './job-definition';
import type { JobMetrics } from './job-metrics';
import { BACKOFF_STRATEGY, DEAD_LETTER_QUEUE, type QueueRegistry } from './queue-registry';
import { isTransientInfrastructureError } from './transient-error';

/** A failure no retry can mend (bad input, a rule refusing): the job goes straight to the dead letter queue. */
export class PermanentJobError extends UnrecoverableError {}

/**
 * "Not yet", which is not a failure: a handler waiting on something outside (a remote whose
 * records trail its answers) throws this to be run again at `at` without spending an attempt,
 * so its last attempt stays for real failures. (The run is counted in BullMQ's attemptsStarted,
 * so a later outage of the same job starts its tolerance that many runs along.)
 */
export class RunAgainAt extends Error {
  constructor(
    readonly at: Date,
    reason: string,
  ) {
    super(reason);
    this.name = 'RunAgainAt';
  }
}

/** What the dead letter queue holds for a job that used up its attempts. */
export interface DeadLetter extends JobPayload {
  queue: string;
  name: string;
  jobId: string;
  /** The original payload, as JSON (ids only). */
  payload: string;
  failedReason: string;
  attemptsMade: number;
  failedAt: string;
}

export const deadLetterId = (queue: string, jobId: string) => `dl.${queue}.${jobId}`;

/**
 * Runs the handlers of every defined job: one BullMQ Worker per queue, each job routed by
 * name to its handler. Start-up fails when a defined job has no handler (or a handler has no
 * definition). After its last attempt a job is copied to the dead letter queue, where it is
 * parked as failed: retrying it there (from the board) redrives the original job.
 */
export class JobRunner {
  private readonly logger = new Logger('JobRunner');
  private readonly handlers = new Map<string, { job: JobDefinition; handler: JobHandler }>();
  private workers: Worker[] = [];
  private readonly releases: (() => Promise<void>)[] = [];
  /** Workers on leftover partitions (drainLeftovers), closed once their queue is empty. */
  private readonly draining = new Map<string, Worker>();
  private drainCheck: NodeJS.Timeout | null = null;
  private drainClient: { client: Redis | Cluster; release: () => Promise<void> } | null = null;

  constructor(
    private readonly queues: QueueRegistry,
    handlers: ReadonlyMap<JobDefinition, JobHandler>,
    private readonly schedules: readonly JobSchedule[] = [],
    private readonly hooks: { metrics?: JobMetrics; afterJob?: () => void } = {},
  ) {
    const defined = new Set(queues.definitions.flatMap((j) => queueNamesOf(j.queue).map((q) => jobKey(q, j.name))));
    for (const [job, handler] of handlers) {
      // A split queue's job is handled on each of its partitions.
      for (const queue of queueNamesOf(job.queue)) {
        const key = jobKey(queue, job.name);
        if (!defined.has(key)) throw new Error(`a handler is registered for ${key}, which apps/worker does not list`);
        if (this.handlers.has(key)) throw new Error(`two handlers for ${key}`);
        this.handlers.set(key, { job, handler });
      }
    }
    const missing = [...defined].filter((key) => !this.handlers.has(key));
    if (missing.length) throw new Error(`no handler for job(s): ${missing.join(', ')}`);
    for (const s of schedules) {
      if (!this.handlers.has(jobKey(s.job.queueOf(s.payload), s.job.name))) throw new Error(`schedule of ${s.job.name}: the job is not listed`);
    }
  }

  async start(): Promise<void> {
    const byQueue = new Map<string, number>();
    for (const [key, { job }] of this.handlers) {
      const queue = key.slice(0, key.length - job.name.length - 1);
      byQueue.set(queue, Math.max(byQueue.get(queue) ?? 1, job.queue.concurrency));
    }
    byQueue.set(DEAD_LETTER_QUEUE, 1);
    for (const [queue, concurrency] of byQueue) this.workers.push(this.workerOn(queue, concurrency));
    await Promise.all(this.workers.map((w) => w.waitUntilReady()));
    await this.upsertSchedules();
    this.logger.log(`processing ${this.handlers.size} job types on ${byQueue.size} queues`);
    await this.drainLeftovers();
  }

  /** Stops taking jobs and waits for the ones in flight. */
  async stop(): Promise<void> {
    if (this.drainCheck) clearInterval(this.drainCheck);
    this.drainCheck = null;
    const workers = [...this.workers, ...this.draining.values()];
    this.workers = [];
    this.draining.clear();
    await Promise.all(workers.map((w) => w.close()));
    await this.drainClient?.release();
    this.drainClient = null;
    await Promise.all(this.releases.splice(0).map((release) => release()));
  }

  private workerOn(queue: string, concurrency: number): Worker {
    const { config } = this.queues;
    const { connection, release } = bullConnection(config);
    this.releases.push(release);
    const worker = new Worker(queue, (job, token) => (queue === DEAD_LETTER_QUEUE ? this.deadLetterProcess(job) : this.process(queue, job, token)), {
      connection,
      prefix: queuePrefixFor(config, queue),
      concurrency: Math.max(1, Math.round(concurrency * config.concurrencyScale)),
      lockDuration: config.lockDurationMs,
      stalledInterval: config.stalledIntervalMs,
      // A killed worker's jobs come back; a job that keeps killing workers ends up failed.
      maxStalledCount: 3,
      removeOnComplete: { count: config.keepCompleted },
      removeOnFail: { age: config.keepFailedHours * 3600 },
      settings: { backoffStrategy: (attemptsMade, _type, _err, job) => this.backoff(attemptsMade, job?.opts.backoff) },
    });
    worker.on('error', (error) => this.logger.warn(`worker ${queue}: ${error.message}`));
    return worker;
  }

  /**
   * Jobs that processes with another partition count (PIPELINE_QUEUE_PARTITIONS) left on queues
   * this count does not use would run nowhere: each such queue holding jobs gets a worker of its
   * own, closed once the queue is empty (checked every 2 s). The outbox
   * relay already sends rows written for such queues to their partition under this count.
   */
  private async drainLeftovers(): Promise<void> {
    const client = this.leftoverClient();
    const found: string[] = [];
    try {
      for (const name of this.queues.leftoverQueueNames) if (await this.holdsJobs(client.client, name)) found.push(name);
    } catch (error) {
      this.logger.warn(`leftover partitions not checked: ${(error as Error).message}`);
    }
    if (!found.length) return client.release();
    this.drainClient = client;
    for (const name of found) {
      const job = this.queues.definitions.find((j) => j.queue.name === name.replace(/\.p\d+$/, ''));
      this.logger.warn(`${name} holds jobs the current partition count does not route there: draining it`);
      this.draining.set(name, this.workerOn(name, job?.queue.concurrency ?? 10));
    }
    this.drainCheck = setInterval(() => void this.closeDrained(), DRAIN_CHECK_MS);
    this.drainCheck.unref();
  }

  private async closeDrained(): Promise<void> {
    const client = this.drainClient;
    if (!client) return;
    for (const [name, worker] of this.draining) {
      if (await this.holdsJobs(client.client, name).catch(() => true)) continue;
      this.draining.delete(name);
      await worker.close();
      this.logger.log(`${name} drained`);
    }
    if (this.draining.size || this.drainClient !== client) return;
    if (this.drainCheck) clearInterval(this.drainCheck);
    this.drainCheck = null;
    this.drainClient = null;
    await client.release();
  }

  /** Whether the BullMQ queue `name` has a job waiting, running, delayed, prioritized, paused or waiting for children. */
  private async holdsJobs(client: Redis | Cluster, name: string): Promise<boolean> {
    const prefix = queuePrefixFor(this.queues.config, name);
    // One queue's keys share its prefix's hash tag: one slot on a Redis Cluster.
    return (await client.exists(...LIVE_JOB_KEYS.map((k) => `${prefix}:${name}:${k}`))) > 0;
  }

  private leftoverClient(): { client: Redis | Cluster; release: () => Promise<void> } {
    const { config } = this.queues;
    if (config.cluster) {
      const { connection, release } = bullConnection(config, { maxRetriesPerRequest: 1 });
      return { client: connection as unknown as Cluster, release };
    }
    const client = new Redis({ ...config.redis, maxRetriesPerRequest: 1 });
    client.on('error', () => undefined);
    return { client, release: () => client.quit().then(() => undefined, () => client.disconnect()) };
  }

  private backoff(attemptsMade: number, backoff: unknown): number {
    return jitter(retryDelay(firstDelayOf(backoff), attemptsMade, this.queues.config.backoffCapMs));
  }

  private async process(queue: string, job: Job, token?: string): Promise<unknown> {
    const entry = this.handlers.get(jobKey(queue, job.name)) ?? this.leftoverHandler(queue, job.name);
    if (!entry) throw new PermanentJobError(`no handler for ${queue}/${job.name}`);
    const started = Date.now();
    const maxAttempts = job.opts.attempts ?? 1;
    try {
      const result = await entry.handler.handle(job.data, { id: job.id ?? '', attempt: job.attemptsMade + 1, maxAttempts });
      this.hooks.metrics?.jobFinished(queue, job.name, 'completed', started, job.timestamp);
      // Retried by hand after it had been dead-lettered: the dead letter is no longer true.
      if (job.attemptsMade >= maxAttempts && job.id) await this.queues.get(DEAD_LETTER_QUEUE).remove(deadLetterId(queue, job.id)).catch(() => undefined);
      return result ?? null;
    } catch (error) {
      if (token && error instanceof RunAgainAt) {
        await job.moveToDelayed(Math.max(Date.now(), error.at.getTime()), token);
        throw new DelayedError(`not yet: ${error.message}`.slice(0, 500));
      }
      // The database or a remote is away: wait it out without spending an attempt, within the tolerance.
      if (token && !(error instanceof UnrecoverableError) && isTransientInfrastructureError(error)) {
        const { backoffCapMs, outageToleranceMs } = this.queues.config;
        // Runs of this job that failed this way and were not counted, this one included.
        const outageRun = Math.max(1, job.attemptsStarted - job.attemptsMade);
        const delay = outageRetryDelay(firstDelayOf(job.opts.backoff), outageRun, backoffCapMs, outageToleranceMs);
        if (delay !== null) {
          this.hooks.metrics?.jobFinished(queue, job.name, 'failed', started, job.timestamp, false);
          await job.moveToDelayed(Date.now() + jitter(delay), token);
          throw new DelayedError(`transient: ${(error as Error).message}`.slice(0, 500));
        }
      }
      const final = error instanceof UnrecoverableError || job.attemptsMade + 1 >= maxAttempts;
      this.hooks.metrics?.jobFinished(queue, job.name, 'failed', started, job.timestamp, final);
      if (final) await this.deadLetter(queue, job, error as Error);
      throw error;
    } finally {
      this.hooks.afterJob?.();
    }
  }

  /** The handler of a job found on a leftover partition (drainLeftovers): the same job's. */
  private leftoverHandler(queue: string, name: string): { job: JobDefinition; handler: JobHandler } | undefined {
    const job = this.queues.definitionAcrossPartitions(queue, name);
    return job ? [...this.handlers.values()].find((e) => e.job === job) : undefined;
  }

  private async deadLetter(queue: string, job: Job, error: Error): Promise<void> {
    const id = job.id ?? `unknown-${Date.now()}`;
    const letter: DeadLetter = {
      queue,
      name: job.name,
      jobId: id,
      payload: JSON.stringify(job.data),
      failedReason: error.message.slice(0, 1000),
      attemptsMade: job.attemptsMade + 1,
      failedAt: new Date().toISOString(),
    };
    this.logger.error(`job ${queue}/${job.name} ${id} failed for good after ${letter.attemptsMade} attempt(s): ${letter.failedReason}`);
    await this.queues.get(DEAD_LETTER_QUEUE).add('dead-letter', letter, { jobId: deadLetterId(queue, id), attempts: 1, removeOnComplete: true, removeOnFail: false });
  }

  /**
   * The dead letter queue's own worker. A new letter is parked (failed at once), so it sits
   * in the board's failed list; an operator's Retry on it runs it again, which redrives the
   * original job with fresh attempts. Removing it discards the letter.
   */
  private async deadLetterProcess(job: Job<DeadLetter>): Promise<string> {
    if (job.attemptsMade === 0) throw new UnrecoverableError(`parked: ${job.data.failedReason}`);
    const { queue, name, jobId, payload } = job.data;
    const target = this.queues.get(queue);
    const original = await target.getJob(jobId);
    if (original && (await original.isFailed())) {
      await original.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
      return 'retried';
    }
    if (!original) {
      await target.add(name, JSON.parse(payload), { ...this.queues.optionsFor(queue, name), jobId });
      return 're-added';
    }
    return 'already pending';
  }

  private async upsertSchedules(): Promise<void> {
    const wanted = new Map<string, Set<string>>();
    for (const s of this.schedules) {
      const queueName = s.job.queueOf(s.payload);
      const queue = this.queues.get(queueName);
      const id = s.job.jobId(s.payload);
      await queue.upsertJobScheduler(id, s.every ? { every: s.every } : { pattern: s.pattern }, {
        name: s.job.name,
        data: s.payload,
        opts: { ...this.queues.optionsFor(queueName, s.job.name) },
      });
      if (!wanted.has(queueName)) wanted.set(queueName, new Set());
      wanted.get(queueName)!.add(id);
    }
    // Schedules that a previous release defined and this one does not are removed.
    for (const name of this.queues.names) {
      const queue = this.queues.get(name);
      for (const scheduler of await queue.getJobSchedulers()) {
        if (!wanted.get(name)?.has(scheduler.key)) await queue.removeJobScheduler(scheduler.key);
      }
    }
  }
}

export { BACKOFF_STRATEGY };

/** How often a leftover partition's worker looks whether its queue is empty. */
const DRAIN_CHECK_MS = 2_000;
/** BullMQ's per-queue keys that hold jobs not finished (a key is gone once empty). */
const LIVE_JOB_KEYS = ['wait', 'active', 'delayed', 'prioritized', 'paused', 'waiting-children'];

const firstDelayOf = (backoff: unknown): number =>
  typeof backoff === 'object' && backoff !== null && 'delay' in backoff ? Number((backoff as { delay?: number }).delay ?? 1_000) : 1_000;

/** The n-th retry's delay (n from 1): doubling from `first`, capped. */
export function retryDelay(first: number, n: number, capMs: number): number {
  return Math.min(first * 2 ** Math.max(0, n - 1), capMs);
}

/**
 * Delay before the n-th uncounted retry of a transient infrastructure error, or null once the
 * delays so far and this one would add up to more than the tolerance (the error then counts as
 * an ordinary attempt, so a job cannot wait forever on a dependency that never comes back).
 */
export function outageRetryDelay(first: number, n: number, capMs: number, toleranceMs: number): number | null {
  let waited = 0;
  for (let i = 1; i < n; i++) waited += retryDelay(first, i, capMs);
  const delay = retryDelay(first, n, capMs);
  return waited + delay <= toleranceMs ? delay : null;
}

/** ±20 % jitter, so retries after an outage do not all land at once. */
const jitter = (ms: number): number => Math.round(ms * (0.8 + Math.random() * 0.4));
