import { randomUUID } from 'node:crypto';
import { DomainError, type Actor } from '@vitrine/shared/kernel';
import type { Tx } from '@vitrine/shared/data-access';
import type { AddressFields } from '../domain/address-book';
import type { SavedAddressRow, ShopperAddressRepository } from '../infrastructure/shopper-address.repository';
import { AddressBookService } from './address-book.service';

/** The repository's contract in memory (rows per shopper), counting the transactions opened. */
class MemoryAddresses {
  rows: (SavedAddressRow & { userId: string })[] = [];
  transactions = 0;
  private clock = 0;
  private readonly tx = {} as Tx;
  private tick = () => new Date(1_700_000_000_000 + ++this.clock * 1000);
  private mine = (userId: string) => this.rows.filter((r) => r.userId === userId);
  private strip = ({ userId: _u, ...r }: SavedAddressRow & { userId: string }): SavedAddressRow => ({ ...r });
  listOf = async (userId: string) =>
    this.mine(userId)
      .sort((a, b) => Number(b.isDefault) - Number(a.isDefault) || b.updatedAt.getTime() - a.updatedAt.getTime())
      .map(this.strip);
  locked = async <T>(_userId: string, work: (tx: Tx) => Promise<T>) => {
    this.transactions += 1;
    return work(this.tx);
  };
  count = async (_tx: Tx, userId: string) => this.mine(userId).length;
  find = async (_tx: Tx, userId: string, id: string) => {
    const r = this.mine(userId).find((x) => x.id === id);
    return r ? this.strip(r) : null;
  };
  clearDefault = async (_tx: Tx, userId: string, exceptId: string | null) => {
    for (const r of this.mine(userId)) if (r.id !== exceptId) r.isDefault = false;
  };
  create = async (_tx: Tx, userId: string, fields: AddressFields, isDefault: boolean) => {
    const at = this.tick();
    const row = { id: randomUUID(), userId, ...fields, isDefault, createdAt: at, updatedAt: at };
    this.rows.push(row);
    return this.strip(row);
  };
  update = async (_tx: Tx, userId: string, id: string, data: Partial<AddressFields> & { isDefault?: boolean }) => {
    const row = this.mine(userId).find((r) => r.id === id)!;
    Object.assign(row, data, { updatedAt: this.tick() });
    return this.strip(row);
  };
  delete = async (_tx: Tx, userId: string, id: string) => {
    this.rows = this.rows.filter((r) => !(r.userId === userId && r.id === id));
  };
  latest = async (_tx: Tx, userId: string) => {
    const [r] = this.mine(userId).sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime());
    return r ? { id: r.id } : null;
  };
}

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

describe('AddressBookService', () => {
  let repo: MemoryAddresses;
  let book: AddressBookService;
  beforeEach(() => {
    repo = new MemoryAddresses();
    book = new AddressBookService(repo as unknown as ShopperAddressRepository);
  });

  it('makes a first address the default, keeps one default when another is made so, and lists it first', async () => {
    const a = shopper();
    const first = await book.save(a, home);
    const second = await book.save(a, { ...home, street: '三里屯路 1 号' });
    expect([first.isDefault, second.isDefault]).toEqual([true, false]);
    await book.setDefault(a, second.id);
    expect((await book.list(a)).map((r) => [r.id, r.isDefault])).toEqual([[second.id, true], [first.id, false]]);
    // isDefault false on the default does not leave the shopper without one.
    await book.save(a, { ...home, id: second.id, isDefault: false });
    expect(repo.rows.filter((r) => r.isDefault).map((r) => r.id)).toEqual([second.id]);
  });

  it('hands the default to the most recently saved address when the default is deleted', async () => {
    const a = shopper();
    const first = await book.save(a, home);
    const second = await book.save(a, { ...home, street: '路 2 号' });
    const third = await book.save(a, { ...home, street: '路 3 号' });
    await book.save(a, { ...home, id: second.id, street: '路 2 号（改）' });
    await book.delete(a, first.id);
    expect(repo.rows.filter((r) => r.isDefault).map((r) => r.id)).toEqual([second.id]);
    await book.delete(a, third.id);
    expect(repo.rows.filter((r) => r.isDefault).map((r) => r.id)).toEqual([second.id]);
  });

  it('refuses bad input before opening a transaction', async () => {
    const a = shopper();
    expect(await refusal(book.save(a, { ...home, phone: '123' }))).toBe('VALIDATION_FAILED');
    expect(await refusal(book.save(a, { ...home, id: 'nope' }))).toBe('NOT_FOUND');
    expect(await refusal(book.delete(a, 'nope'))).toBe('NOT_FOUND');
    expect(repo.transactions).toBe(0);
    expect(repo.rows).toEqual([]);
  });

  it('answers NOT_FOUND for another shopper’s address and changes nothing', async () => {
    const a = shopper();
    const b = shopper();
    const mine = await book.save(a, home);
    const before = structuredClone(repo.rows);
    expect(await refusal(book.save(b, { ...home, id: mine.id, street: 'x' }))).toBe('NOT_FOUND');
    expect(await refusal(book.setDefault(b, mine.id))).toBe('NOT_FOUND');
    expect(await refusal(book.delete(b, mine.id))).toBe('NOT_FOUND');
    expect(repo.rows).toEqual(before);
    expect(await book.list(b)).toEqual([]);
  });

  it('keeps 20 at most, and only shoppers keep addresses', async () => {
    const a = shopper();
    for (let i = 0; i < 20; i++) await book.save(a, { ...home, street: `路 ${i} 号` });
    expect(await refusal(book.save(a, home))).toBe('ADDRESS_LIMIT_REACHED');
    expect(repo.rows.length).toBe(20);
    const manager = { ...shopper(), role: 'MUSEUM_MANAGER' } as Actor;
    expect(await refusal(book.list(manager))).toBe('FORBIDDEN');
  });
});
