import type { CrossBorderRules } from './cross-border-rules';

/** What the customs value of one order (or one line) is made of, CNY fen. */
export interface DutiableParts {
  goodsMinor: number;
  freightMinor: number;
  insuranceMinor: number;
}

/**
 * The dutiable value (customs value): goods at their retail price + freight + insurance, as the
 * 2016 notice defines it for retail imports. The one basis of the per-order limit, the yearly
 * quota (what checkout checks and what the quota accounting counts) and the tax.
 */
export function dutiableValue(parts: DutiableParts): number {
  return parts.goodsMinor + parts.freightMinor + parts.insuranceMinor;
}

/** `CBEC_RETAIL`: comprehensive tax (duty 0, VAT and consumption tax at 70 %); `GENERAL_TRADE`: full taxes. */
export type TaxRegime = 'CBEC_RETAIL' | 'GENERAL_TRADE';

/** One indivisible item alone in its order: one line of one unit. */
export function isSingleIndivisibleItem(lines: readonly { quantity: number }[]): boolean {
  return lines.length === 1 && lines[0]!.quantity === 1;
}

/**
 * The regime an order is taxed under: an order within the per-order limit is a retail import;
 * a single indivisible item above it pays the general-trade taxes. Any other order above the
 * limit is refused (`assertOrderLimits`), so its regime is only ever shown, never charged.
 */
export function taxRegimeOf(order: DutiableParts & { lines: readonly { quantity: number }[] }, rules: CrossBorderRules): TaxRegime {
  return dutiableValue(order) > rules.orderLimitMinor && isSingleIndivisibleItem(order.lines) ? 'GENERAL_TRADE' : 'CBEC_RETAIL';
}
