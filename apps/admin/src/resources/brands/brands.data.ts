import { gql } from '../../api/graphql';
import { listQuery, type FetchPage } from '../../data/cursor-pager';
import { cursorList, type ResourceHandler } from '../../data/resource-handler';
import { graphql } from '../../generated';
import type { BrandFieldsFragment } from '../../generated/graphql';

graphql(`
  fragment BrandFields on Brand { id slug name country createdAt }
`);
export type BrandRecord = BrandFieldsFragment;

const BRANDS = graphql(`
  query Brands($first: Int, $after: String, $full: Boolean!) {
    brands(first: $first, after: $after) {
      nodes { id ...BrandFields @include(if: $full) }
      pageInfo { endCursor hasNextPage }
      totalCount
    }
  }
`);
const BRAND = graphql(`
  query Brand($id: ID!) { brand(id: $id) { ...BrandFields } }
`);
const CREATE_BRAND = graphql(`
  mutation CreateBrand($input: CreateBrandInput!) { createBrand(input: $input) { ...BrandFields } }
`);

const pageOf: FetchPage<BrandRecord> = listQuery<BrandRecord>('brands', 'slug', async (first, after, full) => {
  const r = await gql(BRANDS, { first, after, full });
  return r.brands;
});

const one = async (id: string | number) => (await gql(BRAND, { id: String(id) })).brand;

export const brandsData: ResourceHandler = {
  getList: (params) => cursorList('brands', params, {}, pageOf),
  getOne: async ({ id }) => ({ data: await one(id) }),
  getMany: async ({ ids }) => ({ data: await Promise.all(ids.map(one)) }),
  async create({ data }) {
    const r = await gql(CREATE_BRAND, {
      input: { slug: data.slug, name: data.name, country: String(data.country ?? '').toUpperCase() },
    });
    return { data: r.createBrand };
  },
};
