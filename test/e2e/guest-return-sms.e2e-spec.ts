import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createUser } from '@vitrine/shared/testing';
import { DEV_RETURN_SMS_TEMPLATES } from '../../libs/orders/src/lib/after-sales/domain/return-sms';
import { queueGuestReturnSms } from '../../libs/orders/src/lib/after-sales/infrastructure/return-sms.outbox';
import type { ApiHarness } from '../support/api-harness';
import { CarrierLoopback } from '../support/carrier-loopback';
import { ADD_LINE, PLACE_ORDER, RECIPIENT, placeOrderInput, residentId, seedFx, seedShop, startCheckoutApi, type Shop } from '../support/checkout-fixtures';
import { CustomsLoopback } from '../support/customs-loopback';
import { signingKeys } from '../support/pipeline-fixtures';
import { SmsLoopback } from '../support/sms-loopback';
import type { StripeLoopback } from '../support/stripe-loopback';
import { dropQueues, startWorker, until, waitForOutput } from '../support/worker-process';

const SEND = `mutation($i: SendGuestOrderCodeInput!) { sendGuestOrderCode(input: $i) { phoneMasked } }`;
const VERIFY = `mutation($i: VerifyGuestOrderCodeInput!) { verifyGuestOrderCode(input: $i) { token } }`;
const GUEST_REQUEST = `mutation($t: String!, $i: RequestReturnInput!) { requestGuestReturn(token: $t, input: $i) { id } }`;
const REQUEST = `mutation($i: RequestReturnInput!) { requestReturn(input: $i) { id } }`;
const DECIDE = `mutation($id: ID!, $accept: Boolean!, $comment: String!) { decideReturn(returnId: $id, accept: $accept, comment: $comment) { id status } }`;
const SELLER_TEXTS = `query($id: ID!) { museumReturn(id: $id) { id texts { step status attempts template messageId requestId lastError sentAt } } }`;
const REFUND_AGAIN = `mutation($id: ID!) { refundReturn(returnId: $id) { id status refundAmount } }`;
const INSPECT = `mutation($i: InspectReturnInput!) { inspectReturn(input: $i) { id status refundAmount } }`;

const T = DEV_RETURN_SMS_TEMPLATES['zh-CN'];

/**
 * Issue 20, "every step sends the shopper a notice", for guests: a guest's return (no account,
 * so no notices) texts each step to the order's phone through the SMS gateway (the Alibaba
 * Cloud SendSms loopback), sent by the real worker from the outbox row the step's transaction
 * wrote: accepted (with the museum's comment), the return waybill, arrived, refunded (with the
 * amount); refused (with the comment) for another. Each once, a gateway refusal retried, each
 * recorded with the gateway's ids; an account holder's return texts nothing (notices as before).
 */
