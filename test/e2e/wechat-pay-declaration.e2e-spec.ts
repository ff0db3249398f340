import { createHash, randomBytes } from 'node:crypto';
import { HttpWechatPayDeclarationGateway, declarationsConfigFromEnv, yuan } from '@vitrine/customs';
import { createUser } from '@vitrine/shared/testing';
import type { ApiHarness } from '../support/api-harness';
import { ADD_LINE, PLACE_ORDER, placeOrderInput, residentId, type Shop } from '../support/checkout-fixtures';
import type { CustomsLoopback } from '../support/customs-loopback';
import { startDevGateways } from '../support/dev-gateways';
import { startPipeline, type PipelineHarness } from '../support/pipeline-harness';
import type { StripeLoopback } from '../support/stripe-loopback';
import { startWorker, until, waitForOutput } from '../support/worker-process';

const REFUND = `mutation($id: ID!, $reason: String!, $lines: [RefundLineInput!], $key: String) {
  refundOrder(id: $id, reason: $reason, lines: $lines, idempotencyKey: $key) { refundId refundStatus amount order { status } } }`;

/** WeChat Pay v2's signature, computed here on its own (not with the code under test). */
function md5Sign(params: Record<string, string>, key: string): string {
  const content = Object.keys(params)
    .filter((k) => k !== 'sign' && params[k] !== '')
    .sort()
    .map((k) => `${k}=${params[k]}`)
    .join('&');
  return createHash('md5').update(`${content}&key=${key}`, 'utf8').digest('hex').toUpperCase();
}

/**
 * An order paid with WeChat Pay is declared to customs by WeChat Pay (its customdeclareorder
 * XML API, signed with the merchant key), not by Alipay: the real worker asks the loopback
 * WeChat Pay, which declares the CEB411 as Tenpay, and customs clears the order. Signed with
 * the wrong key, the request is refused by WeChat (签名错误): the payment document stays
 * pending, the refusal is recorded, the worker keeps asking and nothing reaches customs.
 */
