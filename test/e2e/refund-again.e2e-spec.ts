import { RoyaltyAccrualService } from '@vitrine/licensing';
import { PaymentsService } from '@vitrine/payments';
import { createMuseum, createUser } from '@vitrine/shared/testing';
import { codeOf, type ApiHarness } from '../support/api-harness';
import { ADD_LINE, PLACE_ORDER, licenseAfterSale, placeOrderInput, residentId, seedFx, seedShop, startCheckoutApi, type Shop } from '../support/checkout-fixtures';
import type { StripeLoopback } from '../support/stripe-loopback';

jest.setTimeout(90_000);

const REFUND = `mutation($id: ID!, $reason: String!, $lines: [RefundLineInput!]) { refundOrder(id: $id, reason: $reason, lines: $lines) { refundId refundStatus amount order { status } } }`;
/** The console's "refund failed" filter: the manager's orders still owing the shopper after a failed refund. */
const OWED = `query($museumId: ID) { museumOrders(museumId: $museumId, filter: { refundFailed: true }) { nodes { id refundOutstanding { amount } } } }`;
const ORDER = `query($id: ID!) { order(id: $id) { status refundedTotal refundOutstanding { amount currency } refunds { providerRefundId status amount } } }`;

/** A small yearly limit, so the quota shows in a probe of one order. */
const LIMIT = 200_000;

/**
 * A refund Stripe reports failed after the order turned REFUNDED: the order shows what the
 * shopper is still owed (`refundOutstanding`), and its manager refunds that again through
 * refundOrder: one new Stripe refund of exactly that amount, and nothing else (stock, quota,
 * customs and royalties were given back when the order turned REFUNDED). Refused for another
 * museum's manager, with lines, and once nothing is owed.
 */
