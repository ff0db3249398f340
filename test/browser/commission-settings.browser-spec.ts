import type { Page } from 'playwright-core';
import { createMuseum, createUser } from '@vitrine/shared/testing';
import { signIn } from './support/browser';
import { useConsole } from './support/console-fixture';

const input = (page: Page, name: string) => page.locator(`[data-testid="commission-settings"] [name="${name}"]`);

/**
 * The operator sets a storefront's commission from the storefront page: a rate over 100 % and
 * a category named twice are shown at their fields and nothing is written; good rates are saved
 * as basis points, in force from now on, and shown again after a reload. The museum's own
 * manager does not see the panel (the API refuses them too).
 */
describe('console: the operator’s commission on a storefront', () => {
  const c = useConsole();

  it('validates at the fields, saves basis points, and stays hidden from the manager', async () => {
    const prisma = c.api.db.prisma;
    const museum = await createMuseum(prisma, { nameEn: 'Musée Carnavalet' });
    const storefront = await prisma.storefront.findUniqueOrThrow({ where: { museumId: museum.id }, select: { id: true } });
    const operator = await createUser(prisma, 'PLATFORM_ADMIN');
    const manager = await createUser(prisma, 'MUSEUM_MANAGER', { museumIds: [museum.id] });
    const settings = () => prisma.commissionSetting.findMany({ where: { storefrontId: storefront.id }, orderBy: { effectiveFrom: 'asc' } });

    const { page, screenshot } = await c.open();
    await signIn(page, operator.email, operator.password);
    await page.goto(`/#/storefronts/${museum.id}`);
    await page.getByTestId('commission-settings').waitFor();
    await page.getByText('Never set: no commission is taken (0 %).').waitFor();
    // Opened by its link, the storefront's museum becomes the console's current one (its collections list).
    await page.waitForFunction((id) => sessionStorage.getItem('vitrine.museumId') === id, museum.id);
    expect(await page.getByText('Choose a museum in the top bar first.').count()).toBe(0);

    // Over 100 %, and one category twice: the messages at the fields, nothing written.
    await input(page, 'defaultPercent').fill('120');
    const add = page.getByTestId('commission-settings').getByRole('button', { name: /add/i });
    await add.click();
    await input(page, 'categoryRates.0.category').fill('scarves');
    await input(page, 'categoryRates.0.percent').fill('15');
    await add.click();
    await input(page, 'categoryRates.1.category').fill('scarves');
    await input(page, 'categoryRates.1.percent').fill('8,25');
    await page.getByRole('button', { name: 'Save the commission' }).click();
    await page.getByText('A percentage from 0 to 100 with at most two decimals, e.g. 12.5').first().waitFor();
    await page.getByText('Each category once').waitFor();
    await screenshot('commission-errors');
    expect(await settings()).toEqual([]);

    // Fixed: 12.5 % by default, scarves 15 %, posters 8.25 % (typed with a comma), Stripe's fees passed on.
    await input(page, 'defaultPercent').fill('12.5');
    await input(page, 'categoryRates.1.category').fill('posters');
    await page.getByTestId('commission-settings').getByText('Pass Stripe’s fees on to the sellers').click();
    await page.getByRole('button', { name: 'Save the commission' }).click();
    await page.getByText('Commission saved: it applies to orders placed from now on').waitFor();
    await page.getByText('In force for orders placed since').waitFor();
    await screenshot('commission-saved');
    const saved = await settings();
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({ defaultRateBps: 1250, categoryRates: { scarves: 1500, posters: 825 }, passStripeFees: true, createdBy: operator.id });

    // Reloaded: the form shows the rates in force, as percentages.
    await page.reload();
    await input(page, 'defaultPercent').waitFor();
    await page.waitForFunction(() => (document.querySelector('[data-testid="commission-settings"] [name="defaultPercent"]') as HTMLInputElement | null)?.value === '12.5');
    const categories = await page.locator('[data-testid="commission-settings"] [name$=".category"]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value).sort());
    expect(categories).toEqual(['posters', 'scarves']);
    expect(await input(page, 'categoryRates.0.percent').inputValue()).toMatch(/^(15|8\.25)$/);

    // A second change is a new setting; the first stays for the orders placed under it.
    await input(page, 'defaultPercent').fill('10');
    await page.getByRole('button', { name: 'Save the commission' }).click();
    // (The first save's notice may still be showing: wait for the row itself.)
    const deadline = Date.now() + 20_000;
    while ((await settings()).length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    expect((await settings()).map((s) => s.defaultRateBps)).toEqual([1250, 1000]);

    // The museum's manager: the storefront form, no commission panel.
    const other = await c.open();
    await signIn(other.page, manager.email, manager.password);
    await other.page.goto(`/#/storefronts/${museum.id}`);
    await other.page.locator('[name="customsCode"]').waitFor();
    expect(await other.page.getByTestId('commission-settings').count()).toBe(0);
    await other.screenshot('commission-hidden-from-manager');
  }, 240_000);
});
