// China's cross-border retail limits as the cart shows them before checkout. The API checks
// them at placeOrder (ORDER_LIMIT_EXCEEDED, ANNUAL_LIMIT_EXCEEDED) from its configuration,
// whose defaults these are (libs/customs cross-border-rules.ts); the yearly figure the cart
// shows a signed-in shopper comes from the API (remainingAnnualQuota). The API has no query
// for the per-order figure yet: keep this in step with CROSS_BORDER_RULES if it changes.
export const ORDER_LIMIT_MINOR = 500_000;
export const ANNUAL_LIMIT_MINOR = 2_600_000;

/** The customs value of one seller order, as the API counts it: the sum of its lines' dutiable values. */
export function dutiableOf(lines: readonly { dutiable: number }[]): number {
  return lines.reduce((sum, l) => sum + l.dutiable, 0);
}
