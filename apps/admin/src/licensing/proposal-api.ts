import { ApiError } from '../api/errors';
import { gql } from '../api/graphql';
import { listQuery, pager, type FetchPage } from '../data/cursor-pager';
import { graphql } from '../generated';
import type {
  LicenceChannel,
  LicensableArtworksQuery,
  LicensingMuseumsQuery,
  NoticesQuery,
  ProposalAction,
  ProposalContentFieldsFragment,
  ProposalDetailFieldsFragment,
  ProposalDiffQuery,
  ProposalHeadFieldsFragment,
  ProposalResultFieldsFragment,
  ProposalStage,
  ProposalStatus,
  ReviewDecision,
} from '../generated/graphql';

// Brand licensing proposals over GraphQL, shared by the brand's "proposals" resource and
// the museum's "inbox". The API is libs/licensing (proposals.resolver.ts).

export const PROPOSAL_STATUSES = ['DRAFT', 'SUBMITTED', 'CHANGES_REQUESTED', 'APPROVED', 'REJECTED', 'WITHDRAWN'] as const satisfies readonly ProposalStatus[];
export const PROPOSAL_STAGES = ['CONCEPT', 'PRE_PRODUCTION_SAMPLE', 'FINAL_SAMPLE'] as const satisfies readonly ProposalStage[];
export const CHANNELS = ['VITRINE_MARKETPLACE', 'BRAND_ONLINE', 'BRAND_RETAIL', 'MUSEUM_SHOP', 'WHOLESALE'] as const satisfies readonly LicenceChannel[];
export type { ProposalAction, ProposalStage, ProposalStatus, ReviewDecision };

// The records are the generated types of the documents below (apps/api/schema.graphql).
export type ProposalContent = ProposalContentFieldsFragment;
export type MoneyValue = NonNullable<ProposalContent['targetRetailPrice']>;
type ProposalDetail = ProposalDetailFieldsFragment;
export type ProposalRevision = ProposalDetail['revisions'][number];
export type ProposalReview = ProposalDetail['reviewHistory'][number];
export type ProposalHistoryEntry = ProposalDetail['history'][number];
export type FieldChange = ProposalDiffQuery['proposalDiff'][number];
/** A proposal's head and content; the detail's revisions, reviews, history, artworks and agreement when read one by one. */
export type ProposalRecord = ProposalHeadFieldsFragment & { content: ProposalContent } & Partial<Pick<ProposalDetail, 'submissionProblems' | 'revisions' | 'reviewHistory' | 'history' | 'artworks' | 'agreement'>>;

