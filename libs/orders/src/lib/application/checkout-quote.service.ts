import { Inject, Injectable } from '@nestjs/common';
import type { ShopperQuote } from '@vitrine/catalog';
import { CROSS_BORDER_RULES, type CrossBorderRules } from '@vitrine/customs';
import { StockService, outOfStock, type HeldStock, type Shortage } from '@vitrine/inventory';
import { NO_PROMOTIONS, PromotionsPricingService, type CartPromotions } from '@vitrine/promotions';
import type { Prisma } from '@vitrine/shared/data-access';
import { cartLimitProblems, type CartLimitProblem } from '../domain/cart-limits';
import { priceCheckout, type CheckoutPricing, type PricedLine, type PricedSellerOrder } from '../domain/checkout-pricing';
import type { CustomsMode } from '../domain/shipping-rates';
import type { CartItemRecord } from '../infrastructure/cart.repository';
import { CheckoutCatalog, type CheckoutVariant } from './checkout-catalog';
import { CheckoutExtensions } from './checkout-extensions';
import { CheckoutFulfilment } from './checkout-fulfilment';
import { ORDERS_SETTINGS, type OrdersSettings } from './orders-settings';

export interface QuotedLine extends PricedLine {
  variant: CheckoutVariant;
}

export interface QuotedSellerOrder extends Omit<PricedSellerOrder, 'lines'> {
  lines: QuotedLine[];
  /** The brand partner that fulfils these lines from its own stock; null when the museum does. */
  fulfilledByBrandId: string | null;
  /** Where it would ship from; null when no location holds enough. */
  locationId: string | null;
}

export interface CartQuote extends Omit<CheckoutPricing, 'orders'> {
  orders: QuotedSellerOrder[];
  fx: ShopperQuote | null;
  /** Cart lines that cannot be sold to China (unknown, unpublished, not listable). */
  notListable: { lineId: string; variantId: string }[];
  /** Listable cart lines whose seller has no China customs registration. */
  unregistered: { lineId: string; variantId: string; museumId: string }[];
  /** Per variant, what is short where it would ship from. */
  shortages: Shortage[];
  /** The promotions applied (best combination, libs/promotions) and the coupon entered; lines carry their shares. */
  promotions: CartPromotions;
  /** The cross-border limits placeOrder would refuse (per order; yearly as no identity's quota could hold it). */
  limits: CartLimitProblem[];
}

const EMPTY: CartQuote = { currency: 'CNY', orders: [], goodsMinor: 0, shippingMinor: 0, insuranceMinor: 0, taxMinor: 0, totalMinor: 0, fx: null, notListable: [], unregistered: [], shortages: [], limits: [], promotions: NO_PROMOTIONS, discountMinor: 0 };

/**
 * Prices cart lines on the server: CNY from the catalogue's FX quote, one order per seller
 * and fulfiller — the museum's own lines, and apart the co-branded lines each brand partner
 * fulfils from its own locations (the museum stays the seller of record) — and per stock
 * location of that fulfiller (inventory's planShipments: one location if one covers all, else
 * split, so one seller may have a 9610 and a 1210 order), the location's customs mode
 * deciding the shipping table; tax per line. Read only; placeOrder re-checks stock and quota under locks.
 */
@Injectable()
export class CheckoutQuoteService {
  constructor(
    private readonly catalog: CheckoutCatalog,
    private readonly stock: StockService,
    private readonly fulfilment: CheckoutFulfilment,
    @Inject(CROSS_BORDER_RULES) private readonly rules: CrossBorderRules,
    @Inject(ORDERS_SETTINGS) private readonly settings: OrdersSettings,
    private readonly extensions: CheckoutExtensions,
    private readonly promotions: PromotionsPricingService,
  ) {}

  /**
   * OUT_OF_STOCK at once when some line could not be served by all locations together; else the
   * stock of the lines' variants wherever it is held, for `quote` (opts.held): placeOrder reads
   * stock once, not a sold-out check and then each seller's locations, and reads it inside its
   * cart read (inventory's heldForCheckoutRider: `sql(ids)` a scalar subquery over the cart's
   * variant ids, `read(items, value)` what it answered), outside the transaction that reserves.
   */
  stockForCheckoutRider(): { sql: (ids: Prisma.Sql) => Prisma.Sql; read: (items: readonly CartItemRecord[], value: unknown) => HeldStock } {
    const rider = this.stock.heldForCheckoutRider();
    return {
      sql: rider.sql,
      read: (items, value) => {
        const { shortages, held } = rider.read(items.map((i) => ({ ref: i.id, variantId: i.variantId, quantity: i.quantity })), value);
        if (shortages.length) throw outOfStock(shortages);
        return held;
      },
    };
  }

