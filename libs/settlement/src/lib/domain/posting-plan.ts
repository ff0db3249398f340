import { AccountKind, assertBalanced, compact, platform, sellerPayable, type EntryLine, type JournalEntryDraft } from './ledger';
import { orderLedgerState, reversalLines, type OrderLedgerLine } from './reversal';
import { allocateOverOrders, largestRemainder, orderPaidEntry, type OrderToSettle } from './split';

/** What the payment facts of one checkout say, as settlement reads them. */
export interface CheckoutFacts {
  checkoutId: string;
  /** Every paid order of the checkout, by id (the ones a refund without an order or a dispute is spread over). */
  paidOrderIds: string[];
  /** Paid orders whose payment entry may be missing, with their split's inputs. */
  paidOrders: (OrderToSettle & { paidAt: Date })[];
  /** Refunds of the checkout's payment, oldest first; `status` as Stripe reports it. */
  refunds: { refundId: string; amountMinor: number; status: string; orderId: string | null; at: Date }[];
  /** Disputes closed lost, with what the bank took back. */
  lostDisputes: { disputeId: string; lostAmountMinor: number; at: Date }[];
  /** Paid orders that can no longer be returned (return window closed, no return open), with when that happened. */
  payableOrders?: { orderId: string; at: Date }[];
}

/** What the ledger holds already for the checkout's orders. */
export interface PostedLedger {
  eventKeys: ReadonlySet<string>;
  lines: readonly (OrderLedgerLine & { eventKey: string })[];
}

export const REFUND_COUNTS = new Set(['succeeded', 'pending']);
export const REFUND_TAKEN_BACK = new Set(['failed', 'canceled']);

/**
 * The entries that bring the ledger up to the facts, in order: each paid order's split, each
 * refund that counts (for its order, else spread over the paid orders by what each has left),
 * each refund Stripe later reported failed (exactly what its refund took back, restored), each
 * lost dispute (spread like a refund without order). An event already in the ledger (by its
 * key) is never planned again, so planning twice from the same facts plans nothing the
 * second time. Each entry is checked balanced. `warnings`: reversals clipped because the
 * order had less left than asked.
 */
export function planEntries(facts: CheckoutFacts, posted: PostedLedger): { entries: JournalEntryDraft[]; warnings: string[] } {
  // The events this plan adds, beside those posted (not a copy of them: the catch-up passes one set for a whole batch).
  const added = new Set<string>();
  const keys = { has: (k: string) => added.has(k) || posted.eventKeys.has(k), add: (k: string) => added.add(k) };
  const lines: (OrderLedgerLine & { eventKey: string })[] = [...posted.lines];
  const entries: JournalEntryDraft[] = [];
  const warnings: string[] = [];
  const add = (e: JournalEntryDraft) => {
    if (!e.lines.length || keys.has(e.eventKey)) return;
    assertBalanced(e);
    entries.push(e);
    keys.add(e.eventKey);
    lines.push(...e.lines.map((l) => ({ ...l, kind: e.kind, eventKey: e.eventKey })));
  };
  const stateOf = (orderId: string) => orderLedgerState(lines.filter((l) => l.orderId === orderId));
  const spread = (amount: number) => allocateOverOrders(amount, facts.paidOrderIds.map((id) => { const s = stateOf(id); return { orderId: id, remainingMinor: s.totalMinor - s.reversedMinor }; }));
  const reversal = (head: Omit<JournalEntryDraft, 'lines'>, amounts: ReadonlyMap<string, number>) => {
    const out: EntryLine[] = [];
    for (const [orderId, amount] of amounts) {
      const s = stateOf(orderId);
      const r = reversalLines(s, amount);
      if (r.appliedMinor !== amount) warnings.push(`${head.eventKey}: order ${orderId} takes ${r.appliedMinor} of ${amount}`);
      out.push(...r.lines);
    }
    add({ ...head, lines: compact(out) });
  };

  for (const o of facts.paidOrders) if (!keys.has(`order-paid:${o.orderId}`)) add(orderPaidEntry(o, o.paidAt));
  for (const r of facts.refunds) {
    const key = `refund:${r.refundId}`;
    if (REFUND_COUNTS.has(r.status) && !keys.has(key)) {
      const amounts = r.orderId && facts.paidOrderIds.includes(r.orderId) ? new Map([[r.orderId, r.amountMinor]]) : spread(r.amountMinor);
      reversal({ eventKey: key, kind: 'REFUND', checkoutId: facts.checkoutId, occurredAt: r.at }, amounts);
    } else if (REFUND_TAKEN_BACK.has(r.status) && keys.has(key) && !keys.has(`refund-failed:${r.refundId}`)) {
      const took = lines.filter((l) => l.eventKey === key && l.component === 'PAYMENT' && l.orderId);
      reversal({ eventKey: `refund-failed:${r.refundId}`, kind: 'REFUND_FAILED', checkoutId: facts.checkoutId, occurredAt: r.at }, new Map(took.map((l) => [l.orderId!, l.amountMinor])));
    }
  }
  for (const d of facts.lostDisputes) {
    const key = `dispute-lost:${d.disputeId}`;
    if (!keys.has(key)) reversal({ eventKey: key, kind: 'DISPUTE_LOST', checkoutId: facts.checkoutId, occurredAt: d.at }, spread(d.lostAmountMinor));
  }
  for (const p of facts.payableOrders ?? []) {
    const key = `order-payable:${p.orderId}`;
    if (!keys.has(key)) add(maturityEntry(key, facts.checkoutId, p.orderId, p.at, lines.filter((l) => l.orderId === p.orderId)));
  }
  return { entries, warnings };
}

