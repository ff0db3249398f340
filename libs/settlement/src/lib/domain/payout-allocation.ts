/** What a seller is still owed from one checkout's money (its ledger lines less its transfers), and since when. */
export interface CheckoutOwed {
  checkoutId: string;
  owedMinor: number;
  since: Date;
}

export interface PayoutPart {
  /** null: money no checkout accounts for (older payouts made without transfer groups, lines of no checkout). */
  checkoutId: string | null;
  amountMinor: number;
}

/**
 * Splits a seller's payout (`totalMinor`: its payable balance less payouts in flight) into one
 * transfer per checkout whose money it pays, so each transfer carries its checkout's transfer
 * group. Checkouts are paid oldest first, each at most what it is still owed; a checkout the
 * seller owes money on (a refund after its payout) simply gets nothing, its debt already netted
 * in the total. Whatever no checkout accounts for is one part without a checkout. The parts
 * are positive integers and sum to the total.
 */
export function allocatePayout(totalMinor: number, owed: readonly CheckoutOwed[]): PayoutPart[] {
  if (!Number.isSafeInteger(totalMinor) || totalMinor <= 0) return [];
  const byAge = [...owed].filter((c) => c.owedMinor > 0).sort((a, b) => a.since.getTime() - b.since.getTime() || a.checkoutId.localeCompare(b.checkoutId));
  const parts: PayoutPart[] = [];
  let left = totalMinor;
  for (const c of byAge) {
    if (left <= 0) break;
    const amount = Math.min(left, c.owedMinor);
    parts.push({ checkoutId: c.checkoutId, amountMinor: amount });
    left -= amount;
  }
  if (left > 0) parts.push({ checkoutId: null, amountMinor: left });
  return parts;
}
