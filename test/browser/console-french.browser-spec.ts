import { createMuseum, createUser } from '@vitrine/shared/testing';
import { signInFast } from './support/browser';
import { useConsole } from './support/console-fixture';

/** Issue 19: a French-speaking manager reads French, not react-admin's English fallbacks. */
describe('console in French: inbox filters, empty states, collection chips', () => {
  const c = useConsole();

  it('labels the licensing inbox filters, says the inbox is empty and names featured collections in French', async () => {
    const museum = await createMuseum(c.api.db.prisma, { nameEn: 'Musée Test' });
    const [renaissance, impressionism] = await Promise.all([
      c.api.db.prisma.collection.create({ data: { museumId: museum.id, slug: 'renaissance', nameFr: 'Chefs-d’œuvre de la Renaissance', nameEn: 'Renaissance masterpieces', nameZh: '文艺复兴杰作' } }),
      c.api.db.prisma.collection.create({ data: { museumId: museum.id, slug: 'impressionnisme', nameFr: 'Lumières impressionnistes', nameEn: 'Impressionist light', nameZh: '印象派之光' } }),
    ]);
    await c.api.db.prisma.storefront.update({ where: { museumId: museum.id }, data: { featuredCollectionIds: [renaissance.id, impressionism.id] } });
    const manager = await createUser(c.api.db.prisma, 'MUSEUM_MANAGER', { museumIds: [museum.id] });

    const { page, screenshot } = await c.open('fr-FR');
    await signInFast(page, manager.email, manager.password);

    await page.getByRole('menuitem', { name: 'Demandes de licence' }).click();
    await page.getByTestId('inbox-empty').waitFor();
    expect(await page.getByTestId('inbox-empty').textContent()).toBe('Aucune proposition n’attend votre décision.');
    await page.getByRole('combobox', { name: 'Statut' }).waitFor();
    await page.getByRole('combobox', { name: 'Étape' }).waitFor();
    const inbox = (await page.locator('main').textContent()) ?? '';
    for (const english of ['Status', 'Stage', 'No Licensing inbox found', 'No results']) expect(inbox).not.toContain(english);
    await screenshot('fr-licensing-inbox');

    await page.getByRole('menuitem', { name: 'Boutique' }).click();
    const chips = page.locator('.MuiAutocomplete-root .MuiChip-label');
    await chips.first().waitFor();
    expect((await chips.allTextContents()).sort()).toEqual(['Chefs-d’œuvre de la Renaissance', 'Lumières impressionnistes']);
    await screenshot('fr-storefront-collections');

    await page.getByRole('menuitem', { name: 'Produits' }).click();
    // An empty list says so in French.
    await page.getByText('Rien pour l’instant.').or(page.getByText('Rien ne correspond aux filtres actuels.')).first().waitFor();
    expect(await page.locator('main').textContent()).not.toContain('No Products found');
  });
});
