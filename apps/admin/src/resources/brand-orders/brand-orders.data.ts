import { gql } from '../../api/graphql';
import type { CursorPage, FetchPage } from '../../data/cursor-pager';
import { cursorList, PAGE_INFO, type ResourceHandler } from '../../data/resource-handler';

/** An order the brand partner fulfils from its own stock (the museum stays the seller of record). */
export interface BrandOrderRecord {
  id: string;
  number: string;
  museumId: string;
  status: string;
  customsMode: string;
  currency: string;
  total: number;
  createdAt: string;
  orderer: { name: string; residentIdMasked: string };
  recipient: { name: string; province: string; city: string };
  lines: { id: string; sku: string; name: string; quantity: number }[];
}
const FIELDS = `id number museumId status customsMode currency total createdAt orderer { name residentIdMasked }
  recipient { name province city } lines { id sku name quantity }`;

const page =
  (status: string | null): FetchPage<BrandOrderRecord> =>
  async (first, after, idsOnly) => {
    const r = await gql<{ brandOrders: CursorPage<BrandOrderRecord> }>(
      `query BrandOrders($first: Int, $after: String, $status: OrderStatus) {
        brandOrders(first: $first, after: $after, status: $status) { nodes { ${idsOnly ? 'id' : FIELDS} } ${PAGE_INFO} } }`,
      { first, after, status },
    );
    return r.brandOrders;
  };

export const brandOrdersData: ResourceHandler = {
  getList(params) {
    const status = (params.filter?.status as string | undefined) || null;
    return cursorList('brandOrders', params, { status }, page(status));
  },
  async getOne({ id }) {
    const r = await gql<{ order: BrandOrderRecord }>(`query BrandOrder($id: ID!) { order(id: $id) { ${FIELDS} } }`, { id });
    return { data: r.order };
  },
};
