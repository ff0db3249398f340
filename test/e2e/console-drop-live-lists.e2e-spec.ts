import { createUser } from '@vitrine/shared/testing';
import { codeOf, startApi, type ApiHarness, type GqlResult } from '../support/api-harness';
import { seedShop, type Shop } from '../support/checkout-fixtures';

jest.setTimeout(120_000);

const DROPS = `query($m: ID, $f: DropFilterInput, $first: Int, $after: String) {
  museumDrops(museumId: $m, filter: $f, first: $first, after: $after) { nodes { id museumId status mode startsAt } pageInfo { endCursor hasNextPage } totalCount } }`;
const SESSIONS = `query($m: ID, $f: LiveSessionFilterInput, $first: Int, $after: String) {
  managedLiveSessions(museumId: $m, filter: $f, first: $first, after: $after) { nodes { id museumId phase startsAt } pageInfo { endCursor hasNextPage } totalCount } }`;

const DAY = 86_400_000;

/**
 * The console's drop and live-session lists: filters and cursor pages answered by the API
 * (the console used to fetch 100 and filter in the browser), and one museum's manager never
 * reaches another's rows, by museumId, by a filter or by a cursor.
 */
describe('museumDrops and managedLiveSessions: server-side filters, cursor pages, tenancy', () => {
  let api: ApiHarness;
  let a: Shop;
  let b: Shop;
  let managerA: string;
  let managerB: string;
  let operator: string;
  const base = Date.UTC(2031, 0, 10, 12);
  const dropsA: { id: string; startsAt: Date; status: string; mode: string }[] = [];
  const dropsB: string[] = [];
  const sessionsA: { id: string; startsAt: Date; phase: string }[] = [];
  const sessionsB: string[] = [];

  beforeAll(async () => {
    api = await startApi();
    const p = api.db.prisma;
    a = await seedShop(p, { prices: [1_000, 1_100, 1_200, 1_300, 1_400, 1_500, 1_600], stock: 50 });
    b = await seedShop(p, { prices: [2_000, 2_100], stock: 50 });
    const ma = await createUser(p, 'MUSEUM_MANAGER', { museumIds: [a.museumId] });
    const mb = await createUser(p, 'MUSEUM_MANAGER', { museumIds: [b.museumId] });
    const op = await createUser(p, 'PLATFORM_ADMIN');
    [managerA, managerB, operator] = await Promise.all([api.login(ma.email), api.login(mb.email), api.login(op.email)]);

    // Seven drops of A a day apart, two of them on the same instant (the cursor's id tie-break).
    const statuses = ['SCHEDULED', 'SCHEDULED', 'ENDED', 'CANCELLED', 'ALLOCATING', 'ENDED', 'REGISTRATION'];
    for (const [i, v] of a.variants.entries()) {
      const startsAt = new Date(base + (i === 6 ? 5 : i) * DAY);
      const mode = statuses[i] === 'REGISTRATION' ? 'DRAW' : 'QUEUE';
      const d = await p.drop.create({
        data: { museumId: a.museumId, variantId: v.id, mode, status: statuses[i]!, startsAt, registrationClosesAt: mode === 'DRAW' ? new Date(startsAt.getTime() + DAY) : null, seedHash: mode === 'DRAW' ? 'a'.repeat(64) : null, editionSize: 5, perIdentityLimit: 1, payWindowSeconds: 300, createdByUserId: ma.id },
      });
      dropsA.push({ id: d.id, startsAt, status: statuses[i]!, mode });
    }
    for (const [i, v] of b.variants.entries()) {
      const d = await p.drop.create({
        data: { museumId: b.museumId, variantId: v.id, mode: 'QUEUE', status: 'SCHEDULED', startsAt: new Date(base + i * DAY), editionSize: 5, perIdentityLimit: 1, payWindowSeconds: 300, createdByUserId: mb.id },
      });
      dropsB.push(d.id);
    }

    // Sessions of A in each phase now, and one of B live now.
    const now = Date.now();
    const sessions: { startsAt: number; endsAt: number; cancelled?: boolean; phase: string }[] = [
      { startsAt: now - 3 * DAY, endsAt: now - 3 * DAY + 3600_000, phase: 'ENDED' },
      { startsAt: now - 2 * DAY, endsAt: now - 2 * DAY + 3600_000, phase: 'ENDED' },
      { startsAt: now - 600_000, endsAt: now + 3600_000, phase: 'LIVE' },
      { startsAt: now + DAY, endsAt: now + DAY + 3600_000, phase: 'SCHEDULED' },
      { startsAt: now + 2 * DAY, endsAt: now + 2 * DAY + 3600_000, cancelled: true, phase: 'CANCELLED' },
    ];
    for (const s of sessions) {
      const row = await p.liveSession.create({
        data: { museumId: a.museumId, title: `A ${s.phase}`, streamUrl: 'https://live.example/a', startsAt: new Date(s.startsAt), endsAt: new Date(s.endsAt), cancelledAt: s.cancelled ? new Date(now) : null, createdBy: ma.id },
      });
      sessionsA.push({ id: row.id, startsAt: new Date(s.startsAt), phase: s.phase });
    }
    const sb = await p.liveSession.create({
      data: { museumId: b.museumId, title: 'B live', streamUrl: 'https://live.example/b', startsAt: new Date(now - 60_000), endsAt: new Date(now + 3600_000), createdBy: mb.id },
    });
    sessionsB.push(sb.id);
  });
  afterAll(() => api.close());

  /** Every page of a list, `first` at a time: the ids in order, the totals each page gave. */
  const walk = async (query: string, field: 'museumDrops' | 'managedLiveSessions', vars: Record<string, unknown>, token: string, first: number) => {
    const ids: string[] = [];
    const totals = new Set<number>();
    let after: string | null = null;
    for (let pages = 0; pages < 20; pages++) {
      const r: GqlResult = await api.gql(query, { ...vars, first, after }, token);
      expect(r.errors).toBeUndefined();
      const page: { nodes: { id: string }[]; pageInfo: { endCursor: string | null; hasNextPage: boolean }; totalCount: number } = r.data[field];
      expect(page.nodes.length).toBeLessThanOrEqual(first);
      ids.push(...page.nodes.map((n) => n.id));
      totals.add(page.totalCount);
      if (!page.pageInfo.hasNextPage) return { ids, totals: [...totals] };
      after = page.pageInfo.endCursor;
    }
    throw new Error('more than 20 pages');
  };
  const latestFirst = <T extends { id: string; startsAt: Date }>(rows: T[]) =>
    [...rows].sort((x, y) => y.startsAt.getTime() - x.startsAt.getTime() || (x.id < y.id ? 1 : -1)).map((r) => r.id);

  it('pages a manager’s drops two at a time, latest start first, each once, and only that museum’s', async () => {
    const { ids, totals } = await walk(DROPS, 'museumDrops', {}, managerA, 2);
    expect(ids).toEqual(latestFirst(dropsA));
    expect(totals).toEqual([7]);
    const ofB = await walk(DROPS, 'museumDrops', {}, managerB, 100);
    expect(ofB.ids.sort()).toEqual([...dropsB].sort());
  });

  it('filters drops by status, mode and start date on the server, totalCount counting the filtered rows', async () => {
    const scheduled = await walk(DROPS, 'museumDrops', { m: a.museumId, f: { status: 'SCHEDULED' } }, managerA, 1);
    expect(scheduled.ids).toEqual(latestFirst(dropsA.filter((d) => d.status === 'SCHEDULED')));
    expect(scheduled.totals).toEqual([2]);
    const draws = await walk(DROPS, 'museumDrops', { f: { mode: 'DRAW' } }, managerA, 10);
    expect(draws.ids).toEqual(dropsA.filter((d) => d.mode === 'DRAW').map((d) => d.id));
    // [day 2, day 5): days 2, 3, 4 — the two drops on day 5 are out, the bound is exclusive.
    const range = { startsFrom: new Date(base + 2 * DAY).toISOString(), startsBefore: new Date(base + 5 * DAY).toISOString() };
    const inRange = await walk(DROPS, 'museumDrops', { f: range }, managerA, 2);
    expect(inRange.ids).toEqual(latestFirst(dropsA.filter((d) => d.startsAt.getTime() >= base + 2 * DAY && d.startsAt.getTime() < base + 5 * DAY)));
    expect(inRange.totals).toEqual([3]);
    // Museum B's manager filtering on A's dates finds nothing of A's.
    const other = await api.gql(DROPS, { f: range }, managerB);
    expect(other.data.museumDrops.nodes.every((n: { museumId: string }) => n.museumId === b.museumId)).toBe(true);
  });

  it('refuses another museum (NOT_FOUND), a bad filter, cursor or page size (VALIDATION_FAILED); the operator sees both museums', async () => {
    expect(codeOf(await api.gql(DROPS, { m: b.museumId }, managerA))).toBe('NOT_FOUND');
    expect(codeOf(await api.gql(SESSIONS, { m: b.museumId }, managerA))).toBe('NOT_FOUND');
    expect(codeOf(await api.gql(DROPS, { m: 'not-a-uuid' }, managerA))).toBe('VALIDATION_FAILED');
    expect(codeOf(await api.gql(DROPS, { f: { startsFrom: new Date(base).toISOString(), startsBefore: new Date(base - DAY).toISOString() } }, managerA))).toBe('VALIDATION_FAILED');
    expect(codeOf(await api.gql(SESSIONS, { f: { startsFrom: new Date(base).toISOString(), startsBefore: new Date(base).toISOString() } }, managerA))).toBe('VALIDATION_FAILED');
    expect(codeOf(await api.gql(DROPS, { after: 'garbage' }, managerA))).toBe('VALIDATION_FAILED');
    expect(codeOf(await api.gql(DROPS, { first: 101 }, managerA))).toBe('VALIDATION_FAILED');
    expect(codeOf(await api.gql(DROPS, {}, null))).toBe('UNAUTHENTICATED');

    // A cursor taken from museum B's list still answers only A's rows to A's manager.
    const bPage = await api.gql(DROPS, { first: 1 }, managerB);
    const afterB = await api.gql(DROPS, { after: bPage.data.museumDrops.pageInfo.endCursor, first: 100 }, managerA);
    expect(afterB.data.museumDrops.nodes.every((n: { museumId: string }) => n.museumId === a.museumId)).toBe(true);

    const all = await walk(DROPS, 'museumDrops', {}, operator, 100);
    expect(all.ids).toEqual(expect.arrayContaining([...dropsA.map((d) => d.id), ...dropsB]));
    const justB = await walk(DROPS, 'museumDrops', { m: b.museumId }, operator, 100);
    expect(justB.ids.sort()).toEqual([...dropsB].sort());
    const sessionsOfB = await walk(SESSIONS, 'managedLiveSessions', { m: b.museumId }, operator, 100);
    expect(sessionsOfB.ids).toEqual(sessionsB);
  });

  it('pages a manager’s live sessions and filters them by phase now and by start date', async () => {
    const { ids, totals } = await walk(SESSIONS, 'managedLiveSessions', {}, managerA, 2);
    expect(ids).toEqual(latestFirst(sessionsA));
    expect(totals).toEqual([5]);
    for (const phase of ['SCHEDULED', 'LIVE', 'ENDED', 'CANCELLED']) {
      const r = await api.gql(SESSIONS, { f: { phase }, first: 100 }, managerA);
      expect(r.errors).toBeUndefined();
      expect(r.data.managedLiveSessions.nodes.map((n: { id: string }) => n.id)).toEqual(latestFirst(sessionsA.filter((s) => s.phase === phase)));
      // Each row's phase reads what it was filtered on.
      expect(r.data.managedLiveSessions.nodes.every((n: { phase: string }) => n.phase === phase)).toBe(true);
    }
    const live = await api.gql(SESSIONS, { f: { phase: 'LIVE' } }, managerB);
    expect(live.data.managedLiveSessions.nodes.map((n: { id: string }) => n.id)).toEqual(sessionsB);
    const lastTwoDays = await walk(SESSIONS, 'managedLiveSessions', { m: a.museumId, f: { startsFrom: new Date(Date.now() - 2.5 * DAY).toISOString(), startsBefore: new Date(Date.now() + 1.5 * DAY).toISOString() } }, managerA, 1);
    expect(lastTwoDays.ids).toEqual(latestFirst(sessionsA.filter((s) => s.phase !== 'CANCELLED' && s.startsAt.getTime() > Date.now() - 2.5 * DAY)));
    expect(lastTwoDays.totals).toEqual([3]);
  });
});
