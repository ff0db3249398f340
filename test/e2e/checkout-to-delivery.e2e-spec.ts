import { randomBytes } from 'node:crypto';
import { createUser } from '@vitrine/shared/testing';
import type { ApiHarness } from '../support/api-harness';
import { CarrierLoopback } from '../support/carrier-loopback';
import { ADD_LINE, PLACE_ORDER, placeOrderInput, seedFx, seedShop, startCheckoutApi, type Shop } from '../support/checkout-fixtures';
import { CustomsLoopback } from '../support/customs-loopback';
import { signingKeys } from '../support/pipeline-fixtures';
import type { StripeLoopback } from '../support/stripe-loopback';
import { dropQueues, startWorker, until, waitForOutput } from '../support/worker-process';

/**
 * The whole journey with nobody touching it: a shopper checks out through the API, Stripe's
 * webhook marks the orders paid, the worker process declares them to customs (whose
 * loopback checks the real amounts, tax and identity of the checkout), follows clearance,
 * books the carrier and follows tracking to DELIVERED; the museum's manager then reads the
 * customs trail and the shipment through the API.
 */
describe('from checkout to delivery', () => {
  let api: ApiHarness;
  let stripe: StripeLoopback;
  let close: () => Promise<void>;
  let customs: CustomsLoopback;
  let carrier: CarrierLoopback;
  let shop: Shop;
  const keys = signingKeys();
  const prefix = `test-journey-${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    ({ api, stripe, close } = await startCheckoutApi({ QUEUE_PREFIX: prefix }));
    await seedFx(api.db.prisma, '7.8000');
    shop = await seedShop(api.db.prisma, { prices: [2_500, 4_000], stock: 20 });
    customs = await CustomsLoopback.start({ publicKey: keys.publicKey });
    carrier = await CarrierLoopback.start();
  });
  afterAll(async () => {
    await customs.close();
    await carrier.close();
    await close();
    await dropQueues(prefix);
    delete process.env['QUEUE_PREFIX'];
  });

  it('pays, declares, clears, ships and delivers an order, and shows its manager the trail', async () => {
    let token: string | null = null;
    let cartId = '';
    for (const line of [{ variantId: shop.variants[0]!.id, quantity: 2 }, { variantId: shop.variants[1]!.id, quantity: 1 }]) {
      const r: any = await api.gql(ADD_LINE, { i: { ...line, cartToken: token } });
      token = r.data.addCartLine.cartToken ?? token;
      cartId = r.data.addCartLine.cart.id;
    }
    const placed: any = await api.gql(PLACE_ORDER, { i: placeOrderInput(cartId, `journey-${prefix}`, { cartToken: token }) });
    expect(placed.errors).toBeUndefined();
    const order = placed.data.placeOrder.orders[0];
    expect(await stripe.deliver(api.baseUrl, stripe.succeed(placed.data.placeOrder.payment.paymentIntentId))).toBe(200);

    const worker = startWorker({ DATABASE_URL: api.db.url, QUEUE_PREFIX: prefix, CUSTOMS_GATEWAY_URL: customs.url, ...carrier.env, ...keys.env });
    try {
      await waitForOutput(worker, /worker ready/);
      await until('the order delivered', async () => (await api.db.prisma.order.findUniqueOrThrow({ where: { id: order.id } })).status === 'DELIVERED', 60_000, worker);
    } finally {
      await worker.stop('SIGTERM');
    }

    // Customs saw the checkout's own figures and accepted all three documents.
    for (const d of ['ORDER', 'PAYMENT', 'WAYBILL'] as const) expect(customs.acceptedCount(d, order.number)).toBe(1);
    const declared = customs.accepted.get(order.number)!.order!.head;
    expect(Math.round(Number(declared['ceb:acturalPaid']) * 100)).toBe(order.total);
    expect(declared['ceb:buyerIdNumber']).toBe('11010519491231002X');

    const history = await api.db.prisma.orderStatusChange.findMany({ where: { orderId: order.id }, orderBy: { id: 'asc' }, select: { toStatus: true } });
    expect(history.map((h) => h.toStatus)).toEqual(['PENDING_PAYMENT', 'PAID', 'CUSTOMS_SUBMITTED', 'CLEARED', 'SHIPPED', 'DELIVERED']);

    const manager = await api.login((await createUser(api.db.prisma, 'MUSEUM_MANAGER', { museumIds: [shop.museumId] })).email);
    const view = await api.gql(
      `query($o: ID!) { orderFulfilment(orderId: $o) { status customsMessages { messageType status xml } shipment { status logisticsNo events { status } } } }`,
      { o: order.id },
      manager,
    );
    expect(view.errors).toBeUndefined();
    expect(view.data.orderFulfilment.status).toBe('DELIVERED');
    expect(view.data.orderFulfilment.customsMessages.map((m: { messageType: string; status: string }) => `${m.messageType}:${m.status}`).sort()).toEqual(['CEB311:CLEARED', 'CEB411:ACCEPTED', 'CEB511:ACCEPTED']);
    expect(JSON.stringify(view.data)).not.toContain('11010519491231002X');
    expect(view.data.orderFulfilment.shipment).toMatchObject({ status: 'DELIVERED', events: [{ status: 'PICKED_UP' }, { status: 'IN_TRANSIT' }, { status: 'DELIVERED' }] });
  }, 120_000);
});
