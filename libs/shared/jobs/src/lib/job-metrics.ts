import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { QueueRegistry } from './queue-registry';

const STATES = ['waiting', 'active', 'delayed', 'failed', 'completed', 'prioritized', 'waiting-children'] as const;

/**
 * Prometheus metrics of the job system, in a registry of their own (served by the worker's
 * metrics port): queue depth per state (read from Redis at scrape time), job run time and
 * end-to-end latency, failures (and which were final), outbox lag. Other job code adds its
 * own metrics to `registry`.
 */
export class JobMetrics {
  readonly registry = new Registry();

  private readonly duration = new Histogram({
    name: 'vitrine_job_duration_seconds',
    help: 'Time a handler took, per queue, job name and outcome',
    labelNames: ['queue', 'name', 'outcome'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });

  private readonly latency = new Histogram({
    name: 'vitrine_job_latency_seconds',
    help: 'Time from a job being added to its successful completion (waiting, retries and run)',
    labelNames: ['queue', 'name'] as const,
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 1800],
    registers: [this.registry],
  });

  private readonly failures = new Counter({
    name: 'vitrine_job_failures_total',
    help: 'Failed job attempts; final="true" when the job went to the dead letter queue',
    labelNames: ['queue', 'name', 'final'] as const,
    registers: [this.registry],
  });

  private readonly outboxLag = new Histogram({
    name: 'vitrine_outbox_lag_seconds',
    help: 'Time a job waited in the outbox before reaching its queue',
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 5, 30, 120, 600],
    registers: [this.registry],
  });

  constructor(queues?: QueueRegistry, outboxPending?: () => Promise<number>, options: { defaultMetrics?: boolean } = {}) {
    if (options.defaultMetrics) collectDefaultMetrics({ register: this.registry, prefix: 'vitrine_worker_' });
    if (queues) {
      new Gauge({
        name: 'vitrine_queue_jobs',
        help: 'Jobs per queue and state (queue depth), read from Redis at scrape time',
        labelNames: ['queue', 'state'] as const,
        registers: [this.registry],
        async collect() {
          const counts = await Promise.all(queues.names.map(async (name) => [name, await queues.get(name).getJobCounts(...STATES)] as const));
          this.reset();
          for (const [queue, byState] of counts) for (const state of STATES) this.set({ queue, state }, byState[state] ?? 0);
        },
      });
    }
    if (outboxPending) {
      new Gauge({
        name: 'vitrine_outbox_pending',
        help: 'Outbox rows committed but not yet relayed to a queue',
        registers: [this.registry],
        async collect() {
          this.set(await outboxPending());
        },
      });
    }
  }

  jobFinished(queue: string, name: string, outcome: 'completed' | 'failed', startedAt: number, addedAt: number, final = false): void {
    const now = Date.now();
    this.duration.observe({ queue, name, outcome }, (now - startedAt) / 1000);
    if (outcome === 'completed') this.latency.observe({ queue, name }, (now - addedAt) / 1000);
    else this.failures.inc({ queue, name, final: String(final) });
  }

  outboxDispatched(createdAt: readonly Date[]): void {
    const now = Date.now();
    for (const at of createdAt) this.outboxLag.observe((now - at.getTime()) / 1000);
  }
}
