import { createUser } from '@vitrine/shared/testing';
import type { ApiHarness } from '../support/api-harness';
import { ADD_LINE, PLACE_ORDER, placeOrderInput, residentId, type Shop } from '../support/checkout-fixtures';
import { startPipeline, type PipelineHarness } from '../support/pipeline-harness';
import type { StripeLoopback } from '../support/stripe-loopback';
import { until } from '../support/worker-process';

const REFUND = `mutation($id: ID!, $reason: String!, $lines: [RefundLineInput!], $key: String) {
  refundOrder(id: $id, reason: $reason, lines: $lines, idempotencyKey: $key) { refundId refundStatus amount order { status } } }`;

/**
 * Issue 24.1, whatever the order of events: customs holds an order for inspection (HELD), and a
 * declaration under inspection can no longer be amended, so units refunded now would still be
 * released and shipped. refundOrder for some units answers ORDER_HELD_BY_CUSTOMS and writes
 * nothing (no Stripe refund, no line refund, no job); refunding the whole order stays possible.
 */
describe('refunding units of an order customs holds', () => {
  let h: PipelineHarness;
  let api: ApiHarness;
  let stripe: StripeLoopback;
  let shop: Shop;
  let manager: string;

  beforeAll(async () => {
    h = await startPipeline('held', { shop: { prices: [2_500], stock: 20 }, customs: { holdRule: () => 'goods selected for inspection (查验)' } });
    ({ api, stripe, shop } = h);
    manager = await api.login((await createUser(api.db.prisma, 'MUSEUM_MANAGER', { museumIds: [shop.museumId] })).email);
  });
  afterAll(() => h?.close());

  it('refuses a partial refund with nothing written, and refunds the whole order', async () => {
    const added: any = await api.gql(ADD_LINE, { i: { variantId: shop.variants[0]!.id, quantity: 2, cartToken: null } });
    const placed: any = await api.gql(PLACE_ORDER, { i: placeOrderInput(added.data.addCartLine.cart.id, `held-${h.prefix}`, { cartToken: added.data.addCartLine.cartToken, id: residentId(7101) }) });
    expect(placed.errors).toBeUndefined();
    const order = placed.data.placeOrder.orders[0];
    expect(await stripe.deliver(api.baseUrl, stripe.succeed(placed.data.placeOrder.payment.paymentIntentId))).toBe(200);

    await h.withWorker(async (worker) => {
      await until('customs holding the order', async () => (await api.db.prisma.order.findUniqueOrThrow({ where: { id: order.id } })).status === 'HELD', 60_000, worker);

      const before = {
        refunds: await api.db.prisma.paymentRefund.count(),
        lineRefunds: await api.db.prisma.orderLineRefund.count(),
        outbox: await api.db.prisma.outboxMessage.count(),
        stripe: stripe.refunds.size,
      };
      const partial: any = await api.gql(REFUND, { id: order.id, reason: 'one unit broken', lines: [{ lineId: order.lines[0].id, quantity: 1 }], key: `held-1-${h.prefix}` }, manager);
      expect(partial.data).toBeNull();
      expect(partial.errors[0].extensions).toMatchObject({ code: 'ORDER_HELD_BY_CUSTOMS', field: 'input.lines' });
      expect({
        refunds: await api.db.prisma.paymentRefund.count(),
        lineRefunds: await api.db.prisma.orderLineRefund.count(),
        outbox: await api.db.prisma.outboxMessage.count(),
        stripe: stripe.refunds.size,
      }).toEqual(before);
      expect((await api.db.prisma.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe('HELD');

      // Every unit at once is still a refund: the whole order.
      const whole: any = await api.gql(REFUND, { id: order.id, reason: 'customs inspection, cancelled', lines: [{ lineId: order.lines[0].id, quantity: 2 }], key: `held-2-${h.prefix}` }, manager);
      expect(whole.errors).toBeUndefined();
      expect(whole.data.refundOrder).toMatchObject({ refundStatus: 'succeeded', amount: order.total });
      // Stripe's charge.refunded settles it: the order is REFUNDED (its declaration withdrawn, as for any whole refund in customs).
      expect(await stripe.deliver(api.baseUrl, stripe.refunded(placed.data.placeOrder.payment.paymentIntentId))).toBe(200);
      await until('the order refunded', async () => (await api.db.prisma.order.findUniqueOrThrow({ where: { id: order.id } })).status === 'REFUNDED', 30_000, worker);
    });
  });
});
