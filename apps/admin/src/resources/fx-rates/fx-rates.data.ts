import { gql } from '../../api/graphql';
import type { CursorPage, FetchPage } from '../../data/cursor-pager';
import { cursorList, PAGE_INFO, type ResourceHandler } from '../../data/resource-handler';

export interface FxRateRecord {
  id: string;
  base: string;
  quote: string;
  rate: string;
  source: string;
  effectiveAt: string;
}
const FIELDS = 'id base quote rate source effectiveAt';

const pageOf =
  (base: string, quote: string): FetchPage<FxRateRecord> =>
  async (first, after, idsOnly) => {
    const r = await gql<{ fxRates: CursorPage<FxRateRecord> }>(
      `query FxRates($base: String!, $quote: String!, $first: Int, $after: String) {
        fxRates(base: $base, quote: $quote, first: $first, after: $after) { nodes { ${idsOnly ? 'id' : FIELDS} } ${PAGE_INFO} } }`,
      { base, quote, first, after },
    );
    return r.fxRates;
  };

export const fxRatesData: ResourceHandler = {
  getList: (params) => {
    const base = String(params.filter?.base || 'EUR');
    const quote = String(params.filter?.quote || 'CNY');
    return cursorList('fxRates', params, { base, quote }, pageOf(base, quote));
  },
  async create({ data }) {
    const r = await gql<{ setFxRate: FxRateRecord }>(
      `mutation SetFxRate($input: SetFxRateInput!) { setFxRate(input: $input) { ${FIELDS} } }`,
      { input: { base: data.base ?? 'EUR', quote: data.quote ?? 'CNY', rate: String(data.rate ?? '').trim(), source: data.source } },
    );
    return { data: r.setFxRate };
  },
};
