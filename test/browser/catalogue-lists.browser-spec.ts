import { readFile } from 'node:fs/promises';
import { createMuseum, createUser, setFxRate } from '@vitrine/shared/testing';
import { signInFast } from './support/browser';
import { useConsole } from './support/console-fixture';

describe('console: product lists at scale, CSV import, bulk status, user access', () => {
  const c = useConsole();

  it('jumps to page 40 of 1,000 products with light cursor walks and shows the right rows', async () => {
    const museum = await createMuseum(c.api.db.prisma);
    const manager = await createUser(c.api.db.prisma, 'MUSEUM_MANAGER', { museumIds: [museum.id] });
    const t0 = Date.UTC(2026, 0, 1);
    await c.api.db.prisma.product.createMany({
      data: Array.from({ length: 1000 }, (_, i) => ({
        museumId: museum.id,
        category: 'prints',
        nameEn: `Print ${String(i).padStart(4, '0')}`,
        createdAt: new Date(t0 + i * 60_000),
      })),
    });
    const { page, screenshot } = await c.open();
    await signInFast(page, manager.email, manager.password);
    const queries: string[] = [];
    page.on('request', (r) => {
      const body = r.postData();
      if (r.url().endsWith('/graphql') && body?.includes('ManagedProducts')) queries.push(body);
    });
    // Newest first: page 40 of 25 holds items 975..999, i.e. prints 0024 down to 0000.
    const params = new URLSearchParams({ filter: '{}', order: 'DESC', page: '40', perPage: '25', sort: 'createdAt' });
    await page.goto(`/#/products?${params}`);
    await page.getByRole('cell', { name: 'Print 0024' }).waitFor();
    await page.getByRole('cell', { name: 'Print 0000' }).waitFor();
    await page.getByText('976-1000 of 1000').waitFor();
    await screenshot('manager-products-page-40');
    // 975 items skipped in ten id-only steps (the list's typed query with neither the rows' nor
    // the export's fields included), then one page of 25.
    const idsOnly = (body: string) => {
      const { variables } = JSON.parse(body) as { variables: { rows?: boolean; export?: boolean } };
      return variables.rows === false && variables.export === false;
    };
    const walks = queries.filter(idsOnly);
    expect(walks.length).toBe(10);
    expect(queries.length - walks.length).toBe(1);

    // Filters are applied by the server: one published product among the thousand.
    await c.api.db.prisma.product.updateMany({ where: { museumId: museum.id, nameEn: 'Print 0500' }, data: { status: 'PUBLISHED' } });
    await page.goto(`/#/products?${new URLSearchParams({ filter: JSON.stringify({ status: 'PUBLISHED' }), page: '1', perPage: '25' })}`);
    await page.getByRole('cell', { name: 'Print 0500' }).waitFor();
    await page.getByText('1-1 of 1').waitFor();

    // The rows ask only for their columns; the export still writes whole records.
    const print = await c.api.db.prisma.product.findFirstOrThrow({ where: { museumId: museum.id, nameEn: 'Print 0500' } });
    await c.api.db.prisma.product.update({
      where: { id: print.id },
      data: { descriptionEn: 'Giclée on cotton paper', variants: { create: { museumId: museum.id, sku: 'PRINT-500', priceMinor: 2490, weightGrams: 80, hsCode: '491191', originCountry: 'FR' } } },
    });
    const rowQueries = queries.length;
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export' }).click()]);
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv.split(/\r?\n/)[1]).toBe(`${print.id},PUBLISHED,,Print 0500,,,Giclée on cotton paper,,prints,GENERAL,PRINT-500,24.90,80,491191,FR,{}`);
    // Which fields a page asks for is the variables' choice of fragment (one typed document).
    const fields = (body: string) => (JSON.parse(body) as { variables: { rows?: boolean; export?: boolean } }).variables;
    expect(queries.slice(rowQueries).some((q) => fields(q).export === true)).toBe(true);
    expect(queries.slice(0, rowQueries).every((q) => fields(q).export === false)).toBe(true);
  });

  it('imports products from CSV and reports each failing row', async () => {
    const museum = await createMuseum(c.api.db.prisma);
    const manager = await createUser(c.api.db.prisma, 'MUSEUM_MANAGER', { museumIds: [museum.id] });
    const { page, screenshot } = await c.open();
    await signInFast(page, manager.email, manager.password);
    await page.getByRole('menuitem', { name: 'Products' }).click();
    await page.getByTestId('import-button').click();
    const csv = [
      'name_fr,name_en,name_zh,description_fr,description_en,description_zh,category,cross_border_category,sku,price_eur,weight_grams,hs_code,origin_country,options',
      'Carnet,Notebook,笔记本,,A5 notebook,A5笔记本,stationery,STATIONERY,NOTE-A5,12.50,200,482010,FR,"{""ruling"": ""dot""}"',
      'Crayon,Pencil,铅笔,,,,stationery,STATIONERY,BAD SKU,abc,20,960910,FR,',
      'Tote,Tote bag,托特包,,,,bags,GENERAL,TOTE-1,19,150,420222,IT,',
    ].join('\n');
    await page.getByTestId('import-file').setInputFiles({ name: 'products.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByTestId('import-summary').getByText('2 created, 1 with errors').waitFor();
    await page.getByText('price_eur: A price in euros, e.g. 24.90').waitFor();
    await screenshot('manager-product-import');
    const rows = await c.api.db.prisma.productVariant.findMany({ where: { museumId: museum.id }, orderBy: { sku: 'asc' } });
    expect(rows.map((v) => [v.sku, v.priceMinor, v.options])).toEqual([
      ['NOTE-A5', 1250, { ruling: 'dot' }],
      ['TOTE-1', 1900, {}],
    ]);
  });

  it('publishes in bulk and reports the products China refuses', async () => {
    const museum = await createMuseum(c.api.db.prisma);
    const manager = await createUser(c.api.db.prisma, 'MUSEUM_MANAGER', { museumIds: [museum.id] });
    await setFxRate(c.api.db.prisma);
    await c.api.db.prisma.positiveListEntry.create({ data: { hsPrefix: '4202', description: 'Bags' } });
    const variant = (sku: string) => ({ museumId: museum.id, sku, priceMinor: 2000, weightGrams: 100, hsCode: '420222', originCountry: 'FR' });
    await c.api.db.prisma.product.create({
      data: { museumId: museum.id, category: 'bags', nameEn: 'Ready bag', nameZh: '包', descriptionZh: '好包', variants: { create: [variant('BAG-1')] } },
    });
    await c.api.db.prisma.product.create({ data: { museumId: museum.id, category: 'bags', nameEn: 'Unready bag', variants: { create: [variant('BAG-2')] } } });
    const { page, screenshot } = await c.open();
    await signInFast(page, manager.email, manager.password);
    await page.getByRole('menuitem', { name: 'Products' }).click();
    await page.getByRole('cell', { name: 'Unready bag' }).waitFor();
    await page.getByRole('checkbox', { name: /select all/i }).check();
    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByText(/1 updated, 1 refused/).waitFor();
    await screenshot('manager-products-bulk');
    const statuses = await c.api.db.prisma.product.findMany({ where: { museumId: museum.id }, select: { nameEn: true, status: true }, orderBy: { nameEn: 'asc' } });
    expect(statuses).toEqual([
      { nameEn: 'Ready bag', status: 'PUBLISHED' },
      { nameEn: 'Unready bag', status: 'DRAFT' },
    ]);
  });

  it('lets a manager add a work of art and a collection and link a product to both', async () => {
    const museum = await createMuseum(c.api.db.prisma);
    const manager = await createUser(c.api.db.prisma, 'MUSEUM_MANAGER', { museumIds: [museum.id] });
    const product = await c.api.db.prisma.product.create({ data: { museumId: museum.id, category: 'prints', nameEn: 'Water lilies print' } });
    const { page, screenshot } = await c.open();
    await signInFast(page, manager.email, manager.password);

    await page.getByRole('menuitem', { name: 'Works of art' }).click();
    await page.locator('a[href="#/artworks/create"]').click();
    await page.locator('[name="accessionNumber"]').fill('RF 1963-5');
    await page.locator('[name="title.fr"]').fill('Nymphéas');
    await page.locator('[name="title.en"]').fill('Water Lilies');
    await page.locator('[name="title.zhCN"]').fill('睡莲');
    await page.locator('[name="artist"]').fill('Claude Monet');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('cell', { name: 'RF 1963-5' }).waitFor();
    await screenshot('manager-artworks');

    await page.getByRole('menuitem', { name: 'Collections' }).click();
    await page.locator('a[href="#/collections/create"]').click();
    await page.locator('[name="name.en"]').fill('Impressionism');
    await page.locator('[name="name.zhCN"]').fill('印象派');
    await page.locator('[name="slug"]').fill('impressionism');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('cell', { name: 'impressionism', exact: true }).waitFor();

    await page.goto(`/#/products/${product.id}`);
    await page.getByRole('combobox', { name: 'Inspired by works' }).click();
    await page.getByRole('option', { name: /Water Lilies/ }).click();
    await page.getByRole('combobox', { name: 'Collections' }).click();
    await page.getByRole('option', { name: 'Impressionism' }).click();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Element updated').waitFor();
    const links = await c.api.db.prisma.product.findUniqueOrThrow({
      where: { id: product.id },
      select: { artworks: { select: { artwork: { select: { accessionNumber: true } } } }, collections: { select: { collection: { select: { slug: true } } } } },
    });
    expect(links.artworks.map((a) => a.artwork.accessionNumber)).toEqual(['RF 1963-5']);
    expect(links.collections.map((x) => x.collection.slug)).toEqual(['impressionism']);
  });

  it('lets an operator disable an account', async () => {
    const admin = await createUser(c.api.db.prisma, 'PLATFORM_ADMIN');
    const museum = await createMuseum(c.api.db.prisma);
    const manager = await createUser(c.api.db.prisma, 'MUSEUM_MANAGER', { museumIds: [museum.id] });
    const { page, screenshot } = await c.open();
    await signInFast(page, admin.email, admin.password);
    await page.goto(`/#/users/${manager.id}`);
    await page.getByRole('switch', { name: 'Disabled' }).check();
    await screenshot('operator-user-edit');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('cell', { name: manager.email }).first().waitFor();
    const stored = await c.api.db.prisma.user.findUniqueOrThrow({ where: { id: manager.id }, include: { memberships: true } });
    expect(stored.disabledAt).not.toBeNull();
    expect(stored.memberships.map((m) => m.museumId)).toEqual([museum.id]);
  });
});
