import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { MoneyType } from '@vitrine/catalog';
import { Paginated } from '@vitrine/shared/graphql';
import { AttributionChannelGql } from '../attribution/graphql/attribution.types';

export enum OrderStatusGql {
  PENDING_PAYMENT = 'PENDING_PAYMENT',
  PAID = 'PAID',
  CUSTOMS_SUBMITTED = 'CUSTOMS_SUBMITTED',
  CLEARED = 'CLEARED',
  HELD = 'HELD',
  SHIPPED = 'SHIPPED',
  DELIVERED = 'DELIVERED',
  CANCELLED = 'CANCELLED',
  REFUNDED = 'REFUNDED',
}
registerEnumType(OrderStatusGql, { name: 'OrderStatus' });

export enum CartStatusGql {
  OPEN = 'OPEN',
  CHECKED_OUT = 'CHECKED_OUT',
  MERGED = 'MERGED',
}
registerEnumType(CartStatusGql, { name: 'CartStatus' });

export enum TaxRegimeGql {
  CBEC_RETAIL = 'CBEC_RETAIL',
  GENERAL_TRADE = 'GENERAL_TRADE',
}
registerEnumType(TaxRegimeGql, {
  name: 'TaxRegime',
  description:
    'CBEC_RETAIL: cross-border retail import within limits (no duty; VAT and consumption tax at 70 %). GENERAL_TRADE: a single indivisible item whose dutiable value is above the per-order limit, alone in its order (duty at its tariff rate; VAT and consumption tax in full).',
});

@ObjectType('FxSnapshot', { description: 'The EUR→CNY rate prices were computed with.' })
export class FxSnapshotType {
  @Field(() => String, { description: 'Exact decimal.' }) rate!: string;
  @Field(() => Int, { description: 'Margin over the rate, basis points.' }) marginBps!: number;
  @Field(() => String) source!: string;
  @Field(() => Date) effectiveAt!: Date;
}

@ObjectType('CartPromotion', { description: 'A promotion applied to the cart, and what it takes off (CNY fen).' })
export class CartPromotionType {
  @Field(() => ID) promotionId!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { description: 'THRESHOLD (满减) or COUPON.' }) kind!: string;
  @Field(() => ID, { nullable: true, description: 'The storefront’s museum; null for a platform-wide promotion.' }) museumId!: string | null;
  @Field(() => String, { nullable: true }) code!: string | null;
  @Field(() => String, { description: 'MUSEUM or PLATFORM: who bears it.' }) fundedBy!: string;
  @Field(() => Int) amount!: number;
  @Field(() => [ID], { description: 'The cart lines it covers.' }) lineIds!: string[];
}

@ObjectType('CartCoupon')
export class CartCouponType {
  @Field(() => String) code!: string;
  @Field(() => String, { nullable: true, description: 'null when it applies; else COUPON_INVALID, COUPON_EXPIRED, COUPON_NOT_STARTED, COUPON_EXHAUSTED, COUPON_LIMIT_REACHED, COUPON_NOT_APPLICABLE or COUPON_MIN_SPEND_NOT_MET.' })
  problem!: string | null;
  @Field(() => MoneyType, { nullable: true, description: 'With COUPON_MIN_SPEND_NOT_MET: how much more the lines the coupon covers must come to (the refusal’s extensions.shortfall).' })
  shortfall!: MoneyType | null;
}

