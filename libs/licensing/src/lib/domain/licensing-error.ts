import { DomainError } from '@vitrine/shared/kernel';

export const LicensingErrorCode = {
  /** The proposal's state does not allow this move (e.g. approving a draft). */
  ILLEGAL_TRANSITION: 'ILLEGAL_TRANSITION',
  /** Publishing refused: outside the agreement (territory, channel, term) or awaiting approval. */
  LISTING_NOT_ALLOWED: 'LISTING_NOT_ALLOWED',
  /** The revision the caller edited is no longer the latest. */
  STALE_REVISION: 'STALE_REVISION',
  /** After final approval only the item's text and images may change. */
  AGREEMENT_TERMS_LOCKED: 'AGREEMENT_TERMS_LOCKED',
} as const;
export type LicensingErrorCode = (typeof LicensingErrorCode)[keyof typeof LicensingErrorCode];

export class LicensingError extends DomainError<LicensingErrorCode> {}
