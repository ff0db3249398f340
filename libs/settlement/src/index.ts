export { SettlementCoreModule, SettlementJobsModule, SettlementModule } from './lib/settlement.module';
export * from './lib/jobs/settlement.jobs';
// For libs/orders: posting in the payment event's transaction, the checkout's rate snapshot, an order's split.
export { SettlementPostingService } from './lib/application/settlement-posting.service';
// For apps/worker: where Stripe's fees come from; the fee job's service.
export { StripeFeeReader } from './lib/application/stripe-fee-reader';
export { PayoutProvider, type PayoutAccountState, type BankPayoutTransaction } from './lib/application/payout-provider';
export { PayoutsService } from './lib/application/payouts.service';
// For the worker's bank-payout job (and its tests): a bank payout matched to the transfers Stripe says it carried.
export { BankPayoutsService, type BankPayoutMatch } from './lib/application/bank-payouts.service';
// For libs/orders' Connect webhook: connected accounts' events, applied in the event's transaction.
export { ConnectEventsService, type ConnectAccountEvent, type ConnectEventOutcome } from './lib/application/connect-events.service';
export { SettlementFeesService, FeeNotYetAvailableError } from './lib/application/settlement-fees.service';
export { CommissionService } from './lib/application/commission.service';
export { SettlementQueriesService, type SellerBalance, type PlatformLedger, type SplitLine, type SellerStatement } from './lib/application/settlement-queries.service';
export { OrderSettlementType, OrderSettlementDiscountType } from './lib/graphql/settlement.types';
export { toOrderSettlement } from './lib/graphql/order-settlement.mapper';
export { SettlementError, SettlementErrorCode } from './lib/domain/settlement-error';
// What settlement reads of orders (the sales it posts from), bound by libs/orders (issue 19).
export { SettledSalesSource } from './lib/ports/settled-sales.source';
