import { Injectable } from '@nestjs/common';
import { IdentityRecordsService } from '@vitrine/customs';
import { DomainError, type Actor } from '@vitrine/shared/kernel';
import { SavedOrdererRepository } from '../infrastructure/saved-orderer.repository';

/** Checkout's orderer or payer as the shop may send it: a typed ID number, or one of the shopper's saved identities. */
export interface RealNameChoice {
  name: string;
  residentId?: string | null;
  savedIdentityId?: string | null;
}

export const SAVED_IDENTITY_PURPOSE = 'CHECKOUT_SAVED_IDENTITY';

/**
 * Checkout with a saved orderer identity: the shopper picks one of the identities they ordered
 * with (shown masked), and the API opens its stored number for this checkout only, so the full
 * number never goes back to the browser. Only a signed-in shopper who ordered with the identity
 * may use it; the decryption is audited like customs' (pii_access_audit).
 */
@Injectable()
export class SavedOrdererService {
  constructor(
    private readonly saved: SavedOrdererRepository,
    private readonly identities: IdentityRecordsService,
  ) {}

  /** The name this shopper last ordered under with this identity (OrdererIdentity.ordererName); null for anyone else. */
  async nameOf(actor: Actor | null, identityId: string): Promise<string | null> {
    if (actor?.role !== 'SHOPPER') return null;
    return this.saved.latestName(actor.userId, identityId);
  }

  /**
   * placeOrder's input with each saved identity replaced by its number (a typed number is left as
   * it is; both given is VALIDATION_FAILED). NOT_FOUND at the field for an identity the caller never
   * ordered with, a guest, or a number destroyed (retention or the shopper's request): nothing is
   * written and the shopper types the number.
   */
  async fill<T extends { orderer: RealNameChoice; payer: RealNameChoice }>(actor: Actor | null, input: T): Promise<T> {
    const opened = new Map<string, string>();
    const open = async (who: 'orderer' | 'payer', person: RealNameChoice): Promise<RealNameChoice> => {
      const id = person.savedIdentityId;
      if (!id) return person;
      const field = `input.${who}.savedIdentityId`;
      if (person.residentId) throw new DomainError('VALIDATION_FAILED', 'Give the ID number or a saved identity, not both', { fields: [{ path: field, message: 'not with residentId' }] });
      if (!opened.has(id)) {
        const own = actor?.role === 'SHOPPER' ? await this.saved.latestName(actor.userId, id) : null;
        if (own === null) throw notFound(field);
        try {
          opened.set(id, await this.identities.reveal(id, { actor: `user:${actor!.userId}`, purpose: SAVED_IDENTITY_PURPOSE }));
        } catch (error) {
          if (error instanceof DomainError && error.code === 'NOT_FOUND') throw notFound(field);
          throw error;
        }
      }
      return { name: person.name, residentId: opened.get(id)! };
    };
    const orderer = await open('orderer', input.orderer);
    const payer = await open('payer', input.payer);
    return { ...input, orderer, payer };
  }
}

function notFound(field: string): DomainError {
  return new DomainError('NOT_FOUND', 'This saved orderer identity is not yours, or its number is no longer stored', { field });
}
