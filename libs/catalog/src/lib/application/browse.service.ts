import { Inject, Injectable, Optional } from '@nestjs/common';
import DataLoader from 'dataloader';
import { LRUCache } from 'lru-cache';
import { z } from 'zod';
import { staleReadsAllowed, ShopWindowCaches } from '@vitrine/shared/data-access';
import { NotFoundError, isUuid, validate, groupByKeys } from '@vitrine/shared/kernel';
import { eurRangeForCny } from '../domain/price-range';
import { ArtworkRepository, type ArtworkRow } from '../infrastructure/artwork.repository';
import { CollectionRepository, type CollectionRow } from '../infrastructure/collection.repository';
import { ProductRepository, type ProductCardRow, type ProductCursor, type ProductListQuery, type VariantRow, type MediaRow, type ProductDetailRow } from '../infrastructure/product.repository';
import { CATALOG_SETTINGS, type CatalogSettings } from './catalog-settings';
import { FxRatesService } from './fx-rates.service';
import { ProductCardCache } from './product-card-cache';
import { SearchService } from './search.service';

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
  /** Only products with a variant available now. */
  inStock?: boolean | null;
}

/** A list page: its rows (with the variants and media of each card) and its total, counted only if asked for. */
export interface ShopperProductPage {
  rows: ProductCardRow[];
  total: () => Promise<number>;
}

const EMPTY: ShopperProductPage = { rows: [], total: () => Promise.resolve(0) };

/** Totals kept per filter: at most this many bytes of keys (a key is the filter's JSON). */
const TOTALS_MAX_BYTES = 2 * 2 ** 20;

const filterSchema = z.object({
  storefrontSlug: z.string().max(60).nullish(),
  category: z.string().max(60).nullish(),
  minPriceCny: z.number().int().min(0).nullish(),
  maxPriceCny: z.number().int().min(0).nullish(),
  search: z.string().max(200).nullish(),
  inStock: z.boolean().nullish(),
});

/**
 * What a shopper sees without signing in: published products of open storefronts, their
 * variants, media, credited works and collections. Every list field has a batch method
 * so a page costs a fixed number of queries.
 */
@Injectable()
export class BrowseService {
  /**
   * Totals of public lists by filter, kept until the catalogue changes (a back-office write
   * clears them, ShopWindowCaches) or `publicStaleMs` passes: counting every match costs more
   * than the page, and a shopper's app asks for it on the first page only.
   */
  private readonly totals: LRUCache<string, Promise<number>> | null;

  /** Cards of list pages by (id, updated_at), with the totals' bound and clears; null with the shop window's caches off. */
  private readonly cards: ProductCardCache | null;

  /**
   * Product pages asked for at the same moment by different requests are read in one
   * statement: public data only, batched per tick and never cached here (cache: false), so
   * each request still sees the database as it is. Under a burst of shoppers opening
   * different products this saves most of the round trips. Requests whose reads may be stale
   * (served by the read replica, PrismaService.staleTolerant) batch apart from the others, so a
   * batch is read where each of its requests may read.
   */
  private readonly pages = new DataLoader<string, ProductDetailRow | null>((ids) => this.products.findPublicDetails(ids), { cache: false, maxBatchSize: 100 });
  private readonly stalePages = new DataLoader<string, ProductDetailRow | null>((ids) => this.products.findPublicDetails(ids), { cache: false, maxBatchSize: 100 });

  constructor(
    private readonly products: ProductRepository,
    private readonly artworks: ArtworkRepository,
    private readonly collections: CollectionRepository,
    private readonly fx: FxRatesService,
    private readonly search: SearchService,
    @Inject(CATALOG_SETTINGS) settings: CatalogSettings,
    @Optional() private readonly caches?: ShopWindowCaches,
  ) {
    const totals =
      settings.publicStaleMs > 0
        ? new LRUCache<string, Promise<number>>({ max: 10_000, maxSize: TOTALS_MAX_BYTES, sizeCalculation: (_v, key) => 2 * key.length + 64, ttl: settings.publicStaleMs })
        : null;
    this.totals = totals;
    if (totals) caches?.register(() => totals.clear());
    const cards = settings.publicStaleMs > 0 ? new ProductCardCache(settings.publicStaleMs) : null;
    this.cards = cards;
    if (cards) caches?.register(() => cards.clear());
  }

  /**
   * One page of the shop window in one statement (the products with their variants and
   * media); the total is counted only when the caller asks for it, once per filter.
   */
  async listProducts(q: ShopperProductQuery): Promise<ShopperProductPage> {
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
    const match = await this.search.match(q.search);
    if (match.kind === 'NOTHING') return EMPTY;
    const filter = {
      publicOnly: true,
      museumSlug: q.storefrontSlug ?? undefined,
      collectionId: q.collectionId ?? undefined,
      artworkId: q.artworkId ?? undefined,
      category: q.category ?? undefined,
      minPriceEur: eur.min,
      maxPriceEur: eur.max,
      match: match.kind === 'MATCH' ? match.tsquery : undefined,
      inStock: q.inStock ? true : undefined,
    };
    const page = { ...filter, take: q.take, order: q.sort, after: q.after };
    const rows = this.cards ? await this.cardsOf(this.cards, page) : await this.products.publicPage(page);
    // A short first page holds every match: no need to count them.
    const known = q.after === null && rows.length <= q.take ? rows.length : null;
    return { rows, total: () => (known !== null ? Promise.resolve(known) : this.total(filter)) };
  }

  /**
   * A page's rows by their keys, the cards taken from memory at the version just read and the
   * others read in one statement (none once the cards are held). A card read while the shop
   * window's caches were cleared is used for this answer but not kept (ShopWindowCaches.generation).
   */
  private async cardsOf(cards: ProductCardCache, page: Parameters<ProductRepository['publicPageKeys']>[0]): Promise<ProductCardRow[]> {
    const generation = this.caches?.generation;
    const keys = await this.products.publicPageKeys(page);
    const rows: (ProductCardRow | undefined)[] = keys.map((k) => cards.get(k));
    const missing = keys.filter((_k, i) => !rows[i]).map((k) => k.id);
    if (!missing.length) return rows as ProductCardRow[];
    const read = new Map((await this.products.publicCards(missing)).map((c) => [c.id, c]));
    const keep = generation === undefined || this.caches!.unchangedSince(generation);
    const out: ProductCardRow[] = [];
    for (const [i, k] of keys.entries()) {
      const card = rows[i] ?? read.get(k.id);
      // Gone between the two statements (deleted): as if the page had been read a moment later.
      if (!card) continue;
      if (!rows[i] && keep) cards.set(card);
      out.push(card);
    }
    return out;
  }

  private total(filter: Omit<ProductListQuery, 'take' | 'order' | 'after'>): Promise<number> {
    if (!this.totals) return this.products.count(filter);
    const key = JSON.stringify(filter);
    let total = this.totals.get(key);
    if (!total) {
      total = this.products.count(filter);
      this.totals.set(key, total);
      total.catch(() => this.totals?.delete(key));
    }
    return total;
  }

  /** A published product with its variants, media and credited works (one statement). */
  async product(id: string): Promise<ProductDetailRow> {
    const row = isUuid(id) ? await (staleReadsAllowed() ? this.stalePages : this.pages).load(id) : null;
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
    return groupByKeys(productIds, await this.artworks.creditedBy(productIds), (w) => w.productId);
  }

  async collectionsOf(productIds: readonly string[]): Promise<CollectionRow[][]> {
    return groupByKeys(productIds, await this.collections.ofProducts(productIds), (c) => c.productId);
  }
}