@ObjectType('CartLine', { description: 'Amounts are integer minor units (fen) of `currency` (CNY).' })
export class CartLineType {
  @Field(() => ID, { description: 'The cart line id, named by OUT_OF_STOCK and NOT_LISTABLE_FOR_CHINA.' }) id!: string;
  @Field(() => ID) variantId!: string;
  @Field(() => ID) productId!: string;
  @Field(() => ID) museumId!: string;
  @Field(() => String) sku!: string;
  /** Resolved with the shopper's locale (LineNamesResolver); `names` holds the product's names. */
  name!: string;
  names!: { fr: string; en: string; zh: string };
  @Field(() => Int) quantity!: number;
  @Field(() => String) currency!: string;
  @Field(() => Int) unitPrice!: number;
  @Field(() => Int, { description: 'unitPrice × quantity.' }) goods!: number;
  @Field(() => Int, { description: 'This line’s share of the promotions applied (largest remainder, to the fen).' }) discount!: number;
  @Field(() => Int, { description: 'Share of the seller order’s shipping.' }) freight!: number;
  @Field(() => Int, { description: 'goods + freight + insurance: the customs value the limits and the yearly quota count.' }) dutiable!: number;
  @Field(() => String, { description: 'Cross-border tax rate on the dutiable value, e.g. 0.091000 (GENERAL_TRADE: the effective rate of duty, VAT and consumption tax).' }) taxRate!: string;
  @Field(() => Int, { description: 'duty + vat + consumptionTax.' }) tax!: number;
  @Field(() => TaxRegimeGql) taxRegime!: TaxRegimeGql;
  @Field(() => Int) duty!: number;
  @Field(() => Int) vat!: number;
  @Field(() => Int) consumptionTax!: number;
  @Field(() => Int, { description: 'Landed: goods + freight + tax.' }) total!: number;
  @Field(() => Boolean) listableForChina!: boolean;
  @Field(() => Boolean) inStock!: boolean;
}

@ObjectType('CartSellerOrder', { description: 'The order one storefront will receive at checkout (per seller and fulfiller: a brand’s co-branded lines are an order of their own).' })
export class CartSellerOrderType {
  @Field(() => ID) museumId!: string;
  @Field(() => ID, { nullable: true, description: 'The brand partner that will fulfil these lines from its own stock; null when the museum does.' })
  fulfilledByBrandId!: string | null;
  @Field(() => String, { description: '9610 (direct mail from the EU) or 1210 (bonded in China).' }) customsMode!: string;
  @Field(() => Int) weightGrams!: number;
  @Field(() => String) currency!: string;
  @Field(() => Int) goods!: number;
  @Field(() => Int, { description: 'Promotions taken off this order’s goods.' }) discount!: number;
  @Field(() => Int) shipping!: number;
  @Field(() => Int) tax!: number;
  @Field(() => Int) total!: number;
  @Field(() => [CartLineType]) lines!: CartLineType[];
}

@ObjectType('CartProblem', { description: 'Something placeOrder would refuse in this cart, decided by the same rules, with the same code.' })
export class CartProblemType {
  @Field(() => String, {
    description:
      'NOT_LISTABLE_FOR_CHINA (unknown, unpublished or not listable product), CUSTOMS_REGISTRATION_MISSING (the seller has no customs registration), OUT_OF_STOCK, ORDER_LIMIT_EXCEEDED (a seller order above the per-order limit), SINGLE_ITEM_OVER_LIMIT (one item above the yearly limit) or ANNUAL_LIMIT_EXCEEDED (the checkout’s dutiable value above the whole yearly limit).',
  })
  code!: string;
  @Field(() => [ID], { description: 'The cart lines concerned (CartLine.id).' }) lineIds!: string[];
  @Field(() => ID, { nullable: true, description: 'The variant concerned; null for a limit of an order or of the checkout.' }) variantId!: string | null;
  @Field(() => Int, { nullable: true, description: 'OUT_OF_STOCK: units that can still be had.' }) available!: number | null;
  @Field(() => ID, { nullable: true, description: 'ORDER_LIMIT_EXCEEDED, SINGLE_ITEM_OVER_LIMIT: the seller of the order concerned (with customsMode and fulfilledByBrandId, its CartSellerOrder).' })
  museumId!: string | null;
  @Field(() => String, { nullable: true }) customsMode!: string | null;
  @Field(() => ID, { nullable: true }) fulfilledByBrandId!: string | null;
  @Field(() => Int, { nullable: true, description: 'Limit problems: the limit, CNY fen.' }) limit!: number | null;
  @Field(() => Int, { nullable: true, description: 'Limit problems: the dutiable value compared with it (the order’s, or the checkout’s), CNY fen.' }) value!: number | null;
  @Field(() => Int, { nullable: true, description: 'ANNUAL_LIMIT_EXCEEDED: what is left of the yearly quota, CNY fen.' }) remaining!: number | null;
}

