import { DomainError } from '@vitrine/shared/kernel';
import { unitShare, type LineRefunded, type RefundableLine, type ReturnedUnits } from '../../domain/refunds';

/** After-sales codes (bad input is VALIDATION_FAILED, another shopper's order NOT_FOUND). */
export const ReturnsErrorCode = {
  /** Asked for after RETURN_WINDOW_DAYS from customs release. */
  RETURN_WINDOW_CLOSED: 'RETURN_WINDOW_CLOSED',
  /** Units of a line already returned, or named by a return still open. */
  ALREADY_RETURNED: 'ALREADY_RETURNED',
  /** The order has not been released by customs (or was cancelled / refunded before). */
  ORDER_NOT_RETURNABLE: 'ORDER_NOT_RETURNABLE',
  /** A step the return's state does not allow (deciding twice, inspecting before acceptance). */
  INVALID_RETURN_STATE: 'INVALID_RETURN_STATE',
  /** Inspection before the parcel is back: the carrier has not reported it arrived and the seller has not marked it received. */
  RETURN_NOT_RECEIVED: 'RETURN_NOT_RECEIVED',
  /** More photos than RETURN_PHOTO_MAX_COUNT on one request. */
  TOO_MANY_RETURN_PHOTOS: 'TOO_MANY_RETURN_PHOTOS',
  /** A photo above RETURN_PHOTO_MAX_BYTES. */
  RETURN_PHOTO_TOO_LARGE: 'RETURN_PHOTO_TOO_LARGE',
  /** A photo whose bytes are not a JPEG, PNG or WebP image (whatever its name says). */
  RETURN_PHOTO_TYPE_NOT_ALLOWED: 'RETURN_PHOTO_TYPE_NOT_ALLOWED',
} as const;
export type ReturnsErrorCode = (typeof ReturnsErrorCode)[keyof typeof ReturnsErrorCode];

export class ReturnsError extends DomainError<ReturnsErrorCode> {}

export const RETURN_REASONS = ['CHANGED_MIND', 'DAMAGED', 'WRONG_ITEM'] as const;
export type ReturnReason = (typeof RETURN_REASONS)[number];
export const RETURN_STATUSES = ['REQUESTED', 'REFUSED', 'ACCEPTED', 'INSPECTED', 'REFUNDED'] as const;
export type ReturnStatus = (typeof RETURN_STATUSES)[number];
export const RETURN_CUSTOMS_STATUSES = ['NOT_DECLARED', 'DECLARED', 'ACCEPTED', 'REJECTED'] as const;
export type ReturnCustomsStatus = (typeof RETURN_CUSTOMS_STATUSES)[number];

/** Order states in which customs has released the goods, so a return may be asked for. */
export const RETURNABLE_ORDER_STATUSES = ['CLEARED', 'SHIPPED', 'DELIVERED'] as const;

const DAY_MS = 86_400_000;

export interface ReturnWindows {
  requestDays: number;
  arrivalDays: number;
}

/** The two deadlines customs release sets: applying for the return, and the goods reaching the supervised site. */
export function returnDeadlines(releasedAt: Date, w: ReturnWindows): { requestDeadline: Date; arrivalDeadline: Date } {
  return { requestDeadline: new Date(releasedAt.getTime() + w.requestDays * DAY_MS), arrivalDeadline: new Date(releasedAt.getTime() + w.arrivalDays * DAY_MS) };
}

/**
 * Where a return's goods go back to: the original customs-supervised site of its order
 * (domain.md, Returns). A 1210 order left a bonded warehouse in China: its goods go back
 * there (the order's stock location). A 9610 order came by direct mail and was cleared at the
 * cross-border e-commerce supervised site of the port of entry: its goods go back to that site
 * (`directMailSite`, RETURN_SITE_9610), not to the seller's warehouse abroad (ADR 0030).
 */
export function returnDestination(order: { customsMode: string; locationCode: string }, sites: ReturnSites): string {
  return order.customsMode === '1210' ? order.locationCode : sites.directMailSite;
}

/**
 * Where an inspected return's units are: a 1210 return's are back in the bonded warehouse they
 * left (null: at the order's stock location, on sale if the seller says so); a 9610 return's
 * are at the supervised site in China, held there until re-exported to the seller's warehouse.
 */
