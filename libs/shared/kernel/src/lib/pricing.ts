import { divRound, parseDecimal, type Decimal, type RoundingMode } from './decimal';

/** How a converted shopper price is rounded, in minor units of the target currency. */
export interface RetailRounding {
  /** Round to a multiple of this many minor units: 100 = whole yuan. */
  step: number;
  mode: RoundingMode;
}

export const WHOLE_YUAN_UP: RetailRounding = { step: 100, mode: 'UP' };

export interface FxQuote {
  /** Decimal string, units of quote currency per unit of base: "7.8123". */
  rate: string;
  /** Margin added over the rate against FX moves, in basis points (300 = 3%). */
  marginBps: number;
}

/**
 * Converts an amount of base minor units into retail minor units of the quote currency:
 * amount × rate × (1 + margin), then rounded to the retail step. Exact: BigInt throughout.
 */
export function convertRetail(amountMinor: number, quote: FxQuote, rounding: RetailRounding): number {
  if (!Number.isSafeInteger(amountMinor) || amountMinor < 0) throw new RangeError('amount must be a non-negative integer');
  if (!Number.isInteger(quote.marginBps) || quote.marginBps < 0) throw new RangeError('marginBps must be >= 0');
  const rate = rateOf(quote.rate);
  const numerator = BigInt(amountMinor) * rate.int * BigInt(10_000 + quote.marginBps);
  const denominator = 10n ** BigInt(rate.scale) * 10_000n * BigInt(rounding.step);
  return Number(divRound(numerator, denominator, rounding.mode) * BigInt(rounding.step));
}

/** The last rate parsed: a list prices every card and variant at its request's one rate (issue 18). */
let lastRate: { text: string; value: Decimal } | null = null;
function rateOf(text: string): Decimal {
  if (lastRate?.text !== text) lastRate = { text, value: parseDecimal(text) };
  return lastRate.value;
}