@ObjectType('Cart')
export class CartType {
  @Field(() => ID) id!: string;
  @Field(() => CartStatusGql) status!: CartStatusGql;
  @Field(() => String) currency!: string;
  @Field(() => [CartSellerOrderType]) sellers!: CartSellerOrderType[];
  @Field(() => [CartLineType]) lines!: CartLineType[];
  @Field(() => Int) goodsTotal!: number;
  @Field(() => Int) shippingTotal!: number;
  @Field(() => Int) taxTotal!: number;
  @Field(() => Int, { description: 'Promotions taken off the goods: the shopper’s saving.' }) discountTotal!: number;
  @Field(() => Int, { description: 'goodsTotal − discountTotal + shippingTotal + taxTotal.' }) total!: number;
  @Field(() => [CartPromotionType], { description: 'The best combination of promotions (libs/promotions, ADR 0019): at most one threshold per storefront, one coupon, one platform-wide.' })
  promotions!: CartPromotionType[];
  @Field(() => CartCouponType, { nullable: true, description: 'The coupon code given with the query, and why it takes nothing off if it does not apply.' })
  coupon!: CartCouponType | null;
  @Field(() => FxSnapshotType, { nullable: true }) fx!: FxSnapshotType | null;
  @Field(() => [CartProblemType], {
    description:
      'What placeOrder would refuse, by its own rules and codes: lines not sellable, sellers without customs registration, stock, each seller order’s per-order limit, and the yearly limit as no identity’s quota could hold the checkout (an identity’s own remaining quota: remainingAnnualQuota; placeOrder checks it under lock).',
  })
  problems!: CartProblemType[];
}

@ObjectType('CartPayload')
export class CartPayloadType {
  @Field(() => String, { nullable: true, description: 'Set when a guest cart was created: send it back as cartToken from now on.' })
  cartToken!: string | null;
  @Field(() => CartType) cart!: CartType;
}

@ObjectType('CartMergeLeftOut', { description: 'Guest units the cart rules left out of a merge.' })
export class CartMergeLeftOutType {
  @Field(() => ID) variantId!: string;
  @Field(() => Int) quantity!: number;
}

@ObjectType('MergeGuestCartPayload')
export class MergeGuestCartPayloadType {
  @Field(() => CartType, { description: 'The shopper’s open cart after the merge.' }) cart!: CartType;
  @Field(() => [CartMergeLeftOutType], { description: 'Empty unless a line hit its maximum units or the cart its maximum lines.' })
  leftOut!: CartMergeLeftOutType[];
}

@ObjectType('Orderer')
export class OrdererType {
  @Field(() => String) name!: string;
  @Field(() => String, { description: 'Always masked, e.g. 110***********002X.' }) residentIdMasked!: string;
}

@ObjectType('Recipient')
export class RecipientType {
  @Field(() => String) name!: string;
  @Field(() => String) phone!: string;
  @Field(() => String) province!: string;
  @Field(() => String) city!: string;
  @Field(() => String) district!: string;
  @Field(() => String) street!: string;
  @Field(() => String) postalCode!: string;
}

@ObjectType('OrderLine', { description: 'Snapshot at checkout; amounts in minor units of `currency`.' })
export class OrderLineType {
  @Field(() => ID) id!: string;
  @Field(() => ID) variantId!: string;
  @Field(() => ID) productId!: string;
  @Field(() => String) sku!: string;
  /** The name snapshotted at checkout; resolved with the shopper's locale (LineNamesResolver). */
  name!: string;
  @Field(() => Int) quantity!: number;
  @Field(() => String) currency!: string;
  @Field(() => Int) unitPrice!: number;
  @Field(() => Int, { description: 'EUR cents: the base price converted.' }) unitPriceEur!: number;
  @Field(() => Int) goods!: number;
  @Field(() => Int) freight!: number;
  @Field(() => Int) insurance!: number;
  @Field(() => Int, { description: 'This line’s share of the promotions, snapshotted at checkout (dutiable = goods − discount + freight + insurance).' }) discount!: number;
  @Field(() => Int, { description: 'The part of `discount` the platform funds (platform-wide promotions).' }) platformDiscount!: number;
  @Field(() => Int, { description: 'goods + freight + insurance: the customs value the limits and the yearly quota count.' }) dutiable!: number;
  @Field(() => String) taxRate!: string;
  @Field(() => Int, { description: 'duty + vat + consumptionTax.' }) tax!: number;
  @Field(() => TaxRegimeGql) taxRegime!: TaxRegimeGql;
  @Field(() => Int) duty!: number;
  @Field(() => Int) vat!: number;
  @Field(() => Int) consumptionTax!: number;
  @Field(() => Int) total!: number;
  @Field(() => String) hsCode!: string;
  @Field(() => String) originCountry!: string;
  @Field(() => String) crossBorderCategory!: string;
  @Field(() => FxSnapshotType) fx!: FxSnapshotType;
}