describe('WeChat Pay customs declaration', () => {
  let api: ApiHarness;
  let stripe: StripeLoopback;
  let h: PipelineHarness;
  let customs: CustomsLoopback;
  let shop: Shop;
  let prefix: string;
  const wechatKey = `wx-test-${randomBytes(12).toString('hex')}`;
  const ORDERER = { id: residentId(6201), name: '陈静' };
  /** Orders customs leaves undecided (the amendment test refunds while it holds them). */
  const deferred = new Set<string>();
  /** Orders WeChat Pay knows another payer of. */
  const otherPayer = new Map<string, { name: string; idNumber: string }>();

  beforeAll(async () => {
    h = await startPipeline('wxdecl', {
      shop: { prices: [2_500], stock: 10 },
      customs: { paymentCompany: { wechatKey, payer: (no) => otherPayer.get(no) ?? null }, defer: (orderNo) => deferred.has(orderNo) },
    });
    ({ api, stripe, shop, customs, prefix } = h as Required<PipelineHarness>);
  }, 120_000);
  afterAll(() => h?.close());

  it('refuses a wrong signature (retried, nothing declared), then declares through WeChat Pay and customs clears the order', async () => {
    const shopper = await api.login((await createUser(api.db.prisma, 'SHOPPER')).email);
    const added: any = await api.gql(ADD_LINE, { i: { variantId: shop.variants[0]!.id, quantity: 1, cartToken: null } }, shopper);
    expect(added.errors).toBeUndefined();
    const placed: any = await api.gql(PLACE_ORDER, { i: placeOrderInput(added.data.addCartLine.cart.id, `wx-${prefix}`, { ...ORDERER, paymentMethod: 'WECHAT_PAY' }) }, shopper);
    expect(placed.errors).toBeUndefined();
    const order = placed.data.placeOrder.orders[0];
    const pi = placed.data.placeOrder.payment.paymentIntentId as string;
    expect(await stripe.deliver(api.baseUrl, stripe.succeed(pi))).toBe(200);
    expect(await api.db.prisma.payment.findUniqueOrThrow({ where: { providerPaymentId: pi }, select: { walletMethod: true } })).toEqual({ walletMethod: 'wechat_pay' });
    const paymentMessage = () => api.db.prisma.customsMessage.findFirst({ where: { orderId: order.id, document: 'PAYMENT' } });

    // 1. Signed with another key: WeChat refuses every request; the worker asks again and again.
    const wrong = startWorker(h.workerEnv({ WECHAT_PAY_CUSTOMS_KEY: `${wechatKey}-tampered` }));
    try {
      await waitForOutput(wrong, /worker ready/);
      await until('two refused requests', async () => customs.paymentCompany.wechatStats.badSignatures >= 2, 60_000, wrong);
    } finally {
      await wrong.stop('SIGTERM');
    }
    const pending = await paymentMessage();
    expect(pending).toMatchObject({ status: 'PENDING', messageType: 'wechatpay.customdeclareorder', senderCode: '4403169D3W' });
    expect(pending!.lastError).toContain('签名错误');
    const refusals = await api.db.prisma.customsTransmission.findMany({ where: { messageIds: { has: pending!.id } } });
    expect(refusals.length).toBeGreaterThanOrEqual(2);
    expect(refusals.every((t) => t.outcome === 'REQUEST_REFUSED' && t.error?.includes('签名错误'))).toBe(true);
    expect(customs.paymentCompany.wechat.has(order.number)).toBe(false);
    expect(customs.paymentCompany.stats.requests).toBe(0); // never Alipay's API
    expect((await api.db.prisma.order.findUniqueOrThrow({ where: { id: order.id } })).status).not.toBe('HELD');

    // 2. The right key: declared by WeChat Pay, matched by customs, the declaration list cleared.
    const worker = startWorker(h.workerEnv());
    try {
      await waitForOutput(worker, /worker ready/);
      await until(
        'the declaration list cleared',
        async () => (await api.db.prisma.customsMessage.findFirst({ where: { orderId: order.id, document: 'INVENTORY' } }))?.status === 'CLEARED',
        90_000,
        worker,
      );
    } finally {
      await worker.stop('SIGTERM');
    }
    const taken = customs.paymentCompany.wechat.get(order.number)!;
    expect(taken).toBeDefined();
    const p = taken.params;
    const stored = await api.db.prisma.order.findUniqueOrThrow({ where: { id: order.id } });
    const storefront = await api.db.prisma.customsMessage.findFirstOrThrow({ where: { orderId: order.id, document: 'ORDER' } });
    expect(p).toMatchObject({
      appid: 'wx0000000000000000',
      mch_id: '1900000000',
      out_trade_no: order.number,
      transaction_id: pi,
      customs: 'NINGBO',
      mch_customs_no: storefront.senderCode,
      action_type: 'ADD',
      fee_type: 'CNY',
      order_fee: String(stored.totalMinor),
      cert_type: 'IDCARD',
      cert_id: ORDERER.id,
      name: ORDERER.name,
    });
    expect(Number(p['product_fee']) + Number(p['transport_fee']) + Number(p['duty'])).toBe(stored.totalMinor);
    expect(Number(p['duty'])).toBe(stored.taxMinor);
    expect(p['sign']).toBe(md5Sign(p, wechatKey));
    expect(p['sign']).not.toBe(md5Sign(p, `${wechatKey}-tampered`));
    expect(taken.actions).toEqual(['ADD']);
    expect(taken.certCheck).toBe('SAME');

    // Recorded: the masked request (no ID number, no signature) and WeChat's answer.
    const accepted = await paymentMessage();
    expect(accepted).toMatchObject({ status: 'ACCEPTED', messageType: 'wechatpay.customdeclareorder' });
    const decl = await api.db.prisma.customsPaymentDeclaration.findUniqueOrThrow({ where: { messageId: accepted!.id } });
    expect(decl).toMatchObject({ provider: 'wechatpay.customdeclareorder', outRequestNo: order.number, tradeNo: pi, customsPlace: 'NINGBO', amountMinor: stored.totalMinor, resultCode: 'SUCCESS', identityMatch: true, payerNameVerified: null });
    expect(decl.requestMasked).toContain('<action_type>ADD</action_type>');
    expect(decl.requestMasked).not.toContain(ORDERER.id);
    expect(decl.requestMasked).not.toContain('<sign>');
    expect(decl.answerRaw).toContain('<state>SUBMITTED</state>');
    expect(decl.declareNo).toMatch(/^UNIONPAY:4200/);
    // The order names Tenpay as its payment enterprise, as the record WeChat Pay declared does.
    expect(storefront.xmlMasked).toContain('4403169D3W');
  }, 120_000);
  it('a partial refund while customs holds the order asks WeChat Pay to MODIFY the declaration to what is left', async () => {
    const shopper = await api.login((await createUser(api.db.prisma, 'SHOPPER')).email);
    const added: any = await api.gql(ADD_LINE, { i: { variantId: shop.variants[0]!.id, quantity: 2, cartToken: null } }, shopper);
    expect(added.errors).toBeUndefined();
    const id = residentId(6202);
    const placed: any = await api.gql(PLACE_ORDER, { i: placeOrderInput(added.data.addCartLine.cart.id, `wx-amend-${prefix}`, { id, name: '赵敏', paymentMethod: 'WECHAT_PAY' }) }, shopper);
    expect(placed.errors).toBeUndefined();
    const order = placed.data.placeOrder.orders[0];
    const pi = placed.data.placeOrder.payment.paymentIntentId as string;
    deferred.add(order.number);
    expect(await stripe.deliver(api.baseUrl, stripe.succeed(pi))).toBe(200);
    const manager = await api.login((await createUser(api.db.prisma, 'MUSEUM_MANAGER', { museumIds: [shop.museumId] })).email);
    const statusOf = async () => (await api.db.prisma.order.findUniqueOrThrow({ where: { id: order.id } })).status;

    const worker = startWorker(h.workerEnv());
    try {
      await waitForOutput(worker, /worker ready/);
      await until('the order submitted to customs', async () => (await statusOf()) === 'CUSTOMS_SUBMITTED' && customs.paymentCompany.wechat.has(order.number), 60_000, worker);
      const r: any = await api.gql(REFUND, { id: order.id, reason: 'one unit returned before release', lines: [{ lineId: order.lines[0].id, quantity: 1 }], key: `wx-refund-${prefix}` }, manager);
      expect(r.errors).toBeUndefined();
      expect(r.data.refundOrder.refundStatus).toBe('succeeded');
      expect(await stripe.deliver(api.baseUrl, stripe.refunded(pi))).toBe(200);
      await until('WeChat Pay asked to modify', async () => customs.paymentCompany.wechat.get(order.number)?.actions.includes('MODIFY') ?? false, 60_000, worker);
      await until('the amendment answered', async () => (await api.db.prisma.customsAmendment.count({ where: { message: { orderId: order.id }, status: 'ACCEPTED' } })) === 4, 60_000, worker);
      const taken = customs.paymentCompany.wechat.get(order.number)!;
      expect(taken.actions).toEqual(['ADD', 'MODIFY']);
      const left = order.total - r.data.refundOrder.amount;
      expect(taken.params).toMatchObject({ action_type: 'MODIFY', out_trade_no: order.number, transaction_id: pi, order_fee: String(left), cert_id: id, name: '赵敏' });
      expect(Number(taken.params['product_fee']) + Number(taken.params['transport_fee']) + Number(taken.params['duty'])).toBe(left);
      expect(taken.params['sign']).toBe(md5Sign(taken.params, wechatKey));
      expect(customs.paymentCompany.wechatStats.modifications).toBe(1);
      // WeChat Pay declared the change to customs (appType 2), the amount the amended order's.
      const held = customs.accepted.get(order.number)!;
      expect(held.payment!['ceb:appType']).toBe('2');
      expect(held.payment!['ceb:amountPaid']).toBe(yuan(left));
      expect(held.payment!['ceb:amountPaid']).toBe(held.order!.head['ceb:acturalPaid']);
      expect(await statusOf()).toBe('CUSTOMS_SUBMITTED');
    } finally {
      await worker.stop('SIGTERM');
    }
  }, 120_000);
  it('a payer WeChat Pay does not verify as the orderer (cert_check_result DIFFERENT) holds the order with the reason', async () => {
    const shopper = await api.login((await createUser(api.db.prisma, 'SHOPPER')).email);
    const added: any = await api.gql(ADD_LINE, { i: { variantId: shop.variants[0]!.id, quantity: 1, cartToken: null } }, shopper);
    const placed: any = await api.gql(PLACE_ORDER, { i: placeOrderInput(added.data.addCartLine.cart.id, `wx-payer-${prefix}`, { id: residentId(6203), name: '孙丽', paymentMethod: 'WECHAT_PAY' }) }, shopper);
    expect(placed.errors).toBeUndefined();
    const order = placed.data.placeOrder.orders[0];
    otherPayer.set(order.number, { name: '周强', idNumber: residentId(6204) });
    expect(await stripe.deliver(api.baseUrl, stripe.succeed(placed.data.placeOrder.payment.paymentIntentId))).toBe(200);
    const worker = startWorker(h.workerEnv());
    try {
      await waitForOutput(worker, /worker ready/);
      await until('the order held', async () => (await api.db.prisma.order.findUniqueOrThrow({ where: { id: order.id } })).status === 'HELD', 60_000, worker);
    } finally {
      await worker.stop('SIGTERM');
    }
    expect(customs.paymentCompany.wechat.get(order.number)!.certCheck).toBe('DIFFERENT');
    const message = await api.db.prisma.customsMessage.findFirstOrThrow({ where: { orderId: order.id, document: 'PAYMENT' } });
    expect(message.status).toBe('HELD');
    const decl = await api.db.prisma.customsPaymentDeclaration.findUniqueOrThrow({ where: { messageId: message.id } });
    // WeChat names no payer: only that the ID sent is not the payer's.
    expect(decl).toMatchObject({ provider: 'wechatpay.customdeclareorder', identityMatch: false, payerNameVerified: null });
    const history = await api.db.prisma.orderStatusChange.findMany({ where: { orderId: order.id }, orderBy: { id: 'asc' } });
    expect(history.at(-1)).toMatchObject({ toStatus: 'HELD' });
    // The payment company's answer is on the payment message's receipt; the order's hold reason
    // is whichever hold came first: that answer, or customs' own comparison of the documents.
    const receipts = await api.db.prisma.customsReceipt.findMany({ where: { messageId: message.id, status: 'HELD' } });
    expect(receipts.map((r) => r.returnInfo)).toEqual(['the payer is not the orderer: the payer’s ID number is not the orderer’s']);
    expect(history.at(-1)!.reason).toMatch(/the payer(’s)? ID number is not the orderer’s/);
    expect(history.at(-1)!.reason).not.toContain(residentId(6204));
  }, 120_000);

  it('ALIPAY and card orders are still declared through Alipay (alipay.acquire.customs), never WeChat Pay, and cleared', async () => {
    const orders: { id: string; number: string }[] = [];
    for (const [i, extra] of [{ paymentMethod: 'ALIPAY', returnUrl: 'https://shop.example/return' }, {}].entries()) {
      const shopper = await api.login((await createUser(api.db.prisma, 'SHOPPER')).email);
      const added: any = await api.gql(ADD_LINE, { i: { variantId: shop.variants[0]!.id, quantity: 1, cartToken: null } }, shopper);
      const placed: any = await api.gql(PLACE_ORDER, { i: placeOrderInput(added.data.addCartLine.cart.id, `ali-${i}-${prefix}`, { id: residentId(6210 + i), name: '刘洋', ...extra }) }, shopper);
      expect(placed.errors).toBeUndefined();
      orders.push(placed.data.placeOrder.orders[0]);
      expect(await stripe.deliver(api.baseUrl, stripe.succeed(placed.data.placeOrder.payment.paymentIntentId))).toBe(200);
    }
    const worker = startWorker(h.workerEnv());
    try {
      await waitForOutput(worker, /worker ready/);
      await until(
        'both declaration lists cleared',
        async () => (await api.db.prisma.customsMessage.count({ where: { orderId: { in: orders.map((o) => o.id) }, document: 'INVENTORY', status: 'CLEARED' } })) === 2,
        90_000,
        worker,
      );
    } finally {
      await worker.stop('SIGTERM');
    }
    for (const o of orders) {
      expect(customs.paymentCompany.declarations.has(o.number)).toBe(true);
      expect(customs.paymentCompany.wechat.has(o.number)).toBe(false);
      expect(await api.db.prisma.customsMessage.findFirstOrThrow({ where: { orderId: o.id, document: 'PAYMENT' } })).toMatchObject({ status: 'ACCEPTED', messageType: 'alipay.acquire.customs', senderCode: '31222699S7' });
    }
  }, 120_000);

  it('the dev sandbox (scripts/dev-gateways.ts) serves WeChat Pay\'s declaration with the worker\'s default settings', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, ...h.keys.env };
    delete env['WECHAT_PAY_CUSTOMS_KEY'];
    const gateways = await startDevGateways(['customs', 'payments'], env);
    const paymentsPort = gateways.ports['payments'];
    try {
      expect(gateways.output()).toContain(`WeChat Pay customs sandbox (customdeclareorder) on http://127.0.0.1:${paymentsPort}/cgi-bin/mch/customs/customdeclareorder`);
      // The worker's settings as start.mjs leaves them (no key set: the dev key on both sides).
      const c = declarationsConfigFromEnv({ NODE_ENV: 'development', CUSTOMS_SIGNING_KEY: h.keys.env.CUSTOMS_SIGNING_KEY, WECHAT_PAY_DECLARATION_URL: `http://127.0.0.1:${paymentsPort}` });
      const gateway = new HttpWechatPayDeclarationGateway(c.wechatPay.url, { appid: c.wechatPay.appid, mchId: c.wechatPay.mchId, key: c.wechatPay.key }, 10_000);
      const request = { outRequestNo: `VT-SANDBOX-${prefix}`, tradeNo: 'pi_sandbox', merchantCustomsCode: '3301960ABC', merchantCustomsName: 'Musée', amountMinor: 10_000, customsPlace: c.office.wechatCustoms, payerName: ORDERER.name, payerIdNumber: ORDERER.id, breakdown: { goodsMinor: 9_000, freightMinor: 1_000, taxMinor: 0 } };
      const { answer, requestMasked } = await gateway.declare(request, '1101**********0000');
      expect(answer).toMatchObject({ resultCode: 'SUCCESS', identityMatch: true, requestError: null });
      expect(requestMasked).not.toContain(ORDERER.id);
      // Another key is refused by the sandbox.
      const forged = new HttpWechatPayDeclarationGateway(c.wechatPay.url, { appid: c.wechatPay.appid, mchId: c.wechatPay.mchId, key: 'not-the-merchant-key' }, 10_000);
      await expect(forged.declare({ ...request, outRequestNo: `VT-SANDBOX-2-${prefix}` }, '1101**********0000')).rejects.toMatchObject({ outcome: 'REQUEST_REFUSED' });
    } finally {
      await gateways.stop();
    }
  }, 120_000);
});
