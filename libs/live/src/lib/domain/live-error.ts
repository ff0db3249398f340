import { DomainError } from '@vitrine/shared/kernel';

/** Live sessions' codes (besides NOT_FOUND, FORBIDDEN and VALIDATION_FAILED). */
export const LiveErrorCode = {
  /** A bag product that is unknown or belongs to another museum (the two are not told apart). */
  PRODUCT_NOT_IN_MUSEUM: 'PRODUCT_NOT_IN_MUSEUM',
  /** Pinning, pricing or buying from the live page a product that is not in the session's bag. */
  PRODUCT_NOT_IN_BAG: 'PRODUCT_NOT_IN_BAG',
  /** A flash price not below every variant's current price. */
  FLASH_PRICE_NOT_BELOW_PRICE: 'FLASH_PRICE_NOT_BELOW_PRICE',
  /** A flash price outside the session's time (only while it is live). */
  SESSION_NOT_LIVE: 'SESSION_NOT_LIVE',
  /** The session is over: nothing more is pinned, announced or bought from it. */
  SESSION_ENDED: 'SESSION_ENDED',
  /** Editing or cancelling a session that has started (only a scheduled one can be). */
  SESSION_ALREADY_STARTED: 'SESSION_ALREADY_STARTED',
  /** The session was cancelled: nothing more is changed, pinned or bought from it. */
  SESSION_CANCELLED: 'SESSION_CANCELLED',
  /** A stream URL that is not https and not an allowed embed player (`problem` says why). */
  STREAM_URL_NOT_ALLOWED: 'STREAM_URL_NOT_ALLOWED',
} as const;
export type LiveErrorCode = (typeof LiveErrorCode)[keyof typeof LiveErrorCode];

export class LiveError extends DomainError<LiveErrorCode> {}
