import { gql } from '../../api/graphql';
import type { CursorPage, FetchPage } from '../../data/cursor-pager';
import { LOCALIZED, toTextInput, type LocalizedText } from '../../data/localized';
import { cursorList, PAGE_INFO, type ResourceHandler } from '../../data/resource-handler';
import { requireMuseumId } from '../../museum/current-museum';

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

const one = async (id: string | number) =>
  (await gql<{ managedCollection: CollectionRecord }>(`query Collection($id: ID!) { managedCollection(id: $id) { ${FIELDS} } }`, { id })).managedCollection;

export const collectionsData: ResourceHandler = {
  getList: (params) => {
    const museumId = requireMuseumId();
    return cursorList('collections', params, { museumId }, pageOf(museumId));
  },
  getOne: async ({ id }) => ({ data: await one(id) }),
  getMany: async ({ ids }) => ({ data: await Promise.all(ids.map(one)) }),
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