describe('guest return texts (SMS)', () => {
  let api: ApiHarness;
  let stripe: StripeLoopback;
  let close: () => Promise<void>;
  let sms: SmsLoopback;
  let customs: CustomsLoopback;
  let carrier: CarrierLoopback;
  let worker: ReturnType<typeof startWorker>;
  let shop: Shop;
  let manager: string;
  let shopper: string;
  const keys = signingKeys();
  const prefix = `test-guest-return-sms-${randomBytes(4).toString('hex')}`;
  const dir = mkdtempSync(path.join(tmpdir(), 'vitrine-guest-return-sms-'));
  const GUEST_PHONE = RECIPIENT.phone;
  const OTHER_GUEST_PHONE = '13912345670';
  const ACCOUNT_PHONE = '13712345671';
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
    worker = startWorker({ DATABASE_URL: api.db.url, QUEUE_PREFIX: prefix, RETURN_PHOTOS_DIR: dir, ...customs.env, ...carrier.env, ...keys.env, ...sms.env });
    await waitForOutput(worker, /worker ready/);
    shopper = await api.login((await createUser(api.db.prisma, 'SHOPPER')).email);
    manager = await api.login((await createUser(api.db.prisma, 'MUSEUM_MANAGER', { museumIds: [shop.museumId] })).email);
    guest = await placed(null, 'guest', 7601, GUEST_PHONE);
    otherGuest = await placed(null, 'other-guest', 7602, OTHER_GUEST_PHONE);
    accountOrder = await placed(shopper, 'account', 7603, ACCOUNT_PHONE);
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

  /** A guest's return of one unit, asked with a code texted to the order's phone. */
  async function guestReturn(order: Placed, phone: string): Promise<string> {
    expect((await api.gql(SEND, { i: { orderNumber: order.number, phone } })).errors).toBeUndefined();
    const code = sms.withTemplate(sms.template).filter((m) => m.phone === phone).at(-1)!.params['code']!;
    const token: string = ((await api.gql(VERIFY, { i: { orderNumber: order.number, phone, code } })) as any).data.verifyGuestOrderCode.token;
    const asked: any = await api.gql(GUEST_REQUEST, { t: token, i: { orderId: order.id, reason: 'DAMAGED', lines: [{ lineId: order.lines[0]!.id, quantity: 1 }] } });
    expect(asked.errors).toBeUndefined();
    return asked.data.requestGuestReturn.id;
  }

  /** The return texts (not the codes) the phone received, oldest first. */
  const textsTo = (phone: string) => sms.to(phone).filter((m) => m.template !== sms.template);
  const rows = (returnId: string) => api.db.prisma.returnSms.findMany({ where: { returnId }, orderBy: { createdAt: 'asc' } });
  const sent = (returnId: string, step: string) => async () => (await rows(returnId)).some((r) => r.step === step && r.status === 'SENT');

  it('texts a guest accepted → waybill → arrived → refunded, once each and in that order, retrying a gateway refusal, each recorded with the gateway’s ids', async () => {
    const returnId = await guestReturn(guest, GUEST_PHONE);
    // The request itself texts nothing (the guest just asked, on the page).
    expect(await rows(returnId)).toEqual([]);

    // The gateway refuses the first send (flow control): the worker retries it, and the waybill's text waits for it.
    sms.refuseNext(1);
    const refusedBefore = sms.stats.refused;
    const decided: any = await api.gql(DECIDE, { id: returnId, accept: true, comment: '请寄回，保留原包装' }, manager);
    expect(decided.errors).toBeUndefined();
    // The step's transaction wrote the text with its job; the API sent nothing itself.
    await until('the accepted text sent', sent(returnId, 'ACCEPTED'), 60_000, worker);
    expect(sms.stats.refused).toBe(refusedBefore + 1);
    await until('the return waybill booked', async () => (await api.db.prisma.orderReturn.findUniqueOrThrow({ where: { id: returnId } })).returnLogisticsNo !== null, 60_000, worker);
    await until('the waybill text sent', sent(returnId, 'WAYBILL'), 60_000, worker);
    carrier.arriveReturn(returnId);
    await until('the arrived text sent', sent(returnId, 'ARRIVED'), 60_000, worker);
    const inspected: any = await api.gql(INSPECT, { i: { returnId, comment: 'ok', lines: [{ lineId: guest.lines[0]!.id, acceptedQuantity: 1, sellable: true }] } }, manager);
    expect(inspected.errors).toBeUndefined();
    expect(inspected.data.inspectReturn.status).toBe('REFUNDED');
    const refund: number = inspected.data.inspectReturn.refundAmount;
    await until('the refunded text sent', sent(returnId, 'REFUNDED'), 60_000, worker);

    const waybill = (await api.db.prisma.orderReturn.findUniqueOrThrow({ where: { id: returnId } })).returnLogisticsNo!;
    const texts = textsTo(GUEST_PHONE);
    expect(texts.map((m) => [m.template, m.params])).toEqual([
      [T.ACCEPTED, { order: guest.number, comment: '请寄回，保留原包装' }],
      [T.WAYBILL, { order: guest.number, waybill }],
      [T.ARRIVED, { order: guest.number }],
      [T.REFUNDED, { order: guest.number, amount: `${Math.floor(refund / 100)}.${String(refund % 100).padStart(2, '0')} CNY` }],
    ]);
    expect(texts.every((m) => m.signName === 'Vitrine')).toBe(true);
    // Each recorded: sent, the gateway's message and request ids, our id as OutId; the accepted one after two tries.
    const recorded = await rows(returnId);
    expect(recorded.map((r) => [r.step, r.status, r.attempts, r.locale])).toEqual([
      ['ACCEPTED', 'SENT', 2, 'zh-CN'],
      ['WAYBILL', 'SENT', 1, 'zh-CN'],
      ['ARRIVED', 'SENT', 1, 'zh-CN'],
      ['REFUNDED', 'SENT', 1, 'zh-CN'],
    ]);
    recorded.forEach((r, i) => {
      expect(r).toMatchObject({ messageId: texts[i]!.bizId, requestId: texts[i]!.requestId, template: texts[i]!.template, lastError: null });
      expect(texts[i]!.outId).toBe(r.id);
    });

    // The console shows them on the return (the museum's manager).
    const view: any = await api.gql(SELLER_TEXTS, { id: returnId }, manager);
    expect(view.errors).toBeUndefined();
    expect(view.data.museumReturn.texts).toEqual(
      recorded.map((r) => ({ step: r.step, status: 'SENT', attempts: r.attempts, template: r.template, messageId: r.messageId, requestId: r.requestId, lastError: null, sentAt: r.sentAt!.toISOString() })),
    );

    // A step written again (a replayed transaction or webhook) texts nothing twice.
    await api.db.prisma.$transaction((tx) => queueGuestReturnSms(tx, [{ returnId, orderId: guest.id, step: 'ACCEPTED', params: { comment: 'again' } }]));
    expect(await rows(returnId)).toHaveLength(4);
    // Nothing more goes out (the worker has had time for any stray send), and no account notices.
    await new Promise((r) => setTimeout(r, 3_000));
    expect(textsTo(GUEST_PHONE)).toHaveLength(4);
    expect(await api.db.prisma.shopperNotice.count({ where: { orderId: guest.id } })).toBe(0);
  }, 240_000);

  it('texts a guest each failed refund (Stripe down, then a refund reported failed) and each refund made, once each', async () => {
    // The guest's other unit, asked with a new code (the first one's resend pause passed).
    await api.db.prisma.guestOrderCode.updateMany({ where: { orderId: guest.id }, data: { createdAt: new Date(Date.now() - 61_000) } });
    const returnId = await guestReturn(guest, GUEST_PHONE);
    const before = textsTo(GUEST_PHONE).length;
    expect(((await api.gql(DECIDE, { id: returnId, accept: true, comment: '好的' }, manager)) as any).errors).toBeUndefined();
    await until('the return waybill booked', async () => (await api.db.prisma.orderReturn.findUniqueOrThrow({ where: { id: returnId } })).returnLogisticsNo !== null, 60_000, worker);
    carrier.arriveReturn(returnId);
    await until('the arrived text sent', sent(returnId, 'ARRIVED'), 60_000, worker);
    // Stripe down at inspection: the refund failed, texted.
    stripe.failNext(100, 503);
    const inspected: any = await api.gql(INSPECT, { i: { returnId, lines: [{ lineId: guest.lines[0]!.id, acceptedQuantity: 1, sellable: false }] } }, manager);
    stripe.failNext(0);
    expect(inspected.errors?.[0]?.extensions?.code).toBe('PAYMENT_PROVIDER_UNAVAILABLE');
    await until('the failed refund texted', sent(returnId, 'REFUND_FAILED'), 60_000, worker);
    // Asked again: refunded, texted.
    expect(((await api.gql(REFUND_AGAIN, { id: returnId }, manager)) as any).errors).toBeUndefined();
    await until('the refund texted', sent(returnId, 'REFUNDED'), 60_000, worker);
    // Stripe then reports that refund failed (the webhook's transaction): texted once, however often Stripe says it.
    const refundId = (await api.db.prisma.orderReturn.findUniqueOrThrow({ where: { id: returnId } })).refundId!;
    expect(await stripe.deliver(api.baseUrl, stripe.failRefund(refundId, 'failed'))).toBe(200);
    expect(await stripe.deliver(api.baseUrl, stripe.failRefund(refundId, 'failed', 'charge.refund.updated'))).toBe(200);
    await until('the later failure texted', async () => (await rows(returnId)).filter((r) => r.step === 'REFUND_FAILED' && r.status === 'SENT').length === 2, 60_000, worker);
    // Refunded again: a second refund text.
    expect(((await api.gql(REFUND_AGAIN, { id: returnId }, manager)) as any).errors).toBeUndefined();
    await until('the second refund texted', async () => (await rows(returnId)).filter((r) => r.step === 'REFUNDED' && r.status === 'SENT').length === 2, 60_000, worker);
    await new Promise((r) => setTimeout(r, 2_000));
    expect(textsTo(GUEST_PHONE).slice(before).map((m) => m.template)).toEqual([T.ACCEPTED, T.WAYBILL, T.ARRIVED, T.REFUND_FAILED, T.REFUNDED, T.REFUND_FAILED, T.REFUNDED]);
    expect((await rows(returnId)).map((r) => r.stepKey)).toEqual(['ACCEPTED', 'WAYBILL', 'ARRIVED', 'REFUND_FAILED.attempt-1', `REFUNDED.${refundId}`, `REFUND_FAILED.${refundId}`, expect.stringMatching(/^REFUNDED\./)]);
  }, 240_000);

  it('texts a refused guest return with the museum’s comment (cut to the gateway’s 35 characters)', async () => {
    const returnId = await guestReturn(otherGuest, OTHER_GUEST_PHONE);
    const comment = '包装已拆封，商品有使用痕迹，不符合退货条件，恕不接受退货。如有疑问请联系客服，谢谢。';
    expect(((await api.gql(DECIDE, { id: returnId, accept: false, comment }, manager)) as any).errors).toBeUndefined();
    await until('the refused text sent', sent(returnId, 'REFUSED'), 60_000, worker);
    const texts = textsTo(OTHER_GUEST_PHONE);
    expect(texts).toHaveLength(1);
    expect(texts[0]!.template).toBe(T.REFUSED);
    expect(texts[0]!.params['order']).toBe(otherGuest.number);
    expect([...texts[0]!.params['comment']!]).toHaveLength(35);
    expect(comment.startsWith(texts[0]!.params['comment']!.slice(0, -1))).toBe(true);
  }, 120_000);

  it('texts nothing for an account holder’s return: they get notices, as before', async () => {
    const asked: any = await api.gql(REQUEST, { i: { orderId: accountOrder.id, reason: 'DAMAGED', lines: [{ lineId: accountOrder.lines[0]!.id, quantity: 1 }] } }, shopper);
    expect(asked.errors).toBeUndefined();
    const returnId: string = asked.data.requestReturn.id;
    expect(((await api.gql(DECIDE, { id: returnId, accept: true, comment: 'please send it back' }, manager)) as any).errors).toBeUndefined();
    await until('the return waybill booked', async () => (await api.db.prisma.orderReturn.findUniqueOrThrow({ where: { id: returnId } })).returnLogisticsNo !== null, 60_000, worker);
    carrier.arriveReturn(returnId);
    await until('the return received', async () => (await api.db.prisma.orderReturn.findUniqueOrThrow({ where: { id: returnId } })).receivedAt !== null, 60_000, worker);
    const notices = await api.db.prisma.shopperNotice.findMany({ where: { returnId }, orderBy: { id: 'asc' } });
    expect(notices.map((n) => n.kind)).toEqual(expect.arrayContaining(['ACCEPTED', 'WAYBILL', 'ARRIVED']));
    expect(await rows(returnId)).toEqual([]);
    expect(sms.to(ACCOUNT_PHONE)).toEqual([]);
  }, 120_000);
});
