import { SetMetadata } from '@nestjs/common';

/** Job payloads carry ids and small flags only: never personal data, never whole records. */
export type JobPayload = Record<string, string | number | boolean | null>;

export interface QueueDefinition {
  readonly name: string;
  /** Jobs one worker process runs at once on this queue (on each partition). */
  readonly concurrency: number;
  /**
   * BullMQ queues this queue is split into, by each job's partition key (1: not split). On a
   * Redis Cluster each partition has a hash tag of its own, so the partitions spread over the
   * shards (docs/scaling.md, "Third: Redis").
   */
  readonly partitions: number;
}

export const MAX_PARTITIONS = 64;

export function defineQueue(name: string, options: { concurrency?: number; partitions?: number } = {}): QueueDefinition {
  if (!/^[a-z][a-z0-9-]*$/.test(name)) throw new Error(`queue name "${name}" must be kebab-case`);
  const partitions = options.partitions ?? 1;
  if (!Number.isInteger(partitions) || partitions < 1 || partitions > MAX_PARTITIONS) throw new Error(`queue ${name}: partitions must be a whole number from 1 to ${MAX_PARTITIONS}, not ${partitions}`);
  return { name, concurrency: options.concurrency ?? 10, partitions };
}

/** The BullMQ queue of partition `index` of `queue` (`order-pipeline.p3`). */
export const partitionName = (queue: string, index: number) => `${queue}.p${index}`;

/** `order-pipeline.p3` → 3; null for a queue that is not a partition. */
export function partitionIndexOf(queueName: string): number | null {
  const match = /\.p(\d+)$/.exec(queueName);
  return match ? Number(match[1]) : null;
}

/** Every BullMQ queue of a defined queue: its name, or each of its partitions. */
export function queueNamesOf(queue: QueueDefinition): string[] {
  return queue.partitions > 1 ? Array.from({ length: queue.partitions }, (_, i) => partitionName(queue.name, i)) : [queue.name];
}

/** The partition of a key: FNV-1a over its UTF-16 code units, modulo `partitions`. Stable across processes and releases. */
export function partitionOf(key: string, partitions: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % partitions;
}

export interface JobDefinition<P extends JobPayload = JobPayload> {
  readonly queue: QueueDefinition;
  readonly name: string;
  /** Deterministic id: the same business event always gives the same job. */
  jobId(payload: P): string;
  /** Attempts before the job goes to the dead letter queue. */
  readonly attempts: number;
  /** First retry delay; it doubles at each attempt, with jitter, up to JOB_BACKOFF_CAP_MS. */
  readonly backoffMs: number;
  /** The BullMQ queue a job with this payload goes to: the queue, or its partition by the job's key. */
  queueOf(payload: P): string;
  /** True when the job has a partition key (its queue may be split, now or under another count). */
  readonly partitioned?: boolean;
}

export function defineJob<P extends JobPayload>(spec: {
  queue: QueueDefinition;
  name: string;
  jobId: (payload: P) => string;
  attempts?: number;
  backoffMs?: number;
  /**
   * What partitions the job on a split queue (an order's id: every job of one order then runs
   * on one partition). Required on a queue with partitions.
   */
  partitionKey?: (payload: P) => string;
}): JobDefinition<P> {
  const { partitions, name: queueName } = spec.queue;
  const key = spec.partitionKey;
  if (partitions > 1 && !key) throw new Error(`job ${spec.name} is on ${queueName}, which has ${partitions} partitions: it needs a partitionKey`);
  return {
    queue: spec.queue,
    queueOf: (payload) => (partitions > 1 && key ? partitionName(queueName, partitionOf(key(payload), partitions)) : queueName),
    name: spec.name,
    // BullMQ refuses ':' in custom ids and ids that parse as integers.
    jobId: (payload) => {
      const id = spec.jobId(payload);
      if (!/^[A-Za-z][A-Za-z0-9._-]*$/.test(id)) throw new Error(`job id "${id}" of ${spec.name} must start with a letter and use [A-Za-z0-9._-]`);
      return id;
    },
    attempts: spec.attempts ?? 10,
    backoffMs: spec.backoffMs ?? 1_000,
    partitioned: Boolean(key),
  };
}

/** A job that runs on a timetable (`every` ms or a cron `pattern`), with one fixed scheduler id. */
export interface JobSchedule<P extends JobPayload = JobPayload> {
  readonly job: JobDefinition<P>;
  readonly payload: P;
  readonly every?: number;
  readonly pattern?: string;
}

export function defineSchedule<P extends JobPayload>(job: JobDefinition<P>, payload: P, when: { every: number } | { pattern: string }): JobSchedule<P> {
  return { job, payload, ...when };
}

export interface JobContext {
  /** BullMQ's job id (the deterministic id for outbox jobs). */
  id: string;
  /** 1 for the first run. */
  attempt: number;
  maxAttempts: number;
}

/** The code that runs a job. It must be safe to run twice: re-read state, return if done. */
export interface JobHandler<P extends JobPayload = JobPayload> {
  handle(payload: P, context: JobContext): Promise<unknown>;
}

export const HANDLES_JOB = 'vitrine:handles-job';

/** Marks a provider as the handler of a job; apps/worker finds it and refuses to start without one. */
export const HandlesJob = (job: JobDefinition<never> | JobDefinition) => SetMetadata(HANDLES_JOB, job);

export const jobKey = (queue: string, name: string) => `${queue}/${name}`;

/** Flat, small, primitive: the shape a payload of ids has. */
export function assertIdPayload(payload: unknown, jobName: string): asserts payload is JobPayload {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) throw new Error(`payload of ${jobName} must be an object of ids`);
  for (const [key, value] of Object.entries(payload)) {
    if (value !== null && !['string', 'number', 'boolean'].includes(typeof value)) throw new Error(`payload of ${jobName}: ${key} must be an id or a flag`);
    if (typeof value === 'string' && value.length > 200) throw new Error(`payload of ${jobName}: ${key} is too long for an id`);
  }
}
