import type { Prisma, Tx } from '@vitrine/shared/data-access';
import { assertIdPayload, type JobDefinition, type JobPayload } from './job-definition';

export interface OutboxJob<P extends JobPayload = JobPayload> {
  queue: string;
  name: string;
  jobId: string;
  payload: P;
  /** Earliest time the job may run. */
  runAt?: Date | null;
}

/** The outbox row for a defined job. */
export function jobOf<P extends JobPayload>(job: JobDefinition<P>, payload: P, options: { runAt?: Date | null } = {}): OutboxJob<P> {
  return { queue: job.queue.name, name: job.name, jobId: job.jobId(payload), payload, runAt: options.runAt ?? null };
}

/**
 * Writes jobs to the outbox inside the caller's transaction: they exist if and only if the
 * state change commits. A job id already in the outbox is skipped, so enqueueing is
 * idempotent.
 */
export async function enqueue(tx: Tx, jobs: OutboxJob | readonly OutboxJob[]): Promise<void> {
  const list = Array.isArray(jobs) ? (jobs as readonly OutboxJob[]) : [jobs as OutboxJob];
  if (!list.length) return;
  for (const job of list) assertIdPayload(job.payload, job.name);
  await tx.outboxMessage.createMany({
    data: list.map((j) => ({ queue: j.queue, name: j.name, jobId: j.jobId, payload: j.payload as Prisma.InputJsonObject, runAt: j.runAt ?? null })),
    skipDuplicates: true,
  });
}

/** `enqueue(tx, jobOf(job, payload))`. */
export function enqueueJob<P extends JobPayload>(tx: Tx, job: JobDefinition<P>, payload: P, options: { runAt?: Date | null } = {}): Promise<void> {
  return enqueue(tx, jobOf(job, payload, options));
}
