import type { CrossBorderRules } from './cross-border-rules';
import { CustomsError, CustomsErrorCode } from './customs-error';

export interface LimitedOrder {
  /** Who sells it, to name the order in errors. */
  sellerId: string;
  lines: readonly { ref: string; unitPriceMinor: number; quantity: number }[];
}

/**
 * Per-order rules, checked on each order of a checkout before anything is written:
 * an indivisible item priced above the limit is refused (the general-trade route it would
 * need is not built), then the goods value of the order may not exceed the limit.
 */
export function assertOrderLimits(order: LimitedOrder, rules: CrossBorderRules): void {
  const overpriced = order.lines.filter((l) => l.unitPriceMinor > rules.orderLimitMinor);
  if (overpriced.length) {
    throw new CustomsError(
      CustomsErrorCode.SINGLE_ITEM_OVER_LIMIT,
      `An item priced above ${rules.orderLimitMinor / 100} CNY cannot be sold as a cross-border retail import`,
      { limit: rules.orderLimitMinor, currency: 'CNY', lines: overpriced.map((l) => l.ref), sellerId: order.sellerId },
    );
  }
  const goodsValue = order.lines.reduce((a, l) => a + l.unitPriceMinor * l.quantity, 0);
  if (goodsValue > rules.orderLimitMinor) {
    throw new CustomsError(
      CustomsErrorCode.ORDER_LIMIT_EXCEEDED,
      `The goods of one order may not exceed ${rules.orderLimitMinor / 100} CNY`,
      { limit: rules.orderLimitMinor, goodsValue, currency: 'CNY', sellerId: order.sellerId, lines: order.lines.map((l) => l.ref) },
    );
  }
}

/** What is left of the identity's yearly quota after what it has already used (never below 0). */
export function remainingAnnualQuota(usedMinor: number, rules: CrossBorderRules): number {
  return Math.max(0, rules.annualLimitMinor - usedMinor);
}

export function assertAnnualLimit(usedMinor: number, requestedMinor: number, rules: CrossBorderRules): void {
  const remaining = remainingAnnualQuota(usedMinor, rules);
  // Also refuses when the quota is already over-used (e.g. after the limit was lowered).
  if (usedMinor + requestedMinor > rules.annualLimitMinor) {
    throw new CustomsError(CustomsErrorCode.ANNUAL_LIMIT_EXCEEDED, `The yearly cross-border quota of this identity has ${remaining / 100} CNY left`, {
      remaining,
      requested: requestedMinor,
      limit: rules.annualLimitMinor,
      currency: 'CNY',
      field: 'input.orderer.residentId',
    });
  }
}

const CHINA_UTC_OFFSET_MS = 8 * 3600_000;

/** The calendar year in China Standard Time (UTC+8, no daylight saving) holding `at`, as [start, end) instants. */
export function chinaCalendarYear(at: Date): { start: Date; end: Date } {
  const year = new Date(at.getTime() + CHINA_UTC_OFFSET_MS).getUTCFullYear();
  return {
    start: new Date(Date.UTC(year, 0, 1) - CHINA_UTC_OFFSET_MS),
    end: new Date(Date.UTC(year + 1, 0, 1) - CHINA_UTC_OFFSET_MS),
  };
}
