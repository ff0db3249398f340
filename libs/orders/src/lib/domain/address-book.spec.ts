import { DomainError } from '@vitrine/shared/kernel';
import { MAX_SAVED_ADDRESSES, assertRoomForAnother, checkAddressInput, newIsDefault } from './address-book';
import { placeOrderSchema } from './checkout-input';

const good = { name: ' 王  芳 ', phone: '13800138000', province: '北京市', city: '市辖区', district: '朝阳区', street: '建国路 88 号', postalCode: '100022' };

function refusal(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('not refused');
}

describe('address book rules', () => {
  it('takes an address as checkout takes its recipient (spaces collapsed), the postcode optional', () => {
    expect(checkAddressInput(good)).toEqual({ id: null, makeDefault: false, fields: { ...good, name: '王 芳' } });
    expect(checkAddressInput({ ...good, postalCode: '' }).fields.postalCode).toBeNull();
    expect(checkAddressInput({ ...good, postalCode: null, isDefault: true }).makeDefault).toBe(true);
  });

  it('refuses what checkout refuses, naming each field (VALIDATION_FAILED)', () => {
    const e = refusal(() => checkAddressInput({ ...good, phone: '12345', postalCode: '12ab', district: ' ', street: 'x'.repeat(201) }));
    expect(e.code).toBe('VALIDATION_FAILED');
    expect((e.details['fields'] as { path: string }[]).map((f) => f.path).sort()).toEqual(['input.district', 'input.phone', 'input.postalCode', 'input.street']);
    // The same phone is refused by placeOrder's own schema: one rule, not a copy.
    const checkout = placeOrderSchema.shape.recipient.safeParse({ ...good, phone: '12345' });
    expect(checkout.success).toBe(false);
  });

  it('an id that is no uuid is NOT_FOUND, not a crash', () => {
    expect(refusal(() => checkAddressInput({ ...good, id: 'abc' })).code).toBe('NOT_FOUND');
  });

  it('allows up to the cap and refuses the next one with ADDRESS_LIMIT_REACHED', () => {
    expect(() => assertRoomForAnother(MAX_SAVED_ADDRESSES - 1)).not.toThrow();
    const e = refusal(() => assertRoomForAnother(MAX_SAVED_ADDRESSES));
    expect(e.code).toBe('ADDRESS_LIMIT_REACHED');
    expect(e.details).toEqual({ max: 20 });
  });

  it('a first address is the default; later ones only when asked', () => {
    expect(newIsDefault(false, 0)).toBe(true);
    expect(newIsDefault(false, 3)).toBe(false);
    expect(newIsDefault(true, 3)).toBe(true);
  });
});