/**
 * The order can no longer be returned: what its sellers have pending on it (their shares less
 * what refunds and disputes took back) becomes payable, per seller and component. No lines
 * (nothing is written) when nothing is pending.
 */
export function maturityEntry(eventKey: string, checkoutId: string | null, orderId: string, at: Date, orderLines: readonly EntryLine[]): JournalEntryDraft {
  const pending = compact(
    orderLines
      .filter((l) => l.orderId === orderId && l.account.kind === AccountKind.SELLER_PENDING)
      .map((l): EntryLine => ({ account: { ...l.account }, component: l.component, orderId: l.orderId, amountMinor: l.amountMinor, currency: l.currency })),
  );
  const lines = pending.flatMap((l) => [
    { ...l, amountMinor: -l.amountMinor },
    { ...l, account: { ...l.account, kind: AccountKind.SELLER_PAYABLE }, amountMinor: l.amountMinor },
  ]);
  return { eventKey, kind: 'ORDER_PAYABLE', checkoutId, occurredAt: at, lines: compact(lines) };
}

/** A paid order of the charged checkout, as the fee's rule reads it. */
export interface FeeOrder {
  orderId: string;
  /** The storefront's terms snapshotted at checkout: Stripe's fees are passed on to the order's sellers. */
  passToSellers: boolean;
  /** The order's ledger lines so far (every entry): its payment weighs its part of the fee, its sellers' balances on it who bears it. */
  lines: readonly OrderLedgerLine[];
}

/**
 * Stripe's fee on a charge (its balance transaction), out of the money at Stripe. The rule
 * (ADR 0014): the fee falls on each paid order of the checkout in proportion to what the order
 * paid (largest remainder). An order whose storefront's terms pass fees on (snapshotted at
 * checkout) charges its part to its sellers, in proportion to what each is owed on the order
 * (its net balance per seller account: pending before the return window closes, payable
 * after); every other part, and an order whose sellers are owed nothing on it any more, is the
 * platform's expense (STRIPE_FEES). Without `orders` the whole fee is the platform's.
 * Key `fee:<txn_…>`.
 */
