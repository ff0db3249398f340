import { randomBytes } from 'node:crypto';
import Stripe from 'stripe';
import { RoyaltyAccrualService } from '@vitrine/licensing';
import { createUser } from '@vitrine/shared/testing';
import { codeOf, type ApiHarness } from '../support/api-harness';
import { ADD_LINE, PLACE_ORDER, licenseAfterSale, placeOrderInput, residentId, seedFx, seedShop, startCheckoutApi, type Shop } from '../support/checkout-fixtures';

const FREE_SHIPPING = JSON.stringify({ '9610': { brackets: [{ maxGrams: 100_000, feeMinor: 0 }], perExtraKgMinor: 0 }, '1210': { brackets: [{ maxGrams: 100_000, feeMinor: 0 }], perExtraKgMinor: 0 } });
import type { StripeEventLike, StripeLoopback } from '../support/stripe-loopback';

jest.setTimeout(90_000);

const REFUND = `mutation($id: ID!, $reason: String!, $lines: [RefundLineInput!]) { refundOrder(id: $id, reason: $reason, lines: $lines) { refundId refundStatus amount order { status } } }`;
const ORDER = `query($id: ID!) { order(id: $id) { status refundedTotal refunds { providerRefundId status amount } } }`;

/** A small yearly limit, so the quota shows in a probe of one order. */
const LIMIT = 200_000;
/** 40.00 EUR at 7.8 × 1.03, whole yuan up: 322 CNY a unit. */
const A = 32_200;

/**
 * A refund Stripe later reports failed or cancelled (refund.updated / charge.refund.updated)
 * gave no money back: its units count as sold again (quota, units left to refund), the
 * order's refunded amount drops, and the reversed royalties accrue again; once, however
 * often or concurrently the news is delivered.
 */
