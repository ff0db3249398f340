import { Module, type DynamicModule, type ModuleMetadata, type Type } from '@nestjs/common';
import { SettlementFeesService } from './application/settlement-fees.service';
import { StripeFeeReader } from './application/stripe-fee-reader';
import { CommissionService } from './application/commission.service';
import { SettlementPostingService } from './application/settlement-posting.service';
import { SettlementQueriesService } from './application/settlement-queries.service';
import { SETTLEMENT_SETTINGS, settlementSettingsFromEnv } from './application/settlement-settings';
import { SettlementResolver } from './graphql/settlement.resolver';
import { PayoutsResolver } from './graphql/payouts.resolver';
import { PayoutsService } from './application/payouts.service';
import { ConnectEventsService } from './application/connect-events.service';
import { PayoutProvider } from './application/payout-provider';
import { PayoutRepository } from './infrastructure/payout.repository';
import { BankPayoutRepository } from './infrastructure/bank-payout.repository';
import { BankPayoutsService } from './application/bank-payouts.service';
import { CommissionRepository } from './infrastructure/commission.repository';
import { LedgerRepository } from './infrastructure/ledger.repository';
import { SettlementSourcesRepository } from './infrastructure/settlement-sources.repository';
import { SETTLEMENT_JOB_HANDLERS } from './jobs/settlement.handlers';
import { TransferReversalPlanner, TransferReversalsService } from './application/transfer-reversals.service';
import { StatementPdfService } from './application/statement-pdf.service';
import { TaxRemittanceService } from './application/tax-remittance.service';
import { SettlementStatementFilesController } from './http/settlement-statement-files.controller';

/** The settlement ledger's services, without the GraphQL API (for libs/orders and the worker). */
@Module({
  providers: [{ provide: SETTLEMENT_SETTINGS, useFactory: () => settlementSettingsFromEnv() }, LedgerRepository, SettlementSourcesRepository, CommissionRepository, SettlementPostingService, SettlementQueriesService, CommissionService, PayoutRepository, BankPayoutRepository, ConnectEventsService, TransferReversalPlanner],
  exports: [SettlementPostingService, SettlementQueriesService, CommissionService, ConnectEventsService],
})
export class SettlementCoreModule {}

/**
 * The settlement API: balances, the platform ledger, commission settings, statements, payout
 * accounts and runs. The app says how payouts reach Stripe (a `PayoutProvider` class and the
 * modules it needs), since settlement does not talk to Stripe.
 */
@Module({})
export class SettlementModule {
  static register(payouts: { imports: ModuleMetadata['imports']; useClass: Type<PayoutProvider> }): DynamicModule {
    return {
      module: SettlementModule,
      imports: [SettlementCoreModule, ...(payouts.imports ?? [])],
      controllers: [SettlementStatementFilesController],
      providers: [SettlementResolver, PayoutsResolver, PayoutsService, PayoutRepository, LedgerRepository, SettlementSourcesRepository, StatementPdfService, TaxRemittanceService, { provide: PayoutProvider, useClass: payouts.useClass }],
    };
  }
}

/**
 * The worker side: the jobs' handlers. The worker says how Stripe is reached (a
 * `StripeFeeReader`, a `PayoutProvider` and the modules they need), since settlement does not
 * talk to Stripe.
 */
@Module({})
export class SettlementJobsModule {
  static register(stripe: { imports: ModuleMetadata['imports']; feeReader: Type<StripeFeeReader>; payouts: Type<PayoutProvider> }): DynamicModule {
    return {
      module: SettlementJobsModule,
      imports: [SettlementCoreModule, ...(stripe.imports ?? [])],
      providers: [
        ...SETTLEMENT_JOB_HANDLERS,
        LedgerRepository,
        SettlementSourcesRepository,
        SettlementFeesService,
        PayoutsService,
        PayoutRepository,
        TransferReversalsService,
        BankPayoutRepository,
        BankPayoutsService,
        { provide: StripeFeeReader, useClass: stripe.feeReader },
        { provide: PayoutProvider, useClass: stripe.payouts },
      ],
    };
  }
}
