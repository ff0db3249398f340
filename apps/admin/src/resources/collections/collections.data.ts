import { gql } from '../../api/graphql';
import { listQuery, type FetchPage } from '../../data/cursor-pager';
import { toTextInput } from '../../data/localized';
import { cursorList, type ResourceHandler } from '../../data/resource-handler';
import { graphql } from '../../generated';
import type { CollectionFieldsFragment } from '../../generated/graphql';
import { requireMuseumId } from '../../museum/current-museum';

graphql(`
  fragment CollectionFields on ManagedCollection { id museumId slug name { fr en zhCN } }
`);
export type CollectionRecord = CollectionFieldsFragment;

const COLLECTIONS = graphql(`
  query Collections($museumId: ID!, $first: Int, $after: String, $full: Boolean!) {
    collectionsOfMuseum(museumId: $museumId, first: $first, after: $after) {
      nodes { id ...CollectionFields @include(if: $full) }
      pageInfo { endCursor hasNextPage }
      totalCount
    }
  }
`);
const COLLECTION = graphql(`
  query Collection($id: ID!) { managedCollection(id: $id) { ...CollectionFields } }
`);
const CREATE_COLLECTION = graphql(`
  mutation CreateCollection($input: CreateCollectionInput!) { createCollection(input: $input) { ...CollectionFields } }
`);
const UPDATE_COLLECTION = graphql(`
  mutation UpdateCollection($input: UpdateCollectionInput!) { updateCollection(input: $input) { ...CollectionFields } }
`);
const DELETE_COLLECTION = graphql(`
  mutation DeleteCollection($id: ID!) { deleteCollection(id: $id) }
`);

const pageOf =
  (museumId: string): FetchPage<CollectionRecord> =>
  listQuery<CollectionRecord>('collectionsOfMuseum', 'museumId', async (first, after, full) => {
    const r = await gql(COLLECTIONS, { museumId, first, after, full });
    return r.collectionsOfMuseum;
  });

const one = async (id: string | number) =>
  (await gql(COLLECTION, { id: String(id) })).managedCollection;

export const collectionsData: ResourceHandler = {
  getList: (params) => {
    const museumId = requireMuseumId();
    return cursorList('collections', params, { museumId }, pageOf(museumId));
  },
  getOne: async ({ id }) => ({ data: await one(id) }),
  getMany: async ({ ids }) => ({ data: await Promise.all(ids.map(one)) }),
  async create({ data }) {
    const r = await gql(CREATE_COLLECTION, { input: { museumId: requireMuseumId(data.museumId), slug: data.slug?.trim(), name: toTextInput(data.name) } });
    return { data: r.createCollection };
  },
  async update({ id, data }) {
    const r = await gql(UPDATE_COLLECTION, { input: { id: String(id), slug: data.slug?.trim(), name: toTextInput(data.name) } });
    return { data: r.updateCollection };
  },
  async delete({ id, previousData }) {
    await gql(DELETE_COLLECTION, { id: String(id) });
    return { data: previousData ?? { id } };
  },
};
