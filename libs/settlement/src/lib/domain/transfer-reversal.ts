/** A payout's transfer as the reversal plan needs it. */
export interface PaidTransfer {
  payoutId: string;
  createdAt: Date;
  amountMinor: number;
  /** What was already reversed of it (ours and Stripe's). */
  reversedMinor: number;
  /** The checkout whose money it carried (its transfer group), if any. */
  checkoutId?: string | null;
}

export interface ReversalPart {
  payoutId: string;
  amountMinor: number;
}

/**
 * What to take back from a seller's transfers after a refund took `takenMinor` from its
 * payable balance. Only the part the balance no longer covers was paid out already: the debt
 * is min(taken, −owed after the refund) (owed net of payouts still in flight), nothing when the
 * seller is still owed at least zero (the next payout simply pays less). The debt is taken from
 * the transfers that carried the refunded checkout's money (its transfer group) first, then
 * from the transfer that carried the order's share — the first one made once the order became
 * payable — then the later ones, then earlier ones newest first, each at most what is left of it.
 * What the transfers cannot give back stays on the seller's balance, netted from its next payout.
 */
export function planRefundReversal(args: { takenMinor: number; owedAfterMinor: number; payableSince: Date | null; transfers: readonly PaidTransfer[]; checkoutId?: string | null }): ReversalPart[] {
  let left = Math.min(Math.max(0, args.takenMinor), Math.max(0, -args.owedAfterMinor));
  if (left <= 0) return [];
  const since = args.payableSince?.getTime() ?? Number.NEGATIVE_INFINITY;
  const byTime = [...args.transfers].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.payoutId.localeCompare(b.payoutId));
  const bySince = [...byTime.filter((t) => t.createdAt.getTime() >= since), ...byTime.filter((t) => t.createdAt.getTime() < since).reverse()];
  const own = (t: PaidTransfer) => !!args.checkoutId && t.checkoutId === args.checkoutId;
  const ordered = [...bySince.filter(own), ...bySince.filter((t) => !own(t))];
  const parts: ReversalPart[] = [];
  for (const t of ordered) {
    if (left <= 0) break;
    const amount = Math.min(left, t.amountMinor - t.reversedMinor);
    if (amount <= 0) continue;
    parts.push({ payoutId: t.payoutId, amountMinor: amount });
    left -= amount;
  }
  return parts;
}
