/** Stripe refund statuses that count as money given back: succeeded, or pending (accepted, not yet settled). */
export function countsAsRefunded(status: string): boolean {
  return status === 'succeeded' || status === 'pending';
}

/** What an order's refunds have given back, in minor units (failed and cancelled ones count nothing). */
export function refundedTotal(refunds: readonly { status: string; amountMinor: number }[]): number {
  return refunds.reduce((sum, r) => (countsAsRefunded(r.status) ? sum + r.amountMinor : sum), 0);
}

export interface RefundableLine {
  id: string;
  quantity: number;
  /** Landed price of the whole line (goods, freight share, tax) and its goods value, minor units. */
  totalMinor: number;
  goodsMinor: number;
}

export interface LineRefundPlan {
  /** What Stripe refunds: the landed price of the units, capped by what is left of the order. */
  amountMinor: number;
  /** Units per line and the goods value they give back to the yearly quota. */
  returned: { orderLineId: string; quantity: number; goodsMinor: number }[];
  /** Refused requests, one per line (a line not of the order, more units than are left). */
  problems: { path: string; message: string }[];
}

/**
 * Plans a refund of some units of some lines, given the units each line has already given
 * back (`refundedUnits`, counted under the order's lock) and what is left of the order.
 */
export function planLineRefund(
  lines: readonly RefundableLine[],
  refundedUnits: ReadonlyMap<string, number>,
  requested: readonly { lineId: string; quantity: number }[],
  remainingMinor: number,
): LineRefundPlan {
  const byId = new Map(lines.map((l) => [l.id, l]));
  const problems: LineRefundPlan['problems'] = [];
  const returned: LineRefundPlan['returned'] = [];
  let amount = 0;
  requested.forEach((r, i) => {
    const line = byId.get(r.lineId);
    const before = refundedUnits.get(r.lineId) ?? 0;
    if (!line) problems.push({ path: `input.lines.${i}.lineId`, message: 'is not a line of this order' });
    else if (r.quantity > line.quantity - before) problems.push({ path: `input.lines.${i}.quantity`, message: `at most ${line.quantity - before}` });
    else {
      amount += Math.round((line.totalMinor * r.quantity) / line.quantity);
      // Goods value taken cumulatively, so a line's partial refunds add up to its goods exactly.
      const share = (units: number) => Math.round((line.goodsMinor * units) / line.quantity);
      returned.push({ orderLineId: line.id, quantity: r.quantity, goodsMinor: share(before + r.quantity) - share(before) });
    }
  });
  return { amountMinor: Math.min(amount, remainingMinor), returned, problems };
}

/** Stripe refund statuses of a refund that gave nothing back. */
export function refundFailed(status: string): boolean {
  return status === 'failed' || status === 'canceled';
}

/**
 * What a REFUNDED order still owes the shopper because Stripe reported a refund of it failed
 * or cancelled after the order turned REFUNDED (its stock, quota, customs and royalties were
 * already given back then, so only the money is missing): the order's total less the refunds
 * that count, capped by what the payment can still refund (refunds made outside the platform,
 * e.g. from the Stripe dashboard, count there). Zero in every other case: an order that is
 * not REFUNDED is refunded through the ordinary path, and a REFUNDED order whose refunds all
 * went through owes nothing.
 */
export function refundOutstanding(o: {
  status: string;
  totalMinor: number;
  /** Refunds of this order that count (succeeded or pending). */
  refundedMinor: number;
  /** Refunds of this order Stripe reported failed or cancelled. */
  failedRefunds: number;
  /** The payment's amount less what it has refunded, all orders of the checkout together. */
  paymentRoomMinor: number;
}): number {
  if (o.status !== 'REFUNDED' || o.failedRefunds < 1) return 0;
  return Math.max(0, Math.min(o.totalMinor - o.refundedMinor, o.paymentRoomMinor));
}

/** refundOutstanding of an order from its own refunds and its checkout's payment (null: none). */
export function outstandingOf(
  order: { status: string; totalMinor: number },
  refunds: readonly { status: string; amountMinor: number }[],
  payment: { amountMinor: number; amountRefundedMinor: number } | null | undefined,
): number {
  return refundOutstanding({
    status: order.status,
    totalMinor: order.totalMinor,
    refundedMinor: refundedTotal(refunds),
    failedRefunds: refunds.filter((r) => refundFailed(r.status)).length,
    paymentRoomMinor: payment ? payment.amountMinor - payment.amountRefundedMinor : 0,
  });
}
