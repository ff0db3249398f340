/**
 * Splits an integer amount (minor units) over integer weights in proportion, by largest
 * remainder: each share is floor(total × w / Σw), and the units left over go to the largest
 * remainders (ties to the earlier index). Σ shares = total exactly; when total ≤ Σw no share
 * exceeds its weight. With no positive weight the split is even. Customs splits tax and freight
 * over lines with it, promotions a discount.
 */
export function allocateProportionally(total: number, weights: readonly number[]): number[] {
  if (!Number.isSafeInteger(total) || total < 0) throw new RangeError('total must be a non-negative integer');
  if (weights.length === 0) {
    if (total !== 0) throw new RangeError('nothing to allocate to');
    return [];
  }
  if (weights.some((w) => !Number.isSafeInteger(w) || w < 0)) throw new RangeError('weights must be non-negative integers');
  const effective = weights.some((w) => w > 0) ? weights : weights.map(() => 1);
  const sum = effective.reduce((a, w) => a + BigInt(w), 0n);
  const t = BigInt(total);
  const shares = effective.map((w) => (t * BigInt(w)) / sum);
  const order = effective.map((w, i) => ({ i, r: (t * BigInt(w)) % sum }));
  let left = Number(t - shares.reduce((a, s) => a + s, 0n));
  order.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of order) {
    if (left === 0) break;
    shares[i]! += 1n;
    left--;
  }
  return shares.map(Number);
}
