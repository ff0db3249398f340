import { Injectable } from '@nestjs/common';
import { PrismaService, type Tx } from '@vitrine/shared/data-access';
import type { AddressFields } from '../domain/address-book';

/** A saved delivery address as the address book reads it. */
export interface SavedAddressRow extends AddressFields {
  id: string;
  isDefault: boolean;
  createdAt: Date;
  updatedAt: Date;
}

const select = {
  id: true,
  name: true,
  phone: true,
  province: true,
  city: true,
  district: true,
  street: true,
  postalCode: true,
  isDefault: true,
  createdAt: true,
  updatedAt: true,
} as const;

/** The shoppers' saved delivery addresses (orders' shopper_addresses). Every read and write is scoped to the shopper. */
@Injectable()
export class ShopperAddressRepository {
  constructor(private readonly prisma: PrismaService) {}

  listOf(userId: string): Promise<SavedAddressRow[]> {
    return this.prisma.shopperAddress.findMany({ where: { userId }, select, orderBy: [{ isDefault: 'desc' }, { updatedAt: 'desc' }, { id: 'asc' }] });
  }

  /**
   * Runs `work` in a transaction holding this shopper's address-book lock (a transaction-scoped
   * advisory lock on the user id), so two saves cannot both pass the cap or both take the default.
   */
  locked<T>(userId: string, work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.prisma.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`shopper-addresses:${userId}`}, 0))`;
      return work(tx);
    });
  }

  count(tx: Tx, userId: string): Promise<number> {
    return tx.shopperAddress.count({ where: { userId } });
  }

  find(tx: Tx, userId: string, id: string): Promise<SavedAddressRow | null> {
    return tx.shopperAddress.findFirst({ where: { id, userId }, select });
  }

  /** Takes the default flag off the shopper's other addresses. */
  async clearDefault(tx: Tx, userId: string, exceptId: string | null): Promise<void> {
    await tx.shopperAddress.updateMany({ where: { userId, isDefault: true, ...(exceptId ? { id: { not: exceptId } } : {}) }, data: { isDefault: false } });
  }

  create(tx: Tx, userId: string, fields: AddressFields, isDefault: boolean): Promise<SavedAddressRow> {
    return tx.shopperAddress.create({ data: { userId, ...fields, isDefault }, select });
  }

  update(tx: Tx, userId: string, id: string, data: Partial<AddressFields> & { isDefault?: boolean }): Promise<SavedAddressRow> {
    return tx.shopperAddress.update({ where: { id, userId }, data, select });
  }

  async delete(tx: Tx, userId: string, id: string): Promise<void> {
    await tx.shopperAddress.deleteMany({ where: { id, userId } });
  }

  /** The shopper's most recently saved address, if any (the next default when the default is deleted). */
  latest(tx: Tx, userId: string): Promise<{ id: string } | null> {
    return tx.shopperAddress.findFirst({ where: { userId }, orderBy: [{ updatedAt: 'desc' }, { id: 'asc' }], select: { id: true } });
  }
}
