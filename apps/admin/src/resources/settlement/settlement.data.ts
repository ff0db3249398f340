import { gql } from '../../api/graphql';
import { readSession } from '../../api/session';
import { listQuery, pager, type FetchPage } from '../../data/cursor-pager';
import { cursorList, type ResourceHandler } from '../../data/resource-handler';
import { graphql } from '../../generated';
import type {
  BalanceFieldsFragment,
  LedgerLineFieldsFragment,
  PayoutAccountFieldsFragment,
  PlatformLedgerQuery,
  SellerKind,
  SellerPayoutsQuery,
} from '../../generated/graphql';
import { allMuseums, myMuseums } from '../museums/museums.data';

// Settlement (libs/settlement, ADR 0014): what the platform owes each museum and brand, read
// from the ledger. A seller's record id is `MUSEUM-<uuid>` or `BRAND-<uuid>`; the API decides
// who may read it (a manager its museums, a brand its own, the operator any: NOT_FOUND else).

export type SellerType = SellerKind;
export type Amount = BalanceFieldsFragment['payable'][number];

/** A seller's balances (BalanceFields; `notPaidOut`: transferred, but the payout account's bank payout failed, at Stripe) under its record id. */
export type SellerRecord = BalanceFieldsFragment & { id: string; name: string | null };

/** `platformPromotions`: what the platform paid for its platform-wide promotions (PLATFORM_PROMOTIONS). */
export type PlatformLedger = PlatformLedgerQuery['platformLedger'];

/** `account`: SELLER_PENDING or SELLER_PAYABLE (a String in the schema). */
export type LedgerLineRecord = LedgerLineFieldsFragment;

type PayoutRow = SellerPayoutsQuery['sellerPayouts'][number];
/**
 * A payout as answered, with the values the schema's strings take: the transfer's `status`, and
 * `bankStatus`, the payout account's payout of this money to its bank (PAID, FAILED with Stripe's
 * reason, or null while not reported). `checkoutId`/`transferGroup`: the checkout whose money the
 * transfer carries and Stripe's transfer_group; `received`/`exchangeRate`: what the seller's
 * account received in its payout currency (Stripe converts on arrival), and Stripe's rate.
 */
export type PayoutRecord = Omit<PayoutRow, 'status' | 'bankStatus'> & { status: 'PENDING' | 'PAID' | 'FAILED'; bankStatus: 'PAID' | 'FAILED' | null };

export type PayoutAccountRecord = PayoutAccountFieldsFragment;

export const ENTRY_KINDS = ['ORDER_PAID', 'ORDER_PAYABLE', 'REFUND', 'REFUND_FAILED', 'DISPUTE_LOST', 'DISPUTE_FEE', 'PAYOUT', 'TRANSFER_REVERSAL'] as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const sellerRecordId = (t: SellerType, id: string) => `${t}-${id}`;

/** The seller a record id names, as the API's arguments; a malformed id names a seller that does not exist. */
export function sellerArgs(recordId: string): { m: string | null; b: string | null } {
  const m = /^(MUSEUM|BRAND)-(.+)$/.exec(recordId);
  // An id that is not a seller's asks for a museum that cannot exist: the API answers NOT_FOUND.
  if (!m || !UUID.test(m[2]!)) return { m: '00000000-0000-0000-0000-000000000000', b: null };
  return m[1] === 'MUSEUM' ? { m: m[2]!, b: null } : { m: null, b: m[2]! };
}

