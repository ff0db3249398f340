import { createBrand, createMuseum, createUser } from '@vitrine/shared/testing';
import { signInFast } from './support/browser';
import { useConsole } from './support/console-fixture';

/** Issue 19: a brand's draft says what is missing at each field, not as a wall of lines. */
describe('console: a proposal draft’s missing fields', () => {
  const c = useConsole();

  it('names the missing fields in one line on the proposal and shows each message under its field in the form', async () => {
    const museum = await createMuseum(c.api.db.prisma, { nameEn: 'Orsay Museum' });
    const brand = await createBrand(c.api.db.prisma, { name: 'Maison Y' });
    const partner = await createUser(c.api.db.prisma, 'BRAND_PARTNER', { brandId: brand.id });
    const token = await c.api.login(partner.email, partner.password);
    const created = await c.api.gql(
      `mutation($i: CreateProposalInput!) { createProposal(input: $i) { id submissionProblems { path message } } }`,
      { i: { museumId: museum.id, content: { title: { fr: 'Foulard', en: 'Scarf', zhCN: '丝巾' } } } },
      token,
    );
    expect(created.errors).toBeUndefined();
    const { id, submissionProblems } = created.data.createProposal as { id: string; submissionProblems: { path: string; message: string }[] };
    expect(submissionProblems.length).toBeGreaterThan(5);
    const royalty = submissionProblems.find((p) => p.path.startsWith('royaltyRateBps'))!;
    expect(royalty).toBeDefined();

    const { page, screenshot } = await c.open();
    await signInFast(page, partner.email, partner.password);
    await page.goto(`/#/proposals/${id}/show`);
    const summary = page.getByTestId('submission-problems');
    await summary.getByText(/Royalty rate/).waitFor();
    // One line naming the fields, no list of messages.
    expect(await summary.locator('li').count()).toBe(0);
    expect(await summary.textContent()).not.toContain(royalty.message);
    await screenshot('proposal-problems-summary');

    await page.goto(`/#/proposals/${id}`);
    const atRoyalty = page.getByTestId('problem-royaltyRatePercent');
    await atRoyalty.waitFor();
    expect(await atRoyalty.textContent()).toContain(royalty.message);
    // Beneath the royalty input, not somewhere else on the page.
    const input = (await page.locator('[name="royaltyRatePercent"]').boundingBox())!;
    const note = (await atRoyalty.boundingBox())!;
    expect(note.y).toBeGreaterThan(input.y);
    expect(note.y - (input.y + input.height)).toBeLessThan(60);
    expect(Math.abs(note.x - input.x)).toBeLessThan(40);
    // The title was given: no problem under it.
    expect(await page.getByTestId('problem-title').count()).toBe(0);
    await screenshot('proposal-problems-at-fields');

    // The messages do not block saving a draft with fields still missing.
    await page.locator('[name="sellOffDays"]').fill('90');
    await page.getByRole('button', { name: /save/i }).first().click();
    const version = async () => (await c.api.db.prisma.licensingProposal.findUniqueOrThrow({ where: { id }, select: { currentVersion: true } })).currentVersion;
    for (let i = 0; i < 50 && (await version()) < 2; i++) await new Promise((r) => setTimeout(r, 200));
    expect(await version()).toBe(2);
  });
});
