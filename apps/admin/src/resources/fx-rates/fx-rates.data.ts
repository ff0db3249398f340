import { gql } from '../../api/graphql';
import { listQuery, type FetchPage } from '../../data/cursor-pager';
import { cursorList, type ResourceHandler } from '../../data/resource-handler';
import { graphql } from '../../generated';
import type { FxRateFieldsFragment } from '../../generated/graphql';

graphql(`
  fragment FxRateFields on FxRate { id base quote rate source effectiveAt }
`);
export type FxRateRecord = FxRateFieldsFragment;

const FX_RATES = graphql(`
  query FxRates($base: String!, $quote: String!, $first: Int, $after: String, $full: Boolean!) {
    fxRates(base: $base, quote: $quote, first: $first, after: $after) {
      nodes { id ...FxRateFields @include(if: $full) }
      pageInfo { endCursor hasNextPage }
      totalCount
    }
  }
`);
const SET_FX_RATE = graphql(`
  mutation SetFxRate($input: SetFxRateInput!) { setFxRate(input: $input) { ...FxRateFields } }
`);

const pageOf =
  (base: string, quote: string): FetchPage<FxRateRecord> =>
  listQuery<FxRateRecord>('fxRates', 'base', async (first, after, full) => {
    const r = await gql(FX_RATES, { base, quote, first, after, full });
    return r.fxRates;
  });

export const fxRatesData: ResourceHandler = {
  getList: (params) => {
    const base = String(params.filter?.base || 'EUR');
    const quote = String(params.filter?.quote || 'CNY');
    return cursorList('fxRates', params, { base, quote }, pageOf(base, quote));
  },
  async create({ data }) {
    const r = await gql(SET_FX_RATE, {
      input: { base: data.base ?? 'EUR', quote: data.quote ?? 'CNY', rate: String(data.rate ?? '').trim(), source: data.source },
    });
    return { data: r.setFxRate };
  },
};
