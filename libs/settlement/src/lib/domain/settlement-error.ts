import { DomainError } from '@vitrine/shared/kernel';

export const SettlementErrorCode = {
  /** A journal entry whose lines do not sum to zero in every currency (a bug: nothing is written). */
  UNBALANCED_ENTRY: 'UNBALANCED_ENTRY',
  /** A commission rate below 0 or above 100 % (10 000 basis points), or not a whole number of basis points. */
  INVALID_COMMISSION_RATE: 'INVALID_COMMISSION_RATE',
  /** A tax remittance in a currency no tax was ever collected in (ADR 0031). */
  CURRENCY_MISMATCH: 'CURRENCY_MISMATCH',
  /** A tax remittance of more than the tax owed to customs in its currency (ADR 0031). */
  REMITTANCE_EXCEEDS_OWED: 'REMITTANCE_EXCEEDS_OWED',
} as const;
export type SettlementErrorCode = (typeof SettlementErrorCode)[keyof typeof SettlementErrorCode];

export class SettlementError extends DomainError<SettlementErrorCode> {}