@ObjectType('OrderStatusChange')
export class OrderStatusChangeType {
  @Field(() => OrderStatusGql, { nullable: true }) from!: OrderStatusGql | null;
  @Field(() => OrderStatusGql) to!: OrderStatusGql;
  @Field(() => String) reason!: string;
  @Field(() => Date) at!: Date;
}

@ObjectType('Order')
export class OrderType {
  @Field(() => ID) id!: string;
  @Field(() => String) number!: string;
  @Field(() => ID) checkoutId!: string;
  @Field(() => ID, { description: 'The seller of record (customs, royalties): the storefront’s museum.' }) museumId!: string;
  @Field(() => ID, { nullable: true, description: 'The brand partner that fulfils this order from its own stock (co-branded lines); null when the museum does.' })
  fulfilledByBrandId!: string | null;
  @Field(() => OrderStatusGql) status!: OrderStatusGql;
  @Field(() => String) customsMode!: string;
  @Field(() => String) currency!: string;
  @Field(() => Int) goodsTotal!: number;
  @Field(() => Int) shippingTotal!: number;
  @Field(() => Int) insuranceTotal!: number;
  @Field(() => Int, { description: 'Promotions taken off the goods (Σ lines’ discount); total is net of it. Declared as the customs order’s discount.' }) discountTotal!: number;
  @Field(() => Int) taxTotal!: number;
  @Field(() => Int) total!: number;
  @Field(() => FxSnapshotType) fx!: FxSnapshotType;
  @Field(() => OrdererType) orderer!: OrdererType;
  @Field(() => RecipientType) recipient!: RecipientType;
  @Field(() => Date, { description: 'Unpaid orders release their stock at this time.' }) holdExpiresAt!: Date;
  @Field(() => Date, { nullable: true }) paidAt!: Date | null;
  @Field(() => Date) createdAt!: Date;
}
export const OrderPage = Paginated(OrderType, 'OrderPage');

@ObjectType('PaymentIntentInfo', { description: 'Confirm it with Stripe.js (card, Alipay, WeChat Pay).' })
export class PaymentIntentInfoType {
  @Field(() => String) paymentIntentId!: string;
  @Field(() => String) clientSecret!: string;
  @Field(() => Int) amount!: number;
  @Field(() => String) currency!: string;
}

export enum PaymentMethodGql {
  CARD = 'CARD',
  ALIPAY = 'ALIPAY',
  WECHAT_PAY = 'WECHAT_PAY',
}
registerEnumType(PaymentMethodGql, {
  name: 'PaymentMethod',
  description: 'CARD: confirm with Stripe.js and the client secret. ALIPAY / WECHAT_PAY: the API confirms the PaymentIntent and answers Checkout.paymentAction.',
});

export enum PaymentActionKindGql {
  REDIRECT = 'REDIRECT',
  QR_CODE = 'QR_CODE',
}
registerEnumType(PaymentActionKindGql, { name: 'PaymentActionType', description: 'REDIRECT: send the shopper to redirectUrl (Alipay). QR_CODE: show the QR code (WeChat Pay) at qrCodeUrl or from qrCodeData.' });

@ObjectType('PaymentAction', { description: 'Where the shopper approves an Alipay or WeChat Pay payment (the PaymentIntent’s next_action).' })
export class PaymentActionType {
  @Field(() => PaymentActionKindGql) type!: PaymentActionKindGql;
  @Field(() => String, { nullable: true, description: 'Alipay: the page to send the shopper to; they come back to returnUrl.' }) redirectUrl!: string | null;
  @Field(() => String, { nullable: true, description: 'WeChat Pay: a page showing the QR code to scan with WeChat.' }) qrCodeUrl!: string | null;
  @Field(() => String, { nullable: true, description: 'WeChat Pay: the data the QR code encodes, to draw it yourself.' }) qrCodeData!: string | null;
}

