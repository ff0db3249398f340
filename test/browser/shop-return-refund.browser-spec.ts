import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createUser } from '@vitrine/shared/testing';
import { fill } from '../../apps/shop/src/i18n/dictionary';
import { zhCN } from '../../apps/shop/src/i18n/dictionaries/zh-CN';
import { formatMoney } from '../../apps/shop/src/lib/format/money';
import { residentId, type Shop } from '../support/checkout-fixtures';
import type { SpawnedProcess } from '../support/spawn-api';
import { until } from '../support/worker-process';
import { useShop } from './support/shop-fixture';
import { askReturn, pageCheck, placePaidOrder, signIn } from './support/shop-steps';

const FIXTURES = path.resolve(__dirname, '../fixtures/return-photos');
// The API (in this process) and the worker keep the photos in one directory of this spec.
const dir = mkdtempSync(path.join(tmpdir(), 'vitrine-shop-return-refund-'));
process.env['RETURN_PHOTOS_DIR'] = dir;

const t = zhCN.returns;
const DECIDE = `mutation($id: ID!) { decideReturn(returnId: $id, accept: true, comment: "抱歉，请寄回") { id status } }`;
const INSPECT = `mutation($i: InspectReturnInput!) { inspectReturn(input: $i) { id status refundAmount } }`;

const check = pageCheck('shop-return-refund');

/**
 * Issue 20, a return from the shop to the refund, at a phone's size (390x844, zh-CN): the order
 * is taken to DELIVERED by the real worker through the customs and carrier loopbacks; the shopper
 * asks on the order page to return its unit as damaged, with a photo; the museum's manager
 * accepts through the API; the worker books the return waybill and customs accepts the return
 * declaration (loopback); the carrier's tracking says the
 * parcel arrived and the worker marks the return received; the manager inspects it and the
 * refund goes through the Stripe loopback (its charge.refunded webhook delivered); the order page
 * shows the return refunded with its amount, the notices page says so in Chinese, and the worker
 * has deleted the shopper's photo (the return is closed). Every page: axe-core, 44 px taps, no
 * sideways scroll; screenshots test/artifacts/shop-return-refund-*.png.
 */
