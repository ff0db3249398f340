import { Module } from '@nestjs/common';
import { PiiRetentionService, RETENTION_CONFIG } from './application/pii-retention.service';
import { retentionConfigFromEnv } from './domain/retention-config';
import { PiiRetentionResolver } from './graphql/pii-retention.resolver';
import { PiiRetentionRepository } from './infrastructure/pii-retention.repository';
import { PurgePiiHandler } from './jobs/pii-retention.jobs';

const core = [{ provide: RETENTION_CONFIG, useFactory: () => retentionConfigFromEnv() }, PiiRetentionRepository, PiiRetentionService];

/** The shopper's side (the API): their identities and deletion requests. */
@Module({ providers: [...core, PiiRetentionResolver], exports: [PiiRetentionService] })
export class PiiRetentionModule {}

/** The retention job (apps/worker). */
@Module({ providers: [...core, PurgePiiHandler], exports: [PiiRetentionService] })
export class PiiRetentionJobsModule {}
