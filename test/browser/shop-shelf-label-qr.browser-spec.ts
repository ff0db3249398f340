import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { createUser } from '@vitrine/shared/testing';
import { COOKIE } from '../../apps/shop/src/lib/api/config';
import type { Shop } from '../support/checkout-fixtures';
import { decodeQr, pdfImages } from '../support/pdf-qr';
import { ARTIFACTS } from './support/browser';
import { pageProblems } from './support/shop-checks';
import { useShop } from './support/shop-fixture';
import { screenshotIfAsked } from './support/shop-steps';

/**
 * Issue 17, a shelf label scanned: the QR codes printed on the A4 sheet of shelf labels
 * (GET /shelf-labels.pdf, the console's download) are read from the PDF's images with jsQR, as
 * a phone's camera reads them — not the link annotation written beside them. Each carries its
 * product's short link with the museum's shelf marker; a phone opening what it read lands on
 * that product in Chinese, and the marker is kept for checkout. The decoded QR images are in
 * test/artifacts/shop-shelf-label-qr-*.png, the landing page in shop-shelf-label-qr-landing.png.
 */
const ORIGIN = 'https://shop.example.cn';
// The API writes the shop's public origin into the QR codes (the shop itself runs on a loopback port).
process.env['SHOP_ORIGIN'] = ORIGIN;
const NAMES = ['鸢尾花丝巾', '睡莲笔记本'];
const PRODUCT = `query($id: ID!) { product(id: $id) { shortCode } }`;

describe('shop: a shelf label’s QR code, scanned', () => {
  const f = useShop({ fx: '7.8000', shops: [{ prices: [4_000, 6_500], stock: 5 }] });
  let shop: Shop;

  beforeAll(async () => {
    shop = f.shops[0]!;
    for (const [i, v] of shop.variants.entries()) await f.api.db.prisma.product.update({ where: { id: v.productId }, data: { nameZh: NAMES[i] } });
  }, 120_000);

  it('each QR code on the PDF decodes to its product’s short link with the shelf marker, which opens the product in Chinese', async () => {
    const museum = await f.api.db.prisma.museum.findUniqueOrThrow({ where: { id: shop.museumId } });
    const manager = await f.api.login((await createUser(f.api.db.prisma, 'MUSEUM_MANAGER', { museumIds: [shop.museumId] })).email);
    const ids = shop.variants.map((v) => v.productId);
    const res = await fetch(`${f.api.baseUrl}/shelf-labels.pdf?products=${ids.join(',')}`, { headers: { authorization: `Bearer ${manager}` } });
    expect(res.status).toBe(200);
    const pdf = Buffer.from(await res.arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');

    // One QR image a label, in the labels' order; each decoded from its pixels.
    const images = pdfImages(pdf);
    expect(images).toHaveLength(ids.length);
    const expected: string[] = [];
    for (const id of ids) {
      const r: any = await f.api.gql(PRODUCT, { id });
      expect(r.errors).toBeUndefined();
      expect(r.data.product.shortCode).toMatch(/^[A-Za-z0-9]+$/);
      expected.push(`${ORIGIN}/p/${r.data.product.shortCode}?src=shelf-${museum.slug}`);
    }
    const decoded = images.map((image, i) => {
      writeFileSync(path.join(ARTIFACTS, `shop-shelf-label-qr-${i + 1}.png`), image.png);
      expect(image.width).toBeGreaterThanOrEqual(100);
      return decodeQr(image.png);
    });
    expect(decoded).toEqual(expected);

    // A phone opens what it read (on this test's shop instead of the public origin): the product, in Chinese.
    const scanned = new URL(decoded[1]!);
    const s = await f.open(`${scanned.pathname}${scanned.search}`);
    const p = s.page;
    await p.waitForURL(new RegExp(`/zh-CN/products/${ids[1]}$`));
    await expect(p.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(NAMES[1]);
    await expect(p.evaluate(() => document.documentElement.lang)).resolves.toBe('zh-CN');
    const marker = (await s.context.cookies()).find((c) => c.name === COOKIE.source);
    expect(marker?.value).toBe(`shelf-${museum.slug}`);
    await screenshotIfAsked(s, 'shop-shelf-label-qr-landing');
    expect(await pageProblems(p)).toEqual([]);
  });
});
