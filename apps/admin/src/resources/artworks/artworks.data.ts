import { gql } from '../../api/graphql';
import { ApiError } from '../../api/errors';
import type { CursorPage, FetchPage } from '../../data/cursor-pager';
import { LOCALIZED, toTextInput, type LocalizedText } from '../../data/localized';
import { cursorList, PAGE_INFO, type ResourceHandler } from '../../data/resource-handler';
import { getCurrentMuseumId, requireMuseumId } from '../../museum/current-museum';

export interface ArtworkRecord {
  id: string;
  museumId: string;
  accessionNumber: string;
  title: LocalizedText;
  artist: string;
  period: string;
  creditLine: string;
  imageUrl: string | null;
  licensable: boolean;
}
const FIELDS = `id museumId accessionNumber title { ${LOCALIZED} } artist period creditLine imageUrl licensable`;

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
  creditLine: data.creditLine ?? '',
  imageUrl: data.imageUrl?.trim() || null,
  licensable: !!data.licensable,
});

async function all(museumId: string): Promise<ArtworkRecord[]> {
  const out: ArtworkRecord[] = [];
  let after: string | null = null;
  for (let i = 0; i < 50; i++) {
    const r = await pageOf(museumId, undefined)(100, after, false);
    out.push(...r.nodes);
    if (!r.pageInfo.hasNextPage) break;
    after = r.pageInfo.endCursor;
  }
  return out;
}

export const artworksData: ResourceHandler = {
  getList: (params) => {
    const museumId = requireMuseumId();
    return cursorList('artworks', params, { museumId, q: params.filter?.q }, pageOf(museumId, params.filter?.q));
  },
  // The API has no artwork(id) query: found among the museum's works.
  async getOne({ id }) {
    const hit = (await all(requireMuseumId())).find((a) => a.id === id);
    if (!hit) throw new ApiError('vitrine.errors.not_found', 'NOT_FOUND', 404, {});
    return { data: hit };
  },
  async getMany({ ids }) {
    const museumId = getCurrentMuseumId();
    if (!museumId) return { data: [] };
    const wanted = new Set(ids.map(String));
    return { data: (await all(museumId)).filter((a) => wanted.has(a.id)) };
  },
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
