import { randomBytes, randomUUID } from 'node:crypto';
import type { ApiHarness } from '../support/api-harness';
import { ADD_LINE, PLACE_ORDER, placeOrderInput, seedFx, seedShop, setStock, startCheckoutApi, type Shop } from '../support/checkout-fixtures';
import { CarrierLoopback } from '../support/carrier-loopback';
import { CustomsLoopback } from '../support/customs-loopback';
import { signingKeys } from '../support/pipeline-fixtures';
import type { StripeLoopback } from '../support/stripe-loopback';
import { dropQueues, startWorker, until, waitForOutput } from '../support/worker-process';

/**
 * Issue 20, rule 4: one seller, two customs modes. A Louvre-like museum holds item A only in
 * its Paris warehouse (direct mail, 9610), item B only in its Ningbo bonded warehouse (1210),
 * and item C in both. The cart quote shows two orders for the one seller, each with its own
 * shipping (SHIPPING_RATES_JSON, per customs mode) and tax; placeOrder writes them under one
 * PaymentIntent, reserving each line where its order ships from (C goes with B: an even split
 * goes to the bonded warehouse); the worker declares each order with its own mode.
 */
describe('one seller, two customs modes', () => {
  let api: ApiHarness;
  let stripe: StripeLoopback;
  let close: () => Promise<void>;
  let customs: CustomsLoopback;
  let carrier: CarrierLoopback;
  let shop: Shop;
  let ningboId = '';
  const keys = signingKeys();
  const prefix = `test-split-${randomBytes(4).toString('hex')}`;
  // Flat fees, far apart, so each order's shipping shows which table priced it.
  const rates = {
    '9610': { brackets: [{ maxGrams: 100_000, feeMinor: 7_700 }], perExtraKgMinor: 0 },
    '1210': { brackets: [{ maxGrams: 100_000, feeMinor: 1_100 }], perExtraKgMinor: 0 },
  };

  beforeAll(async () => {
    ({ api, stripe, close } = await startCheckoutApi({ QUEUE_PREFIX: prefix, SHIPPING_RATES_JSON: JSON.stringify(rates) }));
    await seedFx(api.db.prisma, '7.8000');
    // A, B, C at Paris (priority 1); then B taken out of Paris, B and C stocked in Ningbo (priority 2).
    shop = await seedShop(api.db.prisma, { prices: [2_500, 4_000, 3_000], stock: 10 });
    const ningbo = await api.db.prisma.stockLocation.create({
      data: { museumId: shop.museumId, code: `NB-${randomUUID().slice(0, 6)}`, name: 'Ningbo bonded', kind: 'BONDED_WAREHOUSE_CN', priority: 2 },
    });
    ningboId = ningbo.id;
    await setStock(api.db.prisma, shop.locationId, shop.variants[1]!.id, 0);
    await setStock(api.db.prisma, ningboId, shop.variants[1]!.id, 5);
    await setStock(api.db.prisma, ningboId, shop.variants[2]!.id, 5);
    customs = await CustomsLoopback.start({ publicKey: keys.publicKey });
    carrier = await CarrierLoopback.start();
  });
  afterAll(async () => {
    await customs.close();
    await carrier.close();
    await close();
    await dropQueues(prefix);
    delete process.env['QUEUE_PREFIX'];
    delete process.env['SHIPPING_RATES_JSON'];
  });

  it('quotes, places, reserves and declares a 9610 and a 1210 order for one seller under one payment', async () => {
    const [a, b, c] = shop.variants.map((v) => v.id) as [string, string, string];
    let token: string | null = null;
    let cartId = '';
    let cart: any;
    for (const line of [
      { variantId: a, quantity: 2 },
      { variantId: b, quantity: 1 },
      { variantId: c, quantity: 3 },
    ]) {
      const r: any = await api.gql(ADD_LINE, { i: { ...line, cartToken: token } });
      expect(r.errors).toBeUndefined();
      token = r.data.addCartLine.cartToken ?? token;
      cartId = r.data.addCartLine.cart.id;
      cart = r.data.addCartLine.cart;
    }

    // The quote: no problem, two orders of the one museum, each priced with its mode's table.
    expect(cart.problems).toEqual([]);
    const sellers = cart.sellers as any[];
    expect(sellers.map((s) => [s.museumId, s.customsMode, s.lines.map((l: any) => l.variantId).sort()])).toEqual([
      [shop.museumId, '1210', [b, c].sort()],
      [shop.museumId, '9610', [a]],
    ]);
    expect(sellers.map((s) => s.shipping)).toEqual([1_100, 7_700]);
    for (const s of sellers) {
      expect(s.tax).toBe(s.lines.reduce((t: number, l: any) => t + l.tax, 0));
      expect(s.tax).toBeGreaterThan(0);
      expect(s.total).toBe(s.goods + s.shipping + s.tax);
      expect(s.lines.every((l: any) => l.inStock)).toBe(true);
    }
    expect(cart.shippingTotal).toBe(8_800);
    expect(cart.total).toBe(sellers.reduce((t, s) => t + s.total, 0));

    const placed: any = await api.gql(PLACE_ORDER, { i: placeOrderInput(cartId, `split-${prefix}`, { cartToken: token }) });
    expect(placed.errors).toBeUndefined();
    const checkout = placed.data.placeOrder;
    const orders = checkout.orders as any[];
    expect(orders.map((o) => [o.museumId, o.customsMode, o.shippingTotal, o.taxTotal, o.total])).toEqual(sellers.map((s) => [shop.museumId, s.customsMode, s.shipping, s.tax, s.total]));
    expect(new Set(orders.map((o) => o.checkoutId)).size).toBe(1);
    expect(checkout.total).toBe(cart.total);
    expect(checkout.payment.amount).toBe(cart.total);

    // One PaymentIntent for the checkout; each order ships from, and holds its units at, its own location.
    const payments = await api.db.prisma.payment.findMany({ where: { checkoutId: checkout.id }, select: { providerPaymentId: true, amountMinor: true } });
    expect(payments).toEqual([{ providerPaymentId: checkout.payment.paymentIntentId, amountMinor: cart.total }]);
    const [bonded, direct] = orders as [any, any];
    const rows = await api.db.prisma.order.findMany({ where: { checkoutId: checkout.id }, select: { id: true, customsMode: true, stockLocationId: true } });
    expect(Object.fromEntries(rows.map((r) => [r.id, [r.customsMode, r.stockLocationId]]))).toEqual({
      [bonded.id]: ['1210', ningboId],
      [direct.id]: ['9610', shop.locationId],
    });
    const reservations = await api.db.prisma.stockReservation.findMany({ where: { ownerId: { in: [bonded.id, direct.id] } }, select: { ownerId: true, locationId: true, variantId: true, quantity: true, status: true } });
    expect(reservations.map((r) => [r.ownerId, r.locationId, r.variantId, r.quantity, r.status]).sort()).toEqual(
      [
        [bonded.id, ningboId, b, 1, 'HELD'],
        [bonded.id, ningboId, c, 3, 'HELD'],
        [direct.id, shop.locationId, a, 2, 'HELD'],
      ].sort(),
    );
    const level = async (locationId: string, variantId: string) =>
      api.db.prisma.stockLevel.findUniqueOrThrow({ where: { variantId_locationId: { variantId, locationId } }, select: { onHand: true, reserved: true } });
    expect(await level(shop.locationId, a)).toEqual({ onHand: 10, reserved: 2 });
    expect(await level(shop.locationId, c)).toEqual({ onHand: 10, reserved: 0 });
    expect(await level(ningboId, b)).toEqual({ onHand: 5, reserved: 1 });
    expect(await level(ningboId, c)).toEqual({ onHand: 5, reserved: 3 });

    // Paid once, declared twice: each order to customs with its own mode.
    expect(await stripe.deliver(api.baseUrl, stripe.succeed(checkout.payment.paymentIntentId))).toBe(200);
    const worker = startWorker({ DATABASE_URL: api.db.url, QUEUE_PREFIX: prefix, ...customs.env, ...carrier.env, ...keys.env });
    try {
      await waitForOutput(worker, /worker ready/);
      await until(
        'both orders delivered',
        async () => (await api.db.prisma.order.findMany({ where: { checkoutId: checkout.id }, select: { status: true } })).every((o) => o.status === 'DELIVERED'),
        90_000,
        worker,
      );
    } finally {
      await worker.stop('SIGTERM');
    }
    for (const [o, mode] of [[bonded, '1210'], [direct, '9610']] as const) {
      for (const d of ['ORDER', 'PAYMENT', 'WAYBILL'] as const) expect(customs.acceptedCount(d, o.number)).toBe(1);
      const head = customs.accepted.get(o.number)!.order!.head;
      expect(head['ceb:note']).toBe(`customs mode ${mode}`);
      expect(Math.round(Number(head['ceb:acturalPaid']) * 100)).toBe(o.total);
      // The one payment declared by the payment company as a split: each order its sub-order, with its own amount.
      const asked = customs.paymentCompany.declarations.get(o.number)!.params;
      expect(asked).toMatchObject({ trade_no: checkout.payment.paymentIntentId, is_split: 'T', sub_out_biz_no: o.number });
      expect(Math.round(Number(asked['amount']) * 100)).toBe(o.total);
    }
    // The units left from where they were reserved.
    expect(await level(shop.locationId, a)).toEqual({ onHand: 8, reserved: 0 });
    expect(await level(shop.locationId, c)).toEqual({ onHand: 10, reserved: 0 });
    expect(await level(ningboId, b)).toEqual({ onHand: 4, reserved: 0 });
    expect(await level(ningboId, c)).toEqual({ onHand: 2, reserved: 0 });
  }, 150_000);
});
