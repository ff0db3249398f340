import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createUser } from '@vitrine/shared/testing';
import { DEV_RETURN_SMS_TEMPLATES } from '../../libs/orders/src/lib/after-sales/domain/return-sms';
import type { ApiHarness } from '../support/api-harness';
import { CarrierLoopback } from '../support/carrier-loopback';
import { ADD_LINE, PLACE_ORDER, RECIPIENT, placeOrderInput, residentId, seedFx, seedShop, startCheckoutApi, type Shop } from '../support/checkout-fixtures';
import { CustomsLoopback } from '../support/customs-loopback';
import { signingKeys } from '../support/pipeline-fixtures';
import { SmsLoopback } from '../support/sms-loopback';
import { watchStatements } from '../support/sql-counter';
import type { StripeLoopback } from '../support/stripe-loopback';
import { dropQueues, startWorker, until, waitForOutput } from '../support/worker-process';

const SEND = `mutation($i: SendGuestOrderCodeInput!) { sendGuestOrderCode(input: $i) { phoneMasked } }`;
const VERIFY = `mutation($i: VerifyGuestOrderCodeInput!) { verifyGuestOrderCode(input: $i) { token } }`;
const GUEST_REQUEST = `mutation($t: String!, $i: RequestReturnInput!) { requestGuestReturn(token: $t, input: $i) { id } }`;
const REQUEST = `mutation($i: RequestReturnInput!) { requestReturn(input: $i) { id } }`;
const DECIDE = `mutation($id: ID!, $accept: Boolean!, $comment: String!) { decideReturn(returnId: $id, accept: $accept, comment: $comment) { id status } }`;
const MESSAGES = `at sentAt step channel locale phoneMasked status template content attempts lastError`;
const SELLER_RETURN = `query($id: ID!) { museumReturn(id: $id) { id shopperMessages { ${MESSAGES} } } }`;
const SELLER_RETURNS = `query($m: ID) { museumReturns(museumId: $m, first: 50) { nodes { id shopperMessages { step channel locale status } } } }`;

/**
 * Issue 20's after-sales gaps: the shop's language is recorded with the checkout (placeOrder's
 * `locale`, zh-CN by default, anything else refused with nothing written) and a guest's return
 * texts use that language's templates, an account holder's notices its words; the console reads
 * both on the return (OrderReturn.shopperMessages: step, channel, masked phone, language,
 * delivery) within its museum only; and a text is sent once even when the worker dies after the
 * gateway took it, or the gateway's answer is lost (QuerySendDetails by OutId before sending
 * again). All through GraphQL over HTTP, the real worker, and the SMS, carrier and customs loopbacks.
 */
