/** A seller's connected account as settlement needs it. */
export interface PayoutAccountState {
  id: string;
  chargesEnabled: boolean;
  payoutsEnabled: boolean;
  detailsSubmitted: boolean;
  currentlyDue: string[];
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
  abstract transfer(args: { destination: string; amountMinor: number; currency: string; transferGroup: string | null; metadata: Record<string, string>; idempotencyKey: string }): Promise<{ id: string }>;
}
