import { gql } from '../../api/graphql';
import type { CursorPage, FetchPage } from '../../data/cursor-pager';
import { cursorList, PAGE_INFO, type ResourceHandler } from '../../data/resource-handler';

export interface BrandRecord {
  id: string;
  slug: string;
  name: string;
  country: string;
  createdAt: string;
}
const FIELDS = 'id slug name country createdAt';

const pageOf: FetchPage<BrandRecord> = async (first, after, idsOnly) => {
  const r = await gql<{ brands: CursorPage<BrandRecord> }>(
    `query Brands($first: Int, $after: String) { brands(first: $first, after: $after) { nodes { ${idsOnly ? 'id' : FIELDS} } ${PAGE_INFO} } }`,
    { first, after },
  );
  return r.brands;
};

const one = async (id: string | number) =>
  (await gql<{ brand: BrandRecord }>(`query Brand($id: ID!) { brand(id: $id) { ${FIELDS} } }`, { id })).brand;

export const brandsData: ResourceHandler = {
  getList: (params) => cursorList('brands', params, {}, pageOf),
  getOne: async ({ id }) => ({ data: await one(id) }),
  getMany: async ({ ids }) => ({ data: await Promise.all(ids.map(one)) }),
  async create({ data }) {
    const r = await gql<{ createBrand: BrandRecord }>(
      `mutation CreateBrand($input: CreateBrandInput!) { createBrand(input: $input) { ${FIELDS} } }`,
      { input: { slug: data.slug, name: data.name, country: String(data.country ?? '').toUpperCase() } },
    );
    return { data: r.createBrand };
  },
};
