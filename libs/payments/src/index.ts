export * from './lib/payments.module';
export { PaymentsService, type PaymentHandle } from './lib/application/payments.service';
export type { DisputeRecord, PaymentRecord, RefundRecord } from './lib/infrastructure/payment.repository';
export * from './lib/domain/payments-error';
export * from './lib/domain/payment-event';
