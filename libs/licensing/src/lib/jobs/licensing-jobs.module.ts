import { Module } from '@nestjs/common';
import { LicensingCoreModule } from '../licensing-core.module';
import { LICENSING_JOB_HANDLERS } from './licensing.handlers';

/** The worker side of licensing: one handler per job of `licensingJobs`. */
@Module({
  imports: [LicensingCoreModule],
  providers: [...LICENSING_JOB_HANDLERS],
})
export class LicensingJobsModule {}
