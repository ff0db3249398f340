/**
 * A dispute is opened on the charge of a whole checkout, which pays several orders (one per
 * seller). Each order bears its part, in proportion to its total, by largest remainder: the
 * parts are whole minor units and add up to the disputed amount exactly.
 */
export function splitByOrders(amountMinor: number, orders: readonly { id: string; totalMinor: number }[]): Map<string, number> {
  const parts = new Map<string, number>();
  const total = orders.reduce((a, o) => a + o.totalMinor, 0);
  if (!orders.length) return parts;
  if (total <= 0) {
    orders.forEach((o, i) => parts.set(o.id, i === 0 ? amountMinor : 0));
    return parts;
  }
  const a = BigInt(amountMinor);
  const t = BigInt(total);
  const shares = orders.map((o, i) => {
    const exact = a * BigInt(o.totalMinor);
    return { id: o.id, i, floor: exact / t, rest: exact % t };
  });
  let left = a - shares.reduce((s, x) => s + x.floor, 0n);
  const byRest = [...shares].sort((x, y) => (x.rest === y.rest ? x.i - y.i : x.rest > y.rest ? -1 : 1));
  for (const s of byRest) {
    if (left <= 0n) break;
    s.floor += 1n;
    left -= 1n;
  }
  for (const s of shares) parts.set(s.id, Number(s.floor));
  return parts;
}
