import type { CebDocument } from './ceb-messages';
import type { CustomsReturn } from './ceb-receipts';

/** How an exchange with customs ended, for the transmission log. */
export type TransmissionOutcome = 'ACKNOWLEDGED' | 'TIMEOUT' | 'NETWORK_ERROR' | 'UNREADABLE_ANSWER' | `HTTP_${number}`;

/** Customs did not (readably) answer: whether it got the message is unknown, so the same entries are sent again later. */
export class CustomsTransmissionError extends Error {
  constructor(
    readonly outcome: Exclude<TransmissionOutcome, 'ACKNOWLEDGED'>,
    message: string,
  ) {
    super(message);
    this.name = 'CustomsTransmissionError';
  }
}

/**
 * The customs data exchange as the platform sees it. Implementations: HTTP (production,
 * and the loopback server in tests). Messages are already signed.
 */
export interface CustomsGateway {
  /** Sends one signed message; resolves with customs's return for each entry it read. */
  submit(document: CebDocument, signedXml: string): Promise<CustomsReturn[]>;
  /** Clearance receipts issued after `cursor` ('' for the start), oldest first. */
  receipts(cursor: string, limit: number): Promise<{ returns: CustomsReturn[]; cursor: string }>;
}

export const CUSTOMS_GATEWAY = Symbol('CUSTOMS_GATEWAY');
