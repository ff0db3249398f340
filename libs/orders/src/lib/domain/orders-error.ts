import { DomainError } from '@vitrine/shared/kernel';

/**
 * Checkout and order codes. Cross-border codes (INVALID_RESIDENT_ID, ORDER_LIMIT_EXCEEDED,
 * ANNUAL_LIMIT_EXCEEDED, SINGLE_ITEM_OVER_LIMIT) come from customs, OUT_OF_STOCK from
 * inventory, PAYMENT_PROVIDER_UNAVAILABLE from payments.
 */
export const OrdersErrorCode = {
  CONSENT_REQUIRED: 'CONSENT_REQUIRED',
  PAYER_MISMATCH: 'PAYER_MISMATCH',
  NOT_LISTABLE_FOR_CHINA: 'NOT_LISTABLE_FOR_CHINA',
  /** The seller (museum) has no China customs registration (storefront customsCode): it may not list or sell for China. */
  CUSTOMS_REGISTRATION_MISSING: 'CUSTOMS_REGISTRATION_MISSING',
  CART_EMPTY: 'CART_EMPTY',
  /** The cart was already checked out (under another idempotency key). */
  CART_CLOSED: 'CART_CLOSED',
  /** The idempotency key was used before for a different checkout request. */
  IDEMPOTENCY_KEY_REUSED: 'IDEMPOTENCY_KEY_REUSED',
  INVALID_TRANSITION: 'INVALID_TRANSITION',
  /**
   * refundOrder for some units of an order customs is inspecting (HELD): a held declaration can
   * no longer be amended, so such units would ship; refund the whole order (the declaration is
   * withdrawn) or the units once customs has decided (they come back as a return).
   */
  ORDER_HELD_BY_CUSTOMS: 'ORDER_HELD_BY_CUSTOMS',
  /** shipOrder on an order customs has not cleared, or whose parcel is already with the carrier. */
  ORDER_NOT_READY_TO_SHIP: 'ORDER_NOT_READY_TO_SHIP',
  /** A payment event names our checkout before its payment row is visible; Stripe retries. */
  PAYMENT_NOT_YET_KNOWN: 'PAYMENT_NOT_YET_KNOWN',
  /** A Connect event whose transfer reversal is in another currency than the payout it reverses: refused, nothing written (the webhook answers 422; Stripe retries). */
  CURRENCY_MISMATCH: 'CURRENCY_MISMATCH',
  /** abandonCheckout after Stripe took the payment (succeeded or processing): the webhook settles it. */
  PAYMENT_IN_PROGRESS: 'PAYMENT_IN_PROGRESS',
  /** saveAddress for a new address when the shopper already keeps the most allowed (details.max): nothing is written. */
  ADDRESS_LIMIT_REACHED: 'ADDRESS_LIMIT_REACHED',
} as const;
export type OrdersErrorCode = (typeof OrdersErrorCode)[keyof typeof OrdersErrorCode];

export class OrdersError extends DomainError<OrdersErrorCode> {}

/** `museumIds`: the sellers without a registration; `lines` / `variantIds` the cart lines of theirs, when refusing a cart. */
export function customsRegistrationMissing(museumIds: readonly string[], lines?: { lineIds?: readonly string[]; variantIds: readonly string[] }): OrdersError {
  return new OrdersError(OrdersErrorCode.CUSTOMS_REGISTRATION_MISSING, 'The seller has no China customs registration and cannot sell to shoppers in China', {
    museumIds: [...museumIds],
    ...(lines?.lineIds ? { lines: [...lines.lineIds] } : {}),
    ...(lines ? { variantIds: [...lines.variantIds] } : {}),
  });
}
