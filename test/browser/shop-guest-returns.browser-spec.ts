import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { en } from '../../apps/shop/src/i18n/dictionaries/en';
import { fr } from '../../apps/shop/src/i18n/dictionaries/fr';
import { zhCN } from '../../apps/shop/src/i18n/dictionaries/zh-CN';
import { fill } from '../../apps/shop/src/i18n/dictionary';
import { RECIPIENT, residentId } from '../support/checkout-fixtures';
import { SmsLoopback } from '../support/sms-loopback';
import { useShop } from './support/shop-fixture';
import { askReturn, markDelivered, pageCheck, placePaidOrder } from './support/shop-steps';

const FIXTURES = path.resolve(__dirname, '../fixtures/return-photos');
const dir = mkdtempSync(path.join(tmpdir(), 'vitrine-shop-guest-returns-'));
process.env['RETURN_PHOTOS_DIR'] = dir;

const check = pageCheck('shop-guest-returns');

/**
 * Issue 20, a return asked for by a guest (an order placed without an account), at 390x844: the
 * order page does not open to a stranger's browser and offers the guest's way in; the guest gives
 * the order number and the recipient's phone (a wrong phone: GUEST_ORDER_NOT_FOUND in Chinese,
 * nothing written, no text sent), gets a code by SMS (the Alibaba Cloud SMS loopback), types a
 * wrong code (GUEST_CODE_INVALID, the try counted) then the right one, lands on the order's
 * returns, asks to return a unit with a photo and sees it requested with its thumbnail; the
 * same page in English and French. Every page: axe-core, 44 px taps, no sideways scroll;
 * screenshots test/artifacts/shop-guest-returns-*.png.
 */
