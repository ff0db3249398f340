/** A seller's connected account as settlement needs it. */
export interface PayoutAccountState {
  id: string;
  chargesEnabled: boolean;
  payoutsEnabled: boolean;
  detailsSubmitted: boolean;
  currentlyDue: string[];
  /** The seller's payout currency (the account's default currency; Stripe converts transfers into it). */
  defaultCurrency: string | null;
}

/** What the seller's account received of a transfer, in its payout currency, at Stripe's rate (null when no conversion). */
export interface TransferReceipt {
  amountMinor: number;
  currency: string;
  exchangeRate: string | null;
}

/** One balance transaction of a bank payout, as matching needs it. */
export interface BankPayoutTransaction {
  id: string;
  /** Stripe's type: payment (a transfer's money), payment_refund (a reversal), payout_failure, payout, … */
  type: string;
  source: string | null;
}

/**
 * Stripe Connect for payouts. Settlement does not talk to Stripe: the apps bind this port to
 * libs/payments (apps/api). Every write carries the caller's idempotency key.
 */
export abstract class PayoutProvider {
  abstract createAccount(args: { country: string; metadata: Record<string, string>; idempotencyKey: string }): Promise<PayoutAccountState>;
  abstract account(accountId: string): Promise<PayoutAccountState>;
  abstract onboardingLink(args: { accountId: string; refreshUrl: string; returnUrl: string }): Promise<string>;
  /**
   * Takes (part of) a transfer back from the connected account; `refused` (Stripe's code, e.g.
   * balance_insufficient) when Stripe will not; throws when Stripe cannot be reached.
   */
  abstract reverseTransfer(args: { transferId: string; amountMinor: number; metadata: Record<string, string>; idempotencyKey: string }): Promise<{ id: string; amountMinor: number; currency: string } | { refused: string }>;
  /** What the transfer's account received (its destination payment), null while Stripe has none; throws when Stripe cannot be reached. */
  abstract transferReceipt(transferId: string): Promise<TransferReceipt | null>;
  /** Makes a transfer once per key; answers it with its payment on the connected account (Stripe's destination_payment, null if Stripe gave none). */
  abstract transfer(args: { destination: string; amountMinor: number; currency: string; transferGroup: string | null; metadata: Record<string, string>; idempotencyKey: string }): Promise<{ id: string; destinationPaymentId: string | null }>;
  /** The transfer's payment on the connected account (py_…), null while Stripe has none; throws when Stripe cannot be reached. */
  abstract transferDestinationPayment(transferId: string): Promise<string | null>;
  /**
   * The balance transactions a connected account's payout to its bank carried (every page of
   * Stripe's list for `payout`, read on the connected account): each one's type and source
   * (a transfer's payment py_…, a failed payout po_… whose money came back, …). Throws when
   * Stripe cannot be reached.
   */
  abstract bankPayoutTransactions(accountId: string, payoutId: string): Promise<BankPayoutTransaction[]>;
}
