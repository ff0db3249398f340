import { divRound, type FieldIssue } from '@vitrine/shared/kernel';

export const MAX_RATE_BPS = 10_000;

export interface CommissionRates {
  defaultRateBps: number;
  /** Rates of the catalogue's product categories (products.category) that differ from the default. */
  categoryRates: { category: string; rateBps: number }[];
}

/** Problems of a rate table (negative, over 100 %, fractional, a category twice or blank); empty when valid. */
export function commissionRateProblems(r: CommissionRates, path = 'input'): FieldIssue[] {
  const problems: FieldIssue[] = [];
  const check = (bps: number, at: string) => {
    if (!Number.isInteger(bps)) problems.push({ path: at, message: 'must be a whole number of basis points' });
    else if (bps < 0) problems.push({ path: at, message: 'must not be negative' });
    else if (bps > MAX_RATE_BPS) problems.push({ path: at, message: 'must be at most 10000 basis points (100 %)' });
  };
  check(r.defaultRateBps, `${path}.defaultRateBps`);
  const seen = new Set<string>();
  r.categoryRates.forEach((c, i) => {
    const name = c.category.trim();
    if (!name || name.length > 100) problems.push({ path: `${path}.categoryRates.${i}.category`, message: 'must be 1 to 100 characters' });
    else if (seen.has(name)) problems.push({ path: `${path}.categoryRates.${i}.category`, message: 'names a category twice' });
    seen.add(name);
    check(c.rateBps, `${path}.categoryRates.${i}.rateBps`);
  });
  if (r.categoryRates.length > 200) problems.push({ path: `${path}.categoryRates`, message: 'at most 200 categories' });
  return problems;
}

/** The commission on a goods amount: goods × bps / 10 000, HALF_UP to the minor unit (so a reversal mirrors it). */
export function commissionOn(goodsMinor: number, rateBps: number): number {
  if (!Number.isSafeInteger(goodsMinor)) throw new RangeError(`goods must be integer minor units, got ${goodsMinor}`);
  if (!Number.isInteger(rateBps) || rateBps < 0 || rateBps > MAX_RATE_BPS) throw new RangeError(`rate must be 0..10000 bps, got ${rateBps}`);
  const product = goodsMinor * rateBps;
  // Exact in doubles while the product is a safe integer (any real order line): the quotient
  // corrected by its remainder, rounded half up. Else (and for negative goods) in bigints.
  if (goodsMinor >= 0 && product <= Number.MAX_SAFE_INTEGER) {
    let q = Math.floor(product / 10_000);
    let r = product - q * 10_000;
    if (r < 0) {
      q -= 1;
      r += 10_000;
    } else if (r >= 10_000) {
      q += 1;
      r -= 10_000;
    }
    return r * 2 >= 10_000 ? q + 1 : q;
  }
  return Number(divRound(BigInt(goodsMinor) * BigInt(rateBps), 10_000n, 'HALF_UP'));
}
