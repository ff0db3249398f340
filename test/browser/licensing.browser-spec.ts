import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { allowHsCodes, createArtwork, createBrand, createMuseum, createUser } from '@vitrine/shared/testing';
import { insertSales } from '../../libs/licensing/src/testing/sales';
import { signInFast } from './support/browser';
import { useConsole } from './support/console-fixture';

const field = (page: Page, source: string) => page.locator(`[name="${source}"]`);
const iso = (d: Date) => d.toISOString().slice(0, 10);
const plusDays = (n: number) => iso(new Date(Date.now() + n * 86_400_000));

/** Brand licensing in the console: the brand proposes and revises, the museum reviews. */
describe('console: licensing proposals, reviews and royalty statements', () => {
  const c = useConsole();
  const who: Record<string, { id: string; email: string; password: string }> = {};
  let museumId = '';
  let works: string[] = [];

  beforeAll(async () => {
    const p = c.api.db.prisma;
    const museum = await createMuseum(p, { slug: 'orsay', nameEn: 'Orsay Museum' });
    museumId = museum.id;
    const brand = await createBrand(p, { slug: 'maison-x', name: 'Maison X' });
    works = [
      (await createArtwork(p, museum.id, { accessionNumber: 'RF 1', titleEn: 'Water Lilies', artist: 'Claude Monet' })).id,
      (await createArtwork(p, museum.id, { accessionNumber: 'RF 2', titleEn: 'Poppies', artist: 'Claude Monet' })).id,
    ];
    await allowHsCodes(p, ['6214']);
    who['partner'] = await createUser(p, 'BRAND_PARTNER', { brandId: brand.id });
    who['manager'] = await createUser(p, 'MUSEUM_MANAGER', { museumIds: [museum.id] });
    who['admin'] = await createUser(p, 'PLATFORM_ADMIN');
  });

  const proposalRow = (id: string) => c.api.db.prisma.licensingProposal.findUniqueOrThrow({ where: { id }, select: { status: true, stage: true, currentVersion: true, content: true } });

  it('lets a brand draft, submit and revise after the museum’s comments, and the museum compare revisions and approve', async () => {
    const brand = await c.open();
    await signInFast(brand.page, who['partner']!.email, who['partner']!.password);
    await brand.page.getByRole('menuitem', { name: 'Proposals' }).click();
    await brand.page.getByRole('link', { name: 'New proposal' }).click();
    await brand.page.getByRole('combobox', { name: 'Museum' }).click();
    await brand.page.getByRole('option', { name: 'Orsay Museum' }).click();
    await field(brand.page, 'title.fr').fill('Foulard Nymphéas');
    await field(brand.page, 'title.en').fill('Water Lilies scarf');
    await field(brand.page, 'title.zhCN').fill('睡莲丝巾');
    await brand.page.getByRole('button', { name: 'Save draft' }).click();

    // The draft is saved partial; the API lists what is missing before it can be submitted.
    await brand.page.getByTestId('submission-problems').getByText(/Royalty rate/).waitFor();
    await brand.screenshot('partner-proposal-draft');
    const created = await c.api.db.prisma.licensingProposal.findFirstOrThrow({ where: { museumId }, select: { id: true } });
    const id = created.id;
    expect(await proposalRow(id)).toMatchObject({ status: 'DRAFT', stage: 'CONCEPT', currentVersion: 1, content: { title: { fr: 'Foulard Nymphéas', en: 'Water Lilies scarf', zh: '睡莲丝巾' } } });

    await brand.page.getByRole('link', { name: 'Revise' }).click();
    await field(brand.page, 'concept.en').fill('A silk square after Monet’s water lilies');
    await field(brand.page, 'concept.zhCN').fill('以莫奈睡莲为灵感的真丝方巾');
    await brand.page.getByRole('combobox', { name: 'Works of the collection' }).click();
    await brand.page.getByRole('option', { name: /RF 1/ }).click();
    await brand.page.keyboard.press('Escape');
    await field(brand.page, 'imageUrlsText').fill('https://img.example.test/concept-1.jpg');
    await field(brand.page, 'category').fill('scarves');
    await brand.page.getByRole('combobox', { name: 'Cross-border category' }).click();
    await brand.page.getByRole('option', { name: 'Apparel' }).click();
    await field(brand.page, 'targetRetailPriceEur').fill('89');
    await field(brand.page, 'forecastUnits').fill('2000');
    await field(brand.page, 'specification.hsCode').fill('6214100000');
    await field(brand.page, 'specification.weightGrams').fill('120');
    await field(brand.page, 'specification.originCountry').fill('IT');
    await field(brand.page, 'territoryText').fill('CN, FR');
    await field(brand.page, 'termStart').fill(plusDays(-30));
    await field(brand.page, 'termEnd').fill(plusDays(365));
    await field(brand.page, 'sellOffDays').fill('90');
    await field(brand.page, 'royaltyRatePercent').fill('10');
    await field(brand.page, 'minimumGuarantee').fill('5000');
    await field(brand.page, 'advance').fill('1000');
    await field(brand.page, 'note').fill('Complete offer');
    await brand.page.getByRole('button', { name: 'Save revision' }).click();
    await brand.page.getByTestId('proposal-submit').click();
    await brand.page.getByTestId('proposal-status').getByText('Submitted').waitFor();
    await brand.page.getByTestId('review-due').waitFor();
    await brand.screenshot('partner-proposal-submitted');
    expect(await proposalRow(id)).toMatchObject({
      status: 'SUBMITTED',
      currentVersion: 2,
      content: { royaltyRateBps: 1000, artworkIds: [works[0]], territory: ['CN', 'FR'], minimumGuarantee: { amount: 500_000, currency: 'EUR' }, targetRetailPrice: { amount: 8_900, currency: 'EUR' } },
    });

    // The museum asks for changes; a refusal needs a comment.
    const museum = await c.open();
    await signInFast(museum.page, who['manager']!.email, who['manager']!.password);
    await museum.page.getByTestId('awaiting-review').getByRole('link', { name: 'Water Lilies scarf' }).waitFor();
    await museum.page.getByRole('menuitem', { name: 'Licensing inbox' }).click();
    // The inbox shows each proposal's picture, not a link to it: loaded, from the proposal's first image.
    const inboxThumb = museum.page.getByRole('row', { name: /Water Lilies scarf/ }).getByTestId('thumbnail');
    await expect(inboxThumb.getAttribute('src')).resolves.toBe('https://img.example.test/concept-1.jpg');
    await expect(inboxThumb.evaluate((img: HTMLImageElement) => img.decode().then(() => img.naturalWidth))).resolves.toBeGreaterThan(0);
    await museum.screenshot('manager-inbox-list');
    await museum.page.getByRole('cell', { name: 'Water Lilies scarf' }).click();
    await museum.page.getByTestId('review-panel').waitFor();
    await expect(museum.page.getByTestId('proposal-images').first().getByTestId('thumbnail').first().getAttribute('src')).resolves.toBe('https://img.example.test/concept-1.jpg');
    await museum.page.getByTestId('review-REQUEST_CHANGES').click();
    await museum.page.getByText('Say what to change, or why: the brand reads it.').waitFor();
    expect((await proposalRow(id)).status).toBe('SUBMITTED');
    await museum.page.getByTestId('review-comment').fill('Please raise the royalty to 12 %.');
    await museum.screenshot('manager-inbox-review');
    await museum.page.getByTestId('review-REQUEST_CHANGES').click();
    await museum.page.getByText('Changes requested: the brand has your comments.').waitFor();
    expect((await proposalRow(id)).status).toBe('CHANGES_REQUESTED');

    // The brand reads the comment, revises and submits again.
    await brand.page.reload();
    await brand.page.getByTestId('latest-decision').getByText('Please raise the royalty to 12 %.').waitFor();
    await brand.page.getByRole('link', { name: 'Revise' }).click();
    await field(brand.page, 'royaltyRatePercent').fill('12');
    await field(brand.page, 'note').fill('Royalty raised as asked');
    await brand.page.getByRole('button', { name: 'Save revision' }).click();
    await brand.page.getByTestId('proposal-submit').click();
    await brand.page.getByTestId('proposal-status').getByText('Submitted').waitFor();
    expect(await proposalRow(id)).toMatchObject({ status: 'SUBMITTED', currentVersion: 3, content: { royaltyRateBps: 1200 } });

    // The museum sees the revisions side by side with the API's diff, and approves.
    await museum.page.reload();
    const diff = museum.page.getByTestId('proposal-diff');
    await diff.getByRole('row', { name: /Royalty rate.*10 %.*12 %/ }).waitFor();
    await expect(diff.locator('tbody tr').count()).resolves.toBe(1);
    await museum.page.getByTestId('revision-right').locator('tr[data-changed="true"]').getByText('12 %').waitFor();
    await museum.screenshot('manager-inbox-compare');
    await museum.page.getByTestId('review-APPROVE').click();
    await museum.page.getByText('Approved: the brand can go on to the next stage.').waitFor();
    await museum.page.getByTestId('review-history').getByText('Approved').waitFor();
    await museum.screenshot('manager-inbox-approved');
    expect(await proposalRow(id)).toMatchObject({ status: 'DRAFT', stage: 'PRE_PRODUCTION_SAMPLE' });
    const reviews = await c.api.db.prisma.licensingReview.findMany({ where: { proposalId: id }, orderBy: { createdAt: 'asc' }, select: { decision: true, comment: true } });
    expect(reviews).toEqual([
      { decision: 'REQUEST_CHANGES', comment: 'Please raise the royalty to 12 %.' },
      { decision: 'APPROVE', comment: '' },
    ]);

    await brand.page.reload();
    await brand.page.getByTestId('stage-progress').waitFor();
    await brand.screenshot('partner-proposal-next-stage');
  });

  it('gives both parties the agreement, the co-branded product’s sales and the monthly statement to download', async () => {
    const tokens = { partner: await c.api.login(who['partner']!.email), manager: await c.api.login(who['manager']!.email), admin: await c.api.login(who['admin']!.email) };
    const content = {
      title: { fr: 'Carnet Coquelicots', en: 'Poppies notebook', zhCN: '虞美人笔记本' },
      concept: { fr: 'Un carnet', en: 'A notebook', zhCN: '笔记本' },
      imageUrls: ['https://img.example.test/poppies.jpg'],
      artworkIds: [works[1]],
      category: 'notebooks',
      crossBorderCategory: 'STATIONERY',
      targetRetailPrice: { amount: 2_500, currency: 'EUR' },
      forecastUnits: 500,
      territory: ['CN'],
      channels: ['VITRINE_MARKETPLACE'],
      termStart: plusDays(-200),
      termEnd: plusDays(365),
      sellOffDays: 30,
      royaltyRateBps: 1000,
      minimumGuarantee: { amount: 100_000, currency: 'EUR' },
      advance: { amount: 10_000, currency: 'EUR' },
      specification: { hsCode: '6214100000', weightGrams: 200, originCountry: 'FR' },
    };
    const created = await c.api.gql('mutation($i: CreateProposalInput!) { createProposal(input: $i) { id } }', { i: { museumId, content } }, tokens.partner);
    expect(created.errors).toBeUndefined();
    const id = created.data.createProposal.id as string;
    for (let stage = 0; stage < 3; stage++) {
      expect((await c.api.gql('mutation($id: ID!) { submitProposal(id: $id) { __typename } }', { id }, tokens.partner)).data.submitProposal.__typename).toBe('Proposal');
      expect((await c.api.gql('mutation($id: ID!) { reviewProposal(input: { id: $id, decision: APPROVE }) { __typename } }', { id }, tokens.manager)).data.reviewProposal.__typename).toBe('Proposal');
    }
    const agreement = await c.api.db.prisma.licenceAgreement.findFirstOrThrow({ where: { proposalId: id }, select: { id: true } });
    const product = await c.api.db.prisma.licensedProduct.findFirstOrThrow({ where: { agreementId: agreement.id }, select: { productId: true } });
    // Last month: 2 units for 1,562.46 CNY at 7.8123 = 200.00 EUR of net sales, 20.00 EUR royalty.
    const now = new Date();
    const period = iso(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)));
    await insertSales(c.api.db.prisma, [
      { museumId, paidAt: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 10)), lines: [{ productId: product.productId, quantity: 2, goodsMinor: 156_246, fxRate: '7.8123' }] },
    ]);
    const run = await c.api.gql('mutation($p: String!) { generateRoyaltyStatements(period: $p) { created } }', { p: period }, tokens.admin);
    expect(run.errors).toBeUndefined();

    const { page, screenshot } = await c.open();
    await signInFast(page, who['partner']!.email, who['partner']!.password);
    await page.getByRole('menuitem', { name: 'Agreements' }).click();
    // The parties by name (the API's agreement carries them).
    await page.getByRole('row', { name: /Poppies notebook/ }).getByRole('cell', { name: 'Orsay Museum', exact: true }).waitFor();
    await page.getByRole('row', { name: /Poppies notebook/ }).getByRole('cell', { name: 'Maison X', exact: true }).waitFor();
    await page.getByRole('cell', { name: /Poppies notebook/ }).click();
    await page.getByTestId('licensed-products').getByText(/Poppies notebook/).waitFor();
    await page.getByTestId('royalty-ledger').locator('tbody').getByText('Sale', { exact: true }).waitFor();
    await page.getByTestId('statements').getByText('€20.00').first().waitFor();
    await screenshot('partner-agreement');

    await page.getByRole('menuitem', { name: 'Royalty statements' }).click();
    const statement = await c.api.db.prisma.royaltyStatement.findFirstOrThrow({ where: { agreementId: agreement.id }, select: { id: true } });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`statement-csv-${statement.id}`).click()]);
    expect(download.suggestedFilename()).toMatch(/^royalty-statement-\d{4}-\d{2}-[0-9a-f]{8}\.csv$/);
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv).toContain('200.00,20.00');
    const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`statement-pdf-${statement.id}`).click()]);
    expect((await readFile((await pdf.path())!)).subarray(0, 5).toString()).toBe('%PDF-');
    await screenshot('partner-statements');

    // The museum's inbox filters by stage on the server: the approved item is at the final sample.
    const museum = await c.open();
    await signInFast(museum.page, who['manager']!.email, who['manager']!.password);
    const inbox = (stage: string) => `/#/inbox?${new URLSearchParams({ filter: JSON.stringify({ status: 'APPROVED', stage }) })}`;
    const stages: string[] = [];
    museum.page.on('request', (r) => {
      const body = r.postData();
      if (r.url().endsWith('/graphql') && body?.includes('proposalInbox(')) stages.push(JSON.parse(body).variables.stage);
    });
    await museum.page.goto(inbox('FINAL_SAMPLE'));
    await museum.page.getByRole('cell', { name: 'Poppies notebook' }).waitFor();
    await museum.page.getByText('1-1 of 1').waitFor();
    await museum.page.goto(inbox('CONCEPT'));
    await museum.page.getByText('No proposal is waiting for your decision.').waitFor();
    expect(stages).toEqual(['FINAL_SAMPLE', 'CONCEPT']);
  });
});
