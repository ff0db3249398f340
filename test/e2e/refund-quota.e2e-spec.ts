import { createUser } from '@vitrine/shared/testing';
import { codeOf, type ApiHarness } from '../support/api-harness';
import { ADD_LINE, PLACE_ORDER, placeOrderInput, residentId, seedFx, seedShop, startCheckoutApi, type Shop } from '../support/checkout-fixtures';

const FREE_SHIPPING = JSON.stringify({ '9610': { brackets: [{ maxGrams: 100_000, feeMinor: 0 }], perExtraKgMinor: 0 }, '1210': { brackets: [{ maxGrams: 100_000, feeMinor: 0 }], perExtraKgMinor: 0 } });
import type { StripeLoopback } from '../support/stripe-loopback';

jest.setTimeout(90_000);

const REFUND = `mutation($id: ID!, $reason: String!, $lines: [RefundLineInput!]) { refundOrder(id: $id, reason: $reason, lines: $lines) { refundId refundStatus amount order { status } } }`;

/**
 * domain.md: the yearly quota counts paid, not refunded goods, and a return restores it. The
 * figure is read the way a shopper meets it: ANNUAL_LIMIT_EXCEEDED's `remaining`.
 */
describe('refunds give the yearly cross-border quota back: a partial refund its units’ goods value, a full refund the rest', () => {
  let api: ApiHarness;
  let stripe: StripeLoopback;
  let close: () => Promise<void>;
  let shop: Shop;
  let manager: string;

  beforeAll(async () => {
    // No shipping: the quota counts dutiable value (goods + freight), and these figures are the goods' alone.
    ({ api, stripe, close } = await startCheckoutApi({ SHIPPING_RATES_JSON: FREE_SHIPPING }));
    await seedFx(api.db.prisma, '7.8000');
    // 40.00 EUR → 322 CNY, 25.00 EUR → 201 CNY (7.8 × 1.03, whole yuan up)
    shop = await seedShop(api.db.prisma, { prices: [4_000, 2_500], stock: 1_000 });
    manager = await api.login((await createUser(api.db.prisma, 'MUSEUM_MANAGER', { museumIds: [shop.museumId] })).email);
  });
  afterAll(async () => {
    await close();
    delete process.env['SHIPPING_RATES_JSON'];
  });

  const [A, B] = [32_200, 20_100];
  const LIMIT = 2_600_000;

  async function place(lines: { variantId: string; quantity: number }[], key: string, id: string) {
    let token: string | null = null;
    let cartId = '';
    for (const line of lines) {
      const r: any = await api.gql(ADD_LINE, { i: { ...line, cartToken: token } });
      expect(r.errors).toBeUndefined();
      token = r.data.addCartLine.cartToken ?? token;
      cartId = r.data.addCartLine.cart.id;
    }
    return { r: await api.gql(PLACE_ORDER, { i: placeOrderInput(cartId, key, { cartToken: token, id }) }), cartId, token };
  }

  async function paid(lines: { variantId: string; quantity: number }[], key: string, id: string) {
    const { r } = await place(lines, key, id);
    expect(r.errors).toBeUndefined();
    const c = r.data.placeOrder;
    expect(await stripe.deliver(api.baseUrl, stripe.succeed(c.payment.paymentIntentId))).toBe(200);
    return c;
  }

  /** The quota left for this identity, as the refusal of an order too big for it reports it (nothing is written). */
  async function remaining(id: string, probeUnits: number, key: string): Promise<number> {
    const { r } = await place([{ variantId: shop.variants[0]!.id, quantity: probeUnits }], key, id);
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'ANNUAL_LIMIT_EXCEEDED', requested: probeUnits * A });
    return r.errors![0]!.extensions!['remaining'] as number;
  }

  it('restores exactly the goods value of the refunded units, then everything on a full refund', async () => {
    const id = residentId(7001);
    const [a, b] = [shop.variants[0]!.id, shop.variants[1]!.id];
    // 4 orders of 15 × 322 CNY and one of 14: 2,382,800 fen of other paid goods.
    for (let i = 0; i < 4; i++) await paid([{ variantId: a, quantity: 15 }], `rq-fill-${i}`, id);
    await paid([{ variantId: a, quantity: 14 }], 'rq-fill-4', id);
    const used = 4 * 15 * A + 14 * A;
    // The order refunded step by step: 5 × 322 + 2 × 201 CNY of goods (plus freight and tax).
    const c = await paid([{ variantId: a, quantity: 5 }, { variantId: b, quantity: 2 }], 'rq-order', id);
    const order = c.orders[0];
    const goods = 5 * A + 2 * B;
    expect(order.goodsTotal).toBe(goods);
    expect(await remaining(id, 1, 'rq-probe-0')).toBe(LIMIT - used - goods);

    // Partial refund: 2 of the 5 units of line A. The refund is their landed price; the quota gets their goods value back.
    const lineA = order.lines.find((l: any) => l.variantId === a);
    const lineB = order.lines.find((l: any) => l.variantId === b);
    const partial = await api.gql(REFUND, { id: order.id, reason: 'two damaged', lines: [{ lineId: lineA.id, quantity: 2 }] }, manager);
    expect(partial.errors).toBeUndefined();
    expect(partial.data.refundOrder).toMatchObject({ amount: Math.round((lineA.total * 2) / 5), order: { status: 'PAID' } });
    // Licensing hears of it through the outbox, in the same transaction as the recorded units.
    const jobs = await api.db.prisma.outboxMessage.findMany({ where: { name: 'accrue-order', jobId: { startsWith: `licensing.accrue-order.${order.id}.refund-` } } });
    expect(jobs.map((j) => j.payload)).toEqual([{ orderId: order.id, event: `refund-${partial.data.refundOrder.refundId}` }]);
    expect(await stripe.deliver(api.baseUrl, stripe.refunded(c.payment.paymentIntentId))).toBe(200);
    expect((await api.db.prisma.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe('PAID');
    expect(await remaining(id, 3, 'rq-probe-1')).toBe(LIMIT - used - goods + 2 * A);

    // More units than are left on the line: refused, nothing sent to Stripe, nothing recorded.
    const refundsBefore = stripe.refunds.size;
    const tooMany = await api.gql(REFUND, { id: order.id, reason: 'again', lines: [{ lineId: lineA.id, quantity: 4 }] }, manager);
    expect(codeOf(tooMany)).toBe('VALIDATION_FAILED');
    expect(tooMany.errors![0]!.extensions!['fields']).toEqual([{ path: 'input.lines.0.quantity', message: 'at most 3' }]);
    expect(stripe.refunds.size).toBe(refundsBefore);

    // A second partial refund, one unit of line B.
    expect((await api.gql(REFUND, { id: order.id, reason: 'one returned', lines: [{ lineId: lineB.id, quantity: 1 }] }, manager)).errors).toBeUndefined();
    expect(await remaining(id, 4, 'rq-probe-2')).toBe(LIMIT - used - goods + 2 * A + B);

    // The rest of the order: once Stripe confirms refunds covering it, the order is REFUNDED and counts nothing.
    const rest = await api.gql(REFUND, { id: order.id, reason: 'everything returned' }, manager);
    expect(rest.errors).toBeUndefined();
    expect(await stripe.deliver(api.baseUrl, stripe.refunded(c.payment.paymentIntentId))).toBe(200);
    expect((await api.db.prisma.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe('REFUNDED');
    expect(await remaining(id, 7, 'rq-probe-3')).toBe(LIMIT - used);
    // And what is left can be bought.
    const { r } = await place([{ variantId: a, quantity: 6 }], 'rq-after', id);
    expect(r.errors).toBeUndefined();
  });

  it('a full refund without lines gives back the whole order at once', async () => {
    const id = residentId(7002);
    const a = shop.variants[0]!.id;
    for (let i = 0; i < 5; i++) await paid([{ variantId: a, quantity: 15 }], `rq-full-${i}`, id);
    const c = await paid([{ variantId: a, quantity: 5 }], 'rq-full-order', id);
    expect(await remaining(id, 3, 'rq-full-probe-0')).toBe(LIMIT - 80 * A);
    expect((await api.gql(REFUND, { id: c.orders[0].id, reason: 'returned' }, manager)).errors).toBeUndefined();
    expect(await stripe.deliver(api.baseUrl, stripe.refunded(c.payment.paymentIntentId))).toBe(200);
    expect(await remaining(id, 8, 'rq-full-probe-1')).toBe(LIMIT - 75 * A);
  });

  it('two partial refunds of one line at once: the order row is locked before the units left are counted, so only one passes', async () => {
    const id = residentId(7003);
    const a = shop.variants[0]!.id;
    const c = await paid([{ variantId: a, quantity: 5 }], 'rq-race-order', id);
    const order = c.orders[0];
    const line = order.lines[0];
    const refundsBefore = stripe.refunds.size;
    // Another museum's manager cannot refund it (NOT_FOUND, nothing sent to Stripe).
    const otherMuseum = await seedShop(api.db.prisma, { prices: [1_000], stock: 10 });
    const stranger = await api.login((await createUser(api.db.prisma, 'MUSEUM_MANAGER', { museumIds: [otherMuseum.museumId] })).email);
    expect(codeOf(await api.gql(REFUND, { id: order.id, reason: 'not mine', lines: [{ lineId: line.id, quantity: 1 }] }, stranger))).toBe('NOT_FOUND');

    // 3 + 3 units of a line of 5, in parallel.
    const answers = await Promise.all(
      [0, 1].map((i) => api.gql(REFUND, { id: order.id, reason: `race ${i}`, lines: [{ lineId: line.id, quantity: 3 }] }, manager)),
    );
    const ok = answers.filter((r) => !r.errors);
    const refused = answers.filter((r) => r.errors);
    expect(ok).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(codeOf(refused[0]!)).toBe('VALIDATION_FAILED');
    expect(refused[0]!.errors![0]!.extensions!['fields']).toEqual([{ path: 'input.lines.0.quantity', message: 'at most 2' }]);
    // The database: 3 units given back, one refund at Stripe and in payments, for 3 units' landed price.
    const rows = await api.db.prisma.orderLineRefund.findMany({ where: { orderId: order.id } });
    expect(rows.reduce((n, r) => n + r.quantity, 0)).toBe(3);
    expect(stripe.refunds.size).toBe(refundsBefore + 1);
    const recorded = await api.db.prisma.paymentRefund.findMany({ where: { orderId: order.id } });
    expect(recorded.map((r) => r.amountMinor)).toEqual([Math.round((line.total * 3) / 5)]);
    // What is left can still be refunded.
    expect((await api.gql(REFUND, { id: order.id, reason: 'the rest', lines: [{ lineId: line.id, quantity: 2 }] }, manager)).errors).toBeUndefined();
  });
});
