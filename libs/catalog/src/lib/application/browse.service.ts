import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { NotFoundError, validate } from '@vitrine/shared/kernel';
import { isUuid } from '../domain/ids';
import { eurRangeForCny } from '../domain/price-range';
import { searchTerms } from '../domain/search-text';
import { ArtworkRepository, type ArtworkRow } from '../infrastructure/artwork.repository';
import { CollectionRepository, type CollectionRow } from '../infrastructure/collection.repository';
import { ProductRepository, type ProductCursor, type ProductRow, type VariantRow, type MediaRow } from '../infrastructure/product.repository';
import { FxRatesService } from './fx-rates.service';

export type ShopperSort = 'NEWEST' | 'PRICE_ASC' | 'PRICE_DESC' | 'POPULARITY';

export interface ShopperProductQuery {
  take: number;
  sort: ShopperSort;
  after: ProductCursor | null;
  storefrontSlug?: string | null;
  collectionId?: string | null;
  artworkId?: string | null;
  category?: string | null;
  minPriceCny?: number | null;
  maxPriceCny?: number | null;
  search?: string | null;
}

const EMPTY = { rows: [] as ProductRow[], total: 0 };

const filterSchema = z.object({
  storefrontSlug: z.string().max(60).nullish(),
  category: z.string().max(60).nullish(),
  minPriceCny: z.number().int().min(0).nullish(),
  maxPriceCny: z.number().int().min(0).nullish(),
  search: z.string().max(200).nullish(),
});

/**
 * What a shopper sees without signing in: published products of open storefronts, their
 * variants, media, credited works and collections. Every list field has a batch method
 * so a page costs a fixed number of queries.
 */
@Injectable()
export class BrowseService {
  constructor(
    private readonly products: ProductRepository,
    private readonly artworks: ArtworkRepository,
    private readonly collections: CollectionRepository,
    private readonly fx: FxRatesService,
  ) {}

  async listProducts(q: ShopperProductQuery): Promise<{ rows: ProductRow[]; total: number }> {
    validate(filterSchema, q, 'filter');
    // An id filter that is not an id matches nothing.
    if ((q.collectionId && !isUuid(q.collectionId)) || (q.artworkId && !isUuid(q.artworkId))) return EMPTY;
    let eur: { min?: number; max?: number } = {};
    if (q.minPriceCny != null || q.maxPriceCny != null) {
      const quote = await this.fx.shopperQuote();
      const range = eurRangeForCny({ minCny: q.minPriceCny, maxCny: q.maxPriceCny }, { rate: quote.fx.rate, marginBps: quote.marginBps }, quote.rounding);
      if (!range) return EMPTY;
      eur = range;
    }
    const terms = searchTerms(q.search);
    if (q.search && q.search.trim() && !terms.length) return EMPTY;
    return this.products.list({
      take: q.take,
      order: q.sort,
      after: q.after,
      publicOnly: true,
      museumSlug: q.storefrontSlug ?? undefined,
      collectionId: q.collectionId ?? undefined,
      artworkId: q.artworkId ?? undefined,
      category: q.category ?? undefined,
      minPriceEur: eur.min,
      maxPriceEur: eur.max,
      terms,
    });
  }

  async product(id: string): Promise<ProductRow> {
    const row = isUuid(id) ? await this.products.findPublic(id) : null;
    if (!row) throw new NotFoundError('Product');
    return row;
  }

  /** Works of an open storefront that credited products a shopper can buy. */
  artworksOfStorefront(slug: string, take: number, after: [string, string] | null) {
    return this.artworks.list({ museumIds: 'ALL', museumSlug: slug, withPublishedProducts: true, take, after });
  }

  variantsOf(productIds: readonly string[]): Promise<VariantRow[]> {
    return this.products.variantsOf(productIds);
  }

  mediaOf(productIds: readonly string[]): Promise<MediaRow[]> {
    return this.products.mediaOf(productIds);
  }

  /** Credited works per product, in the order of `productIds`. */
  async artworksOf(productIds: readonly string[]): Promise<ArtworkRow[][]> {
    const links = await this.products.artworkLinksOf(productIds);
    const works = links.length ? await this.artworks.findManyByIds([...new Set(links.map((l) => l.artworkId))]) : [];
    return joinLinks(productIds, links, (l) => l.artworkId, works);
  }

  async collectionsOf(productIds: readonly string[]): Promise<CollectionRow[][]> {
    const links = await this.products.collectionLinksOf(productIds);
    const rows = links.length ? await this.collections.findManyByIds([...new Set(links.map((l) => l.collectionId))]) : [];
    return joinLinks(productIds, links, (l) => l.collectionId, rows);
  }
}

function joinLinks<L extends { productId: string }, R extends { id: string }>(
  productIds: readonly string[],
  links: readonly L[],
  targetOf: (link: L) => string,
  rows: readonly R[],
): R[][] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const grouped = new Map<string, R[]>();
  for (const link of links) {
    const row = byId.get(targetOf(link));
    if (!row) continue;
    const list = grouped.get(link.productId) ?? [];
    list.push(row);
    grouped.set(link.productId, list);
  }
  return productIds.map((id) => grouped.get(id) ?? []);
}
