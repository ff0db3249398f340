import { annualLimitRefusal, dutiableValue, orderLimitRefusal, type CrossBorderRules } from '@vitrine/customs';

/** A cross-border limit a cart breaks, as placeOrder would refuse it (the same customs functions decide). */
export interface CartLimitProblem {
  code: 'ORDER_LIMIT_EXCEEDED' | 'SINGLE_ITEM_OVER_LIMIT' | 'ANNUAL_LIMIT_EXCEEDED';
  /** The cart lines concerned: the seller order's lines, or every line for the yearly limit. */
  lineIds: string[];
  /** The seller order concerned (null for the yearly limit, which counts the whole checkout). */
  order: { sellerId: string; customsMode: string; fulfilledByBrandId: string | null } | null;
  limitMinor: number;
  /** The dutiable value compared with the limit (the order's, or the checkout's). */
  valueMinor: number;
  /** What is left of the yearly quota (ANNUAL_LIMIT_EXCEEDED only). */
  remainingMinor: number | null;
}

export interface LimitedCartOrder {
  sellerId: string;
  customsMode: string;
  fulfilledByBrandId: string | null;
  goodsMinor: number;
  shippingMinor: number;
  insuranceMinor: number;
  lines: readonly { ref: string; quantity: number }[];
}

/** The checkout's dutiable value: what the yearly quota counts (Σ of its orders', as placeOrder adds them). */
export function checkoutDutiable(orders: readonly LimitedCartOrder[]): number {
  return orders.reduce((a, o) => a + dutiableValue({ goodsMinor: o.goodsMinor, freightMinor: o.shippingMinor, insuranceMinor: o.insuranceMinor }), 0);
}

/**
 * The per-order limits (assertOrderLimits) of each seller order, and the yearly limit
 * (assertAnnualLimit) for an identity that has used `annualUsedMinor` of it: 0 when no identity
 * is known, so the cart says only what no buyer's quota could hold.
 */
export function cartLimitProblems(orders: readonly LimitedCartOrder[], rules: CrossBorderRules, annualUsedMinor = 0): CartLimitProblem[] {
  const problems: CartLimitProblem[] = [];
  for (const o of orders) {
    const refusal = orderLimitRefusal({ sellerId: o.sellerId, goodsMinor: o.goodsMinor, freightMinor: o.shippingMinor, insuranceMinor: o.insuranceMinor, lines: o.lines }, rules);
    if (!refusal) continue;
    problems.push({
      code: refusal.code as CartLimitProblem['code'],
      lineIds: o.lines.map((l) => l.ref),
      order: { sellerId: o.sellerId, customsMode: o.customsMode, fulfilledByBrandId: o.fulfilledByBrandId },
      limitMinor: Number(refusal.details['limit']),
      valueMinor: Number(refusal.details['dutiableValue']),
      remainingMinor: null,
    });
  }
  const annual = annualLimitProblem(orders.flatMap((o) => o.lines.map((l) => l.ref)), checkoutDutiable(orders), annualUsedMinor, rules);
  return annual ? [...problems, annual] : problems;
}

/** The yearly limit (assertAnnualLimit) for a checkout of `requestedMinor` dutiable value by an identity that used `usedMinor`. */
export function annualLimitProblem(lineIds: readonly string[], requestedMinor: number, usedMinor: number, rules: CrossBorderRules): CartLimitProblem | null {
  const annual = annualLimitRefusal(usedMinor, requestedMinor, rules);
  if (!annual) return null;
  return { code: 'ANNUAL_LIMIT_EXCEEDED', lineIds: [...lineIds], order: null, limitMinor: rules.annualLimitMinor, valueMinor: requestedMinor, remainingMinor: Number(annual.details['remaining']) };
}