export function returnedGoodsHeldAt(order: { customsMode: string }, sites: ReturnSites): string | null {
  return order.customsMode === '1210' ? null : sites.directMailSite;
}

export interface ReturnSites {
  /** The carrier's code of the supervised site where 9610 returns are received. */
  directMailSite: string;
}

/** Seller's fault: shipping is refunded too. */
export function sellersFault(reason: ReturnReason): boolean {
  return reason === 'DAMAGED' || reason === 'WRONG_ITEM';
}

const TRANSITIONS: Record<ReturnStatus, readonly ReturnStatus[]> = {
  REQUESTED: ['ACCEPTED', 'REFUSED'],
  REFUSED: [],
  ACCEPTED: ['INSPECTED'],
  INSPECTED: ['REFUNDED'],
  REFUNDED: [],
};

export function assertReturnTransition(from: ReturnStatus, to: ReturnStatus): void {
  if (!TRANSITIONS[from].includes(to)) throw new ReturnsError(ReturnsErrorCode.INVALID_RETURN_STATE, `A return cannot go from ${from} to ${to}`, { from, to });
}

/** A line of an earlier return of the same order, as it holds units. */
export interface EarlierReturnLine {
  orderLineId: string;
  status: ReturnStatus;
  quantity: number;
  acceptedQuantity: number | null;
}

/** Units a return holds on its line: all it asked for while open, what inspection accepted after, none once refused. */
export function unitsHeld(l: EarlierReturnLine): number {
  if (l.status === 'REFUSED') return 0;
  if (l.status === 'INSPECTED' || l.status === 'REFUNDED') return l.acceptedQuantity ?? 0;
  return l.quantity;
}

/**
 * Units of each line a shopper may still ask to return: bought, less the units returns hold
 * (`unitsHeld`) and those refunded outside a return (refundOrder's). checkReturnRequest refuses
 * more than this (ALREADY_RETURNED); `OrderLine.returnableQuantity` shows it.
 */
export function returnableUnits(
  lines: readonly { id: string; quantity: number }[],
  refundedOutsideReturns: ReadonlyMap<string, number>,
  earlier: readonly EarlierReturnLine[],
): Map<string, number> {
  const held = new Map<string, number>();
  for (const e of earlier) held.set(e.orderLineId, (held.get(e.orderLineId) ?? 0) + unitsHeld(e));
  return new Map(lines.map((l) => [l.id, Math.max(0, l.quantity - (held.get(l.id) ?? 0) - (refundedOutsideReturns.get(l.id) ?? 0))]));
}

/**
 * Checks a shopper's request line by line: each line of the order, at most the units bought,
 * none already returned (a return still open, or accepted at inspection) or refunded outside a
 * return. Answers the problems (`VALIDATION_FAILED`) and the lines asking for units already
 * returned (`ALREADY_RETURNED`), separately.
 */
export function checkReturnRequest(
  lines: readonly { id: string; quantity: number }[],
  refundedOutsideReturns: ReadonlyMap<string, number>,
  earlier: readonly EarlierReturnLine[],
  requested: readonly { lineId: string; quantity: number }[],
): { problems: { path: string; message: string }[]; alreadyReturned: string[] } {
  const byId = new Map(lines.map((l) => [l.id, l]));
  const left = returnableUnits(lines, refundedOutsideReturns, earlier);
  const problems: { path: string; message: string }[] = [];
  const alreadyReturned: string[] = [];
  requested.forEach((r, i) => {
    const line = byId.get(r.lineId);
    if (!line) return void problems.push({ path: `input.lines.${i}.lineId`, message: 'is not a line of this order' });
    if (r.quantity > line.quantity) return void problems.push({ path: `input.lines.${i}.quantity`, message: `at most ${line.quantity}` });
    if (r.quantity > (left.get(line.id) ?? 0)) alreadyReturned.push(r.lineId);
  });
  return { problems, alreadyReturned };
}

/**
 * What a return refunds for the units inspection accepted: their goods and tax, each its
 * cumulative share of the line (as refundOrder takes them), and their share of freight and
 * insurance only when the fault is the seller's. Freight is shared by unit position
 * (units b+1..b+u of q take round(F·(b+u)/q) − round(F·b/q)), so a customer-fault return
 * leaving its freight behind does not hand it to the next units. Never more than what is
 * left of the line, nor of the order.
 */
