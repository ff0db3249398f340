import { PiiRetentionService } from '@vitrine/customs';
import { createUser } from '@vitrine/shared/testing';
import { codeOf, startApi, type ApiHarness } from '../support/api-harness';

jest.setTimeout(120_000);

const FIELDS = 'id name phone province city district street postalCode isDefault';
const LIST = `query { myAddresses { ${FIELDS} } }`;
const SAVE = `mutation($i: SaveAddressInput!) { saveAddress(input: $i) { ${FIELDS} } }`;
const DEFAULT = `mutation($id: ID!) { setDefaultAddress(id: $id) { ${FIELDS} } }`;
const DELETE = `mutation($id: ID!) { deleteAddress(id: $id) }`;

const home = { name: '王芳', phone: '13800138000', province: '北京市', city: '市辖区', district: '朝阳区', street: '建国路 88 号', postalCode: '100022' };
const office = { name: '王芳', phone: '13900139000', province: '上海市', city: '市辖区', district: '浦东新区', street: '世纪大道 100 号' };

/**
 * The shopper's address book over GraphQL HTTP on a fresh database (issue 17): create, list,
 * update, default switching, delete, the cap of 20, bad input writing nothing, and another
 * shopper's id answered NOT_FOUND with nothing changed, each checked in the table.
 */
