import { createUser } from '@vitrine/shared/testing';
import { en } from '../../apps/shop/src/i18n/dictionaries/en';
import { zhCN } from '../../apps/shop/src/i18n/dictionaries/zh-CN';
import { fill } from '../../apps/shop/src/i18n/dictionary';
import { formatMoney } from '../../apps/shop/src/lib/format/money';
import { seedFx, seedShop, type Shop } from '../support/checkout-fixtures';
import { openConsole, signInFast, type ConsolePage } from './support/browser';
import { serveConsole, type ConsoleServer } from './support/console-server';
import { seriousAxeViolations, smallTapTargets } from './support/shop-checks';
import { useShop } from './support/shop-fixture';

/**
 * Issue 22, promotions in the browser: a museum manager creates a spend threshold (30 off every
 * 300 CNY) and a coupon through the console's form; a shopper on a phone (390x844) sees the
 * threshold in the cart, is refused an unknown coupon at the coupon field (zh-CN), applies the
 * manager's coupon and sees the promotions, the saving and the new total; the cart in English.
 * Screenshots in test/artifacts/promotions-*.png.
 */
const local = (d: Date) => new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);

describe('promotions: console form and shop cart', () => {
  const f = useShop();
  let shop: Shop;
  let server: ConsoleServer;
  let consolePage: ConsolePage | null = null;

  beforeAll(async () => {
    await seedFx(f.api.db.prisma, '7.8000');
    // EUR 40.00 → 322 CNY: above a 300 CNY threshold.
    shop = await seedShop(f.api.db.prisma, { prices: [4_000], stock: 20 });
    server = await serveConsole(f.api.baseUrl);
  }, 120_000);
  afterAll(async () => {
    await consolePage?.close();
    await server?.close();
  });

  it('a manager creates a threshold and a coupon in the console; the list shows their terms and uses', async () => {
    const manager = await createUser(f.api.db.prisma, 'MUSEUM_MANAGER', { museumIds: [shop.museumId] });
    consolePage = await openConsole(f.browser, server.url);
    const { page, screenshot } = consolePage;
    await signInFast(page, manager.email, manager.password);
    await page.getByRole('menuitem', { name: 'Promotions' }).click();
    await page.getByRole('link', { name: 'Create' }).click();
    // The form opens on a spend threshold of 30 off every 300 CNY.
    await page.getByLabel('Name').fill('每满300减30');
    await page.getByLabel('Starts').fill(local(new Date(Date.now() - 3_600_000)));
    await page.getByLabel('Ends').fill(local(new Date(Date.now() + 7 * 86_400_000)));
    await screenshot('promotions-console-threshold-form');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('30 off every 300 CNY').waitFor();

    await page.getByRole('link', { name: 'Create' }).click();
    await page.getByLabel('Kind').click();
    await page.getByRole('option', { name: 'Coupon' }).click();
    await page.getByLabel('Name').fill('Louvre 10 %');
    await page.getByLabel('Coupon code').fill('LOUVRE10');
    await page.getByLabel('Percent off').fill('10');
    await page.getByLabel('Uses in total').fill('100');
    await page.getByLabel('Starts').fill(local(new Date(Date.now() - 3_600_000)));
    await page.getByLabel('Ends').fill(local(new Date(Date.now() + 7 * 86_400_000)));
    await screenshot('promotions-console-coupon-form');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('LOUVRE10').waitFor();
    await page.getByText('0 / 100').waitFor();
    const rows = await f.api.db.prisma.promotion.findMany({ where: { museumId: shop.museumId }, orderBy: { createdAt: 'asc' } });
    expect(rows.map((r) => [r.kind, r.code, r.every, r.tiers, r.percentBps, r.totalLimit, r.fundedBy])).toEqual([
      ['THRESHOLD', null, true, [{ minMinor: 30_000, offMinor: 3_000 }], null, null, 'MUSEUM'],
      ['COUPON', 'LOUVRE10', false, [], 1_000, 100, 'MUSEUM'],
    ]);
    await screenshot('promotions-console-list');
  });

  it('the shopper’s cart on a phone shows the threshold, refuses an unknown coupon at its field and applies the manager’s', async () => {
    const t = zhCN.buy.cart;
    const money = (amount: number, locale: 'zh-CN' | 'en' = 'zh-CN') => formatMoney({ amount, currency: 'CNY' }, locale);
    const s = await f.open(`/zh-CN/products/${shop.variants[0]!.productId}`);
    const p = s.page;
    await p.getByTestId('add-to-cart').click();
    await p.waitForURL(/added=1/);
    await p.goto(`${f.shop.url}/zh-CN/cart`);
    // 322 CNY: the storefront's 30 off every 300 applies by itself.
    await p.getByTestId('applied-promotion').filter({ hasText: '每满300减30' }).waitFor();
    await p.getByTestId('cart-saving').filter({ hasText: fill(t.saving, { amount: money(3_000) }) }).waitFor();

    await p.getByTestId('coupon-input').fill('NOPE1234');
    await p.getByTestId('coupon-apply').click();
    await p.getByTestId('coupon-error').filter({ hasText: zhCN.errors.COUPON_INVALID }).waitFor();
    await s.screenshot('promotions-shop-cart-coupon-refused');

    await p.getByTestId('coupon-input').fill('louvre10');
    await p.getByTestId('coupon-apply').click();
    await p.getByTestId('coupon-applied').filter({ hasText: fill(t.couponApplied, { code: 'LOUVRE10' }) }).waitFor();
    // 10 % of what is left after the threshold: 29,200 fen → 2,920; saving 59.20 CNY.
    await p.getByTestId('applied-promotion').filter({ hasText: 'LOUVRE10' }).waitFor();
    await p.getByTestId('cart-saving').filter({ hasText: fill(t.saving, { amount: money(5_920) }) }).waitFor();
    // Goods less the discount plus the 9610 table's 60 CNY for this parcel, taxed at 9.1 %.
    const dutiable = 32_200 - 5_920 + 6_000;
    const total = dutiable + Math.round((dutiable * 91) / 1000);
    await p.getByTestId('cart-total').filter({ hasText: money(total) }).waitFor();
    await p.getByTestId('cart-discount').filter({ hasText: money(5_920) }).waitFor();
    await s.screenshot('promotions-shop-cart-coupon');
    expect(await seriousAxeViolations(p)).toEqual([]);
    expect(await smallTapTargets(p)).toEqual([]);
    expect(await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);

    // The same cart in English: the coupon travels with it (cookie), the texts are English.
    await p.goto(`${f.shop.url}/en/cart`);
    await p.getByTestId('cart-saving').filter({ hasText: fill(en.buy.cart.saving, { amount: money(5_920, 'en') }) }).waitFor();
    await p.getByText(en.buy.cart.promotionsTitle).waitFor();
    await s.screenshot('promotions-shop-cart-en');
  });
});
