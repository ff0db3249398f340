import { DomainError } from '@vitrine/shared/kernel';

export const PaymentsErrorCode = {
  /** The Stripe-Signature header does not match the body (or is missing or stale). */
  WEBHOOK_SIGNATURE_INVALID: 'WEBHOOK_SIGNATURE_INVALID',
  /** Stripe could not be reached or refused the request; retrying with the same key is safe. */
  PAYMENT_PROVIDER_UNAVAILABLE: 'PAYMENT_PROVIDER_UNAVAILABLE',
  /** A refund was asked for more than what is left to refund. */
  REFUND_NOT_POSSIBLE: 'REFUND_NOT_POSSIBLE',
  /** Evidence for a dispute Stripe has closed (won, lost, warning closed). */
  DISPUTE_CLOSED: 'DISPUTE_CLOSED',
  /** Evidence after the dispute's evidence due date (Stripe's evidence_details.due_by). */
  DISPUTE_EVIDENCE_PAST_DUE: 'DISPUTE_EVIDENCE_PAST_DUE',
  /** Evidence was already submitted: the dispute is under review. */
  DISPUTE_EVIDENCE_SUBMITTED: 'DISPUTE_EVIDENCE_SUBMITTED',
} as const;
export type PaymentsErrorCode = (typeof PaymentsErrorCode)[keyof typeof PaymentsErrorCode];

export class PaymentsError extends DomainError<PaymentsErrorCode> {}
