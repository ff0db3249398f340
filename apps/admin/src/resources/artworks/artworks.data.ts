import { gql } from '../../api/graphql';
import { listQuery, type FetchPage } from '../../data/cursor-pager';
import { toTextInput } from '../../data/localized';
import { cursorList, type ResourceHandler } from '../../data/resource-handler';
import { graphql } from '../../generated';
import type { ArtworkFieldsFragment } from '../../generated/graphql';
import { requireMuseumId } from '../../museum/current-museum';

/** A work of the collection; `periodName` is the date per locale (fr: the museum's own wording). */
graphql(`
  fragment ArtworkFields on ManagedArtwork {
    id
    museumId
    accessionNumber
    title { fr en zhCN }
    artist
    period
    periodName { fr en zhCN }
    creditLine
    imageUrl
    licensable
  }
`);
export type ArtworkRecord = ArtworkFieldsFragment;

const ARTWORKS = graphql(`
  query Artworks($museumId: ID!, $first: Int, $after: String, $search: String, $full: Boolean!) {
    artworksOfMuseum(museumId: $museumId, first: $first, after: $after, search: $search) {
      nodes { id ...ArtworkFields @include(if: $full) }
      pageInfo { endCursor hasNextPage }
      totalCount
    }
  }
`);
const ARTWORK = graphql(`
  query Artwork($id: ID!) { managedArtwork(id: $id) { ...ArtworkFields } }
`);
const CREATE_ARTWORK = graphql(`
  mutation CreateArtwork($input: CreateArtworkInput!) { createArtwork(input: $input) { ...ArtworkFields } }
`);
const UPDATE_ARTWORK = graphql(`
  mutation UpdateArtwork($input: UpdateArtworkInput!) { updateArtwork(input: $input) { ...ArtworkFields } }
`);
const DELETE_ARTWORK = graphql(`
  mutation DeleteArtwork($id: ID!) { deleteArtwork(id: $id) }
`);

const pageOf =
  (museumId: string, search: string | undefined): FetchPage<ArtworkRecord> =>
  listQuery<ArtworkRecord>('artworksOfMuseum', 'museumId', async (first, after, full) => {
    const r = await gql(ARTWORKS, { museumId, first, after, search: search || null, full });
    return r.artworksOfMuseum;
  });

const input = (data: Partial<ArtworkRecord>) => ({
  accessionNumber: data.accessionNumber?.trim() ?? '',
  title: toTextInput(data.title),
  artist: data.artist ?? '',
  period: data.period ?? '',
  periodName: { en: data.periodName?.en ?? '', zhCN: data.periodName?.zhCN ?? '' },
  creditLine: data.creditLine ?? '',
  imageUrl: data.imageUrl?.trim() || null,
  licensable: !!data.licensable,
});

const one = async (id: string | number) =>
  (await gql(ARTWORK, { id: String(id) })).managedArtwork;

export const artworksData: ResourceHandler = {
  getList: (params) => {
    const museumId = requireMuseumId();
    return cursorList('artworks', params, { museumId, q: params.filter?.q }, pageOf(museumId, params.filter?.q));
  },
  getOne: async ({ id }) => ({ data: await one(id) }),
  getMany: async ({ ids }) => ({ data: await Promise.all(ids.map(one)) }),
  async create({ data }) {
    const r = await gql(CREATE_ARTWORK, { input: { museumId: requireMuseumId(data.museumId), ...input(data) } });
    return { data: r.createArtwork };
  },
  async update({ id, data }) {
    const r = await gql(UPDATE_ARTWORK, { input: { id: String(id), ...input(data) } });
    return { data: r.updateArtwork };
  },
  async delete({ id, previousData }) {
    await gql(DELETE_ARTWORK, { id: String(id) });
    return { data: previousData ?? { id } };
  },
};
