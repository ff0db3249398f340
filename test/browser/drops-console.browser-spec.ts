import { createUser } from '@vitrine/shared/testing';
import { residentId, seedFx, seedShop, type Shop } from '../support/checkout-fixtures';
import { signInFast } from './support/browser';
import { useConsole } from './support/console-fixture';

const JOIN = `mutation($i: JoinDropInput!) { joinDrop(input: $i) { id status } }`;

/**
 * The console's Drops screens (issue 22): a museum manager configures a queue drop through the
 * form (variant, start, edition size, units per person, minutes to pay), lands on its page, sees
 * the entries shoppers made with their signals (all from one address here) and voids one with a
 * reason. Screenshots in test/artifacts/drops-console-*.png.
 */
describe('console: drops', () => {
  const c = useConsole();
  let shop: Shop;

  beforeAll(async () => {
    await seedFx(c.api.db.prisma, '7.8000');
    shop = await seedShop(c.api.db.prisma, { prices: [8_900], stock: 30 });
  });

  it('creates a queue drop, lists its entries with signals and voids one', async () => {
    const manager = await createUser(c.api.db.prisma, 'MUSEUM_MANAGER', { museumIds: [shop.museumId] });
    const { page, screenshot } = await c.open();
    await signInFast(page, manager.email, manager.password);
    await page.getByRole('menuitem', { name: 'Drops' }).click();
    await page.getByRole('link', { name: 'Create' }).click();
    await page.getByLabel('Variant (id)').fill(shop.variants[0]!.id);
    const start = new Date(Date.now() + 86_400_000);
    const local = new Date(start.getTime() - start.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
    await page.getByLabel('Starts').fill(local);
    await page.getByLabel('Edition size (units)').fill('30');
    await page.getByLabel('Units per person (resident ID)').fill('2');
    await page.getByLabel('Minutes to pay').fill('5');
    await screenshot('drops-console-form');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('30 units, at most 2 per person, 5 min to pay').waitFor();
    const drop = await c.api.db.prisma.drop.findFirstOrThrow({ where: { variantId: shop.variants[0]!.id } });
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
    await page.getByText('VOIDED — Same device as two others').waitFor();
    await expect(page.getByRole('button', { name: 'Void' }).count()).resolves.toBe(2);
    expect(await c.api.db.prisma.dropEntry.count({ where: { dropId: drop.id, status: 'VOIDED', voidReason: 'Same device as two others' } })).toBe(1);
    await screenshot('drops-console-voided');
  });
});
