import { Module } from '@nestjs/common';
import { CommissionService } from './application/commission.service';
import { SettlementPostingService } from './application/settlement-posting.service';
import { SettlementQueriesService } from './application/settlement-queries.service';
import { SETTLEMENT_SETTINGS, settlementSettingsFromEnv } from './application/settlement-settings';
import { SettlementResolver } from './graphql/settlement.resolver';
import { CommissionRepository } from './infrastructure/commission.repository';
import { LedgerRepository } from './infrastructure/ledger.repository';
import { SettlementSourcesRepository } from './infrastructure/settlement-sources.repository';
import { SETTLEMENT_JOB_HANDLERS } from './jobs/settlement.handlers';

/** The settlement ledger's services, without the GraphQL API (for libs/orders and the worker). */
@Module({
  providers: [{ provide: SETTLEMENT_SETTINGS, useFactory: () => settlementSettingsFromEnv() }, LedgerRepository, SettlementSourcesRepository, CommissionRepository, SettlementPostingService, SettlementQueriesService, CommissionService],
  exports: [SettlementPostingService, SettlementQueriesService, CommissionService],
})
export class SettlementCoreModule {}

/** The settlement API: balances, the platform ledger, commission settings. */
@Module({
  imports: [SettlementCoreModule],
  providers: [SettlementResolver],
})
export class SettlementModule {}

/** The worker side: the catch-up job's handler. */
@Module({
  imports: [SettlementCoreModule],
  providers: [...SETTLEMENT_JOB_HANDLERS],
})
export class SettlementJobsModule {}
