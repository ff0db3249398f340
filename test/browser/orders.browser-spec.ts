import { randomBytes } from 'node:crypto';
import Stripe from 'stripe';
import { createMuseum, createUser } from '@vitrine/shared/testing';
import { ADD_LINE, PLACE_ORDER, SAMPLE_RESIDENT_ID, placeOrderInput, seedFx, seedShop, type Shop } from '../support/checkout-fixtures';
import { CarrierLoopback } from '../support/carrier-loopback';
import { CustomsLoopback } from '../support/customs-loopback';
import { seedPaidOrders, signingKeys } from '../support/pipeline-fixtures';
import type { StripeEventLike } from '../support/stripe-loopback';
import { dropQueues, startWorker, until, waitForOutput } from '../support/worker-process';
import { signInFast } from './support/browser';
import { useConsole } from './support/console-fixture';

/**
 * A museum manager's orders and stock, on orders placed and paid through the real API:
 * a guest cart, placeOrder, and Stripe's signed webhook from the loopback.
 */
describe('console: orders and stock of a museum', () => {
  const c = useConsole({ stripe: true });
  let shop: Shop;

  beforeAll(async () => {
    await seedFx(c.api.db.prisma, '7.8000');
    shop = await seedShop(c.api.db.prisma, { prices: [2_500, 4_000], stock: 20 });
  });

  /** A guest checkout of these lines; answers the checkout (orders, PaymentIntent). */
  async function checkout(lines: { variantId: string; quantity: number }[], key: string) {
    let token: string | null = null;
    let cartId = '';
    for (const line of lines) {
      const r: { errors?: unknown; data: any } = await c.api.gql(ADD_LINE, { i: { ...line, cartToken: token } });
      expect(r.errors).toBeUndefined();
      token = r.data.addCartLine.cartToken ?? token;
      cartId = r.data.addCartLine.cart.id;
    }
    const placed = await c.api.gql(PLACE_ORDER, { i: placeOrderInput(cartId, key, { cartToken: token }) });
    expect(placed.errors).toBeUndefined();
    return placed.data.placeOrder;
  }

  it('lets a manager find a paid order by state, read its lines, taxes, FX and masked ID, and refund it through Stripe', async () => {
    const manager = await createUser(c.api.db.prisma, 'MUSEUM_MANAGER', { museumIds: [shop.museumId] });
    const paid = await checkout(
      [
        { variantId: shop.variants[0]!.id, quantity: 2 },
        { variantId: shop.variants[1]!.id, quantity: 1 },
      ],
      'browser-paid-1',
    );
    expect(await c.stripe.deliver(c.api.baseUrl, c.stripe.succeed(paid.payment.paymentIntentId))).toBe(200);
    await checkout([{ variantId: shop.variants[0]!.id, quantity: 1 }], 'browser-unpaid-1');
    const order = paid.orders[0];
    expect((await c.api.db.prisma.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe('PAID');

    const { page, screenshot } = await c.open();
    await signInFast(page, manager.email, manager.password);
    await page.getByTestId('orders-PAID').getByText('1').waitFor();
    await page.getByTestId('orders-PENDING_PAYMENT').getByText('1').waitFor();
    await page.getByTestId('orders-chart').locator('.recharts-bar-rectangle').first().waitFor();
    await screenshot('manager-dashboard-orders');

    await page.getByRole('menuitem', { name: 'Orders' }).click();
    await page.getByRole('cell', { name: order.number }).waitFor();
    await expect(page.locator('tbody tr').count()).resolves.toBe(2);
    await page.getByRole('combobox', { name: 'State' }).click();
    await page.getByRole('option', { name: 'Paid' }).click();
    await page.waitForFunction(() => document.querySelectorAll('tbody tr').length === 1);
    await page.getByRole('cell', { name: order.number }).waitFor();
    await screenshot('manager-orders-paid');

    await page.getByRole('cell', { name: order.number }).click();
    await page.getByTestId('order-lines').waitFor();
    // Each line shows its product's picture, not a link.
    await page.waitForFunction(() => Array.from(document.querySelectorAll<HTMLImageElement>('[data-testid="order-lines"] img[data-testid="thumbnail"]')).filter((i) => i.complete && i.naturalWidth > 0).length === 2);
    await expect(page.getByTestId('resident-id-masked').textContent()).resolves.toBe('110***********002X');
    // The plain ID number never reaches the console.
    expect(await page.content()).not.toContain(SAMPLE_RESIDENT_ID);
    await page.getByTestId('order-fx').getByText('EUR→CNY 7.8').waitFor();
    await page.getByTestId('order-payment').getByText('Succeeded').waitFor();
    await expect(page.getByTestId('line-tax').count()).resolves.toBe(2);
    const total = (await page.getByTestId('order-total').textContent()) ?? '';
    expect(total.replace(/[^\d.]/g, '')).toBe((order.total / 100).toFixed(2));
    await screenshot('manager-order-show');

    await page.getByTestId('order-refund').click();
    await page.getByTestId('refund-reason').fill('Parcel damaged in the museum warehouse');
    await page.getByTestId('refund-confirm').click();
    await page.getByText(/Refund requested/).waitFor();
    const refunds = [...c.stripe.refunds.values()];
    expect(refunds).toHaveLength(1);
    expect(refunds[0]).toMatchObject({ amount: order.total, metadata: { vitrine_order_id: order.id } });

    // Stripe confirms with charge.refunded; the order turns REFUNDED.
    expect(await c.stripe.deliver(c.api.baseUrl, chargeRefunded(paid.payment.paymentIntentId, refunds[0]!, order.total))).toBe(200);
    await page.reload();
    await page.getByTestId('order-history').getByText('Refunded').first().waitFor();
    await expect(page.getByTestId('order-refund').count()).resolves.toBe(0);
    await screenshot('manager-order-refunded');
    expect((await c.api.db.prisma.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe('REFUNDED');
  });

  it('counts stock at a location, refuses on hand below what orders hold, and hides other museums’ orders', async () => {
    const manager = await createUser(c.api.db.prisma, 'MUSEUM_MANAGER', { museumIds: [shop.museumId] });
    const variant = shop.variants[1]!.id;
    const level = () => c.api.db.prisma.stockLevel.findUniqueOrThrow({ where: { variantId_locationId: { variantId: variant, locationId: shop.locationId } } });
    const held = await checkout([{ variantId: variant, quantity: 3 }], 'browser-stock-hold');
    const reserved = (await level()).reserved;
    expect(reserved).toBeGreaterThanOrEqual(3);

    const { page, screenshot } = await c.open();
    await signInFast(page, manager.email, manager.password);
    await page.getByRole('menuitem', { name: 'Stock' }).click();
    await page.getByRole('cell', { name: 'Warehouse', exact: true }).click();
    await page.getByTestId(`count-${variant}`).click();
    await page.getByTestId('on-hand-input').fill(String(reserved - 1));
    await page.getByTestId('on-hand-save').click();
    await page.getByText('On hand cannot go below what orders already hold.').waitFor();
    expect((await level()).onHand).toBe(20);

    await page.getByTestId('on-hand-input').fill('42');
    await page.getByTestId('on-hand-save').click();
    await page.getByText('Stock level saved').waitFor();
    await page.getByTestId('stock-levels').getByRole('cell', { name: '42', exact: true }).waitFor();
    expect((await level()).onHand).toBe(42);
    await screenshot('manager-stock-location');

    // Another museum's order opened by its address: not found, nothing shown.
    const other = await createMuseum(c.api.db.prisma);
    const outsider = await createUser(c.api.db.prisma, 'MUSEUM_MANAGER', { museumIds: [other.id] });
    const second = await c.open();
    await signInFast(second.page, outsider.email, outsider.password);
    await second.page.goto(`/#/orders/${held.orders[0].id}/show`);
    await second.page.getByTestId('not-found').waitFor();
    await expect(second.page.getByText(held.orders[0].number).count()).resolves.toBe(0);
  });

  it('follows a paid order through the worker pipeline: three customs documents with receipts, waybill and tracking; and reports a stock file’s rejected lines', async () => {
    // The real worker process with the loopback customs and carrier; the order comes from the
    // pipeline engineer's factory (paid, its pipeline start in the outbox).
    const keys = signingKeys();
    const customs = await CustomsLoopback.start({ publicKey: keys.publicKey });
    const carrier = await CarrierLoopback.start();
    const prefix = `test-browser-${randomBytes(4).toString('hex')}`;
    const worker = startWorker({ DATABASE_URL: c.api.db.url, QUEUE_PREFIX: prefix, ...customs.env, ...carrier.env, ...keys.env });
    try {
      const paid = await seedPaidOrders(c.api.db.prisma, 1);
      const orderId = paid.orderIds[0]!;
      const manager = await createUser(c.api.db.prisma, 'MUSEUM_MANAGER', { museumIds: [paid.museumId] });
      const { page, screenshot } = await c.open();
      await signInFast(page, manager.email, manager.password);
      await waitForOutput(worker, /worker ready/);
      const status = async () => (await c.api.db.prisma.order.findUniqueOrThrow({ where: { id: orderId }, select: { status: true } })).status;
      await until('the order delivered', async () => (await status()) === 'DELIVERED', 60_000, worker);

      await page.goto(`/#/orders/${orderId}/show`);
      const customsPanel = page.getByTestId('order-customs');
      // Customs clears the declaration list (CEB621); the order message itself is accepted.
      await customsPanel.getByTestId('customs-INVENTORY').getByText('Cleared').waitFor();
      // With the numbers customs gave the list on its receipt (CEB622): list number and pre-entry number.
      const issued = customs.accepted.get(paid.orderNos[0]!)!;
      const numbers = customsPanel.getByTestId('customs-INVENTORY').getByTestId('customs-list-numbers');
      await expect(numbers.textContent()).resolves.toBe(`List no. (清单编号) ${issued.invtNo} · pre-entry no. (预录入编号) ${issued.preNo}`);
      await expect(customsPanel.getByTestId('customs-ORDER').getByTestId('customs-list-numbers').count()).resolves.toBe(0);
      await customsPanel.getByTestId('customs-ORDER').getByText('Accepted').waitFor();
      await customsPanel.getByTestId('customs-PAYMENT').getByText('Accepted').waitFor();
      await customsPanel.getByTestId('customs-WAYBILL').getByText('Accepted').waitFor();
      await expect(customsPanel.getByText(/receipt \d+/).count()).resolves.toBeGreaterThanOrEqual(3);
      const waybill = (await page.getByTestId('waybill').textContent()) ?? '';
      expect(waybill).toBe(carrier.waybills.get(paid.orderNos[0]!));
      await page.getByTestId('shipment-status').getByText('Delivered').waitFor();
      await page.getByTestId('tracking').getByText('Delivered', { exact: true }).waitFor();
      await page.getByTestId('order-history').getByText('Delivered', { exact: true }).waitFor();
      // The messages as sent carry the masked ID number only.
      expect(await page.content()).not.toMatch(/310101\d{8}\d{3}[\dX]/);
      await screenshot('manager-order-delivered');

      // A stock file with a good row and two bad ones, reconciled by the worker.
      const variant = await c.api.db.prisma.productVariant.findFirstOrThrow({ where: { museumId: paid.museumId }, select: { id: true, sku: true } });
      const sku = variant.sku;
      const location = (await c.api.db.prisma.stockLocation.findFirstOrThrow({ where: { museumId: paid.museumId }, select: { code: true } })).code;
      await page.getByRole('menuitem', { name: 'Warehouse sync' }).click();
      await page.getByTestId('warehouse-feeds').waitFor();
      await page.getByTestId('sync-upload').click();
      const csv = ['sku,location,quantity', `${sku},${location},75`, `NO-SUCH-SKU,${location},3`, `${sku},${location},-4`].join('\n');
      await page.getByTestId('sync-upload-file').setInputFiles({ name: 'stock.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
      await page.getByTestId('sync-run-summary').getByText('Partly applied').waitFor({ timeout: 30_000 });
      const errors = page.getByTestId('sync-run-errors');
      await errors.getByRole('row', { name: /^3 NO-SUCH-SKU .*Unknown SKU/ }).waitFor();
      await errors.getByRole('row', { name: /^4 .*Invalid quantity/ }).waitFor();
      await screenshot('manager-sync-run');
      const level = await c.api.db.prisma.stockLevel.findFirstOrThrow({ where: { variantId: variant.id }, select: { onHand: true } });
      expect(level.onHand).toBe(75);
    } finally {
      await worker.stop('SIGTERM');
      await customs.close();
      await carrier.close();
      await dropQueues(prefix);
    }
  });

  it('ships a cleared order by hand: automatic booking off in the storefront settings, the parcel waits, the manager hands it to the carrier and follows it to Shipped', async () => {
    const keys = signingKeys();
    const customs = await CustomsLoopback.start({ publicKey: keys.publicKey });
    const carrier = await CarrierLoopback.start({ deliver: false });
    const prefix = `test-browser-ship-${randomBytes(4).toString('hex')}`;
    const paid = await seedPaidOrders(c.api.db.prisma, 1);
    const orderId = paid.orderIds[0]!;
    const manager = await createUser(c.api.db.prisma, 'MUSEUM_MANAGER', { museumIds: [paid.museumId] });
    const { page, screenshot } = await c.open();
    await signInFast(page, manager.email, manager.password);

    // The museum packs its parcels itself: cleared orders wait for it.
    await page.goto(`/#/storefronts/${paid.museumId}`);
    const setting = page.getByLabel('Book the carrier as soon as customs clears an order');
    await setting.waitFor();
    expect(await setting.isChecked()).toBe(true);
    await setting.click();
    await page.getByRole('button', { name: 'Save' }).click();
    await until('the setting saved', async () => !(await c.api.db.prisma.storefront.findUniqueOrThrow({ where: { museumId: paid.museumId } })).autoBookCarrier, 10_000);
    await screenshot('manager-storefront-manual-handover');

    // This test's customs and carrier loopbacks start their receipt and tracking feeds afresh:
    // forget where the previous test's worker stopped reading the previous loopbacks' feeds.
    await c.api.db.prisma.jobCursor.deleteMany();
    const worker = startWorker({ DATABASE_URL: c.api.db.url, QUEUE_PREFIX: prefix, ...customs.env, PIPELINE_SWEEP_MS: '500', ...carrier.env, ...keys.env });
    try {
      await waitForOutput(worker, /worker ready/);
      const status = async () => (await c.api.db.prisma.order.findUniqueOrThrow({ where: { id: orderId }, select: { status: true } })).status;
      await until('the order cleared', async () => (await status()) === 'CLEARED', 60_000, worker);

      await page.goto(`/#/orders/${orderId}/show`);
      await page.getByTestId('shipment-waiting').getByText('waiting for you to hand the parcel to the carrier').waitFor();
      await page.getByTestId('shipment-status').getByText('Waybill issued').waitFor();
      expect(carrier.stats.bookingCalls).toBe(0);
      await screenshot('manager-order-awaiting-handover');

      await page.getByTestId('order-ship').click();
      const dialog = page.getByRole('dialog');
      await dialog.getByText(`waybill ${carrier.waybills.get(paid.orderNos[0]!)}`).waitFor();
      await dialog.getByRole('button', { name: 'Hand to carrier' }).click();
      await page.getByText('Hand-over requested: the carrier is being booked.').waitFor();
      // The page follows the booking by itself until the worker has shipped the order.
      await page.getByTestId('order-history').getByText('Shipped', { exact: true }).waitFor({ timeout: 90_000 });
      await page.getByTestId('order-ship').waitFor({ state: 'detached' });
      await expect(page.getByTestId('shipment-waiting').count()).resolves.toBe(0);
      await screenshot('manager-order-shipped');
      expect(await status()).toBe('SHIPPED');
      expect(carrier.bookings.get(carrier.waybills.get(paid.orderNos[0]!)!)!.calls).toBe(1);
    } finally {
      await worker.stop('SIGTERM');
      await customs.close();
      await carrier.close();
      await dropQueues(prefix);
    }
    // A worker process to start and a whole customs round on a shared two-core machine.
  }, 180_000);
});

/** Stripe's charge.refunded for the refund the API asked for (the loopback recorded it). */
function chargeRefunded(paymentIntentId: string, refund: Record<string, unknown>, amount: number): StripeEventLike {
  return {
    id: `evt_browser_${Date.now()}`,
    object: 'event',
    api_version: Stripe.API_VERSION,
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type: 'charge.refunded',
    data: {
      object: {
        id: refund['charge'],
        object: 'charge',
        amount,
        amount_refunded: amount,
        currency: 'cny',
        payment_intent: paymentIntentId,
        refunded: true,
        refunds: { object: 'list', data: [refund], has_more: false },
      },
    },
  };
}
