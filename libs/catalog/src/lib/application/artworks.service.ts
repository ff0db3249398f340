import { Injectable } from '@nestjs/common';
import { EMPTY_TEXT, NotFoundError, ValidationError, hasAnyText, isUuid, mergeLocalizedText, validate, managedMuseumScope, type Actor } from '@vitrine/shared/kernel';
import { artworkSchema, updateArtworkSchema } from '../domain/catalog.schemas';
import { searchTextOfColumns } from '../domain/search-text';
import { ArtworkRepository, type ArtworkRow } from '../infrastructure/artwork.repository';
import { ProductRepository } from '../infrastructure/product.repository';
import { assertManages } from './tenancy';

/**
 * Works of a museum's collection that products credit. A change to a work's title or artist
 * rewrites the search text of the products crediting it in the same transaction.
 */
@Injectable()
export class ArtworksService {
  constructor(
    private readonly artworks: ArtworkRepository,
    private readonly products: ProductRepository,
  ) {}

  list(actor: Actor, q: { museumId: string; take: number; after: [string, string] | null; search?: string | null }) {
    assertManages(actor, q.museumId, 'Museum');
    return this.artworks.list({ museumIds: [q.museumId], take: q.take, after: q.after, search: q.search?.trim() || undefined });
  }

  /** Works of any museum the actor manages, by id; for batch loaders. */
  async manyForActor(actor: Actor, ids: readonly string[]): Promise<ArtworkRow[]> {
    const scope = managedMuseumScope(actor);
    const rows = await this.artworks.findManyByIds(ids.filter(isUuid));
    return scope === 'ALL' ? rows : rows.filter((r) => scope.includes(r.museumId));
  }

  async get(actor: Actor, id: string): Promise<ArtworkRow> {
    const [row] = await this.manyForActor(actor, [id]);
    if (!row) throw new NotFoundError('Artwork');
    return row;
  }

  async create(actor: Actor, input: unknown): Promise<ArtworkRow> {
    const v = validate(artworkSchema, input);
    assertManages(actor, v.museumId, 'Museum');
    const title = mergeLocalizedText(EMPTY_TEXT, v.title);
    return this.artworks.create(v.museumId, {
      accessionNumber: v.accessionNumber,
      titleFr: title.fr,
      titleEn: title.en,
      titleZh: title.zh,
      artist: v.artist || v.artistName?.fr || '',
      artistEn: v.artistName?.en ?? '',
      artistZh: v.artistName?.zhCN ?? '',
      period: v.period || v.periodName?.fr || '',
      periodEn: v.periodName?.en ?? '',
      periodZh: v.periodName?.zhCN ?? '',
      creditLine: v.creditLine,
      imageUrl: v.imageUrl ?? null,
      licensable: v.licensable,
    });
  }

  async update(actor: Actor, input: unknown): Promise<ArtworkRow> {
    const v = validate(updateArtworkSchema, input);
    const current = await this.get(actor, v.id);
    const title = mergeLocalizedText({ fr: current.titleFr, en: current.titleEn, zh: current.titleZh }, v.title);
    if (!hasAnyText(title)) throw new ValidationError([{ path: 'input.title', message: 'needs text in at least one locale' }]);
    const productIds = await this.artworks.productIdsCrediting(current.id);
    return this.artworks.update(
      current.id,
      {
        ...(v.accessionNumber ? { accessionNumber: v.accessionNumber } : {}),
        titleFr: title.fr,
        titleEn: title.en,
        titleZh: title.zh,
        ...(v.artist != null ? { artist: v.artist } : v.artistName?.fr != null ? { artist: v.artistName.fr } : {}),
        ...(v.artistName?.en != null ? { artistEn: v.artistName.en } : {}),
        ...(v.artistName?.zhCN != null ? { artistZh: v.artistName.zhCN } : {}),
        ...(v.period != null ? { period: v.period } : v.periodName?.fr != null ? { period: v.periodName.fr } : {}),
        ...(v.periodName?.en != null ? { periodEn: v.periodName.en } : {}),
        ...(v.periodName?.zhCN != null ? { periodZh: v.periodName.zhCN } : {}),
        ...(v.creditLine != null ? { creditLine: v.creditLine } : {}),
        ...(v.imageUrl !== undefined ? { imageUrl: v.imageUrl } : {}),
        ...(v.licensable != null ? { licensable: v.licensable } : {}),
      },
      (tx) => this.products.refreshSearchText(tx, productIds, searchTextOfColumns),
    );
  }

  /** Deleting a work un-credits it from its products (their search text follows). */
  async delete(actor: Actor, id: string): Promise<boolean> {
    const current = await this.get(actor, id);
    const productIds = await this.artworks.productIdsCrediting(current.id);
    await this.artworks.delete(current.id, (tx) => this.products.refreshSearchText(tx, productIds, searchTextOfColumns));
    return true;
  }
}
