import { defineJob, defineQueue, defineSchedule, type JobSchedule } from '@vitrine/shared/jobs';

/** After-sales steps: carrier bookings of returns and the lateness sweep. */
export const afterSalesQueue = defineQueue('after-sales', { concurrency: 20 });

/** An accepted return: its return waybill booked with the carrier (written in the acceptance's transaction). */
export const returnAcceptedJob = defineJob<{ returnId: string }>({ queue: afterSalesQueue, name: 'return-accepted', jobId: (p) => `return-accepted.${p.returnId}`, attempts: 12, backoffMs: 2_000 });
/** A return with its waybill: declared to customs (CEB625), written in the booking's transaction. */
export const declareReturnJob = defineJob<{ returnId: string }>({ queue: afterSalesQueue, name: 'declare-return', jobId: (p) => `declare-return.${p.returnId}`, attempts: 12, backoffMs: 2_000 });
/** A return refused or closed (refunded): its photos deleted (written in that step's transaction). */
export const purgeReturnPhotosJob = defineJob<{ returnId: string }>({ queue: afterSalesQueue, name: 'purge-return-photos', jobId: (p) => `purge-return-photos.${p.returnId}`, attempts: 12, backoffMs: 2_000 });
/** Accepted returns whose goods are not at the supervised site by their arrival deadline: flagged late; photos of refused or closed returns still kept: deleted. */
export const sweepReturnsJob = defineJob<{ scope: string }>({ queue: afterSalesQueue, name: 'sweep-returns', jobId: () => 'sweep-returns', attempts: 3, backoffMs: 5_000 });

/** A text to a guest about a step of their return (a `return_sms` row written in the step's transaction): sent through the SMS gateway, retried while it refuses. */
export const sendReturnSmsJob = defineJob<{ smsId: string }>({ queue: afterSalesQueue, name: 'send-return-sms', jobId: (p) => `return-sms.${p.smsId}`, attempts: 15, backoffMs: 1_000 });

export const afterSalesJobs = [returnAcceptedJob, declareReturnJob, purgeReturnPhotosJob, sweepReturnsJob, sendReturnSmsJob];

export function afterSalesSchedules(env: NodeJS.ProcessEnv = process.env): JobSchedule[] {
  const every = Number(env['RETURNS_SWEEP_MS'] ?? 60_000);
  return [defineSchedule(sweepReturnsJob, { scope: 'all' }, { every: Number.isFinite(every) && every >= 100 ? every : 60_000 })];
}
