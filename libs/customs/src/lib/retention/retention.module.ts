import { Module } from '@nestjs/common';
import { PiiRetentionService, RETENTION_CONFIG } from './application/pii-retention.service';
import { retentionConfigFromEnv } from './domain/retention-config';
import { PiiRetentionResolver } from './graphql/pii-retention.resolver';
import { PiiRetentionRepository } from './infrastructure/pii-retention.repository';
import { PurgePiiHandler } from './jobs/pii-retention.jobs';

/** Retention's settings, repository and service, without GraphQL or jobs: what the API and worker modules build on. */
@Module({
  providers: [{ provide: RETENTION_CONFIG, useFactory: () => retentionConfigFromEnv() }, PiiRetentionRepository, PiiRetentionService],
  exports: [PiiRetentionService],
})
export class PiiRetentionCoreModule {}

/** The shopper's side (the API): their identities and deletion requests. */
@Module({ imports: [PiiRetentionCoreModule], providers: [PiiRetentionResolver], exports: [PiiRetentionCoreModule] })
export class PiiRetentionModule {}

/** The retention job (apps/worker). */
@Module({ imports: [PiiRetentionCoreModule], providers: [PurgePiiHandler], exports: [PiiRetentionCoreModule] })
export class PiiRetentionJobsModule {}
