import { Queue, type JobsOptions } from 'bullmq';
import { bullConnection, queuePrefixFor, type JobsConfig } from './jobs-config';
import { MAX_PARTITIONS, jobKey, partitionIndexOf, partitionName, queueNamesOf, type JobDefinition, type JobPayload } from './job-definition';

export const DEAD_LETTER_QUEUE = 'dead-letter';
export const BACKOFF_STRATEGY = 'capped-exponential';

/** BullMQ options of a job: attempts, capped exponential backoff, what Redis keeps. */
export function jobOptions(job: JobDefinition | undefined, config: JobsConfig): JobsOptions {
  return {
    attempts: job?.attempts ?? 10,
    backoff: { type: BACKOFF_STRATEGY, delay: job?.backoffMs ?? 1_000 },
    removeOnComplete: { count: config.keepCompleted },
    removeOnFail: { age: config.keepFailedHours * 3600 },
  };
}

/**
 * One BullMQ Queue per name, all under QUEUE_PREFIX, created on first use. Knows every
 * defined job so that anything adding a job (the outbox relay, a redrive) uses its options.
 */
export class QueueRegistry {
  private readonly queues = new Map<string, Queue>();
  private readonly releases: (() => Promise<void>)[] = [];
  private readonly jobs = new Map<string, JobDefinition>();

  constructor(
    readonly config: JobsConfig,
    jobs: readonly JobDefinition[] = [],
    /** Fail fast when Redis is away (the relay, the API) instead of queueing commands. */
    private readonly failFast = true,
  ) {
    for (const job of jobs) {
      // A job on a split queue is known under each partition's name.
      for (const queue of queueNamesOf(job.queue)) {
        const key = jobKey(queue, job.name);
        if (this.jobs.has(key)) throw new Error(`job ${key} is defined twice`);
        this.jobs.set(key, job);
      }
    }
  }

  get definitions(): JobDefinition[] {
    return [...new Set(this.jobs.values())];
  }

  /** Every queue the defined jobs use (each partition of a split one), and the dead letter queue. */
  get names(): string[] {
    return [...new Set([...this.definitions.flatMap((j) => queueNamesOf(j.queue)), DEAD_LETTER_QUEUE])].sort();
  }

  definition(queue: string, name: string): JobDefinition | undefined {
    return this.jobs.get(jobKey(queue, name));
  }

  /**
   * The job of `name` on `queue`, also when `queue` is a partitioning this process does not use
   * (`order-pipeline.p5` after PIPELINE_QUEUE_PARTITIONS went from 6 to 4, or `order-pipeline`
   * after it went from 1 to 4): the job of that name on the same base queue.
   */
  definitionAcrossPartitions(queue: string, name: string): JobDefinition | undefined {
    const known = this.definition(queue, name);
    if (known) return known;
    const base = partitionIndexOf(queue) === null ? queue : queue.replace(/\.p\d+$/, '');
    return this.definitions.find((j) => j.queue.name === base && j.name === name);
  }

  /**
   * Where a job written for `queue` goes now: the queue its payload has under the current
   * partition count (the outbox may hold rows written by processes with another
   * PIPELINE_QUEUE_PARTITIONS); `queue` itself for a job this process does not define.
   */
  route(queue: string, name: string, payload: JobPayload): string {
    return this.definitionAcrossPartitions(queue, name)?.queueOf(payload) ?? queue;
  }

  /**
   * BullMQ queues of split (or once split) queues that the current partition counts do not
   * use: the whole queue when it is split now, partitions past the count (or all of them when
   * it is not split). Jobs left there by processes with another count run nowhere unless drained.
   */
  get leftoverQueueNames(): string[] {
    const current = new Set(this.names);
    const bases = new Set(this.definitions.filter((j) => j.queue.partitions > 1 || j.partitioned).map((j) => j.queue.name));
    const out: string[] = [];
    for (const base of bases) {
      for (const name of [base, ...Array.from({ length: MAX_PARTITIONS }, (_, i) => partitionName(base, i))]) if (!current.has(name)) out.push(name);
    }
    return out;
  }

  optionsFor(queue: string, name: string): JobsOptions {
    return jobOptions(this.definition(queue, name), this.config);
  }

  get(name: string): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      // Commands issued while Redis is away fail after one reconnection attempt.
      const { connection, release } = bullConnection(this.config, this.failFast ? { maxRetriesPerRequest: 1 } : {});
      this.releases.push(release);
      queue = new Queue(name, { connection, prefix: queuePrefixFor(this.config, name) });
      // A Redis outage must not crash the process; callers see the failed command instead.
      queue.on('error', () => undefined);
      this.queues.set(name, queue);
    }
    return queue;
  }

  async close(): Promise<void> {
    const queues = [...this.queues.values()];
    this.queues.clear();
    await Promise.all(queues.map((q) => q.close().catch(() => undefined)));
    await Promise.all(this.releases.splice(0).map((release) => release()));
  }
}
