import { Injectable } from '@nestjs/common';
import { ForbiddenError, NotFoundError, isUuid, type Actor } from '@vitrine/shared/kernel';
import { assertRoomForAnother, checkAddressInput, newIsDefault } from '../domain/address-book';
import { ShopperAddressRepository, type SavedAddressRow } from '../infrastructure/shopper-address.repository';

/**
 * A signed-in shopper's saved delivery addresses (issue 17): checkout prefills the default and
 * offers the others. The rules: checkout's recipient checks (domain/address-book.ts), at most
 * MAX_SAVED_ADDRESSES, exactly one default while any is saved (a first address is the default,
 * deleting the default hands it to the most recently saved). Each change runs under the shopper's
 * lock, so the cap and the single default hold under concurrent requests. Another shopper's
 * address, or an id that is no address, is NOT_FOUND and nothing changes.
 */
@Injectable()
export class AddressBookService {
  constructor(private readonly repo: ShopperAddressRepository) {}

  /** The shopper's addresses, the default first, then the most recently saved. */
  async list(actor: Actor): Promise<SavedAddressRow[]> {
    return this.repo.listOf(shopperOf(actor));
  }

  /** Creates (no id) or updates (id) an address. Input checked before anything is read or written. */
  async save(actor: Actor, input: unknown): Promise<SavedAddressRow> {
    const userId = shopperOf(actor);
    const { id, fields, makeDefault } = checkAddressInput(input);
    return this.repo.locked(userId, async (tx) => {
      if (id === null) {
        const saved = await this.repo.count(tx, userId);
        assertRoomForAnother(saved);
        const isDefault = newIsDefault(makeDefault, saved);
        if (isDefault) await this.repo.clearDefault(tx, userId, null);
        return this.repo.create(tx, userId, fields, isDefault);
      }
      if (!(await this.repo.find(tx, userId, id))) throw new NotFoundError('Address');
      if (makeDefault) await this.repo.clearDefault(tx, userId, id);
      return this.repo.update(tx, userId, id, { ...fields, ...(makeDefault ? { isDefault: true } : {}) });
    });
  }

  /** Makes this address the default (the previous default no longer is). */
  async setDefault(actor: Actor, id: string): Promise<SavedAddressRow> {
    const userId = shopperOf(actor);
    if (!isUuid(id)) throw new NotFoundError('Address');
    return this.repo.locked(userId, async (tx) => {
      const row = await this.repo.find(tx, userId, id);
      if (!row) throw new NotFoundError('Address');
      if (row.isDefault) return row;
      await this.repo.clearDefault(tx, userId, id);
      return this.repo.update(tx, userId, id, { isDefault: true });
    });
  }

  /** Deletes an address; when it was the default, the most recently saved one left becomes the default. Returns the id. */
  async delete(actor: Actor, id: string): Promise<string> {
    const userId = shopperOf(actor);
    if (!isUuid(id)) throw new NotFoundError('Address');
    return this.repo.locked(userId, async (tx) => {
      const row = await this.repo.find(tx, userId, id);
      if (!row) throw new NotFoundError('Address');
      await this.repo.delete(tx, userId, id);
      if (row.isDefault) {
        const next = await this.repo.latest(tx, userId);
        if (next) await this.repo.update(tx, userId, next.id, { isDefault: true });
      }
      return id;
    });
  }
}

function shopperOf(actor: Actor): string {
  if (actor.role !== 'SHOPPER') throw new ForbiddenError('Only shoppers keep delivery addresses');
  return actor.userId;
}