export function feeEntry(args: { balanceTransactionId: string; checkoutId: string | null; feeMinor: number; currency: string; at: Date; orders?: readonly FeeOrder[] }): JournalEntryDraft {
  if (!Number.isSafeInteger(args.feeMinor) || args.feeMinor < 0) throw new RangeError(`a fee must be a non-negative integer amount, got ${args.feeMinor}`);
  const orders = (args.orders ?? []).map((o) => ({
    ...o,
    paidMinor: o.lines
      .filter((l) => l.kind === 'ORDER_PAID' && l.account.kind === AccountKind.STRIPE_CLEARING && l.component === 'PAYMENT' && l.currency === args.currency)
      .reduce((a, l) => a + l.amountMinor, 0),
  })).filter((o) => o.paidMinor > 0);
  const paid = orders.reduce((a, o) => a + o.paidMinor, 0);
  const parts = paid > 0 ? largestRemainder(orders.map((o) => o.paidMinor), args.feeMinor, paid) : [];
  const charged: EntryLine[] = [];
  let platformPart = paid > 0 ? 0 : args.feeMinor;
  orders.forEach((o, i) => {
    const part = parts[i]!;
    const owed = o.passToSellers ? sellersOwedOn(o.orderId, o.lines, args.currency) : [];
    const whole = owed.reduce((a, x) => a + x.owedMinor, 0);
    if (!part || whole <= 0) {
      platformPart += part;
      return;
    }
    const shares = largestRemainder(owed.map((x) => x.owedMinor), part, whole);
    owed.forEach((x, k) => charged.push({ account: { ...x.account }, component: 'FEE', orderId: o.orderId, amountMinor: shares[k]!, currency: args.currency }));
  });
  const e: JournalEntryDraft = {
    eventKey: `fee:${args.balanceTransactionId}`,
    kind: 'FEE',
    checkoutId: args.checkoutId,
    occurredAt: args.at,
    lines: compact([
      ...charged,
      { account: platform('STRIPE_FEES'), component: 'FEE', orderId: null, amountMinor: platformPart, currency: args.currency },
      { account: platform('STRIPE_CLEARING'), component: 'FEE', orderId: null, amountMinor: -args.feeMinor, currency: args.currency },
    ]),
  };
  assertBalanced(e);
  return e;
}

/** What each seller account is owed on an order (its credits less its debits there, positive), in a stable order. */
function sellersOwedOn(orderId: string, lines: readonly OrderLedgerLine[], currency: string): { account: EntryLine['account']; owedMinor: number }[] {
  const by = new Map<string, { account: EntryLine['account']; owedMinor: number }>();
  for (const l of lines) {
    if (l.orderId !== orderId || l.currency !== currency || (l.account.kind !== AccountKind.SELLER_PENDING && l.account.kind !== AccountKind.SELLER_PAYABLE)) continue;
    const k = `${l.account.kind}:${l.account.ownerType}:${l.account.ownerId}`;
    const x = by.get(k) ?? { account: { ...l.account }, owedMinor: 0 };
    x.owedMinor -= l.amountMinor;
    by.set(k, x);
  }
  return [...by.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, x]) => x).filter((x) => x.owedMinor > 0);
}

/** A transfer to a seller's connected account: what the platform owes it goes down, and so does the money at Stripe. */
export function payoutEntry(args: { payoutId: string; checkoutId?: string | null; sellerType: 'MUSEUM' | 'BRAND'; sellerId: string; amountMinor: number; currency: string; at: Date }): JournalEntryDraft {
  if (!Number.isSafeInteger(args.amountMinor) || args.amountMinor <= 0) throw new RangeError(`a payout must be a positive integer amount, got ${args.amountMinor}`);
  const e: JournalEntryDraft = {
    eventKey: `payout:${args.payoutId}`,
    kind: 'PAYOUT',
    // The checkout whose money the transfer carries: what the seller is owed per checkout is its entries' lines.
    checkoutId: args.checkoutId ?? null,
    occurredAt: args.at,
    lines: [
      { account: sellerPayable(args.sellerType, args.sellerId), component: 'PAYOUT', orderId: null, amountMinor: args.amountMinor, currency: args.currency },
      { account: platform('STRIPE_CLEARING'), component: 'PAYOUT', orderId: null, amountMinor: -args.amountMinor, currency: args.currency },
    ],
  };
  assertBalanced(e);
  return e;
}

