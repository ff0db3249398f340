import { gql } from '../../api/graphql';
import { listQuery, type FetchPage } from '../../data/cursor-pager';
import { cursorList, type ResourceHandler } from '../../data/resource-handler';
import { graphql } from '../../generated';
import type { StatementFieldsFragment } from '../../generated/graphql';

graphql(`
  fragment StatementFields on RoyaltyStatement {
    id
    agreementId
    museumId
    brandId
    periodStart
    periodEnd
    currency
    units
    entryCount
    netSales { amount currency }
    royalty { amount currency }
    cumulativeRoyalty { amount currency }
    advanceRecouped { amount currency }
    advanceRemaining { amount currency }
    minimumGuaranteeShortfall { amount currency }
    amountPayable { amount currency }
    generatedAt
    csvUrl
    pdfUrl
    agreement { id products { productId name { fr en zhCN } } }
  }
`);
export type StatementRecord = StatementFieldsFragment;

const ROYALTY_STATEMENTS = graphql(`
  query RoyaltyStatements($agreementId: ID, $first: Int, $after: String, $full: Boolean!) {
    royaltyStatements(agreementId: $agreementId, first: $first, after: $after) {
      nodes { id ...StatementFields @include(if: $full) }
      pageInfo { endCursor hasNextPage }
      totalCount
    }
  }
`);
const ROYALTY_STATEMENT = graphql(`
  query RoyaltyStatement($id: ID!) { royaltyStatement(id: $id) { ...StatementFields } }
`);

const pageOf =
  (agreementId: string | null): FetchPage<StatementRecord> =>
  listQuery<StatementRecord>('royaltyStatements', 'agreementId', async (first, after, full) => {
    const r = await gql(ROYALTY_STATEMENTS, { agreementId, first, after, full });
    return r.royaltyStatements;
  });

/** Monthly royalty statements of the caller's agreements (brand or museum), newest first. */
export const statementsData: ResourceHandler = {
  getList: (params) => {
    const agreementId = (params.filter?.agreementId as string | undefined) || null;
    return cursorList('statements', params, { agreementId }, pageOf(agreementId));
  },
  getManyReference: (params) => cursorList('statements', params, { agreementId: String(params.id) }, pageOf(String(params.id))),
  getOne: async ({ id }) => ({
    data: (await gql(ROYALTY_STATEMENT, { id: String(id) })).royaltyStatement,
  }),
};
