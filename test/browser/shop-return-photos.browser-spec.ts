import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createUser } from '@vitrine/shared/testing';
import { en } from '../../apps/shop/src/i18n/dictionaries/en';
import { zhCN } from '../../apps/shop/src/i18n/dictionaries/zh-CN';
import { fill } from '../../apps/shop/src/i18n/dictionary';
import { residentId, type Shop } from '../support/checkout-fixtures';
import { useShop, type ShopPage } from './support/shop-fixture';
import { markDelivered, pageCheck, placePaidOrder, signIn as signInAs } from './support/shop-steps';

const FIXTURES = path.resolve(__dirname, '../fixtures/return-photos');
// The API (started by the fixture in this process) keeps the photos in a directory of this spec.
const dir = mkdtempSync(path.join(tmpdir(), 'vitrine-shop-return-photos-'));
process.env['RETURN_PHOTOS_DIR'] = dir;

const check = pageCheck('shop-return-photos');

/**
 * Issue 20, photos in the shop's return form: the shopper picks files with the form's file
 * input. A GIF is refused at that field in the shopper's language (RETURN_PHOTO_TYPE_NOT_ALLOWED,
 * nothing written); a JPEG and a PNG go with the request and are kept, typed by their bytes.
 * The English page shows the input's label and hint too. The return's progress is written by
 * the API in the page's language (Chinese, then English). Screenshots:
 * test/artifacts/shop-return-photos-*.png (390 px, axe-core, tap targets, no sideways scroll).
 */
