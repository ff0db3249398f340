export { LicensingModule } from './lib/licensing.module';
export { LicensingCoreModule } from './lib/licensing-core.module';
export { LicensingJobsModule } from './lib/jobs/licensing-jobs.module';
export * from './lib/jobs/licensing.jobs';
// For libs/orders: royalty on paid and refunded lines, and who fulfils a licensed product.
export { RoyaltyAccrualService, type AccrueCommand, type ReverseCommand, type ReconcileResult } from './lib/application/royalty-accrual.service';
export { LicensedProductsService, type Fulfilment } from './lib/application/licensed-products.service';
export { RoyaltyStatementsService } from './lib/application/royalty-statements.service';
export { ReviewRemindersService } from './lib/application/review-reminders.service';
export { TermExpiryService } from './lib/application/term-expiry.service';
export { Clock } from './lib/application/clock';
export { LicensingError, LicensingErrorCode } from './lib/domain/licensing-error';
export type { FxSnapshot } from './lib/domain/royalty';
// For libs/settlement: the royalty of a line in its sale currency (one rule with the royalty ledger).
export { royaltyInSaleCurrency } from './lib/domain/royalty';
// For the demo seed (prisma/seed): proposals written through the same use cases as the API.
export { DraftProposalService } from './lib/application/draft-proposal.service';
export { SubmitProposalService } from './lib/application/submit-proposal.service';
export { ReviewProposalService } from './lib/application/review-proposal.service';
// Read port: the relations other contexts may join in their own SQL (issue 19).
export { LicensingReadPort } from './lib/ports/licensing.read-port';
// What licensing reads of orders (the sales royalties are reckoned on), bound by libs/orders (issue 19).
export { LicensedSalesSource } from './lib/ports/licensed-sales.source';
