import { gql } from '../../api/graphql';
import type { CursorPage, FetchPage } from '../../data/cursor-pager';
import { LOCALIZED, toTextInput, type LocalizedText } from '../../data/localized';
import { cursorList, PAGE_INFO, type ResourceHandler } from '../../data/resource-handler';
import { requireMuseumId } from '../../museum/current-museum';

export interface ArtworkRecord {
  id: string;
  museumId: string;
  accessionNumber: string;
  title: LocalizedText;
  artist: string;
  period: string;
  /** The date per locale (fr: the museum's own wording). */
  periodName: LocalizedText;
  creditLine: string;
  imageUrl: string | null;
  licensable: boolean;
}
const FIELDS = `id museumId accessionNumber title { ${LOCALIZED} } artist period periodName { ${LOCALIZED} } creditLine imageUrl licensable`;

const pageOf =
  (museumId: string, search: string | undefined): FetchPage<ArtworkRecord> =>
  async (first, after, idsOnly) => {
    const r = await gql<{ artworksOfMuseum: CursorPage<ArtworkRecord> }>(
      `query Artworks($museumId: ID!, $first: Int, $after: String, $search: String) {
        artworksOfMuseum(museumId: $museumId, first: $first, after: $after, search: $search) { nodes { ${idsOnly ? 'id' : FIELDS} } ${PAGE_INFO} } }`,
      { museumId, first, after, search: search || null },
    );
    return r.artworksOfMuseum;
  };

const input = (data: Partial<ArtworkRecord>) => ({
  accessionNumber: data.accessionNumber?.trim(),
  title: toTextInput(data.title),
  artist: data.artist ?? '',
  period: data.period ?? '',
  periodName: { en: data.periodName?.en ?? '', zhCN: data.periodName?.zhCN ?? '' },
  creditLine: data.creditLine ?? '',
  imageUrl: data.imageUrl?.trim() || null,
  licensable: !!data.licensable,
});

const one = async (id: string | number) =>
  (await gql<{ managedArtwork: ArtworkRecord }>(`query Artwork($id: ID!) { managedArtwork(id: $id) { ${FIELDS} } }`, { id })).managedArtwork;

export const artworksData: ResourceHandler = {
  getList: (params) => {
    const museumId = requireMuseumId();
    return cursorList('artworks', params, { museumId, q: params.filter?.q }, pageOf(museumId, params.filter?.q));
  },
  getOne: async ({ id }) => ({ data: await one(id) }),
  getMany: async ({ ids }) => ({ data: await Promise.all(ids.map(one)) }),
  async create({ data }) {
    const r = await gql<{ createArtwork: ArtworkRecord }>(
      `mutation CreateArtwork($input: CreateArtworkInput!) { createArtwork(input: $input) { ${FIELDS} } }`,
      { input: { museumId: requireMuseumId(data.museumId), ...input(data) } },
    );
    return { data: r.createArtwork };
  },
  async update({ id, data }) {
    const r = await gql<{ updateArtwork: ArtworkRecord }>(
      `mutation UpdateArtwork($input: UpdateArtworkInput!) { updateArtwork(input: $input) { ${FIELDS} } }`,
      { input: { id, ...input(data) } },
    );
    return { data: r.updateArtwork };
  },
  async delete({ id, previousData }) {
    await gql(`mutation DeleteArtwork($id: ID!) { deleteArtwork(id: $id) }`, { id });
    return { data: previousData ?? { id } };
  },
};
