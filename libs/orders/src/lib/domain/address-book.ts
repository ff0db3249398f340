import { z } from 'zod';
import { isUuid, validate, NotFoundError } from '@vitrine/shared/kernel';
import { recipientSchema } from './checkout-input';
import { OrdersError, OrdersErrorCode } from './orders-error';

/** How many delivery addresses a shopper may keep (Tmall keeps 20 too). */
export const MAX_SAVED_ADDRESSES = 20;

/**
 * A saved delivery address as saveAddress takes it: checkout's recipient rules (recipientSchema:
 * name, mainland mobile number, province / city / district, street), the postcode optional
 * (checkout asks for it, the address book may leave it blank), and whether it becomes the default.
 */
export const savedAddressSchema = recipientSchema.extend({
  id: z.string().nullish(),
  postalCode: z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? null : v), recipientSchema.shape.postalCode.nullish()),
  isDefault: z.boolean().nullish(),
});

export interface AddressFields {
  name: string;
  phone: string;
  province: string;
  city: string;
  district: string;
  street: string;
  postalCode: string | null;
}

export interface CheckedAddressInput {
  /** null: a new address. */
  id: string | null;
  fields: AddressFields;
  /** true: it becomes the default; false or absent: the default stays where it is (a first address is the default anyway). */
  makeDefault: boolean;
}

/** saveAddress's input, checked as checkout checks a recipient: VALIDATION_FAILED naming every offending field (`input.phone`, …). */
export function checkAddressInput(input: unknown): CheckedAddressInput {
  const v = validate(savedAddressSchema, input);
  const id = v.id ?? null;
  if (id !== null && !isUuid(id)) throw new NotFoundError('Address');
  return {
    id,
    fields: { name: v.name, phone: v.phone, province: v.province, city: v.city, district: v.district, street: v.street, postalCode: v.postalCode ?? null },
    makeDefault: v.isDefault === true,
  };
}

/** A new address over the cap: ADDRESS_LIMIT_REACHED with the cap (updating one never is). */
export function assertRoomForAnother(saved: number, max = MAX_SAVED_ADDRESSES): void {
  if (saved >= max) throw new OrdersError(OrdersErrorCode.ADDRESS_LIMIT_REACHED, `At most ${max} delivery addresses may be saved: delete one first`, { max });
}

/** Whether a new address becomes the default: asked for, or the shopper's first. */
export function newIsDefault(makeDefault: boolean, saved: number): boolean {
  return makeDefault || saved === 0;
}

