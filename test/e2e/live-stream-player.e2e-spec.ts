import { createUser } from '@vitrine/shared/testing';
import { codeOf, type ApiHarness } from '../support/api-harness';
import { seedFx, seedShop, startCheckoutApi, type Shop } from '../support/checkout-fixtures';
import { openSse } from '../support/sse-client';

jest.setTimeout(120_000);

const FIELDS = `id streamUrl player { kind embedUrl platform }`;
const SCHEDULE = `mutation($i: ScheduleLiveSessionInput!) { scheduleLiveSession(input: $i) { ${FIELDS} } }`;
const UPDATE = `mutation($i: UpdateLiveSessionInput!) { updateLiveSession(input: $i) { ${FIELDS} } }`;
const MANAGED = `query($id: ID!) { managedLiveSession(id: $id) { ${FIELDS} } }`;
const PUBLIC = `query($id: ID!) { liveSession(id: $id) { ${FIELDS} } }`;
const CHECK = `query($url: String!) { liveStreamUrlCheck(url: $url) { player { kind embedUrl platform } problem } }`;

const BILIBILI = 'https://player.bilibili.com/player.html?bvid=BV1xx411c7mD&autoplay=0';
const DOUYIN = 'https://live.douyin.com/123456789';
const minutes = (n: number) => new Date(Date.now() + n * 60_000).toISOString();

/**
 * Issue 22: a live session's stream is an embedded player when its URL has the shape of an
 * allowed partner player (the default list: Bilibili, Youku, Tencent Video), a link for any other
 * https URL (WeChat Channels, Douyin, Taobao Live…), and refused otherwise with
 * STREAM_URL_NOT_ALLOWED and nothing written. Viewers (GraphQL and the stream's snapshot) get
 * `player`, so the shop parses no URL. Another museum's manager is answered NOT_FOUND, whatever
 * the URL.
 */
