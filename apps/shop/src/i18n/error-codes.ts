/**
 * Every `extensions.code` the API answers (libs/<context>/src/lib/domain/*-error.ts, the
 * GraphQL layer's own codes in libs/shared/graphql and apps/api). Each dictionary maps every
 * one of them to a message, so a shopper never reads an English code or message;
 * error-codes.spec.ts checks this list against the libs.
 */
export const API_ERROR_CODES = [
  // common (libs/shared/kernel)
  'NOT_FOUND',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'VALIDATION_FAILED',
  'CONFLICT',
  // GraphQL layer and protection
  'BAD_USER_INPUT',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'QUERY_TOO_COMPLEX',
  'THROTTLED',
  'SERVICE_UNAVAILABLE',
  'INTERNAL_SERVER_ERROR',
  // identity
  'INVALID_CREDENTIALS',
  'INVALID_REFRESH_TOKEN',
  'EMAIL_TAKEN',
  // catalog
  'NOT_LISTABLE_FOR_CHINA',
  'FX_RATE_UNAVAILABLE',
  // inventory
  'OUT_OF_STOCK',
  'STOCK_BELOW_RESERVED',
  // orders
  'CONSENT_REQUIRED',
  'PAYER_MISMATCH',
  'CUSTOMS_REGISTRATION_MISSING',
  'CART_EMPTY',
  'CART_CLOSED',
  'IDEMPOTENCY_KEY_REUSED',
  'INVALID_TRANSITION',
  'ORDER_HELD_BY_CUSTOMS',
  'ORDER_NOT_READY_TO_SHIP',
  'PAYMENT_NOT_YET_KNOWN',
  'PAYMENT_IN_PROGRESS',
  // promotions (libs/promotions)
  'COUPON_INVALID',
  'COUPON_EXPIRED',
  'COUPON_NOT_STARTED',
  'COUPON_EXHAUSTED',
  'COUPON_LIMIT_REACHED',
  'COUPON_NOT_APPLICABLE',
  'COUPON_MIN_SPEND_NOT_MET',
  'PROMOTION_EXHAUSTED',
  'COUPON_CODE_TAKEN',
  // drops (libs/orders/src/lib/drops)
  'DROP_IDENTITY_ALREADY_ENTERED',
  'DROP_ALREADY_ENTERED',
  'DROP_NOT_ACCEPTING_ENTRIES',
  'DROP_NOT_ADMITTED',
  'DROP_IDENTITY_MISMATCH',
  'DROP_IDENTITY_LIMIT_EXCEEDED',
  'DROP_SOLD_OUT',
  'DROP_ENTRY_NOT_VOIDABLE',
  'DROP_VARIANT_BUSY',
  'DROP_ALREADY_STARTED',
  'DROP_ALREADY_ENDED',
  'DROP_EDITION_OVER_STOCK',
  // orders: returns
  'RETURN_WINDOW_CLOSED',
  'ALREADY_RETURNED',
  'ORDER_NOT_RETURNABLE',
  'INVALID_RETURN_STATE',
  'RETURN_NOT_RECEIVED',
  'TOO_MANY_RETURN_PHOTOS',
  'RETURN_PHOTO_TOO_LARGE',
  'RETURN_PHOTO_TYPE_NOT_ALLOWED',
  // payments
  'WEBHOOK_SIGNATURE_INVALID',
  'PAYMENT_PROVIDER_UNAVAILABLE',
  'REFUND_NOT_POSSIBLE',
  'DISPUTE_CLOSED',
  'DISPUTE_EVIDENCE_PAST_DUE',
  'DISPUTE_EVIDENCE_SUBMITTED',
  // customs
  'INVALID_RESIDENT_ID',
  'ORDER_LIMIT_EXCEEDED',
  'ANNUAL_LIMIT_EXCEEDED',
  'SINGLE_ITEM_OVER_LIMIT',
  // live sessions
  'PRODUCT_NOT_IN_MUSEUM',
  'PRODUCT_NOT_IN_BAG',
  'FLASH_PRICE_NOT_BELOW_PRICE',
  'SESSION_NOT_LIVE',
  'SESSION_ENDED',
  'SESSION_ALREADY_STARTED',
  'SESSION_CANCELLED',
  // licensing
  'ILLEGAL_TRANSITION',
  'LISTING_NOT_ALLOWED',
  'STALE_REVISION',
  'AGREEMENT_TERMS_LOCKED',
  // settlement
  'UNBALANCED_ENTRY',
  'INVALID_COMMISSION_RATE',
] as const;

export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export function isApiErrorCode(code: unknown): code is ApiErrorCode {
  return typeof code === 'string' && (API_ERROR_CODES as readonly string[]).includes(code);
}