export function planReturnRefund(
  lines: readonly RefundableLine[],
  refunded: ReadonlyMap<string, LineRefunded>,
  accepted: readonly { lineId: string; quantity: number }[],
  reason: ReturnReason,
  remainingMinor: number,
): { amountMinor: number; returned: ReturnedUnits[] } {
  const byId = new Map(lines.map((l) => [l.id, l]));
  const returned: ReturnedUnits[] = [];
  for (const a of accepted) {
    const line = byId.get(a.lineId);
    if (!line || a.quantity <= 0) continue;
    const done = refunded.get(line.id) ?? { units: 0, amountMinor: 0, goodsMinor: 0, taxMinor: 0 };
    const units = Math.min(a.quantity, line.quantity - done.units);
    if (units <= 0) continue;
    const goodsMinor = unitShare(line.goodsMinor, line.quantity, done.units, units, done.goodsMinor);
    const taxMinor = unitShare(line.taxMinor, line.quantity, done.units, units, done.taxMinor);
    // The units' share of the line's promotions (ADR 0019): what was paid for their goods is goods − discount.
    const discountMinor = unitShare(line.discountMinor ?? 0, line.quantity, done.units, units, done.discountMinor ?? 0);
    const freight = line.totalMinor - line.goodsMinor + (line.discountMinor ?? 0) - line.taxMinor;
    const freightDone = Math.max(0, done.amountMinor - done.goodsMinor + (done.discountMinor ?? 0) - done.taxMinor);
    const freightMinor = sellersFault(reason)
      ? Math.max(0, Math.min(Math.round((freight * (done.units + units)) / line.quantity) - Math.round((freight * done.units) / line.quantity), freight - freightDone))
      : 0;
    const amountMinor = Math.min(goodsMinor - discountMinor + taxMinor + freightMinor, Math.max(0, line.totalMinor - done.amountMinor));
    returned.push({ orderLineId: line.id, quantity: units, amountMinor, goodsMinor, taxMinor, ...(line.discountMinor !== undefined ? { discountMinor } : {}) });
  }
  let excess = returned.reduce((s, r) => s + r.amountMinor, 0) - Math.max(0, remainingMinor);
  for (let i = returned.length - 1; i >= 0 && excess > 0; i--) {
    const cut = Math.min(excess, returned[i]!.amountMinor);
    returned[i]!.amountMinor -= cut;
    excess -= cut;
  }
  return { amountMinor: returned.reduce((s, r) => s + r.amountMinor, 0), returned };
}

/** One refund of a line as the yearly quota sees it. */
export interface QuotaRefund {
  units: number;
  /** Stripe reported it failed or cancelled: gives nothing back. */
  cancelled: boolean;
  /** Made for a return: its units come back with the return, once customs accepts it, not with the refund. */
  ofReturn: boolean;
  /** Made for a return customs has not accepted yet: its units still count. */
  pendingCustoms: boolean;
}

/**
 * The dutiable value an order holds of the yearly quota (OrderQueryRepository.quotaUsed, in SQL):
 * per line, dutiable × units still counting / units, half up. Units refunded outside returns
 * count no more; a return gives back every unit it declared once customs accepts it
 * (`returnedUnits`), refunded yet or not, and its refund alone gives nothing back. A REFUNDED
 * order counts only the units refunded by returns customs has not accepted.
 */
export function quotaHeld(order: { refunded: boolean }, lines: readonly { quantity: number; dutiableMinor: number; refunds: readonly QuotaRefund[]; returnedUnits: number }[]): number {
  let held = 0;
  for (const l of lines) {
    const live = l.refunds.filter((r) => !r.cancelled);
    const pending = live.filter((r) => r.ofReturn && r.pendingCustoms).reduce((s, r) => s + r.units, 0);
    const outside = live.filter((r) => !r.ofReturn).reduce((s, r) => s + r.units, 0);
    const units = order.refunded ? pending : Math.max(0, l.quantity - outside - l.returnedUnits);
    held += Math.round((l.dutiableMinor * units) / l.quantity);
  }
  return held;
}
