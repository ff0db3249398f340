import { createUser } from '@vitrine/shared/testing';
import { liveEn } from '../../apps/shop/src/i18n/dictionaries/live/en';
import { liveFr } from '../../apps/shop/src/i18n/dictionaries/live/fr';
import { liveZhCN } from '../../apps/shop/src/i18n/dictionaries/live/zh-CN';
import type { Shop } from '../support/checkout-fixtures';
import { pageProblems } from './support/shop-checks';
import { useShop } from './support/shop-fixture';
import { screenshotIfAsked } from './support/shop-steps';

jest.setTimeout(240_000);

/**
 * Issue 17, a live session cancelled by its manager while viewers wait on the shop's live page
 * (390x844): each page says so in its shopper's language within seconds, without reloading (the
 * stream's `cancelled` event), stops listening (no "reconnecting" to a stream that now answers
 * 404, no console error), and no longer offers to add to the cart. Screenshots in
 * test/artifacts/shop-live-cancelled-*.png.
 */
describe('shop: a live session cancelled while viewers watch', () => {
  const f = useShop({ stripe: true, fx: '7.8000', shops: [{ prices: [2_500], stock: 5 }] });
  let shop: Shop;

  beforeAll(() => {
    shop = f.shops[0]!;
  });

  it('tells each viewer at once, in their language, and stops the stream', async () => {
    const manager = await f.api.login((await createUser(f.api.db.prisma, 'MUSEUM_MANAGER', { museumIds: [shop.museumId] })).email);
    const scheduled: any = await f.api.gql(
      `mutation($i: ScheduleLiveSessionInput!) { scheduleLiveSession(input: $i) { id } }`,
      {
        i: {
          museumId: shop.museumId,
          title: '卢浮宫之夜 · 直播预告',
          streamUrl: 'https://live.example.cn/room/louvre-next',
          startsAt: new Date(Date.now() + 3_600_000).toISOString(),
          endsAt: new Date(Date.now() + 7_200_000).toISOString(),
          productIds: [shop.variants[0]!.productId],
        },
      },
      manager,
    );
    expect(scheduled.errors).toBeUndefined();
    const sessionId: string = scheduled.data.scheduleLiveSession.id;
    // Pinned ahead of the start, so a viewer's page offers to add it until the cancellation.
    const pinned: any = await f.api.gql(`mutation($i: PinLiveProductInput!) { pinLiveProduct(input: $i) { id } }`, { i: { sessionId, productId: shop.variants[0]!.productId } }, manager);
    expect(pinned.errors).toBeUndefined();

    // Each viewer's page, once its update stream has answered (the cancellation is sent to open streams).
    const watch = async (locale: 'zh-CN' | 'fr', browserLocale: string) => {
      const v = await f.open(null, { locale: browserLocale });
      const stream = v.page.waitForResponse((r) => r.url().endsWith(`/live/${sessionId}/events`) && r.status() === 200);
      await v.page.goto(`${f.shop.url}/${locale}/live/${sessionId}`);
      await stream;
      return v;
    };
    const zh = await watch('zh-CN', 'zh-CN');
    const fr = await watch('fr', 'fr-FR');
    await zh.page.getByText(liveZhCN.scheduled).waitFor();
    await fr.page.getByText(liveFr.scheduled).waitFor();
    // Set once: a reload would lose it.
    for (const v of [zh, fr]) await v.page.evaluate(() => ((window as unknown as { liveMarker: number }).liveMarker = 17));
    await zh.page.getByTestId('live-add').waitFor();
    await fr.page.getByTestId('live-add').waitFor();

    const cancelled: any = await f.api.gql(`mutation($i: CancelLiveSessionInput!) { cancelLiveSession(input: $i) { id phase } }`, { i: { sessionId } }, manager);
    expect(cancelled.errors).toBeUndefined();
    expect(cancelled.data.cancelLiveSession.phase).toBe('CANCELLED');

    await zh.page.getByTestId('live-cancelled').filter({ hasText: liveZhCN.cancelled }).waitFor({ timeout: 10_000 });
    await fr.page.getByTestId('live-cancelled').filter({ hasText: liveFr.cancelled }).waitFor({ timeout: 10_000 });
    for (const v of [zh, fr]) {
      // Not reloaded, announced, and nothing more to buy from it.
      await expect(v.page.evaluate(() => (window as unknown as { liveMarker?: number }).liveMarker)).resolves.toBe(17);
      await expect(v.page.getByTestId('live-cancelled').getAttribute('role')).resolves.toBe('alert');
      await expect(v.page.getByTestId('live-add').count()).resolves.toBe(0);
      await expect(v.page.getByTestId('live-room').getAttribute('data-stream')).resolves.toBe('closed');
    }
    // No English on the Chinese page; the stream stays closed (no "reconnecting" after the API ended it).
    await expect(zh.page.getByText(liveEn.cancelled).count()).resolves.toBe(0);
    await zh.page.waitForTimeout(4_000);
    await expect(zh.page.getByText(liveZhCN.reconnecting).count()).resolves.toBe(0);
    await screenshotIfAsked(zh, 'shop-live-cancelled-zh-CN');
    await screenshotIfAsked(fr, 'shop-live-cancelled-fr');
    expect(await pageProblems(zh.page)).toEqual([]);
    expect(await pageProblems(fr.page)).toEqual([]);

    // A viewer who opens the page afterwards gets the translated 404.
    const late = await zh.page.goto(`${f.shop.url}/zh-CN/live/${sessionId}`);
    expect(late!.status()).toBe(404);
    await expect(zh.page.getByTestId('live-room').count()).resolves.toBe(0);
    // Next logs the 404 document as a failed load: it is what this step asks for.
    zh.errors.splice(0);
  });
});
