import type { Page } from 'playwright-core';
import { allowHsCodes, createMuseum, createProduct, createUser, setFxRate } from '@vitrine/shared/testing';
import { signInFast } from './support/browser';
import { useConsole } from './support/console-fixture';

const field = (page: Page, source: string) => page.locator(`[name="${source}"]`);

/** Every <img> thumbnail on the page has loaded a real picture (not a broken link, not a URL in text). */
async function loadedThumbnails(page: Page): Promise<number> {
  return page.locator('img[data-testid="thumbnail"]').evaluateAll((imgs) => imgs.filter((i) => (i as HTMLImageElement).complete && (i as HTMLImageElement).naturalWidth > 0).length);
}

describe('console: merchandising (stock, shopper prices, thumbnails, options)', () => {
  const c = useConsole();

  async function setUp() {
    const museum = await createMuseum(c.api.db.prisma, { nameEn: 'Louvre Shop' });
    const manager = await createUser(c.api.db.prisma, 'MUSEUM_MANAGER', { museumIds: [museum.id], displayName: 'Chen Jing' });
    await setFxRate(c.api.db.prisma, '7.8000');
    await allowHsCodes(c.api.db.prisma, ['4911']);
    const location = await c.api.db.prisma.stockLocation.create({ data: { museumId: museum.id, code: 'PAR-1', name: 'Paris warehouse', kind: 'EU_WAREHOUSE', priority: 10 } });
    const fresh = await createProduct(c.api.db.prisma, museum.id, {
      status: 'DRAFT',
      nameEn: 'Mona Lisa poster',
      nameZh: '蒙娜丽莎海报',
      variants: [{ sku: 'MONA-50', priceMinor: 2490, hsCode: '491191', options: { size: '50x70' } }],
    });
    const stocked = await createProduct(c.api.db.prisma, museum.id, { nameEn: 'Raft of the Medusa mug', variants: [{ sku: 'MUG-1', priceMinor: 2490, hsCode: '491191' }, { sku: 'MUG-2', priceMinor: 1990, hsCode: '491191' }] });
    await c.api.db.prisma.stockLevel.createMany({
      data: [
        { variantId: stocked.variants[0]!.id, locationId: location.id, onHand: 9, reserved: 2 },
        { variantId: stocked.variants[1]!.id, locationId: location.id, onHand: 3, reserved: 0 },
      ],
    });
    return { museum, manager, location, fresh, stocked };
  }

  it('lists stock and thumbnails, shows the shopper CNY price and tax, sets a new product’s stock, and warns before publishing it without stock', async () => {
    const { museum, manager, location, fresh, stocked } = await setUp();
    const { page, screenshot } = await c.open();
    await signInFast(page, manager.email, manager.password);

    await page.getByRole('menuitem', { name: 'Products' }).click();
    await page.getByTestId(`stock-${stocked.id}`).waitFor();
    // Σ (on hand − reserved) over variants and locations: (9 − 2) + 3.
    expect(await page.getByTestId(`stock-${stocked.id}`).textContent()).toBe('10');
    expect(await page.getByTestId(`stock-${fresh.id}`).textContent()).toBe('0');
    await page.waitForFunction(() => Array.from(document.querySelectorAll<HTMLImageElement>('img[data-testid="thumbnail"]')).filter((i) => i.complete && i.naturalWidth > 0).length >= 2);
    expect(await loadedThumbnails(page)).toBe(2);
    await screenshot('merch-product-list');

    await page.getByRole('cell', { name: 'Mona Lisa poster' }).click();
    await page.getByTestId('shopper-price-0').waitFor();
    // The price a shopper pays is the shop's own: the stocked product's 24.90 € variant, published, as the shop window shows it.
    const shop = await c.api.gql(`query($slug: String!) { products(filter: { storefrontSlug: $slug }) { nodes { variants { sku price { amount currency } } } } }`, { slug: museum.slug });
    const shopPrice = (shop.data.products.nodes[0].variants as { sku: string; price: { amount: number } }[]).find((v) => v.sku === 'MUG-1')!.price.amount;
    const yuan = (fen: number) => (fen / 100).toFixed(2);
    const priceText = await page.getByTestId('shopper-price-0').textContent();
    expect(priceText).toContain(yuan(shopPrice));
    // GENERAL goods within the limits: 9.1 % comprehensive tax, half up to the fen.
    expect(await page.getByTestId('tax-estimate-0').textContent()).toContain(yuan(Math.floor((shopPrice * 91 + 500) / 1000)));
    expect(await page.getByTestId('variant-available-0').textContent()).toBe('0');

    // Publishing with nothing to sell asks first; cancelling leaves it a draft.
    await page.getByTestId('product-publish').click();
    await page.getByRole('dialog').getByText('Publish with no stock?').waitFor();
    await screenshot('merch-publish-warning');
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    expect((await c.api.db.prisma.product.findUniqueOrThrow({ where: { id: fresh.id } })).status).toBe('DRAFT');

    // Its first stock, from the product page: location and quantity.
    await page.getByTestId('set-stock-0').click();
    // The museum's locations load after the dialog opens: the only one is chosen once they have.
    await page.getByTestId('stock-location-select').filter({ hasText: 'Paris warehouse' }).waitFor();
    await page.getByTestId('stock-quantity').fill('12');
    await screenshot('merch-set-stock-dialog');
    await page.getByTestId('stock-save').click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.waitForFunction(() => document.querySelector('[data-testid="variant-available-0"]')?.textContent === '12');
    const level = await c.api.db.prisma.stockLevel.findUniqueOrThrow({ where: { variantId_locationId: { variantId: fresh.variants[0]!.id, locationId: location.id } } });
    expect(level).toMatchObject({ onHand: 12, reserved: 0 });
    await screenshot('merch-product-with-stock');

    // With stock, publishing asks nothing.
    await page.getByTestId('product-publish').click();
    await page.getByTestId('product-unpublish').waitFor();
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect((await c.api.db.prisma.product.findUniqueOrThrow({ where: { id: fresh.id } })).status).toBe('PUBLISHED');
  });

  it('edits variant options as names and values, refusing a name given twice at its field', async () => {
    const { manager, fresh } = await setUp();
    const { page, screenshot } = await c.open();
    await signInFast(page, manager.email, manager.password);
    await page.goto(`/#/products/${fresh.id}`);
    await field(page, 'variants.0.optionList.0.name').waitFor();
    expect(await field(page, 'variants.0.optionList.0.name').inputValue()).toBe('size');
    expect(await field(page, 'variants.0.optionList.0.value').inputValue()).toBe('50x70');
    expect(await page.locator('[name="variants.0.optionsJson"]').count()).toBe(0);

    const options = page.locator('.ra-input-variants .ra-input-variants\\.0\\.optionList');
    await options.locator('.button-add').first().click();
    await field(page, 'variants.0.optionList.1.name').fill('size');
    await field(page, 'variants.0.optionList.1.value').fill('70x100');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('This option is already given').waitFor();
    await screenshot('merch-options-duplicate');
    expect((await c.api.db.prisma.productVariant.findUniqueOrThrow({ where: { id: fresh.variants[0]!.id } })).options).toEqual({ size: '50x70' });

    await field(page, 'variants.0.optionList.1.name').fill('colour');
    await field(page, 'variants.0.optionList.1.value').fill('blue');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForFunction(() => !document.body.textContent?.includes('This option is already given'));
    await page.getByText('Element updated').waitFor();
    expect((await c.api.db.prisma.productVariant.findUniqueOrThrow({ where: { id: fresh.variants[0]!.id } })).options).toEqual({ size: '50x70', colour: 'blue' });
    await screenshot('merch-options-saved');
  });

  it('sets a new product’s stock from the Stock screen, and the ledger names who counted', async () => {
    const { manager, location, fresh } = await setUp();
    const { page, screenshot } = await c.open();
    await signInFast(page, manager.email, manager.password);
    await page.goto(`/#/stockLocations/${location.id}/show`);
    await page.getByTestId('add-stock').click();
    await page.getByTestId('stock-variant-search').fill('Mona');
    await page.getByRole('option', { name: /MONA-50/ }).click();
    await page.getByTestId('stock-quantity').fill('5');
    await screenshot('merch-stock-screen-dialog');
    await page.getByTestId('stock-save').click();
    await page.getByTestId(`sku-${fresh.variants[0]!.id}`).waitFor();
    const level = await c.api.db.prisma.stockLevel.findUniqueOrThrow({ where: { variantId_locationId: { variantId: fresh.variants[0]!.id, locationId: location.id } } });
    expect(level.onHand).toBe(5);

    await page.getByTestId(`sku-${fresh.variants[0]!.id}`).click();
    await page.getByTestId('ledger-user').first().waitFor();
    expect(await page.getByTestId('ledger-user').first().textContent()).toBe('Chen Jing');
    expect(await page.getByTestId(`ledger-${fresh.variants[0]!.id}`).textContent()).not.toContain('user:');
    await screenshot('merch-stock-ledger');
  });
});