describe('address book (myAddresses, saveAddress, setDefaultAddress, deleteAddress)', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api.close());

  const shopper = async () => {
    const user = await createUser(api.db.prisma, 'SHOPPER');
    return { id: user.id, token: await api.login(user.email) };
  };
  const rows = (userId: string) => api.db.prisma.shopperAddress.findMany({ where: { userId }, orderBy: { createdAt: 'asc' } });
  async function save(token: string, input: Record<string, unknown>) {
    const r = await api.gql(SAVE, { i: input }, token);
    expect(r.errors).toBeUndefined();
    return r.data.saveAddress as { id: string; isDefault: boolean; postalCode: string | null };
  }

  it('adds, lists (default first), updates, switches the default and deletes, handing the default over', async () => {
    const a = await shopper();
    expect((await api.gql(LIST, {}, a.token)).data.myAddresses).toEqual([]);

    const first = await save(a.token, home);
    expect(first).toMatchObject({ ...home, isDefault: true }); // a first address is the default
    const second = await save(a.token, { ...office, postalCode: '' });
    expect(second).toMatchObject({ ...office, postalCode: null, isDefault: false });

    let list = (await api.gql(LIST, {}, a.token)).data.myAddresses;
    expect(list.map((x: { id: string }) => x.id)).toEqual([first.id, second.id]);

    // Update: the fields change, the default stays where it was.
    const updated = await save(a.token, { ...office, id: second.id, street: '世纪大道 200 号', postalCode: '200120' });
    expect(updated).toMatchObject({ id: second.id, street: '世纪大道 200 号', postalCode: '200120', isDefault: false });

    // Switching the default: exactly one default, listed first.
    const switched = (await api.gql(DEFAULT, { id: second.id }, a.token)).data.setDefaultAddress;
    expect(switched.isDefault).toBe(true);
    expect((await rows(a.id)).map((r) => [r.id, r.isDefault])).toEqual([[first.id, false], [second.id, true]]);
    list = (await api.gql(LIST, {}, a.token)).data.myAddresses;
    expect(list.map((x: { id: string }) => x.id)).toEqual([second.id, first.id]);

    // A third saved as the default takes it.
    const third = await save(a.token, { ...home, street: '三里屯路 1 号', isDefault: true });
    expect((await rows(a.id)).filter((r) => r.isDefault).map((r) => r.id)).toEqual([third.id]);

    // Deleting the default hands it to the most recently saved one left (second, updated after first).
    expect((await api.gql(DELETE, { id: third.id }, a.token)).data.deleteAddress).toBe(third.id);
    expect((await rows(a.id)).map((r) => [r.id, r.isDefault])).toEqual([[first.id, false], [second.id, true]]);
    // Deleting one that is not the default leaves the default alone.
    await api.gql(DELETE, { id: first.id }, a.token);
    expect((await rows(a.id)).map((r) => [r.id, r.isDefault])).toEqual([[second.id, true]]);
    await api.gql(DELETE, { id: second.id }, a.token);
    expect(await rows(a.id)).toEqual([]);
  });

  it('refuses bad input with VALIDATION_FAILED naming the fields, and writes nothing', async () => {
    const a = await shopper();
    const kept = await save(a.token, home);
    const before = await rows(a.id);

    const bad = await api.gql(SAVE, { i: { ...home, phone: '12345678901', postalCode: '1000' } }, a.token);
    expect(codeOf(bad)).toBe('VALIDATION_FAILED');
    expect(bad.errors![0]!.extensions!['fields'].map((f: { path: string }) => f.path).sort()).toEqual(['input.phone', 'input.postalCode']);
    const blank = await api.gql(SAVE, { i: { ...home, id: kept.id, street: '   ', isDefault: true } }, a.token);
    expect(codeOf(blank)).toBe('VALIDATION_FAILED');
    expect(blank.errors![0]!.extensions!['fields']).toEqual([{ path: 'input.street', message: 'is required' }]);
    expect(await rows(a.id)).toEqual(before);
  });

  it('keeps at most 20: the 21st is ADDRESS_LIMIT_REACHED and not written; updating one still works', async () => {
    const a = await shopper();
    for (let i = 0; i < 20; i++) await save(a.token, { ...home, street: `建国路 ${i} 号` });
    const over = await api.gql(SAVE, { i: { ...home, street: '建国路 99 号' } }, a.token);
    expect(codeOf(over)).toBe('ADDRESS_LIMIT_REACHED');
    expect(over.errors![0]!.extensions!['max']).toBe(20);
    expect(await api.db.prisma.shopperAddress.count({ where: { userId: a.id } })).toBe(20);
    expect(await api.db.prisma.shopperAddress.count({ where: { userId: a.id, street: '建国路 99 号' } })).toBe(0);
    const any = (await rows(a.id))[5]!;
    expect((await save(a.token, { ...home, id: any.id, street: '改过的地址' })).id).toBe(any.id);
  });

  it('parallel saves keep the cap and a single default', async () => {
    const a = await shopper();
    for (let i = 0; i < 17; i++) await save(a.token, { ...home, street: `路 ${i} 号` });
    const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => api.gql(SAVE, { i: { ...home, street: `并发 ${i} 号`, isDefault: true } }, a.token)));
    expect(answers.filter((r) => !r.errors).length).toBe(3);
    expect(answers.filter((r) => codeOf(r) === 'ADDRESS_LIMIT_REACHED').length).toBe(3);
    expect(await api.db.prisma.shopperAddress.count({ where: { userId: a.id } })).toBe(20);
    expect(await api.db.prisma.shopperAddress.count({ where: { userId: a.id, isDefault: true } })).toBe(1);
  });

  it('another shopper’s address is NOT_FOUND to update, delete or make default, and nothing changes; guests and staff are refused', async () => {
    const a = await shopper();
    const b = await shopper();
    const mine = await save(a.token, home);
    await save(b.token, office);
    const before = await rows(a.id);
    const bBefore = await rows(b.id);

    expect(codeOf(await api.gql(SAVE, { i: { ...office, id: mine.id, isDefault: true } }, b.token))).toBe('NOT_FOUND');
    expect(codeOf(await api.gql(DEFAULT, { id: mine.id }, b.token))).toBe('NOT_FOUND');
    expect(codeOf(await api.gql(DELETE, { id: mine.id }, b.token))).toBe('NOT_FOUND');
    expect(codeOf(await api.gql(DELETE, { id: 'not-an-id' }, b.token))).toBe('NOT_FOUND');
    expect(codeOf(await api.gql(SAVE, { i: { ...office, id: 'not-an-id' } }, b.token))).toBe('NOT_FOUND');
    expect(await rows(a.id)).toEqual(before);
    expect(await rows(b.id)).toEqual(bBefore);
    // B lists only B's.
    expect((await api.gql(LIST, {}, b.token)).data.myAddresses.map((x: { id: string }) => x.id)).toEqual(bBefore.map((r) => r.id));

    expect(codeOf(await api.gql(LIST, {}, null))).toBe('UNAUTHENTICATED');
    expect(codeOf(await api.gql(SAVE, { i: home }, null))).toBe('UNAUTHENTICATED');
    const manager = await createUser(api.db.prisma, 'MUSEUM_MANAGER');
    expect(codeOf(await api.gql(LIST, {}, await api.login(manager.email)))).toBe('FORBIDDEN');
    expect(await rows(a.id)).toEqual(before);
  });

  it('a closed account’s addresses are erased when the retention job carries out its deletion request; others’ stay', async () => {
    const a = await shopper();
    const b = await shopper();
    await save(a.token, home);
    await save(a.token, office);
    await save(b.token, home);
    const del = await api.gql(`mutation { requestAccountDeletion { id } }`, {}, a.token);
    expect(del.errors).toBeUndefined();
    // The job's step, as the worker runs it (PII_RETENTION_EVERY_MS): the request is carried out, the addresses go with it.
    await api.app.get(PiiRetentionService, { strict: false }).processDeletionRequests();
    expect(await rows(a.id)).toEqual([]);
    expect((await rows(b.id)).length).toBe(1);
    expect((await api.db.prisma.piiDeletionRequest.findUniqueOrThrow({ where: { id: del.data.requestAccountDeletion.id } })).completedAt).not.toBeNull();
  });
});
