import { createUser } from '@vitrine/shared/testing';
import type { ApiHarness } from '../support/api-harness';
import { ADD_LINE, PLACE_ORDER, placeOrderInput, residentId, type Shop } from '../support/checkout-fixtures';
import type { CustomsLoopback } from '../support/customs-loopback';
import { startPipeline, type PipelineHarness } from '../support/pipeline-harness';
import type { SpawnedProcess } from '../support/spawn-api';
import type { StripeLoopback } from '../support/stripe-loopback';
import { until } from '../support/worker-process';

/**
 * The payment company that declares a payment to customs (WeChat Pay for WeChat Pay, Alipay for
 * Alipay and cards) follows how Stripe says the shopper paid, not the wallet placeOrder was
 * told: `payment_intent.succeeded` (signed with the SDK's generateTestHeaderString by the
 * loopback) names its charge by id and the intent allows card, Alipay and WeChat Pay, so the API
 * reads the latest charge's payment_method_details.type from Stripe and keeps it in
 * payments.wallet_method. The real worker then declares through the loopback payment company
 * Stripe's fact points at, and customs clears the order.
 */
describe('the wallet method Stripe confirms decides who declares the payment', () => {
  let h: PipelineHarness;
  let api: ApiHarness;
  let stripe: StripeLoopback;
  let customs: CustomsLoopback;
  let worker: SpawnedProcess;
  let shop: Shop;
  let prefix: string;

  beforeAll(async () => {
    h = await startPipeline('paid-with', { shop: { prices: [2_500], stock: 20 }, worker: {} });
    ({ api, stripe, customs, shop, prefix } = h);
    worker = h.worker!;
  }, 180_000);
  afterAll(async () => {
    await h?.close();
  });

  async function place(key: string, n: number, extra: Record<string, unknown>) {
    const shopper = await api.login((await createUser(api.db.prisma, 'SHOPPER')).email);
    const added: any = await api.gql(ADD_LINE, { i: { variantId: shop.variants[0]!.id, quantity: 1, cartToken: null } }, shopper);
    expect(added.errors).toBeUndefined();
    const placed: any = await api.gql(PLACE_ORDER, { i: placeOrderInput(added.data.addCartLine.cart.id, `${key}-${prefix}`, { id: residentId(n), name: '赵敏', ...extra }) }, shopper);
    expect(placed.errors).toBeUndefined();
    return { order: placed.data.placeOrder.orders[0] as { id: string; number: string }, pi: placed.data.placeOrder.payment.paymentIntentId as string };
  }
  const walletOf = async (pi: string) => (await api.db.prisma.payment.findUniqueOrThrow({ where: { providerPaymentId: pi }, select: { walletMethod: true } })).walletMethod;
  const cleared = (orderId: string) =>
    until('the declaration list cleared', async () => (await api.db.prisma.customsMessage.findFirst({ where: { orderId, document: 'INVENTORY' } }))?.status === 'CLEARED', 90_000, worker);
  const paymentMessage = (orderId: string) => api.db.prisma.customsMessage.findFirstOrThrow({ where: { orderId, document: 'PAYMENT' } });

  it('placed for Alipay, paid with WeChat Pay as Stripe confirms: declared by WeChat Pay, never Alipay; a replayed event changes nothing', async () => {
    const { order, pi } = await place('ali-then-wx', 6301, { paymentMethod: 'ALIPAY', returnUrl: 'https://shop.example/return' });
    // What placeOrder was told.
    expect(await walletOf(pi)).toBe('alipay');
    const event = stripe.succeed(pi, { paidWith: 'wechat_pay' });
    // Stripe's event names the charge by id and allows three types: it does not say how the shopper paid.
    expect((event as any).data.object.latest_charge).toMatch(/^ch_/);
    expect((event as any).data.object.payment_method_types).toEqual(['card', 'alipay', 'wechat_pay']);
    const asked = stripe.requests.length;
    expect(await stripe.deliver(api.baseUrl, event)).toBe(200);
    // The API asked Stripe for the intent with its latest charge, and kept Stripe's fact.
    const reads = stripe.requests.slice(asked).filter((r) => r.method === 'GET' && r.path === `/v1/payment_intents/${pi}`);
    expect(reads).toHaveLength(1);
    expect(Object.values(reads[0]!.params['expand'] as Record<string, string>)).toEqual(['latest_charge']);
    expect(await walletOf(pi)).toBe('wechat_pay');
    expect((await api.db.prisma.order.findUniqueOrThrow({ where: { id: order.id } })).status).not.toBe('PENDING_PAYMENT');
    // Delivered again (Stripe retries): a duplicate, nothing asked or changed.
    const before = stripe.requests.length;
    expect(await stripe.deliver(api.baseUrl, event)).toBe(200);
    expect(await walletOf(pi)).toBe('wechat_pay');

    await cleared(order.id);
    expect(customs.paymentCompany.wechat.get(order.number)).toMatchObject({ actions: ['ADD'], certCheck: 'SAME' });
    expect(customs.paymentCompany.wechat.get(order.number)!.params).toMatchObject({ out_trade_no: order.number, transaction_id: pi });
    expect(customs.paymentCompany.declarations.has(order.number)).toBe(false);
    expect(await paymentMessage(order.id)).toMatchObject({ status: 'ACCEPTED', messageType: 'wechatpay.customdeclareorder', senderCode: '4403169D3W' });
    // The customs order message names Tenpay, as the payment record WeChat Pay declared does.
    expect((await api.db.prisma.customsMessage.findFirstOrThrow({ where: { orderId: order.id, document: 'ORDER' } })).xmlMasked).toContain('4403169D3W');
    // The redelivery did not ask Stripe how it was paid again (the worker's fee job reads the intent without expanding its charge).
    const askedAgain = stripe.requests.slice(before).filter((r) => r.path === `/v1/payment_intents/${pi}` && r.method === 'GET' && Object.values((r.params['expand'] ?? {}) as Record<string, string>).includes('latest_charge'));
    expect(askedAgain).toHaveLength(0);
  }, 180_000);

  it('placed for WeChat Pay, paid by card as Stripe confirms: declared by Alipay (cards), never WeChat Pay', async () => {
    const { order, pi } = await place('wx-then-card', 6302, { paymentMethod: 'WECHAT_PAY' });
    expect(await walletOf(pi)).toBe('wechat_pay');
    expect(await stripe.deliver(api.baseUrl, stripe.succeed(pi, { paidWith: 'card' }))).toBe(200);
    expect(await walletOf(pi)).toBe('card');
    await cleared(order.id);
    expect(customs.paymentCompany.declarations.has(order.number)).toBe(true);
    expect(customs.paymentCompany.wechat.has(order.number)).toBe(false);
    expect(await paymentMessage(order.id)).toMatchObject({ status: 'ACCEPTED', messageType: 'alipay.acquire.customs', senderCode: '31222699S7' });
  }, 180_000);

  it('paid with the wallet placeOrder chose: kept as it was, declared by that company', async () => {
    const { order, pi } = await place('wx-as-told', 6303, { paymentMethod: 'WECHAT_PAY' });
    expect(await stripe.deliver(api.baseUrl, stripe.succeed(pi))).toBe(200);
    expect(await walletOf(pi)).toBe('wechat_pay');
    await cleared(order.id);
    expect(customs.paymentCompany.wechat.has(order.number)).toBe(true);
    expect(customs.paymentCompany.declarations.has(order.number)).toBe(false);
  }, 180_000);
});
