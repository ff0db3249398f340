import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@vitrine/shared/kernel';
import { StorefrontRepository, type StorefrontRow } from '../infrastructure/storefront.repository';

/** The storefronts a shopper can visit: open ones only. */
@Injectable()
export class StorefrontsService {
  constructor(private readonly storefronts: StorefrontRepository) {}

  listOpen(take: number, afterSlug: string | null) {
    return this.storefronts.listOpen({ take, afterSlug });
  }

  async openBySlug(slug: string): Promise<StorefrontRow> {
    const row = await this.storefronts.findOpenBySlug(slug);
    if (!row) throw new NotFoundError('Storefront');
    return row;
  }

  /**
   * Storefronts by museum, whatever their status, for batch loaders of objects whose own
   * visibility was already checked (a published product lives in an open storefront).
   */
  byMuseumIds(museumIds: readonly string[]): Promise<StorefrontRow[]> {
    return this.storefronts.byMuseumIds(museumIds);
  }
}
