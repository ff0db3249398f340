import { randomUUID } from 'node:crypto';
import { createUser } from '@vitrine/shared/testing';
import { codeOf, type ApiHarness } from '../support/api-harness';
import { seedFx, seedShop, startCheckoutApi, type Shop } from '../support/checkout-fixtures';
import { openSse } from '../support/sse-client';

jest.setTimeout(120_000);

const FIELDS = `id title streamUrl startsAt endsAt phase productIds`;
const SCHEDULE = `mutation($i: ScheduleLiveSessionInput!) { scheduleLiveSession(input: $i) { ${FIELDS} } }`;
const UPDATE = `mutation($i: UpdateLiveSessionInput!) { updateLiveSession(input: $i) { ${FIELDS} } }`;
const CANCEL = `mutation($i: CancelLiveSessionInput!) { cancelLiveSession(input: $i) { ${FIELDS} } }`;
const MANAGED = `query($id: ID!) { managedLiveSession(id: $id) { ${FIELDS} } }`;
const LIST = `{ managedLiveSessions { nodes { id phase } } }`;
const PUBLIC = `query($id: ID!) { liveSession(id: $id) { id title } }`;
const PIN = `mutation($i: PinLiveProductInput!) { pinLiveProduct(input: $i) { id } }`;
const BAG = `mutation($i: SetLiveSessionBagInput!) { setLiveSessionBag(input: $i) { id } }`;
const ADD_LIVE = `mutation($i: AddLiveCartLineInput!) { addLiveCartLine(input: $i) { cartId } }`;

const minutes = (n: number) => new Date(Date.now() + n * 60_000).toISOString();

/**
 * Editing and cancelling a scheduled live session (issue 22): the manager changes its title,
 * link and times (viewers get a fresh snapshot), and cancels it (viewers' streams end and the
 * session is no longer found; the console keeps it as CANCELLED). Started, ended or cancelled
 * sessions are refused with stable codes, bad input writes nothing, and another museum's
 * manager is answered NOT_FOUND.
 */
