import { gql } from '../../api/graphql';
import type { CursorPage, FetchPage } from '../../data/cursor-pager';
import { LOCALIZED, type LocalizedText } from '../../data/localized';
import { cursorList, PAGE_INFO, type ResourceHandler } from '../../data/resource-handler';
import type { MoneyValue } from '../../licensing/proposal-api';

export interface LicensedProductRecord {
  productId: string;
  agreementId: string;
  museumId: string;
  name: LocalizedText;
  status: string;
  publishedAt: string | null;
  delistedAt: string | null;
  delistReason: string | null;
  listingBlockers?: { code: string; message: string; path: string | null }[];
}
export interface AgreementRecord {
  id: string;
  proposalId: string;
  museumId: string;
  brandId: string;
  /** Display names of the parties. */
  brandName: string | null;
  museum: { name: LocalizedText } | null;
  status: 'ACTIVE' | 'EXPIRED';
  approvedVersion: number;
  royaltyRateBps: number;
  currency: string;
  territory: string[];
  channels: string[];
  termStart: string;
  termEnd: string;
  sellOffDays: number;
  sellOffEnd: string;
  minimumGuarantee: MoneyValue;
  advance: MoneyValue;
  createdAt: string;
  expiredAt: string | null;
  products: LicensedProductRecord[];
}
const M = '{ amount currency }';
const FIELDS = `id proposalId museumId brandId brandName museum { name { ${LOCALIZED} } } status approvedVersion royaltyRateBps currency territory channels termStart termEnd sellOffDays sellOffEnd
  minimumGuarantee ${M} advance ${M} createdAt expiredAt`;
const PRODUCT = `productId agreementId museumId name { ${LOCALIZED} } status publishedAt delistedAt delistReason`;

const pageOf: FetchPage<AgreementRecord> = async (first, after, idsOnly) => {
  const r = await gql<{ licenceAgreements: CursorPage<AgreementRecord> }>(
    `query LicenceAgreements($first: Int, $after: String) {
      licenceAgreements(first: $first, after: $after) { nodes { ${idsOnly ? 'id' : `${FIELDS} products { ${PRODUCT} }`} } ${PAGE_INFO} } }`,
    { first, after },
  );
  return r.licenceAgreements;
};

const one = async (id: string | number) =>
  (
    await gql<{ licenceAgreement: AgreementRecord }>(
      `query LicenceAgreement($id: ID!) { licenceAgreement(id: $id) { ${FIELDS} products { ${PRODUCT} listingBlockers { code message path } } } }`,
      { id },
    )
  ).licenceAgreement;

export type ListingResult =
  | ({ __typename: 'LicensedProduct' } & LicensedProductRecord)
  | { __typename: 'ListingNotAllowedError'; errorCode: string; message: string; reasons: { code: string; message: string; path: string | null }[] };

/** The museum lists a co-branded product; refused (with reasons) outside the agreement. */
export async function publishLicensedProduct(productId: string): Promise<ListingResult> {
  const r = await gql<{ publishLicensedProduct: ListingResult }>(
    `mutation PublishLicensed($p: ID!) { publishLicensedProduct(productId: $p) { __typename
      ... on LicensedProduct { ${PRODUCT} } ... on ListingNotAllowedError { errorCode message reasons { code message path } } } }`,
    { p: productId },
  );
  return r.publishLicensedProduct;
}

export async function unpublishLicensedProduct(productId: string): Promise<LicensedProductRecord> {
  const r = await gql<{ unpublishLicensedProduct: LicensedProductRecord }>(`mutation UnpublishLicensed($p: ID!) { unpublishLicensedProduct(productId: $p) { ${PRODUCT} } }`, {
    p: productId,
  });
  return r.unpublishLicensedProduct;
}

/** Agreements of the caller's brand or museums (all for an operator), newest first. */
export const agreementsData: ResourceHandler = {
  getList: (params) => cursorList('agreements', params, {}, pageOf),
  getOne: async ({ id }) => ({ data: await one(id) }),
  getMany: async ({ ids }) => ({ data: await Promise.all(ids.map(one)) }),
};

export interface LedgerEntryRecord {
  id: string;
  kind: 'ACCRUAL' | 'REVERSAL';
  productId: string;
  orderLineId: string;
  units: number;
  sale: MoneyValue;
  netSales: MoneyValue;
  royalty: MoneyValue;
  fxRate: string | null;
  periodStart: string;
  occurredAt: string;
  statementId: string | null;
}
const LEDGER = `id kind productId orderLineId units sale ${M} netSales ${M} royalty ${M} fxRate periodStart occurredAt statementId`;

const ledgerPage =
  (agreementId: string): FetchPage<LedgerEntryRecord> =>
  async (first, after, idsOnly) => {
    const r = await gql<{ royaltyLedger: CursorPage<LedgerEntryRecord> }>(
      `query RoyaltyLedger($agreementId: ID!, $first: Int, $after: String) {
        royaltyLedger(agreementId: $agreementId, first: $first, after: $after) { nodes { ${idsOnly ? 'id' : LEDGER} } ${PAGE_INFO} } }`,
      { agreementId, first, after },
    );
    return r.royaltyLedger;
  };

/** Sales (accruals) and refunds (reversals) of an agreement's co-branded products. */
export const royaltyLedgerData: ResourceHandler = {
  getManyReference: (params) => cursorList('royaltyLedger', params, { agreementId: String(params.id) }, ledgerPage(String(params.id))),
};
