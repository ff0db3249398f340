import { readFile } from 'node:fs/promises';
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

  it('exports every order the status filter matches, across all pages, as CSV with masked customers, lines, CNY totals and customs mode', async () => {
    // 80 orders: 55 delivered (more than a screen page of 25 and an export page of 50), 25 paid.
    const seeded = await seedPaidOrders(c.api.db.prisma, 80, { startPipeline: false });
    const delivered = seeded.orderNos.slice(0, 55);
    await c.api.db.prisma.order.updateMany({ where: { number: { in: delivered } }, data: { status: 'DELIVERED' } });
    // Another museum's delivered orders stay out of the file.
    const other = await seedPaidOrders(c.api.db.prisma, 3, { startPipeline: false });
    await c.api.db.prisma.order.updateMany({ where: { museumId: other.museumId }, data: { status: 'DELIVERED' } });
    const manager = await createUser(c.api.db.prisma, 'MUSEUM_MANAGER', { museumIds: [seeded.museumId] });

    const { page, screenshot } = await c.open();
    await signInFast(page, manager.email, manager.password);
    await page.getByRole('menuitem', { name: 'Orders' }).click();
    await page.locator('tbody tr').first().waitFor();
    await page.getByRole('combobox', { name: 'State' }).click();
    await page.getByRole('option', { name: 'Delivered' }).click();
    await page.waitForFunction(() => /of 55/.test(document.body.textContent ?? ''));
    expect(await page.locator('tbody tr').count()).toBe(25);
    await screenshot('orders-export-filtered');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^orders-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await readFile((await download.path())!, 'utf8');
    const [header, ...rows] = csv.split('\r\n');
    expect(header).toBe('number,created_at,status,customer,lines,goods,shipping,insurance,tax,total,currency,customs_mode');
    expect(rows.map((r) => r.split(',')[0]).sort()).toEqual([...delivered].sort());
    for (const row of rows) {
      const cells = row.split(',');
      expect(cells[2]).toBe('DELIVERED');
      expect(cells[3]).toBe('王* 310***********000X');
      expect(cells[4]).toBe('2 × 明信片套装 (PC-1)');
      expect(cells.slice(5)).toEqual(['200.00', '30.00', '0.00', '20.93', '250.93', 'CNY', '9610']);
      expect(Number.isNaN(Date.parse(cells[1]!))).toBe(false);
    }
    // The shopper's full name never leaves in the file.
    expect(csv).not.toContain('王芳');
  });
});
