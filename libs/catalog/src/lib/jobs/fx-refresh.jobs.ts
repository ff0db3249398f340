import { defineJob, defineQueue, defineSchedule, type JobSchedule } from '@vitrine/shared/jobs';
import { fxRefreshConfigFromEnv } from '../application/fx-refresh.service';

export const fxQueue = defineQueue('fx', { concurrency: 1 });

/** Reads the FX source and adds today's rates; `trigger` is "daily" for the schedule, "manual-<id>" for an operator's request. */
export const refreshFxRatesJob = defineJob<{ trigger: string }>({
  queue: fxQueue,
  name: 'refresh-fx-rates',
  jobId: (p) => `refresh-fx-rates.${p.trigger}`,
  attempts: 4,
  // 10, 20, 40 minutes: the source gets time to come back the same day (FX_REFRESH_RETRY_MS: the first delay).
  backoffMs: Number(process.env['FX_REFRESH_RETRY_MS'] ?? 600_000),
});

export const fxRefreshJobs = [refreshFxRatesJob];

export function fxRefreshSchedules(env: NodeJS.ProcessEnv = process.env): JobSchedule[] {
  return [defineSchedule(refreshFxRatesJob, { trigger: 'daily' }, { pattern: fxRefreshConfigFromEnv(env).cron })];
}
