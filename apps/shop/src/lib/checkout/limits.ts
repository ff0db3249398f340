// The cart's limit meters and problems. The limits and every "can't be ordered" decision come from
// the API (Cart.orderLimit, Cart.annualLimit, Cart.problems: placeOrder's own rules and codes);
// the shop only places each problem next to what it concerns.
import type { CartProblem } from '../api/buy';

/** Problems of one seller order (the per-order limits), matched on the order's seller, customs mode and fulfiller. */
const ORDER_CODES = new Set(['ORDER_LIMIT_EXCEEDED', 'SINGLE_ITEM_OVER_LIMIT']);
/** Problems of the whole checkout (the yearly limit). */
const CHECKOUT_CODES = new Set(['ANNUAL_LIMIT_EXCEEDED']);

/** The customs value of one seller order, as the API counts it: the sum of its lines' dutiable values (shown on the meter). */
export function dutiableOf(lines: readonly { dutiable: number }[]): number {
  return lines.reduce((sum, l) => sum + l.dutiable, 0);
}

export function problemsOfOrder(problems: readonly CartProblem[], order: { museumId: string; customsMode: string; fulfilledByBrandId: string | null }): CartProblem[] {
  return problems.filter(
    (p) => ORDER_CODES.has(p.code) && p.museumId === order.museumId && p.customsMode === order.customsMode && (p.fulfilledByBrandId ?? null) === (order.fulfilledByBrandId ?? null),
  );
}

/** Problems of one line's own (stock, not sellable, seller's customs registration). */
export function problemsOfLine(problems: readonly CartProblem[], line: { id: string; variantId: string }): CartProblem[] {
  return problems.filter((p) => !ORDER_CODES.has(p.code) && !CHECKOUT_CODES.has(p.code) && (p.lineIds.includes(line.id) || p.variantId === line.variantId));
}

export function checkoutProblems(problems: readonly CartProblem[]): CartProblem[] {
  return problems.filter((p) => CHECKOUT_CODES.has(p.code));
}
