import { createUser } from '@vitrine/shared/testing';
import { dropsEn } from '../../apps/shop/src/i18n/dictionaries/drops/en';
import { dropsZhCN } from '../../apps/shop/src/i18n/dictionaries/drops/zh-CN';
import { zhCN } from '../../apps/shop/src/i18n/dictionaries/zh-CN';
import { fill } from '../../apps/shop/src/i18n/dictionary';
import { residentId, type Shop } from '../support/checkout-fixtures';
import { until } from '../support/worker-process';
import { useShop } from './support/shop-fixture';
import { pageCheck, signIn } from './support/shop-steps';

/**
 * Issue 22, a queue drop in the shop at a phone's size: before the start the page counts down
 * and a signed-in shopper joins the waiting room with their resident ID (a duplicate ID from
 * another account is refused in words); at the start (brought forward) the real worker
 * shuffles the room and gives turns: the page shows the turn, its pay-window countdown and
 * Buy now; a shopper further down sees their place in the queue. The same page in English.
 * Every page: axe-core (no serious or critical violation), 44 px taps, no sideways scroll;
 * screenshots in test/artifacts/shop-drops-*.png.
 */
const CREATE = `mutation($i: CreateDropInput!) { createDrop(input: $i) { id } }`;
const JOIN = `mutation($i: JoinDropInput!) { joinDrop(input: $i) { id status } }`;
const t = dropsZhCN;
/** The piece on sale, named in each language. */
const PIECE = { 'zh-CN': '青花缠枝莲纹杯', en: 'Blue-and-white lotus cup' } as const;

const check = pageCheck('shop-drops');

