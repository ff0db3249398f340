import { gql } from '../../api/graphql';
import type { CursorPage, FetchPage } from '../../data/cursor-pager';
import { LOCALIZED, type LocalizedText } from '../../data/localized';
import { cursorList, PAGE_INFO, type ResourceHandler } from '../../data/resource-handler';
import type { MoneyValue } from '../../licensing/proposal-api';

export interface StatementRecord {
  id: string;
  agreementId: string;
  museumId: string;
  brandId: string;
  periodStart: string;
  periodEnd: string;
  currency: string;
  units: number;
  entryCount: number;
  netSales: MoneyValue;
  royalty: MoneyValue;
  cumulativeRoyalty: MoneyValue;
  advanceRecouped: MoneyValue;
  advanceRemaining: MoneyValue;
  minimumGuaranteeShortfall: MoneyValue;
  amountPayable: MoneyValue;
  generatedAt: string;
  csvUrl: string;
  pdfUrl: string;
  agreement: { id: string; products: { productId: string; name: LocalizedText }[] };
}
const M = '{ amount currency }';
const FIELDS = `id agreementId museumId brandId periodStart periodEnd currency units entryCount netSales ${M} royalty ${M} cumulativeRoyalty ${M}
  advanceRecouped ${M} advanceRemaining ${M} minimumGuaranteeShortfall ${M} amountPayable ${M} generatedAt csvUrl pdfUrl
  agreement { id products { productId name { ${LOCALIZED} } } }`;

const pageOf =
  (agreementId: string | null): FetchPage<StatementRecord> =>
  async (first, after, idsOnly) => {
    const r = await gql<{ royaltyStatements: CursorPage<StatementRecord> }>(
      `query RoyaltyStatements($agreementId: ID, $first: Int, $after: String) {
        royaltyStatements(agreementId: $agreementId, first: $first, after: $after) { nodes { ${idsOnly ? 'id' : FIELDS} } ${PAGE_INFO} } }`,
      { agreementId, first, after },
    );
    return r.royaltyStatements;
  };

/** Monthly royalty statements of the caller's agreements (brand or museum), newest first. */
export const statementsData: ResourceHandler = {
  getList: (params) => {
    const agreementId = (params.filter?.agreementId as string | undefined) || null;
    return cursorList('statements', params, { agreementId }, pageOf(agreementId));
  },
  getManyReference: (params) => cursorList('statements', params, { agreementId: String(params.id) }, pageOf(String(params.id))),
  getOne: async ({ id }) => ({
    data: (await gql<{ royaltyStatement: StatementRecord }>(`query RoyaltyStatement($id: ID!) { royaltyStatement(id: $id) { ${FIELDS} } }`, { id })).royaltyStatement,
  }),
};
