import type { Page } from 'playwright-core';
import { createMuseum, createUser } from '@vitrine/shared/testing';
import { signIn } from './support/browser';
import { useConsole } from './support/console-fixture';

const field = (page: Page, source: string) => page.locator(`[name="${source}"]`);

/**
 * A museum manager keeps the museum's China customs registration from the storefront form:
 * a malformed code and a code without its registered name are shown at their fields and
 * nothing is saved; a good pair (typed in lower case, with spaces) is saved upper-cased.
 */
describe('console: the storefront’s customs registration', () => {
  const c = useConsole();

  it('shows the errors at the fields, then saves code and name', async () => {
    const museum = await createMuseum(c.api.db.prisma, { nameEn: 'Cognacq-Jay Museum', customsCode: null });
    const manager = await createUser(c.api.db.prisma, 'MUSEUM_MANAGER', { museumIds: [museum.id] });
    const stored = () => c.api.db.prisma.storefront.findUniqueOrThrow({ where: { museumId: museum.id }, select: { customsCode: true, customsName: true, updatedAt: true } });
    const before = await stored();
    expect(before).toMatchObject({ customsCode: null, customsName: null });

    const { page, screenshot } = await c.open();
    await signIn(page, manager.email, manager.password);
    await page.goto(`/#/storefronts/${museum.id}`);
    await field(page, 'customsCode').waitFor();

    // Too short: the message under the code field.
    await field(page, 'customsCode').fill('31abc');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('10 digits or capital letters, e.g. 3120260001').waitFor();
    // A good code without the registered name: the message under the name field.
    await field(page, 'customsCode').fill(' 31202600aa ');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('The customs code and registered name go together').waitFor();
    await screenshot('storefront-customs-errors');
    expect(await stored()).toEqual(before);

    await field(page, 'customsName').fill('Musée Cognacq-Jay Cross-border Trading');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText(/Element updated|Storefront updated|updated/i).first().waitFor();
    await screenshot('storefront-customs-saved');
    expect(await stored()).toMatchObject({ customsCode: '31202600AA', customsName: 'Musée Cognacq-Jay Cross-border Trading' });
    // Reloaded, the form shows what was saved.
    await page.reload();
    await field(page, 'customsCode').waitFor();
    await page.waitForFunction(() => (document.querySelector('[name="customsCode"]') as HTMLInputElement | null)?.value === '31202600AA');
    expect(await field(page, 'customsName').inputValue()).toBe('Musée Cognacq-Jay Cross-border Trading');
  }, 240_000);
});