describe('shop: a queue drop', () => {
  // The worker (started when the drop starts) on this spec's own queues.
  const f = useShop({ stripe: true, worker: true, fx: '7.8000', shops: [{ prices: [8_900], stock: 1 }] });
  let shop: Shop;

  beforeAll(async () => {
    shop = f.shops[0]!;
    await f.api.db.prisma.product.update({ where: { id: shop.variants[0]!.productId }, data: { nameZh: PIECE['zh-CN'], nameEn: PIECE.en, nameFr: 'Tasse bleu et blanc aux lotus' } });
  }, 120_000);

  it('counts down, joins with a resident ID, refuses a duplicate identity, then shows the turn and the place in the queue', async () => {
    const manager = await f.api.login((await createUser(f.api.db.prisma, 'MUSEUM_MANAGER', { museumIds: [shop.museumId] })).email);
    const created: any = await f.api.gql(
      CREATE,
      { i: { variantId: shop.variants[0]!.id, mode: 'QUEUE', startsAt: new Date(Date.now() + 3_600_000).toISOString(), editionSize: 1, perIdentityLimit: 1, payWindowMinutes: 10 } },
      manager,
    );
    expect(created.errors).toBeUndefined();
    const dropId = created.data.createDrop.id as string;
    // Someone else is already waiting with an ID number of their own, and one the shopper will try.
    for (const n of [8_201, 8_202]) {
      const other = await f.api.login((await createUser(f.api.db.prisma, 'SHOPPER')).email);
      expect(((await f.api.gql(JOIN, { i: { dropId, residentId: residentId(n) } }, other)) as any).errors).toBeUndefined();
    }

    const shopper = await createUser(f.api.db.prisma, 'SHOPPER');
    const s = await f.open(null);
    const p = s.page;
    await signIn(s, shopper.email);
    await p.goto(`${f.shop.url}/zh-CN/drops/${dropId}`);
    await p.getByTestId('drop-countdown').getByText(/^距开始还有 (\d+:)?\d+:\d\d$/).waitFor();
    await expect(p.getByTestId('drop-status').textContent()).resolves.toBe(t.status.SCHEDULED);
    // The piece on sale, as the product page shows it: picture, name in Chinese, CNY price, edition and limit.
    const piece = p.getByTestId('drop-product');
    await expect(piece.getByRole('heading', { level: 2 }).textContent()).resolves.toBe(PIECE['zh-CN']);
    const picture = piece.getByRole('img', { name: PIECE['zh-CN'] });
    await picture.waitFor();
    await p.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('[data-testid=drop-product] img');
      return !!img && img.complete && img.naturalWidth > 0;
    });
    expect((await picture.boundingBox())!.width).toBeGreaterThan(300);
    await expect(piece.getByTestId('drop-edition').textContent()).resolves.toBe(fill(t.edition, { edition: 1, limit: 1 }));
    const price = (await piece.getByTestId('drop-price').textContent())!;
    expect(price).toMatch(/^¥[\d,]+\.\d\d$/);
    expect(await p.title()).toBe(fill(zhCN.meta.titleTemplate, { title: fill(t.titleOf, { name: PIECE['zh-CN'] }) }));
    await check(s, 'before-start');
    // Its link, named, leads to the product page, which asks the same price for the same variant.
    await piece.getByRole('link', { name: t.seeProduct }).click();
    await p.waitForURL(new RegExp(`/zh-CN/products/${shop.variants[0]!.productId}\\?v=${shop.variants[0]!.id}$`));
    await expect(p.getByTestId('price').textContent()).resolves.toBe(price);
    await expect(p.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(PIECE['zh-CN']);
    await p.goto(`${f.shop.url}/zh-CN/drops/${dropId}`);

    // An ID number that already entered from another account: refused in words, nothing written.
    await p.getByLabel(t.residentId).fill(residentId(8_202));
    await p.getByTestId('drop-join').click();
    await p.getByTestId('drop-error').getByText(zhCN.errors.DROP_IDENTITY_ALREADY_ENTERED).waitFor();
    expect(await f.api.db.prisma.dropEntry.count({ where: { dropId } })).toBe(2);
    await check(s, 'duplicate-identity');

    await p.getByLabel(t.residentId).fill(residentId(8_203));
    await p.getByTestId('drop-join').click();
    await p.getByTestId('drop-entry').getByText(t.waitingStart).waitFor();
    await check(s, 'waiting-room');

    // The start, brought forward: the worker shuffles the three and gives the one turn (edition 1).
    const worker = await f.startWorker({ DROPS_TICK_MS: '300' });
    await f.api.db.prisma.drop.update({ where: { id: dropId }, data: { startsAt: new Date() } });
    await until('one turn given', async () => (await f.api.db.prisma.dropEntry.count({ where: { dropId, status: 'ADMITTED' } })) === 1, 60_000, worker);
    const mine = await f.api.db.prisma.dropEntry.findFirstOrThrow({ where: { dropId, userId: shopper.id } });
    // Whoever got the turn, make it this shopper's for the page (the order is the worker's to draw; tested in the e2e suite).
    if (mine.status !== 'ADMITTED') {
      const admitted = await f.api.db.prisma.dropEntry.findFirstOrThrow({ where: { dropId, status: 'ADMITTED' } });
      await f.api.db.prisma.$transaction([
        f.api.db.prisma.dropEntry.update({ where: { id: admitted.id }, data: { status: 'WAITING', position: mine.position, turnEndsAt: null, admittedAt: null } }),
        f.api.db.prisma.dropEntry.update({ where: { id: mine.id }, data: { status: 'ADMITTED', position: admitted.position, turnEndsAt: admitted.turnEndsAt, admittedAt: admitted.admittedAt } }),
      ]);
    }
    await p.reload();
    await p.getByTestId('drop-turn').waitFor();
    await p.getByTestId('drop-turn-clock').getByText(/^轮到您了！请在 \d+:\d\d 内付款$/).waitFor();
    await p.getByRole('button', { name: t.buy }).waitFor();
    await check(s, 'your-turn');

    // The same page in English, for a shopper still waiting: their place in the queue.
    const waiting = await f.api.db.prisma.dropEntry.findFirstOrThrow({ where: { dropId, status: 'WAITING' }, orderBy: { position: 'asc' } });
    const waiter = await f.api.db.prisma.user.findUniqueOrThrow({ where: { id: waiting.userId } });
    const e = await f.open(null);
    await signIn(e, waiter.email);
    await e.page.goto(`${f.shop.url}/en/drops/${dropId}`);
    await e.page.getByTestId('drop-entry').getByText(fill(dropsEn.place, { place: 1 })).waitFor();
    await expect(e.page.getByTestId('drop-product').getByRole('heading', { level: 2 }).textContent()).resolves.toBe(PIECE.en);
    await e.page.getByTestId('drop-product').getByRole('link', { name: dropsEn.seeProduct }).waitFor();
    await expect(e.page.getByTestId('drop-edition').textContent()).resolves.toBe('Edition of 1, at most 1 per person (resident ID, whatever the account)');
    await check(e, 'place-in-queue-en');
  }, 300_000);
});
