import { readFile } from 'node:fs/promises';
import { createMuseum, createProduct, createUser, setFxRate } from '@vitrine/shared/testing';
import { seedPaidOrders } from '../support/pipeline-fixtures';
import { signInFast } from './support/browser';
import { useConsole } from './support/console-fixture';

/**
 * Issue 17 in the console: a museum manager picks products and downloads A4 shelf labels (each
 * QR code's link opens the product's short link marked as from the museum's shelf); an order's
 * page says where it came from, and the orders list filters by it.
 */
describe('console: shelf labels and where orders came from', () => {
  const c = useConsole();

  it('downloads shelf labels for the selected products: a PDF whose QR links carry the shelf marker', async () => {
    const p = c.api.db.prisma;
    await setFxRate(p, '7.8000');
    const museum = await createMuseum(p, { slug: `labels-${Date.now().toString(36)}` });
    const names = ['Irises silk scarf', 'Water lilies notebook', 'Starry night mug'];
    for (const [i, nameEn] of names.entries()) await createProduct(p, museum.id, { nameEn, nameZh: ['鸢尾花丝巾', '睡莲笔记本', '星夜马克杯'][i], createdAt: new Date(Date.UTC(2026, 10, 1 + i)) });
    const manager = await createUser(p, 'MUSEUM_MANAGER', { museumIds: [museum.id] });

    const { page, screenshot } = await c.open();
    await signInFast(page, manager.email, manager.password);
    await page.getByRole('menuitem', { name: 'Products' }).click();
    await page.getByRole('cell', { name: names[0] }).waitFor();
    // Two of the three: their rows' checkboxes.
    for (const name of names.slice(0, 2)) await page.getByRole('row').filter({ hasText: name }).getByRole('checkbox').check();
    await page.getByTestId('shelf-labels').waitFor();
    await screenshot('shelf-labels-selected');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('shelf-labels').click()]);
    expect(download.suggestedFilename()).toMatch(/^shelf-labels-\d{4}-\d{2}-\d{2}\.pdf$/);
    const pdf = await readFile((await download.path())!);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // The QR codes' payload, also written as link annotations.
    const links = [...pdf.toString('latin1').matchAll(/\/URI \(([^)]*)\)/g)].map((m) => m[1]!);
    expect(links).toHaveLength(2);
    for (const link of links) expect(link).toMatch(new RegExp(`/p/[A-Za-z0-9]+\\?src=shelf-${museum.slug}$`));
    await page.getByText(/Shelf labels for 2 products/).waitFor();
    await screenshot('shelf-labels-downloaded');
  });

  it('shows where an order came from and filters the list by it', async () => {
    const p = c.api.db.prisma;
    const paid = await seedPaidOrders(p, 3, { startPipeline: false });
    const [shelf, article] = paid.orderIds as [string, string, string];
    await p.orderAttribution.create({ data: { orderId: shelf, channel: 'SHELF_QR', ref: 'louvre' } });
    await p.orderAttribution.create({ data: { orderId: article, channel: 'ARTICLE', ref: 'wechat-1206' } });
    const manager = await createUser(p, 'MUSEUM_MANAGER', { museumIds: [paid.museumId] });
    const number = async (id: string) => (await p.order.findUniqueOrThrow({ where: { id } })).number;

    const { page, screenshot } = await c.open();
    await signInFast(page, manager.email, manager.password);
    await page.goto(`/#/orders/${shelf}/show`);
    const came = page.getByTestId('order-attribution');
    await came.waitFor();
    expect(await came.textContent()).toBe('Shelf label (QR code) · louvre');
    await screenshot('order-attribution');

    await page.goto('/#/orders');
    await page.locator('tbody tr').first().waitFor();
    await page.getByRole('combobox', { name: 'Came from' }).click();
    await page.getByRole('option', { name: 'Shelf label (QR code)' }).click();
    await page.waitForFunction(() => document.querySelectorAll('tbody tr').length === 1);
    expect(await page.locator('tbody tr').first().textContent()).toContain(await number(shelf));
    await screenshot('orders-filtered-by-channel');
  });

  it('names an order from the shop’s search with the term searched, in English and French, and filters by it', async () => {
    const p = c.api.db.prisma;
    const paid = await seedPaidOrders(p, 2, { startPipeline: false });
    const [searched, browsed] = paid.orderIds as [string, string];
    // As placeOrder records them: the term the shop kept ('' for results with filters only).
    await p.orderAttribution.create({ data: { orderId: searched, channel: 'SEARCH', ref: '丝巾' } });
    await p.orderAttribution.create({ data: { orderId: browsed, channel: 'SEARCH', ref: '' } });
    const manager = await createUser(p, 'MUSEUM_MANAGER', { museumIds: [paid.museumId] });

    for (const [locale, term, bare, label, filter] of [
      ['en-GB', 'Shop search · searched “丝巾”', 'Shop search', 'Came from', 'Shop search'],
      ['fr-FR', 'Recherche dans la boutique · recherche « 丝巾 »', 'Recherche dans la boutique', 'Provenance', 'Recherche dans la boutique'],
    ] as const) {
      const { page, screenshot } = await c.open(locale);
      await signInFast(page, manager.email, manager.password);
      await page.goto(`/#/orders/${searched}/show`);
      const came = page.getByTestId('order-attribution');
      await came.waitFor();
      expect(await came.getAttribute('data-channel')).toBe('SEARCH');
      expect(await came.textContent()).toBe(term);
      await screenshot(`order-attribution-search-${locale}`);
      await page.goto(`/#/orders/${browsed}/show`);
      await page.getByTestId('order-attribution').filter({ hasText: bare }).waitFor();
      expect(await page.getByTestId('order-attribution').textContent()).toBe(bare);

      await page.goto('/#/orders');
      await page.locator('tbody tr').first().waitFor();
      await page.getByRole('combobox', { name: label }).click();
      await page.getByRole('option', { name: filter }).click();
      await page.waitForFunction(() => document.querySelectorAll('tbody tr').length === 2);
      await screenshot(`orders-filtered-by-search-${locale}`);
    }
  });
});
