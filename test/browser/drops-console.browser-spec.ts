import { createProduct, createUser } from '@vitrine/shared/testing';
import { residentId, seedFx, seedShop, setStock, type Shop } from '../support/checkout-fixtures';
import { signInFast } from './support/browser';
import { useConsole } from './support/console-fixture';

const JOIN = `mutation($i: JoinDropInput!) { joinDrop(input: $i) { id status } }`;

/**
 * The console's Drops screens (issue 22): a museum manager configures a queue drop through the
 * form (the product picked by name, then its variant by its options; start, edition size, units
 * per person, minutes to pay; nothing picked is refused at the fields), lands on its page, sees
 * the entries shoppers made with their signals (all from one address here) and voids one with a
 * reason. Screenshots in test/artifacts/drops-console-*.png.
 */
describe('console: drops', () => {
  const c = useConsole();
  let shop: Shop;
  /** A product with two variants told apart by their options; the red one is the edition. */
  let red: { id: string; sku: string };

  beforeAll(async () => {
    await seedFx(c.api.db.prisma, '7.8000');
    shop = await seedShop(c.api.db.prisma, { prices: [8_900], stock: 30 });
    const scarf = await createProduct(c.api.db.prisma, shop.museumId, {
      nameEn: 'Lotus silk scarf',
      variants: [
        { priceMinor: 9_500, options: { colour: 'blue', size: '90 cm' } },
        { priceMinor: 9_500, options: { colour: 'red', size: '90 cm' } },
      ],
    });
    red = scarf.variants[1]!;
    await setStock(c.api.db.prisma, shop.locationId, scarf.variants[0]!.id, 5);
    await setStock(c.api.db.prisma, shop.locationId, red.id, 30);
  });

  it('creates a queue drop, lists its entries with signals and voids one', async () => {
    const manager = await createUser(c.api.db.prisma, 'MUSEUM_MANAGER', { museumIds: [shop.museumId] });
    const { page, screenshot } = await c.open();
    await signInFast(page, manager.email, manager.password);
    await page.getByRole('menuitem', { name: 'Drops' }).click();
    await page.getByRole('link', { name: 'Create' }).click();
    // The rest of the form first; with nothing picked, saving is refused at the product (the
    // variant waits for it), and nothing is written.
    const variant = page.getByRole('combobox', { name: 'Variant' });
    expect(await variant.getAttribute('aria-disabled')).toBe('true');
    await page.getByText('Pick the product first.').waitFor();
    const start = new Date(Date.now() + 86_400_000);
    const local = new Date(start.getTime() - start.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
    await page.getByLabel('Starts').fill(local);
    await page.getByLabel('Edition size (units)').fill('30');
    await page.getByLabel('Units per person (resident ID)').fill('2');
    await page.getByLabel('Minutes to pay').fill('5');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('The form is not valid. Please check for errors').waitFor();
    await expect(page.getByText('Required', { exact: true }).count()).resolves.toBe(1);
    await page.keyboard.press('Escape');
    await screenshot('drops-console-form-refused');
    // A product of one variant: that variant is taken at once.
    const product = page.getByRole('combobox', { name: 'Product' });
    await product.fill('Product');
    await page.getByRole('option', { name: 'Product', exact: true }).click();
    await variant.getByText(/^SKU-\S+ — 30 available$/).waitFor();
    // Another product, by its name: the first one's variant is cleared; this one's are told apart by their options (with SKU and units for sale).
    await product.fill('Lotus');
    await page.getByRole('option', { name: 'Lotus silk scarf' }).click();
    await expect(variant.textContent()).resolves.not.toMatch(/SKU/);
    // A product picked but not its variant: refused at the variant.
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('The form is not valid. Please check for errors').last().waitFor();
    await expect(page.getByText('Required', { exact: true }).count()).resolves.toBe(1);
    expect(await c.api.db.prisma.drop.count()).toBe(0);
    await variant.click();
    await expect(page.getByRole('option').allTextContents()).resolves.toEqual([
      expect.stringMatching(/^size: 90 cm · colour: blue \(SKU-[^)]+\) — 5 available$/),
      `size: 90 cm · colour: red (${red.sku}) — 30 available`,
    ]);
    await screenshot('drops-console-variant-picker');
    await page.getByRole('option', { name: /colour: red/ }).click();
    // The closing menu's options leave the accessibility tree at once (aria-hidden) but stay on screen while it fades.
    await page.locator('li[role=option]', { hasText: 'colour: blue' }).waitFor({ state: 'detached' });
    await expect(variant.textContent()).resolves.toBe(`size: 90 cm · colour: red (${red.sku}) — 30 available`);
    await screenshot('drops-console-form');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('30 units, at most 2 per person, 5 min to pay').waitFor();
    // Its page says what it sells, as picked.
    await expect(page.getByTestId('drop-piece').textContent()).resolves.toBe(`Lotus silk scarf — size: 90 cm · colour: red (${red.sku})`);
    const drop = await c.api.db.prisma.drop.findFirstOrThrow({ where: { variantId: red.id } });
    expect(drop).toMatchObject({ mode: 'QUEUE', status: 'SCHEDULED', editionSize: 30, perIdentityLimit: 2, payWindowSeconds: 300, museumId: shop.museumId });
    await page.getByText('No entries yet.').waitFor();

    // Three shoppers join (from this machine: one address for all three).
    for (let i = 0; i < 3; i++) {
      const token = await c.api.login((await createUser(c.api.db.prisma, 'SHOPPER')).email);
      const r: any = await c.api.gql(JOIN, { i: { dropId: drop.id, residentId: residentId(8_100 + i) } }, token);
      expect(r.errors).toBeUndefined();
    }
    await page.reload();
    const rows = page.getByTestId('drop-entry');
    await rows.first().waitFor();
    await expect(rows.count()).resolves.toBe(3);
    await expect(page.getByText('3 from this address').count()).resolves.toBe(3);
    await screenshot('drops-console-entries');

    await page.getByLabel('Reason for voiding').fill('Same device as two others');
    await rows.first().getByRole('button', { name: 'Void' }).click();
    await page.getByText('Entry voided; its turn goes to the next shopper.').waitFor();
    await page.getByText('Voided — Same device as two others').waitFor();
    await expect(page.getByRole('button', { name: 'Void' }).count()).resolves.toBe(2);
    expect(await c.api.db.prisma.dropEntry.count({ where: { dropId: drop.id, status: 'VOIDED', voidReason: 'Same device as two others' } })).toBe(1);
    await screenshot('drops-console-voided');
  });
});
