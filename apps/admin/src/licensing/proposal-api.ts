import { ApiError } from '../api/errors';
import { gql } from '../api/graphql';
import { listQuery, pager, type FetchPage } from '../data/cursor-pager';
import type { LocalizedText } from '../data/localized';
import { graphql } from '../generated';
import type { ProposalHeadFieldsFragment } from '../generated/graphql';

// Brand licensing proposals over GraphQL, shared by the brand's "proposals" resource and
// the museum's "inbox". The API is libs/licensing (proposals.resolver.ts).

export const PROPOSAL_STATUSES = ['DRAFT', 'SUBMITTED', 'CHANGES_REQUESTED', 'APPROVED', 'REJECTED', 'WITHDRAWN'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];
export const PROPOSAL_STAGES = ['CONCEPT', 'PRE_PRODUCTION_SAMPLE', 'FINAL_SAMPLE'] as const;
export type ProposalStage = (typeof PROPOSAL_STAGES)[number];
export const CHANNELS = ['VITRINE_MARKETPLACE', 'BRAND_ONLINE', 'BRAND_RETAIL', 'MUSEUM_SHOP', 'WHOLESALE'] as const;
export type ProposalAction = 'AMEND' | 'APPROVE' | 'REJECT' | 'REQUEST_CHANGES' | 'REVISE' | 'SUBMIT' | 'WITHDRAW';
export type ReviewDecision = 'APPROVE' | 'REJECT' | 'REQUEST_CHANGES';

export interface MoneyValue {
  amount: number;
  currency: string;
}
export interface ProposalContent {
  title: LocalizedText | null;
  concept: LocalizedText | null;
  imageUrls: string[] | null;
  artworkIds: string[] | null;
  category: string | null;
  crossBorderCategory: string | null;
  targetRetailPrice: MoneyValue | null;
  forecastUnits: number | null;
  territory: string[] | null;
  channels: string[] | null;
  termStart: string | null;
  termEnd: string | null;
  sellOffDays: number | null;
  royaltyRateBps: number | null;
  minimumGuarantee: MoneyValue | null;
  advance: MoneyValue | null;
  specification: { hsCode: string; weightGrams: number; originCountry: string } | null;
}
export interface ProposalRevision {
  version: number;
  stage: ProposalStage;
  note: string;
  createdAt: string;
  content: ProposalContent;
}
export interface ProposalReview {
  id: string;
  decision: ReviewDecision;
  stage: ProposalStage;
  revisionVersion: number;
  comment: string;
  createdAt: string;
}
export interface ProposalHistoryEntry {
  event: string;
  actorRole: string;
  comment: string;
  createdAt: string;
  fromStage: ProposalStage | null;
  toStage: ProposalStage;
  fromStatus: ProposalStatus | null;
  toStatus: ProposalStatus;
  revisionVersion: number | null;
}
export interface FieldChange {
  path: string;
  kind: 'ADDED' | 'CHANGED' | 'REMOVED';
  before: unknown;
  after: unknown;
}
export interface ProposalRecord {
  id: string;
  museumId: string;
  brandId: string;
  brandName: string | null;
  museum: { id: string; slug: string; name: LocalizedText } | null;
  status: ProposalStatus;
  stage: ProposalStage;
  amendment: boolean;
  currentVersion: number;
  submittedVersion: number | null;
  approvedVersion: number | null;
  reviewDueAt: string | null;
  submittedAt: string | null;
  createdAt: string;
  updatedAt: string;
  allowedActions: ProposalAction[];
  content: ProposalContent;
  // Detail only:
  submissionProblems?: { path: string; message: string }[];
  revisions?: ProposalRevision[];
  reviewHistory?: ProposalReview[];
  history?: ProposalHistoryEntry[];
  artworks?: { id: string; accessionNumber: string; artist: string; title: LocalizedText }[];
  agreement?: { id: string; status: string } | null;
}

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

type Result =
  | ({ __typename: 'Proposal' } & ProposalRecord)
  | { __typename: 'IllegalTransitionError'; errorCode: string; message: string }
  | { __typename: 'StaleRevisionError'; errorCode: string; message: string; latestVersion: number | null }
  | { __typename: 'AgreementTermsLockedError'; errorCode: string; message: string; lockedFields: string[] };

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

export interface LicensingMuseum {
  id: string;
  slug: string;
  name: LocalizedText;
  licensableWorkCount: number | null;
}
/** Museums offering works for licensing (a short list: the first 100). */
export async function licensingMuseums(): Promise<LicensingMuseum[]> {
  const r = await gql(LICENSING_MUSEUMS);
  return r.licensingMuseums.nodes;
}

export interface LicensableArtwork {
  id: string;
  accessionNumber: string;
  artist: string;
  title: LocalizedText;
}
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

export interface LicensingNotice {
  id: string;
  kind: string;
  message: string;
  proposalId: string | null;
  dueAt: string | null;
  createdAt: string;
}
/** Unread licensing notices of the caller's museums or brand (review reminders, expiries). */
export async function unreadNotices(first = 5): Promise<{ totalCount: number; nodes: LicensingNotice[] }> {
  const r = await gql(NOTICES, { first });
  return r.licensingNotifications;
}

export async function markNoticeRead(id: string): Promise<void> {
  await gql(MARK_NOTICE_READ, { id });
}
