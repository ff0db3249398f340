import type { CartView } from '../application/cart.service';
import type { CartLimitProblem } from '../domain/cart-limits';
import type { CheckoutRecord, OrderLineRecord, OrderRecord } from '../infrastructure/order-tables';
import type { PlacedCheckout } from '../application/place-order.service';
import type { OrderDispute } from '../application/disputes.service';
import type { CartLineType, CartProblemType, CartSellerOrderType, CartStatusGql, CartType, CheckoutType, OrderDisputeType, OrderLineType, OrderStatusGql, OrderType, PaymentActionKindGql, TaxRegimeGql } from './orders.types';

export function toCart(view: CartView): CartType {
  const { cart, quote } = view;
  const short = new Map(quote.shortages.map((s) => [s.variantId, s]));
  const unlisted = new Set(quote.notListable.map((l) => l.lineId));
  const sellers: CartSellerOrderType[] = quote.orders.map((o) => ({
    museumId: o.sellerId,
    fulfilledByBrandId: o.fulfilledByBrandId,
    customsMode: o.customsMode,
    weightGrams: o.weightGrams,
    currency: quote.currency,
    goods: o.goodsMinor,
    discount: o.discountMinor,
    shipping: o.shippingMinor,
    tax: o.taxMinor,
    total: o.totalMinor,
    lines: o.lines.map(
      (l): CartLineType => ({
        id: l.ref,
        variantId: l.variantId,
        productId: l.variant.productId,
        museumId: l.variant.museumId,
        sku: l.variant.sku,
        name: l.variant.name,
        names: l.variant.names,
        quantity: l.quantity,
        currency: quote.currency,
        unitPrice: l.unitPriceMinor,
        goods: l.goodsMinor,
        discount: l.discountMinor,
        freight: l.freightMinor,
        dutiable: l.dutiableMinor,
        taxRate: l.taxRate,
        tax: l.taxMinor,
        taxRegime: l.regime as TaxRegimeGql,
        duty: l.dutyMinor,
        vat: l.vatMinor,
        consumptionTax: l.consumptionTaxMinor,
        total: l.totalMinor,
        listableForChina: !unlisted.has(l.ref),
        inStock: !short.has(l.variantId),
      }),
    ),
  }));
  const none = { available: null, museumId: null, customsMode: null, fulfilledByBrandId: null, limit: null, value: null, remaining: null };
  const problems: CartProblemType[] = [
    ...quote.notListable.map((l) => ({ ...none, code: 'NOT_LISTABLE_FOR_CHINA', lineIds: [l.lineId], variantId: l.variantId })),
    // The seller lost its customs registration after the line was added: placeOrder would refuse it.
    ...quote.unregistered.map((l) => ({ ...none, code: 'CUSTOMS_REGISTRATION_MISSING', lineIds: [l.lineId], variantId: l.variantId })),
    ...quote.shortages.map((s) => ({ ...none, code: 'OUT_OF_STOCK', lineIds: s.lines, variantId: s.variantId, available: s.available })),
    ...quote.limits.map(toCartLimitProblem),
  ];
  return {
    id: cart.id,
    status: cart.status as CartStatusGql,
    currency: quote.currency,
    sellers,
    lines: sellers.flatMap((s) => s.lines),
    goodsTotal: quote.goodsMinor,
    shippingTotal: quote.shippingMinor,
    taxTotal: quote.taxMinor,
    discountTotal: quote.discountMinor,
    total: quote.totalMinor,
    promotions: quote.promotions.applied.map((p) => ({
      promotionId: p.promotionId,
      name: p.name,
      kind: p.kind,
      museumId: p.museumId,
      code: p.code,
      fundedBy: p.fundedBy,
      amount: p.amountMinor,
      lineIds: [...p.perLine.entries()].filter(([, v]) => v > 0).map(([ref]) => ref),
    })),
    coupon: quote.promotions.coupon && {
      code: quote.promotions.coupon.code,
      problem: quote.promotions.coupon.problem,
      shortfall: quote.promotions.coupon.shortfall && { amount: quote.promotions.coupon.shortfall.amountMinor, currency: quote.promotions.coupon.shortfall.currency },
    },
    fx: quote.fx ? { rate: quote.fx.fx.rate, marginBps: quote.fx.marginBps, source: quote.fx.fx.source, effectiveAt: quote.fx.fx.effectiveAt } : null,
    problems,
  };
}

