import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { CROSS_BORDER_RULES, IdentityRecordsService, assertAnnualLimit, chinaCalendarYear, assertOrderLimits, dutiableValue, type CrossBorderRules, type ResidentId } from '@vitrine/customs';
import { StockService, outOfStock } from '@vitrine/inventory';
import { PromotionsPricingService } from '@vitrine/promotions';
import { CommissionService } from '@vitrine/settlement';
import type { SqlTx } from '@vitrine/shared/data-access';
import type { CheckedCheckoutInput } from '../domain/checkout-input';
import { CheckoutConsentService } from './checkout-consent.service';
import { newOrderNumber } from '../domain/order-number';
import { OrdersError, OrdersErrorCode, customsRegistrationMissing } from '../domain/orders-error';
import type { CheckoutRecord, OrderRecord } from '../infrastructure/order-tables';
import { OrderCheckoutRepository, DuplicateCheckoutError, type NewCheckout, type NewOrder, type PlacedRows } from '../infrastructure/order-checkout.repository';
import { TransactionRunner } from '../infrastructure/transaction-runner';
import { QUOTA_STATUSES } from '../domain/order-state-machine';
import type { CartQuote } from './checkout-quote.service';
import { CheckoutExtensions } from './checkout-extensions';

export class CartClosedSignal extends Error {}

export interface CheckoutToWrite {
  input: CheckedCheckoutInput;
  cartId: string;
  shopperUserId: string | null;
  quote: CartQuote;
  fingerprint: string;
  now: Date;
  holdMs: number;
  /** Claims of the checkout decided in its transaction once its orders are written (a drop's turn and limits). */
  claimsAfterInsert?: (tx: SqlTx, placed: { checkoutId: string; identityId: string }) => Promise<void>;
}

/**
 * The one transaction of placeOrder. Locks are taken in one fixed order for every checkout
 * — cart row, identity row, idempotency key, then stock rows by (location, variant) — so
 * concurrent checkouts queue instead of deadlocking, and anything refused rolls back whole.
 */
@Injectable()
export class CheckoutWriter {

  constructor(
    private readonly tx: TransactionRunner,
    private readonly orders: OrderCheckoutRepository,
    private readonly identities: IdentityRecordsService,
    private readonly stock: StockService,
    @Inject(CROSS_BORDER_RULES) private readonly rules: CrossBorderRules,
    private readonly commissions: CommissionService,
    private readonly extensions: CheckoutExtensions,
    private readonly promotions: PromotionsPricingService,
    private readonly consents: CheckoutConsentService,
  ) {}

  identityHash(id: ResidentId): string {
    return this.identities.identityHash(id);
  }

  /** Refusals decided from the quote alone, before any write. */
  assertPlaceable(quote: CartQuote): void {
    if (quote.notListable.length) {
      throw new OrdersError(OrdersErrorCode.NOT_LISTABLE_FOR_CHINA, 'Some items cannot be sold to shoppers in China', {
        lines: quote.notListable.map((l) => l.lineId),
        variantIds: quote.notListable.map((l) => l.variantId),
      });
    }
    if (quote.unregistered.length) {
      throw customsRegistrationMissing([...new Set(quote.unregistered.map((l) => l.museumId))], {
        lineIds: quote.unregistered.map((l) => l.lineId),
        variantIds: quote.unregistered.map((l) => l.variantId),
      });
    }
    for (const o of quote.orders) {
      assertOrderLimits(
        // The limit counts the price paid: goods less the promotions (ADR 0019).
        { sellerId: o.sellerId, goodsMinor: o.goodsMinor - o.discountMinor, freightMinor: o.shippingMinor, insuranceMinor: o.insuranceMinor, lines: o.lines.map((l) => ({ ref: l.ref, quantity: l.quantity })) },
        this.rules,
      );
    }
    if (quote.shortages.length) throw outOfStock(quote.shortages);
  }