@ObjectType('Checkout')
export class CheckoutType {
  @Field(() => ID) id!: string;
  @Field(() => Boolean, { description: 'True when this answers an earlier placeOrder with the same idempotency key.' }) replayed!: boolean;
  @Field(() => String) currency!: string;
  @Field(() => Int) goodsTotal!: number;
  @Field(() => Int) shippingTotal!: number;
  @Field(() => Int) taxTotal!: number;
  @Field(() => Int) total!: number;
  @Field(() => Date) holdExpiresAt!: Date;
  @Field(() => [OrderType]) orders!: OrderType[];
  @Field(() => PaymentIntentInfoType, { nullable: true }) payment!: PaymentIntentInfoType | null;
  @Field(() => PaymentActionType, {
    nullable: true,
    description: 'placeOrder with paymentMethod ALIPAY or WECHAT_PAY: where the shopper approves the payment; null for CARD, or when nothing awaits approval (paid, processing).',
  })
  paymentAction!: PaymentActionType | null;
}

@ObjectType('RefundRequested')
export class RefundRequestedType {
  @Field(() => OrderType) order!: OrderType;
  @Field(() => String) refundId!: string;
  @Field(() => Int, { description: 'Minor units of the order’s currency asked back from Stripe.' }) amount!: number;
  @Field(() => String, { description: 'Stripe’s refund status; the order turns REFUNDED when Stripe confirms.' }) refundStatus!: string;
  @Field(() => Boolean, { description: 'true: the answer of an earlier request with the same idempotency key; no new refund was made.' }) replayed!: boolean;
}

@InputType()
export class CartLineInput {
  @Field(() => String, { nullable: true, description: 'Guest cart token (ignored when signed in).' }) cartToken?: string;
  @Field(() => ID) variantId!: string;
  @Field(() => Int) quantity!: number;
}

@InputType()
export class RecipientInput {
  @Field(() => String) name!: string;
  @Field(() => String, { description: 'Mainland China mobile number.' }) phone!: string;
  @Field(() => String) province!: string;
  @Field(() => String) city!: string;
  @Field(() => String) district!: string;
  @Field(() => String) street!: string;
  @Field(() => String) postalCode!: string;
}

@InputType()
export class RealNameInput {
  @Field(() => String, { description: 'Real name as on the resident identity card.' }) name!: string;
  @Field(() => String, { nullable: true, description: '18-character resident ID number (GB 11643-1999). Or savedIdentityId instead.' }) residentId?: string | null;
  @Field(() => ID, {
    nullable: true,
    description:
      'One of your saved orderer identities (ordererIdentities, shown masked) instead of typing the number: its stored number is used for this checkout (audited) and never answered. ' +
      'NOT_FOUND at this field for an identity you never ordered with, for a guest, or once its number is destroyed; VALIDATION_FAILED with residentId too.',
  })
  savedIdentityId?: string | null;
}

