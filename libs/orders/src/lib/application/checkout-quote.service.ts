import { Inject, Injectable } from '@nestjs/common';
import type { ShopperQuote } from '@vitrine/catalog';
import { CROSS_BORDER_RULES, type CrossBorderRules } from '@vitrine/customs';
import { StockService, outOfStock, type Shortage } from '@vitrine/inventory';
import { priceCheckout, type CheckoutPricing, type PricedLine, type PricedSellerOrder } from '../domain/checkout-pricing';
import type { CustomsMode } from '../domain/shipping-rates';
import type { CartItemRecord } from '../infrastructure/cart.repository';
import { CheckoutCatalog, type CheckoutVariant } from './checkout-catalog';
import { ORDERS_SETTINGS, type OrdersSettings } from './orders-settings';

export interface QuotedLine extends PricedLine {
  variant: CheckoutVariant;
}

export interface QuotedSellerOrder extends Omit<PricedSellerOrder, 'lines'> {
  lines: QuotedLine[];
  /** Where it would ship from; null when no location holds enough. */
  locationId: string | null;
}

export interface CartQuote extends Omit<CheckoutPricing, 'orders'> {
  orders: QuotedSellerOrder[];
  fx: ShopperQuote | null;
  /** Cart lines that cannot be sold to China (unknown, unpublished, not listable). */
  notListable: { lineId: string; variantId: string }[];
  /** Per variant, what is short where it would ship from. */
  shortages: Shortage[];
}

const EMPTY: CartQuote = { currency: 'CNY', orders: [], goodsMinor: 0, shippingMinor: 0, insuranceMinor: 0, taxMinor: 0, totalMinor: 0, fx: null, notListable: [], shortages: [] };

/**
 * Prices cart lines on the server: CNY from the catalogue's FX quote, one order per seller
 * shipping from the first location able to serve it (its customs mode decides the shipping
 * table), tax per line. Read only; placeOrder re-checks stock and quota under locks.
 */
@Injectable()
export class CheckoutQuoteService {
  constructor(
    private readonly catalog: CheckoutCatalog,
    private readonly stock: StockService,
    @Inject(CROSS_BORDER_RULES) private readonly rules: CrossBorderRules,
    @Inject(ORDERS_SETTINGS) private readonly settings: OrdersSettings,
  ) {}

  /** OUT_OF_STOCK at once when some line could not be served by all locations together. */
  async assertNotSoldOut(items: readonly CartItemRecord[]): Promise<void> {
    const shortages = await this.stock.soldOut(items.map((i) => ({ ref: i.id, variantId: i.variantId, quantity: i.quantity })));
    if (shortages.length) throw outOfStock(shortages);
  }

  async quote(items: readonly CartItemRecord[]): Promise<CartQuote> {
    if (!items.length) return EMPTY;
    const [variants, fx] = await Promise.all([this.catalog.variants(items.map((i) => i.variantId)), this.catalog.shopperQuote()]);
    const byId = new Map(variants.map((v) => [v.variantId, v]));
    const notListable = items.filter((i) => !byId.get(i.variantId)?.listableForChina).map((i) => ({ lineId: i.id, variantId: i.variantId }));
    const priced = items.filter((i) => byId.has(i.variantId));
    const museumIds = [...new Set(priced.map((i) => byId.get(i.variantId)!.museumId))].sort();
    const availability = await this.stock.availability(museumIds, [...new Set(priced.map((i) => i.variantId))]);

    const shortages: Shortage[] = [];
    const groups = museumIds.map((museumId) => {
      const lines = priced.filter((i) => byId.get(i.variantId)!.museumId === museumId);
      const locations = availability.get(museumId) ?? [];
      const plan = this.stock.plan(
        lines.map((i) => ({ ref: i.id, variantId: i.variantId, quantity: i.quantity })),
        locations,
      );
      if (!plan.ok) shortages.push(...plan.shortages);
      const customsMode: CustomsMode = plan.ok ? plan.customsMode : [...locations].sort((a, b) => a.priority - b.priority)[0]?.kind === 'BONDED_WAREHOUSE_CN' ? '1210' : '9610';
      return {
        sellerId: museumId,
        customsMode,
        locationId: plan.ok ? plan.locationId : null,
        lines: lines.map((i) => {
          const v = byId.get(i.variantId)!;
          return { ref: i.id, variantId: v.variantId, unitPriceMinor: this.catalog.cnyPrice(v.priceEurMinor, fx), quantity: i.quantity, weightGrams: v.weightGrams, category: v.crossBorderCategory };
        }),
      };
    });
    const pricing = priceCheckout(groups, this.rules, this.settings.shippingRates);
    return {
      ...pricing,
      orders: pricing.orders.map((o, gi) => ({ ...o, locationId: groups[gi].locationId, lines: o.lines.map((l) => ({ ...l, variant: byId.get(l.variantId)! })) })),
      fx,
      notListable,
      shortages,
    };
  }
}