describe('live sessions: embedded player or link', () => {
  let api: ApiHarness;
  let close: () => Promise<void>;
  let louvre: Shop;
  let orsay: Shop;
  let manager: string;
  let otherManager: string;

  beforeAll(async () => {
    delete process.env['LIVE_EMBED_PLATFORMS'];
    ({ api, close } = await startCheckoutApi());
    await seedFx(api.db.prisma, '7.8000');
    louvre = await seedShop(api.db.prisma, { prices: [2_500], stock: 10 });
    orsay = await seedShop(api.db.prisma, { prices: [1_200], stock: 5 });
    manager = await api.login((await createUser(api.db.prisma, 'MUSEUM_MANAGER', { museumIds: [louvre.museumId] })).email);
    otherManager = await api.login((await createUser(api.db.prisma, 'MUSEUM_MANAGER', { museumIds: [orsay.museumId] })).email);
  });
  afterAll(() => close());

  const schedule = (streamUrl: string, token = manager, museumId = louvre.museumId) =>
    api.gql(SCHEDULE, { i: { museumId, title: '卢浮宫之夜', streamUrl, startsAt: minutes(60), endsAt: minutes(120), productIds: [] } }, token) as Promise<any>;
  const count = () => api.db.prisma.liveSession.count();

  it('saves an embed URL as EMBED and any other https URL as LINK; viewers and the stream’s snapshot get the player', async () => {
    const embed = await schedule(BILIBILI);
    expect(embed.errors).toBeUndefined();
    expect(embed.data.scheduleLiveSession).toMatchObject({ streamUrl: BILIBILI, player: { kind: 'EMBED', embedUrl: BILIBILI, platform: 'bilibili' } });
    const link = await schedule(DOUYIN);
    expect(link.errors).toBeUndefined();
    expect(link.data.scheduleLiveSession.player).toEqual({ kind: 'LINK', embedUrl: null, platform: null });

    const seen: any = await api.gql(PUBLIC, { id: embed.data.scheduleLiveSession.id });
    expect(seen.data.liveSession.player).toEqual({ kind: 'EMBED', embedUrl: BILIBILI, platform: 'bilibili' });
    const viewer = await openSse(`${api.baseUrl}/live/${embed.data.scheduleLiveSession.id}/events`);
    const snap = await viewer.next((e) => e.event === 'snapshot');
    expect(snap.data.state.player).toEqual({ kind: 'EMBED', embedUrl: BILIBILI });

    // The manager turns the link into a player: the open page gets it in a fresh snapshot.
    const id = embed.data.scheduleLiveSession.id as string;
    const toLink: any = await api.gql(UPDATE, { i: { sessionId: id, streamUrl: 'https://channels.weixin.qq.com/live/abc' } }, manager);
    expect(toLink.data.updateLiveSession.player.kind).toBe('LINK');
    const fresh = await viewer.next((e) => e.event === 'snapshot' && e.data.state.player.kind === 'LINK');
    expect(fresh.data.state.player).toEqual({ kind: 'LINK', embedUrl: null });
    viewer.close();
    const toEmbed: any = await api.gql(UPDATE, { i: { sessionId: link.data.scheduleLiveSession.id, streamUrl: 'https://v.qq.com/txp/iframe/player.html?vid=x0012abcd' } }, manager);
    expect(toEmbed.data.updateLiveSession.player).toMatchObject({ kind: 'EMBED', platform: 'tencent-video' });
  });

  it('refuses a URL that is neither https nor an allowed player, with a stable code and nothing written', async () => {
    const before = await count();
    for (const [url, problem] of [
      ['http://live.example.cn/room/1', 'NOT_HTTPS'],
      ['http://player.bilibili.com/player.html?bvid=BV1', 'NOT_HTTPS'],
      ['javascript:alert(1)', 'NOT_HTTPS'],
      ['live.douyin.com/123', 'NOT_A_URL'],
      ['https://user:pw@player.bilibili.com/player.html?bvid=BV1', 'HAS_CREDENTIALS'],
    ] as const) {
      const r = await schedule(url);
      expect([url, codeOf(r)]).toEqual([url, 'STREAM_URL_NOT_ALLOWED']);
      expect(r.errors![0]!.extensions).toMatchObject({ field: 'input.streamUrl', problem });
      const check: any = await api.gql(CHECK, { url }, manager);
      expect(check.data.liveStreamUrlCheck).toEqual({ player: null, problem });
    }
    expect(await count()).toBe(before);

    const s = await schedule(DOUYIN);
    const row = () => api.db.prisma.liveSession.findUniqueOrThrow({ where: { id: s.data.scheduleLiveSession.id } });
    const saved = await row();
    const refused = await api.gql(UPDATE, { i: { sessionId: saved.id, title: '改名', streamUrl: 'http://insecure.example/x' } }, manager);
    expect(codeOf(refused)).toBe('STREAM_URL_NOT_ALLOWED');
    expect(await row()).toEqual(saved);

    // The console asks before saving: the same verdicts.
    const asked: any = await api.gql(CHECK, { url: BILIBILI }, manager);
    expect(asked.data.liveStreamUrlCheck).toEqual({ player: { kind: 'EMBED', embedUrl: BILIBILI, platform: 'bilibili' }, problem: null });
    expect((await api.gql(CHECK, { url: DOUYIN }, manager)).data.liveStreamUrlCheck.player.kind).toBe('LINK');
    expect(codeOf(await api.gql(CHECK, { url: DOUYIN }))).toBe('UNAUTHENTICATED');
  });

  it('another museum’s manager is answered NOT_FOUND, whatever the URL, and writes nothing', async () => {
    const s = await schedule(BILIBILI);
    const id = s.data.scheduleLiveSession.id as string;
    const before = await api.db.prisma.liveSession.findUniqueOrThrow({ where: { id } });
    const total = await count();
    for (const url of [BILIBILI, DOUYIN, 'http://insecure.example']) {
      expect(codeOf(await schedule(url, otherManager))).toBe('NOT_FOUND');
      expect(codeOf(await api.gql(UPDATE, { i: { sessionId: id, streamUrl: url } }, otherManager))).toBe('NOT_FOUND');
    }
    expect(codeOf(await api.gql(MANAGED, { id }, otherManager))).toBe('NOT_FOUND');
    expect(await count()).toBe(total);
    expect(await api.db.prisma.liveSession.findUniqueOrThrow({ where: { id } })).toEqual(before);
    // Their own museum works with the same URL.
    expect((await schedule(BILIBILI, otherManager, orsay.museumId)).data.scheduleLiveSession.player.kind).toBe('EMBED');
  });
});
