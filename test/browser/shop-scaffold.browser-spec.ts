import type { Page } from 'playwright-core';
import { seedDemo } from '../../prisma/seed';
import { openShop, useShop } from './support/shop-fixture';
import { startShop } from './support/shop-server';
import { pageCheck, screenshotsAsked } from './support/shop-steps';

const check = pageCheck('shop');

/**
 * How many px of the search field's placeholder are cut off at the phone's width (0 when it fits):
 * typed in as its value, the field's text scrolls by that much (the search field keeps room for
 * its clear button, which a measure of the text alone misses).
 */
function placeholderCut(page: Page): Promise<number> {
  return page.locator('#site-search').evaluate((input: HTMLInputElement) => {
    const typed = input.value;
    input.value = input.placeholder;
    const cut = input.scrollWidth - input.clientWidth;
    input.value = typed;
    return cut;
  });
}

/** Issue 17, the shop's frame: locale in the URL (zh-CN by default), switcher, header, 404; every page passes the shop's page check (axe, 44 px taps, no sideways scroll). */
describe('shop scaffold', () => {
  const f = useShop();
  beforeAll(async () => {
    await seedDemo(f.api.db.prisma);
  });

  it('opens in Chinese, switches to English and French on the same page, and taps are at least 44 px', async () => {
    const s = await f.open('/');
    const { page } = s;
    await page.waitForURL(/\/zh-CN$/);
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await page.getByRole('heading', { level: 1, name: '博物馆商店' }).waitFor();
    await page.getByText('卢浮宫博物馆官方旗舰店').waitFor();
    await page.getByTestId('cart-count').filter({ hasText: /^0$/ }).waitFor(); // read in the browser (HeaderSession)
    await check(s, 'home-zh-CN');

    // Header controls: present, tap targets of at least 44x44 px, no horizontal scroll at 390 px.
    for (const target of [page.locator('.brand'), page.getByTestId('cart-link'), page.locator('.locale-switcher a').first(), page.locator('#site-search'), page.locator('.search-form button')]) {
      const box = (await target.boundingBox())!;
      expect({ h: box.height >= 44, w: box.width >= 44 }).toEqual({ h: true, w: true });
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await placeholderCut(page)).toBe(0);

    await page.locator('.locale-switcher a[data-locale="en"]').click();
    await page.waitForURL(/\/en$/);
    await page.getByRole('heading', { level: 1, name: 'Museum shops' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await placeholderCut(page)).toBe(0);
    await check(s, 'home-en');
    await page.locator('.locale-switcher a[data-locale="fr"]').click();
    await page.waitForURL(/\/fr$/);
    await page.getByRole('heading', { level: 1, name: 'Boutiques de musées' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    // The search field's placeholder is whole beside the French button (it was cut at 'œuvre|s').
    expect(await placeholderCut(page)).toBe(0);
    await check(s, 'home-fr');

    // On a 360 px phone the button is a magnifier (still named 'Chercher', still 44 px), so the French placeholder fits too.
    await page.setViewportSize({ width: 360, height: 740 });
    const button = page.getByRole('button', { name: 'Chercher' });
    const box = (await button.boundingBox())!;
    expect({ h: box.height >= 44, w: box.width >= 44, narrow: box.width < 60 }).toEqual({ h: true, w: true, narrow: true });
    expect(await placeholderCut(page)).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    // The body hides what overflows sideways, so each header control must itself end within the screen.
    for (const target of [page.locator('.brand'), page.getByTestId('cart-link'), page.locator('.locale-switcher a').last(), page.locator('.search-form button')]) {
      const b = (await target.boundingBox())!;
      expect(b.x + b.width).toBeLessThanOrEqual(360);
    }
    if (screenshotsAsked()) await page.screenshot({ path: 'test/artifacts/shop-home-fr-360.png' });
  });

  it('answers an unknown page with a 404 in the shopper’s language', async () => {
    const s = await f.open(null);
    const zh = await s.page.goto(`${f.shop.url}/zh-CN/no-such-page`);
    expect(zh!.status()).toBe(404);
    await s.page.getByRole('heading', { name: '页面不存在' }).waitFor();
    await check(s, '404-zh-CN');
    const fr = await s.page.goto(`${f.shop.url}/fr/nulle-part`);
    expect(fr!.status()).toBe(404);
    await s.page.getByRole('heading', { name: 'Page introuvable' }).waitFor();
    await check(s, '404-fr');
    // A path without a locale gets the default one.
    const bare = await s.page.goto(`${f.shop.url}/nowhere`);
    expect(bare!.status()).toBe(404);
    expect(s.page.url()).toBe(`${f.shop.url}/zh-CN/nowhere`);
    // Next logs the 404 documents as failed loads: they are what this test asks for.
    s.errors.splice(0);
  });

  it('shows the error page in the shopper’s language when the API cannot be reached', async () => {
    // A second shop whose API address answers nothing (the discard port: connection refused).
    const down = await startShop('http://127.0.0.1:9');
    try {
      for (const [locale, title] of [
        ['zh-CN', '出错了'],
        ['en', 'Something went wrong'],
        ['fr', 'Une erreur est survenue'],
      ] as const) {
        const s = await openShop(f.browser, `${down.url}/${locale}`);
        await s.page.getByRole('heading', { name: title }).waitFor();
        expect(await s.page.getByTestId('error-page').isVisible()).toBe(true);
        if (locale === 'zh-CN') await check(s, 'error-zh-CN');
        await s.close();
      }
    } finally {
      await down.close();
    }
  });
});
