// Retention of resident ID numbers: scheduled destruction of ciphertexts, shoppers' deletion requests.
export { PiiRetentionCoreModule, PiiRetentionModule, PiiRetentionJobsModule } from './retention.module';
export { PiiRetentionService, type RetentionReport } from './application/pii-retention.service';
export { retentionConfigFromEnv, retentionCutoff, LIVE_ORDER_STATUSES, RETURN_WINDOW_DAYS, RETURN_GOODS_BACK_DAYS, MIN_RETENTION_DAYS_AFTER_RELEASE, type RetentionConfig } from './domain/retention-config';
export { piiRetentionJobs, piiRetentionSchedules, purgePiiJob, piiRetentionQueue } from './jobs/pii-retention.jobs';
export { OrdererIdentityType } from './graphql/pii-retention.types';