/**
 * Stripe reversed (part of) a payout's transfer: the money came back from the seller's
 * connected account to the platform's balance, so the seller is owed it again — clearing
 * debited, the seller's payable credited — once per Stripe reversal id.
 */
export function transferReversalEntry(args: { reversalId: string; checkoutId?: string | null; sellerType: 'MUSEUM' | 'BRAND'; sellerId: string; amountMinor: number; currency: string; at: Date }): JournalEntryDraft {
  if (!Number.isSafeInteger(args.amountMinor) || args.amountMinor <= 0) throw new RangeError(`a transfer reversal must be a positive integer amount, got ${args.amountMinor}`);
  const e: JournalEntryDraft = {
    eventKey: `transfer-reversal:${args.reversalId}`,
    kind: 'TRANSFER_REVERSAL',
    // Under the checkout its transfer carried (the money is owed again from that checkout).
    checkoutId: args.checkoutId ?? null,
    occurredAt: args.at,
    lines: [
      { account: platform('STRIPE_CLEARING'), component: 'PAYOUT', orderId: null, amountMinor: args.amountMinor, currency: args.currency },
      { account: sellerPayable(args.sellerType, args.sellerId), component: 'PAYOUT', orderId: null, amountMinor: -args.amountMinor, currency: args.currency },
    ],
  };
  assertBalanced(e);
  return e;
}

/**
 * Stripe's fee on a lost dispute. The rule (ADR 0014): the sellers of the disputed orders bear
 * it, in proportion to what the dispute took from each of them (the seller lines the lost
 * dispute's entry debited, each on the account it debited: pending or payable, per order), like
 * the dispute itself; the money leaves Stripe clearing. With no seller line to bear it (nothing
 * was left to take back), the platform bears it as a Stripe fee. Key `dispute-fee:<dp_…>`.
 */
export function disputeFeeEntry(args: {
  disputeId: string;
  checkoutId: string | null;
  feeMinor: number;
  currency: string;
  at: Date;
  /** The seller lines of the dispute's `dispute-lost:` entry (debits: positive). */
  sellerDebits: readonly EntryLine[];
}): JournalEntryDraft {
  if (!Number.isSafeInteger(args.feeMinor) || args.feeMinor <= 0) throw new RangeError(`a dispute fee must be a positive integer amount, got ${args.feeMinor}`);
  const bearers = args.sellerDebits.filter((l) => l.amountMinor > 0 && l.currency === args.currency && (l.account.kind === AccountKind.SELLER_PAYABLE || l.account.kind === AccountKind.SELLER_PENDING));
  const whole = bearers.reduce((s, l) => s + l.amountMinor, 0);
  const shares = whole > 0 ? largestRemainder(bearers.map((l) => l.amountMinor), args.feeMinor, whole) : [];
  const charged: EntryLine[] = whole > 0
    ? bearers.map((l, i) => ({ account: { ...l.account }, component: 'FEE' as const, orderId: l.orderId, amountMinor: shares[i]!, currency: args.currency }))
    : [{ account: platform('STRIPE_FEES'), component: 'FEE', orderId: null, amountMinor: args.feeMinor, currency: args.currency }];
  const e: JournalEntryDraft = {
    eventKey: `dispute-fee:${args.disputeId}`,
    kind: 'DISPUTE_FEE',
    checkoutId: args.checkoutId,
    occurredAt: args.at,
    lines: compact([...charged, { account: platform('STRIPE_CLEARING'), component: 'FEE', orderId: null, amountMinor: -args.feeMinor, currency: args.currency }]),
  };
  assertBalanced(e);
  return e;
}
