import type { Page } from 'playwright-core';
import { createMuseum, createUser, setFxRate } from '@vitrine/shared/testing';
import { signInFast } from './support/browser';
import { useConsole } from './support/console-fixture';

/** react-admin names each input after its source path. */
const field = (page: Page, source: string) => page.locator(`[name="${source}"]`);
const helperOf = (page: Page, source: string) =>
  page.locator('.MuiTextField-root').filter({ has: field(page, source) }).locator('.MuiFormHelperText-root');

describe('console: operator and museum manager screens', () => {
  const c = useConsole();

  it('lets an operator create a museum with a localized name and a manager for it', async () => {
    const admin = await createUser(c.api.db.prisma, 'PLATFORM_ADMIN');
    const { page, screenshot } = await c.open();
    await signInFast(page, admin.email, admin.password);

    await page.getByRole('menuitem', { name: 'Museums' }).click();
    await page.locator('a[href="#/museums/create"]').click();
    await field(page, 'storefront.name.fr').fill('Musée des Tissus');
    await field(page, 'storefront.name.en').fill('Textile Museum');
    await field(page, 'storefront.name.zhCN').fill('纺织博物馆');
    await field(page, 'slug').fill('musee-des-tissus');
    await field(page, 'legalName').fill('Musée des Tissus SAS');
    await screenshot('operator-museum-create');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('cell', { name: 'musee-des-tissus' }).waitFor();
    await screenshot('operator-museums');
    const museum = await c.api.db.prisma.museum.findUniqueOrThrow({ where: { slug: 'musee-des-tissus' }, include: { storefront: true } });
    expect(museum.storefront).toMatchObject({ nameFr: 'Musée des Tissus', nameEn: 'Textile Museum', nameZh: '纺织博物馆', status: 'DRAFT' });

    await page.getByRole('menuitem', { name: 'Users' }).click();
    await page.locator('a[href="#/users/create"]').click();
    await field(page, 'email').fill('lea.martin@tissus.test');
    await field(page, 'displayName').fill('Léa Martin');
    await field(page, 'password').fill('a-long-enough-password');
    await page.getByRole('combobox', { name: 'Museums' }).click();
    await page.getByRole('option', { name: 'Textile Museum' }).click();
    await screenshot('operator-user-create');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('cell', { name: 'lea.martin@tissus.test' }).waitFor();
    const user = await c.api.db.prisma.user.findUniqueOrThrow({ where: { email: 'lea.martin@tissus.test' }, include: { memberships: true } });
    expect(user.role).toBe('MUSEUM_MANAGER');
    expect(user.memberships.map((m) => m.museumId)).toEqual([museum.id]);

    await page.getByRole('menuitem', { name: 'FX rates' }).click();
    await page.locator('a[href="#/fxRates/create"]').click();
    await field(page, 'rate').fill('7.8123');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('cell', { name: '7.8123' }).first().waitFor();
    await screenshot('operator-fx-rates');
  });

  it('lets a manager create a product with two variants and zh-CN text, publish it, and shoppers then see it', async () => {
    const museum = await createMuseum(c.api.db.prisma, { nameEn: 'Louvre Shop' });
    const manager = await createUser(c.api.db.prisma, 'MUSEUM_MANAGER', { museumIds: [museum.id] });
    await setFxRate(c.api.db.prisma, '7.8000');
    await c.api.db.prisma.positiveListEntry.create({ data: { hsPrefix: '4911', description: 'Printed matter' } });
    const { page, screenshot } = await c.open();
    await signInFast(page, manager.email, manager.password);
    await page.getByTestId('count-DRAFT').waitFor();
    await screenshot('manager-dashboard');

    await page.getByRole('menuitem', { name: 'Products' }).click();
    await page.locator('a[href="#/products/create"]').click();
    await field(page, 'name.fr').fill('Affiche La Joconde');
    await field(page, 'name.en').fill('Mona Lisa poster');
    await field(page, 'name.zhCN').fill('蒙娜丽莎海报');
    await field(page, 'description.en').fill('Museum-grade print.');
    await field(page, 'description.zhCN').fill('博物馆级印刷品。');
    await field(page, 'category').fill('posters');
    await field(page, 'variants.0.sku').fill('MONA-50');
    await field(page, 'variants.0.priceEur').fill('24.90');
    await field(page, 'variants.0.hsCode').fill('491191');
    await page.locator('.ra-input-variants\\.0\\.optionList .button-add').first().click();
    await field(page, 'variants.0.optionList.0.name').fill('size');
    await field(page, 'variants.0.optionList.0.value').fill('50x70');
    // The variants' own "add" comes after each variant's options' one.
    await page.locator('.ra-input-variants .button-add').last().click();
    await field(page, 'variants.1.sku').fill('MONA-70');
    await field(page, 'variants.1.priceEur').fill('34,5');
    await field(page, 'variants.1.weightGrams').fill('180');
    await field(page, 'variants.1.hsCode').fill('491191');
    await field(page, 'variants.1.originCountry').fill('FR');
    await page.locator('.ra-input-variants\\.1\\.optionList .button-add').first().click();
    await field(page, 'variants.1.optionList.0.name').fill('size');
    await field(page, 'variants.1.optionList.0.value').fill('70x100');
    await screenshot('manager-product-create');
    await page.getByRole('button', { name: 'Save' }).click();

    await page.getByTestId('product-publish').waitFor();
    const product = await c.api.db.prisma.product.findFirstOrThrow({ where: { museumId: museum.id }, include: { variants: { orderBy: { position: 'asc' } } } });
    expect(product).toMatchObject({ status: 'DRAFT', nameZh: '蒙娜丽莎海报', category: 'posters' });
    expect(product.variants.map((v) => [v.sku, v.priceMinor, v.weightGrams, v.options])).toEqual([
      ['MONA-50', 2490, 100, { size: '50x70' }],
      ['MONA-70', 3450, 180, { size: '70x100' }],
    ]);

    // No stock yet: the console asks before publishing (merchandising.browser-spec.ts covers both answers).
    await page.getByTestId('product-publish').click();
    await page.getByRole('button', { name: 'Publish anyway' }).click();
    await page.getByTestId('product-unpublish').waitFor();
    await screenshot('manager-product-edit-published');

    const shop = await c.api.gql(
      `query($slug: String!) { products(filter: { storefrontSlug: $slug }, locale: zh_CN) { totalCount nodes { id name priceFrom { amount currency } variants { sku } } } }`,
      { slug: museum.slug },
    );
    expect(shop.errors).toBeUndefined();
    expect(shop.data.products.totalCount).toBe(1);
    expect(shop.data.products.nodes[0]).toMatchObject({ id: product.id, name: '蒙娜丽莎海报', priceFrom: { currency: 'CNY' } });
    expect(shop.data.products.nodes[0].variants.map((v: { sku: string }) => v.sku).sort()).toEqual(['MONA-50', 'MONA-70']);

    await page.getByRole('menuitem', { name: 'Products' }).click();
    await page.getByRole('cell', { name: 'Mona Lisa poster' }).waitFor();
    await screenshot('manager-products');
    await page.getByRole('menuitem', { name: 'Storefront' }).click();
    await page.getByTestId('storefront-preview').waitFor();
    await field(page, 'story.zhCN').fill('欢迎来到卢浮宫商店。');
    await page.getByTestId('storefront-preview').getByText('欢迎来到卢浮宫商店。').waitFor();
    await screenshot('manager-storefront');
  });

  it('shows server field errors for a bad SKU and price on the right fields without losing the form', async () => {
    const museum = await createMuseum(c.api.db.prisma);
    const manager = await createUser(c.api.db.prisma, 'MUSEUM_MANAGER', { museumIds: [museum.id] });
    const { page, screenshot } = await c.open();
    await signInFast(page, manager.email, manager.password);
    await page.goto('/#/products/create');
    await field(page, 'name.en').fill('Water lilies scarf');
    await field(page, 'name.zhCN').fill('睡莲丝巾');
    await field(page, 'category').fill('scarves');
    await field(page, 'variants.0.sku').fill('BAD SKU!');
    await field(page, 'variants.0.priceEur').fill('0');
    await field(page, 'variants.0.hsCode').fill('621410');
    await page.getByRole('button', { name: 'Save' }).click();

    await helperOf(page, 'variants.0.sku').getByText('letters, digits, dot, dash or underscore, at most 64').waitFor();
    await expect(helperOf(page, 'variants.0.priceEur').textContent()).resolves.toMatch(/greater than or equal to 1|too small|>=\s*1/i);
    await screenshot('manager-product-field-errors');
    expect(await field(page, 'name.en').inputValue()).toBe('Water lilies scarf');
    expect(await field(page, 'name.zhCN').inputValue()).toBe('睡莲丝巾');
    expect(await field(page, 'variants.0.sku').inputValue()).toBe('BAD SKU!');
    expect(await c.api.db.prisma.product.count({ where: { museumId: museum.id } })).toBe(0);

    // Fixing the two fields is enough: the rest of the form was kept.
    await field(page, 'variants.0.sku').fill('SCARF-1');
    await field(page, 'variants.0.priceEur').fill('89');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByTestId('product-publish').waitFor();
    const saved = await c.api.db.prisma.product.findFirstOrThrow({ where: { museumId: museum.id }, include: { variants: true } });
    expect(saved.nameEn).toBe('Water lilies scarf');
    expect(saved.variants[0]).toMatchObject({ sku: 'SCARF-1', priceMinor: 8900 });
  });

  it('explains why a product cannot be published for China', async () => {
    const museum = await createMuseum(c.api.db.prisma);
    const manager = await createUser(c.api.db.prisma, 'MUSEUM_MANAGER', { museumIds: [museum.id] });
    const product = await c.api.db.prisma.product.create({
      data: {
        museumId: museum.id,
        category: 'mugs',
        nameEn: 'Mug',
        variants: { create: [{ museumId: museum.id, sku: 'MUG-1', priceMinor: 1500, weightGrams: 300, hsCode: '691200', originCountry: 'FR' }] },
      },
    });
    const { page, screenshot } = await c.open();
    await signInFast(page, manager.email, manager.password);
    await page.goto(`/#/products/${product.id}`);
    await page.getByTestId('listing-problems').getByText('The Chinese name is missing').waitFor();
    await page.getByTestId('product-publish').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('The Chinese description is missing').waitFor();
    await dialog.getByText(/positive list/).first().waitFor();
    await screenshot('manager-product-not-listable');
    expect((await c.api.db.prisma.product.findUniqueOrThrow({ where: { id: product.id } })).status).toBe('DRAFT');
  });

  it("shows the not-found page for another museum's product opened by URL", async () => {
    const mine = await createMuseum(c.api.db.prisma);
    const theirs = await createMuseum(c.api.db.prisma);
    const manager = await createUser(c.api.db.prisma, 'MUSEUM_MANAGER', { museumIds: [mine.id] });
    const secret = await c.api.db.prisma.product.create({ data: { museumId: theirs.id, category: 'secret', nameEn: 'Their secret product' } });
    const { page, screenshot } = await c.open();
    await signInFast(page, manager.email, manager.password);
    await page.getByTestId('count-DRAFT').waitFor();
    await page.goto(`/#/products/${secret.id}`);
    await page.getByTestId('not-found').waitFor();
    await expect(page.getByText('Their secret product').count()).resolves.toBe(0);
    await screenshot('manager-cross-tenant-not-found');
  });
});
