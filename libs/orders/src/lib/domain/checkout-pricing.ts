import { taxOrder, type CrossBorderRules, type NetContent, type TaxBreakdown, type TaxRegime } from '@vitrine/customs';
import { shippingFee, type CustomsMode, type ShippingRates } from './shipping-rates';

export interface LineToPrice {
  /** The cart line id. */
  ref: string;
  variantId: string;
  /** CNY fen, as the shopper sees it. */
  unitPriceMinor: number;
  quantity: number;
  weightGrams: number;
  category: string;
  /** Decides the duty rate of a general-trade item. */
  hsCode: string;
  /** Decides whether a cosmetic is high-end; null when the variant does not say. */
  netContent: NetContent | null;
  /** Promotions allocated to the line (libs/promotions), fen; lowers its dutiable value and tax. */
  discountMinor?: number;
  /** The platform-funded part of `discountMinor`. */
  platformDiscountMinor?: number;
}

export interface SellerGroupToPrice {
  sellerId: string;
  customsMode: CustomsMode;
  lines: readonly LineToPrice[];
}

export interface PricedLine extends LineToPrice, TaxBreakdown {
  goodsMinor: number;
  discountMinor: number;
  platformDiscountMinor: number;
  freightMinor: number;
  insuranceMinor: number;
  dutiableMinor: number;
  taxRate: string;
  taxMinor: number;
  /** What this line costs the shopper landed: goods − discount + freight + insurance + tax. */
  totalMinor: number;
}

export interface Totals {
  goodsMinor: number;
  /** Promotions taken off the goods; totalMinor is net of it. */
  discountMinor: number;
  shippingMinor: number;
  insuranceMinor: number;
  taxMinor: number;
  totalMinor: number;
}

export interface PricedSellerOrder extends Totals {
  sellerId: string;
  customsMode: CustomsMode;
  /** goods − discount + shipping (freight) + insurance: what the per-order limit and the yearly quota count. */
  dutiableMinor: number;
  regime: TaxRegime;
  weightGrams: number;
  lines: PricedLine[];
}

export interface CheckoutPricing extends Totals {
  currency: 'CNY';
  orders: PricedSellerOrder[];
}

/**
 * Prices a checkout on the server: one order per seller, shipping from the seller's table
 * by parcel weight, cross-border tax per line on goods + allocated freight (customs'
 * taxOrder: its regime, and the tax's parts per line). Integers throughout; Σ lines' totals =
 * Σ orders' totals = checkout total.
 */
export function priceCheckout(groups: readonly SellerGroupToPrice[], rules: CrossBorderRules, shipping: ShippingRates): CheckoutPricing {
  const orders = groups.map((g): PricedSellerOrder => {
    const weightGrams = g.lines.reduce((a, l) => a + l.weightGrams * l.quantity, 0);
    const shippingMinor = g.lines.length ? shippingFee(g.customsMode, weightGrams, shipping) : 0;
    const taxed = taxOrder(g.lines, { freightMinor: shippingMinor, insuranceMinor: 0 }, rules);
    const lines = g.lines.map((l, i): PricedLine => {
      const t = taxed.lines[i];
      return { ...l, ...t, platformDiscountMinor: l.platformDiscountMinor ?? 0, totalMinor: t.dutiableMinor + t.taxMinor };
    });
    return {
      sellerId: g.sellerId,
      customsMode: g.customsMode,
      dutiableMinor: taxed.dutiableMinor,
      regime: taxed.regime,
      weightGrams,
      lines,
      goodsMinor: taxed.goodsMinor,
      discountMinor: taxed.discountMinor,
      shippingMinor,
      insuranceMinor: taxed.insuranceMinor,
      taxMinor: taxed.taxMinor,
      totalMinor: taxed.totalMinor,
    };
  });
  const sum = (f: (o: PricedSellerOrder) => number) => orders.reduce((a, o) => a + f(o), 0);
  return {
    currency: 'CNY',
    orders,
    goodsMinor: sum((o) => o.goodsMinor),
    discountMinor: sum((o) => o.discountMinor),
    shippingMinor: sum((o) => o.shippingMinor),
    insuranceMinor: sum((o) => o.insuranceMinor),
    taxMinor: sum((o) => o.taxMinor),
    totalMinor: sum((o) => o.totalMinor),
  };
}