graphql(`
  fragment BalanceFields on SellerBalance {
    sellerType
    sellerId
    payable { amount currency }
    pending { amount currency }
    notPaidOut { amount currency }
  }
`);
graphql(`
  fragment LedgerLineFields on SellerLedgerLine {
    id
    event
    entryKind
    createdAt
    occurredAt
    account
    component
    orderId
    orderNumber
    amount { amount currency }
  }
`);
graphql(`
  fragment PayoutAccountFields on PayoutAccount {
    ready
    detailsSubmitted
    chargesEnabled
    requirements
    onboardingUrl
    bankPayoutStatus
    bankPayoutFailureCode
    payoutCurrency
  }
`);
const SELLER_BALANCE = graphql(`
  query SellerBalance($m: ID, $b: ID) { sellerBalance(museumId: $m, brandId: $b) { ...BalanceFields } }
`);
const PLATFORM_LEDGER = graphql(`
  query PlatformLedger {
    platformLedger {
      sellers { ...BalanceFields }
      taxOwedToCustoms { amount currency }
      commissionRevenue { amount currency }
      stripeClearing { amount currency }
      stripeFees { amount currency }
      platformPromotions { amount currency }
    }
  }
`);
const RECORD_TAX_REMITTANCE = graphql(`
  mutation RecordTaxRemittance($input: RecordTaxRemittanceInput!) {
    recordTaxRemittance(input: $input) { reference amount { amount currency } taxOwedAfter { amount currency } }
  }
`);
const SELLER_MUSEUM_NAME = graphql(`
  query SettlementMuseumName($id: ID!) { museum(id: $id) { legalName } }
`);
const SELLER_BRAND_NAME = graphql(`
  query SettlementBrandName($id: ID!) { brand(id: $id) { name } }
`);
const SETTLEMENT_BRAND_NAMES = graphql(`
  query SettlementBrandNames { brands(first: 100) { nodes { id name } } }
`);
const SELLER_LEDGER_LINES = graphql(`
  query SellerLedgerLines($m: ID, $b: ID, $kind: String, $from: DateTime, $to: DateTime, $first: Int, $after: String, $full: Boolean!) {
    sellerLedgerLines(museumId: $m, brandId: $b, kind: $kind, from: $from, to: $to, first: $first, after: $after) {
      nodes { id ...LedgerLineFields @include(if: $full) }
      pageInfo { endCursor hasNextPage }
      totalCount
    }
  }
`);
const SELLER_PAYOUTS = graphql(`
  query SellerPayouts($m: ID, $b: ID) {
    sellerPayouts(museumId: $m, brandId: $b) {
      id
      runKey
      amount { amount currency }
      status
      stripeTransferId
      checkoutId
      transferGroup
      reversed { amount currency }
      createdAt
      paidAt
      bankStatus
      bankFailureCode
      bankFailureMessage
      received { amount currency }
      exchangeRate
    }
  }
`);
const PAYOUT_ACCOUNT = graphql(`
  query PayoutAccount($m: ID, $b: ID) { payoutAccount(museumId: $m, brandId: $b) { ...PayoutAccountFields } }
`);
const CONNECT_PAYOUT_ACCOUNT = graphql(`
  mutation ConnectPayoutAccount($m: ID, $b: ID, $r: String!, $f: String!) {
    connectPayoutAccount(museumId: $m, brandId: $b, returnUrl: $r, refreshUrl: $f) { ...PayoutAccountFields }
  }
`);
const SELLER_STATEMENT = graphql(`
  query SellerStatement($m: ID, $b: ID, $month: String!) { sellerStatement(museumId: $m, brandId: $b, month: $month) { csv } }
`);

async function balanceOf(args: { m: string | null; b: string | null }) {
  const balance: Omit<SellerRecord, 'id' | 'name'> = (await gql(SELLER_BALANCE, args)).sellerBalance;
  return balance;
}

export async function platformLedger(): Promise<PlatformLedger> {
  return (await gql(PLATFORM_LEDGER)).platformLedger;
}

/** The operator records a payment of the cross-border tax to customs (amount in minor units); answers what is still owed. */
export async function recordTaxRemittance(input: { reference: string; amount: number; currency: string }) {
  const r = await gql(RECORD_TAX_REMITTANCE, { input });
  pager.invalidate('settlement');
  return r.recordTaxRemittance;
}

/** The seller's name for the page's title (null when it cannot be read: the balance's own access check answers for the page). */
async function sellerName(args: { m: string | null; b: string | null }): Promise<string | null> {
  try {
    if (args.m) return (await gql(SELLER_MUSEUM_NAME, { id: args.m })).museum.legalName;
    if (args.b) return (await gql(SELLER_BRAND_NAME, { id: args.b })).brand.name;
  } catch {
    // NOT_FOUND or FORBIDDEN: the title falls back to the seller's kind.
  }
  return null;
}

async function brandNames(): Promise<Map<string, string>> {
  const r = await gql(SETTLEMENT_BRAND_NAMES);
  return new Map(r.brands.nodes.map((b) => [b.id, b.name]));
}