describe('shop: a guest’s return', () => {
  let sms: SmsLoopback;
  // Before the fixture's API starts: it texts through this loopback.
  beforeAll(async () => {
    sms = await SmsLoopback.start();
    Object.assign(process.env, sms.env);
  });
  const f = useShop({ stripe: true, fx: '7.8000', shops: [{ prices: [2_500], stock: 20 }] });
  const order = { id: '', number: '', lineId: '' };
  const placedHere = { checkoutId: '', cartId: '', cartToken: '' };

  beforeAll(async () => {
    // A guest's checkout: no account, the cart's own token.
    const paid = await placePaidOrder(f, { lines: [{ variantId: f.shops[0]!.variants[0]!.id, quantity: 2 }], key: 'shop-guest-returns', residentId: residentId(7621), name: '李娜' });
    const o = paid.order;
    // Released and delivered as the worker would (its path: test/e2e/guest-returns).
    await markDelivered(f.api.db.prisma, o.id);
    Object.assign(order, { id: o.id, number: o.number, lineId: o.lines[0]!.id });
    Object.assign(placedHere, { checkoutId: paid.checkoutId, cartId: paid.cartId, cartToken: paid.cartToken });
  }, 600_000);
  afterAll(async () => {
    await sms?.close();
    for (const k of ['RETURN_PHOTOS_DIR', ...Object.keys(sms?.env ?? {})]) delete process.env[k];
    rmSync(dir, { recursive: true, force: true });
  });

  it('finds the order with a code texted to its phone, asks for a return with a photo, and sees it, in Chinese, English and French', async () => {
    const t = zhCN.returns;
    const g = t.guest;
    // The device that placed it (its checkout cookie) sees the order, but returns ask for the code first.
    const here = await f.open(null);
    await here.context.addCookies([{ name: 'vitrine_checkout', value: encodeURIComponent(JSON.stringify(placedHere)), url: f.shop.url }]);
    await here.page.goto(`${f.shop.url}/zh-CN/orders/${order.id}`);
    await here.page.getByTestId('guest-confirm').waitFor();
    expect(await here.page.getByTestId('return-form').count()).toBe(0);
    expect(await here.page.getByTestId('guest-confirm').getByRole('link').getAttribute('href')).toBe(`/zh-CN/orders/find?number=${encodeURIComponent(order.number)}`);
    await check(here, 'placed-here');
    // Another browser: the order does not open; the guest's way in is offered.
    const s = await f.open(`/zh-CN/orders/${order.id}`);
    const p = s.page;
    await p.getByText(zhCN.buy.orders.signInToSee).waitFor();
    expect(await p.getByTestId('returns').count()).toBe(0);
    await check(s, 'locked');
    await p.getByTestId('guest-find').click();
    await p.getByRole('heading', { name: g.title }).waitFor();

    // The wrong phone: refused in Chinese, nothing written, no text sent; the number stays.
    await p.getByLabel(g.orderNumber).fill(order.number);
    await p.getByLabel(g.phone).fill('139 1234 5678');
    await p.getByTestId('guest-send').click();
    await p.getByTestId('guest-error').waitFor();
    expect(await p.getByTestId('guest-error').textContent()).toBe(zhCN.errors.GUEST_ORDER_NOT_FOUND);
    expect(await p.getByLabel(g.orderNumber).inputValue()).toBe(order.number);
    expect(await f.api.db.prisma.guestOrderCode.count()).toBe(0);
    expect(sms.sent).toEqual([]);
    // The phone is not put in the address.
    expect(p.url()).not.toContain('1391234');
    await check(s, 'find-refused');

    // The right phone, as typed with the country code: a code texted to it.
    await p.getByLabel(g.phone).fill(`+86 ${RECIPIENT.phone}`);
    await p.getByTestId('guest-send').click();
    await p.getByTestId('guest-code-sent').waitFor();
    expect(await p.getByTestId('guest-code-sent').textContent()).toBe(fill(g.codeSentTo, { phone: '138****8000', number: order.number }));
    expect(sms.to(RECIPIENT.phone)).toHaveLength(1);
    expect(p.url()).not.toContain(RECIPIENT.phone);
    await check(s, 'code-sent');

    // A wrong code: refused, the try counted, nothing else.
    const code = sms.to(RECIPIENT.phone)[0]!.params['code']!;
    await p.getByLabel(g.code).fill(code === '000000' ? '111111' : '000000');
    await p.getByTestId('guest-verify').click();
    await p.getByTestId('guest-error').waitFor();
    expect(await p.getByTestId('guest-error').textContent()).toBe(zhCN.errors.GUEST_CODE_INVALID);
    expect((await f.api.db.prisma.guestOrderCode.findFirstOrThrow()).attempts).toBe(1);
    await check(s, 'code-wrong');

    // The right code: the order's returns.
    await p.getByLabel(g.code).fill(code);
    await p.getByTestId('guest-verify').click();
    await p.waitForURL(new RegExp(`/zh-CN/orders/${order.id}#returns$`));
    await p.getByTestId('return-form').waitFor();
    expect(await p.getByTestId('return-jump').count()).toBe(1);
    await check(s, 'order-opened');

    // The return: one unit, damaged, a photo.
    await askReturn(p, { lineId: order.lineId, reason: 'DAMAGED', photo: path.join(FIXTURES, 'cracked-vase.jpg'), note: '收到时已破损' });
    const ret = await f.api.db.prisma.orderReturn.findFirstOrThrow({ where: { orderId: order.id }, include: { lines: true, photos: true } });
    expect(ret).toMatchObject({ shopperUserId: null, status: 'REQUESTED', reason: 'DAMAGED', note: '收到时已破损' });
    expect(ret.lines.map((l) => [l.orderLineId, l.quantity])).toEqual([[order.lineId, 1]]);
    expect(ret.photos).toHaveLength(1);
    expect(await p.getByTestId('return-status').textContent()).toBe(t.status.REQUESTED);
    const thumb = p.getByTestId('return-photo').locator('img');
    expect(await thumb.evaluate(async (el: HTMLImageElement) => (el.scrollIntoView(), await el.decode(), el.naturalWidth))).toBeGreaterThan(0);
    await check(s, 'requested');

    // The same order in English and French, on this device.
    for (const [locale, dict] of [
      ['en', en],
      ['fr', fr],
    ] as const) {
      await p.goto(`${f.shop.url}/${locale}/orders/${order.id}`);
      await p.getByRole('heading', { name: dict.returns.title, exact: true }).waitFor();
      expect(await p.getByTestId('return-status').textContent()).toBe(dict.returns.status.REQUESTED);
      expect(await p.getByTestId('return-photo').locator('img').getAttribute('alt')).toBe(fill(dict.returns.photoAlt, { n: 1 }));
      await check(s, `order-${locale}`);
    }
    await p.goto(`${f.shop.url}/fr/orders/find`);
    await p.getByRole('heading', { name: fr.returns.guest.title }).waitFor();
    await check(s, 'find-fr');
  });
});
