import { createUser } from '@vitrine/shared/testing';
import { en } from '../../apps/admin/src/i18n/en';
import { fr } from '../../apps/admin/src/i18n/fr';
import { seedFx, seedShop, type Shop } from '../support/checkout-fixtures';
import { signInFast } from './support/browser';
import { useConsole } from './support/console-fixture';

const SCHEDULE = `mutation($i: ScheduleLiveSessionInput!) { scheduleLiveSession(input: $i) { id } }`;
const BILIBILI = 'https://player.bilibili.com/player.html?bvid=BV1xx411c7mD';

/**
 * Issue 22, the console's live session form: under the stream URL it says, as the manager types,
 * whether the shop's live page will play it (an allowed partner player), show it as a link, or
 * why it is refused (the API's liveStreamUrlCheck; the default players), in English and French.
 * A refused URL is not saved. Screenshots in test/artifacts/console-live-stream-*.png.
 */
describe('console: the live session form says how the shop will show the stream', () => {
  const c = useConsole();
  let shop: Shop;
  let manager: Awaited<ReturnType<typeof createUser>>;
  let sessionId: string;

  beforeAll(async () => {
    await seedFx(c.api.db.prisma, '7.8000');
    shop = await seedShop(c.api.db.prisma, { prices: [2_500], stock: 5 });
    manager = await createUser(c.api.db.prisma, 'MUSEUM_MANAGER', { museumIds: [shop.museumId] });
    const r: any = await c.api.gql(
      SCHEDULE,
      { i: { museumId: shop.museumId, title: 'Night at the museum', streamUrl: 'https://live.douyin.com/1', startsAt: new Date(Date.now() + 86_400_000).toISOString(), endsAt: new Date(Date.now() + 90_000_000).toISOString(), productIds: [shop.variants[0]!.productId] } },
      await c.api.login(manager.email),
    );
    expect(r.errors).toBeUndefined();
    sessionId = r.data.scheduleLiveSession.id;
  });

  const hint = (page: import('playwright-core').Page, kind: string, text: string) => page.locator(`[data-testid="live-stream-player"][data-kind="${kind}"]`).filter({ hasText: text }).waitFor();

  it('in English: embedded, link, refused (and not saved), then an embed saved', async () => {
    const { page, screenshot } = await c.open();
    await signInFast(page, manager.email, manager.password);
    await page.goto(`/#/liveSessions/${sessionId}`);
    const url = page.getByLabel(en.resources.liveSessions.fields.streamUrl);
    await hint(page, 'LINK', en.vitrine.live.player.LINK);
    await url.fill(BILIBILI);
    await hint(page, 'EMBED', en.vitrine.live.player.EMBED.replace('%{platform}', 'bilibili'));
    await screenshot('console-live-stream-embed-en');
    await url.fill('http://live.example.cn/room/1');
    await hint(page, 'REFUSED', en.vitrine.live.player.problem.NOT_HTTPS);
    await screenshot('console-live-stream-refused-en');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText(en.vitrine.live.errors.STREAM_URL_NOT_ALLOWED).waitFor();
    await screenshot('console-live-stream-refused-saved-en');
    expect((await c.api.db.prisma.liveSession.findUniqueOrThrow({ where: { id: sessionId } })).streamUrl).toBe('https://live.douyin.com/1');
    await url.fill(BILIBILI);
    await hint(page, 'EMBED', 'bilibili');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByTestId('live-cancel').waitFor();
    expect((await c.api.db.prisma.liveSession.findUniqueOrThrow({ where: { id: sessionId } })).streamUrl).toBe(BILIBILI);
  });

  it('in French', async () => {
    const { page, screenshot } = await c.open('fr-FR');
    await signInFast(page, manager.email, manager.password);
    await page.goto(`/#/liveSessions/${sessionId}`);
    const url = page.getByLabel(fr.resources.liveSessions.fields.streamUrl);
    await hint(page, 'EMBED', fr.vitrine.live.player.EMBED.replace('%{platform}', 'bilibili'));
    await url.fill('https://channels.weixin.qq.com/live/abc');
    await hint(page, 'LINK', fr.vitrine.live.player.LINK);
    await screenshot('console-live-stream-link-fr');
    await url.fill('https://user:pw@player.bilibili.com/player.html');
    await hint(page, 'REFUSED', fr.vitrine.live.player.problem.HAS_CREDENTIALS);
  });
});
