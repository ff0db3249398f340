import { Injectable } from '@nestjs/common';
import { HandlesJob, defineJob, defineQueue, defineSchedule, type JobHandler, type JobSchedule } from '@vitrine/shared/jobs';
import { PiiRetentionService } from '../application/pii-retention.service';
import { retentionConfigFromEnv } from '../domain/retention-config';

/** One run at a time is enough: the work is a few conditional UPDATEs. */
export const piiRetentionQueue = defineQueue('pii-retention', { concurrency: 1 });

/** Destroys expired resident ID ciphertexts and carries out the shoppers' deletion requests. */
export const purgePiiJob = defineJob<{ scope: string }>({ queue: piiRetentionQueue, name: 'purge-pii', jobId: () => 'purge-pii', attempts: 3, backoffMs: 60_000 });

export const piiRetentionJobs = [purgePiiJob];

/** Every PII_RETENTION_EVERY_MS (default hourly), one fixed scheduler id whatever the number of workers. */
export function piiRetentionSchedules(env: NodeJS.ProcessEnv = process.env): JobSchedule[] {
  return [defineSchedule(purgePiiJob, { scope: 'all' }, { every: retentionConfigFromEnv(env).everyMs })];
}

@Injectable()
@HandlesJob(purgePiiJob)
export class PurgePiiHandler implements JobHandler {
  constructor(private readonly retention: PiiRetentionService) {}

  handle() {
    return this.retention.run();
  }
}
