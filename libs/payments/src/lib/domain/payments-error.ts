import { DomainError } from '@vitrine/shared/kernel';

export const PaymentsErrorCode = {
  /** The Stripe-Signature header does not match the body (or is missing or stale). */
  WEBHOOK_SIGNATURE_INVALID: 'WEBHOOK_SIGNATURE_INVALID',
  /** Stripe could not be reached or refused the request; retrying with the same key is safe. */
  PAYMENT_PROVIDER_UNAVAILABLE: 'PAYMENT_PROVIDER_UNAVAILABLE',
  /** A refund was asked for more than what is left to refund. */
  REFUND_NOT_POSSIBLE: 'REFUND_NOT_POSSIBLE',
} as const;
export type PaymentsErrorCode = (typeof PaymentsErrorCode)[keyof typeof PaymentsErrorCode];

export class PaymentsError extends DomainError<PaymentsErrorCode> {}
