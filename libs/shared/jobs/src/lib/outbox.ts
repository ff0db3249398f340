import type { SqlTx } from '@vitrine/shared/data-access';
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
  return { queue: job.queueOf(payload), name: job.name, jobId: job.jobId(payload), payload, runAt: options.runAt ?? null };
}

/** Outbox writes this process made (enqueue calls with rows), so the relay looks after a job only if it wrote some. */
let writes = 0;

/** How many times this process has written outbox rows so far (committed or not). */
export function outboxWrites(): number {
  return writes;
}

/**
 * Writes jobs to the outbox inside the caller's transaction: they exist if and only if the
 * state change commits. A job id already in the outbox is skipped, so enqueueing is
 * idempotent.
 */
export async function enqueue(tx: SqlTx, jobs: OutboxJob | readonly OutboxJob[]): Promise<void> {
  const list = Array.isArray(jobs) ? (jobs as readonly OutboxJob[]) : [jobs as OutboxJob];
  if (!list.length) return;
  for (const job of list) assertIdPayload(job.payload, job.name);
  writes++;
  // One statement for the lot, in the caller's order (the relay dispatches by id).
  await tx.$executeRaw`
    INSERT INTO outbox_messages (queue, name, job_id, payload, run_at, created_at)
    SELECT q, n, j, p::jsonb, r, now() AT TIME ZONE 'UTC'
    FROM unnest(${list.map((j) => j.queue)}::text[], ${list.map((j) => j.name)}::text[], ${list.map((j) => j.jobId)}::text[],
      ${list.map((j) => JSON.stringify(j.payload))}::text[], ${list.map((j) => j.runAt?.toISOString() ?? null)}::timestamp(3)[]) WITH ORDINALITY AS t(q, n, j, p, r, i)
    ORDER BY i
    ON CONFLICT DO NOTHING`;
}

/** `enqueue(tx, jobOf(job, payload))`. */
export function enqueueJob<P extends JobPayload>(tx: SqlTx, job: JobDefinition<P>, payload: P, options: { runAt?: Date | null } = {}): Promise<void> {
  return enqueue(tx, jobOf(job, payload, options));
}
