import { createUser } from '@vitrine/shared/testing';
import { ADD_LINE, PLACE_ORDER, placeOrderInput, seedFx, seedShop, type Shop } from '../support/checkout-fixtures';
import { signInFast } from './support/browser';
import { useConsole } from './support/console-fixture';

const REFUND = `mutation($id: ID!, $reason: String!) { refundOrder(id: $id, reason: $reason) { refundId refundStatus } }`;

/**
 * A refund Stripe reports failed after the order turned REFUNDED: the manager finds the order
 * flagged in the list, reads on its page what the shopper is still owed, and refunds it again
 * from there; Stripe (the loopback) gets one new refund of exactly that amount and the warning
 * goes away.
 */
describe('console: a refund that failed after the order was refunded', () => {
  const c = useConsole({ stripe: true });
  let shop: Shop;

  beforeAll(async () => {
    await seedFx(c.api.db.prisma, '7.8000');
    shop = await seedShop(c.api.db.prisma, { prices: [3_000], stock: 20 });
  });

  it('flags the order, shows what is owed, and refunds it again from the order page', async () => {
    const user = await createUser(c.api.db.prisma, 'MUSEUM_MANAGER', { museumIds: [shop.museumId] });
    const token = await c.api.login(user.email);
    // A guest's order, paid through the webhook, refunded in full and confirmed: REFUNDED.
    const added: any = await c.api.gql(ADD_LINE, { i: { variantId: shop.variants[0]!.id, quantity: 2, cartToken: null } });
    const placed: any = await c.api.gql(PLACE_ORDER, { i: placeOrderInput(added.data.addCartLine.cart.id, 'browser-refund-again', { cartToken: added.data.addCartLine.cartToken }) });
    expect(placed.errors).toBeUndefined();
    const checkout = placed.data.placeOrder;
    const order = checkout.orders[0];
    expect(await c.stripe.deliver(c.api.baseUrl, c.stripe.succeed(checkout.payment.paymentIntentId))).toBe(200);
    const first: any = await c.api.gql(REFUND, { id: order.id, reason: 'Returned by the shopper' }, token);
    expect(first.errors).toBeUndefined();
    expect(await c.stripe.deliver(c.api.baseUrl, c.stripe.refunded(checkout.payment.paymentIntentId))).toBe(200);
    // Then Stripe reports the refund failed (the shopper's card had expired).
    expect(await c.stripe.deliver(c.api.baseUrl, c.stripe.failRefund(first.data.refundOrder.refundId, 'failed'))).toBe(200);
    expect((await c.api.db.prisma.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe('REFUNDED');
    const owed = new Intl.NumberFormat('en', { style: 'currency', currency: 'CNY' }).format(order.total / 100);
    // Another order of the museum, paid and fine: the "refund failed" filter leaves it out.
    const added2: any = await c.api.gql(ADD_LINE, { i: { variantId: shop.variants[0]!.id, quantity: 1, cartToken: null } });
    const placed2: any = await c.api.gql(PLACE_ORDER, { i: placeOrderInput(added2.data.addCartLine.cart.id, 'browser-refund-again-other', { cartToken: added2.data.addCartLine.cartToken }) });
    expect(placed2.errors).toBeUndefined();
    const other = placed2.data.placeOrder.orders[0];

    const { page, screenshot } = await c.open();
    await signInFast(page, user.email, user.password);
    await page.getByRole('menuitem', { name: 'Orders' }).click();
    const row = page.locator('tbody tr', { has: page.getByRole('cell', { name: order.number }) });
    await row.getByTestId('refund-failed-flag').getByText('Refund failed').waitFor();
    await page.getByRole('cell', { name: other.number }).waitFor();
    await screenshot('refund-again-list-flag');
    // "Refund failed only": the API filters, the fine order goes.
    const onlyFailed = page.getByLabel('Refund failed only');
    await onlyFailed.check();
    await page.getByRole('cell', { name: other.number }).waitFor({ state: 'detached' });
    await row.getByTestId('refund-failed-flag').waitFor();
    await expect(page.locator('tbody tr').count()).resolves.toBe(1);
    await screenshot('refund-again-list-filtered');

    await row.getByRole('cell', { name: order.number }).click();
    const alert = page.getByTestId('refund-failed');
    await alert.getByText(`Refund failed: ${owed} not returned to the shopper`).waitFor();
    await page.getByTestId('order-refunds').getByText(/failed/).waitFor();
    await screenshot('refund-again-warning');

    const asked = c.stripe.requests.filter((r) => r.path === '/v1/refunds').length;
    await page.getByTestId('refund-again').click();
    await page.getByText(`Refund ${owed} again on order ${order.number}?`).waitFor();
    await screenshot('refund-again-dialog');
    await page.getByTestId('refund-again-confirm').click();
    await page.getByText('Refund issued again (Stripe: succeeded).').waitFor();
    await alert.waitFor({ state: 'detached' });
    await expect(page.getByTestId('refund-row').count()).resolves.toBe(2);
    await page.getByTestId('order-refunds').getByText(/succeeded/).waitFor();
    await screenshot('refund-again-resolved');

    const made = c.stripe.requests.filter((r) => r.path === '/v1/refunds').slice(asked);
    expect(made).toHaveLength(1);
    expect(made[0]!.params).toMatchObject({ amount: String(order.total), metadata: { vitrine_order_id: order.id } });
    // The list no longer flags it: the filter (still on) finds nothing, and without it the order is there, unflagged.
    await page.getByRole('menuitem', { name: 'Orders' }).click();
    await page.getByText(/Nothing matches the current filters/).waitFor();
    await screenshot('refund-again-list-filtered-resolved');
    await onlyFailed.uncheck();
    await page.getByRole('cell', { name: order.number }).waitFor();
    await page.getByTestId('refund-failed-flag').waitFor({ state: 'detached' });
    await screenshot('refund-again-list-resolved');
  });

  it('says it in French too', async () => {
    const user = await createUser(c.api.db.prisma, 'MUSEUM_MANAGER', { museumIds: [shop.museumId] });
    const token = await c.api.login(user.email);
    const added: any = await c.api.gql(ADD_LINE, { i: { variantId: shop.variants[0]!.id, quantity: 1, cartToken: null } });
    const placed: any = await c.api.gql(PLACE_ORDER, { i: placeOrderInput(added.data.addCartLine.cart.id, 'browser-refund-again-fr', { cartToken: added.data.addCartLine.cartToken }) });
    const checkout = placed.data.placeOrder;
    const order = checkout.orders[0];
    expect(await c.stripe.deliver(c.api.baseUrl, c.stripe.succeed(checkout.payment.paymentIntentId))).toBe(200);
    const first: any = await c.api.gql(REFUND, { id: order.id, reason: 'Retour' }, token);
    expect(await c.stripe.deliver(c.api.baseUrl, c.stripe.refunded(checkout.payment.paymentIntentId))).toBe(200);
    expect(await c.stripe.deliver(c.api.baseUrl, c.stripe.failRefund(first.data.refundOrder.refundId, 'canceled', 'charge.refund.updated'))).toBe(200);

    const { page, screenshot } = await c.open('fr-FR');
    await signInFast(page, user.email, user.password);
    await page.goto(`/#/orders/${order.id}/show`);
    await page.getByTestId('refund-failed').getByText(/Remboursement échoué : .* non rendus à l’acheteur/).waitFor();
    await page.getByTestId('refund-again').getByText('Rembourser à nouveau').waitFor();
    await screenshot('refund-again-warning-fr');
  });
});
