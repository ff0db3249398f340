import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createMuseum, createUser } from '@vitrine/shared/testing';
import { guestCodeConfigFromEnv } from '../../libs/orders/src/lib/after-sales/application/guest-returns.service';
import { accessToken } from '../../libs/orders/src/lib/after-sales/domain/guest-codes';
import type { ApiHarness } from '../support/api-harness';
import { CarrierLoopback } from '../support/carrier-loopback';
import { ADD_LINE, PLACE_ORDER, RECIPIENT, placeOrderInput, residentId, seedFx, seedShop, startCheckoutApi, type Shop } from '../support/checkout-fixtures';
import { CustomsLoopback } from '../support/customs-loopback';
import { signingKeys } from '../support/pipeline-fixtures';
import { SmsLoopback } from '../support/sms-loopback';
import type { StripeLoopback } from '../support/stripe-loopback';
import { dropQueues, startWorker, until, waitForOutput } from '../support/worker-process';

const SEND = `mutation($i: SendGuestOrderCodeInput!) { sendGuestOrderCode(input: $i) { phoneMasked expiresAt resendAfter } }`;
const VERIFY = `mutation($i: VerifyGuestOrderCodeInput!) { verifyGuestOrderCode(input: $i) { orderId token expiresAt } }`;
const GUEST_ORDER = `query($t: String!) { guestOrder(token: $t) { id number status returnDeadline lines { id quantity returnableQuantity }
  returns { id status reason photos { position contentType url } history(locale: "en") { kind detail } } } }`;
const REQUEST = `mutation($t: String!, $i: RequestReturnInput!) { requestGuestReturn(token: $t, input: $i) { id status orderId photos { position contentType } } }`;
const DECIDE = `mutation($id: ID!) { decideReturn(returnId: $id, accept: true, comment: "请寄回") { id status } }`;
const SELLER_VIEW = `query($id: ID!) { museumReturn(id: $id) { id orderNumber status } }`;

const jpeg = readFileSync(path.resolve(__dirname, '../fixtures/return-photos/cracked-vase.jpg'));

/**
 * Issue 20, returns for guests (orders placed without an account): the guest gives the order
 * number and the recipient's phone, a one-time code goes out by SMS through the notification
 * gateway (the Alibaba Cloud SMS loopback, its signature checked), the code typed back opens
 * the order through an access token, and the return is asked for as a signed-in shopper does.
 * Every refusal has its stable code and writes nothing (a wrong code counts its try, nothing
 * more): an unknown number, a wrong phone, an account's order, the gateway refusing, a second
 * code too soon, a wrong code, too many wrong tries, an expired or used code, a changed or
 * expired token, another order than the token's, more units than bought. The code is kept only
 * as its HMAC. The orders reach DELIVERED, and the accepted return ARRIVED, through the real
 * worker and the customs and carrier loopbacks; a guest's return gets no account notices.
 */
