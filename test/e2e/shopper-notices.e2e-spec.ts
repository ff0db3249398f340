import { randomUUID } from 'node:crypto';
import { createMuseum, createProduct, createUser } from '@vitrine/shared/testing';
import { codeOf, startApi, type ApiHarness } from '../support/api-harness';

/**
 * The shopper's notices over real HTTP: keyset pages of myNotices (newest first, `after` the last
 * id seen), the unread count, markNoticesRead on one's own notices only (another shopper's id,
 * an unknown id, a manager: refused with a code and nothing written), readAt kept once set, and
 * the product a back-in-stock notice links to. The rows stand for what returns and drops write
 * (their own suites produce them through the worker).
 */

jest.setTimeout(60_000);

const NOTICES = `query($first: Int, $after: ID, $locale: String) { myNotices(first: $first, after: $after) { id kind message(locale: $locale) orderId returnId dropId variantId productId readAt } }`;
const UNREAD = `{ unreadNoticeCount }`;
const MARK = `mutation($ids: [ID!]!) { markNoticesRead(ids: $ids) { id readAt } }`;

describe('shopper notices: pages, unread count, mark read', () => {
  let api: ApiHarness;
  let alice: string;
  let bob: string;
  let aliceId: string;
  let bobId: string;
  let variantId: string;
  let productId: string;

  beforeAll(async () => {
    api = await startApi();
    const p = api.db.prisma;
    const a = await createUser(p, 'SHOPPER');
    const b = await createUser(p, 'SHOPPER');
    aliceId = a.id;
    bobId = b.id;
    alice = await api.login(a.email);
    bob = await api.login(b.email);
    const museum = await createMuseum(p);
    const product = await createProduct(p, museum.id);
    productId = product.id;
    variantId = (await p.productVariant.findFirstOrThrow({ where: { productId } })).id;
  });
  afterAll(() => api.close());

  it('pages newest first by keyset, counts unread, marks only the shopper’s own notices', async () => {
    const p = api.db.prisma;
    const orderId = randomUUID();
    const returnId = randomUUID();
    const dropId = randomUUID();
    // 5 return steps, a drop opening and a back-in-stock for Alice; 2 for Bob.
    for (let i = 0; i < 5; i++) await p.shopperNotice.create({ data: { userId: aliceId, orderId, returnId, kind: i === 4 ? 'ACCEPTED' : 'REQUESTED', message: '', params: i === 4 ? { arrivalDeadline: '2026-12-20T00:00:00.000Z' } : {} } });
    await p.shopperNotice.create({ data: { userId: aliceId, dropId, variantId, kind: 'DROP_OPEN', message: '', params: { mode: 'QUEUE' } } });
    await p.shopperNotice.create({ data: { userId: aliceId, variantId, kind: 'BACK_IN_STOCK', message: '' } });
    const bobs = [await p.shopperNotice.create({ data: { userId: bobId, kind: 'BACK_IN_STOCK', variantId, message: 'x' } }), await p.shopperNotice.create({ data: { userId: bobId, kind: 'DROP_OPEN', dropId, message: 'y' } })];

    // Keyset pages of 3: 3 + 3 + 1, newest first, no overlap, Bob's never among them.
    const seen: any[] = [];
    let after: string | null = null;
    for (let page = 0; page < 4; page++) {
      const r: any = await api.gql(NOTICES, { first: 3, after, locale: 'zh-CN' }, alice);
      expect(r.errors).toBeUndefined();
      if (r.data.myNotices.length === 0) break;
      seen.push(...r.data.myNotices);
      after = r.data.myNotices[r.data.myNotices.length - 1].id;
    }
    expect(seen).toHaveLength(7);
    const ids = seen.map((n) => BigInt(n.id));
    expect([...ids].sort((x, y) => (x > y ? -1 : 1))).toEqual(ids);
    expect(new Set(seen.map((n) => n.id)).size).toBe(7);
    expect(seen.map((n) => n.kind)).toEqual(['BACK_IN_STOCK', 'DROP_OPEN', 'ACCEPTED', 'REQUESTED', 'REQUESTED', 'REQUESTED', 'REQUESTED']);
    expect(seen[0]).toMatchObject({ variantId, productId, orderId: null, readAt: null });
    expect(seen[1]).toMatchObject({ dropId, productId, readAt: null });
    expect(seen[2]).toMatchObject({ orderId, returnId, productId: null });
    expect(seen[2].message).toMatch(/退货/); // written in Chinese from its kind and parameters
    // Drop and stock notices too, naming the item in Chinese (createProduct's 产品).
    expect(seen.slice(0, 2).map((n) => n.message)).toEqual(['「产品」已补货。', '「产品」限量发售已开始，请排队购买。']);
    expect(seen.some((n) => bobs.some((b) => String(b.id) === n.id))).toBe(false);

    // Bad pages: a cursor that is no notice id, first over 100.
    expect(codeOf(await api.gql(NOTICES, { first: 3, after: 'abc' }, alice))).toBe('VALIDATION_FAILED');
    expect(codeOf(await api.gql(NOTICES, { first: 101 }, alice))).toBe('VALIDATION_FAILED');

    expect(((await api.gql(UNREAD, {}, alice)) as any).data.unreadNoticeCount).toBe(7);
    expect(((await api.gql(UNREAD, {}, bob)) as any).data.unreadNoticeCount).toBe(2);

    // Crossing: Alice names one of Bob's notices among hers → NOT_FOUND, nothing marked.
    const mixed = await api.gql(MARK, { ids: [seen[0].id, String(bobs[0].id)] }, alice);
    expect(codeOf(mixed)).toBe('NOT_FOUND');
    expect(await p.shopperNotice.count({ where: { readAt: { not: null } } })).toBe(0);
    // Unknown ids, a malformed id, no ids, too many: refused, nothing marked.
    expect(codeOf(await api.gql(MARK, { ids: ['999999999'] }, alice))).toBe('NOT_FOUND');
    expect(codeOf(await api.gql(MARK, { ids: ['not-an-id'] }, alice))).toBe('NOT_FOUND');
    expect(codeOf(await api.gql(MARK, { ids: [] }, alice))).toBe('VALIDATION_FAILED');
    expect(codeOf(await api.gql(MARK, { ids: Array.from({ length: 101 }, (_, i) => String(i + 1)) }, alice))).toBe('VALIDATION_FAILED');
    // Not a shopper, not signed in.
    const manager = await api.login((await createUser(p, 'MUSEUM_MANAGER', { museumIds: [] })).email);
    expect(codeOf(await api.gql(MARK, { ids: [seen[0].id] }, manager))).toBe('FORBIDDEN');
    expect(codeOf(await api.gql(MARK, { ids: [seen[0].id] }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await api.gql(UNREAD, {}))).toBe('UNAUTHENTICATED');
    expect(await p.shopperNotice.count({ where: { readAt: { not: null } } })).toBe(0);

    // Alice marks her first page read: 3 stamped, the count drops to 4, Bob's untouched.
    const first3 = seen.slice(0, 3).map((n) => n.id);
    const marked: any = await api.gql(MARK, { ids: [...first3, first3[0]] }, alice);
    expect(marked.errors).toBeUndefined();
    expect(marked.data.markNoticesRead.map((n: any) => n.id)).toEqual(first3);
    expect(marked.data.markNoticesRead.every((n: any) => n.readAt)).toBe(true);
    expect(((await api.gql(UNREAD, {}, alice)) as any).data.unreadNoticeCount).toBe(4);
    expect(((await api.gql(UNREAD, {}, bob)) as any).data.unreadNoticeCount).toBe(2);
    const firstReadAt = marked.data.markNoticesRead[0].readAt;

    // Marking again keeps the time it was first read; marking all leaves none unread.
    await new Promise((r) => setTimeout(r, 20));
    const all: any = await api.gql(MARK, { ids: seen.map((n) => n.id) }, alice);
    expect(all.errors).toBeUndefined();
    expect(all.data.markNoticesRead.find((n: any) => n.id === first3[0]).readAt).toBe(firstReadAt);
    expect(((await api.gql(UNREAD, {}, alice)) as any).data.unreadNoticeCount).toBe(0);
    expect(await p.shopperNotice.count({ where: { userId: bobId, readAt: { not: null } } })).toBe(0);
    const page: any = await api.gql(NOTICES, { first: 1 }, alice);
    expect(page.data.myNotices[0].readAt).toBe(firstReadAt);
  });
});
