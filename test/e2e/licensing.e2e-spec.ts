import { allowHsCodes, createArtwork, createBrand, createMuseum, createUser } from '@vitrine/shared/testing';
import { ReviewRemindersService } from '@vitrine/licensing';
import { insertSales } from '../../libs/licensing/src/testing/sales';
import { codeOf, startApi, type ApiHarness } from '../support/api-harness';

/**
 * Brand licensing over HTTP, as its users do it: a brand proposes a co-branded item, the
 * museum reviews it stage by stage, final approval creates the agreement and a draft
 * product, the museum lists it within the agreement, sales accrue royalty and monthly
 * statements come out as CSV and PDF. Every step also tries the other tenants.
 */

const PROPOSAL_FIELDS = `id status stage amendment currentVersion submittedVersion approvedVersion reviewDueAt allowedActions
  content { title { fr en zhCN } royaltyRateBps territory channels termStart termEnd imageUrls artworkIds minimumGuarantee { amount currency } }`;
const RESULT = `__typename ... on Proposal { ${PROPOSAL_FIELDS} } ... on IllegalTransitionError { errorCode message status stage action }
  ... on StaleRevisionError { errorCode latestVersion } ... on AgreementTermsLockedError { errorCode lockedFields }`;
const CREATE = `mutation($i: CreateProposalInput!) { createProposal(input: $i) { ${PROPOSAL_FIELDS} } }`;
const REVISE = `mutation($i: ReviseProposalInput!) { reviseProposal(input: $i) { ${RESULT} } }`;
const SUBMIT = `mutation($id: ID!, $v: Int) { submitProposal(id: $id, expectedVersion: $v) { ${RESULT} } }`;
const REVIEW = `mutation($i: ReviewProposalInput!) { reviewProposal(input: $i) { ${RESULT} } }`;
const PROPOSAL = `query($id: ID!) { proposal(id: $id) { ${PROPOSAL_FIELDS} brandName museum { slug }
  revisions { version stage note } reviewHistory { decision stage comment revisionVersion }
  history { event fromStatus toStatus fromStage toStage actorRole }
  artworks { id accessionNumber }
  agreement { id status royaltyRateBps currency territory channels termStart termEnd sellOffDays sellOffEnd minimumGuarantee { amount currency } advance { amount currency }
    products { productId status name { en zhCN } fulfilledByBrandId listingBlockers { code } } } } }`;
const PUBLISH = `mutation($p: ID!) { publishLicensedProduct(productId: $p) { __typename
  ... on LicensedProduct { productId status } ... on ListingNotAllowedError { errorCode reasons { code } } } }`;

const today = new Date();
const iso = (d: Date) => d.toISOString().slice(0, 10);
const plusDays = (n: number) => iso(new Date(Date.now() + n * 86_400_000));

function contentInput(artworkIds: string[], over: Record<string, unknown> = {}) {
  return {
    title: { fr: 'Foulard Nymphéas', en: 'Water Lilies scarf', zhCN: '睡莲丝巾' },
    concept: { fr: 'Un carré de soie', en: 'A silk square', zhCN: '真丝方巾' },
    imageUrls: ['https://img.example/concept-1.jpg'],
    artworkIds,
    category: 'scarves',
    crossBorderCategory: 'APPAREL',
    targetRetailPrice: { amount: 8900, currency: 'EUR' },
    forecastUnits: 2000,
    territory: ['CN', 'FR'],
    channels: ['VITRINE_MARKETPLACE', 'BRAND_ONLINE'],
    termStart: plusDays(-30),
    termEnd: plusDays(365),
    sellOffDays: 90,
    royaltyRateBps: 1000,
    minimumGuarantee: { amount: 500_000, currency: 'EUR' },
    advance: { amount: 100_000, currency: 'EUR' },
    specification: { hsCode: '6214100000', weightGrams: 120, originCountry: 'IT' },
    ...over,
  };
}

jest.setTimeout(120_000);

