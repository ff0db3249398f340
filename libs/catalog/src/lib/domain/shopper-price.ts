import { convertRetail, money, type Money, type RetailRounding } from '@vitrine/shared/kernel';

/** What a shopper price is computed from; one per request, so every line uses the same rate. */
export interface ShopperQuote {
  fx: { id: string; base: string; quote: string; rate: string; source: string; effectiveAt: Date };
  marginBps: number;
  rounding: RetailRounding;
}

/** A EUR base price in the shopper's currency: rate plus margin, rounded the retail way. */
export function shopperPrice(eurMinor: number, q: ShopperQuote): Money {
  return money(convertRetail(eurMinor, { rate: q.fx.rate, marginBps: q.marginBps }, q.rounding), q.fx.quote);
}
