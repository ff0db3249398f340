import { convertRetail, type FxQuote, type RetailRounding } from '@vitrine/shared/kernel';

/** The EUR column is a PostgreSQL integer. */
const MAX_EUR_MINOR = 2_147_483_647;

export interface EurRange {
  min?: number;
  max?: number;
}

/**
 * Turns a shopper's CNY price range into the EUR base range that gives exactly those
 * CNY prices, so the filter runs on the indexed EUR column. Conversion is monotonic, so a
 * binary search finds the edges. Returns null when no EUR price can fall in the range.
 */
export function eurRangeForCny(
  range: { minCny?: number | null; maxCny?: number | null },
  quote: FxQuote,
  rounding: RetailRounding,
): EurRange | null {
  const cny = (eur: number) => convertRetail(eur, quote, rounding);
  const result: EurRange = {};
  if (range.minCny != null) {
    // smallest eur with cny(eur) >= minCny
    if (cny(MAX_EUR_MINOR) < range.minCny) return null;
    result.min = lowerBound(0, MAX_EUR_MINOR, (eur) => cny(eur) >= range.minCny!);
  }
  if (range.maxCny != null) {
    // largest eur with cny(eur) <= maxCny: one below the smallest with cny > maxCny
    if (cny(0) > range.maxCny) return null;
    const firstAbove = cny(MAX_EUR_MINOR) <= range.maxCny ? MAX_EUR_MINOR + 1 : lowerBound(0, MAX_EUR_MINOR, (eur) => cny(eur) > range.maxCny!);
    result.max = firstAbove - 1;
  }
  if (result.min !== undefined && result.max !== undefined && result.min > result.max) return null;
  return result;
}

/** The smallest x in [lo, hi] with pred(x) true, for a predicate false then true. */
function lowerBound(lo: number, hi: number, pred: (x: number) => boolean): number {
  while (lo < hi) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (pred(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
