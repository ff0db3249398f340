import type { CrossBorderRules } from './cross-border-rules';
import { CustomsError, CustomsErrorCode } from './customs-error';
import { dutiableValue, isSingleIndivisibleItem, type DutiableParts } from './dutiable-value';

export interface LimitedOrder extends DutiableParts {
  /** Who sells it, to name the order in errors. */
  sellerId: string;
  lines: readonly { ref: string; quantity: number }[];
}

/**
 * Per-order rules, checked on each order of a checkout before anything is written. The
 * dutiable value (`dutiableValue`: goods + freight + insurance) of an order may not exceed the
 * limit (`ORDER_LIMIT_EXCEEDED`), except for a single indivisible item alone in its order (one
 * line, one unit): that one goes through at the general-trade taxes (`taxRegimeOf`) if it fits
 * the buyer's remaining yearly quota (checked under the identity's lock, `assertAnnualLimit`);
 * one whose dutiable value is above the whole yearly limit fits nobody's quota and is refused
 * here (`SINGLE_ITEM_OVER_LIMIT`).
 */
export function assertOrderLimits(order: LimitedOrder, rules: CrossBorderRules): void {
  const refusal = orderLimitRefusal(order, rules);
  if (refusal) throw refusal;
}

/** assertOrderLimits' decision without throwing: the refusal placeOrder would answer, or null. The cart lists it as a problem. */
export function orderLimitRefusal(order: LimitedOrder, rules: CrossBorderRules): CustomsError | null {
  const value = dutiableValue(order);
  if (value <= rules.orderLimitMinor) return null;
  const refs = order.lines.map((l) => l.ref);
  const figures = { dutiableValue: value, goodsValue: order.goodsMinor, freight: order.freightMinor, insurance: order.insuranceMinor, currency: 'CNY', sellerId: order.sellerId, lines: refs };
  if (isSingleIndivisibleItem(order.lines)) {
    if (value <= rules.annualLimitMinor) return null;
    return new CustomsError(
      CustomsErrorCode.SINGLE_ITEM_OVER_LIMIT,
      `An item whose dutiable value is above the yearly limit of ${rules.annualLimitMinor / 100} CNY cannot be sold as a cross-border retail import`,
      { limit: rules.annualLimitMinor, ...figures },
    );
  }
  return new CustomsError(
    CustomsErrorCode.ORDER_LIMIT_EXCEEDED,
    `The dutiable value (goods, freight and insurance) of one order may not exceed ${rules.orderLimitMinor / 100} CNY`,
    { limit: rules.orderLimitMinor, ...figures },
  );
}

/** What is left of the identity's yearly quota after what it has already used (never below 0). */
export function remainingAnnualQuota(usedMinor: number, rules: CrossBorderRules): number {
  return Math.max(0, rules.annualLimitMinor - usedMinor);
}

/** `requestedMinor`: the dutiable value of what is being ordered (Σ `dutiableValue` of its orders). */
export function assertAnnualLimit(usedMinor: number, requestedMinor: number, rules: CrossBorderRules): void {
  const refusal = annualLimitRefusal(usedMinor, requestedMinor, rules);
  if (refusal) throw refusal;
}

/** assertAnnualLimit's decision without throwing: ANNUAL_LIMIT_EXCEEDED, or null. */
export function annualLimitRefusal(usedMinor: number, requestedMinor: number, rules: CrossBorderRules): CustomsError | null {
  const remaining = remainingAnnualQuota(usedMinor, rules);
  // Also refuses when the quota is already over-used (e.g. after the limit was lowered).
  if (usedMinor + requestedMinor <= rules.annualLimitMinor) return null;
  return new CustomsError(CustomsErrorCode.ANNUAL_LIMIT_EXCEEDED, `The yearly cross-border quota of this identity has ${remaining / 100} CNY left`, {
    remaining,
    requested: requestedMinor,
    limit: rules.annualLimitMinor,
    currency: 'CNY',
    field: 'input.orderer.residentId',
  });
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