  /** Writes checkout, orders, identity and reservations; answers what it wrote. */
  write(c: CheckoutToWrite): Promise<{ checkout: CheckoutRecord; orders: OrderRecord[]; written: PlacedRows }> {
    const fx = c.quote.fx!;
    const holdExpiresAt = new Date(c.now.getTime() + c.holdMs);
    return this.tx.runSql(async (tx) => {
      // The cart closed, then the identity recorded and locked, in one statement (in that order):
      // nothing when the cart was no longer open (a concurrent checkout of it committed first).
      const identity = await this.identities.recordAfter(tx, this.orders.closeCartSql(c.cartId), c.input.residentId);
      if (!identity) throw new CartClosedSignal();
      // The quota counts the dutiable value (goods + freight + insurance) of every order, as the per-order limit does.
      const requested = c.quote.orders.reduce((a, o) => a + dutiableValue({ goodsMinor: o.goodsMinor - o.discountMinor, freightMinor: o.shippingMinor, insuranceMinor: o.insuranceMinor }), 0);

      const checkoutId = randomUUID();
      const checkout: NewCheckout = {
        id: checkoutId,
        idempotencyKey: c.input.idempotencyKey,
        fingerprint: c.fingerprint,
        cartId: c.cartId,
        shopperUserId: c.shopperUserId,
        identityId: identity.identityId,
        currency: c.quote.currency,
        goodsMinor: c.quote.goodsMinor,
        shippingMinor: c.quote.shippingMinor,
        insuranceMinor: c.quote.insuranceMinor,
        taxMinor: c.quote.taxMinor,
        totalMinor: c.quote.totalMinor,
        discountMinor: c.quote.discountMinor,
        idConsentAt: c.now,
        riskNoticeAcceptedAt: c.now,
        consentVersion: this.consents.version,
        locale: c.input.locale,
        holdExpiresAt,
        createdAt: c.now,
      };
      const orders: NewOrder[] = c.quote.orders.map((o) => ({
        id: randomUUID(),
        number: newOrderNumber(c.now),
        checkoutId,
        museumId: o.sellerId,
        fulfilledByBrandId: o.fulfilledByBrandId,
        shopperUserId: c.shopperUserId,
        identityId: identity.identityId,
        customsMode: o.customsMode,
        stockLocationId: o.locationId!,
        currency: c.quote.currency,
        goodsMinor: o.goodsMinor,
        shippingMinor: o.shippingMinor,
        insuranceMinor: o.insuranceMinor,
        taxMinor: o.taxMinor,
        totalMinor: o.totalMinor,
        discountMinor: o.discountMinor,
        fxRate: fx.fx.rate,
        fxMarginBps: fx.marginBps,
        fxSource: fx.fx.source,
        fxEffectiveAt: fx.fx.effectiveAt,
        ordererName: c.input.ordererName,
        ordererIdMasked: identity.masked,
        recipient: c.input.recipient,
        holdExpiresAt,
        createdAt: c.now,
        lines: o.lines.map((l, position) => ({
          position,
          variantId: l.variantId,
          productId: l.variant.productId,
          sku: l.variant.sku,
          name: l.variant.name,
          crossBorderCategory: l.category,
          hsCode: l.variant.hsCode,
          originCountry: l.variant.originCountry,
          weightGrams: l.weightGrams,
          quantity: l.quantity,
          unitPriceEurMinor: l.variant.priceEurMinor,
          unitPriceMinor: l.unitPriceMinor,
          currency: c.quote.currency,
          goodsMinor: l.goodsMinor,
          freightMinor: l.freightMinor,
          insuranceMinor: l.insuranceMinor,
          dutiableMinor: l.dutiableMinor,
          taxRate: l.taxRate,
          taxMinor: l.taxMinor,
          taxRegime: l.regime,
          dutyMinor: l.dutyMinor,
          vatMinor: l.vatMinor,
          consumptionTaxMinor: l.consumptionTaxMinor,
          discountMinor: l.discountMinor,
          platformDiscountMinor: l.platformDiscountMinor,
          totalMinor: l.totalMinor,
          fxRate: fx.fx.rate,
          fxSource: fx.fx.source,
          fxEffectiveAt: fx.fx.effectiveAt,
        })),
      }));
      // The identity's quota is read in the insert's statement, under the identity's row lock taken
      // above and before these orders: over the limit, the whole transaction rolls back. Each line
      // keeps the storefront's commission rate in force now (docs/adr/0014), written by
      // settlement's INSERT inside the same statement.
      const reservations = orders.map((o, i) => ({
        ownerId: o.id,
        locationId: o.stockLocationId,
        lines: c.quote.orders[i]!.lines.map((l) => ({ ref: l.ref, variantId: l.variantId, quantity: l.quantity })),
        expiresAt: holdExpiresAt,
      }));
      // Without a drop's turn the stock is reserved in the orders' insert (one round trip less; the
      // levels still move only at COMMIT). A drop's edition is claimed after the insert, and its
      // claim is checked at COMMIT before the stock's (docs/adr/0017): reserved last, as before.
      const stockInInsert = !c.claimsAfterInsert;
      const written = await this.orders.insertPlaced(
        tx,
        checkout,
        orders,
        { identityId: identity.identityId, year: chinaCalendarYear(c.now), now: c.now, paidStatuses: QUOTA_STATUSES },
        (lines) => this.commissions.snapshotSql(lines),
        stockInInsert ? (inserted) => this.stock.reserveSql(reservations, inserted) : undefined,
      );
      assertAnnualLimit(written.quotaUsed, requested, this.rules);
      if (!written.inserted) throw new DuplicateCheckoutError();
      // One use of each promotion applied, within its limits, under its row's lock (ADR 0019).
      if (c.quote.promotions.applied.length) {
        await this.promotions.redeem(tx, {
          checkoutId,
          identityId: identity.identityId,
          shopperUserId: c.shopperUserId,
          applied: c.quote.promotions.applied,
          orders: orders.map((o, i) => ({ orderId: o.id, museumId: o.museumId, refs: c.quote.orders[i]!.lines.map((l) => l.ref) })),
          at: c.now,
        });
      }
      if (c.claimsAfterInsert) await c.claimsAfterInsert(tx, { checkoutId, identityId: identity.identityId });
      // What other contexts record of this checkout commits or rolls back with it (a live session's orders).
      await this.extensions.placed(tx, { checkoutId, cartId: c.cartId, source: c.input.source, orders: orders.map((o) => ({ orderId: o.id, variantIds: o.lines.map((l) => l.variantId), productIds: o.lines.map((l) => l.productId) })) });
      // A drop's stock last. Either way the levels move at COMMIT, so the hottest rows are locked only while PostgreSQL commits.
      if (!stockInInsert) await this.stock.reserve(tx, reservations, { atCommit: true });
      const { identityId: _c, idConsentAt: _i, riskNoticeAcceptedAt: _r, consentVersion: _v, ...checkoutRecord } = checkout;
      return {
        checkout: checkoutRecord,
        orders: orders.map(({ lines: _l, identityId: _o, ...o }) => ({ ...o, status: 'PENDING_PAYMENT' as const, paidAt: null, cancelledAt: null, refundedAt: null })),
        written,
      };
    });
  }
}