graphql(`
  fragment ProposalContentFields on ProposalContent {
    title { fr en zhCN }
    concept { fr en zhCN }
    imageUrls
    artworkIds
    category
    crossBorderCategory
    targetRetailPrice { amount currency }
    forecastUnits
    territory
    channels
    termStart
    termEnd
    sellOffDays
    royaltyRateBps
    minimumGuarantee { amount currency }
    advance { amount currency }
    specification { hsCode weightGrams originCountry }
  }
`);
graphql(`
  fragment ProposalHeadFields on Proposal {
    id
    museumId
    brandId
    brandName
    museum { id slug name { fr en zhCN } }
    status
    stage
    amendment
    currentVersion
    submittedVersion
    approvedVersion
    reviewDueAt
    submittedAt
    createdAt
    updatedAt
    allowedActions
  }
`);
graphql(`
  fragment ProposalDetailFields on Proposal {
    ...ProposalHeadFields
    content { ...ProposalContentFields }
    submissionProblems { path message }
    revisions { version stage note createdAt content { ...ProposalContentFields } }
    reviewHistory { id decision stage revisionVersion comment createdAt }
    history { event actorRole comment createdAt fromStage toStage fromStatus toStatus revisionVersion }
    artworks { id accessionNumber artist title { fr en zhCN } }
    agreement { id status }
  }
`);
graphql(`
  fragment ProposalResultFields on ProposalResult {
    __typename
    ... on Proposal { ...ProposalDetailFields }
    ... on IllegalTransitionError { errorCode message }
    ... on StaleRevisionError { errorCode message latestVersion }
    ... on AgreementTermsLockedError { errorCode message lockedFields }
  }
`);
// List rows carry the content's title and pictures only.
const PROPOSALS = graphql(`
  query Proposals($filter: ProposalFilter, $first: Int, $after: String, $full: Boolean!) {
    proposals(filter: $filter, first: $first, after: $after) {
      nodes { id ...ProposalHeadFields @include(if: $full) content @include(if: $full) { title { fr en zhCN } imageUrls } }
      pageInfo { endCursor hasNextPage }
      totalCount
    }
  }
`);
const PROPOSAL_INBOX = graphql(`
  query ProposalInbox($museumId: ID!, $statuses: [ProposalStatus!], $stage: ProposalStage, $first: Int, $after: String, $full: Boolean!) {
    proposalInbox(museumId: $museumId, statuses: $statuses, stage: $stage, first: $first, after: $after) {
      nodes { id ...ProposalHeadFields @include(if: $full) content @include(if: $full) { title { fr en zhCN } imageUrls } }
      pageInfo { endCursor hasNextPage }
      totalCount
    }
  }
`);
const PROPOSAL = graphql(`
  query Proposal($id: ID!) { proposal(id: $id) { ...ProposalDetailFields } }
`);
const PROPOSAL_DIFF = graphql(`
  query ProposalDiff($id: ID!, $from: Int!, $to: Int!) { proposalDiff(id: $id, fromVersion: $from, toVersion: $to) { path kind before after } }
`);
const CREATE_PROPOSAL = graphql(`
  mutation CreateProposal($input: CreateProposalInput!) { createProposal(input: $input) { ...ProposalDetailFields } }
`);
const REVISE_PROPOSAL = graphql(`
  mutation ReviseProposal($input: ReviseProposalInput!) { reviseProposal(input: $input) { ...ProposalResultFields } }
`);
const SUBMIT_PROPOSAL = graphql(`
  mutation SubmitProposal($id: ID!, $v: Int) { submitProposal(id: $id, expectedVersion: $v) { ...ProposalResultFields } }
`);
const REVIEW_PROPOSAL = graphql(`
  mutation ReviewProposal($input: ReviewProposalInput!) { reviewProposal(input: $input) { ...ProposalResultFields } }
`);
const WITHDRAW_PROPOSAL = graphql(`
  mutation WithdrawProposal($id: ID!, $reason: String) { withdrawProposal(id: $id, reason: $reason) { ...ProposalResultFields } }
`);
const LICENSING_MUSEUMS = graphql(`
  query LicensingMuseums { licensingMuseums(first: 100) { nodes { id slug licensableWorkCount name { fr en zhCN } } } }
`);
const LICENSABLE_ARTWORKS = graphql(`
  query LicensableArtworks($museumId: ID!, $search: String) {
    licensableArtworks(museumId: $museumId, search: $search, first: 100) { nodes { id accessionNumber artist title { fr en zhCN } } }
  }
`);
const NOTICES = graphql(`
  query Notices($first: Int) { licensingNotifications(unreadOnly: true, first: $first) { totalCount nodes { id kind message proposalId dueAt createdAt } } }
`);
const MARK_NOTICE_READ = graphql(`
  mutation MarkNoticeRead($id: ID!) { markLicensingNotificationRead(id: $id) { id } }
`);

type Result = ProposalResultFieldsFragment;

/** Server paths (input.content.royaltyRateBps, content.termEnd) → the form's field names. */
export function proposalField(path: string): string {
  const p = path.replace(/^input\./, '').replace(/^content\./, '');
  const [head = '', sub] = p.split('.');
  switch (head) {
    case 'title':
    case 'concept':
      return sub && ['fr', 'en', 'zhCN'].includes(sub) ? `${head}.${sub}` : sub === 'zh' ? `${head}.zhCN` : `${head}.en`;
    case 'imageUrls':
      return 'imageUrlsText';
    case 'territory':
      return 'territoryText';
    case 'targetRetailPrice':
      return 'targetRetailPriceEur';
    case 'royaltyRateBps':
      return 'royaltyRatePercent';
    case 'minimumGuarantee':
      return sub === 'currency' ? 'guaranteeCurrency' : 'minimumGuarantee';
    case 'advance':
      return sub === 'currency' ? 'guaranteeCurrency' : 'advance';
    case 'artworkIds':
    case 'channels':
      return head;
    case 'specification':
      return sub ? `specification.${sub}` : 'specification.hsCode';
    default:
      return head;
  }
}

/** A workflow refusal (a result union member) as an error the screens show in words. */
function unwrap(result: Result): ProposalRecord {
  if (result.__typename === 'Proposal') return result;
  if (result.__typename === 'AgreementTermsLockedError') {
    const errors = Object.fromEntries(result.lockedFields.map((f) => [proposalField(f), 'vitrine.licensing.locked_field']));
    throw new ApiError('vitrine.errors.terms_locked', result.errorCode, 422, { errors: { ...errors, root: { serverError: 'vitrine.errors.terms_locked' } } });
  }
  const key = result.__typename === 'StaleRevisionError' ? 'vitrine.errors.stale_revision' : 'vitrine.errors.illegal_transition';
  throw new ApiError(key, result.errorCode, 409, {});
}

const done = (p: ProposalRecord) => {
  pager.invalidate('proposals');
  pager.invalidate('inbox');
  return p;
};