@InputType()
export class PlaceOrderInput {
  @Field(() => ID) cartId!: string;
  @Field(() => String, { nullable: true }) cartToken?: string;
  @Field(() => String, { description: 'Client-chosen key: the same key and request answer the same checkout.' }) idempotencyKey!: string;
  @Field(() => RecipientInput) recipient!: RecipientInput;
  @Field(() => RealNameInput) orderer!: RealNameInput;
  @Field(() => RealNameInput, { description: 'Must be the orderer.' }) payer!: RealNameInput;
  @Field(() => Boolean, { description: 'Separate consent to the use and transfer of the ID number to customs.' }) consentToIdUse!: boolean;
  @Field(() => Boolean, { description: 'The cross-border risk notice was shown and accepted.' }) acceptRiskNotice!: boolean;
  @Field(() => PaymentMethodGql, {
    nullable: true,
    description: 'ALIPAY or WECHAT_PAY: the API confirms the PaymentIntent with it and answers Checkout.paymentAction (a retry with the same key shows it again, or starts a new attempt after a decline). CARD or none: confirm with Stripe.js.',
  })
  paymentMethod?: PaymentMethodGql;
  @Field(() => String, { nullable: true, description: 'http(s) page Alipay sends the shopper back to after approving or cancelling.' }) returnUrl?: string;
  @Field(() => String, {
    nullable: true,
    description: 'The source marker the shopper landed with (?src= on a link): shelf-<museum> (a shelf label’s QR code), article-<ref>, live-<ref>, share-product / share-storefront, or search / search-<term> (a product reached from the shop’s search results; the term NFKC, lower case, single spaces, at most 40 characters, none with an @ or six digits). Recorded as Order.attribution; VALIDATION_FAILED when not well formed.',
  })
  source?: string;
  @Field(() => String, {
    nullable: true,
    description: 'The coupon the shopper entered (applyCartCoupon). Refused with its code (COUPON_INVALID, COUPON_EXPIRED, COUPON_EXHAUSTED, COUPON_LIMIT_REACHED, ...) and nothing written when it no longer applies.',
  })
  couponCode?: string;
  @Field(() => String, {
    nullable: true,
    description: 'The shop’s language (its URL locale): zh-CN (the default), en or fr. The shopper’s return texts (SMS) and notices are written in it; VALIDATION_FAILED for another.',
  })
  locale?: string;
}

export enum OrderSortGql {
  NEWEST = 'NEWEST',
  OLDEST = 'OLDEST',
  TOTAL_DESC = 'TOTAL_DESC',
  TOTAL_ASC = 'TOTAL_ASC',
}
registerEnumType(OrderSortGql, { name: 'OrderSort', description: 'By creation time or by total, with the id as tie-breaker.' });

@InputType({ description: 'Every given criterion must hold.' })
export class OrderFilterInput {
  @Field(() => String, { nullable: true, description: 'Part of the order number, or of the orderer’s or recipient’s name (case-insensitive).' })
  search?: string;
  @Field(() => OrderStatusGql, { nullable: true }) status?: OrderStatusGql;
  @Field(() => Date, { nullable: true, description: 'Placed at or after.' }) createdFrom?: Date;
  @Field(() => Date, { nullable: true, description: 'Placed before.' }) createdBefore?: Date;
  @Field(() => Boolean, {
    nullable: true,
    description: 'true: only REFUNDED orders that still owe the shopper money because Stripe reported a refund failed or cancelled (refundOutstanding set).',
  })
  refundFailed?: boolean;
  @Field(() => AttributionChannelGql, { nullable: true, description: 'Only orders that came from this channel (DIRECT: with no source marker).' })
  channel?: AttributionChannelGql;
}

@InputType()
export class RefundLineInput {
  @Field(() => ID) lineId!: string;
  @Field(() => Int, { description: 'Units of the line to refund (their landed price: goods, freight share and tax).' }) quantity!: number;
}

@ObjectType('OrderRefund', { description: 'A refund at Stripe for this order; amounts in minor units.' })
export class OrderRefundType {
  @Field(() => ID) id!: string;
  @Field(() => String) providerRefundId!: string;
  @Field(() => Int) amount!: number;
  @Field(() => String) currency!: string;
  @Field(() => String, { description: 'Stripe’s status: pending, succeeded, failed, canceled.' }) status!: string;
  @Field(() => String, { nullable: true }) reason!: string | null;
  @Field(() => Date) createdAt!: Date;
}

@ObjectType('OrderDispute', {
  description:
    'A dispute (chargeback) the shopper’s bank opened on the payment of this order’s checkout. The charge pays the whole checkout: `amount` is this order’s part (by order total), `disputedTotal` the whole.',
})
export class OrderDisputeType {
  @Field(() => ID) id!: string;
  @Field(() => String) providerDisputeId!: string;
  @Field(() => ID) orderId!: string;
  @Field(() => String) orderNumber!: string;
  @Field(() => ID) museumId!: string;
  @Field(() => Int, { description: 'This order’s part of the disputed amount, minor units.' }) amount!: number;
  @Field(() => Int, { description: 'The whole disputed amount on the checkout’s charge.' }) disputedTotal!: number;
  @Field(() => String) currency!: string;
  @Field(() => String, { description: 'Stripe’s reason, e.g. fraudulent, product_not_received.' }) reason!: string;
  @Field(() => String, { description: 'Stripe’s status: needs_response, under_review, won, lost (or warning_*).' }) status!: string;
  @Field(() => Date, { nullable: true, description: 'Evidence must reach Stripe before this time (evidence_details.due_by).' }) evidenceDueBy!: Date | null;
  @Field(() => Date, { nullable: true }) evidenceSubmittedAt!: Date | null;
  @Field(() => Boolean, { description: 'Evidence can be submitted now (awaiting a response, before the due date).' }) acceptsEvidence!: boolean;
  @Field(() => Int, { description: 'Lost: this order’s part of what the bank took back; 0 otherwise.' }) lostAmount!: number;
  @Field(() => Date, { nullable: true }) closedAt!: Date | null;
  @Field(() => Date) createdAt!: Date;
}

