import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApiHarness } from '../support/api-harness';
import { ADD_LINE, PLACE_ORDER, placeOrderInput, seedFx, seedShop, startCheckoutApi, type Shop } from '../support/checkout-fixtures';
import type { StripeEventLike, StripeLoopback } from '../support/stripe-loopback';

/**
 * Stripe may send payment_intent.succeeded before the API has recorded the intent it just
 * created (the shopper pays at once, Stripe is faster than our commit). That delivery must
 * not be lost: the API answers it with a non-2xx, so Stripe delivers it again, and the
 * redelivery pays the orders, once. The Stripe SDK talks to the loopback through a relay
 * that, on the intent's creation, delivers the signed webhook before passing the answer on.
 */
describe('a Stripe webhook that arrives before placeOrder has recorded the payment', () => {
  let api: ApiHarness;
  let stripe: StripeLoopback;
  let close: () => Promise<void>;
  let shop: Shop;
  let relay: Server;
  let loopbackPort = 0;
  let onIntentCreated: ((paymentIntentId: string) => Promise<void>) | null = null;

  beforeAll(async () => {
    // Between the API's Stripe SDK and the loopback: forwards everything, and on a fresh
    // PaymentIntent runs the hook before the API hears back.
    relay = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const upstream = request({ host: '127.0.0.1', port: loopbackPort, method: req.method, path: req.url, headers: req.headers }, (answer) => {
          const body: Buffer[] = [];
          answer.on('data', (c: Buffer) => body.push(c));
          answer.on('end', async () => {
            const raw = Buffer.concat(body);
            const fresh = req.method === 'POST' && req.url === '/v1/payment_intents' && answer.statusCode === 200 && !answer.headers['idempotent-replayed'];
            if (fresh && onIntentCreated) await onIntentCreated(String((JSON.parse(raw.toString('utf8')) as { id: string }).id));
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            res.end(raw);
          });
        });
        upstream.on('error', () => res.writeHead(502).end());
        upstream.end(Buffer.concat(chunks));
      });
    });
    await new Promise<void>((r) => relay.listen(0, '127.0.0.1', r));
    ({ api, stripe, close } = await startCheckoutApi({ STRIPE_API_PORT: String((relay.address() as AddressInfo).port) }));
    loopbackPort = Number(stripe.env['STRIPE_API_PORT']);
    await seedFx(api.db.prisma, '7.8000');
    shop = await seedShop(api.db.prisma, { prices: [2_500], stock: 5 });
  });
  afterAll(async () => {
    relay.closeAllConnections();
    await new Promise((r) => relay.close(r));
    await close();
  });

  it('answers the early delivery with a non-2xx, and the redelivery pays the order exactly once', async () => {
    const added: any = await api.gql(ADD_LINE, { i: { variantId: shop.variants[0]!.id, quantity: 2, cartToken: null } });
    const early: { event: StripeEventLike; status: number; paymentRowExisted: boolean }[] = [];
    onIntentCreated = async (paymentIntentId) => {
      // Stripe has the intent; the API has not recorded it yet (it is waiting for this answer).
      const paymentRowExisted = (await api.db.prisma.payment.count({ where: { providerPaymentId: paymentIntentId } })) > 0;
      const event = stripe.succeed(paymentIntentId);
      early.push({ event, status: await stripe.deliver(api.baseUrl, event), paymentRowExisted });
    };
    let placed: any;
    try {
      placed = await api.gql(PLACE_ORDER, { i: placeOrderInput(added.data.addCartLine.cart.id, 'early-webhook-1', { cartToken: added.data.addCartLine.cartToken }) });
    } finally {
      onIntentCreated = null;
    }
    expect(placed.errors).toBeUndefined();
    const order = placed.data.placeOrder.orders[0];
    expect(early).toHaveLength(1);
    expect(early[0]!.event.data.object['id']).toBe(placed.data.placeOrder.payment.paymentIntentId);
    expect(early[0]!.paymentRowExisted).toBe(false);
    // Not acknowledged: Stripe keeps the event and delivers it again.
    expect(early[0]!.status).toBeGreaterThanOrEqual(500);
    expect((await api.db.prisma.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe('PENDING_PAYMENT');
    expect(await api.db.prisma.processedPaymentEvent.count({ where: { eventId: early[0]!.event.id } })).toBe(0);

    // Stripe's retry of the same event (same id), then a duplicate of it.
    expect(await stripe.deliver(api.baseUrl, early[0]!.event)).toBe(200);
    expect(await stripe.deliver(api.baseUrl, early[0]!.event)).toBe(200);

    expect((await api.db.prisma.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe('PAID');
    const history = await api.db.prisma.orderStatusChange.findMany({ where: { orderId: order.id }, orderBy: { id: 'asc' }, select: { toStatus: true } });
    expect(history.map((h) => h.toStatus)).toEqual(['PENDING_PAYMENT', 'PAID']);
    expect(await api.db.prisma.outboxMessage.count({ where: { jobId: `declare-customs.${order.id}` } })).toBe(1);
    expect(await api.db.prisma.payment.findMany({ where: { providerPaymentId: early[0]!.event.data.object['id'] as string }, select: { status: true } })).toEqual([{ status: 'SUCCEEDED' }]);
    const moves = await api.db.prisma.stockMovement.findMany({ where: { locationId: shop.locationId }, orderBy: { id: 'asc' }, select: { kind: true, onHandDelta: true, reservedDelta: true } });
    expect(moves.map((m) => [m.kind, m.onHandDelta, m.reservedDelta])).toEqual([
      ['RECEIPT', 5, 0],
      ['RESERVE', 0, 2],
      ['COMMIT', 0, 0],
    ]);
  }, 60_000);
});
