import { DomainError } from '@vitrine/shared/kernel';

export const CatalogErrorCode = {
  /** Publishing for China refused; `details.reasons` lists every problem. */
  NOT_LISTABLE_FOR_CHINA: 'NOT_LISTABLE_FOR_CHINA',
  /** No EUR→CNY rate has been set yet, so no shopper price can be shown. */
  FX_RATE_UNAVAILABLE: 'FX_RATE_UNAVAILABLE',
} as const;
export type CatalogErrorCode = (typeof CatalogErrorCode)[keyof typeof CatalogErrorCode];

export class CatalogError extends DomainError<CatalogErrorCode> {}
