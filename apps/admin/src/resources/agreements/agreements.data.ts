import { gql } from '../../api/graphql';
import { listQuery, type FetchPage } from '../../data/cursor-pager';
import { cursorList, type ResourceHandler } from '../../data/resource-handler';
import { graphql } from '../../generated';
import type { AgreementFieldsFragment, LedgerEntryFieldsFragment, LicensedProductFieldsFragment } from '../../generated/graphql';

graphql(`
  fragment LicensedProductFields on LicensedProduct {
    productId
    agreementId
    museumId
    name { fr en zhCN }
    status
    publishedAt
    delistedAt
    delistReason
  }
`);
/** `brandName` and `museum` are the parties' display names. */
graphql(`
  fragment AgreementFields on LicenceAgreement {
    id
    proposalId
    museumId
    brandId
    brandName
    museum { name { fr en zhCN } }
    status
    approvedVersion
    royaltyRateBps
    currency
    territory
    channels
    termStart
    termEnd
    sellOffDays
    sellOffEnd
    minimumGuarantee { amount currency }
    advance { amount currency }
    createdAt
    expiredAt
  }
`);
type ListingBlocker = { code: string; message: string; path: string | null };
export type LicensedProductRecord = LicensedProductFieldsFragment & { listingBlockers?: ListingBlocker[] };
export type AgreementRecord = AgreementFieldsFragment & { products: LicensedProductRecord[] };

const AGREEMENTS = graphql(`
  query LicenceAgreements($first: Int, $after: String, $full: Boolean!) {
    licenceAgreements(first: $first, after: $after) {
      nodes { id ...AgreementFields @include(if: $full) products @include(if: $full) { ...LicensedProductFields } }
      pageInfo { endCursor hasNextPage }
      totalCount
    }
  }
`);
const AGREEMENT = graphql(`
  query LicenceAgreement($id: ID!) {
    licenceAgreement(id: $id) { ...AgreementFields products { ...LicensedProductFields listingBlockers { code message path } } }
  }
`);
const PUBLISH_LICENSED = graphql(`
  mutation PublishLicensed($p: ID!) {
    publishLicensedProduct(productId: $p) {
      __typename
      ... on LicensedProduct { ...LicensedProductFields }
      ... on ListingNotAllowedError { errorCode message reasons { code message path } }
    }
  }
`);
const UNPUBLISH_LICENSED = graphql(`
  mutation UnpublishLicensed($p: ID!) { unpublishLicensedProduct(productId: $p) { ...LicensedProductFields } }
`);

const pageOf: FetchPage<AgreementRecord> = listQuery<AgreementRecord>('licenceAgreements', 'proposalId', async (first, after, full) => {
  const r = await gql(AGREEMENTS, { first, after, full });
  return r.licenceAgreements;
});

const one = async (id: string | number): Promise<AgreementRecord> => (await gql(AGREEMENT, { id: String(id) })).licenceAgreement;

export type ListingResult =
  | ({ __typename: 'LicensedProduct' } & LicensedProductRecord)
  | { __typename: 'ListingNotAllowedError'; errorCode: string; message: string; reasons: { code: string; message: string; path: string | null }[] };

/** The museum lists a co-branded product; refused (with reasons) outside the agreement. */
export async function publishLicensedProduct(productId: string): Promise<ListingResult> {
  const r = await gql(PUBLISH_LICENSED, { p: productId });
  return r.publishLicensedProduct;
}

export async function unpublishLicensedProduct(productId: string): Promise<LicensedProductRecord> {
  return (await gql(UNPUBLISH_LICENSED, { p: productId })).unpublishLicensedProduct;
}

/** Agreements of the caller's brand or museums (all for an operator), newest first. */
export const agreementsData: ResourceHandler = {
  getList: (params) => cursorList('agreements', params, {}, pageOf),
  getOne: async ({ id }) => ({ data: await one(id) }),
  getMany: async ({ ids }) => ({ data: await Promise.all(ids.map(one)) }),
};

graphql(`
  fragment LedgerEntryFields on RoyaltyLedgerEntry {
    id
    kind
    productId
    orderLineId
    units
    sale { amount currency }
    netSales { amount currency }
    royalty { amount currency }
    fxRate
    periodStart
    occurredAt
    statementId
  }
`);
export type LedgerEntryRecord = LedgerEntryFieldsFragment;

const ROYALTY_LEDGER = graphql(`
  query RoyaltyLedger($agreementId: ID!, $first: Int, $after: String, $full: Boolean!) {
    royaltyLedger(agreementId: $agreementId, first: $first, after: $after) {
      nodes { id ...LedgerEntryFields @include(if: $full) }
      pageInfo { endCursor hasNextPage }
      totalCount
    }
  }
`);

const ledgerPage =
  (agreementId: string): FetchPage<LedgerEntryRecord> =>
  listQuery<LedgerEntryRecord>('royaltyLedger', 'kind', async (first, after, full) => {
    const r = await gql(ROYALTY_LEDGER, { agreementId, first, after, full });
    return r.royaltyLedger;
  });

/** Sales (accruals) and refunds (reversals) of an agreement's co-branded products. */
export const royaltyLedgerData: ResourceHandler = {
  getManyReference: (params) => cursorList('royaltyLedger', params, { agreementId: String(params.id) }, ledgerPage(String(params.id))),
};