describe('return texts and notices in the shopper’s language; shown on the return; sent once', () => {
  let api: ApiHarness;
  let stripe: StripeLoopback;
  let close: () => Promise<void>;
  let sms: SmsLoopback;
  let customs: CustomsLoopback;
  let carrier: CarrierLoopback;
  let worker: ReturnType<typeof startWorker>;
  let shop: Shop;
  let otherShop: Shop;
  let manager: string;
  let otherManager: string;
  let shopper: string;
  const keys = signingKeys();
  const prefix = `test-return-messages-${randomBytes(4).toString('hex')}`;
  const dir = mkdtempSync(path.join(tmpdir(), 'vitrine-return-messages-'));
  const FR_PHONE = '13912345601';
  const EN_PHONE = '13912345602';
  const ZH_PHONE = '13912345603';
  const ACCOUNT_PHONE = '13712345604';
  const LAG_PHONE = '13912345605';
  type Placed = { id: string; number: string; checkoutId: string; lines: { id: string }[] };
  let fr: Placed;
  let en: Placed;
  let zh: Placed;
  let account: Placed;
  /** A guest of its own for the records-lag case (no code sent to that phone a minute before). */
  let lagged: Placed;
  const workerEnv = () => ({ DATABASE_URL: api.db.url, QUEUE_PREFIX: prefix, RETURN_PHOTOS_DIR: dir, ...customs.env, ...carrier.env, ...keys.env, ...sms.env });

  beforeAll(async () => {
    sms = await SmsLoopback.start();
    ({ api, stripe, close } = await startCheckoutApi({ QUEUE_PREFIX: prefix, RETURN_PHOTOS_DIR: dir, ...sms.env }));
    await seedFx(api.db.prisma, '7.8000');
    shop = await seedShop(api.db.prisma, { prices: [2_500], stock: 20 });
    otherShop = await seedShop(api.db.prisma, { prices: [2_500], stock: 5 });
    customs = await CustomsLoopback.start({ publicKey: keys.publicKey });
    carrier = await CarrierLoopback.start();
    // A gateway that never answers is waited for a minute here: the test kills the worker first.
    worker = startWorker({ ...workerEnv(), SMS_TIMEOUT_MS: '60000' });
    await waitForOutput(worker, /worker ready/);
    shopper = await api.login((await createUser(api.db.prisma, 'SHOPPER')).email);
    manager = await api.login((await createUser(api.db.prisma, 'MUSEUM_MANAGER', { museumIds: [shop.museumId] })).email);
    otherManager = await api.login((await createUser(api.db.prisma, 'MUSEUM_MANAGER', { museumIds: [otherShop.museumId] })).email);
    fr = await placed(null, 'fr', 7701, FR_PHONE, 'fr');
    en = await placed(null, 'en', 7702, EN_PHONE, 'en');
    zh = await placed(null, 'zh', 7703, ZH_PHONE, undefined);
    account = await placed(shopper, 'account', 7704, ACCOUNT_PHONE, 'en');
    lagged = await placed(null, 'lagged', 7705, LAG_PHONE, undefined);
    const ids = [fr.id, en.id, zh.id, account.id, lagged.id];
    await until('the five orders delivered', async () => (await api.db.prisma.order.count({ where: { id: { in: ids }, status: 'DELIVERED' } })) === 5, 180_000, worker);
  }, 300_000);
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

  async function placed(token: string | null, key: string, id: number, phone: string, locale: string | undefined): Promise<Placed> {
    const added: any = await api.gql(ADD_LINE, { i: { variantId: shop.variants[0]!.id, quantity: 2, cartToken: null } }, token);
    expect(added.errors).toBeUndefined();
    const cartToken = token ? null : added.data.addCartLine.cartToken;
    const input = placeOrderInput(added.data.addCartLine.cart.id, `${key}-${prefix}`, { id: residentId(id), name: '周婷', cartToken, recipient: { ...RECIPIENT, phone }, ...(locale ? { locale } : {}) });
    const r: any = await api.gql(PLACE_ORDER, { i: input }, token);
    expect(r.errors).toBeUndefined();
    expect(await stripe.deliver(api.baseUrl, stripe.succeed(r.data.placeOrder.payment.paymentIntentId))).toBe(200);
    return { ...r.data.placeOrder.orders[0], checkoutId: r.data.placeOrder.id };
  }

  async function guestReturn(order: Placed, phone: string): Promise<string> {
    let asked = await api.gql(SEND, { i: { orderNumber: order.number, phone } });
    // One code a minute to a phone: a second return of the same guest waits for it.
    if (asked.errors?.[0]?.extensions?.['code'] === 'GUEST_CODE_RECENTLY_SENT') {
      await new Promise((r) => setTimeout(r, (Number(asked.errors![0]!.extensions!['retryAfterSeconds']) + 1) * 1000));
      asked = await api.gql(SEND, { i: { orderNumber: order.number, phone } });
    }
    expect(asked.errors).toBeUndefined();
    const code = sms.withTemplate(sms.template).filter((m) => m.phone === phone).at(-1)!.params['code']!;
    const token: string = ((await api.gql(VERIFY, { i: { orderNumber: order.number, phone, code } })) as any).data.verifyGuestOrderCode.token;
    const requested: any = await api.gql(GUEST_REQUEST, { t: token, i: { orderId: order.id, reason: 'DAMAGED', lines: [{ lineId: order.lines[0]!.id, quantity: 1 }] } });
    expect(requested.errors).toBeUndefined();
    return requested.data.requestGuestReturn.id;
  }

  const textsTo = (phone: string) => sms.to(phone).filter((m) => m.template !== sms.template);
  const rows = (returnId: string) => api.db.prisma.returnSms.findMany({ where: { returnId }, orderBy: { createdAt: 'asc' } });
  const row = async (returnId: string, step: string) => (await rows(returnId)).find((r) => r.step === step);
  const sent = (returnId: string, step: string) => async () => (await row(returnId, step))?.status === 'SENT';

  it('records the shop’s language with the checkout (zh-CN when none is given); another is refused and nothing is written', async () => {
    const checkouts = await api.db.prisma.checkout.findMany({ where: { id: { in: [fr.checkoutId, en.checkoutId, zh.checkoutId, account.checkoutId] } }, select: { id: true, locale: true } });
    const byId = new Map(checkouts.map((c) => [c.id, c.locale]));
    expect([fr, en, zh, account].map((o) => byId.get(o.checkoutId))).toEqual(['fr', 'en', 'zh-CN', 'en']);

    const added: any = await api.gql(ADD_LINE, { i: { variantId: shop.variants[0]!.id, quantity: 1, cartToken: null } });
    const cartId: string = added.data.addCartLine.cart.id;
    const before = await api.db.prisma.checkout.count();
    for (const locale of ['de', 'zh', 'FR', '']) {
      const r: any = await api.gql(PLACE_ORDER, { i: placeOrderInput(cartId, `bad-locale-${locale || 'empty'}-${prefix}`, { id: residentId(7705), cartToken: added.data.addCartLine.cartToken, locale }) });
      expect(r.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
      expect(JSON.stringify(r.errors[0].extensions)).toContain('locale');
    }
    expect(await api.db.prisma.checkout.count()).toBe(before);
    expect((await api.db.prisma.cart.findUniqueOrThrow({ where: { id: cartId } })).status).toBe('OPEN');
  });

  it('texts a French guest with the French templates and a guest without a language in Chinese; the console shows each text', async () => {
    const frReturn = await guestReturn(fr, FR_PHONE);
    const zhReturn = await guestReturn(zh, ZH_PHONE);
    expect(((await api.gql(DECIDE, { id: frReturn, accept: true, comment: 'Renvoyez-le dans son emballage' }, manager)) as any).errors).toBeUndefined();
    expect(((await api.gql(DECIDE, { id: zhReturn, accept: false, comment: '已拆封' }, manager)) as any).errors).toBeUndefined();
    await until('the French waybill text sent', sent(frReturn, 'WAYBILL'), 90_000, worker);
    await until('the Chinese refusal text sent', sent(zhReturn, 'REFUSED'), 90_000, worker);

    const FR = DEV_RETURN_SMS_TEMPLATES.fr;
    const waybill = (await api.db.prisma.orderReturn.findUniqueOrThrow({ where: { id: frReturn } })).returnLogisticsNo!;
    expect(textsTo(FR_PHONE).map((m) => [m.template, m.params])).toEqual([
      [FR.ACCEPTED, { order: fr.number, comment: 'Renvoyez-le dans son emballage' }],
      [FR.WAYBILL, { order: fr.number, waybill }],
    ]);
    expect(textsTo(ZH_PHONE).map((m) => m.template)).toEqual([DEV_RETURN_SMS_TEMPLATES['zh-CN'].REFUSED]);
    expect((await rows(frReturn)).map((r) => r.locale)).toEqual(['fr', 'fr']);

    const view: any = await api.gql(SELLER_RETURN, { id: frReturn }, manager);
    expect(view.errors).toBeUndefined();
    const recorded = await rows(frReturn);
    expect(view.data.museumReturn.shopperMessages).toEqual(
      recorded.map((r) => ({
        at: r.createdAt.toISOString(),
        sentAt: r.sentAt!.toISOString(),
        step: r.step,
        channel: 'SMS',
        locale: 'fr',
        phoneMasked: '139****5601',
        status: 'SENT',
        template: r.template,
        content: r.step === 'ACCEPTED' ? 'comment=Renvoyez-le dans son emballage' : `waybill=${waybill}`,
        attempts: 1,
        lastError: null,
      })),
    );
    // No full phone number anywhere in the answer.
    expect(JSON.stringify(view.data)).not.toContain(FR_PHONE);
  }, 240_000);

  it('shows an account holder’s notices in the language they shopped in, within the museum only, one statement for a list', async () => {
    const asked: any = await api.gql(REQUEST, { i: { orderId: account.id, reason: 'DAMAGED', lines: [{ lineId: account.lines[0]!.id, quantity: 1 }] } }, shopper);
    expect(asked.errors).toBeUndefined();
    const returnId: string = asked.data.requestReturn.id;
    expect(((await api.gql(DECIDE, { id: returnId, accept: true, comment: 'please send it back' }, manager)) as any).errors).toBeUndefined();
    await until('the waybill notice written', async () => (await api.db.prisma.shopperNotice.count({ where: { returnId, kind: 'WAYBILL' } })) === 1, 90_000, worker);

    const view: any = await api.gql(SELLER_RETURN, { id: returnId }, manager);
    expect(view.errors).toBeUndefined();
    const messages = view.data.museumReturn.shopperMessages;
    // Notices, in English, unread, no phone; the steps in the order they were written (customs' answer may follow).
    const notices = await api.db.prisma.shopperNotice.findMany({ where: { returnId }, orderBy: { id: 'asc' } });
    expect(messages.map((m: any) => [m.step, m.channel, m.locale, m.status, m.phoneMasked])).toEqual(notices.map((n) => [n.kind, 'NOTICE', 'en', 'DELIVERED', null]));
    expect(notices.map((n) => n.kind)).toEqual(expect.arrayContaining(['ACCEPTED', 'WAYBILL']));
    expect(messages.find((m: any) => m.step === 'ACCEPTED').content).toMatch(/^Your return was accepted\. Send the parcel before /);
    expect(messages.find((m: any) => m.step === 'WAYBILL').content).toMatch(/^Your return waybill is \S+; the carrier will pick the parcel up\.$/);
    expect(await rows(returnId)).toEqual([]);

    // Another museum's manager: not found on the page, absent from their list, refused on this museum's list.
    const foreign: any = await api.gql(SELLER_RETURN, { id: returnId }, otherManager);
    expect(foreign.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(foreign.data?.museumReturn ?? null).toBeNull();
    const theirs: any = await api.gql(SELLER_RETURNS, { m: null }, otherManager);
    expect(theirs.errors).toBeUndefined();
    expect(theirs.data.museumReturns.nodes).toEqual([]);
    const crossed: any = await api.gql(SELLER_RETURNS, { m: shop.museumId }, otherManager);
    expect(crossed.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    // The museum's list with every return's messages: the messages in one statement, whatever the number of returns.
    const list: any = await api.gql(SELLER_RETURNS, { m: shop.museumId }, manager);
    expect(list.errors).toBeUndefined();
    expect(list.data.museumReturns.nodes.length).toBeGreaterThanOrEqual(3);
    const sql = watchStatements(api.db.name);
    try {
      sql.take();
      expect(((await api.gql(SELLER_RETURNS, { m: shop.museumId }, manager)) as any).errors).toBeUndefined();
      expect(sql.take().filter((s) => /FROM return_sms s JOIN orders o/.test(s))).toHaveLength(1);
    } finally {
      sql.restore();
    }
  }, 180_000);

  it('sends a text once when the worker dies after the gateway took it: the next worker finds it by OutId instead of sending it again', async () => {
    const returnId = await guestReturn(en, EN_PHONE);
    // The gateway takes the accepted text but its answer is held: the worker waits on it, and is killed.
    sms.holdNext(1);
    expect(((await api.gql(DECIDE, { id: returnId, accept: true, comment: 'Send it back' }, manager)) as any).errors).toBeUndefined();
    await until('the gateway took the accepted text', async () => textsTo(EN_PHONE).length === 1, 60_000, worker);
    const taken = textsTo(EN_PHONE)[0]!;
    expect(taken.template).toBe(DEV_RETURN_SMS_TEMPLATES.en.ACCEPTED);
    const accepted = (await row(returnId, 'ACCEPTED'))!;
    expect(taken.outId).toBe(accepted.id);
    expect(accepted).toMatchObject({ status: 'SENDING', attempts: 1 });
    await worker.stop('SIGKILL');
    sms.release();

    // A new worker (the old one's jobs come back once their locks lapse) with a short gateway timeout for the next case.
    worker = startWorker({ ...workerEnv(), SMS_TIMEOUT_MS: '2000' });
    await waitForOutput(worker, /worker ready/);
    await until('the accepted text recorded sent', sent(returnId, 'ACCEPTED'), 90_000, worker);
    await until('the waybill text sent', sent(returnId, 'WAYBILL'), 90_000, worker);
    const recovered = (await row(returnId, 'ACCEPTED'))!;
    expect(recovered.messageId).toBe(`out:${accepted.id}`);
    expect(recovered.lastError).toMatch(/found by OutId/);
    expect(recovered.attempts).toBe(2);
    expect(textsTo(EN_PHONE).map((m) => m.template)).toEqual([DEV_RETURN_SMS_TEMPLATES.en.ACCEPTED, DEV_RETURN_SMS_TEMPLATES.en.WAYBILL]);

    // The gateway's answer lost to a timeout: the text stays SENDING, and the retry asks before sending.
    sms.holdNext(1);
    carrier.arriveReturn(returnId);
    await until('the gateway took the arrived text', async () => textsTo(EN_PHONE).length === 3, 60_000, worker);
    await until('the arrived text recorded sent', sent(returnId, 'ARRIVED'), 90_000, worker);
    sms.release();
    const arrived = (await row(returnId, 'ARRIVED'))!;
    expect(arrived.lastError).toMatch(/found by OutId/);
    expect(arrived.messageId).toBe(`out:${arrived.id}`);
    await new Promise((r) => setTimeout(r, 3_000));
    expect(textsTo(EN_PHONE).map((m) => m.template)).toEqual([DEV_RETURN_SMS_TEMPLATES.en.ACCEPTED, DEV_RETURN_SMS_TEMPLATES.en.WAYBILL, DEV_RETURN_SMS_TEMPLATES.en.ARRIVED]);
    expect(sms.duplicateOutIds).toEqual([]);

    // The console shows the three, sent, in English.
    const view: any = await api.gql(SELLER_RETURN, { id: returnId }, manager);
    expect(view.data.museumReturn.shopperMessages.map((m: any) => [m.step, m.channel, m.locale, m.status, m.phoneMasked])).toEqual([
      ['ACCEPTED', 'SMS', 'en', 'SENT', '139****5602'],
      ['WAYBILL', 'SMS', 'en', 'SENT', '139****5602'],
      ['ARRIVED', 'SMS', 'en', 'SENT', '139****5602'],
    ]);
  }, 300_000);

  it('does not send a text again while the gateway’s send records may still trail the try that sent it: it asks again until they show it', async () => {
    // The records show a message only 15 s after its send, longer than the lease of a try (the 2 s timeout + 5 s).
    sms.recordsLagMs = 15_000;
    try {
      const returnId = await guestReturn(lagged, LAG_PHONE);
      sms.holdNext(1);
      const before = textsTo(LAG_PHONE).length;
      expect(((await api.gql(DECIDE, { id: returnId, accept: false, comment: '已使用' }, manager)) as any).errors).toBeUndefined();
      await until('the gateway took the refusal text', async () => textsTo(LAG_PHONE).length === before + 1, 60_000, worker);
      await until('the refusal text recorded sent', sent(returnId, 'REFUSED'), 120_000, worker);
      sms.release();
      const refused = (await row(returnId, 'REFUSED'))!;
      expect(refused.lastError).toMatch(/found by OutId/);
      expect(refused.messageId).toBe(`out:${refused.id}`);
      // The try that sent it, a try that found the records without it and waited (RECORDS_LAG), and the one that found it.
      expect(refused.attempts).toBeGreaterThanOrEqual(3);
      expect(textsTo(LAG_PHONE).filter((m) => m.outId === refused.id)).toHaveLength(1);
      expect(sms.duplicateOutIds).toEqual([]);
    } finally {
      sms.recordsLagMs = 0;
      sms.release();
    }
  }, 180_000);
});