function toCartLimitProblem(p: CartLimitProblem): CartProblemType {
  return {
    code: p.code,
    lineIds: p.lineIds,
    variantId: null,
    available: null,
    museumId: p.order?.sellerId ?? null,
    customsMode: p.order?.customsMode ?? null,
    fulfilledByBrandId: p.order?.fulfilledByBrandId ?? null,
    limit: p.limitMinor,
    value: p.valueMinor,
    remaining: p.remainingMinor,
  };
}

export function toOrder(o: OrderRecord): OrderType {
  return {
    id: o.id,
    number: o.number,
    checkoutId: o.checkoutId,
    museumId: o.museumId,
    fulfilledByBrandId: o.fulfilledByBrandId,
    status: o.status as OrderStatusGql,
    customsMode: o.customsMode,
    currency: o.currency,
    goodsTotal: o.goodsMinor,
    shippingTotal: o.shippingMinor,
    insuranceTotal: o.insuranceMinor,
    discountTotal: o.discountMinor,
    taxTotal: o.taxMinor,
    total: o.totalMinor,
    fx: { rate: o.fxRate, marginBps: o.fxMarginBps, source: o.fxSource, effectiveAt: o.fxEffectiveAt },
    orderer: { name: o.ordererName, residentIdMasked: o.ordererIdMasked },
    recipient: o.recipient,
    holdExpiresAt: o.holdExpiresAt,
    paidAt: o.paidAt,
    createdAt: o.createdAt,
  };
}

export function toOrderLine(l: OrderLineRecord, marginBps: number): OrderLineType {
  return {
    id: l.id,
    variantId: l.variantId,
    productId: l.productId,
    sku: l.sku,
    name: l.name,
    quantity: l.quantity,
    currency: l.currency,
    unitPrice: l.unitPriceMinor,
    unitPriceEur: l.unitPriceEurMinor,
    goods: l.goodsMinor,
    freight: l.freightMinor,
    insurance: l.insuranceMinor,
    discount: l.discountMinor,
    platformDiscount: l.platformDiscountMinor,
    dutiable: l.dutiableMinor,
    taxRate: l.taxRate,
    tax: l.taxMinor,
    taxRegime: l.taxRegime as TaxRegimeGql,
    duty: l.dutyMinor,
    // null: a line written without the split; its VAT is what the other parts leave.
    vat: l.vatMinor ?? l.taxMinor - l.dutyMinor - l.consumptionTaxMinor,
    consumptionTax: l.consumptionTaxMinor,
    total: l.totalMinor,
    hsCode: l.hsCode,
    originCountry: l.originCountry,
    crossBorderCategory: l.crossBorderCategory,
    fx: { rate: l.fxRate, marginBps, source: l.fxSource, effectiveAt: l.fxEffectiveAt },
  };
}

export function toCheckout(checkout: CheckoutRecord, orders: OrderRecord[], payment: CheckoutType['payment'], replayed: boolean): CheckoutType {
  return {
    id: checkout.id,
    replayed,
    currency: checkout.currency,
    goodsTotal: checkout.goodsMinor,
    shippingTotal: checkout.shippingMinor,
    taxTotal: checkout.taxMinor,
    total: checkout.totalMinor,
    holdExpiresAt: checkout.holdExpiresAt,
    orders: orders.map(toOrder),
    payment,
    paymentAction: null,
  };
}

export function toPlacedCheckout(p: PlacedCheckout): CheckoutType {
  const checkout = toCheckout(p.checkout, p.orders, { paymentIntentId: p.payment.paymentIntentId, clientSecret: p.payment.clientSecret, amount: p.payment.amountMinor, currency: p.payment.currency }, p.replayed);
  const a = p.paymentAction;
  return { ...checkout, paymentAction: a ? { type: a.type as PaymentActionKindGql, redirectUrl: a.redirectUrl, qrCodeUrl: a.qrCodeUrl, qrCodeData: a.qrCodeData } : null };
}

export function toOrderDispute(d: OrderDispute): OrderDisputeType {
  return {
    id: d.id,
    providerDisputeId: d.providerDisputeId,
    orderId: d.orderId,
    orderNumber: d.orderNumber,
    museumId: d.museumId,
    amount: d.orderAmountMinor,
    disputedTotal: d.disputedTotalMinor,
    currency: d.currency,
    reason: d.reason,
    status: d.status,
    evidenceDueBy: d.evidenceDueBy,
    evidenceSubmittedAt: d.evidenceSubmittedAt,
    acceptsEvidence: d.acceptsEvidence,
    lostAmount: d.orderLostMinor,
    closedAt: d.closedAt,
    createdAt: d.createdAt,
  };
}
