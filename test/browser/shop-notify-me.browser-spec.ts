import { randomUUID } from 'node:crypto';
import { createProduct, createUser } from '@vitrine/shared/testing';
import { dropsFr } from '../../apps/shop/src/i18n/dictionaries/drops/fr';
import { dropsZhCN } from '../../apps/shop/src/i18n/dictionaries/drops/zh-CN';
import { fr } from '../../apps/shop/src/i18n/dictionaries/fr';
import { noticesZhCN } from '../../apps/shop/src/i18n/dictionaries/notices/zh-CN';
import { zhCN } from '../../apps/shop/src/i18n/dictionaries/zh-CN';
import type { ShopPage } from './support/shop-fixture';
import { useShop } from './support/shop-fixture';
import { pageCheck, signIn, SHOPPER_PASSWORD } from './support/shop-steps';
import { setStock } from '../support/checkout-fixtures';

/**
 * Issue 17, "notify me when it is back" on the product page at 390x844 (a form post to
 * products/<id>/notify, no client JavaScript: ADR 0027), against the real API and worker:
 * - a silk square in two sizes, the larger sold out: the page opens on the size in stock; the
 *   shopper taps the sold-out size, which says so, turns add to cart off and offers 到货提醒; as a
 *   guest they are sent to sign in and come back to that size's buy box, nothing written until
 *   they ask again;
 * - the signed-in shopper asks: the confirmation takes the button's place, in Chinese; the API
 *   holds one BACK_IN_STOCK subscription for that variant (asking twice keeps one);
 * - a tampered form (a variant id that is no id, or the id of no variant) is refused with the
 *   shop's own message in the shopper's language, and no subscription is written;
 * - the same in French for another shopper and product;
 * - a manager counts units in again (setStockLevel): the worker's drops tick claims the
 *   subscription once and writes the shopper a BACK_IN_STOCK notice, which the account's
 *   notices page shows in Chinese ("「…」已补货。") with a link back to the product, now in
 *   stock; the French shopper, whose product is still sold out, is told nothing.
 * Every page: axe-core, 44 px taps, no sideways scroll; screenshots test/artifacts/shop-notify-me-*.png.
 */
const check = pageCheck('shop-notify-me');
const NAMES = [
  { nameZh: '莫奈《睡莲》真丝方巾', nameFr: 'Carré de soie Les Nymphéas de Monet', nameEn: 'Monet Water Lilies silk square' },
  { nameZh: '梵高《星月夜》帆布包', nameFr: 'Sac en toile La Nuit étoilée de Van Gogh', nameEn: 'Van Gogh Starry Night tote' },
];
const SET_STOCK = `mutation($i: SetStockLevelInput!) { setStockLevel(input: $i) { onHand } }`;
const NOTICES = `{ myNotices { kind variantId } }`;

/** Replaces the form's hidden variant id, as a hand-made post would send it. */
async function tamper(s: ShopPage, variantId: string): Promise<void> {
  await s.page.locator('form.notify-back input[name="variantId"]').evaluate((el, v) => ((el as HTMLInputElement).value = v), variantId);
}