describe('guest returns', () => {
  let api: ApiHarness;
  let stripe: StripeLoopback;
  let close: () => Promise<void>;
  let sms: SmsLoopback;
  let customs: CustomsLoopback;
  let carrier: CarrierLoopback;
  let worker: ReturnType<typeof startWorker>;
  let shop: Shop;
  const keys = signingKeys();
  const prefix = `test-guest-returns-${randomBytes(4).toString('hex')}`;
  const dir = mkdtempSync(path.join(tmpdir(), 'vitrine-guest-returns-'));
  const OTHER_PHONE = '13912345678';
  type Placed = { id: string; number: string; lines: { id: string }[] };
  let guest: Placed;
  let otherGuest: Placed;
  let accountOrder: Placed;

  beforeAll(async () => {
    sms = await SmsLoopback.start();
    ({ api, stripe, close } = await startCheckoutApi({ QUEUE_PREFIX: prefix, RETURN_PHOTOS_DIR: dir, ...sms.env }));
    await seedFx(api.db.prisma, '7.8000');
    shop = await seedShop(api.db.prisma, { prices: [2_500], stock: 20 });
    customs = await CustomsLoopback.start({ publicKey: keys.publicKey });
    carrier = await CarrierLoopback.start();
    worker = startWorker({ DATABASE_URL: api.db.url, QUEUE_PREFIX: prefix, RETURN_PHOTOS_DIR: dir, ...customs.env, ...carrier.env, ...keys.env });
    await waitForOutput(worker, /worker ready/);
    const shopper = await api.login((await createUser(api.db.prisma, 'SHOPPER')).email);
    guest = await placed(null, 'guest', 7501, RECIPIENT.phone);
    otherGuest = await placed(null, 'other-guest', 7502, OTHER_PHONE);
    accountOrder = await placed(shopper, 'account', 7503, RECIPIENT.phone);
    await until('the three orders delivered', async () => (await api.db.prisma.order.count({ where: { id: { in: [guest.id, otherGuest.id, accountOrder.id] }, status: 'DELIVERED' } })) === 3, 120_000, worker);
  }, 240_000);
  afterAll(async () => {
    await worker?.stop('SIGTERM');
    await customs?.close();
    await carrier?.close();
    await sms?.close();
    await close?.();
    await dropQueues(prefix);
    for (const k of ['QUEUE_PREFIX', 'RETURN_PHOTOS_DIR', ...Object.keys(sms?.env ?? {})]) delete process.env[k];
    rmSync(dir, { recursive: true, force: true });
  });

  /** A paid order of 2 units, as a guest (token null: the cart's own token) or a signed-in shopper. */
  async function placed(token: string | null, key: string, id: number, phone: string): Promise<Placed> {
    const added: any = await api.gql(ADD_LINE, { i: { variantId: shop.variants[0]!.id, quantity: 2, cartToken: null } }, token);
    expect(added.errors).toBeUndefined();
    const cartToken = token ? null : added.data.addCartLine.cartToken;
    const input = placeOrderInput(added.data.addCartLine.cart.id, `${key}-${prefix}`, { id: residentId(id), name: '周婷', cartToken, recipient: { ...RECIPIENT, phone } });
    const r: any = await api.gql(PLACE_ORDER, { i: input }, token);
    expect(r.errors).toBeUndefined();
    expect(await stripe.deliver(api.baseUrl, stripe.succeed(r.data.placeOrder.payment.paymentIntentId))).toBe(200);
    return r.data.placeOrder.orders[0];
  }

  const code = (r: any) => r.errors?.[0]?.extensions?.code;
  const codeRows = () => api.db.prisma.guestOrderCode.findMany({ where: { orderId: guest.id }, orderBy: { createdAt: 'asc' } });
  const noReturn = async () => {
    expect(await api.db.prisma.orderReturn.count()).toBe(0);
    expect(await api.db.prisma.orderReturnPhoto.count()).toBe(0);
  };
  /** The code's send is older than the resend pause (as if the guest waited a minute). */
  const waited = () => api.db.prisma.guestOrderCode.updateMany({ where: { orderId: guest.id }, data: { createdAt: new Date(Date.now() - 61_000) } });
  const lastCode = () => sms.to(RECIPIENT.phone).at(-1)!.params['code']!;

  it('sends a code to the order’s phone, keeps only its hash, and refuses every bad try with its code, writing nothing', async () => {
    // Unknown number, wrong phone, an account's order (its owner signs in), a phone that is no mobile number: the same answer, nothing written, nothing sent.
    for (const input of [
      { orderNumber: 'VT-NOPE-0000', phone: RECIPIENT.phone },
      { orderNumber: guest.number, phone: OTHER_PHONE },
      { orderNumber: accountOrder.number, phone: RECIPIENT.phone },
      { orderNumber: guest.number, phone: '12345' },
    ]) {
      expect(code(await api.gql(SEND, { i: input }))).toBe('GUEST_ORDER_NOT_FOUND');
    }
    // The gateway refuses (flow control): nothing kept, so no code works that nobody received.
    sms.refuseNext();
    expect(code(await api.gql(SEND, { i: { orderNumber: guest.number, phone: RECIPIENT.phone } }))).toBe('NOTIFICATION_UNAVAILABLE');
    expect(await codeRows()).toEqual([]);
    expect(sms.sent).toEqual([]);

    // Sent, as typed with the country code and spaces, to the order's phone.
    const sent: any = await api.gql(SEND, { i: { orderNumber: ` ${guest.number} `, phone: '+86 138 0013 8000' } });
    expect(sent.errors).toBeUndefined();
    expect(sent.data.sendGuestOrderCode.phoneMasked).toBe('138****8000');
    expect(new Date(sent.data.sendGuestOrderCode.expiresAt).getTime() - Date.now()).toBeGreaterThan(540_000);
    expect(sms.sent).toHaveLength(1);
    const [message] = sms.sent;
    expect(message).toMatchObject({ phone: RECIPIENT.phone, signName: 'Vitrine', template: sms.template, params: { minutes: '10' } });
    expect(message!.params['code']).toMatch(/^[0-9]{6}$/);
    // At rest: the HMAC only, and the gateway's message id.
    const [row] = await codeRows();
    expect(row).toMatchObject({ orderId: guest.id, attempts: 0, usedAt: null, messageId: message!.bizId });
    expect(row!.codeHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(message!.params['code']);

    // Again at once: refused, nothing written or sent.
    const again: any = await api.gql(SEND, { i: { orderNumber: guest.number, phone: RECIPIENT.phone } });
    expect(code(again)).toBe('GUEST_CODE_RECENTLY_SENT');
    expect(again.errors[0].extensions.retryAfterSeconds).toBeGreaterThan(0);
    expect(await codeRows()).toHaveLength(1);
    expect(sms.sent).toHaveLength(1);

    // The right code with another order's number, or the right number with another phone: not found, no try counted.
    expect(code(await api.gql(VERIFY, { i: { orderNumber: otherGuest.number, phone: RECIPIENT.phone, code: lastCode() } }))).toBe('GUEST_ORDER_NOT_FOUND');
    expect(code(await api.gql(VERIFY, { i: { orderNumber: guest.number, phone: OTHER_PHONE, code: lastCode() } }))).toBe('GUEST_ORDER_NOT_FOUND');
    // Wrong codes: each counted; after 5, even the right one is refused.
    const wrong = lastCode() === '000000' ? '111111' : '000000';
    for (let i = 1; i <= 5; i++) {
      expect(code(await api.gql(VERIFY, { i: { orderNumber: guest.number, phone: RECIPIENT.phone, code: i === 3 ? 'abc' : wrong } }))).toBe('GUEST_CODE_INVALID');
      expect((await codeRows())[0]!.attempts).toBe(i);
    }
    expect(code(await api.gql(VERIFY, { i: { orderNumber: guest.number, phone: RECIPIENT.phone, code: lastCode() } }))).toBe('GUEST_CODE_ATTEMPTS_EXCEEDED');
    expect((await codeRows())[0]).toMatchObject({ attempts: 5, usedAt: null });

    // A new code, left to expire.
    await waited();
    expect((await api.gql(SEND, { i: { orderNumber: guest.number, phone: RECIPIENT.phone } })).errors).toBeUndefined();
    expect(sms.sent).toHaveLength(2);
    await api.db.prisma.guestOrderCode.updateMany({ where: { orderId: guest.id, attempts: 0 }, data: { expiresAt: new Date(Date.now() - 1_000) } });
    expect(code(await api.gql(VERIFY, { i: { orderNumber: guest.number, phone: RECIPIENT.phone, code: lastCode() } }))).toBe('GUEST_CODE_EXPIRED');

    // A third: it opens the order, once.
    await waited();
    expect((await api.gql(SEND, { i: { orderNumber: guest.number, phone: RECIPIENT.phone } })).errors).toBeUndefined();
    const verified: any = await api.gql(VERIFY, { i: { orderNumber: guest.number, phone: RECIPIENT.phone, code: ` ${lastCode().slice(0, 3)} ${lastCode().slice(3)} ` } });
    expect(verified.errors).toBeUndefined();
    expect(verified.data.verifyGuestOrderCode.orderId).toBe(guest.id);
    expect(code(await api.gql(VERIFY, { i: { orderNumber: guest.number, phone: RECIPIENT.phone, code: lastCode() } }))).toBe('GUEST_CODE_EXPIRED');
    expect((await codeRows()).map((r) => r.usedAt !== null)).toEqual([false, false, true]);
    await noReturn();
    const token: string = verified.data.verifyGuestOrderCode.token;

    // The order, opened by the token: what may still be returned and until when.
    const view: any = await api.gql(GUEST_ORDER, { t: token });
    expect(view.errors).toBeUndefined();
    expect(view.data.guestOrder).toMatchObject({ id: guest.id, number: guest.number, status: 'DELIVERED', returns: [], lines: [{ id: guest.lines[0]!.id, quantity: 2, returnableQuantity: 2 }] });
    expect(view.data.guestOrder.returnDeadline).not.toBeNull();

    // A changed token, one signed for another order by someone without the key, an expired one: refused.
    const [orderId, expires, signature] = token.split('.') as [string, string, string];
    const secret = guestCodeConfigFromEnv().secret;
    for (const bad of [
      `${orderId}.${expires}.${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}`,
      `${otherGuest.id}.${expires}.${signature}`,
      accessToken(secret, guest.id, Math.floor(Date.now() / 1000) - 1),
      accessToken('not-our-key-not-our-key-not-our-key', guest.id, Number(expires)),
      'garbage',
    ]) {
      expect(code(await api.gql(GUEST_ORDER, { t: bad }))).toBe('GUEST_ACCESS_INVALID');
      expect(code(await api.gql(REQUEST, { t: bad, i: { orderId: guest.id, reason: 'DAMAGED', lines: [{ lineId: guest.lines[0]!.id, quantity: 1 }] } }))).toBe('GUEST_ACCESS_INVALID');
    }
    // The token for another order, more units than bought, a line of another order: refused, nothing written.
    expect(code(await api.gql(REQUEST, { t: token, i: { orderId: otherGuest.id, reason: 'DAMAGED', lines: [{ lineId: otherGuest.lines[0]!.id, quantity: 1 }] } }))).toBe('NOT_FOUND');
    expect(code(await api.gql(REQUEST, { t: token, i: { orderId: guest.id, reason: 'DAMAGED', lines: [{ lineId: guest.lines[0]!.id, quantity: 3 }] } }))).toBe('VALIDATION_FAILED');
    expect(code(await api.gql(REQUEST, { t: token, i: { orderId: guest.id, reason: 'DAMAGED', lines: [{ lineId: otherGuest.lines[0]!.id, quantity: 1 }] } }))).toBe('VALIDATION_FAILED');
    await noReturn();
    // The signed-in shoppers' requestReturn still refuses a guest's order.
    const stranger = await api.login((await createUser(api.db.prisma, 'SHOPPER')).email);
    expect(code(await api.gql(`mutation($i: RequestReturnInput!) { requestReturn(input: $i) { id } }`, { i: { orderId: guest.id, reason: 'DAMAGED', lines: [{ lineId: guest.lines[0]!.id, quantity: 1 }] } }, stranger))).toBe('NOT_FOUND');
    await noReturn();
  }, 120_000);

  it('counts parallel wrong tries one by one: 8 at once, 5 refused as wrong, the rest as out of tries', async () => {
    expect((await api.gql(SEND, { i: { orderNumber: otherGuest.number, phone: OTHER_PHONE } })).errors).toBeUndefined();
    const right = sms.to(OTHER_PHONE).at(-1)!.params['code']!;
    const wrong = right === '000000' ? '111111' : '000000';
    const codes = await Promise.all(Array.from({ length: 8 }, () => api.gql(VERIFY, { i: { orderNumber: otherGuest.number, phone: OTHER_PHONE, code: wrong } }).then(code)));
    expect(codes.filter((c) => c === 'GUEST_CODE_INVALID')).toHaveLength(5);
    expect(codes.filter((c) => c === 'GUEST_CODE_ATTEMPTS_EXCEEDED')).toHaveLength(3);
    expect((await api.db.prisma.guestOrderCode.findFirstOrThrow({ where: { orderId: otherGuest.id } })).attempts).toBe(5);
    expect(code(await api.gql(VERIFY, { i: { orderNumber: otherGuest.number, phone: OTHER_PHONE, code: right } }))).toBe('GUEST_CODE_ATTEMPTS_EXCEEDED');
  }, 60_000);

  it('asks for the return with the token, as a shopper would; the museum accepts and the worker follows it to ARRIVED, with no account notices', async () => {
    await waited();
    expect((await api.gql(SEND, { i: { orderNumber: guest.number, phone: RECIPIENT.phone } })).errors).toBeUndefined();
    const token: string = ((await api.gql(VERIFY, { i: { orderNumber: guest.number, phone: RECIPIENT.phone, code: lastCode() } })) as any).data.verifyGuestOrderCode.token;
    const asked: any = await api.gql(REQUEST, { t: token, i: { orderId: guest.id, reason: 'DAMAGED', note: '花瓶裂了', lines: [{ lineId: guest.lines[0]!.id, quantity: 1 }], photos: [{ filename: 'vase.jpg', contentBase64: jpeg.toString('base64') }] } });
    expect(asked.errors).toBeUndefined();
    expect(asked.data.requestGuestReturn).toMatchObject({ status: 'REQUESTED', orderId: guest.id, photos: [{ position: 0, contentType: 'image/jpeg' }] });
    const ret = await api.db.prisma.orderReturn.findUniqueOrThrow({ where: { id: asked.data.requestGuestReturn.id }, include: { lines: true } });
    expect(ret).toMatchObject({ shopperUserId: null, reason: 'DAMAGED', note: '花瓶裂了', status: 'REQUESTED' });
    expect(ret.lines.map((l) => [l.orderLineId, l.quantity])).toEqual([[guest.lines[0]!.id, 1]]);
    // The guest sees it on the order, with its photo's signed link and its history.
    const view: any = await api.gql(GUEST_ORDER, { t: token });
    expect(view.data.guestOrder.lines[0].returnableQuantity).toBe(1);
    expect(view.data.guestOrder.returns).toEqual([
      { id: ret.id, status: 'REQUESTED', reason: 'DAMAGED', photos: [{ position: 0, contentType: 'image/jpeg', url: expect.stringMatching(/^\/return-photos\//) }], history: [{ kind: 'REQUESTED', detail: 'Reason: damaged; 1 unit(s)' }] },
    ]);
    const photo = await fetch(`${api.baseUrl}${view.data.guestOrder.returns[0].photos[0].url}`);
    expect(photo.status).toBe(200);
    expect(Buffer.from(await photo.arrayBuffer()).equals(jpeg)).toBe(true);
    // Both units, when one is already asked for: ALREADY_RETURNED, nothing written.
    expect(code(await api.gql(REQUEST, { t: token, i: { orderId: guest.id, reason: 'DAMAGED', lines: [{ lineId: guest.lines[0]!.id, quantity: 2 }] } }))).toBe('ALREADY_RETURNED');
    expect(await api.db.prisma.orderReturn.count()).toBe(1);

    // The museum of the order sees it (another museum does not) and accepts; the worker books the return waybill.
    const manager = await api.login((await createUser(api.db.prisma, 'MUSEUM_MANAGER', { museumIds: [shop.museumId] })).email);
    const otherManager = await api.login((await createUser(api.db.prisma, 'MUSEUM_MANAGER', { museumIds: [(await createMuseum(api.db.prisma)).id] })).email);
    expect(((await api.gql(SELLER_VIEW, { id: ret.id }, manager)) as any).data.museumReturn).toEqual({ id: ret.id, orderNumber: guest.number, status: 'REQUESTED' });
    expect(code(await api.gql(SELLER_VIEW, { id: ret.id }, otherManager))).toBe('NOT_FOUND');
    expect(((await api.gql(DECIDE, { id: ret.id }, manager)) as any).errors).toBeUndefined();
    await until('the return waybill booked', async () => (await api.db.prisma.orderReturn.findUniqueOrThrow({ where: { id: ret.id } })).returnLogisticsNo !== null, 60_000, worker);
    // The parcel is back at the site (the carrier's feed): ARRIVED in its history, and no notice (no account).
    carrier.arriveReturn(ret.id);
    await until('the return received', async () => (await api.db.prisma.orderReturn.findUniqueOrThrow({ where: { id: ret.id } })).receivedAt !== null, 60_000, worker);
    const kinds = ((await api.gql(GUEST_ORDER, { t: token })) as any).data.guestOrder.returns[0].history.map((h: { kind: string }) => h.kind);
    expect(kinds).toEqual(expect.arrayContaining(['REQUESTED', 'ACCEPTED', 'WAYBILL', 'ARRIVED']));
    expect(await api.db.prisma.shopperNotice.count({ where: { orderId: guest.id } })).toBe(0);
  }, 180_000);
});