describe('brand licensing over HTTP', () => {
  let api: ApiHarness;
  let museumA: { id: string };
  let works: string[];
  let hidden: string;
  const t: Record<string, string> = {};
  const users: Record<string, { id: string }> = {};

  beforeAll(async () => {
    api = await startApi();
    const p = api.db.prisma;
    museumA = await createMuseum(p, { slug: 'orsay', nameEn: 'Orsay Museum' });
    const museumB = await createMuseum(p, { slug: 'other-museum' });
    await createMuseum(p, { slug: 'closed-museum', storefrontStatus: 'DRAFT' });
    const brandX = await createBrand(p, { slug: 'maison-x', name: 'Maison X' });
    const brandY = await createBrand(p, { slug: 'brand-y', name: 'Brand Y' });
    works = [(await createArtwork(p, museumA.id, { accessionNumber: 'RF 1', titleEn: 'Water Lilies', artist: 'Claude Monet' })).id, (await createArtwork(p, museumA.id, { accessionNumber: 'RF 2' })).id];
    hidden = (await createArtwork(p, museumA.id, { accessionNumber: 'RF 3', licensable: false })).id;
    await allowHsCodes(p, ['6214']);
    const accounts = {
      brandX: await createUser(p, 'BRAND_PARTNER', { brandId: brandX.id }),
      brandY: await createUser(p, 'BRAND_PARTNER', { brandId: brandY.id }),
      managerA: await createUser(p, 'MUSEUM_MANAGER', { museumIds: [museumA.id] }),
      managerB: await createUser(p, 'MUSEUM_MANAGER', { museumIds: [museumB.id] }),
      admin: await createUser(p, 'PLATFORM_ADMIN'),
      shopper: await createUser(p, 'SHOPPER'),
    };
    for (const [k, u] of Object.entries(accounts)) {
      users[k] = u;
      t[k] = await api.login(u.email);
    }
  });
  afterAll(() => api.close());

  async function snapshotProposal(id: string) {
    return api.db.prisma.licensingProposal.findUniqueOrThrow({ where: { id }, select: { status: true, stage: true, currentVersion: true, content: true, submissionNo: true, amendment: true } });
  }

  /** Drives a proposal from draft to final approval; returns its id and agreement. */
  async function approved(content: Record<string, unknown>) {
    const created = await api.gql(CREATE, { i: { museumId: museumA.id, content } }, t['brandX']);
    expect(created.errors).toBeUndefined();
    const id = created.data.createProposal.id as string;
    for (let stage = 0; stage < 3; stage++) {
      expect((await api.gql(SUBMIT, { id }, t['brandX'])).data.submitProposal.__typename).toBe('Proposal');
      const r = await api.gql(REVIEW, { i: { id, decision: 'APPROVE' } }, t['managerA']);
      expect(r.data.reviewProposal.__typename).toBe('Proposal');
    }
    const full = await api.gql(PROPOSAL, { id }, t['brandX']);
    return { id, agreement: full.data.proposal.agreement, proposal: full.data.proposal };
  }

  it('lets a brand browse the museums and the works they offer for licensing, nothing else', async () => {
    const museums = await api.gql('{ licensingMuseums(first: 10) { totalCount nodes { slug licensableWorkCount name { en } } } }', {}, t['brandX']);
    expect(museums.data.licensingMuseums.nodes).toEqual([{ slug: 'orsay', licensableWorkCount: 2, name: expect.objectContaining({ en: 'Orsay Museum' }) }]);
    const list = await api.gql('query($m: ID!) { licensableArtworks(museumId: $m, first: 10) { totalCount nodes { id accessionNumber title { en } } } }', { m: museumA.id }, t['brandX']);
    expect(list.data.licensableArtworks.nodes.map((a: { accessionNumber: string }) => a.accessionNumber)).toEqual(['RF 1', 'RF 2']);
    const closed = await api.db.prisma.museum.findUniqueOrThrow({ where: { slug: 'closed-museum' } });
    expect(codeOf(await api.gql('query($m: ID!) { licensableArtworks(museumId: $m) { totalCount } }', { m: closed.id }, t['brandX']))).toBe('NOT_FOUND');
    expect(codeOf(await api.gql('query($m: ID!) { licensableArtworks(museumId: $m) { totalCount } }', { m: museumA.id }, t['managerB']))).toBe('NOT_FOUND');
    expect(codeOf(await api.gql('{ licensingMuseums { totalCount } }', {}, t['shopper']))).toBe('FORBIDDEN');
  });

  it('takes a proposal through the three stages with revisions, diffs, history and tenancy checks', async () => {
    const created = await api.gql(CREATE, { i: { museumId: museumA.id, content: { title: { en: 'Scarf' }, artworkIds: [works[0]] } } }, t['brandX']);
    expect(created.errors).toBeUndefined();
    const id = created.data.createProposal.id as string;
    expect(created.data.createProposal).toMatchObject({ status: 'DRAFT', stage: 'CONCEPT', currentVersion: 1, allowedActions: ['REVISE', 'SUBMIT', 'WITHDRAW'] });

    // A non-licensable work, another museum's work or a malformed field writes nothing.
    const bad = await api.gql(REVISE, { i: { id, content: { artworkIds: [hidden], royaltyRateBps: 20_000 } } }, t['brandX']);
    expect(codeOf(bad)).toBe('VALIDATION_FAILED');
    expect(bad.errors![0].extensions!['fields'].map((f: { path: string }) => f.path)).toEqual(['input.content.royaltyRateBps']);
    expect(codeOf(await api.gql(REVISE, { i: { id, content: { artworkIds: [hidden] } } }, t['brandX']))).toBe('VALIDATION_FAILED');
    // Drafts are the brand's own: the museum does not see them yet.
    expect(codeOf(await api.gql(PROPOSAL, { id }, t['managerA']))).toBe('NOT_FOUND');

    // Submitting an incomplete draft lists every missing field and changes nothing.
    const before = await snapshotProposal(id);
    const incomplete = await api.gql(SUBMIT, { id }, t['brandX']);
    expect(codeOf(incomplete)).toBe('VALIDATION_FAILED');
    expect(incomplete.errors![0].extensions!['fields'].map((f: { path: string }) => f.path)).toEqual(expect.arrayContaining(['content.royaltyRateBps', 'content.territory', 'content.termEnd']));
    expect(await snapshotProposal(id)).toEqual(before);

    const v2 = await api.gql(REVISE, { i: { id, expectedVersion: 1, note: 'complete offer', content: contentInput([works[0]!]) } }, t['brandX']);
    expect(v2.data.reviseProposal).toMatchObject({ __typename: 'Proposal', currentVersion: 2 });
    const stale = await api.gql(REVISE, { i: { id, expectedVersion: 1, content: { forecastUnits: 5 } } }, t['brandX']);
    expect(stale.data.reviseProposal).toEqual({ __typename: 'StaleRevisionError', errorCode: 'STALE_REVISION', latestVersion: 2 });

    const submitted = await api.gql(SUBMIT, { id, v: 2 }, t['brandX']);
    expect(submitted.data.submitProposal).toMatchObject({ status: 'SUBMITTED', stage: 'CONCEPT', submittedVersion: 2 });
    const due = Date.parse(submitted.data.submitProposal.reviewDueAt) - Date.now();
    expect(due).toBeGreaterThan(9.9 * 86_400_000);
    expect(due).toBeLessThan(10.1 * 86_400_000);
    // Its reminder went to the outbox in the same transaction, with a deterministic id.
    const reminder = await api.db.prisma.outboxMessage.findMany({ where: { queue: 'licensing', name: 'review-reminder' }, select: { jobId: true, runAt: true } });
    expect(reminder).toEqual([{ jobId: `licensing.review-reminder.${id}.1`, runAt: expect.any(Date) }]);

    // The worker's reminder job (run here in-process) leaves a notice only the museum sees.
    expect(await api.app.get(ReviewRemindersService).remindSubmission(id, 1)).toBe(true);
    const NOTICES = '{ licensingNotifications(unreadOnly: true) { totalCount nodes { id kind proposalId readAt } } }';
    const notices = await api.gql(NOTICES, {}, t['managerA']);
    expect(notices.data.licensingNotifications.nodes).toEqual([{ id: expect.any(String), kind: 'REVIEW_DUE_SOON', proposalId: id, readAt: null }]);
    for (const who of ['managerB', 'brandY']) expect((await api.gql(NOTICES, {}, t[who])).data.licensingNotifications.totalCount).toBe(0);
    const READ = 'mutation($id: ID!) { markLicensingNotificationRead(id: $id) { readAt } }';
    const noticeId = notices.data.licensingNotifications.nodes[0].id;
    expect(codeOf(await api.gql(READ, { id: noticeId }, t['managerB']))).toBe('NOT_FOUND');
    expect((await api.gql(READ, { id: noticeId }, t['managerA'])).data.markLicensingNotificationRead.readAt).toEqual(expect.any(String));

    // The museum's inbox has it; the other museum and the other brand do not see it.
    const inbox = await api.gql('query($m: ID!) { proposalInbox(museumId: $m) { totalCount nodes { id brandName reviewDueAt } } }', { m: museumA.id }, t['managerA']);
    expect(inbox.data.proposalInbox.nodes).toEqual([{ id, brandName: 'Maison X', reviewDueAt: expect.any(String) }]);
    expect(codeOf(await api.gql('query($m: ID!) { proposalInbox(museumId: $m) { totalCount } }', { m: museumA.id }, t['managerB']))).toBe('NOT_FOUND');
    // By stage: it is at the concept stage, so a final-sample inbox is empty.
    const STAGED = 'query($m: ID!, $s: ProposalStage) { proposalInbox(museumId: $m, stage: $s) { totalCount nodes { id stage } } }';
    expect((await api.gql(STAGED, { m: museumA.id, s: 'CONCEPT' }, t['managerA'])).data.proposalInbox).toEqual({ totalCount: 1, nodes: [{ id, stage: 'CONCEPT' }] });
    expect((await api.gql(STAGED, { m: museumA.id, s: 'FINAL_SAMPLE' }, t['managerA'])).data.proposalInbox).toEqual({ totalCount: 0, nodes: [] });
    for (const who of ['managerB', 'brandY', 'shopper']) {
      expect(codeOf(await api.gql(PROPOSAL, { id }, t[who]))).toBe(who === 'shopper' ? 'FORBIDDEN' : 'NOT_FOUND');
    }
    expect((await api.gql('{ proposals { totalCount } }', {}, t['brandY'])).data.proposals.totalCount).toBe(0);
    expect((await api.gql('{ proposals { totalCount } }', {}, t['managerB'])).data.proposals.totalCount).toBe(0);

    // Each side may only make its own moves, and crossings change nothing.
    const snap = await snapshotProposal(id);
    expect(codeOf(await api.gql(REVIEW, { i: { id, decision: 'APPROVE' } }, t['brandX']))).toBe('FORBIDDEN');
    expect(codeOf(await api.gql(REVISE, { i: { id, content: { royaltyRateBps: 5000 } } }, t['managerA']))).toBe('FORBIDDEN');
    expect(codeOf(await api.gql(REVIEW, { i: { id, decision: 'APPROVE' } }, t['managerB']))).toBe('NOT_FOUND');
    expect(codeOf(await api.gql(REVIEW, { i: { id, decision: 'REJECT', comment: 'no' } }, t['brandY']))).toBe('NOT_FOUND');
    expect(codeOf(await api.gql(REVIEW, { i: { id, decision: 'REQUEST_CHANGES' } }, t['managerA']))).toBe('VALIDATION_FAILED');
    expect(await snapshotProposal(id)).toEqual(snap);

    const changes = await api.gql(REVIEW, { i: { id, decision: 'REQUEST_CHANGES', comment: 'Raise the rate', expectedVersion: 2 } }, t['managerA']);
    expect(changes.data.reviewProposal).toMatchObject({ status: 'CHANGES_REQUESTED', stage: 'CONCEPT', allowedActions: [] });
    const illegal = await api.gql(REVIEW, { i: { id, decision: 'APPROVE' } }, t['managerA']);
    expect(illegal.data.reviewProposal).toMatchObject({ __typename: 'IllegalTransitionError', errorCode: 'ILLEGAL_TRANSITION', status: 'CHANGES_REQUESTED', action: 'APPROVE' });

    await api.gql(REVISE, { i: { id, content: { royaltyRateBps: 1200, title: { en: 'Water Lilies scarf', fr: 'Foulard', zhCN: '睡莲丝巾' } } } }, t['brandX']);
    const diff = await api.gql('query($id: ID!) { proposalDiff(id: $id, fromVersion: 2, toVersion: 3) { path kind before after } }', { id }, t['managerA']);
    expect(codeOf(diff)).toBeUndefined();
    expect(diff.data.proposalDiff).toEqual([
      { path: 'royaltyRateBps', kind: 'CHANGED', before: 1000, after: 1200 },
      { path: 'title.fr', kind: 'CHANGED', before: 'Foulard Nymphéas', after: 'Foulard' },
    ]);

    for (const stage of ['CONCEPT', 'PRE_PRODUCTION_SAMPLE', 'FINAL_SAMPLE']) {
      expect((await api.gql(SUBMIT, { id }, t['brandX'])).data.submitProposal).toMatchObject({ status: 'SUBMITTED', stage });
      const r = await api.gql(REVIEW, { i: { id, decision: 'APPROVE', comment: `${stage} ok` } }, t['managerA']);
      expect(r.data.reviewProposal.__typename).toBe('Proposal');
      if (stage === 'PRE_PRODUCTION_SAMPLE') expect(r.data.reviewProposal).toMatchObject({ status: 'DRAFT', stage: 'FINAL_SAMPLE' });
    }

    const full = (await api.gql(PROPOSAL, { id }, t['managerA'])).data.proposal;
    expect(full).toMatchObject({ status: 'APPROVED', stage: 'FINAL_SAMPLE', approvedVersion: 3, brandName: 'Maison X', museum: { slug: 'orsay' } });
    expect(full.revisions.map((r: { version: number }) => r.version)).toEqual([1, 2, 3]);
    expect(full.reviewHistory.map((r: { decision: string }) => r.decision)).toEqual(['REQUEST_CHANGES', 'APPROVE', 'APPROVE', 'APPROVE']);
    expect(full.history.map((h: { event: string }) => h.event)).toEqual(['CREATE', 'REVISE', 'SUBMIT', 'REQUEST_CHANGES', 'REVISE', 'SUBMIT', 'APPROVE', 'SUBMIT', 'APPROVE', 'SUBMIT', 'APPROVE']);
    expect(full.artworks).toEqual([{ id: works[0], accessionNumber: 'RF 1' }]);

    // Final approval: the agreement on the approved terms and a DRAFT co-branded product.
    expect(full.agreement).toMatchObject({
      status: 'ACTIVE',
      royaltyRateBps: 1200,
      currency: 'EUR',
      territory: ['CN', 'FR'],
      channels: ['VITRINE_MARKETPLACE', 'BRAND_ONLINE'],
      sellOffDays: 90,
      minimumGuarantee: { amount: 500_000, currency: 'EUR' },
      advance: { amount: 100_000, currency: 'EUR' },
    });
    // Both parties see the agreement with the names of the museum and the brand.
    const AGREEMENTS = '{ licenceAgreements { nodes { id brandName museum { slug name { en } } } } }';
    for (const who of ['managerA', 'brandX']) {
      const nodes = (await api.gql(AGREEMENTS, {}, t[who])).data.licenceAgreements.nodes;
      expect(nodes.find((a: { id: string }) => a.id === full.agreement.id)).toEqual({ id: full.agreement.id, brandName: 'Maison X', museum: { slug: 'orsay', name: { en: 'Orsay Museum' } } });
    }
    const [product] = full.agreement.products;
    expect(product).toMatchObject({ status: 'DRAFT', fulfilledByBrandId: expect.any(String), listingBlockers: [] });
    expect(product.name.en).toBe('Orsay Museum × Maison X — Water Lilies scarf');
    const row = await api.db.prisma.product.findUniqueOrThrow({ where: { id: product.productId }, select: { museumId: true, status: true, artworks: { select: { artworkId: true } }, variants: { select: { priceMinor: true, hsCode: true } } } });
    expect(row).toEqual({ museumId: museumA.id, status: 'DRAFT', artworks: [{ artworkId: works[0] }], variants: [{ priceMinor: 8900, hsCode: '6214100000' }] });
    const expiry = await api.db.prisma.outboxMessage.findMany({ where: { name: 'agreement-expiry' }, select: { jobId: true } });
    expect(expiry).toEqual([{ jobId: `licensing.agreement-expiry.${full.agreement.id}` }]);
  });

  it('lists the product only within the agreement, and sends an edited approved item back for approval', async () => {
    const { id, agreement } = await approved(contentInput([works[1]!]));
    const productId = agreement.products[0].productId as string;

    expect(codeOf(await api.gql(PUBLISH, { p: productId }, t['brandX']))).toBe('FORBIDDEN');
    expect(codeOf(await api.gql(PUBLISH, { p: productId }, t['managerB']))).toBe('NOT_FOUND');
    expect((await api.gql(PUBLISH, { p: productId }, t['managerA'])).data.publishLicensedProduct).toEqual({ __typename: 'LicensedProduct', productId, status: 'PUBLISHED' });

    // After approval the agreement's terms are locked; only text and images may change.
    const locked = await api.gql(REVISE, { i: { id, content: { royaltyRateBps: 1, imageUrls: ['https://img.example/new.jpg'] } } }, t['brandX']);
    expect(locked.data.reviseProposal).toEqual({ __typename: 'AgreementTermsLockedError', errorCode: 'AGREEMENT_TERMS_LOCKED', lockedFields: ['royaltyRateBps'] });
    expect((await snapshotProposal(id)).status).toBe('APPROVED');

    const amended = await api.gql(REVISE, { i: { id, content: { imageUrls: ['https://img.example/final.jpg'], title: { en: 'Lilies scarf', zhCN: '睡莲' } } } }, t['brandX']);
    expect(amended.data.reviseProposal).toMatchObject({ status: 'SUBMITTED', stage: 'FINAL_SAMPLE', amendment: true });
    expect((await api.db.prisma.product.findUniqueOrThrow({ where: { id: productId } })).status).toBe('DRAFT');
    const refused = await api.gql(PUBLISH, { p: productId }, t['managerA']);
    expect(refused.data.publishLicensedProduct).toEqual({ __typename: 'ListingNotAllowedError', errorCode: 'LISTING_NOT_ALLOWED', reasons: [{ code: 'AWAITING_APPROVAL' }] });

    await api.gql(REVIEW, { i: { id, decision: 'APPROVE' } }, t['managerA']);
    const p = await api.db.prisma.product.findUniqueOrThrow({ where: { id: productId }, select: { nameEn: true, media: { select: { url: true } } } });
    expect(p).toEqual({ nameEn: 'Orsay Museum × Maison X — Lilies scarf', media: [{ url: 'https://img.example/final.jpg' }] });
    expect((await api.gql(PUBLISH, { p: productId }, t['managerA'])).data.publishLicensedProduct.status).toBe('PUBLISHED');
  });

  it('decides a submission once when reviewers race, and creates one agreement', async () => {
    const created = await api.gql(CREATE, { i: { museumId: museumA.id, content: contentInput([works[0]!]) } }, t['brandX']);
    const id = created.data.createProposal.id as string;
    for (let stage = 0; stage < 3; stage++) {
      const submits = await Promise.all([api.gql(SUBMIT, { id }, t['brandX']), api.gql(SUBMIT, { id }, t['brandX'])]);
      expect(submits.map((r) => r.data.submitProposal.__typename).sort()).toEqual(['IllegalTransitionError', 'Proposal']);
      const decisions = await Promise.all([
        api.gql(REVIEW, { i: { id, decision: 'APPROVE' } }, t['managerA']),
        api.gql(REVIEW, { i: { id, decision: 'APPROVE' } }, t['admin']),
        api.gql(REVIEW, { i: { id, decision: 'REJECT', comment: 'no' } }, t['managerA']),
      ]);
      expect(decisions.filter((r) => r.data.reviewProposal.__typename === 'Proposal')).toHaveLength(1);
      expect(decisions.every((r) => !r.errors)).toBe(true);
      if ((await snapshotProposal(id)).status === 'REJECTED') {
        // The REJECT won this round: the proposal ends, with no agreement.
        expect(await api.db.prisma.licenceAgreement.count({ where: { proposalId: id } })).toBe(0);
        return;
      }
    }
    expect(await api.db.prisma.licenceAgreement.count({ where: { proposalId: id } })).toBe(1);
    expect(await api.db.prisma.licensingReview.count({ where: { proposalId: id } })).toBe(3);
    const agreement = await api.db.prisma.licenceAgreement.findUniqueOrThrow({ where: { proposalId: id }, select: { id: true } });
    expect(await api.db.prisma.licensedProduct.count({ where: { agreementId: agreement.id } })).toBe(1);
  });

  it('refuses to list outside the territory, the channel or the term with a stable code', async () => {
    const { agreement } = await approved(contentInput([works[0]!], { territory: ['FR'], channels: ['BRAND_RETAIL'], termStart: plusDays(30), termEnd: plusDays(400) }));
    const productId = agreement.products[0].productId;
    const r = await api.gql(PUBLISH, { p: productId }, t['managerA']);
    expect(r.data.publishLicensedProduct.errorCode).toBe('LISTING_NOT_ALLOWED');
    expect(r.data.publishLicensedProduct.reasons.map((x: { code: string }) => x.code).sort()).toEqual(['BEFORE_TERM', 'CHANNEL_NOT_GRANTED', 'TERRITORY_EXCLUDES_CN']);
    // The catalogue's own publishing (single and bulk) keeps to the agreement too.
    const viaCatalogue = await api.gql('mutation($id: ID!) { publishProduct(id: $id) { id status } }', { id: productId }, t['managerA']);
    expect(codeOf(viaCatalogue)).toBe('LISTING_NOT_ALLOWED');
    expect(viaCatalogue.errors![0].extensions!['reasons'].map((x: { code: string }) => x.code)).toContain('TERRITORY_EXCLUDES_CN');
    const bulk = await api.gql('mutation($ids: [ID!]!) { bulkSetProductStatus(ids: $ids, status: PUBLISHED) { updated failed { id code } } }', { ids: [productId] }, t['managerA']);
    expect(bulk.data.bulkSetProductStatus).toEqual({ updated: [], failed: [{ id: productId, code: 'LISTING_NOT_ALLOWED' }] });
    expect((await api.db.prisma.product.findUniqueOrThrow({ where: { id: productId } })).status).toBe('DRAFT');
  });

  it('accrues royalty from paid order lines, reverses refunds, and serves monthly statements to both parties only', async () => {
    const { agreement } = await approved(contentInput([works[0]!], { royaltyRateBps: 1000, termStart: plusDays(-200) }));
    const productId = agreement.products[0].productId as string;
    const lastMonth = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 1, 10));
    const period = iso(new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 1, 1)));
    // 2 × 781.23 CNY at 7.8123 = 200.00 EUR → 20.00 EUR royalty; a refunded 390.62 CNY line nets to 0.
    await insertSales(api.db.prisma, [
      { museumId: museumA.id, paidAt: lastMonth, lines: [{ productId, quantity: 2, goodsMinor: 156_246, fxRate: '7.8123' }] },
      { museumId: museumA.id, paidAt: lastMonth, refundedAt: new Date(lastMonth.getTime() + 86_400_000), lines: [{ productId, quantity: 1, goodsMinor: 39_062, fxRate: '7.8123' }] },
      { museumId: museumA.id, paidAt: null, lines: [{ productId, quantity: 5, goodsMinor: 999_999, fxRate: '7.8123' }] },
    ]);

    expect(codeOf(await api.gql('mutation($p: String!) { generateRoyaltyStatements(period: $p) { created } }', { p: period }, t['managerA']))).toBe('FORBIDDEN');
    const run = await api.gql('mutation($p: String!) { generateRoyaltyStatements(period: $p) { period accrued reversed created } }', { p: period }, t['admin']);
    expect(run.data.generateRoyaltyStatements).toMatchObject({ period, accrued: 2, reversed: 1 });
    const again = await api.gql('mutation($p: String!) { generateRoyaltyStatements(period: $p) { accrued reversed created } }', { p: period }, t['admin']);
    expect(again.data.generateRoyaltyStatements).toEqual({ accrued: 0, reversed: 0, created: 0 });

    const LIST = `query($a: ID) { royaltyStatements(agreementId: $a) { totalCount nodes { id periodStart units entryCount netSales { amount currency } royalty { amount }
      advanceRecouped { amount } advanceRemaining { amount } amountPayable { amount } csvUrl pdfUrl } } }`;
    const mine = await api.gql(LIST, { a: agreement.id }, t['brandX']);
    const [statement] = mine.data.royaltyStatements.nodes;
    expect(statement).toMatchObject({ periodStart: period, units: 2, entryCount: 3, netSales: { amount: 20_000, currency: 'EUR' }, royalty: { amount: 2_000 }, advanceRecouped: { amount: 2_000 }, advanceRemaining: { amount: 98_000 }, amountPayable: { amount: 0 } });
    expect((await api.gql(LIST, { a: agreement.id }, t['managerA'])).data.royaltyStatements.totalCount).toBe(1);
    expect((await api.gql(LIST, { a: agreement.id }, t['brandY'])).data.royaltyStatements.totalCount).toBe(0);
    expect((await api.gql(LIST, { a: agreement.id }, t['managerB'])).data.royaltyStatements.totalCount).toBe(0);
    expect(codeOf(await api.gql('query($id: ID!) { royaltyStatement(id: $id) { id } }', { id: statement.id }, t['brandY']))).toBe('NOT_FOUND');
    const ledger = await api.gql('query($a: ID!) { royaltyLedger(agreementId: $a) { totalCount nodes { kind units royalty { amount } } } }', { a: agreement.id }, t['brandX']);
    expect(ledger.data.royaltyLedger.totalCount).toBe(3);
    expect(codeOf(await api.gql('query($a: ID!) { royaltyLedger(agreementId: $a) { totalCount } }', { a: agreement.id }, t['brandY']))).toBe('NOT_FOUND');
    expect(codeOf(await api.gql('query($id: ID!) { licenceAgreement(id: $id) { id } }', { id: agreement.id }, t['managerB']))).toBe('NOT_FOUND');

    const get = (path: string, token?: string) => fetch(`${api.baseUrl}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    const csv = await get(statement.csvUrl, t['brandX']);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const body = await csv.text();
    expect(body.split('\r\n')[1]).toContain(`${period},`);
    expect(body).toContain('200.00,20.00');
    expect(body.split('\r\n').filter((l) => /^\d+,(ACCRUAL|REVERSAL),/.test(l))).toHaveLength(3);
    const pdf = await get(statement.pdfUrl, t['managerA']);
    expect(pdf.status).toBe(200);
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    expect((await get(statement.csvUrl, t['brandY'])).status).toBe(404);
    expect((await get(statement.pdfUrl, t['managerB'])).status).toBe(404);
    expect((await get(statement.csvUrl)).status).toBe(401);
    expect((await get(statement.csvUrl, t['shopper'])).status).toBe(403);
  });
});