@ObjectType('PaymentAttemptFailure', { description: 'The last declined payment attempt of an order’s checkout; the intent stays payable with another method until the hold expires.' })
export class PaymentAttemptFailureType {
  @Field(() => Int) attempts!: number;
  @Field(() => String, { nullable: true, description: 'Stripe’s error code, e.g. card_declined.' }) code!: string | null;
  @Field(() => String, { nullable: true, description: 'The issuer’s decline code, e.g. insufficient_funds.' }) declineCode!: string | null;
  @Field(() => Date) at!: Date;
}

export enum DisputeEvidenceFileKind {
  RECEIPT = 'RECEIPT',
  SHIPPING_DOCUMENTATION = 'SHIPPING_DOCUMENTATION',
  CUSTOMER_COMMUNICATION = 'CUSTOMER_COMMUNICATION',
  UNCATEGORIZED = 'UNCATEGORIZED',
}
registerEnumType(DisputeEvidenceFileKind, { name: 'DisputeEvidenceFileKind' });

@InputType()
export class DisputeEvidenceFileInput {
  @Field(() => DisputeEvidenceFileKind) kind!: DisputeEvidenceFileKind;
  @Field(() => String) filename!: string;
  @Field(() => String, { description: 'application/pdf, image/jpeg or image/png.' }) contentType!: string;
  @Field(() => String, { description: 'The file, base64; all files together at most 4 MB.' }) contentBase64!: string;
}

@InputType({ description: 'Stripe’s dispute evidence; at least one field or file.' })
export class DisputeEvidenceInput {
  @Field(() => String, { nullable: true }) productDescription?: string;
  @Field(() => String, { nullable: true }) customerName?: string;
  @Field(() => String, { nullable: true }) customerEmailAddress?: string;
  @Field(() => String, { nullable: true }) shippingCarrier?: string;
  @Field(() => String, { nullable: true }) shippingTrackingNumber?: string;
  @Field(() => String, { nullable: true }) shippingDate?: string;
  @Field(() => String, { nullable: true }) refundPolicyDisclosure?: string;
  @Field(() => String, { nullable: true }) uncategorizedText?: string;
  @Field(() => [DisputeEvidenceFileInput], { nullable: true }) files?: DisputeEvidenceFileInput[];
}

@ObjectType('DisputeEvidenceSubmitted')
export class DisputeEvidenceSubmittedType {
  @Field(() => ID) id!: string;
  @Field(() => String) status!: string;
  @Field(() => Date) evidenceSubmittedAt!: Date;
}

@ObjectType('CheckoutConsent', {
  description:
    'The separate consent to the use of the resident ID number that checkout asks for (PIPL), in one language, with the retention the retention job applies (PII_RETENTION_DAYS_AFTER_RELEASE). placeOrder records `version`.',
})
export class CheckoutConsentType {
  @Field(() => String, { description: 'What placeOrder records with the checkout: the wording and the retention figure, e.g. 2026-12+r90.' }) version!: string;
  @Field(() => String) locale!: string;
  @Field(() => Int, { description: 'Days the ID number is kept after customs released (or refunded, cancelled) the last order placed with it.' })
  retentionDaysAfterRelease!: number;
  @Field(() => String) title!: string;
  @Field(() => String, { description: 'The text shown with the consent box.' }) text!: string;
  @Field(() => String, { description: 'The checkbox label.' }) label!: string;
}