describe('live sessions: edit and cancel', () => {
  let api: ApiHarness;
  let close: () => Promise<void>;
  let louvre: Shop;
  let orsay: Shop;
  let manager: string;
  let otherManager: string;

  beforeAll(async () => {
    ({ api, close } = await startCheckoutApi());
    await seedFx(api.db.prisma, '7.8000');
    louvre = await seedShop(api.db.prisma, { prices: [2_500, 4_000], stock: 10 });
    orsay = await seedShop(api.db.prisma, { prices: [1_200], stock: 5 });
    manager = await api.login((await createUser(api.db.prisma, 'MUSEUM_MANAGER', { museumIds: [louvre.museumId] })).email);
    otherManager = await api.login((await createUser(api.db.prisma, 'MUSEUM_MANAGER', { museumIds: [orsay.museumId] })).email);
  });
  afterAll(() => close());

  const schedule = async (startsIn: number, endsIn: number) => {
    const r: any = await api.gql(
      SCHEDULE,
      { i: { museumId: louvre.museumId, title: '夜场直播', streamUrl: 'https://live.example/room/1', startsAt: minutes(startsIn), endsAt: minutes(endsIn), productIds: [louvre.variants[0]!.productId] } },
      manager,
    );
    expect(r.errors).toBeUndefined();
    return r.data.scheduleLiveSession as { id: string; startsAt: string; endsAt: string };
  };
  const row = (id: string) => api.db.prisma.liveSession.findUniqueOrThrow({ where: { id } });

  it('edits a scheduled session: viewers get a fresh snapshot; bad input, another museum and started sessions are refused with nothing written', async () => {
    const s = await schedule(60, 120);
    const before = await row(s.id);
    const refusals: [Record<string, unknown>, string, string[]][] = [
      [{ endsAt: minutes(30) }, 'VALIDATION_FAILED', ['input.endsAt']],
      [{ endsAt: minutes(60 + 13 * 60) }, 'VALIDATION_FAILED', ['input.endsAt']],
      [{ streamUrl: 'https://live.example/room/9', title: ' ' }, 'VALIDATION_FAILED', ['input.title']],
      [{ streamUrl: 'http://insecure.example' }, 'STREAM_URL_NOT_ALLOWED', ['input.streamUrl']],
    ];
    for (const [change, code, paths] of refusals) {
      const r = await api.gql(UPDATE, { i: { sessionId: s.id, ...change } }, manager);
      expect(codeOf(r)).toBe(code);
      const ext = r.errors![0]!.extensions!;
      expect((ext['fields'] ? ext['fields'].map((f: any) => f.path) : [ext['field']]).sort()).toEqual(paths);
    }
    expect(codeOf(await api.gql(UPDATE, { i: { sessionId: s.id, title: 'hijack' } }, otherManager))).toBe('NOT_FOUND');
    expect(codeOf(await api.gql(CANCEL, { i: { sessionId: s.id } }, otherManager))).toBe('NOT_FOUND');
    expect(codeOf(await api.gql(UPDATE, { i: { sessionId: randomUUID(), title: 'x' } }, manager))).toBe('NOT_FOUND');
    expect(codeOf(await api.gql(MANAGED, { id: s.id }, otherManager))).toBe('NOT_FOUND');
    expect(await row(s.id)).toEqual(before);

    // A viewer already on the page (before the start) sees the change without reloading.
    const viewer = await openSse(`${api.baseUrl}/live/${s.id}/events`);
    await viewer.next((e) => e.event === 'snapshot');
    const changed: any = await api.gql(UPDATE, { i: { sessionId: s.id, title: '夜场直播（改期）', streamUrl: 'https://live.example/room/2', startsAt: minutes(90), endsAt: minutes(150) } }, manager);
    expect(changed.errors).toBeUndefined();
    expect(changed.data.updateLiveSession).toMatchObject({ title: '夜场直播（改期）', streamUrl: 'https://live.example/room/2', phase: 'SCHEDULED' });
    const fresh = await viewer.next((e) => e.event === 'snapshot' && e.data.state.title === '夜场直播（改期）');
    expect(fresh.data.state).toMatchObject({ streamUrl: 'https://live.example/room/2', startsAt: changed.data.updateLiveSession.startsAt });
    viewer.close();

    // Started: neither edited nor cancelled.
    const live = await schedule(-1, 60);
    expect(codeOf(await api.gql(UPDATE, { i: { sessionId: live.id, title: 'late' } }, manager))).toBe('SESSION_ALREADY_STARTED');
    expect(codeOf(await api.gql(CANCEL, { i: { sessionId: live.id } }, manager))).toBe('SESSION_ALREADY_STARTED');
    expect((await row(live.id)).title).toBe('夜场直播');
  });

  it('cancels a scheduled session: viewers’ streams end, shoppers no longer find it nor add from it, the console keeps it; nothing more is done to it', async () => {
    const s = await schedule(30, 90);
    const viewer = await openSse(`${api.baseUrl}/live/${s.id}/events`);
    await viewer.next((e) => e.event === 'snapshot');

    const r: any = await api.gql(CANCEL, { i: { sessionId: s.id } }, manager);
    expect(r.errors).toBeUndefined();
    expect(r.data.cancelLiveSession.phase).toBe('CANCELLED');
    expect((await row(s.id)).cancelledAt).not.toBeNull();
    expect((await viewer.next((e) => e.event === 'cancelled')).data.type).toBe('cancelled');
    viewer.close();

    expect(codeOf(await api.gql(PUBLIC, { id: s.id }))).toBe('NOT_FOUND');
    expect((await fetch(`${api.baseUrl}/live/${s.id}/events`)).status).toBe(404);
    expect(codeOf(await api.gql(ADD_LIVE, { i: { sessionId: s.id, variantId: louvre.variants[0]!.id, quantity: 1 } }))).toBe('NOT_FOUND');
    expect(await api.db.prisma.liveCartLine.count({ where: { sessionId: s.id } })).toBe(0);
    // The console still lists it, cancelled.
    expect(((await api.gql(MANAGED, { id: s.id }, manager)) as any).data.managedLiveSession.phase).toBe('CANCELLED');
    expect(((await api.gql(LIST, {}, manager)) as any).data.managedLiveSessions.nodes).toContainEqual({ id: s.id, phase: 'CANCELLED' });
    // Nothing more: edit, cancel again, bag, pin.
    expect(codeOf(await api.gql(UPDATE, { i: { sessionId: s.id, title: 'again' } }, manager))).toBe('SESSION_CANCELLED');
    expect(codeOf(await api.gql(CANCEL, { i: { sessionId: s.id } }, manager))).toBe('SESSION_CANCELLED');
    expect(codeOf(await api.gql(BAG, { i: { sessionId: s.id, productIds: [louvre.variants[1]!.productId] } }, manager))).toBe('SESSION_CANCELLED');
    expect(codeOf(await api.gql(PIN, { i: { sessionId: s.id, productId: louvre.variants[0]!.productId } }, manager))).toBe('SESSION_CANCELLED');
    expect((await row(s.id)).title).toBe('夜场直播');
  });
});