describe('a REFUNDED order whose refund failed is refunded again', () => {
  let api: ApiHarness;
  let stripe: StripeLoopback;
  let close: () => Promise<void>;
  let shop: Shop;
  let manager: string;
  let outsider: string;
  let accrual: RoyaltyAccrualService;

  beforeAll(async () => {
    ({ api, stripe, close } = await startCheckoutApi({ CBEC_ANNUAL_LIMIT_MINOR: String(LIMIT) }));
    await seedFx(api.db.prisma, '7.8000');
    // The first product is sold (and then licensed); the second probes the quota; the third is sold unlicensed.
    shop = await seedShop(api.db.prisma, { prices: [4_000, 4_000, 4_000], stock: 100 });
    manager = await api.login((await createUser(api.db.prisma, 'MUSEUM_MANAGER', { museumIds: [shop.museumId] })).email);
    const other = await createMuseum(api.db.prisma);
    outsider = await api.login((await createUser(api.db.prisma, 'MUSEUM_MANAGER', { museumIds: [other.id] })).email);
    accrual = api.app.get(RoyaltyAccrualService, { strict: false });
  });
  afterAll(() => close());

  async function place(units: number, key: string, id: string, variant = 0) {
    const r: any = await api.gql(ADD_LINE, { i: { variantId: shop.variants[variant]!.id, quantity: units, cartToken: null } });
    expect(r.errors).toBeUndefined();
    return api.gql(PLACE_ORDER, { i: placeOrderInput(r.data.addCartLine.cart.id, key, { cartToken: r.data.addCartLine.cartToken, id }) });
  }

  async function paid(units: number, key: string, id: string, variant = 0) {
    const placed = await place(units, key, id, variant);
    expect(placed.errors).toBeUndefined();
    const c = placed.data.placeOrder;
    expect(await stripe.deliver(api.baseUrl, stripe.succeed(c.payment.paymentIntentId))).toBe(200);
    return c;
  }

  /** The quota left, as the refusal of an order too big for it reports it (nothing is written). */
  async function remaining(id: string, key: string): Promise<number> {
    const r = await place(7, key, id, 1);
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'ANNUAL_LIMIT_EXCEEDED' });
    return r.errors![0]!.extensions!['remaining'] as number;
  }

  const license = (productId: string) => licenseAfterSale(api.db.prisma, shop.museumId, productId);

  /** Everything the first refund gave back, as the database holds it. */
  async function givenBack(orderId: string, lineId: string, variant = 0) {
    const p = api.db.prisma;
    const variantId = shop.variants[variant]!.id;
    return {
      level: await p.stockLevel.findUniqueOrThrow({ where: { variantId_locationId: { variantId, locationId: shop.locationId } }, select: { onHand: true, reserved: true } }),
      movements: await p.stockMovement.count({ where: { variantId } }),
      lineRefunds: await p.orderLineRefund.findMany({ where: { orderId }, orderBy: { id: 'asc' }, select: { id: true, quantity: true, cancelledAt: true } }),
      royalties: await p.royaltyLedgerEntry.findMany({ where: { orderLineId: lineId }, orderBy: { id: 'asc' }, select: { kind: true, sourceRef: true, units: true, royaltyMinor: true } }),
      jobs: (await p.outboxMessage.findMany({ orderBy: { id: 'asc' }, select: { name: true, jobId: true, payload: true } })).filter(
        (j) => (j.payload as { orderId?: string }).orderId === orderId,
      ),
      history: await p.orderStatusChange.count({ where: { orderId } }),
    };
  }

  const refundRequests = () => stripe.requests.filter((r) => r.method === 'POST' && r.path === '/v1/refunds' && !r.replayed);

  it('shows what a failed refund left unpaid and refunds exactly that again, once, giving nothing else back twice', async () => {
    const id = residentId(8201);
    const c = await paid(2, 'ra-order', id);
    const order = c.orders[0];
    const line = order.lines[0];
    await license(shop.variants[0]!.productId);
    await accrual.accrueOrder(order.id);

    // Refunded in full from the console, confirmed by charge.refunded: REFUNDED, stock and quota back.
    const first = await api.gql(REFUND, { id: order.id, reason: 'returned' }, manager);
    expect(first.errors).toBeUndefined();
    const firstId: string = first.data.refundOrder.refundId;
    expect(await stripe.deliver(api.baseUrl, stripe.refunded(c.payment.paymentIntentId))).toBe(200);
    await accrual.accrueOrder(order.id);
    expect((await api.gql(ORDER, { id: order.id }, manager)).data.order).toMatchObject({ status: 'REFUNDED', refundedTotal: order.total, refundOutstanding: null });
    const owed = async (token: string, museumId: string | null = null) => {
      const r = await api.gql(OWED, { museumId }, token);
      expect(r.errors).toBeUndefined();
      return r.data.museumOrders.nodes;
    };
    expect(await owed(manager)).toEqual([]);
    // Nothing owed yet: a REFUNDED order is refused as ever, and Stripe is not asked.
    const asked = refundRequests().length;
    const early = await api.gql(REFUND, { id: order.id, reason: 'again?' }, manager);
    expect(codeOf(early)).toBe('INVALID_TRANSITION');
    expect(refundRequests()).toHaveLength(asked);
    const quota = await remaining(id, 'ra-probe-0');
    expect(quota).toBe(LIMIT);
    const before = await givenBack(order.id, line.id);
    expect(before.royalties.map((e) => e.kind)).toEqual(['ACCRUAL', 'REVERSAL']);
    // The refund's accrual job; none at payment: the order was placed and paid before its product
    // was licensed (the museum fulfils it), so it had no licensed line then.
    expect(before.jobs.map((j) => j.name).sort()).toEqual(['accrue-order', 'declare-customs', 'withdraw-customs']);
    expect(before.jobs.filter((j) => j.name === 'accrue-order').map((j) => j.jobId)).toEqual([`licensing.accrue-order.${order.id}.refunded`]);

    // Stripe: the refund failed (the card expired). The order stays REFUNDED and shows what is owed.
    const failed = stripe.failRefund(firstId, 'failed', 'refund.updated');
    expect(await stripe.deliver(api.baseUrl, failed)).toBe(200);
    expect(await stripe.deliver(api.baseUrl, failed)).toBe(200);
    expect((await api.gql(ORDER, { id: order.id }, manager)).data.order).toEqual({
      status: 'REFUNDED',
      refundedTotal: 0,
      refundOutstanding: { amount: order.total, currency: 'CNY' },
      refunds: [{ providerRefundId: firstId, status: 'failed', amount: order.total }],
    });
    expect(await givenBack(order.id, line.id)).toEqual(before);
    // The console's "refund failed" filter finds it, for its museum's manager only.
    expect(await owed(manager)).toEqual([{ id: order.id, refundOutstanding: { amount: order.total } }]);
    expect(await owed(manager, shop.museumId)).toEqual([{ id: order.id, refundOutstanding: { amount: order.total } }]);
    expect(await owed(outsider)).toEqual([]);
    expect(codeOf(await api.gql(OWED, { museumId: shop.museumId }, outsider))).toBe('NOT_FOUND');
    // The filter reads the orders with a failed refund page after page (keyset on the order id), with no cap.
    const payments = api.app.get(PaymentsService, { strict: false });
    expect(await payments.orderIdsWithFailedRefunds(1)).toEqual([order.id]);
    expect(await payments.orderIdsWithFailedRefunds(1, order.id)).toEqual([]);

    // Another museum's manager neither sees it nor refunds it; Stripe is not asked.
    expect(codeOf(await api.gql(ORDER, { id: order.id }, outsider))).toBe('NOT_FOUND');
    expect(codeOf(await api.gql(REFUND, { id: order.id, reason: 'mine now' }, outsider))).toBe('NOT_FOUND');
    // Bad input writes nothing and asks nothing: lines (the outstanding amount is refunded whole), an empty reason.
    const withLines = await api.gql(REFUND, { id: order.id, reason: 'one unit', lines: [{ lineId: line.id, quantity: 1 }] }, manager);
    expect(codeOf(withLines)).toBe('VALIDATION_FAILED');
    expect(withLines.errors![0]!.extensions!['fields']).toEqual([{ path: 'input.lines', message: expect.stringContaining('without lines') }]);
    expect(codeOf(await api.gql(REFUND, { id: order.id, reason: '  ' }, manager))).toBe('VALIDATION_FAILED');
    expect(refundRequests()).toHaveLength(asked);
    expect(await api.db.prisma.paymentRefund.count({ where: { orderId: order.id } })).toBe(1);

    // The manager refunds again: one new Stripe refund of exactly what is owed, under a new key.
    const again = await api.gql(REFUND, { id: order.id, reason: 'card expired, refunded again' }, manager);
    expect(again.errors).toBeUndefined();
    expect(again.data.refundOrder).toMatchObject({ refundStatus: 'succeeded', amount: order.total, order: { status: 'REFUNDED' } });
    const secondId: string = again.data.refundOrder.refundId;
    expect(secondId).not.toBe(firstId);
    const made = refundRequests().slice(asked);
    expect(made).toHaveLength(1);
    expect(made[0]!.params).toMatchObject({ payment_intent: c.payment.paymentIntentId, amount: String(order.total), metadata: { vitrine_order_id: order.id } });
    expect(made[0]!.idempotencyKey).toBe(`vitrine-refund-order-${order.id}-f1`);
    expect(stripe.refunds.get(secondId)).toMatchObject({ amount: order.total, status: 'succeeded' });

    // Resolved: nothing owed; Stripe's charge.refunded changes nothing else.
    expect(await stripe.deliver(api.baseUrl, stripe.refunded(c.payment.paymentIntentId))).toBe(200);
    await accrual.accrueOrder(order.id);
    expect((await api.gql(ORDER, { id: order.id }, manager)).data.order).toEqual({
      status: 'REFUNDED',
      refundedTotal: order.total,
      refundOutstanding: null,
      refunds: [
        { providerRefundId: firstId, status: 'failed', amount: order.total },
        { providerRefundId: secondId, status: 'succeeded', amount: order.total },
      ],
    });
    expect(await givenBack(order.id, line.id)).toEqual(before);
    expect(await owed(manager)).toEqual([]);
    expect(await remaining(id, 'ra-probe-1')).toBe(quota);
    expect((await api.db.prisma.payment.findUniqueOrThrow({ where: { checkoutId: c.id } })).amountRefundedMinor).toBe(order.total);

    // Nothing owed any more: refused, and Stripe is not asked (a double click included).
    const twice = await Promise.all([
      api.gql(REFUND, { id: order.id, reason: 'card expired, refunded again' }, manager),
      api.gql(REFUND, { id: order.id, reason: 'card expired, refunded again' }, manager),
    ]);
    expect(twice.map(codeOf)).toEqual(['INVALID_TRANSITION', 'INVALID_TRANSITION']);
    expect(refundRequests()).toHaveLength(asked + 1);
  });

  it('owes only the part a failed partial refund left unpaid, and refunds it once however many managers click at once', async () => {
    const id = residentId(8202);
    const c = await paid(3, 'ra-partial', id, 2);
    const order = c.orders[0];
    const line = order.lines[0];
    // One unit refunded, then the rest: REFUNDED by two refunds.
    const one = await api.gql(REFUND, { id: order.id, reason: 'one torn', lines: [{ lineId: line.id, quantity: 1 }] }, manager);
    expect(one.errors).toBeUndefined();
    const partial: number = one.data.refundOrder.amount;
    const rest = await api.gql(REFUND, { id: order.id, reason: 'the rest' }, manager);
    expect(rest.errors).toBeUndefined();
    expect(rest.data.refundOrder.amount).toBe(order.total - partial);
    expect(await stripe.deliver(api.baseUrl, stripe.refunded(c.payment.paymentIntentId))).toBe(200);
    expect((await api.gql(ORDER, { id: order.id }, manager)).data.order.status).toBe('REFUNDED');
    const before = await givenBack(order.id, line.id, 2);

    // The one-unit refund is cancelled at Stripe (charge.refund.updated): that part is owed.
    expect(await stripe.deliver(api.baseUrl, stripe.failRefund(one.data.refundOrder.refundId, 'canceled', 'charge.refund.updated'))).toBe(200);
    expect((await api.gql(ORDER, { id: order.id }, manager)).data.order).toMatchObject({
      status: 'REFUNDED',
      refundedTotal: order.total - partial,
      refundOutstanding: { amount: partial, currency: 'CNY' },
    });
    // The order was REFUNDED: its line refund stays (the quota was given back whole).
    expect(await givenBack(order.id, line.id, 2)).toEqual(before);
    // The filter finds it; pages of one order with a failed refund, walked by keyset, give them all, each once.
    const owedNow = await api.gql(OWED, { museumId: null }, manager);
    expect(owedNow.data.museumOrders.nodes).toContainEqual({ id: order.id, refundOutstanding: { amount: partial } });
    const payments = api.app.get(PaymentsService, { strict: false });
    const all = await payments.orderIdsWithFailedRefunds(100);
    expect(all).toContain(order.id);
    expect([...all].sort()).toEqual(all);
    const walked: string[] = [];
    for (let after: string | null = null; ; ) {
      const page = await payments.orderIdsWithFailedRefunds(1, after);
      if (!page.length) break;
      walked.push(...page);
      after = page[0]!;
    }
    expect(walked).toEqual(all);

    // Two managers' clicks at once: the payment's lock queues them; one refund, the other refused.
    const asked = refundRequests().length;
    const both = await Promise.all([
      api.gql(REFUND, { id: order.id, reason: 'again' }, manager),
      api.gql(REFUND, { id: order.id, reason: 'again' }, manager),
    ]);
    expect(both.filter((r) => !r.errors).map((r) => r.data.refundOrder.amount)).toEqual([partial]);
    expect(both.filter((r) => r.errors).map(codeOf)).toEqual(['INVALID_TRANSITION']);
    const made = refundRequests().slice(asked);
    expect(made.map((r) => r.params['amount'])).toEqual([String(partial)]);
    expect(made[0]!.idempotencyKey).toMatch(new RegExp(`^vitrine-refund-order-${order.id}-${order.total - partial}-[0-9a-f]{16}-f1$`));
    expect((await api.gql(ORDER, { id: order.id }, manager)).data.order).toMatchObject({ refundedTotal: order.total, refundOutstanding: null });
    expect(await givenBack(order.id, line.id, 2)).toEqual(before);
    expect(await remaining(id, 'ra-partial-probe')).toBe(LIMIT);
  });
});