describe('shop: photos with a return request', () => {
  const f = useShop({ stripe: true, fx: '7.8000', shops: [{ prices: [2_500], stock: 20 }] });
  let shop: Shop;
  const shopper = { email: '', token: '', orderId: '', lineId: '' };

  beforeAll(async () => {
    shop = f.shops[0]!;
    const user = await createUser(f.api.db.prisma, 'SHOPPER');
    shopper.email = user.email;
    shopper.token = await f.api.login(user.email);
    const { order } = await placePaidOrder(f, { token: shopper.token, lines: [{ variantId: shop.variants[0]!.id, quantity: 2 }], key: 'shop-return-photos', residentId: residentId(7611), name: '王芳' });
    // Released and delivered as the worker would (its path is test/e2e/return-photos).
    await markDelivered(f.api.db.prisma, order.id);
    shopper.orderId = order.id;
    shopper.lineId = order.lines[0]!.id;
  }, 600_000);
  afterAll(() => {
    delete process.env['RETURN_PHOTOS_DIR'];
    rmSync(dir, { recursive: true, force: true });
  });

  /**
   * The shopper's own photos on the order page: a thumbnail each, in the order sent, named in the
   * page's language, loaded by the browser from the shop's origin through the signed link, the
   * bytes those uploaded, kept privately no longer than the link works.
   */
  async function expectThumbnails(s: ShopPage, t: typeof zhCN.returns): Promise<void> {
    const thumbs = s.page.getByTestId('return-photo');
    expect(await thumbs.count()).toBe(2);
    for (const [i, file] of ['cracked-vase.jpg', 'cracked-vase.png'].entries()) {
      const img = thumbs.nth(i).locator('img');
      expect(await img.getAttribute('alt')).toBe(fill(t.photoAlt, { n: i + 1 }));
      expect(await thumbs.nth(i).getAttribute('aria-label')).toBe(fill(t.photoOpen, { n: i + 1 }));
      const src = (await img.getAttribute('src'))!;
      expect(src).toMatch(/^\/return-photos\/[0-9a-f-]{36}\?expires=\d+&signature=[A-Za-z0-9_-]{43}$/);
      expect(await thumbs.nth(i).getAttribute('href')).toBe(src);
      await img.scrollIntoViewIfNeeded();
      expect(await img.evaluate(async (el: HTMLImageElement) => (await el.decode(), el.naturalWidth))).toBeGreaterThan(0);
      const res = await s.page.request.get(`${f.shop.url}${src}`);
      expect(res.status()).toBe(200);
      expect(res.headers()['content-type']).toBe(file.endsWith('.png') ? 'image/png' : 'image/jpeg');
      expect(res.headers()['cache-control']).toMatch(/^private, max-age=\d+$/);
      expect(res.headers()['x-content-type-options']).toBe('nosniff');
      expect(Buffer.from(await res.body()).equals(readFileSync(path.join(FIXTURES, file)))).toBe(true);
    }
  }

  async function signIn(locale: 'zh-CN' | 'en'): Promise<ShopPage> {
    const s = await f.open(null, { locale });
    await signInAs(s, shopper.email, locale);
    await s.page.goto(`${f.shop.url}/${locale}/orders/${shopper.orderId}`);
    await s.page.getByTestId('return-form').waitFor();
    return s;
  }

  it('refuses a GIF at the file input in Chinese, then sends a JPEG and a PNG with the request', async () => {
    const t = zhCN.returns;
    const s = await signIn('zh-CN');
    const p = s.page;
    await p.getByTestId(`return-line-${shopper.lineId}`).getByRole('button', { name: new RegExp(`^${t.more}`) }).click();
    await p.getByLabel(t.reason).selectOption('DAMAGED');
    const input = p.getByLabel(t.photoFiles);
    expect(await input.getAttribute('accept')).toBe('image/jpeg,image/png,image/webp');
    await check(s, 'form-zh');

    // A GIF (renamed or not, the API reads its bytes): refused at the file input, nothing written.
    await input.setInputFiles(path.join(FIXTURES, 'cracked-vase.gif'));
    await p.getByTestId('request-return').click();
    await p.getByTestId('return-photo-files-error').waitFor();
    expect(await p.getByTestId('return-photo-files-error').textContent()).toBe(zhCN.errors.RETURN_PHOTO_TYPE_NOT_ALLOWED);
    expect(await f.api.db.prisma.orderReturn.count()).toBe(0);
    expect(await f.api.db.prisma.orderReturnPhoto.count()).toBe(0);
    // The reason chosen stays.
    expect(await p.getByLabel(t.reason).inputValue()).toBe('DAMAGED');
    await check(s, 'refused-zh');

    await p.getByLabel(t.photoFiles).setInputFiles([path.join(FIXTURES, 'cracked-vase.jpg'), path.join(FIXTURES, 'cracked-vase.png')]);
    await p.getByTestId('request-return').click();
    await p.getByTestId('return-requested').waitFor();
    const ret = await f.api.db.prisma.orderReturn.findFirstOrThrow({ where: { orderId: shopper.orderId }, include: { photos: { orderBy: { position: 'asc' } } } });
    expect(ret.photos.map((ph) => [ph.position, ph.contentType])).toEqual([
      [0, 'image/jpeg'],
      [1, 'image/png'],
    ]);
    // The return's progress, written by the API in Chinese (it keeps codes and parameters).
    await p.getByTestId('return-history').locator('summary').click();
    await p.getByTestId('return-history').getByText('原因：商品损坏；共 1 件').waitFor();
    await expectThumbnails(s, t);
    await check(s, 'requested-zh');

    // A link changed in any part is refused through the shop's route as by the API (403), and nothing else is told.
    const src = (await p.getByTestId('return-photo').first().locator('img').getAttribute('src'))!;
    const forged = src.replace(/signature=([A-Za-z0-9_-])/, (_m, c: string) => `signature=${c === 'A' ? 'B' : 'A'}`);
    expect(forged).not.toBe(src);
    const refused = await p.request.get(`${f.shop.url}${forged}`);
    expect(refused.status()).toBe(403);
    expect((await refused.body()).length).toBe(0);
    const later = await p.request.get(`${f.shop.url}${src.replace(/expires=(\d+)/, (_m, e: string) => `expires=${Number(e) + 60}`)}`);
    expect(later.status()).toBe(403);
    // Not through the shop's locale redirect or session handling: no cookie set.
    expect(refused.headers()['set-cookie']).toBeUndefined();
  });

  it('shows the file input in English', async () => {
    // The first unit's return is open; the second can still be asked for.
    const s = await signIn('en');
    await s.page.getByText(en.returns.photoFiles, { exact: true }).waitFor();
    await s.page.getByText('JPEG / PNG / WebP, at most 4 photos of 1 MB each.', { exact: true }).waitFor();
    // The same progress in English.
    await s.page.getByTestId('return-history').locator('summary').click();
    await s.page.getByTestId('return-history').getByText('Reason: damaged; 1 unit(s)').waitFor();
    expect(await s.page.getByTestId('return-history').locator('summary').textContent()).toBe(en.returns.history);
    await expectThumbnails(s, en.returns);
    expect(await s.page.getByTestId('return-photos').locator('p.hint').first().textContent()).toBe(en.returns.yourPhotos);
    await check(s, 'form-en');
  });
});
