/**
 * Where Stripe's fee on a checkout's charge comes from: its balance transaction. Settlement
 * does not talk to Stripe; the worker binds this port to libs/payments (apps/worker).
 */
export abstract class StripeFeeReader {
  /** The fee on the intent's charge; null while Stripe has no balance transaction for it yet. */
  /** Stripe's fee on a dispute (its dispute fee); null while Stripe has no balance transaction for it yet. */
  abstract disputeFeeOf(disputeId: string): Promise<{ feeMinor: number; currency: string } | null>;
  abstract feeOf(paymentIntentId: string): Promise<{ balanceTransactionId: string; feeMinor: number; currency: string } | null>;
}
