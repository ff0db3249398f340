import { Module } from '@nestjs/common';
import { DataAccessModule } from '@vitrine/shared/data-access';
import { JobsWorkerModule } from '@vitrine/shared/jobs';
import { LicensingJobsModule, licensingJobs, licensingSchedules } from '@vitrine/licensing';
import { OrderPipelineJobsModule, OrdersSourcesModule, PaymentsPayoutProvider, PaymentsStripeFeeReader, orderPipelineJobs, orderPipelineSchedules } from '@vitrine/orders';
import { InventorySyncJobsModule, inventorySyncJobs, inventorySyncSchedules } from '@vitrine/inventory';
import { FxRefreshJobsModule, fxRefreshJobs, fxRefreshSchedules } from '@vitrine/catalog';
import { PiiRetentionJobsModule, piiRetentionJobs, piiRetentionSchedules } from '@vitrine/customs';
import { SettlementJobsModule, settlementJobs, settlementSchedules } from '@vitrine/settlement';
import { PaymentsModule } from '@vitrine/payments';
import { DropsJobsModule, dropsJobs, dropsSchedules } from '@vitrine/orders';
import { HeartbeatService } from './heartbeat.service';
import { MetricsServer } from './metrics.server';

/**
 * The worker process: runs the jobs that the libs define, and nothing else (no HTTP but
 * the metrics port). Every job listed here must have exactly one handler among the
 * imported modules' providers, or start-up fails.
 */
@Module({
  imports: [
    DataAccessModule,
    JobsWorkerModule.register({
      jobs: [...licensingJobs, ...orderPipelineJobs, ...inventorySyncJobs, ...fxRefreshJobs, ...piiRetentionJobs, ...settlementJobs, ...dropsJobs],
      schedules: [...licensingSchedules, ...orderPipelineSchedules(), ...inventorySyncSchedules(), ...fxRefreshSchedules(), ...piiRetentionSchedules(), ...settlementSchedules, ...dropsSchedules()],
    }),
    // Orders' tables as licensing and customs read them (issue 19).
    OrdersSourcesModule,
    LicensingJobsModule,
    OrderPipelineJobsModule,
    InventorySyncJobsModule,
    FxRefreshJobsModule,
    PiiRetentionJobsModule,
    DropsJobsModule,
    SettlementJobsModule.register({ imports: [PaymentsModule], feeReader: PaymentsStripeFeeReader, payouts: PaymentsPayoutProvider }),
  ],
  providers: [HeartbeatService, MetricsServer],
})
export class WorkerModule {}
