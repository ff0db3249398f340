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
  /** Landed price of the whole line (goods, freight share, tax), its goods value and its tax, minor units. */
  totalMinor: number;
  goodsMinor: number;
  taxMinor: number;
  /** Promotions allocated to the line (already out of its total); absent: none. */
  discountMinor?: number;
}

/** What a line's refunds that still count (not taken back after a failure) gave back so far. */
export interface LineRefunded {
  units: number;
  amountMinor: number;
  goodsMinor: number;
  taxMinor: number;
  /** The discount the refunded units carried (absent on rows written before promotions: 0). */
  discountMinor?: number;
}

export const NOTHING_REFUNDED: LineRefunded = { units: 0, amountMinor: 0, goodsMinor: 0, taxMinor: 0 };

export interface ReturnedUnits {
  orderLineId: string;
  quantity: number;
  /** What these units give back: landed price (what Stripe refunds), goods value (yearly quota) and tax. */
  amountMinor: number;
  goodsMinor: number;
  taxMinor: number;
  /** The line's discount these units carried: goods − discount is the net sale they give back (royalties). */
  discountMinor?: number;
}

export interface LineRefundPlan {
  /** What Stripe refunds: the landed price of the units, capped by what is left of the order. */
  amountMinor: number;
  /** Units per line and what they give back; their amounts add up to `amountMinor`. */
  returned: ReturnedUnits[];
  /** Refused requests, one per line (a line not of the order, more units than are left). */
  problems: { path: string; message: string }[];
}

/**
 * The part of `value` (a line's total, goods or tax) that `units` more units take, when the
 * line has already given back `already` of it for `before` units: the cumulative share
 * round(value × (before + units) / quantity) less what was already given back, within what is
 * left. Cumulative, so the line's refunds add up to `value` exactly once every unit is back
 * (the last unit takes what is left of the line, rounding included), whatever the steps.
 */
export function unitShare(value: number, quantity: number, before: number, units: number, already: number): number {
  const left = value - already;
  if (before + units >= quantity) return Math.max(0, left);
  return Math.min(Math.max(0, Math.round((value * (before + units)) / quantity) - already), Math.max(0, left));
}

/**
 * Plans a refund of some units of some lines, given what each line has already given back
 * (`refunded`, counted under the order's lock) and what is left of the order.
 */
export function planLineRefund(
  lines: readonly RefundableLine[],
  refunded: ReadonlyMap<string, LineRefunded>,
  requested: readonly { lineId: string; quantity: number }[],
  remainingMinor: number,
): LineRefundPlan {
  const byId = new Map(lines.map((l) => [l.id, l]));
  const problems: LineRefundPlan['problems'] = [];
  const returned: ReturnedUnits[] = [];
  requested.forEach((r, i) => {
    const line = byId.get(r.lineId);
    const done = refunded.get(r.lineId) ?? NOTHING_REFUNDED;
    if (!line) problems.push({ path: `input.lines.${i}.lineId`, message: 'is not a line of this order' });
    else if (r.quantity > line.quantity - done.units) problems.push({ path: `input.lines.${i}.quantity`, message: `at most ${line.quantity - done.units}` });
    else {
      const share = (value: number, already: number) => unitShare(value, line.quantity, done.units, r.quantity, already);
      returned.push({
        orderLineId: line.id,
        quantity: r.quantity,
        amountMinor: share(line.totalMinor, done.amountMinor),
        goodsMinor: share(line.goodsMinor, done.goodsMinor),
        taxMinor: share(line.taxMinor, done.taxMinor),
        // Lines without promotions (written before them) keep their shape.
        ...(line.discountMinor !== undefined ? { discountMinor: share(line.discountMinor, done.discountMinor ?? 0) } : {}),
      });
    }
  });
  // Capped by what is left of the order (a refund by amount made elsewhere): the last lines give way.
  let excess = returned.reduce((sum, r) => sum + r.amountMinor, 0) - Math.max(0, remainingMinor);
  for (let i = returned.length - 1; i >= 0 && excess > 0; i--) {
    const cut = Math.min(excess, returned[i]!.amountMinor);
    returned[i]!.amountMinor -= cut;
    excess -= cut;
  }
  return { amountMinor: returned.reduce((sum, r) => sum + r.amountMinor, 0), returned, problems };
}

/** Sums the line refunds that still count (not taken back), per line. */
export function refundedPerLine(rows: readonly { orderLineId: string; quantity: number; amountMinor: number; goodsMinor: number; taxMinor: number; discountMinor?: number }[]): Map<string, LineRefunded> {
  const out = new Map<string, LineRefunded>();
  for (const r of rows) {
    const s = out.get(r.orderLineId) ?? NOTHING_REFUNDED;
    out.set(r.orderLineId, {
      units: s.units + r.quantity,
      amountMinor: s.amountMinor + r.amountMinor,
      goodsMinor: s.goodsMinor + r.goodsMinor,
      taxMinor: s.taxMinor + r.taxMinor,
      ...(r.discountMinor !== undefined || s.discountMinor !== undefined ? { discountMinor: (s.discountMinor ?? 0) + (r.discountMinor ?? 0) } : {}),
    });
  }
  return out;
}

export interface LineLeft {
  id: string;
  /** Units, landed total, goods value, tax and freight (with insurance) the line still holds. */
  quantity: number;
  totalMinor: number;
  goodsMinor: number;
  taxMinor: number;
  freightMinor: number;
  /** The discount the units left carry (declared as CEB311's discount); absent on lines without promotions. */
  discountMinor?: number;
}

/**
 * What is left of each line once its refunds are taken off: what the pipeline declares, books
 * and ships. A line with every unit refunded is left out; an empty answer means nothing is
 * left of the order (not declared at all).
 */
export function linesLeft(lines: readonly RefundableLine[], refunded: ReadonlyMap<string, LineRefunded>): LineLeft[] {
  const left: LineLeft[] = [];
  for (const l of lines) {
    const r = refunded.get(l.id) ?? NOTHING_REFUNDED;
    const quantity = l.quantity - r.units;
    if (quantity <= 0) continue;
    const totalMinor = Math.max(0, l.totalMinor - r.amountMinor);
    const goodsMinor = Math.max(0, l.goodsMinor - r.goodsMinor);
    const taxMinor = Math.max(0, l.taxMinor - r.taxMinor);
    const discountMinor = Math.max(0, (l.discountMinor ?? 0) - (r.discountMinor ?? 0));
    // total = goods − discount + freight + tax
    const freightMinor = Math.max(0, totalMinor - goodsMinor + discountMinor - taxMinor);
    left.push({ id: l.id, quantity, totalMinor, goodsMinor, taxMinor, freightMinor, ...(l.discountMinor !== undefined ? { discountMinor } : {}) });
  }
  return left;
}

/** Every unit of every line has been refunded (by refunds that still count). */
export function everyUnitRefunded(lines: readonly { id: string; quantity: number }[], refunded: ReadonlyMap<string, LineRefunded>): boolean {
  return lines.length > 0 && lines.every((l) => (refunded.get(l.id)?.units ?? 0) >= l.quantity);
}

/**
 * Whether Stripe's refunds make the order REFUNDED: they cover its total (the whole charge, or
 * this order's refunds), or every unit of it was refunded line by line.
 */
export function coveredByRefunds(o: { totalMinor: number; refundedMinor: number; wholeChargeRefunded: boolean; everyUnitRefunded: boolean }): boolean {
  return o.wholeChargeRefunded || o.refundedMinor >= o.totalMinor || o.everyUnitRefunded;
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
