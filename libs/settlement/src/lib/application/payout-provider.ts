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
  abstract transfer(args: { destination: string; amountMinor: number; currency: string; transferGroup: string | null; metadata: Record<string, string>; idempotencyKey: string }): Promise<{ id: string }>;
}