describe('a refund Stripe reports failed is taken back', () => {
  let api: ApiHarness;
  let stripe: StripeLoopback;
  let close: () => Promise<void>;
  let shop: Shop;
  let manager: string;
  let accrual: RoyaltyAccrualService;

  beforeAll(async () => {
    // No shipping: the quota counts dutiable value (goods + freight), and these figures are the goods' alone.
    ({ api, stripe, close } = await startCheckoutApi({ CBEC_ANNUAL_LIMIT_MINOR: String(LIMIT), SHIPPING_RATES_JSON: FREE_SHIPPING }));
    await seedFx(api.db.prisma, '7.8000');
    // The first product is sold and then licensed; the second (same price) probes the quota.
    shop = await seedShop(api.db.prisma, { prices: [4_000, 4_000], stock: 1_000 });
    manager = await api.login((await createUser(api.db.prisma, 'MUSEUM_MANAGER', { museumIds: [shop.museumId] })).email);
    // The worker's accrue-order job, run by hand when the test says so.
    accrual = api.app.get(RoyaltyAccrualService, { strict: false });
  });
  afterAll(async () => {
    await close();
    delete process.env['SHIPPING_RATES_JSON'];
  });

  async function place(units: number, key: string, id: string, variant = 0) {
    const r: any = await api.gql(ADD_LINE, { i: { variantId: shop.variants[variant]!.id, quantity: units, cartToken: null } });
    expect(r.errors).toBeUndefined();
    return api.gql(PLACE_ORDER, { i: placeOrderInput(r.data.addCartLine.cart.id, key, { cartToken: r.data.addCartLine.cartToken, id }) });
  }

  /** The quota left, as the refusal of an order too big for it reports it (nothing is written). */
  async function remaining(id: string, probeUnits: number, key: string): Promise<number> {
    const r = await place(probeUnits, key, id, 1);
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'ANNUAL_LIMIT_EXCEEDED' });
    return r.errors![0]!.extensions!['remaining'] as number;
  }

  const license = (productId: string) => licenseAfterSale(api.db.prisma, shop.museumId, productId);

  const ledger = async (orderLineId: string) =>
    (await api.db.prisma.royaltyLedgerEntry.aggregate({ where: { orderLineId }, _sum: { units: true, saleMinor: true, royaltyMinor: true } }))._sum;

  /** The event Stripe sends when a refund changes, signed by the loopback with generateTestHeaderString. */
  function refundEvent(type: string, refund: Record<string, unknown>): StripeEventLike {
    return {
      id: `evt_${randomBytes(12).toString('hex')}`,
      object: 'event',
      api_version: Stripe.API_VERSION,
      created: Math.floor(Date.now() / 1000),
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      type,
      data: { object: structuredClone(refund) },
    };
  }

  it('gives back the units, the quota, the refunded amount and the royalties of a partial refund, once', async () => {
    const id = residentId(8101);
    const placed = await place(5, 'rf-order', id);
    expect(placed.errors).toBeUndefined();
    const c = placed.data.placeOrder;
    expect(await stripe.deliver(api.baseUrl, stripe.succeed(c.payment.paymentIntentId))).toBe(200);
    const order = c.orders[0];
    const line = order.lines[0];
    expect(line.goods).toBe(5 * A);
    await license(shop.variants[0]!.productId);
    await accrual.accrueOrder(order.id);
    expect(await ledger(line.id)).toEqual({ units: 5, saleMinor: 5 * A, royaltyMinor: (5 * A) / 10 });
    expect(await remaining(id, 2, 'rf-probe-0')).toBe(LIMIT - 5 * A);

    // Two units refunded from the console, confirmed by charge.refunded.
    const partial = await api.gql(REFUND, { id: order.id, reason: 'two damaged', lines: [{ lineId: line.id, quantity: 2 }] }, manager);
    expect(partial.errors).toBeUndefined();
    const refundId: string = partial.data.refundOrder.refundId;
    const landed = Math.round((line.total * 2) / 5);
    expect(await stripe.deliver(api.baseUrl, stripe.refunded(c.payment.paymentIntentId))).toBe(200);
    await accrual.accrueOrder(order.id);
    expect(await ledger(line.id)).toEqual({ units: 3, saleMinor: 3 * A, royaltyMinor: (3 * A) / 10 });
    expect(await remaining(id, 4, 'rf-probe-1')).toBe(LIMIT - 3 * A);
    expect((await api.gql(ORDER, { id: order.id }, manager)).data.order).toMatchObject({ status: 'PAID', refundedTotal: landed });
    const tooMany = await api.gql(REFUND, { id: order.id, reason: 'probe', lines: [{ lineId: line.id, quantity: 6 }] }, manager);
    expect(tooMany.errors![0]!.extensions!['fields']).toEqual([{ path: 'input.lines.0.quantity', message: 'at most 3' }]);

    // Stripe: the refund failed. Delivered as refund.updated, again (same event), and as
    // charge.refund.updated and refund.updated under other event ids, some at once.
    const failedRefund = { ...stripe.refunds.get(refundId)!, status: 'failed', failure_reason: 'expired_or_canceled_card' };
    const updated = refundEvent('refund.updated', failedRefund);
    expect(await stripe.deliver(api.baseUrl, updated)).toBe(200);
    expect(await stripe.deliver(api.baseUrl, updated)).toBe(200);
    const again = await Promise.all([
      stripe.deliver(api.baseUrl, refundEvent('charge.refund.updated', failedRefund)),
      stripe.deliver(api.baseUrl, refundEvent('refund.updated', failedRefund)),
      stripe.deliver(api.baseUrl, refundEvent('refund.updated', { ...failedRefund, status: 'canceled' })),
    ]);
    expect(again).toEqual([200, 200, 200]);

    // The units count as sold again: refundable again, quota used again.
    const rows = await api.db.prisma.orderLineRefund.findMany({ where: { orderId: order.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.cancelledAt).not.toBeNull();
    expect(await remaining(id, 2, 'rf-probe-2')).toBe(LIMIT - 5 * A);
    const allUnits = await api.gql(REFUND, { id: order.id, reason: 'probe', lines: [{ lineId: line.id, quantity: 6 }] }, manager);
    expect(codeOf(allUnits)).toBe('VALIDATION_FAILED');
    expect(allUnits.errors![0]!.extensions!['fields']).toEqual([{ path: 'input.lines.0.quantity', message: 'at most 5' }]);
    // The order: still paid, nothing refunded; the refund shows as failed.
    expect((await api.gql(ORDER, { id: order.id }, manager)).data.order).toEqual({
      status: 'PAID',
      refundedTotal: 0,
      refunds: [{ providerRefundId: refundId, status: 'failed', amount: landed }],
    });
    expect((await api.db.prisma.payment.findUniqueOrThrow({ where: { checkoutId: c.id } })).amountRefundedMinor).toBe(0);
    // A stale charge.refunded still listing the refund as succeeded changes nothing.
    expect(await stripe.deliver(api.baseUrl, stripe.refunded(c.payment.paymentIntentId))).toBe(200);
    expect((await api.db.prisma.payment.findUniqueOrThrow({ where: { checkoutId: c.id } })).amountRefundedMinor).toBe(0);
    expect(await remaining(id, 2, 'rf-probe-3')).toBe(LIMIT - 5 * A);

    // Royalties: one job, in the outbox of the webhook's transaction; run (twice) it accrues the reversal back, once.
    const jobs = await api.db.prisma.outboxMessage.findMany({ where: { name: 'accrue-order', jobId: `licensing.accrue-order.${order.id}.refund-failed-${refundId}` } });
    expect(jobs.map((j) => j.payload)).toEqual([{ orderId: order.id, event: `refund-failed-${refundId}` }]);
    await Promise.all([accrual.accrueOrder(order.id), accrual.accrueOrder(order.id)]);
    await accrual.accrueOrder(order.id);
    expect(await ledger(line.id)).toEqual({ units: 5, saleMinor: 5 * A, royaltyMinor: (5 * A) / 10 });
    const entries = await api.db.prisma.royaltyLedgerEntry.findMany({ where: { orderLineId: line.id }, orderBy: { id: 'asc' }, select: { kind: true, sourceRef: true, units: true } });
    expect(entries).toEqual([
      { kind: 'ACCRUAL', sourceRef: 'paid', units: 5 },
      { kind: 'REVERSAL', sourceRef: `line-refund:${rows[0]!.id}`, units: -2 },
      { kind: 'ACCRUAL', sourceRef: `line-refund-cancelled:${rows[0]!.id}`, units: 2 },
    ]);

    // The seller refunds again (a new refund): the order's figures follow it as before.
    const retry = await api.gql(REFUND, { id: order.id, reason: 'two damaged, again', lines: [{ lineId: line.id, quantity: 2 }] }, manager);
    expect(retry.errors).toBeUndefined();
    expect(retry.data.refundOrder.refundId).not.toBe(refundId);
    expect(await remaining(id, 4, 'rf-probe-4')).toBe(LIMIT - 3 * A);
  });

  it('a full refund that fails before Stripe reports it on the charge never makes the order REFUNDED; one that fails after leaves a REFUNDED order as it is', async () => {
    const id = residentId(8102);
    const pay = async (key: string) => {
      const placed = await place(1, key, id, 1);
      expect(placed.errors).toBeUndefined();
      const c = placed.data.placeOrder;
      expect(await stripe.deliver(api.baseUrl, stripe.succeed(c.payment.paymentIntentId))).toBe(200);
      return c;
    };
    // Failed first, then the (stale) charge.refunded: the order stays paid and keeps its quota.
    const first = await pay('rf-full-1');
    const r1 = await api.gql(REFUND, { id: first.orders[0].id, reason: 'returned' }, manager);
    expect(r1.errors).toBeUndefined();
    const failed1 = { ...stripe.refunds.get(r1.data.refundOrder.refundId)!, status: 'failed' };
    expect(await stripe.deliver(api.baseUrl, refundEvent('refund.updated', failed1))).toBe(200);
    expect(await stripe.deliver(api.baseUrl, stripe.refunded(first.payment.paymentIntentId))).toBe(200);
    expect((await api.gql(ORDER, { id: first.orders[0].id }, manager)).data.order).toMatchObject({ status: 'PAID', refundedTotal: 0 });
    expect(await remaining(id, 6, 'rf-full-probe-0')).toBe(LIMIT - A);

    // Refunded whole, then failed: REFUNDED is final (its stock is back on sale); the failure shows on the order.
    const second = await pay('rf-full-2');
    const r2 = await api.gql(REFUND, { id: second.orders[0].id, reason: 'returned' }, manager);
    expect(await stripe.deliver(api.baseUrl, stripe.refunded(second.payment.paymentIntentId))).toBe(200);
    expect((await api.gql(ORDER, { id: second.orders[0].id }, manager)).data.order.status).toBe('REFUNDED');
    const failed2 = { ...stripe.refunds.get(r2.data.refundOrder.refundId)!, status: 'canceled' };
    expect(await stripe.deliver(api.baseUrl, refundEvent('charge.refund.updated', failed2))).toBe(200);
    expect((await api.gql(ORDER, { id: second.orders[0].id }, manager)).data.order).toMatchObject({
      status: 'REFUNDED',
      refundedTotal: 0,
      refunds: [{ providerRefundId: r2.data.refundOrder.refundId, status: 'canceled' }],
    });
  });
});