export interface ProposalListFilter {
  museumId?: string;
  stage?: ProposalStage;
  status?: ProposalStatus;
}
/** A proposal as the lists show it: its head and, of its content, the title and pictures. */
export type ProposalListRow = ProposalHeadFieldsFragment & { content: Pick<ProposalContent, 'title' | 'imageUrls'> };

export const proposalsPage = (filter: ProposalListFilter): FetchPage<ProposalListRow> =>
  listQuery<ProposalListRow>('proposals', 'content', async (first, after, full) => {
    const r = await gql(PROPOSALS, { filter, first, after, full });
    return r.proposals;
  });

/** A museum's review inbox, soonest due first (by default what awaits a decision), optionally at one stage. */
export const inboxPage =
  (museumId: string, statuses: ProposalStatus[] | null, stage: ProposalStage | null = null): FetchPage<ProposalListRow> =>
  listQuery<ProposalListRow>('proposalInbox', 'content', async (first, after, full) => {
    const r = await gql(PROPOSAL_INBOX, { museumId, statuses, stage, first, after, full });
    return r.proposalInbox;
  });

export async function getProposal(id: string | number): Promise<ProposalRecord> {
  return (await gql(PROPOSAL, { id: String(id) })).proposal;
}

export async function proposalDiff(id: string, fromVersion: number, toVersion: number): Promise<FieldChange[]> {
  const r = await gql(PROPOSAL_DIFF, { id, from: fromVersion, to: toVersion });
  return r.proposalDiff;
}

export async function createProposal(museumId: string, content: Record<string, unknown>): Promise<ProposalRecord> {
  const r = await gql(
    CREATE_PROPOSAL,
    { input: { museumId, content } },
    { mapField: proposalField },
  );
  return done(r.createProposal);
}

export async function reviseProposal(id: string, expectedVersion: number, content: Record<string, unknown>, note: string | null): Promise<ProposalRecord> {
  const r = await gql(
    REVISE_PROPOSAL,
    { input: { id, expectedVersion, content, note } },
    { mapField: proposalField },
  );
  return done(unwrap(r.reviseProposal));
}

export async function submitProposal(id: string, expectedVersion: number): Promise<ProposalRecord> {
  const r = await gql(
    SUBMIT_PROPOSAL,
    { id, v: expectedVersion },
    { mapField: proposalField },
  );
  return done(unwrap(r.submitProposal));
}

export async function reviewProposal(id: string, decision: ReviewDecision, comment: string, expectedVersion: number | null): Promise<ProposalRecord> {
  const r = await gql(
    REVIEW_PROPOSAL,
    { input: { id, decision, comment: comment || null, expectedVersion } },
  );
  return done(unwrap(r.reviewProposal));
}

export async function withdrawProposal(id: string, reason: string | null): Promise<ProposalRecord> {
  const r = await gql(WITHDRAW_PROPOSAL, { id, reason });
  return done(unwrap(r.withdrawProposal));
}

export type LicensingMuseum = LicensingMuseumsQuery['licensingMuseums']['nodes'][number];
/** Museums offering works for licensing (a short list: the first 100). */
export async function licensingMuseums(): Promise<LicensingMuseum[]> {
  const r = await gql(LICENSING_MUSEUMS);
  return r.licensingMuseums.nodes;
}

export type LicensableArtwork = LicensableArtworksQuery['licensableArtworks']['nodes'][number];
export async function licensableArtworks(museumId: string, search: string | null): Promise<LicensableArtwork[]> {
  const r = await gql(LICENSABLE_ARTWORKS, { museumId, search });
  return r.licensableArtworks.nodes;
}

/** Counts per status, in one request (brand: their proposals; museum: submitted to them). */
export async function proposalCounts(museumId: string | null): Promise<Record<ProposalStatus, number>> {
  // Built at run time (one alias per status, the museum only when given): the one operation here codegen does not check.
  const fields = PROPOSAL_STATUSES.map((s) => `${s}: proposals(filter: { status: ${s}${museumId ? ', museumId: $museumId' : ''} }, first: 1) { totalCount }`).join('\n');
  const r = await gql<Record<ProposalStatus, { totalCount: number }>>(`query ProposalCounts${museumId ? '($museumId: ID)' : ''} { ${fields} }`, museumId ? { museumId } : {});
  return Object.fromEntries(PROPOSAL_STATUSES.map((s) => [s, r[s].totalCount])) as Record<ProposalStatus, number>;
}

export type LicensingNotice = NoticesQuery['licensingNotifications']['nodes'][number];
/** Unread licensing notices of the caller's museums or brand (review reminders, expiries). */
export async function unreadNotices(first = 5): Promise<{ totalCount: number; nodes: LicensingNotice[] }> {
  const r = await gql(NOTICES, { first });
  return r.licensingNotifications;
}

export async function markNoticeRead(id: string): Promise<void> {
  await gql(MARK_NOTICE_READ, { id });
}
