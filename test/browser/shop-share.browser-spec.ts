import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { en } from '../../apps/shop/src/i18n/dictionaries/en';
import { fr } from '../../apps/shop/src/i18n/dictionaries/fr';
import { zhCN } from '../../apps/shop/src/i18n/dictionaries/zh-CN';
import { fill } from '../../apps/shop/src/i18n/dictionary';
import type { Dictionary } from '../../apps/shop/src/i18n/types';
import type { Shop } from '../support/checkout-fixtures';
import { decodeQr } from '../support/pdf-qr';
import { ARTIFACTS } from './support/browser';
import { pageProblems } from './support/shop-checks';
import { useShop, type ShopPage } from './support/shop-fixture';
import { screenshotIfAsked } from './support/shop-steps';

/**
 * Issue 17, sharing: the product and storefront pages offer a share action (a disclosure, no
 * script) showing the short link (/p/<code>, /s/<code>) and its QR code, drawn by the server as
 * the shelf labels' codes are. At 390x844, in zh-CN, en and fr: the QR code, read from the image
 * the page shows with jsQR as a phone's camera would, is the short link, and opening it lands on
 * the page shared. axe-clean with the share panel open. Screenshots in
 * test/artifacts/shop-share-*.png.
 */
const PRODUCT = `query($id: ID!) { product(id: $id) { shortCode } }`;
const NAME = '鸢尾花丝巾';

describe('shop: sharing a product or a storefront', () => {
  const f = useShop({ fx: '7.8000', shops: [{ prices: [4_000], stock: 5 }] });
  let shop: Shop;

  beforeAll(async () => {
    shop = f.shops[0]!;
    await f.api.db.prisma.product.update({ where: { id: shop.variants[0]!.productId }, data: { nameZh: NAME } });
  }, 120_000);

  /** Opens the share panel: its link, and the QR code the page shows, decoded from its pixels. */
  async function share(s: ShopPage, dict: Dictionary, name: string, shot: string): Promise<{ link: string; decoded: string | null }> {
    const p = s.page;
    const panel = p.getByTestId('share');
    await panel.getByText(dict.share.open, { exact: true }).click();
    await panel.getByText(dict.share.hint).waitFor();
    const qr = panel.getByTestId('share-qr');
    await expect(qr.getAttribute('alt')).resolves.toBe(fill(dict.share.qrAlt, { name }));
    await p.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('[data-testid="share-qr"]');
      return img !== null && img.complete && img.naturalWidth > 0;
    });
    const png = await qr.screenshot();
    writeFileSync(path.join(ARTIFACTS, `${shot}-qr.png`), png);
    await screenshotIfAsked(s, shot);
    expect({ page: shot, problems: await pageProblems(p) }).toEqual({ page: shot, problems: [] });
    return { link: (await panel.getByTestId('share-link').getAttribute('href'))!, decoded: decodeQr(png) };
  }

  it('a product page shows its short link and QR code, which open the product in Chinese', async () => {
    const productId = shop.variants[0]!.productId;
    const r: any = await f.api.gql(PRODUCT, { id: productId });
    const code: string = r.data.product.shortCode;
    // The link carries the share's source marker, so an order placed from it is attributed (SHARE).
    const expected = `${f.shop.url}/p/${code}?src=share-product`;

    const s = await f.open(`/zh-CN/products/${productId}`);
    // Closed until asked: the code is not loaded with the page.
    await expect(s.page.getByTestId('share-qr').isVisible()).resolves.toBe(false);
    const zh = await share(s, zhCN, NAME, 'shop-share-product-zh-CN');
    expect(zh).toEqual({ link: expected, decoded: expected });
    // The link as shown is the short one, without the marker.
    await expect(s.page.getByTestId('share-link').textContent()).resolves.toBe(`${f.shop.url}/p/${code}`.replace(/^https?:\/\//, ''));

    // A phone scanning it lands on the product, in Chinese.
    const phone = await f.open(null);
    await phone.page.goto(zh.decoded!);
    await phone.page.waitForURL(new RegExp(`/zh-CN/products/${productId}$`));
    await expect(phone.page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(NAME);
    // The marker is kept for checkout, not in the page's address.
    expect((await phone.page.context().cookies()).filter((c) => c.value === 'share-product')).toHaveLength(1);

    // In English, the same link.
    await s.page.goto(`${f.shop.url}/en/products/${productId}`);
    const name = (await s.page.getByRole('heading', { level: 1 }).textContent())!;
    expect(await share(s, en, name, 'shop-share-product-en')).toEqual({ link: expected, decoded: expected });
  });

  it('a storefront page shows its short link and QR code, in French too', async () => {
    const museum = await f.api.db.prisma.museum.findUniqueOrThrow({ where: { id: shop.museumId }, select: { slug: true } });
    const expected = `${f.shop.url}/s/${museum.slug}?src=share-storefront`;
    const s = await f.open(`/fr/m/${museum.slug}`, { locale: 'fr-FR' });
    const name = (await s.page.getByRole('heading', { level: 1 }).textContent())!;
    expect(await share(s, fr, name, 'shop-share-storefront-fr')).toEqual({ link: expected, decoded: expected });
    // Opened, it is the storefront in Chinese (the short link's default).
    await s.page.goto(expected);
    await s.page.waitForURL(new RegExp(`/zh-CN/m/${museum.slug}$`));

    // An address that is no short code gets no image.
    const bad = await fetch(`${f.shop.url}/p/not-a-code/qr`);
    expect(bad.status).toBe(404);
  });

  it('previews a storefront link (Open Graph, canonical URL); sitemap.xml lists it and the product in every locale; robots.txt keeps crawlers out of carts and checkouts', async () => {
    const museum = await f.api.db.prisma.museum.findUniqueOrThrow({ where: { id: shop.museumId }, select: { slug: true } });
    const productId = shop.variants[0]!.productId;
    const s = await f.open(`/en/m/${museum.slug}`);
    const name = (await s.page.getByRole('heading', { level: 1 }).textContent())!;
    const meta = (selector: string, attr = 'content') => s.page.locator(selector).first().getAttribute(attr);
    await expect(meta('meta[property="og:title"]')).resolves.toContain(name);
    await expect(meta('meta[property="og:url"]')).resolves.toBe(`${f.shop.url}/en/m/${museum.slug}`);
    await expect(meta('link[rel="canonical"]', 'href')).resolves.toBe(`${f.shop.url}/en/m/${museum.slug}`);
    await expect(meta('meta[property="og:description"]')).resolves.toBeTruthy();

    const sitemap = await fetch(`${f.shop.url}/sitemap.xml`);
    expect(sitemap.status).toBe(200);
    const xml = await sitemap.text();
    const urls = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    expect(urls).toEqual(expect.arrayContaining([`${f.shop.url}/zh-CN/m/${museum.slug}`, `${f.shop.url}/zh-CN/products/${productId}`]));
    // Each entry names its English and French pages as alternates.
    for (const locale of ['en', 'fr']) {
      expect(xml).toContain(`hreflang="${locale}" href="${f.shop.url}/${locale}/products/${productId}"`);
    }
    expect(new Set(urls).size).toBe(urls.length);

    const robots = await (await fetch(`${f.shop.url}/robots.txt`)).text();
    expect(robots).toMatch(/^User-Agent: \*$/m);
    for (const path of ['/*/cart', '/*/checkout', '/*/orders', '/*/account']) expect(robots).toContain(`Disallow: ${path}`);
    expect(robots).toContain(`Sitemap: ${f.shop.url}/sitemap.xml`);
  });
});