describe('shop: a return from request to refund', () => {
  // The order taken to DELIVERED, and the return through customs and back, by the real worker with the sandboxes.
  const f = useShop({ stripe: true, pipeline: true, fx: '7.8000', shops: [{ prices: [2_500], stock: 20 }] });
  let shop: Shop;
  let worker: SpawnedProcess;
  let manager: string;
  const shopper = { email: '', token: '', orderId: '', lineId: '', paymentIntentId: '' };

  beforeAll(async () => {
    shop = f.shops[0]!;
    manager = await f.api.login((await createUser(f.api.db.prisma, 'MUSEUM_MANAGER', { museumIds: [shop.museumId] })).email);
    worker = await f.startWorker({ RETURN_PHOTOS_DIR: dir });
    const user = await createUser(f.api.db.prisma, 'SHOPPER');
    shopper.email = user.email;
    shopper.token = await f.api.login(user.email);
    const paid = await placePaidOrder(f, { token: shopper.token, lines: [{ variantId: shop.variants[0]!.id, quantity: 1 }], key: `refund-${f.queuePrefix}`, residentId: residentId(7321), name: '王芳' });
    const order = paid.order;
    shopper.orderId = order.id;
    shopper.lineId = order.lines[0]!.id;
    shopper.paymentIntentId = paid.paymentIntentId;
    await until('the order delivered', async () => (await f.api.db.prisma.order.findUniqueOrThrow({ where: { id: order.id } })).status === 'DELIVERED', 120_000, worker);
  }, 300_000);
  afterAll(async () => {
    delete process.env['RETURN_PHOTOS_DIR'];
    rmSync(dir, { recursive: true, force: true });
  });

  it('asks for the return in the shop, and shows it accepted, then refunded, with its notice; the photo is deleted once closed', async () => {
    const s = await f.open(null);
    const p = s.page;
    await signIn(s, shopper.email);

    // The request: one unit, damaged, a photo of it.
    await p.goto(`${f.shop.url}/zh-CN/orders/${shopper.orderId}`);
    await p.getByTestId('return-form').waitFor();
    expect(await p.getByTestId('return-jump').count()).toBe(1);
    await askReturn(p, { lineId: shopper.lineId, reason: 'DAMAGED', photo: path.join(FIXTURES, 'cracked-vase.jpg'), note: '花瓶有裂纹' });
    expect(await p.getByTestId('return-item').getAttribute('data-status')).toBe('REQUESTED');
    const ret = await f.api.db.prisma.orderReturn.findFirstOrThrow({ where: { orderId: shopper.orderId }, include: { photos: true } });
    expect(ret.photos).toHaveLength(1);
    expect(readdirSync(dir)).toEqual([ret.id]);
    // The shopper sees the photo sent: a thumbnail, loaded through its signed link on the shop's origin.
    const thumb = p.getByTestId('return-photo').locator('img');
    expect(await thumb.count()).toBe(1);
    expect(await thumb.evaluate(async (el: HTMLImageElement) => (el.scrollIntoView(), await el.decode(), el.naturalWidth))).toBeGreaterThan(0);
    const photoSrc = (await thumb.getAttribute('src'))!;
    await check(s, 'requested');

    // Accepted by the museum through the API; the worker books the return waybill.
    expect((await f.api.gql(DECIDE, { id: ret.id }, manager)).errors).toBeUndefined();
    await until('the return waybill booked', async () => (await f.api.db.prisma.orderReturn.findUniqueOrThrow({ where: { id: ret.id } })).returnLogisticsNo !== null, 60_000, worker);
    const waybill = (await f.api.db.prisma.orderReturn.findUniqueOrThrow({ where: { id: ret.id } })).returnLogisticsNo!;
    await p.goto(`${f.shop.url}/zh-CN/orders/${shopper.orderId}`);
    expect(await p.getByTestId('return-item').getAttribute('data-status')).toBe('ACCEPTED');
    expect(await p.getByTestId('return-waybill').textContent()).toBe(fill(t.waybill, { number: waybill }));
    await check(s, 'accepted');

    // Declared to customs by the worker (CEB625) and accepted by the loopback, before the refund (so the notices come in a known order).
    await until('customs accepted the return', async () => (await f.api.db.prisma.orderReturn.findUniqueOrThrow({ where: { id: ret.id } })).customsStatus === 'ACCEPTED', 60_000, worker);
    // The carrier's tracking: the parcel is back at the site; the worker marks the return received.
    f.carrier.arriveReturn(ret.id);
    await until('the return received', async () => (await f.api.db.prisma.orderReturn.findUniqueOrThrow({ where: { id: ret.id } })).receivedAt !== null, 60_000, worker);
    // Inspected by the museum: the unit accepted, not back on sale; the refund goes through Stripe (the loopback).
    const inspected = await f.api.gql(INSPECT, { i: { returnId: ret.id, comment: '确认破损', lines: [{ lineId: shopper.lineId, acceptedQuantity: 1, sellable: false }] } }, manager);
    expect(inspected.errors).toBeUndefined();
    expect(inspected.data.inspectReturn.status).toBe('REFUNDED');
    expect(await f.stripe.deliver(f.api.baseUrl, f.stripe.refunded(shopper.paymentIntentId))).toBe(200);
    const closed = await f.api.db.prisma.orderReturn.findUniqueOrThrow({ where: { id: ret.id } });
    expect(closed.refundAmountMinor).toBeGreaterThan(0);
    const order = await f.api.db.prisma.order.findUniqueOrThrow({ where: { id: shopper.orderId } });
    // Damaged (the seller's fault): the whole order back, goods, tax and shipping.
    expect(closed.refundAmountMinor).toBe(order.totalMinor);

    // Closed: the worker deletes the shopper's photo (row, file and folder). Waited for before the
    // order page is opened again: a page opened meanwhile could ask for the thumbnail just as it
    // is deleted (a 404 in the browser's console).
    await until('the photo deleted', async () => (await f.api.db.prisma.orderReturnPhoto.count({ where: { returnId: ret.id } })) === 0, 30_000, worker);
    expect(readdirSync(dir)).toEqual([]);

    await p.goto(`${f.shop.url}/zh-CN/orders/${shopper.orderId}`);
    expect(await p.getByTestId('return-item').getAttribute('data-status')).toBe('REFUNDED');
    expect(await p.getByTestId('return-status').textContent()).toBe(t.status.REFUNDED);
    const amount = formatMoney({ amount: closed.refundAmountMinor!, currency: order.currency }, 'zh-CN');
    expect(await p.getByTestId('return-refund').textContent()).toBe(fill(t.refunded, { amount }));
    // Nothing left to return: no link to the form at the top, the form says so.
    expect(await p.getByTestId('return-jump').count()).toBe(0);
    await p.getByText(t.nothingLeft).waitFor();
    await check(s, 'refunded');

    // The notices page: the refund's notice in Chinese, newest first.
    await p.goto(`${f.shop.url}/zh-CN/account/notices`);
    const first = p.getByTestId('notice').first();
    expect(await first.getAttribute('data-kind')).toBe('REFUNDED');
    expect(await first.locator('.notice-text').textContent()).toContain('退款');
    await check(s, 'notices');

    // The order page no longer shows it, and says why; the link it had answers 404 now through the shop (403 had it expired meanwhile).
    await p.goto(`${f.shop.url}/zh-CN/orders/${shopper.orderId}`);
    expect(await p.getByTestId('return-photo').count()).toBe(0);
    expect(await p.getByTestId('return-photos-deleted').textContent()).toBe(t.photosDeleted);
    const expires = Number(/expires=(\d+)/.exec(photoSrc)![1]);
    const before = Date.now();
    const gone = (await p.request.get(`${f.shop.url}${photoSrc}`)).status();
    if (before < expires * 1000 - 5_000) expect(gone).toBe(404);
    else expect(gone).toBe(403);
    await check(s, 'photo-deleted');
  });
});
