import { Injectable } from '@nestjs/common';
import { NotFoundError, type Actor } from '@vitrine/shared/kernel';
import { isUuid } from '../domain/ids';
import { DirectoryRepository, type LicensableArtworkRow, type LicensingMuseumRow } from '../infrastructure/directory.repository';

/**
 * What a brand may license: museums with an open storefront and works flagged licensable.
 * A museum manager browses their own museum's licensable works (what brands see); a
 * museum whose storefront is not open is NOT_FOUND to brands.
 */
@Injectable()
export class BrowseLicensableWorksService {
  constructor(private readonly directory: DirectoryRepository) {}

  museums(take: number, afterSlug: string | null) {
    return this.directory.museumsOfferingLicensing(take, afterSlug);
  }

  async artworks(actor: Actor, q: { museumId: string; take: number; after: [string, string] | null; search?: string | null }) {
    await this.museumOffering(actor, q.museumId);
    return this.directory.licensableArtworks({ museumId: q.museumId, take: q.take, after: q.after, search: q.search?.trim() || undefined });
  }

  /** The museum, if it offers licensing to this caller; NOT_FOUND otherwise. */
  async museumOffering(actor: Actor, museumId: string): Promise<LicensingMuseumRow> {
    const museum = isUuid(museumId) ? await this.directory.museum(museumId) : null;
    const own = actor.role === 'PLATFORM_ADMIN' || (actor.role === 'MUSEUM_MANAGER' && actor.museumIds.includes(museumId));
    if (!museum || (!own && museum.storefrontStatus !== 'OPEN')) throw new NotFoundError('Museum');
    if (actor.role === 'MUSEUM_MANAGER' && !own) throw new NotFoundError('Museum');
    return museum;
  }

  /** Works by id, for loaders of works a caller can already see through a proposal. */
  artworksByIds(ids: readonly string[]): Promise<LicensableArtworkRow[]> {
    return this.directory.artworks(ids.filter(isUuid));
  }

  museumsByIds(ids: readonly string[]): Promise<LicensingMuseumRow[]> {
    return this.directory.museums(ids.filter(isUuid));
  }

  brandNames(ids: readonly string[]): Promise<Map<string, string>> {
    return this.directory.brandNames(ids.filter(isUuid));
  }
}
