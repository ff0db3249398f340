import { createUser } from '@vitrine/shared/testing';
import { codeOf, type ApiHarness } from '../support/api-harness';
import { ADD_LINE, PLACE_ORDER, placeOrderInput, residentId, seedFx, seedShop, startCheckoutApi, type Shop } from '../support/checkout-fixtures';
import type { StripeLoopback } from '../support/stripe-loopback';

jest.setTimeout(90_000);

const REFUND = `mutation($id: ID!, $reason: String!, $lines: [RefundLineInput!], $key: String) {
  refundOrder(id: $id, reason: $reason, lines: $lines, idempotencyKey: $key) { refundId refundStatus amount replayed order { status } } }`;

/**
 * Issue 24.2: the same refund sent twice at once. With one idempotency key (the console sends
 * one per dialog opening) the requests queue on the order's lock and the second answers the
 * first's refund: one refund at Stripe, one line refund. The same key for another request is
 * IDEMPOTENCY_KEY_REUSED. For the last unit of a line, two concurrent requests without a key
 * or with different keys refund it once; the other is refused (VALIDATION_FAILED, "at most 0").
 */
describe('refundOrder idempotency', () => {
  let api: ApiHarness;
  let stripe: StripeLoopback;
  let close: () => Promise<void>;
  let shop: Shop;
  let manager: string;

  beforeAll(async () => {
    ({ api, stripe, close } = await startCheckoutApi());
    await seedFx(api.db.prisma, '7.8000');
    shop = await seedShop(api.db.prisma, { prices: [2_500], stock: 100 });
    manager = await api.login((await createUser(api.db.prisma, 'MUSEUM_MANAGER', { museumIds: [shop.museumId] })).email);
  });
  afterAll(() => close());

  async function paid(units: number, key: string, id: string) {
    const added: any = await api.gql(ADD_LINE, { i: { variantId: shop.variants[0]!.id, quantity: units, cartToken: null } });
    const placed: any = await api.gql(PLACE_ORDER, { i: placeOrderInput(added.data.addCartLine.cart.id, key, { cartToken: added.data.addCartLine.cartToken, id }) });
    expect(placed.errors).toBeUndefined();
    const c = placed.data.placeOrder;
    expect(await stripe.deliver(api.baseUrl, stripe.succeed(c.payment.paymentIntentId))).toBe(200);
    return { order: c.orders[0], line: c.orders[0].lines[0], paymentIntentId: c.payment.paymentIntentId as string };
  }

  const refundsAtStripe = (pi: string) => [...stripe.refunds.values()].filter((r) => r['payment_intent'] === pi);
  const createRequests = (pi: string) => stripe.requests.filter((r) => r.method === 'POST' && r.path === '/v1/refunds' && r.params['payment_intent'] === pi);

  it('two identical one-unit refunds at once with the same key: one Stripe refund, the same answer', async () => {
    const { order, line, paymentIntentId } = await paid(3, 'idem-same-key', residentId(8201));
    const vars = { id: order.id, reason: 'one damaged', lines: [{ lineId: line.id, quantity: 1 }], key: 'dialog-7f3e9a10-0001' };
    const answers = await Promise.all([api.gql(REFUND, vars, manager), api.gql(REFUND, vars, manager)]);
    for (const a of answers) expect(a.errors).toBeUndefined();
    const [x, y] = answers.map((a: any) => a.data.refundOrder);
    expect(x.refundId).toBe(y.refundId);
    expect(x.amount).toBe(y.amount);
    expect(x.amount).toBe(Math.round(line.total / 3));
    expect([x.replayed, y.replayed].sort()).toEqual([false, true]);
    // Stripe: one refund, asked for once (the second request never reached it).
    expect(refundsAtStripe(paymentIntentId)).toHaveLength(1);
    expect(createRequests(paymentIntentId)).toHaveLength(1);
    // The database: one refund, one unit given back, one recorded request.
    expect(await api.db.prisma.paymentRefund.count({ where: { orderId: order.id } })).toBe(1);
    const rows = await api.db.prisma.orderLineRefund.findMany({ where: { orderId: order.id } });
    expect(rows.map((r) => r.quantity)).toEqual([1]);
    expect(await api.db.prisma.orderRefundRequest.count({ where: { orderId: order.id } })).toBe(1);

    // Sent again later: the same answer again, still one refund.
    const later: any = await api.gql(REFUND, vars, manager);
    expect(later.data.refundOrder).toMatchObject({ refundId: x.refundId, amount: x.amount, replayed: true });
    expect(refundsAtStripe(paymentIntentId)).toHaveLength(1);
    // The same key for another request: refused, nothing written.
    const other = await api.gql(REFUND, { ...vars, lines: [{ lineId: line.id, quantity: 2 }] }, manager);
    expect(codeOf(other)).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(refundsAtStripe(paymentIntentId)).toHaveLength(1);
    expect(await api.db.prisma.orderLineRefund.count({ where: { orderId: order.id } })).toBe(1);
    // A key the API cannot take: VALIDATION_FAILED, nothing sent.
    expect(codeOf(await api.gql(REFUND, { ...vars, key: 'bad key!' }, manager))).toBe('VALIDATION_FAILED');
    expect(createRequests(paymentIntentId)).toHaveLength(1);
  });

  it.each([
    ['without a key', () => [undefined, undefined]],
    ['with different keys', () => ['dialog-aaaa-0001', 'dialog-bbbb-0002']],
  ])('the last unit refunded twice at once %s: one succeeds, the other is refused', async (_label, keys) => {
    const n = _label === 'without a key' ? 8202 : 8203;
    const { order, line, paymentIntentId } = await paid(2, `idem-last-${n}`, residentId(n));
    const first: any = await api.gql(REFUND, { id: order.id, reason: 'first unit', lines: [{ lineId: line.id, quantity: 1 }] }, manager);
    expect(first.errors).toBeUndefined();
    const [k1, k2] = keys();
    const answers = await Promise.all(
      [k1, k2].map((key) => api.gql(REFUND, { id: order.id, reason: 'last unit', lines: [{ lineId: line.id, quantity: 1 }], ...(key ? { key } : {}) }, manager)),
    );
    const ok = answers.filter((a) => !a.errors);
    const refused = answers.filter((a) => a.errors);
    expect(ok).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(codeOf(refused[0]!)).toBe('VALIDATION_FAILED');
    expect(refused[0]!.errors![0]!.extensions!['fields']).toEqual([{ path: 'input.lines.0.quantity', message: 'at most 0' }]);
    // Two refunds in all at Stripe, adding up to the line exactly; two units given back.
    expect(refundsAtStripe(paymentIntentId).map((r) => r['amount'] as number).reduce((a, b) => a + b, 0)).toBe(line.total);
    expect(refundsAtStripe(paymentIntentId)).toHaveLength(2);
    const rows = await api.db.prisma.orderLineRefund.findMany({ where: { orderId: order.id } });
    expect(rows.reduce((a, r) => a + r.quantity, 0)).toBe(2);
    // Stripe confirms: the order, every unit refunded, is REFUNDED.
    expect(await stripe.deliver(api.baseUrl, stripe.refunded(paymentIntentId))).toBe(200);
    expect((await api.db.prisma.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe('REFUNDED');
  });
});