  /**
   * `known`: variants the caller read in this request already (addCartLine's; placeOrder's, read
   * with its cart and who fulfils them), not read again.
   * `view`: a cart's view, not a checkout: who fulfils each product may come from the shop
   * window's bound (CheckoutFulfilment.brandFulfilledForView); placeOrder quotes live.
   * `cartId`: the cart these items are in, for the price rules other contexts register
   * (CheckoutExtensions: a live session's flash price); without it, catalogue prices only.
   */
  async quote(
    items: readonly CartItemRecord[],
    known: readonly CheckoutVariant[] = [],
    opts: { view?: boolean; cartId?: string; couponCode?: string | null; shopperUserId?: string | null; held?: HeldStock } = {},
  ): Promise<CartQuote> {
    if (!items.length) return EMPTY;
    const have = new Set(known.map((v) => v.variantId));
    const missing = [...new Set(items.map((i) => i.variantId).filter((id) => !have.has(id)))];
    // placeOrder (not a view) reads who fulfils each product live, with its variants in one statement.
    const live = !opts.view;
    const [read, fx] = await Promise.all([missing.length ? this.catalog.variants(missing, { withFulfiller: live }) : Promise.resolve([]), this.catalog.shopperQuote()]);
    const variants = [...known, ...read];
    const byId = new Map(variants.map((v) => [v.variantId, v]));
    const notListable = items.filter((i) => !byId.get(i.variantId)?.listableForChina).map((i) => ({ lineId: i.id, variantId: i.variantId }));
    const unregistered = items.flatMap((i) => {
      const v = byId.get(i.variantId);
      return v?.listableForChina && !v.sellerRegistered ? [{ lineId: i.id, variantId: i.variantId, museumId: v.museumId }] : [];
    });
    const priced = items.filter((i) => byId.has(i.variantId));
    const productIds = [...new Set(priced.map((i) => byId.get(i.variantId)!.productId))];
    // Variants the caller read with who fulfils them (placeOrder's cart read) count as read live.
    const brandOf = live ? await this.liveFulfilment(productIds, [...known.filter((v) => v.fulfilledByBrandId !== undefined), ...read]) : await this.fulfilment.brandFulfilledForView(productIds);
    const fulfillerOf = (i: CartItemRecord) => brandOf.get(byId.get(i.variantId)!.productId) ?? null;
    // One group per (seller, fulfiller), in a fixed order: museum's own lines first, then each brand's.
    const keyOf = (i: CartItemRecord) => `${byId.get(i.variantId)!.museumId}|${fulfillerOf(i) ?? ''}`;
    const keys = [...new Set(priced.map(keyOf))].sort();
    const variantIds = [...new Set(priced.map((i) => i.variantId))];
    const museumIds = [...new Set(keys.filter((k) => k.endsWith('|')).map((k) => k.split('|')[0]!))];
    const brandIds = [...new Set(keys.map((k) => k.split('|')[1]!).filter(Boolean))];
    const listPrice = (i: CartItemRecord) => this.catalog.cnyPrice(byId.get(i.variantId)!.priceEurMinor, fx);
    const held = opts.held;
    const [museumStock, brandStock, ruled] = await Promise.all([
      held ? this.stock.heldBy(held, 'museum', museumIds, variantIds) : this.stock.availability(museumIds, variantIds),
      held ? this.stock.heldBy(held, 'brand', brandIds, variantIds) : this.stock.brandAvailability(brandIds, variantIds),
      this.extensions.unitPrices(opts.cartId, priced.map((i) => ({ ref: i.id, variantId: i.variantId, productId: byId.get(i.variantId)!.productId, unitPriceMinor: listPrice(i) })), new Date()),
    ]);

    const shortages: Shortage[] = [];
    const toPrice = (i: CartItemRecord) => {
      const v = byId.get(i.variantId)!;
      return {
        ref: i.id,
        variantId: v.variantId,
        unitPriceMinor: ruled.get(i.id) ?? listPrice(i),
        quantity: i.quantity,
        weightGrams: v.weightGrams,
        category: v.crossBorderCategory,
        hsCode: v.hsCode,
        netContent: v.netContent,
      };
    };
    // Each fulfiller's lines ship in one parcel per stock location (planShipments): an item stocked
    // only in Paris and one only in Ningbo become two orders, 9610 and 1210, of the one checkout.
    const groups = keys.flatMap((key) => {
      const [museumId, brandId] = key.split('|') as [string, string];
      const lines = priced.filter((i) => keyOf(i) === key);
      const locations = (brandId ? brandStock.get(brandId) : museumStock.get(museumId)) ?? [];
      const plan = this.stock.planShipments(
        lines.map((i) => ({ ref: i.id, variantId: i.variantId, quantity: i.quantity })),
        locations,
      );
      shortages.push(...plan.shortages);
      const parcels = plan.shipments.map((s) => ({ customsMode: s.customsMode as CustomsMode, locationId: s.locationId as string | null, variantIds: new Set(s.variantIds) }));
      const short = new Set(plan.shortages.map((s) => s.variantId));
      if (short.size) {
        const first = [...locations].sort((a, b) => a.priority - b.priority)[0];
        parcels.push({ customsMode: first?.kind === 'BONDED_WAREHOUSE_CN' ? '1210' : '9610', locationId: null, variantIds: short });
      }
      return parcels.map((p) => ({
        sellerId: museumId,
        fulfilledByBrandId: brandId || null,
        customsMode: p.customsMode,
        locationId: p.locationId,
        lines: lines.filter((i) => p.variantIds.has(i.variantId)).map(toPrice),
      }));
    });
    // Promotions on the goods, per storefront (the seller of record), before tax: the discount
    // lowers each line's dutiable value, so its tax (ADR 0019). Thresholds come from a list at
    // most VIEW_TTL_MS old, for placeOrder too (no statement of its own): its redemption checks
    // dates and limits again under each promotion's row lock.
    const promotions = await this.promotions.evaluate(
      groups.flatMap((g) => g.lines.map((l) => ({ ref: l.ref, museumId: g.sellerId, productId: byId.get(l.variantId)!.productId, goodsMinor: l.unitPriceMinor * l.quantity }))),
      opts.couponCode,
      opts.shopperUserId ?? null,
      new Date(),
    );
    const shares = new Map(promotions.lines.map((d) => [d.ref, d]));
    for (const g of groups) {
      g.lines = g.lines.map((l) => ({ ...l, discountMinor: shares.get(l.ref)?.discountMinor ?? 0, platformDiscountMinor: shares.get(l.ref)?.platformDiscountMinor ?? 0 }));
    }
    const pricing = priceCheckout(groups, this.rules, this.settings.shippingRates);
    const limits = cartLimitProblems(
      pricing.orders.map((o, gi) => ({ ...o, fulfilledByBrandId: groups[gi]!.fulfilledByBrandId, lines: o.lines.map((l) => ({ ref: l.ref, quantity: l.quantity })) })),
      this.rules,
    );
    return {
      ...pricing,
      orders: pricing.orders.map((o, gi) => ({ ...o, locationId: groups[gi]!.locationId, fulfilledByBrandId: groups[gi]!.fulfilledByBrandId, lines: o.lines.map((l) => ({ ...l, variant: byId.get(l.variantId)! })) })),
      fx,
      notListable,
      unregistered,
      shortages,
      limits,
      promotions,
    };
  }

  /** productId → fulfilling brand, as read with the variants; products only known from the caller are asked of licensing. */
  private async liveFulfilment(productIds: readonly string[], read: readonly CheckoutVariant[]): Promise<Map<string, string>> {
    const brandOf = new Map<string, string>();
    const answered = new Set<string>();
    for (const v of read) {
      answered.add(v.productId);
      if (v.fulfilledByBrandId) brandOf.set(v.productId, v.fulfilledByBrandId);
    }
    const unread = productIds.filter((id) => !answered.has(id));
    if (unread.length) for (const [id, brand] of await this.fulfilment.brandFulfilled(unread)) brandOf.set(id, brand);
    return brandOf;
  }
}
