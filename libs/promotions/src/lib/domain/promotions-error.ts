import { DomainError } from '@vitrine/shared/kernel';

/** Stable codes of coupons and promotions (extensions.code). Nothing is written when one is raised. */
export const PromotionsErrorCode = {
  /** No live coupon has this code (unknown, archived). */
  COUPON_INVALID: 'COUPON_INVALID',
  /** The coupon's end date has passed, or its start has not come. */
  COUPON_EXPIRED: 'COUPON_EXPIRED',
  COUPON_NOT_STARTED: 'COUPON_NOT_STARTED',
  /** Every use of the coupon (total limit) is taken. */
  COUPON_EXHAUSTED: 'COUPON_EXHAUSTED',
  /** This shopper (account, or resident ID at checkout) has used it as often as allowed. */
  COUPON_LIMIT_REACHED: 'COUPON_LIMIT_REACHED',
  /** No line of the cart is covered (another storefront's coupon, other products). */
  COUPON_NOT_APPLICABLE: 'COUPON_NOT_APPLICABLE',
  /** The covered lines do not reach the coupon's minimum spend. */
  COUPON_MIN_SPEND_NOT_MET: 'COUPON_MIN_SPEND_NOT_MET',
  /** At placeOrder a promotion the cart showed ran out of uses meanwhile: the cart shows the new price. */
  PROMOTION_EXHAUSTED: 'PROMOTION_EXHAUSTED',
  /** A coupon code already used by another promotion. */
  COUPON_CODE_TAKEN: 'COUPON_CODE_TAKEN',
  /** An archived promotion can be read, not changed (nor archived again). */
  PROMOTION_ARCHIVED: 'PROMOTION_ARCHIVED',
} as const;
export type PromotionsErrorCode = (typeof PromotionsErrorCode)[keyof typeof PromotionsErrorCode];

export class PromotionsError extends DomainError<PromotionsErrorCode> {}
