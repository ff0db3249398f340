import { createUser } from '@vitrine/shared/testing';
import { ADD_LINE, PLACE_ORDER, placeOrderInput, seedFx, seedShop, type Shop } from '../support/checkout-fixtures';
import { signInFast } from './support/browser';
import { useConsole } from './support/console-fixture';

const digits = (text: string | null) => (text ?? '').replace(/[^\d.]/g, '');

/**
 * A museum manager's figures, order search, refunds per line and the stock ledger, on
 * orders placed and paid through the real checkout and the Stripe loopback's signed webhook.
 */
describe('console: a manager’s dashboard, order search, refunds and stock ledger', () => {
  const c = useConsole({ stripe: true });
  let shop: Shop;
  let manager: { email: string; password: string };

  beforeAll(async () => {
    await seedFx(c.api.db.prisma, '7.8000');
    // The second variant starts with 4 units: low stock (threshold 5) once one is sold.
    shop = await seedShop(c.api.db.prisma, { prices: [2_500, 4_000], stock: 20 });
    await c.api.db.prisma.stockLevel.update({ where: { variantId_locationId: { variantId: shop.variants[1]!.id, locationId: shop.locationId } }, data: { onHand: 4 } });
    await c.api.db.prisma.stockMovement.create({ data: { variantId: shop.variants[1]!.id, locationId: shop.locationId, kind: 'ADJUSTMENT', onHandDelta: -16, reservedDelta: 0, reference: 'test' } });
    manager = await createUser(c.api.db.prisma, 'MUSEUM_MANAGER', { museumIds: [shop.museumId] });
  });

  /** A guest checkout of these lines, paid through Stripe's signed webhook when `pay`. */
  async function checkout(lines: { variantId: string; quantity: number }[], key: string, pay = true) {
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
    if (pay) expect(await c.stripe.deliver(c.api.baseUrl, c.stripe.succeed(placed.data.placeOrder.payment.paymentIntentId))).toBe(200);
    return placed.data.placeOrder;
  }

  let paid: { orders: { id: string; number: string; total: number }[]; payment: { paymentIntentId: string } };

  beforeAll(async () => {
    // One paid order of two lines, one unpaid order.
    paid = await checkout(
      [
        { variantId: shop.variants[0]!.id, quantity: 3 },
        { variantId: shop.variants[1]!.id, quantity: 1 },
      ],
      'console-dash-paid',
    );
    await checkout([{ variantId: shop.variants[0]!.id, quantity: 1 }], 'console-dash-unpaid', false);
  });

  it('shows today’s and this month’s paid sales in CNY and EUR, orders per state, and low stock after a paid order', async () => {
    const order = paid.orders[0]!;
    const row = await c.api.db.prisma.order.findUniqueOrThrow({ where: { id: order.id }, select: { status: true, fxRate: true, fxMarginBps: true } });
    expect(row.status).toBe('PAID');

    const { page, screenshot } = await c.open();
    await signInFast(page, manager.email, manager.password);
    const today = page.getByTestId('today-cny');
    await today.getByText(/\d/).waitFor();
    expect(digits(await today.textContent())).toBe((order.total / 100).toFixed(2));
    expect(digits(await page.getByTestId('month-cny').textContent())).toBe((order.total / 100).toFixed(2));
    // EUR at the order's own snapshotted rate and margin.
    const eur = Math.round(order.total / (Number(row.fxRate) * (1 + row.fxMarginBps / 10_000)));
    expect(digits(await page.getByTestId('today-eur').textContent())).toBe((eur / 100).toFixed(2));
    await page.getByTestId('today').getByText('1 paid order').waitFor();
    await page.getByTestId('orders-PAID').getByText('1').waitFor();
    await page.getByTestId('orders-PENDING_PAYMENT').getByText('1').waitFor();
    // Low stock: 4 on hand, 1 sold: 3 available.
    const sku = (await c.api.db.prisma.productVariant.findUniqueOrThrow({ where: { id: shop.variants[1]!.id }, select: { sku: true } })).sku;
    await page.getByTestId('low-stock-count').getByText('1').waitFor();
    await page.getByTestId(`low-${sku}`).getByText('3', { exact: true }).waitFor();
    await page.getByTestId('sales-chart').locator('.recharts-bar-rectangle').first().waitFor();
    await page.getByTestId('orders-chart').locator('.recharts-bar-rectangle').first().waitFor();
    await screenshot('manager-dashboard-figures');
  });

  it('finds orders by part of their number on the server and sorts them by total', async () => {
    const other = await checkout([{ variantId: shop.variants[0]!.id, quantity: 5 }], 'console-search-big');
    const target = paid.orders[0]!;
    const { page, screenshot } = await c.open();
    await signInFast(page, manager.email, manager.password);
    await page.getByRole('menuitem', { name: 'Orders' }).click();
    await page.getByRole('cell', { name: target.number }).waitFor();
    await expect(page.locator('tbody tr').count()).resolves.toBe(3);

    await page.getByPlaceholder('Number or name').fill(target.number.slice(-6).toLowerCase());
    await page.waitForFunction(() => document.querySelectorAll('tbody tr').length === 1);
    await page.getByRole('cell', { name: target.number }).waitFor();
    await screenshot('manager-orders-search');

    await page.getByPlaceholder('Number or name').fill('');
    await page.waitForFunction(() => document.querySelectorAll('tbody tr').length === 3);
    await page.getByRole('columnheader', { name: 'Total' }).click();
    // Sorted by the API: the biggest order first (react-admin starts a new column descending).
    const first = page.locator('tbody tr').first();
    await first.getByRole('cell', { name: other.orders[0].number }).waitFor();
    await screenshot('manager-orders-by-total');
  });

  it('refunds one unit of a line from the order page through Stripe and lists the refund', async () => {
    const order = paid.orders[0]!;
    const { page, screenshot } = await c.open();
    await signInFast(page, manager.email, manager.password);
    await page.goto(`/#/orders/${order.id}/show`);
    await page.getByTestId('order-refunds').getByText('No refund.').waitFor();
    const lines = await c.api.db.prisma.orderLine.findMany({ where: { orderId: order.id }, select: { sku: true, quantity: true, totalMinor: true } });
    const line = lines.find((l) => l.quantity === 3)!;
    const expected = Math.round(line.totalMinor / 3);

    await page.getByTestId('order-refund').click();
    await page.getByTestId('refund-lines').click();
    await page.getByTestId(`refund-units-${line.sku}`).fill('1');
    expect(digits(await page.getByTestId('refund-amount').textContent())).toBe((expected / 100).toFixed(2));
    await page.getByTestId('refund-reason').fill('One scarf arrived torn');
    await screenshot('manager-refund-dialog');
    await page.getByTestId('refund-confirm').click();
    await page.getByText(/Refund requested/).waitFor();

    const refunds = [...c.stripe.refunds.values()];
    expect(refunds).toHaveLength(1);
    expect(refunds[0]).toMatchObject({ amount: expected, metadata: { vitrine_order_id: order.id } });
    const refundRow = page.getByTestId('refund-row');
    await refundRow.getByText(/One scarf arrived torn/).waitFor();
    expect(digits(await page.getByTestId('refunded-total').textContent())).toBe((expected / 100).toFixed(2));
    // A partial refund leaves the order where it was.
    expect((await c.api.db.prisma.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe('PAID');
    await page.getByTestId('order-refunds').getByText('No dispute.').waitFor();
    await screenshot('manager-order-partly-refunded');
  });

  it('shows SKU and product name per level and the movement ledger of a variant, a count included', async () => {
    const variant = shop.variants[1]!.id;
    const sku = (await c.api.db.prisma.productVariant.findUniqueOrThrow({ where: { id: variant }, select: { sku: true } })).sku;
    const { page, screenshot } = await c.open();
    await signInFast(page, manager.email, manager.password);
    await page.getByRole('menuitem', { name: 'Stock' }).click();
    await page.getByRole('cell', { name: 'Warehouse', exact: true }).click();
    await page.getByTestId(`sku-${variant}`).getByText(sku).waitFor();

    // A count, then the ledger: newest first, the count on top.
    await page.getByTestId(`count-${variant}`).click();
    await page.getByTestId('on-hand-input').fill('12');
    await page.getByRole('textbox', { name: 'Note (e.g. yearly count)' }).fill('shelf count');
    await page.getByTestId('on-hand-save').click();
    await page.getByText('Stock level saved').waitFor();
    await page.getByTestId(`sku-${variant}`).click();
    const ledger = page.getByTestId(`ledger-${variant}`);
    await ledger.getByTestId('ledger-row').first().waitFor();
    const rows = ledger.getByTestId('ledger-row');
    await rows.first().getByText('Count / adjustment').waitFor();
    await rows.first().getByText(/shelf count/).waitFor();
    await ledger.getByText('Reserved for an order').first().waitFor();
    await ledger.getByText('Committed (paid)').first().waitFor();
    await ledger.getByText('Receipt').first().waitFor();
    const movements = await c.api.db.prisma.stockMovement.count({ where: { variantId: variant, locationId: shop.locationId } });
    await ledger.getByText(`${movements} movements`).waitFor();
    await expect(rows.count()).resolves.toBe(Math.min(movements, 10));
    await screenshot('manager-stock-ledger');
  });
});
