import { randomUUID } from 'node:crypto';
import { createMuseum, createProduct, createUser } from '@vitrine/shared/testing';
import { noticesZhCN } from '../../apps/shop/src/i18n/dictionaries/notices/zh-CN';
import { fill } from '../../apps/shop/src/i18n/dictionary';
import { zhCN } from '../../apps/shop/src/i18n/dictionaries/zh-CN';
import { useShop } from './support/shop-fixture';
import { pageCheck, signIn } from './support/shop-steps';

/**
 * The shopper's notices in the shop at 390x844: the header's account link carries the unread
 * count (read in the browser from /<locale>/session), the account page links to 消息, which
 * lists the notices newest first in Chinese (a return step, a drop opening and a back-in-stock,
 * each written by the API from its kind and parameters, naming the item), each linking to
 * its order's returns, its drop or its product; opening it marks them read and the badge goes.
 * Another shopper's notice never shows. The rows stand for what after-sales and drops write
 * (their own specs drive them through the worker). Every page: axe-core, 44 px taps, no
 * sideways scroll; screenshots test/artifacts/shop-notices-*.png.
 */
const t = noticesZhCN;

const check = pageCheck('shop-notices');

describe('shop: the shopper’s notices', () => {
  const f = useShop();
  const ids = { user: '', email: '', order: randomUUID(), ret: randomUUID(), drop: randomUUID(), product: '', variant: '' };

  beforeAll(async () => {
    const p = f.api.db.prisma;
    const user = await createUser(p, 'SHOPPER', { displayName: '李娜' });
    ids.user = user.id;
    ids.email = user.email;
    const stranger = await createUser(p, 'SHOPPER');
    const museum = await createMuseum(p);
    const product = await createProduct(p, museum.id);
    ids.product = product.id;
    ids.variant = (await p.productVariant.findFirstOrThrow({ where: { productId: product.id } })).id;
    // Oldest first: a return accepted (kind + parameters), a drop opening, an item back in stock.
    await p.shopperNotice.create({ data: { userId: ids.user, orderId: ids.order, returnId: ids.ret, kind: 'ACCEPTED', message: '', params: { arrivalDeadline: '2026-12-20T04:00:00.000Z' }, createdAt: new Date('2026-12-05T02:00:00Z') } });
    await p.shopperNotice.create({ data: { userId: ids.user, dropId: ids.drop, variantId: ids.variant, kind: 'DROP_OPEN', message: '', params: { mode: 'QUEUE' }, createdAt: new Date('2026-12-05T03:00:00Z') } });
    await p.shopperNotice.create({ data: { userId: ids.user, variantId: ids.variant, kind: 'BACK_IN_STOCK', message: '', createdAt: new Date('2026-12-05T04:00:00Z') } });
    await p.shopperNotice.create({ data: { userId: stranger.id, kind: 'BACK_IN_STOCK', variantId: ids.variant, message: 'not yours' } });
  }, 120_000);

  it('shows the unread count, lists return and drop notices in Chinese, and marks them read when opened', async () => {
    const s = await f.open(null);
    const p = s.page;
    await signIn(s, ids.email);

    // The badge: 3 unread, named for screen readers.
    const account = p.getByTestId('account-link');
    await p.waitForFunction(() => document.querySelector('[data-testid="account-link"]')?.getAttribute('data-unread') === '3');
    expect(await p.getByTestId('notice-count').textContent()).toBe('3');
    expect(await account.getAttribute('aria-label')).toBe(fill(t.accountUnread, { count: 3 }));
    await check(s, 'account-badge');

    await p.getByTestId('notices-link').click();
    await p.waitForURL(/\/zh-CN\/account\/notices$/);
    expect(await p.locator('h1').textContent()).toBe('消息');
    const items = p.getByTestId('notice');
    expect(await items.count()).toBe(3);
    expect(await items.evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')))).toEqual(['BACK_IN_STOCK', 'DROP_OPEN', 'ACCEPTED']);
    // Shown as unread this once.
    expect(await p.locator('.notice-item.unread').count()).toBe(3);
    // Each written by the API in Chinese from its code and parameters: the return's deadline in China's time, the item by its Chinese name (createProduct's 产品).
    expect(await items.nth(2).locator('.notice-text').textContent()).toBe('您的退货申请已通过，请在 2026年12月20日 前寄回包裹。');
    expect(await items.nth(1).locator('.notice-text').textContent()).toBe('「产品」限量发售已开始，请排队购买。');
    expect(await items.nth(0).locator('.notice-text').textContent()).toBe('「产品」已补货。');
    // Links: the order's returns, the drop, the product at the variant.
    expect(await items.nth(2).getByRole('link', { name: t.viewReturn }).getAttribute('href')).toBe(`/zh-CN/orders/${ids.order}#returns`);
    expect(await items.nth(1).getByRole('link', { name: t.viewDrop }).getAttribute('href')).toBe(`/zh-CN/drops/${ids.drop}`);
    expect(await items.nth(0).getByRole('link', { name: t.viewProduct }).getAttribute('href')).toBe(`/zh-CN/products/${ids.product}?v=${ids.variant}`);
    await check(s, 'list-zh-CN');

    // Marked read by opening the page: the badge is gone, the database says so, the stranger's stays unread.
    await p.waitForFunction(() => document.querySelector('[data-testid="account-link"]')?.getAttribute('data-unread') === '0');
    expect(await p.getByTestId('notice-count').count()).toBe(0);
    expect(await account.getAttribute('aria-label')).toBe(zhCN.header.account);
    expect(await f.api.db.prisma.shopperNotice.count({ where: { userId: ids.user, readAt: null } })).toBe(0);
    expect(await f.api.db.prisma.shopperNotice.count({ where: { userId: { not: ids.user }, readAt: null } })).toBe(1);
    await p.goto(`${f.shop.url}/zh-CN`);
    await p.waitForFunction(() => document.querySelector('[data-testid="account-link"]')?.getAttribute('data-unread') === '0');
    await check(s, 'home-no-badge');

    // The same notices in English, read now.
    await p.goto(`${f.shop.url}/en/account/notices`);
    expect(await p.locator('.notice-item.unread').count()).toBe(0);
    expect(await p.getByTestId('notice').nth(2).locator('.notice-text').textContent()).toBe('Your return was accepted. Send the parcel before December 20, 2026.');
    expect(await p.getByTestId('notice').nth(1).locator('.notice-text').textContent()).toBe('The limited edition of Product is on sale: join the queue.');
    expect(await p.getByTestId('notice').nth(0).locator('.notice-text').textContent()).toBe('Product is back in stock.');
    await check(s, 'list-en');

    // And in French.
    await p.goto(`${f.shop.url}/fr/account/notices`);
    expect(await p.getByTestId('notice').nth(1).locator('.notice-text').textContent()).toBe('L’édition limitée Produit est en vente : rejoignez la file.');
    expect(await p.getByTestId('notice').nth(0).locator('.notice-text').textContent()).toBe('Produit est de nouveau en stock.');
    await check(s, 'list-fr');
  });
});
