import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { StockService, verifyWebhook } from '@vitrine/inventory';
import { BookShipmentsService, OrderPipelineJobsModule, OrdersSourcesModule } from '@vitrine/orders';
import { DataAccessModule } from '@vitrine/shared/data-access';
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
 * customs trail and the shipment through the API. The units leave the ledger once, as SHIP
 * movements, and the museum's own system hears of it through the signed stock webhook.
 */
@Module({ imports: [DataAccessModule, OrdersSourcesModule, OrderPipelineJobsModule] })
class PipelineReplayModule {}

describe('from checkout to delivery', () => {
  let api: ApiHarness;
  let stripe: StripeLoopback;
  let close: () => Promise<void>;
  let customs: CustomsLoopback;
  let carrier: CarrierLoopback;
  let shop: Shop;
  let hook: Server;
  let hookUrl = '';
  const hookSecret = 'museum-webhook-secret';
  const received: { body: string; signature: string }[] = [];
  const keys = signingKeys();
  const prefix = `test-journey-${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    ({ api, stripe, close } = await startCheckoutApi({ QUEUE_PREFIX: prefix }));
    await seedFx(api.db.prisma, '7.8000');
    shop = await seedShop(api.db.prisma, { prices: [2_500, 4_000], stock: 20 });
    customs = await CustomsLoopback.start({ publicKey: keys.publicKey });
    carrier = await CarrierLoopback.start();
    // The museum's own stock system, receiving the signed stock webhook.
    hook = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push({ body: Buffer.concat(chunks).toString('utf8'), signature: String(req.headers['x-vitrine-signature'] ?? '') });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((r) => hook.listen(0, '127.0.0.1', r));
    hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/stock`;
    await api.db.prisma.stockWebhook.create({ data: { museumId: shop.museumId, url: hookUrl, secret: hookSecret } });
  });
  afterAll(async () => {
    await new Promise((r) => hook.close(r));
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

    const worker = startWorker({ DATABASE_URL: api.db.url, QUEUE_PREFIX: prefix, ...customs.env, STOCK_WEBHOOK_COLLECT_MS: '200', ...carrier.env, ...keys.env });
    try {
      await waitForOutput(worker, /worker ready/);
      await until('the order delivered', async () => (await api.db.prisma.order.findUniqueOrThrow({ where: { id: order.id } })).status === 'DELIVERED', 60_000, worker);
      // The museum's system hears the units left: on hand down, nothing reserved any more.
      await until('the stock webhook reporting the shipment', async () => received.some((r) => /"reserved":0/.test(r.body) && /"onHand":18/.test(r.body)), 30_000, worker);
    } finally {
      await worker.stop('SIGTERM');
    }

    // Customs saw the checkout's own figures: the order, waybill and declaration list from us (the
    // museum as seller), the payment record from the payment company, asked with the museum's code.
    for (const d of ['ORDER', 'PAYMENT', 'WAYBILL', 'INVENTORY'] as const) expect(customs.acceptedCount(d, order.number)).toBe(1);
    const museumCode = (await api.db.prisma.storefront.findFirstOrThrow({ where: { museumId: shop.museumId }, select: { customsCode: true } })).customsCode;
    expect(museumCode).toMatch(/^[0-9A-Z]{10}$/);
    expect(customs.accepted.get(order.number)!.order!.head['ceb:ebcCode']).toBe(museumCode);
    expect(customs.accepted.get(order.number)!.inventory!.head['ceb:ebcCode']).toBe(museumCode);
    expect(customs.paymentCompany.declarations.get(order.number)!.params['merchant_customs_code']).toBe(museumCode);
    const declared = customs.accepted.get(order.number)!.order!.head;
    expect(Math.round(Number(declared['ceb:acturalPaid']) * 100)).toBe(order.total);
    expect(declared['ceb:buyerIdNumber']).toBe('11010519491231002X');

    // The stock: reserved at checkout, committed on payment, shipped once when handed to the carrier.
    const ledger = async () =>
      api.db.prisma.stockMovement.findMany({ where: { locationId: shop.locationId }, orderBy: { id: 'asc' }, select: { variantId: true, kind: true, onHandDelta: true, reservedDelta: true, reference: true } });
    const levels = async () =>
      Object.fromEntries((await api.db.prisma.stockLevel.findMany({ where: { locationId: shop.locationId } })).map((l) => [l.variantId, { onHand: l.onHand, reserved: l.reserved }]));
    const shipped = await ledger();
    for (const [variant, quantity] of [[shop.variants[0]!.id, 2], [shop.variants[1]!.id, 1]] as const) {
      expect(shipped.filter((m) => m.variantId === variant).map((m) => [m.kind, m.onHandDelta, m.reservedDelta])).toEqual([
        ['RECEIPT', 20, 0],
        ['RESERVE', 0, quantity],
        ['COMMIT', 0, 0],
        ['SHIP', -quantity, -quantity],
      ]);
    }
    expect(shipped.filter((m) => m.kind === 'SHIP').every((m) => m.reference === order.id)).toBe(true);
    expect(await levels()).toEqual({ [shop.variants[0]!.id]: { onHand: 18, reserved: 0 }, [shop.variants[1]!.id]: { onHand: 19, reserved: 0 } });
    expect((await api.db.prisma.stockReservation.findMany({ where: { ownerId: order.id } })).map((r) => r.status)).toEqual(['FULFILLED', 'FULFILLED']);
    // The webhook deliveries are signed with the museum's secret.
    const last = received.find((r) => /"onHand":18/.test(r.body))!;
    expect(verifyWebhook(hookSecret, last.body, last.signature, new Date())).toBe(true);
    expect(JSON.parse(last.body)).toMatchObject({ event: 'stock.changed', museumId: shop.museumId });

    // A replay of the step (a retried booking job, the stock effect run again) writes nothing more.
    Object.assign(process.env, { ...customs.env, ...carrier.env, ...keys.env });
    const app = await NestFactory.createApplicationContext(PipelineReplayModule, { logger: false });
    try {
      expect((await app.get(BookShipmentsService).book([order.id])).size).toBe(0);
      expect(await api.db.prisma.$transaction((tx) => app.get(StockService).ship(tx, [order.id], 'replayed'))).toBe(0);
    } finally {
      await app.close();
    }
    expect(await ledger()).toEqual(shipped);
    expect(await levels()).toEqual({ [shop.variants[0]!.id]: { onHand: 18, reserved: 0 }, [shop.variants[1]!.id]: { onHand: 19, reserved: 0 } });
    expect(carrier.bookings.get(customs.accepted.get(order.number)!.waybill!['ceb:logisticsNo'])!.calls).toBe(1);

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
    expect(view.data.orderFulfilment.customsMessages.map((m: { messageType: string; status: string }) => `${m.messageType}:${m.status}`).sort()).toEqual(['CEB311:ACCEPTED', 'CEB511:ACCEPTED', 'CEB621:CLEARED', 'alipay.acquire.customs:ACCEPTED']);
    expect(JSON.stringify(view.data)).not.toContain('11010519491231002X');
    expect(view.data.orderFulfilment.shipment).toMatchObject({ status: 'DELIVERED', events: [{ status: 'PICKED_UP' }, { status: 'IN_TRANSIT' }, { status: 'DELIVERED' }] });
  }, 120_000);
});
