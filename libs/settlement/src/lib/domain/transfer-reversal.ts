import { AccountKind, type JournalEntryDraft } from './ledger';

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
 * What to take back from a seller's transfers after a refund or a lost dispute took `takenMinor`
 * from its payable balance. Only the part the balance no longer covers was paid out already: the debt
 * is min(taken, −owed after the refund) (owed net of payouts still in flight), nothing when the
 * seller is still owed at least zero (the next payout simply pays less). The debt is taken from
 * the transfers that carried the refunded checkout's money (its transfer group) first, then
 * from the transfer that carried the order's share — the first one made once the order became
 * payable — then the later ones, then earlier ones newest first, each at most what is left of it.
 * What the transfers cannot give back stays on the seller's balance, netted from its next payout.
 */
export function planRefundReversal(args: {
  takenMinor: number;
  owedAfterMinor: number;
  payableSince: Date | null;
  transfers: readonly PaidTransfer[];
  checkoutId?: string | null;
  /**
   * What earlier take-backs written in the same transaction (a refund and a lost dispute caught up
   * together) already planned to reverse for this seller and currency: the balance does not show
   * it yet (the worker makes it later), so that part of the debt is spoken for.
   */
  plannedMinor?: number;
}): ReversalPart[] {
  let left = Math.min(Math.max(0, args.takenMinor), Math.max(0, -args.owedAfterMinor - Math.max(0, args.plannedMinor ?? 0)));
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

/** What a take-back entry (a refund, a lost dispute) took from one seller's payable account in one currency. */
export interface SellerTake {
  sellerType: 'MUSEUM' | 'BRAND';
  sellerId: string;
  currency: string;
  amountMinor: number;
  /** The orders it took from: their `order-payable:` entries say since when their shares could be transferred. */
  orderIds: string[];
}

/** The entries whose money may already have been transferred to the sellers it takes from. */
export const TAKE_BACK_KINDS: ReadonlySet<JournalEntryDraft['kind']> = new Set(['REFUND', 'DISPUTE_LOST']);

/**
 * The payable money a take-back entry took from each seller (its debits of SELLER_PAYABLE lines),
 * per seller and currency, in the order the lines name them. Pending money was never transferred,
 * so it is not counted; another kind of entry takes nothing back.
 */
export function takenFromPayable(entry: Pick<JournalEntryDraft, 'kind' | 'lines'>): SellerTake[] {
  if (!TAKE_BACK_KINDS.has(entry.kind)) return [];
  const taken = new Map<string, SellerTake>();
  for (const l of entry.lines) {
    if (l.account.kind !== AccountKind.SELLER_PAYABLE || l.amountMinor <= 0 || !l.account.ownerId) continue;
    if (l.account.ownerType !== 'MUSEUM' && l.account.ownerType !== 'BRAND') continue;
    const key = `${l.account.ownerType}:${l.account.ownerId}:${l.currency}`;
    const t = taken.get(key) ?? { sellerType: l.account.ownerType, sellerId: l.account.ownerId, currency: l.currency, amountMinor: 0, orderIds: [] };
    t.amountMinor += l.amountMinor;
    if (l.orderId && !t.orderIds.includes(l.orderId)) t.orderIds.push(l.orderId);
    taken.set(key, t);
  }
  return [...taken.values()];
}

/**
 * Stripe's idempotency key of one reversal part: one per take-back entry and transfer, so a
 * retried job asks for the same reversal. A refund's keys are what they always were.
 */
export function reversalIdempotencyKey(entryKey: string, payoutId: string): string {
  if (entryKey.startsWith('dispute-lost:')) return `vitrine-dispute-reversal-${entryKey.slice('dispute-lost:'.length)}-${payoutId}`;
  if (entryKey.startsWith('refund:')) return `vitrine-refund-reversal-${entryKey.slice('refund:'.length)}-${payoutId}`;
  throw new RangeError(`no transfer reversal is planned for ${entryKey}`);
}
