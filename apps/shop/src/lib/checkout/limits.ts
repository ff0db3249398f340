// The cart's limit meters: the limits themselves come from the API (Cart.orderLimit, Cart.annualLimit).

/** The customs value of one seller order, as the API counts it: the sum of its lines' dutiable values. */
export function dutiableOf(lines: readonly { dutiable: number }[]): number {
  return lines.reduce((sum, l) => sum + l.dutiable, 0);
}