describe('shop: notify me when a sold-out product is back', () => {
  // A tote bag, sold out (no unit on hand); a silk square in two sizes is added below.
  const f = useShop({ worker: true, fx: '7.8000', shops: [{ prices: [2_500], stock: 0 }] });
  const scarf = { productId: '', small: '', large: '' };
  const users = { zh: { id: '', email: '' }, fr: { id: '', email: '' } };
  const tote = () => f.shops[0]!.variants[0]!;
  const subscriptions = (userId: string) => f.api.db.prisma.noticeSubscription.findMany({ where: { userId }, select: { kind: true, targetId: true, notifiedAt: true } });

  beforeAll(async () => {
    const p = f.api.db.prisma;
    const shop = f.shops[0]!;
    const made = await createProduct(p, shop.museumId, {
      ...NAMES[0]!,
      variants: [
        { priceMinor: 4_000, options: { size: '65 × 65 cm' } },
        { priceMinor: 6_000, options: { size: '90 × 90 cm' } },
      ],
    });
    scarf.productId = made.id;
    [scarf.small, scarf.large] = made.variants.sort((a, b) => a.position - b.position).map((v) => v.id) as [string, string];
    await setStock(p, shop.locationId, scarf.small, 8);
    await setStock(p, shop.locationId, scarf.large, 0);
    await p.product.update({ where: { id: tote().productId }, data: { ...NAMES[1]!, searchText: Object.values(NAMES[1]!).join(' ').toLowerCase() } });
    for (const [key, name] of [['zh', '陈静'], ['fr', 'Camille']] as const) {
      const u = await createUser(p, 'SHOPPER', { displayName: name });
      users[key] = { id: u.id, email: u.email };
    }
  }, 120_000);

  it('zh-CN: a guest is sent to sign in and back to the sold-out size; asked, the page confirms, one subscription is written; a tampered form is refused in Chinese', async () => {
    const { productId, large: variantId } = scarf;
    const page = `/zh-CN/products/${productId}`;
    const s = await f.open(page);
    const p = s.page;
    await p.getByRole('heading', { level: 1, name: NAMES[0]!.nameZh }).waitFor();
    // The size in stock first: no reminder to ask for.
    expect(await p.getByTestId('availability').textContent()).toBe(zhCN.product.inStock);
    expect(await p.getByTestId('notify-back').count()).toBe(0);
    await p.getByRole('link', { name: '90 × 90 cm' }).click();
    await p.waitForURL((u) => u.searchParams.get('v') === variantId);
    expect(await p.getByTestId('availability').textContent()).toBe(zhCN.product.outOfStock);
    expect(await p.getByTestId('add-to-cart').isDisabled()).toBe(true);
    expect(await p.getByLabel(zhCN.product.quantity).isDisabled()).toBe(true);
    const notify = p.getByTestId('notify-back');
    expect(await notify.textContent()).toBe(dropsZhCN.notifyBack);
    await check(s, 'sold-out-zh-CN');

    // A guest: to sign in, then back to this size's buy box; nothing written.
    await notify.click();
    await p.waitForURL((u) => u.pathname === '/zh-CN/account/sign-in' && u.searchParams.get('next') === `${page}?v=${variantId}#buy`);
    expect(await f.api.db.prisma.noticeSubscription.count()).toBe(0);
    await check(s, 'sign-in-zh-CN');
    await p.getByLabel(zhCN.buy.account.email).fill(users.zh.email);
    await p.getByLabel(zhCN.buy.account.password).fill(SHOPPER_PASSWORD);
    await p.getByTestId('auth-submit').click();
    await p.waitForURL((u) => u.pathname === page && u.searchParams.get('v') === variantId);
    expect(await p.locator('.option.current').textContent()).toBe('90 × 90 cm');
    expect(await f.api.db.prisma.noticeSubscription.count()).toBe(0);

    // Signed in: asked; the confirmation takes the button's place (at the buy box); one subscription for this variant.
    await p.getByTestId('notify-back').click();
    await p.waitForURL((u) => u.pathname === page && u.searchParams.get('notify') === '1' && u.searchParams.get('v') === variantId && u.hash === '#buy');
    expect(await p.getByTestId('notify-back-done').textContent()).toBe(dropsZhCN.notifyBackDone);
    expect(await p.getByTestId('notify-back').count()).toBe(0);
    expect(await p.getByTestId('add-error').count()).toBe(0);
    expect(await p.getByTestId('availability').textContent()).toBe(zhCN.product.outOfStock);
    await check(s, 'asked-zh-CN');
    expect(await subscriptions(users.zh.id)).toEqual([{ kind: 'BACK_IN_STOCK', targetId: variantId, notifiedAt: null }]);

    // Asking again (the page opened anew) changes nothing.
    const sizePage = `${f.shop.url}${page}?v=${variantId}`;
    await p.goto(sizePage);
    await p.getByTestId('notify-back').click();
    await p.waitForURL(/notify=1/);
    expect(await subscriptions(users.zh.id)).toHaveLength(1);

    // A form whose variant id is not an id: refused by the shop, in Chinese, nothing sent.
    await p.goto(sizePage);
    await tamper(s, 'not-a-variant');
    await p.getByTestId('notify-back').click();
    await p.waitForURL((u) => u.pathname === page && u.searchParams.get('error') === 'VALIDATION_FAILED');
    expect(await p.getByTestId('add-error').textContent()).toBe(zhCN.errors.VALIDATION_FAILED);
    expect(await p.getByTestId('notify-back-done').count()).toBe(0);
    // The id of no variant: refused by the API (NOT_FOUND), shown in Chinese, never the API's English.
    await p.goto(sizePage);
    const nobody = randomUUID();
    await tamper(s, nobody);
    await p.getByTestId('notify-back').click();
    // The posted id stays in the URL, as add to cart keeps it: a refusal of a real variant is shown at its buy box.
    await p.waitForURL((u) => u.searchParams.get('error') === 'NOT_FOUND' && u.searchParams.get('v') === nobody);
    expect(await p.getByTestId('add-error').textContent()).toBe(zhCN.errors.NOT_FOUND);
    expect(await p.getByTestId('add-error').textContent()).not.toMatch(/[A-Za-z]/);
    expect(await p.getByTestId('notify-back-done').count()).toBe(0);
    await check(s, 'refused-zh-CN');
    expect(await subscriptions(users.zh.id)).toEqual([{ kind: 'BACK_IN_STOCK', targetId: variantId, notifiedAt: null }]);
    expect(await f.api.db.prisma.noticeSubscription.count({ where: { targetId: nobody } })).toBe(0);
  });

  it('fr: another shopper asks for another product; confirmation and refusals in French', async () => {
    const { productId, id: variantId } = tote();
    const s = await f.open(null);
    const p = s.page;
    await signIn(s, users.fr.email, 'fr');
    const page = `/fr/products/${productId}`;
    await p.goto(`${f.shop.url}${page}`);
    await p.getByRole('heading', { level: 1, name: NAMES[1]!.nameFr }).waitFor();
    expect(await p.getByTestId('availability').textContent()).toBe(fr.product.outOfStock);
    expect(await p.getByTestId('notify-back').textContent()).toBe(dropsFr.notifyBack);

    await tamper(s, '12345');
    await p.getByTestId('notify-back').click();
    await p.waitForURL((u) => u.pathname === page && u.searchParams.get('error') === 'VALIDATION_FAILED');
    expect(await p.getByTestId('add-error').textContent()).toBe(fr.errors.VALIDATION_FAILED);
    await check(s, 'refused-fr');
    expect(await subscriptions(users.fr.id)).toEqual([]);

    expect(await p.getByTestId('notify-back-done').count()).toBe(0);
    await p.goto(`${f.shop.url}${page}`);
    await p.getByTestId('notify-back').click();
    await p.waitForURL((u) => u.pathname === page && u.searchParams.get('notify') === '1' && u.searchParams.get('v') === variantId);
    expect(await p.getByTestId('notify-back-done').textContent()).toBe(dropsFr.notifyBackDone);
    expect(await p.getByTestId('notify-back').count()).toBe(0);
    expect(await p.getByTestId('add-error').count()).toBe(0);
    await check(s, 'asked-fr');
    expect(await subscriptions(users.fr.id)).toEqual([{ kind: 'BACK_IN_STOCK', targetId: variantId, notifiedAt: null }]);
  });

  it('units counted in again: the worker tells the shopper once, in their notices, with a link to the product now in stock', async () => {
    const { productId, large: variantId } = scarf;
    const shopper = await f.api.login(users.zh.email);
    const frShopper = await f.api.login(users.fr.email);
    await f.startWorker({ DROPS_TICK_MS: '200' });
    // Still sold out: the worker's ticks tell nobody.
    await new Promise((r) => setTimeout(r, 1_000));
    expect((await f.api.gql(NOTICES, {}, shopper)).data.myNotices).toEqual([]);

    const manager = await f.api.login((await createUser(f.api.db.prisma, 'MUSEUM_MANAGER', { museumIds: [f.shops[0]!.museumId] })).email);
    const set: any = await f.api.gql(SET_STOCK, { i: { locationId: f.shops[0]!.locationId, variantId, onHand: 20, note: 'delivery from the workshop' } }, manager);
    expect(set.errors).toBeUndefined();

    const deadline = Date.now() + 30_000;
    while ((await f.api.db.prisma.shopperNotice.count({ where: { userId: users.zh.id } })) === 0) {
      if (Date.now() > deadline) throw new Error('no back-in-stock notice within 30 s');
      await new Promise((r) => setTimeout(r, 200));
    }
    // Claimed once: the subscription is marked, a later tick writes nothing more.
    const [sub] = await subscriptions(users.zh.id);
    expect(sub).toMatchObject({ kind: 'BACK_IN_STOCK', targetId: variantId, notifiedAt: expect.any(Date) });
    await new Promise((r) => setTimeout(r, 1_000));
    expect((await f.api.gql(NOTICES, {}, shopper)).data.myNotices).toEqual([{ kind: 'BACK_IN_STOCK', variantId }]);
    // The French shopper's product is still sold out: nothing for them, their subscription waits.
    expect((await f.api.gql(NOTICES, {}, frShopper)).data.myNotices).toEqual([]);
    expect(await subscriptions(users.fr.id)).toEqual([{ kind: 'BACK_IN_STOCK', targetId: tote().id, notifiedAt: null }]);

    // The shopper sees it: the header's badge, then 消息 with the product named in Chinese.
    const s = await f.open(null);
    const p = s.page;
    await signIn(s, users.zh.email);
    await p.waitForFunction(() => document.querySelector('[data-testid="account-link"]')?.getAttribute('data-unread') === '1');
    await p.goto(`${f.shop.url}/zh-CN/account/notices`);
    const notice = p.getByTestId('notice');
    expect(await notice.count()).toBe(1);
    expect(await notice.getAttribute('data-kind')).toBe('BACK_IN_STOCK');
    expect(await notice.locator('.notice-text').textContent()).toBe(`「${NAMES[0]!.nameZh}」已补货。`);
    await check(s, 'notice-zh-CN');

    // Its link opens the product at that variant, which can be bought again (the API's shop
    // window may keep the sold-out answer up to PUBLIC_CACHE_SECONDS: read until it is in stock).
    await notice.getByRole('link', { name: noticesZhCN.viewProduct }).click();
    await p.waitForURL((u) => u.pathname === `/zh-CN/products/${productId}` && u.searchParams.get('v') === variantId);
    const until = Date.now() + 40_000;
    while ((await p.getByTestId('availability').textContent()) !== zhCN.product.inStock) {
      if (Date.now() > until) throw new Error(`still "${await p.getByTestId('availability').textContent()}" 40 s after the restock`);
      await new Promise((r) => setTimeout(r, 1_000));
      await p.reload();
    }
    expect(await p.getByTestId('add-to-cart').isDisabled()).toBe(false);
    expect(await p.getByTestId('notify-back').count()).toBe(0);
    await check(s, 'back-in-stock-zh-CN');
  });
});
