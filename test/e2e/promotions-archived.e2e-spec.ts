import { createUser } from '@vitrine/shared/testing';
import { codeOf, startApi, type ApiHarness } from '../support/api-harness';
import { seedShop, type Shop } from '../support/checkout-fixtures';

jest.setTimeout(120_000);

const FIELDS = `id name code status tiers { minMinor offMinor }`;
const CREATE = `mutation($i: PromotionInput!) { createPromotion(input: $i) { ${FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $i: PromotionInput!) { updatePromotion(id: $id, input: $i) { ${FIELDS} } }`;
const ARCHIVE = `mutation($id: ID!) { archivePromotion(id: $id) { ${FIELDS} } }`;
const GET = `query($id: ID!) { promotion(id: $id) { ${FIELDS} } }`;
const LIST = `query($m: ID, $all: Boolean, $only: Boolean) { promotions(museumId: $m, includeArchived: $all, archivedOnly: $only) { id status } }`;

const DAY = 86_400_000;
const terms = (name: string) => ({
  kind: 'THRESHOLD',
  name,
  tiers: [{ minMinor: 30_000, offMinor: 3_000 }],
  every: true,
  startsAt: new Date(Date.now() - DAY).toISOString(),
  endsAt: new Date(Date.now() + 30 * DAY).toISOString(),
});

/**
 * Archived promotions (issue 22): the console lists them on their own (archivedOnly), they stay
 * readable, and neither updatePromotion nor a second archive changes them (PROMOTION_ARCHIVED,
 * nothing written). Another museum's manager sees none of them.
 */
describe('archived promotions: listed, readable, not editable', () => {
  let api: ApiHarness;
  let a: Shop;
  let b: Shop;
  let managerA: string;
  let managerB: string;
  let current: string;
  let archived: string;

  beforeAll(async () => {
    api = await startApi();
    a = await seedShop(api.db.prisma, { prices: [2_000], stock: 5 });
    b = await seedShop(api.db.prisma, { prices: [2_000], stock: 5 });
    managerA = await api.login((await createUser(api.db.prisma, 'MUSEUM_MANAGER', { museumIds: [a.museumId] })).email);
    managerB = await api.login((await createUser(api.db.prisma, 'MUSEUM_MANAGER', { museumIds: [b.museumId] })).email);
    const make = async (name: string) => {
      const r = await api.gql(CREATE, { i: { museumId: a.museumId, ...terms(name) } }, managerA);
      expect(r.errors).toBeUndefined();
      return r.data.createPromotion.id as string;
    };
    current = await make('满300减30');
    archived = await make('Old 满300减30');
    const r = await api.gql(ARCHIVE, { id: archived }, managerA);
    expect(r.data.archivePromotion).toMatchObject({ id: archived, status: 'ARCHIVED' });
  });
  afterAll(() => api.close());

  it('lists current ones by default, archived ones with archivedOnly, both with includeArchived', async () => {
    const ids = async (vars: Record<string, unknown>) => ((await api.gql(LIST, { m: a.museumId, ...vars }, managerA)).data.promotions as { id: string }[]).map((p) => p.id).sort();
    expect(await ids({})).toEqual([current]);
    expect(await ids({ only: true })).toEqual([archived]);
    expect(await ids({ all: true })).toEqual([current, archived].sort());
    const got = await api.gql(GET, { id: archived }, managerA);
    expect(got.data.promotion).toMatchObject({ name: 'Old 满300减30', status: 'ARCHIVED', tiers: [{ minMinor: 30_000, offMinor: 3_000 }] });
  });

  it('refuses to change or re-archive an archived promotion (PROMOTION_ARCHIVED) and writes nothing', async () => {
    const before = await api.db.prisma.promotion.findUniqueOrThrow({ where: { id: archived } });
    const edit = await api.gql(UPDATE, { id: archived, i: { ...terms('Renamed'), tiers: [{ minMinor: 10_000, offMinor: 5_000 }] } }, managerA);
    expect(codeOf(edit)).toBe('PROMOTION_ARCHIVED');
    expect(codeOf(await api.gql(ARCHIVE, { id: archived }, managerA))).toBe('PROMOTION_ARCHIVED');
    const after = await api.db.prisma.promotion.findUniqueOrThrow({ where: { id: archived } });
    expect(after).toEqual(before);
    // A current one is still edited as before.
    const ok = await api.gql(UPDATE, { id: current, i: terms('满300减30 (edited)') }, managerA);
    expect(ok.data.updatePromotion).toMatchObject({ name: '满300减30 (edited)', status: 'ACTIVE' });
  });

  it('keeps another museum’s manager out: NOT_FOUND for the museum and the promotion, and their own archived list empty', async () => {
    expect(codeOf(await api.gql(LIST, { m: a.museumId, only: true }, managerB))).toBe('NOT_FOUND');
    expect(codeOf(await api.gql(GET, { id: archived }, managerB))).toBe('NOT_FOUND');
    expect(codeOf(await api.gql(UPDATE, { id: archived, i: terms('x') }, managerB))).toBe('NOT_FOUND');
    expect((await api.gql(LIST, { only: true }, managerB)).data.promotions).toEqual([]);
  });
});
