import { randomUUID } from 'node:crypto';
import { DomainError, type Actor } from '@vitrine/shared/kernel';
import { createTestDatabase, type TestDatabase } from '@vitrine/shared/testing';
import { ShopperAddressRepository } from '../infrastructure/shopper-address.repository';
import { AddressBookService } from './address-book.service';

/**
 * The address book's rules against PostgreSQL (the repository's SQL, its per-shopper lock and the
 * one-default index): first address the default, one default, the default handed on at delete,
 * bad input and other shoppers' ids writing nothing, the cap, shoppers only.
 */
const shopper = (): Actor => ({ userId: randomUUID(), role: 'SHOPPER', museumIds: [], brandId: null }) as unknown as Actor;
const home = { name: '王芳', phone: '13800138000', province: '北京市', city: '市辖区', district: '朝阳区', street: '建国路 88 号', postalCode: '100022' };

async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
  throw new Error('not refused');
}

describe('AddressBookService (PostgreSQL)', () => {
  let db: TestDatabase;
  let book: AddressBookService;
  beforeAll(async () => {
    db = await createTestDatabase();
    book = new AddressBookService(new ShopperAddressRepository(db.prisma));
  });
  afterAll(() => db.drop());

  const rowsOf = (a: Actor) => db.prisma.shopperAddress.findMany({ where: { userId: a.userId }, orderBy: { createdAt: 'asc' } });
  const defaultsOf = async (a: Actor) => (await rowsOf(a)).filter((r) => r.isDefault).map((r) => r.id);

  it('makes a first address the default, keeps one default when another is made so, and lists it first', async () => {
    const a = shopper();
    const first = await book.save(a, home);
    const second = await book.save(a, { ...home, street: '三里屯路 1 号' });
    expect([first.isDefault, second.isDefault]).toEqual([true, false]);
    await book.setDefault(a, second.id);
    expect((await book.list(a)).map((r) => [r.id, r.isDefault])).toEqual([[second.id, true], [first.id, false]]);
    // isDefault false on the default does not leave the shopper without one.
    await book.save(a, { ...home, id: second.id, isDefault: false });
    expect(await defaultsOf(a)).toEqual([second.id]);
  });

  it('hands the default to the most recently saved address when the default is deleted', async () => {
    const a = shopper();
    const first = await book.save(a, home);
    const second = await book.save(a, { ...home, street: '路 2 号' });
    const third = await book.save(a, { ...home, street: '路 3 号' });
    await book.save(a, { ...home, id: second.id, street: '路 2 号（改）' });
    await book.delete(a, first.id);
    expect(await defaultsOf(a)).toEqual([second.id]);
    await book.delete(a, third.id);
    expect(await defaultsOf(a)).toEqual([second.id]);
  });

  it('refuses bad input, writing nothing', async () => {
    const a = shopper();
    expect(await refusal(book.save(a, { ...home, phone: '123' }))).toBe('VALIDATION_FAILED');
    expect(await refusal(book.save(a, { ...home, id: 'nope' }))).toBe('NOT_FOUND');
    expect(await refusal(book.save(a, { ...home, id: randomUUID() }))).toBe('NOT_FOUND');
    expect(await refusal(book.delete(a, 'nope'))).toBe('NOT_FOUND');
    expect(await rowsOf(a)).toEqual([]);
  });

  it('answers NOT_FOUND for another shopper’s address and changes nothing', async () => {
    const a = shopper();
    const b = shopper();
    const mine = await book.save(a, home);
    const before = await rowsOf(a);
    expect(await refusal(book.save(b, { ...home, id: mine.id, street: 'x' }))).toBe('NOT_FOUND');
    expect(await refusal(book.setDefault(b, mine.id))).toBe('NOT_FOUND');
    expect(await refusal(book.delete(b, mine.id))).toBe('NOT_FOUND');
    expect(await rowsOf(a)).toEqual(before);
    expect(await rowsOf(b)).toEqual([]);
    expect(await book.list(b)).toEqual([]);
  });

  it('keeps 20 at most, and only shoppers keep addresses', async () => {
    const a = shopper();
    for (let i = 0; i < 20; i++) await book.save(a, { ...home, street: `路 ${i} 号` });
    expect(await refusal(book.save(a, home))).toBe('ADDRESS_LIMIT_REACHED');
    expect(await rowsOf(a)).toHaveLength(20);
    expect(await defaultsOf(a)).toHaveLength(1);
    const manager = { ...shopper(), role: 'MUSEUM_MANAGER' } as Actor;
    expect(await refusal(book.list(manager))).toBe('FORBIDDEN');
  });
});
