import { AccountKind, lineKey, type EntryKind, type EntryLine } from './ledger';
import { proportionalReversal } from './split';

/** An order's lines in the ledger so far, by the kind of entry they belong to. */
export interface OrderLedgerLine extends EntryLine {
  kind: EntryKind;
}

export interface OrderLedgerState {
  /** The lines of the order's ORDER_PAID entry (empty: not posted). */
  paid: EntryLine[];
  /** What reversals (refunds, failed refunds, lost disputes) took back so far, per line key. */
  reversedBefore: Map<string, number>;
  /** The order's payment reversed so far (refunds and lost disputes, less failed refunds). */
  reversedMinor: number;
  totalMinor: number;
}

const REVERSALS: readonly EntryKind[] = ['REFUND', 'REFUND_FAILED', 'DISPUTE_LOST'];

/**
 * Derives an order's state from its ledger lines alone. Once the order is payable (an
 * ORDER_PAYABLE entry moved the sellers' pending shares to payable), its sellers' lines are
 * read as payable ones, so later reversals take the money back from where it now is.
 */
export function orderLedgerState(all: readonly OrderLedgerLine[]): OrderLedgerState {
  const matured = all.some((l) => l.kind === 'ORDER_PAYABLE');
  const lines = all
    .filter((l) => l.kind !== 'ORDER_PAYABLE')
    .map((l) => (matured && l.account.kind === AccountKind.SELLER_PENDING ? { ...l, account: { ...l.account, kind: AccountKind.SELLER_PAYABLE } } : l));
  const paid = lines.filter((l) => l.kind === 'ORDER_PAID');
  const reversedBefore = new Map<string, number>();
  let reversedMinor = 0;
  for (const l of lines) {
    if (!REVERSALS.includes(l.kind)) continue;
    const k = lineKey(l);
    reversedBefore.set(k, (reversedBefore.get(k) ?? 0) + l.amountMinor);
    if (l.component === 'PAYMENT') reversedMinor -= l.amountMinor;
  }
  const totalMinor = paid.filter((l) => l.component === 'PAYMENT').reduce((a, l) => a + l.amountMinor, 0);
  return { paid: paid.map(({ kind: _k, ...l }) => l), reversedBefore, reversedMinor, totalMinor };
}

/**
 * The lines that move an order's reversals by `deltaMinor` (positive: money went back to the
 * shopper or the bank; negative: a refund that failed, so the money is the sellers' again),
 * kept within 0..total. `applied` is the change actually posted (less than asked when a
 * reversal would exceed what the order has left); no lines when nothing was paid or nothing moves.
 */
export function reversalLines(state: OrderLedgerState, deltaMinor: number): { lines: EntryLine[]; appliedMinor: number } {
  if (!state.paid.length || state.totalMinor <= 0) return { lines: [], appliedMinor: 0 };
  const target = Math.min(state.totalMinor, Math.max(0, state.reversedMinor + deltaMinor));
  if (target === state.reversedMinor) return { lines: [], appliedMinor: 0 };
  return { lines: proportionalReversal(state.paid, state.reversedBefore, target), appliedMinor: target - state.reversedMinor };
}
