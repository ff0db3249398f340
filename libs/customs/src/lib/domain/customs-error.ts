import { DomainError } from '@vitrine/shared/kernel';

/** Stable codes of the cross-border rules; `details` names the offending field or line. */
export const CustomsErrorCode = {
  INVALID_RESIDENT_ID: 'INVALID_RESIDENT_ID',
  /** The dutiable value of one order is above the per-order limit; `details.limit`, `details.dutiableValue`, `details.goodsValue`, `details.freight`. */
  ORDER_LIMIT_EXCEEDED: 'ORDER_LIMIT_EXCEEDED',
  /** The identity's calendar-year quota would be exceeded; `details.remaining`. */
  ANNUAL_LIMIT_EXCEEDED: 'ANNUAL_LIMIT_EXCEEDED',
  /** One indivisible item alone in its order whose dutiable value is above the whole yearly limit: it fits nobody's quota. */
  SINGLE_ITEM_OVER_LIMIT: 'SINGLE_ITEM_OVER_LIMIT',
} as const;
export type CustomsErrorCode = (typeof CustomsErrorCode)[keyof typeof CustomsErrorCode];

export class CustomsError extends DomainError<CustomsErrorCode> {}
