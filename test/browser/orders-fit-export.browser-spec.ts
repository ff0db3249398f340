import { createUser } from '@vitrine/shared/testing';
import { seedPaidOrders } from '../support/pipeline-fixtures';
import { signInFast } from './support/browser';
import { useConsole } from './support/console-fixture';

/** Issue 19: the order page on a laptop's 1,280 px window. */
describe('console: an order page fits the window; orders export with their filters', () => {
  const c = useConsole();

  it('shows an order at 1280×800 without horizontal scroll, the Refund button on screen and the Chinese product name unbroken', async () => {
    const paid = await seedPaidOrders(c.api.db.prisma, 1, { startPipeline: false });
    const orderId = paid.orderIds[0]!;
    // A long Chinese name, as co-branded products have.
    const longName = '卢浮宫博物馆 × 蒙娜丽莎 真丝方巾 九十厘米 礼盒装';
    await c.api.db.prisma.orderLine.updateMany({ where: { orderId }, data: { name: longName } });
    const manager = await createUser(c.api.db.prisma, 'MUSEUM_MANAGER', { museumIds: [paid.museumId] });

    const { page, screenshot } = await c.open();
    await page.setViewportSize({ width: 1280, height: 800 });
    await signInFast(page, manager.email, manager.password);
    await page.goto(`/#/orders/${orderId}/show`);
    await page.getByTestId('order-lines').waitFor();
    await page.getByTestId('order-refund').waitFor();

    const fit = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    expect(fit.client).toBeLessThanOrEqual(1280);
    expect(fit.scroll).toBeLessThanOrEqual(fit.client);

    const refund = await page.getByTestId('order-refund').boundingBox();
    expect(refund).not.toBeNull();
    expect(refund!.x).toBeGreaterThanOrEqual(0);
    expect(refund!.x + refund!.width).toBeLessThanOrEqual(fit.client);

    // The product name's cell holds at least eight Chinese characters a line: one line here,
    // two at most, not one line per three characters.
    const name = page.getByTestId('order-lines').getByText(longName);
    const box = await name.boundingBox();
    const lineHeight = await name.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight) || 20);
    expect(box).not.toBeNull();
    expect(box!.height / lineHeight).toBeLessThanOrEqual(2.2);
    // The masked ID number is whole, inside its card.
    const id = (await page.getByTestId('resident-id-masked').boundingBox())!;
    const card = (await page.getByTestId('order-buyer').boundingBox())!;
    expect(id.x + id.width).toBeLessThanOrEqual(card.x + card.width - 8);
    expect(id.height).toBeLessThan(30);
    await screenshot('order-page-1280');
  });
});
