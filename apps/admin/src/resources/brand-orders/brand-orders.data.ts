import { gql } from '../../api/graphql';
import { listQuery, type FetchPage } from '../../data/cursor-pager';
import { cursorList, type ResourceHandler } from '../../data/resource-handler';
import { graphql } from '../../generated';
import type { BrandOrderFieldsFragment, OrderStatus } from '../../generated/graphql';

/** An order the brand partner fulfils from its own stock (the museum stays the seller of record). */
graphql(`
  fragment BrandOrderFields on Order {
    id
    number
    museumId
    status
    customsMode
    currency
    total
    createdAt
    orderer { name residentIdMasked }
    recipient { name province city }
    lines { id sku name quantity }
  }
`);
export type BrandOrderRecord = BrandOrderFieldsFragment;

const BRAND_ORDERS = graphql(`
  query BrandOrders($first: Int, $after: String, $status: OrderStatus, $full: Boolean!) {
    brandOrders(first: $first, after: $after, status: $status) {
      nodes { id ...BrandOrderFields @include(if: $full) }
      pageInfo { endCursor hasNextPage }
      totalCount
    }
  }
`);
const BRAND_ORDER = graphql(`
  query BrandOrder($id: ID!) { order(id: $id) { ...BrandOrderFields } }
`);

const page =
  (status: OrderStatus | null): FetchPage<BrandOrderRecord> =>
  listQuery<BrandOrderRecord>('brandOrders', 'number', async (first, after, full) => {
    const r = await gql(BRAND_ORDERS, { first, after, status, full });
    return r.brandOrders;
  });

export const brandOrdersData: ResourceHandler = {
  getList(params) {
    const status = (params.filter?.status as OrderStatus | undefined) || null;
    return cursorList('brandOrders', params, { status }, page(status));
  },
  async getOne({ id }) {
    const r = await gql(BRAND_ORDER, { id: String(id) });
    return { data: r.order };
  },
};
