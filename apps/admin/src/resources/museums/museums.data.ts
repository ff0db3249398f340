import { gql } from '../../api/graphql';
import type { CursorPage, FetchPage } from '../../data/cursor-pager';
import { LOCALIZED, toTextInput, type LocalizedText } from '../../data/localized';
import { cursorList, PAGE_INFO, type ResourceHandler } from '../../data/resource-handler';

export interface MuseumRecord {
  id: string;
  slug: string;
  legalName: string;
  country: string;
  storefront: { id: string; status: string; name: LocalizedText } | null;
}
export const MUSEUM_FIELDS = `id slug legalName country storefront { id status name { ${LOCALIZED} } }`;

const pageOf =
  (search: string | undefined): FetchPage<MuseumRecord> =>
  async (first, after, idsOnly) => {
    const r = await gql<{ museums: CursorPage<MuseumRecord> }>(
      `query Museums($first: Int, $after: String, $search: String) {
        museums(first: $first, after: $after, search: $search) { nodes { ${idsOnly ? 'id' : MUSEUM_FIELDS} } ${PAGE_INFO} } }`,
      { first, after, search: search || null },
    );
    return r.museums;
  };

/** Every museum, for pickers (an operator's list is short: hundreds at most). */
export async function allMuseums(): Promise<MuseumRecord[]> {
  const out: MuseumRecord[] = [];
  let after: string | null = null;
  for (let i = 0; i < 50; i++) {
    const r = await pageOf(undefined)(100, after, false);
    out.push(...r.nodes);
    if (!r.pageInfo.hasNextPage) break;
    after = r.pageInfo.endCursor;
  }
  return out;
}

/** The museums the signed-in user manages (an operator: all of them). */
export async function myMuseums(): Promise<MuseumRecord[]> {
  const r = await gql<{ myMuseums: MuseumRecord[] }>(`query MyMuseums { myMuseums { ${MUSEUM_FIELDS} } }`);
  return r.myMuseums;
}

const one = async (id: string | number) =>
  (await gql<{ museum: MuseumRecord }>(`query Museum($id: ID!) { museum(id: $id) { ${MUSEUM_FIELDS} } }`, { id })).museum;

export const museumsData: ResourceHandler = {
  getList: (params) => cursorList('museums', params, params.filter, pageOf(params.filter?.q)),
  getOne: async ({ id }) => ({ data: await one(id) }),
  getMany: async ({ ids }) => ({ data: await Promise.all(ids.map(one)) }),
  async create({ data }) {
    const r = await gql<{ createMuseum: MuseumRecord }>(
      `mutation CreateMuseum($input: CreateMuseumInput!) { createMuseum(input: $input) { ${MUSEUM_FIELDS} } }`,
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
    const r = await gql<{ updateMuseum: MuseumRecord }>(
      `mutation UpdateMuseum($input: UpdateMuseumInput!) { updateMuseum(input: $input) { ${MUSEUM_FIELDS} } }`,
      { input: { id, legalName: data.legalName, country: String(data.country ?? '').toUpperCase() } },
    );
    return { data: r.updateMuseum };
  },
};
