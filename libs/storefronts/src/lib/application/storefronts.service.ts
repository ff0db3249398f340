import { Injectable, Optional } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { NotFoundError } from '@vitrine/shared/kernel';
import { StorefrontRepository, type StorefrontRow } from '../infrastructure/storefront.repository';
import { ShopWindowCaches } from '@vitrine/shared/data-access';

/** The storefronts a shopper can visit: open ones only. */
@Injectable()
export class StorefrontsService {
  /**
   * Storefronts as the anonymous shop window shows them, reused for PUBLIC_CACHE_SECONDS (the
   * staleness the API's public response cache already allows): every product page names
   * its storefront, and twenty storefronts need not be read thousands of times a second.
   */
  private readonly shopWindow: LRUCache<string, StorefrontRow | 'none'> | null;

  constructor(
    private readonly storefronts: StorefrontRepository,
    @Optional() private readonly caches?: ShopWindowCaches,
  ) {
    const ttl = Number(process.env['PUBLIC_CACHE_SECONDS'] ?? 30) * 1000;
    // Bounded by bytes as well as entries: stories in three languages make rows of very different sizes.
    const shopWindow =
      Number.isFinite(ttl) && ttl > 0
        ? new LRUCache<string, StorefrontRow | 'none'>({ max: 10_000, maxSize: 4 * 2 ** 20, sizeCalculation: storefrontBytes, ttl })
        : null;
    this.shopWindow = shopWindow;
    if (shopWindow) this.caches?.register(() => shopWindow.clear());
  }

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

  /** As byMuseumIds, for anonymous shoppers: answers may be PUBLIC_CACHE_SECONDS old. */
  async shopWindowByMuseumIds(museumIds: readonly string[]): Promise<StorefrontRow[]> {
    const cache = this.shopWindow;
    if (!cache) return this.byMuseumIds(museumIds);
    const missing = museumIds.filter((id) => !cache.has(id));
    const found = new Map<string, StorefrontRow | 'none'>();
    if (missing.length) {
      const generation = this.caches?.generation ?? 0;
      for (const r of await this.storefronts.byMuseumIds(missing)) found.set(r.museumId, r);
      for (const id of missing) if (!found.has(id)) found.set(id, 'none');
      // Rows read before a purge that came meanwhile answer this request only.
      if (!this.caches || this.caches.unchangedSince(generation)) for (const [id, row] of found) cache.set(id, row);
    }
    return museumIds.flatMap((id) => {
      const row = found.get(id) ?? cache.get(id);
      return row && row !== 'none' ? [row] : [];
    });
  }
}

/** Rough UTF-16 size of a cached storefront row: its strings, plus a fixed overhead. */
function storefrontBytes(row: StorefrontRow | 'none'): number {
  if (row === 'none') return 64;
  let bytes = 256;
  for (const value of Object.values(row)) if (typeof value === 'string') bytes += 2 * value.length;
  return bytes + 40 * row.featuredCollectionIds.length;
}
