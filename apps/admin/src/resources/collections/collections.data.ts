import { gql } from '../../api/graphql';
import { ApiError } from '../../api/errors';
import type { CursorPage, FetchPage } from '../../data/cursor-pager';
import { LOCALIZED, toTextInput, type LocalizedText } from '../../data/localized';
import { cursorList, PAGE_INFO, type ResourceHandler } from '../../data/resource-handler';
import { getCurrentMuseumId, requireMuseumId } from '../../museum/current-museum';

export interface CollectionRecord {
  id: string;
  museumId: string;
  slug: string;
  name: LocalizedText;
}
const FIELDS = `id museumId slug name { ${LOCALIZED} }`;

const pageOf =
  (museumId: string): FetchPage<CollectionRecord> =>
  async (first, after, idsOnly) => {
    const r = await gql<{ collectionsOfMuseum: CursorPage<CollectionRecord> }>(
      `query Collections($museumId: ID!, $first: Int, $after: String) {
        collectionsOfMuseum(museumId: $museumId, first: $first, after: $after) { nodes { ${idsOnly ? 'id' : FIELDS} } ${PAGE_INFO} } }`,
      { museumId, first, after },
    );
    return r.collectionsOfMuseum;
  };

export async function collectionsOf(museumId: string): Promise<CollectionRecord[]> {
  const out: CollectionRecord[] = [];
  let after: string | null = null;
  for (let i = 0; i < 50; i++) {
    const r = await pageOf(museumId)(100, after, false);
    out.push(...r.nodes);
    if (!r.pageInfo.hasNextPage) break;
    after = r.pageInfo.endCursor;
  }
  return out;
}

export const collectionsData: ResourceHandler = {
  getList: (params) => {
    const museumId = requireMuseumId();
    return cursorList('collections', params, { museumId }, pageOf(museumId));
  },
  // No collection(id) query in the API: found among the museum's collections.
  async getOne({ id }) {
    const hit = (await collectionsOf(requireMuseumId())).find((c) => c.id === id);
    if (!hit) throw new ApiError('vitrine.errors.not_found', 'NOT_FOUND', 404, {});
    return { data: hit };
  },
  async getMany({ ids }) {
    const museumId = getCurrentMuseumId();
    if (!museumId) return { data: [] };
    const wanted = new Set(ids.map(String));
    return { data: (await collectionsOf(museumId)).filter((c) => wanted.has(c.id)) };
  },
  async create({ data }) {
    const r = await gql<{ createCollection: CollectionRecord }>(
      `mutation CreateCollection($input: CreateCollectionInput!) { createCollection(input: $input) { ${FIELDS} } }`,
      { input: { museumId: requireMuseumId(data.museumId), slug: data.slug?.trim(), name: toTextInput(data.name) } },
    );
    return { data: r.createCollection };
  },
  async update({ id, data }) {
    const r = await gql<{ updateCollection: CollectionRecord }>(
      `mutation UpdateCollection($input: UpdateCollectionInput!) { updateCollection(input: $input) { ${FIELDS} } }`,
      { input: { id, slug: data.slug?.trim(), name: toTextInput(data.name) } },
    );
    return { data: r.updateCollection };
  },
  async delete({ id, previousData }) {
    await gql(`mutation DeleteCollection($id: ID!) { deleteCollection(id: $id) }`, { id });
    return { data: previousData ?? { id } };
  },
};
