import { DomainError } from '@vitrine/shared/kernel';

/** Drop codes: entries, turns and the drop's checkout gate. */
export const DropsErrorCode = {
  /** This resident ID already has an entry in the drop (from this or another account). */
  DROP_IDENTITY_ALREADY_ENTERED: 'DROP_IDENTITY_ALREADY_ENTERED',
  /** This account already has an entry in the drop. */
  DROP_ALREADY_ENTERED: 'DROP_ALREADY_ENTERED',
  /** Entries are not taken now (a draw outside its registration window, an ended drop). */
  DROP_NOT_ACCEPTING_ENTRIES: 'DROP_NOT_ACCEPTING_ENTRIES',
  /** Checkout of the drop's variant without an open turn (not admitted / not drawn yet, turn over or used). */
  DROP_NOT_ADMITTED: 'DROP_NOT_ADMITTED',
  /** The checkout's resident ID is not the one the entry was made with. */
  DROP_IDENTITY_MISMATCH: 'DROP_IDENTITY_MISMATCH',
  /** More units than the per-identity limit. */
  DROP_IDENTITY_LIMIT_EXCEEDED: 'DROP_IDENTITY_LIMIT_EXCEEDED',
  /** The edition is sold (or held by open checkouts). */
  DROP_SOLD_OUT: 'DROP_SOLD_OUT',
  /** Voiding an entry that already checked out, paid or ended. */
  DROP_ENTRY_NOT_VOIDABLE: 'DROP_ENTRY_NOT_VOIDABLE',
  /** The variant already has a drop that has not ended. */
  DROP_VARIANT_BUSY: 'DROP_VARIANT_BUSY',
  /** Changing a drop whose start (a draw: its registration) has come. */
  DROP_ALREADY_STARTED: 'DROP_ALREADY_STARTED',
  /** Changing or cancelling a drop that has ended or was cancelled. */
  DROP_ALREADY_ENDED: 'DROP_ALREADY_ENDED',
  /** An edition larger than the variant's units for sale. */
  DROP_EDITION_OVER_STOCK: 'DROP_EDITION_OVER_STOCK',
} as const;
export type DropsErrorCode = (typeof DropsErrorCode)[keyof typeof DropsErrorCode];

export class DropsError extends DomainError<DropsErrorCode> {}