/**
 * The sellers the caller may read: the operator every seller in the ledger; a manager its
 * museums; a brand itself.
 */
async function sellers(): Promise<SellerRecord[]> {
  const user = readSession()?.user;
  if (user?.role === 'PLATFORM_ADMIN') {
    const [ledger, museums, brands] = await Promise.all([platformLedger(), allMuseums(), brandNames()]);
    const museumName = new Map(museums.map((m) => [m.id, m.legalName]));
    return ledger.sellers.map((s) => ({
      ...s,
      id: sellerRecordId(s.sellerType, s.sellerId),
      name: (s.sellerType === 'MUSEUM' ? museumName.get(s.sellerId) : brands.get(s.sellerId)) ?? null,
    }));
  }
  if (user?.role === 'MUSEUM_MANAGER') {
    const museums = await myMuseums();
    return Promise.all(museums.map(async (m) => ({ ...(await balanceOf({ m: m.id, b: null })), id: sellerRecordId('MUSEUM', m.id), name: m.legalName })));
  }
  const own = await balanceOf({ m: null, b: null });
  return [{ ...own, id: sellerRecordId(own.sellerType, own.sellerId), name: null }];
}

export const settlementData: ResourceHandler = {
  getList: async () => {
    const data = await sellers();
    return { data, total: data.length };
  },
  getOne: async ({ id }) => {
    const args = sellerArgs(String(id));
    const [b, name] = await Promise.all([balanceOf(args), sellerName(args)]);
    return { data: { ...b, id: String(id), name } };
  },
};

type LineFilter = { kind: string | null; from: string | null; to: string | null };

const linesOf =
  (args: { m: string | null; b: string | null }, f: LineFilter): FetchPage<LedgerLineRecord> =>
  listQuery<LedgerLineRecord>('sellerLedgerLines', 'entryKind', async (first, after, full) => {
    const r = await gql(SELLER_LEDGER_LINES, { ...args, ...f, first, after, full });
    return r.sellerLedgerLines;
  });

/** A day (YYYY-MM-DD, the console's date inputs) as the UTC instant it starts; `to` is inclusive, so its next day. */
function dayStart(v: unknown, plusDays = 0): string | null {
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(v)) return null;
  const d = new Date(`${v.slice(0, 10)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + plusDays);
  return d.toISOString();
}

/** The ledger lines of one seller (filter.seller = its record id), newest first, in keyset pages. */
export const settlementLinesData: ResourceHandler = {
  getList: (params) => {
    const args = sellerArgs(String(params.filter?.seller ?? ''));
    const f: LineFilter = { kind: (params.filter?.kind as string | undefined) || null, from: dayStart(params.filter?.from), to: dayStart(params.filter?.to, 1) };
    return cursorList('settlementLines', params, { ...args, ...f }, linesOf(args, f));
  },
};

export const settlementPayoutsData: ResourceHandler = {
  getList: async (params) => {
    const args = sellerArgs(String(params.filter?.seller ?? ''));
    const r = await gql(SELLER_PAYOUTS, args);
    // The schema types the transfer's and the bank payout's states as strings; these are their values.
    const data = r.sellerPayouts as PayoutRecord[];
    return { data, total: data.length };
  },
};

export async function payoutAccount(recordId: string): Promise<PayoutAccountRecord | null> {
  return (await gql(PAYOUT_ACCOUNT, sellerArgs(recordId))).payoutAccount;
}

/** Creates the seller's Stripe Express account (once) and answers Stripe's onboarding link while it is not ready. */
export async function connectPayoutAccount(recordId: string, returnUrl: string): Promise<PayoutAccountRecord> {
  const r = await gql(CONNECT_PAYOUT_ACCOUNT, { ...sellerArgs(recordId), r: returnUrl, f: returnUrl });
  pager.invalidate('settlement');
  return r.connectPayoutAccount;
}

/** The seller's settlement statement of a UTC month (YYYY-MM), as the API's CSV. */
export async function statementCsv(recordId: string, month: string): Promise<string> {
  const r = await gql(SELLER_STATEMENT, { ...sellerArgs(recordId), month });
  return r.sellerStatement.csv;
}
