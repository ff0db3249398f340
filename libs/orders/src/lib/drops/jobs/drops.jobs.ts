import { defineJob, defineQueue, defineSchedule, type JobSchedule } from '@vitrine/shared/jobs';

/** Drops' timetable: starts, registration closes, draws, turns ending and the next admitted, notices. */
export const dropsQueue = defineQueue('drops', { concurrency: 1 });

/** Advances every drop that is due (idempotent: each drop is re-read under its row's lock). */
export const dropsTickJob = defineJob<{ scope: string }>({ queue: dropsQueue, name: 'drops-tick', jobId: () => 'drops-tick', attempts: 3, backoffMs: 500 });

export const dropsJobs = [dropsTickJob];

/** DROPS_TICK_MS (1,000): how often drops advance; a start, a draw or a turn's end lands within one tick. */
export function dropsSchedules(env: NodeJS.ProcessEnv = process.env): JobSchedule[] {
  const every = Number(env['DROPS_TICK_MS'] ?? 1_000);
  return [defineSchedule(dropsTickJob, { scope: 'all' }, { every: Number.isFinite(every) && every >= 100 ? every : 1_000 })];
}
