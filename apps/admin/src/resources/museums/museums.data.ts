import { gql } from '../../api/graphql';
import { graphql } from '../../generated';
import type { MuseumFieldsFragment } from '../../generated/graphql';
import { toTextInput } from '../../data/localized';
import { listQuery, type FetchPage } from '../../data/cursor-pager';
import { cursorList, type ResourceHandler } from '../../data/resource-handler';

graphql(`
  fragment MuseumFields on ManagedMuseum {
    id
    slug
    legalName
    country
    storefront { id status name { fr en zhCN } }
  }
`);
export type MuseumRecord = MuseumFieldsFragment;

const MUSEUMS = graphql(`
  query Museums($first: Int, $after: String, $search: String, $full: Boolean!) {
    museums(first: $first, after: $after, search: $search) {
      nodes { id ...MuseumFields @include(if: $full) }
      pageInfo { endCursor hasNextPage }
      totalCount
    }
  }
`);
const MY_MUSEUMS = graphql(`
  query MyMuseums { myMuseums { ...MuseumFields } }
`);
const MUSEUM = graphql(`
  query Museum($id: ID!) { museum(id: $id) { ...MuseumFields } }
`);
const CREATE_MUSEUM = graphql(`
  mutation CreateMuseum($input: CreateMuseumInput!) { createMuseum(input: $input) { ...MuseumFields } }
`);
const UPDATE_MUSEUM = graphql(`
  mutation UpdateMuseum($input: UpdateMuseumInput!) { updateMuseum(input: $input) { ...MuseumFields } }
`);

const pageOf =
  (search: string | undefined): FetchPage<MuseumRecord> =>
  listQuery<MuseumRecord>('museums', 'slug', async (first, after, full) => {
    const r = await gql(MUSEUMS, { first, after, search: search || null, full });
    return r.museums;
  });

/** Every museum, for pickers (an operator's list is short: hundreds at most). */
export async function allMuseums(): Promise<MuseumRecord[]> {
  const out: MuseumRecord[] = [];
  let after: string | null = null;
  for (let i = 0; i < 50; i++) {
    const r = await pageOf(undefined).full(100, after);
    out.push(...r.nodes);
    if (!r.pageInfo.hasNextPage) break;
    after = r.pageInfo.endCursor;
  }
  return out;
}

/** The museums the signed-in user manages (an operator: all of them). */
export async function myMuseums(): Promise<MuseumRecord[]> {
  return (await gql(MY_MUSEUMS)).myMuseums;
}

const one = async (id: string | number) =>
  (await gql(MUSEUM, { id: String(id) })).museum;

export const museumsData: ResourceHandler = {
  getList: (params) => cursorList('museums', params, params.filter, pageOf(params.filter?.q)),
  getOne: async ({ id }) => ({ data: await one(id) }),
  getMany: async ({ ids }) => ({ data: await Promise.all(ids.map(one)) }),
  async create({ data }) {
    const r = await gql(
      CREATE_MUSEUM,
      {
        input: {
          slug: data.slug,
          legalName: data.legalName,
          country: String(data.country ?? '').toUpperCase(),
          name: toTextInput(data.storefront?.name),
        },
      },
      { mapField: (p) => (p.startsWith('name') ? `storefront.${p}` : p) },
    );
    return { data: r.createMuseum };
  },
  async update({ id, data }) {
    const r = await gql(UPDATE_MUSEUM, { input: { id: String(id), legalName: data.legalName, country: String(data.country ?? '').toUpperCase() } });
    return { data: r.updateMuseum };
  },
};
