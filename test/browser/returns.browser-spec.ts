import { createBrand, createUser } from '@vitrine/shared/testing';
import { ADD_LINE, PLACE_ORDER, placeOrderInput, residentId, seedFx, seedShop, type Shop } from '../support/checkout-fixtures';
import { signInFast } from './support/browser';
import { useConsole } from './support/console-fixture';

const REQUEST = `mutation($i: RequestReturnInput!) { requestReturn(input: $i) { id status } }`;
const NAME = '王芳';

/**
 * The console's Returns screens (issue 20): a manager finds the returns of their museum (and
 * only theirs) in the list, filters them by state, opens one, refuses one with a reason,
 * accepts another with a comment, marks its parcel received (inspection waits for it), inspects it
 * (the units back on sale) and sees it refunded
 * through Stripe (the loopback gets the refund); a manager of another museum cannot open it.
 * The same screens in French.
 */
describe('console: returns', () => {
  const c = useConsole({ stripe: true });
  let shop: Shop;
  let other: Shop;

  beforeAll(async () => {
    await seedFx(c.api.db.prisma, '7.8000');
    shop = await seedShop(c.api.db.prisma, { prices: [2_500, 4_000], stock: 20 });
    other = await seedShop(c.api.db.prisma, { prices: [3_000], stock: 20 });
  });

  /** A shopper's paid order, marked released and delivered as the worker would (status changes), so it may be returned. */
  async function deliveredOrder(s: Shop, shopper: string, key: string, lines: { variantId: string; quantity: number }[]) {
    let cartId = '';
    for (const line of lines) {
      const r: any = await c.api.gql(ADD_LINE, { i: { ...line, cartToken: null } }, shopper);
      expect(r.errors).toBeUndefined();
      cartId = r.data.addCartLine.cart.id;
    }
    const placed: any = await c.api.gql(PLACE_ORDER, { i: placeOrderInput(cartId, key, { id: residentId(7501), name: NAME }) }, shopper);
    expect(placed.errors).toBeUndefined();
    const order = placed.data.placeOrder.orders[0];
    expect(await c.stripe.deliver(c.api.baseUrl, c.stripe.succeed(placed.data.placeOrder.payment.paymentIntentId))).toBe(200);
    const db = c.api.db.prisma;
    const at = Date.now() - 2 * 86_400_000;
    await db.orderStatusChange.createMany({
      data: [
        { orderId: order.id, fromStatus: 'PAID', toStatus: 'CUSTOMS_SUBMITTED', reason: 'declared', createdAt: new Date(at) },
        { orderId: order.id, fromStatus: 'CUSTOMS_SUBMITTED', toStatus: 'CLEARED', reason: 'released', createdAt: new Date(at + 60_000) },
        { orderId: order.id, fromStatus: 'CLEARED', toStatus: 'SHIPPED', reason: 'booked', createdAt: new Date(at + 120_000) },
        { orderId: order.id, fromStatus: 'SHIPPED', toStatus: 'DELIVERED', reason: 'delivered', createdAt: new Date(at + 86_400_000) },
      ],
    });
    await db.order.update({ where: { id: order.id }, data: { status: 'DELIVERED' } });
    return order;
  }

  it('lists, refuses, accepts, inspects and refunds returns; another museum cannot see them', async () => {
    const manager = await createUser(c.api.db.prisma, 'MUSEUM_MANAGER', { museumIds: [shop.museumId] });
    const stranger = await createUser(c.api.db.prisma, 'MUSEUM_MANAGER', { museumIds: [other.museumId] });
    const shopper = await c.api.login((await createUser(c.api.db.prisma, 'SHOPPER')).email);
    const order = await deliveredOrder(shop, shopper, 'browser-returns', [
      { variantId: shop.variants[0]!.id, quantity: 2 },
      { variantId: shop.variants[1]!.id, quantity: 1 },
    ]);
    const [line0, line1] = order.lines as { id: string; sku: string; total: number }[];
    const damaged: any = await c.api.gql(REQUEST, { i: { orderId: order.id, reason: 'DAMAGED', note: '盒子压坏了', photoUrls: ['https://img.example.test/damaged.jpg'], lines: [{ lineId: line0!.id, quantity: 2 }] } }, shopper);
    expect(damaged.errors).toBeUndefined();
    const changed: any = await c.api.gql(REQUEST, { i: { orderId: order.id, reason: 'CHANGED_MIND', photoUrls: [], lines: [{ lineId: line1!.id, quantity: 1 }] } }, shopper);
    expect(changed.errors).toBeUndefined();
    // Another museum's return: never in this manager's list.
    const otherOrder = await deliveredOrder(other, shopper, 'browser-returns-other', [{ variantId: other.variants[0]!.id, quantity: 1 }]);
    const foreign: any = await c.api.gql(REQUEST, { i: { orderId: otherOrder.id, reason: 'WRONG_ITEM', photoUrls: [], lines: [{ lineId: otherOrder.lines[0].id, quantity: 1 }] } }, shopper);
    expect(foreign.errors).toBeUndefined();

    const { page, screenshot } = await c.open();
    await signInFast(page, manager.email, manager.password);
    await page.getByRole('menuitem', { name: 'Returns' }).click();
    const rows = page.locator('tbody tr');
    await page.getByText('Damaged').waitFor();
    await page.getByText('Changed their mind').waitFor();
    await expect(rows.count()).resolves.toBe(2);
    await expect(page.getByText('Wrong item').count()).resolves.toBe(0);
    await screenshot('returns-list');

    // Refuse the change of mind, with a reason.
    await page.locator('tbody tr', { hasText: 'Changed their mind' }).click();
    await page.getByTestId('return-show').waitFor();
    await page.getByTestId('return-lines').getByText(line1!.sku).waitFor();
    await page.getByTestId('return-refuse').click();
    await page.getByText(`Refuse the return of order ${order.number}`).waitFor();
    await expect(page.getByTestId('return-decide-confirm').isDisabled()).resolves.toBe(true);
    await page.getByTestId('return-comment').fill('Opened and used: not returnable');
    await page.getByTestId('return-decide-confirm').click();
    await page.getByText('Return refused.').waitFor();
    await page.getByTestId('return-status').getByText('Refused').waitFor();
    await page.getByTestId('return-history').getByText('Opened and used: not returnable').waitFor();
    await expect(page.getByTestId('return-accept').count()).resolves.toBe(0);
    await screenshot('returns-refused');

    // The list filtered by state: only the requested one.
    await page.getByRole('menuitem', { name: 'Returns' }).click();
    await page.getByLabel('State').click();
    await page.getByRole('option', { name: 'Requested' }).click();
    await page.locator('tbody tr', { hasText: 'Changed their mind' }).waitFor({ state: 'detached' });
    await expect(rows.count()).resolves.toBe(1);

    // Accept the damaged units, then inspect: both back on sale and refunded (3 accepted of 2 returned cannot be submitted).
    await page.locator('tbody tr', { hasText: 'Damaged' }).click();
    await page.getByTestId('return-facts').getByText('盒子压坏了').waitFor();
    await page.getByTestId('return-accept').click();
    await page.getByTestId('return-comment').fill('Sorry about that: send it back');
    await page.getByTestId('return-decide-confirm').click();
    await page.getByText('Return accepted: the return waybill is being booked.').waitFor();
    await page.getByTestId('return-status').getByText('Accepted').waitFor();
    await screenshot('returns-accepted');

    // No inspection before the parcel is back: the carrier has not reported it (no worker here), the manager has it and marks it received.
    await page.getByTestId('return-awaiting-parcel').waitFor();
    await expect(page.getByTestId('return-inspect').count()).resolves.toBe(0);
    await screenshot('returns-awaiting-parcel');
    await page.getByTestId('return-mark-received').click();
    await page.getByText('Marked received: the parcel may be inspected.').waitFor();
    await page.getByTestId('return-history').getByText('Marked received', { exact: true }).waitFor();
    await page.getByTestId('return-awaiting-parcel').waitFor({ state: 'detached' });

    const refundsBefore = c.stripe.requests.filter((r) => r.path === '/v1/refunds').length;
    await page.getByTestId('return-inspect').click();
    await page.getByText(`Inspect the parcel of order ${order.number}`).waitFor();
    await page.getByTestId(`inspect-accepted-${line0!.sku}`).fill('3');
    await expect(page.getByTestId('inspect-confirm').isDisabled()).resolves.toBe(true);
    await page.getByTestId(`inspect-accepted-${line0!.sku}`).fill('2');
    await page.getByTestId('inspect-comment').fill('Box crushed, one unit scratched');
    await screenshot('returns-inspect-dialog');
    await page.getByTestId('inspect-confirm').click();
    await page.getByText('Inspected and refunded.').waitFor();
    await page.getByTestId('return-status').getByText('Refunded').waitFor();
    await page.getByTestId('return-lines').getByText('Back on sale').waitFor();
    await screenshot('returns-refunded');
    const made = c.stripe.requests.filter((r) => r.path === '/v1/refunds').slice(refundsBefore);
    expect(made).toHaveLength(1);
    const ret = await c.api.db.prisma.orderReturn.findUniqueOrThrow({ where: { id: damaged.data.requestReturn.id } });
    expect(ret).toMatchObject({ status: 'REFUNDED', decisionComment: 'Sorry about that: send it back', inspectionComment: 'Box crushed, one unit scratched' });
    expect(ret.receivedAt).not.toBeNull();
    expect(made[0]!.params).toMatchObject({ amount: String(ret.refundAmountMinor) });
    expect(ret.refundAmountMinor).toBeGreaterThan(0);

    // The order page shows the manager the return window the shop shows the shopper: 30 days after customs release.
    const cleared = await c.api.db.prisma.orderStatusChange.findFirstOrThrow({ where: { orderId: order.id, toStatus: 'CLEARED' } });
    const deadline = new Date(cleared.createdAt.getTime() + 30 * 86_400_000).toISOString();
    await page.goto(`${c.server.url}/#/orders/${order.id}/show`);
    const shownDeadline = page.getByTestId('order-return-deadline');
    await shownDeadline.waitFor();
    const expected = await page.evaluate((at) => new Date(at).toLocaleString(navigator.language.toLowerCase().startsWith('en') ? navigator.language : 'en'), deadline);
    expect(await shownDeadline.textContent()).toBe(expected);

    // Another museum's manager: the return is not found, the list is empty of ours.
    const { page: page2 } = await c.open();
    await signInFast(page2, stranger.email, stranger.password);
    await page2.goto(`${c.server.url}/#/returns/${damaged.data.requestReturn.id}/show`);
    await page2.getByTestId('not-found').waitFor();
    await page2.getByRole('menuitem', { name: 'Returns' }).click();
    await page2.getByText('Wrong item').waitFor();
    await expect(page2.locator('tbody tr').count()).resolves.toBe(1);
  });

  it('a brand partner decides the returns of the orders it fulfilled, and only those', async () => {
    const brand = await createBrand(c.api.db.prisma);
    const partner = await createUser(c.api.db.prisma, 'BRAND_PARTNER', { brandId: brand.id });
    const shopper = await c.api.login((await createUser(c.api.db.prisma, 'SHOPPER')).email);
    const order = await deliveredOrder(shop, shopper, 'browser-returns-brand', [{ variantId: shop.variants[0]!.id, quantity: 1 }]);
    // The order's lines were shipped by the brand from its own stock (as checkout records a co-branded order).
    await c.api.db.prisma.order.update({ where: { id: order.id }, data: { fulfilledByBrandId: brand.id } });
    const asked: any = await c.api.gql(REQUEST, { i: { orderId: order.id, reason: 'WRONG_ITEM', photoUrls: [], lines: [{ lineId: order.lines[0].id, quantity: 1 }] } }, shopper);
    expect(asked.errors).toBeUndefined();

    const { page, screenshot } = await c.open();
    await signInFast(page, partner.email, partner.password);
    await page.getByRole('menuitem', { name: 'Returns' }).click();
    await page.getByText('Wrong item').waitFor();
    // Only the return of the order it fulfilled: not the museum's own returns.
    await expect(page.locator('tbody tr').count()).resolves.toBe(1);
    await page.locator('tbody tr', { hasText: 'Wrong item' }).click();
    await page.getByTestId('return-lines').getByText(order.lines[0].sku).waitFor();
    await page.getByTestId('return-order').getByText(order.number).waitFor();
    await page.getByTestId('return-accept').click();
    await page.getByTestId('return-comment').fill('Our mistake: send it back to the atelier');
    await page.getByTestId('return-decide-confirm').click();
    await page.getByTestId('return-status').getByText('Accepted').waitFor();
    await screenshot('returns-brand-accepted');
    expect(await c.api.db.prisma.orderReturn.findUniqueOrThrow({ where: { id: asked.data.requestReturn.id } })).toMatchObject({ status: 'ACCEPTED', decidedBy: partner.id });
  });

  it('the returns screens in French', async () => {
    const manager = await createUser(c.api.db.prisma, 'MUSEUM_MANAGER', { museumIds: [shop.museumId] });
    const { page, screenshot } = await c.open('fr-FR');
    await signInFast(page, manager.email, manager.password);
    await page.getByRole('menuitem', { name: 'Retours' }).click();
    await page.getByText('Endommagé').waitFor();
    await page.getByText('A changé d’avis').waitFor();
    await page.locator('tbody tr', { hasText: 'Endommagé' }).click();
    await page.getByTestId('return-status').getByText('Remboursé').waitFor();
    await page.getByText('Unités retournées').waitFor();
    await screenshot('returns-fr');
  });
});
