export * from './lib/payments.module';
export { PaymentsService, type DisputeEvidenceFile, type PaymentHandle } from './lib/application/payments.service';
export type { ChargeFee, ConnectedAccountSnapshot, TransferReceipt, WalletAction, WalletMethod } from './lib/infrastructure/stripe.gateway';
export type { DisputeRecord, PaymentFailureRecord, PaymentRecord, RefundRecord } from './lib/infrastructure/payment.repository';
export * from './lib/domain/payments-error';
export * from './lib/domain/payment-event';
export { acceptsEvidence, isDisputeClosed } from './lib/domain/dispute-status';
export * from './lib/domain/connect-event';
// Read port: the relations other contexts may join in their own SQL (issue 19).
export { PaymentsReadPort } from './lib/ports/payments.read-port';
