// The shop window's reads (storefronts, works, collections, products), in the page's locale.
// Reads are React `cache`d: a page's generateMetadata and body share one API request.
// They are anonymous (no access token): the same for every shopper, so the pages built from
// them may be replayed by a shared HTTP cache (proxy.ts, ADR 0015).
import { headers } from 'next/headers';
import { cache } from 'react';
import { toApiLocale, type ShopLocale } from '../../i18n/locales';
import { gql } from './client';
import { ARTWORK, CARD, readProduct } from './product-read';
import type { MoneyValue } from '../format/money';

export interface CollectionRef {
  id: string;
  slug: string;
  name: string;
}

export interface StorefrontSummary {
  id: string;
  slug: string;
  name: string;
  story: string;
  bannerUrl: string | null;
  museumId: string;
}

export interface Storefront extends StorefrontSummary {
  featuredCollections: CollectionRef[];
  collections: CollectionRef[];
}

export interface Artwork {
  id: string;
  accessionNumber: string;
  title: string;
  artist: string;
  period: string;
  creditLine: string;
  imageUrl: string | null;
}

export interface MediaItem {
  id: string;
  url: string;
  alt: string;
  position: number;
}

export interface ProductCardData {
  id: string;
  name: string;
  category: string;
  priceFrom: MoneyValue;
  inStock: boolean;
  coBrandedWith: string | null;
  media: MediaItem[];
  storefront: { slug: string; name: string };
}

export interface Variant {
  id: string;
  sku: string;
  options: Record<string, string>;
  price: MoneyValue;
  originCountry: string;
}

export interface VariantOffer {
  variantId: string;
  inStock: boolean;
  lowStock: boolean;
  taxEstimate: MoneyValue | null;
}

export interface ProductDetail extends ProductCardData {
  description: string;
  shortCode: string;
  crossBorderCategory: string;
  fx: { rate: string; base: string; quote: string };
  variants: Variant[];
  offers: VariantOffer[];
  inspiredBy: Artwork[];
  collections: CollectionRef[];
  storefront: { slug: string; name: string; story: string };
}

export type ProductSort = 'NEWEST' | 'POPULARITY' | 'PRICE_ASC' | 'PRICE_DESC';
export const PRODUCT_SORTS: readonly ProductSort[] = ['NEWEST', 'POPULARITY', 'PRICE_ASC', 'PRICE_DESC'];

export interface ProductFilter {
  search?: string;
  storefrontSlug?: string;
  category?: string;
  collectionId?: string;
  artworkId?: string;
  minPriceCny?: number;
  maxPriceCny?: number;
  /** Only products with a variant available now (the API filters in its query). */
  inStock?: boolean;
}

const ANONYMOUS = { auth: false } as const;

export const storefronts = cache(async (locale: ShopLocale): Promise<StorefrontSummary[]> => {
  const q = `query Storefronts($locale: Locale) { storefronts(first: 100, locale: $locale) { nodes { id slug name story bannerUrl museumId } } }`;
  return (await gql<{ storefronts: { nodes: StorefrontSummary[] } }>(q, { locale: toApiLocale(locale) }, ANONYMOUS)).storefronts.nodes;
});

export const storefront = cache(async (locale: ShopLocale, slug: string): Promise<Storefront> => {
  const q = `query Storefront($slug: String!, $locale: Locale) {
    storefront(slug: $slug, locale: $locale) { id slug name story bannerUrl museumId featuredCollections { id slug name } collections { id slug name } }
  }`;
  return (await gql<{ storefront: Storefront }>(q, { slug, locale: toApiLocale(locale) }, ANONYMOUS)).storefront;
});

export const artworksOf = cache(async (locale: ShopLocale, slug: string, first = 100): Promise<Artwork[]> => {
  const q = `query Works($slug: String!, $locale: Locale, $first: Int) { artworks(storefrontSlug: $slug, first: $first, locale: $locale) { nodes { ${ARTWORK} } } }`;
  return (await gql<{ artworks: { nodes: Artwork[] } }>(q, { slug, first, locale: toApiLocale(locale) }, ANONYMOUS)).artworks.nodes;
});

export interface ProductList {
  nodes: ProductCardData[];
  totalCount: number;
  endCursor: string | null;
  hasNextPage: boolean;
}

export async function products(locale: ShopLocale, filter: ProductFilter, options: { first?: number; after?: string | null; sort?: ProductSort } = {}): Promise<ProductList> {
  const q = `query Products($filter: ProductFilter, $first: Int, $after: String, $sort: ProductSort, $locale: Locale) {
    products(filter: $filter, first: $first, after: $after, sort: $sort, locale: $locale) { totalCount pageInfo { hasNextPage endCursor } nodes { ${CARD} } }
  }`;
  const { products: page } = await gql<{ products: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: ProductCardData[] } }>(q, {
    filter,
    first: options.first ?? 24,
    after: options.after ?? null,
    sort: options.sort ?? 'NEWEST',
    locale: toApiLocale(locale),
  }, ANONYMOUS);
  return { nodes: page.nodes, totalCount: page.totalCount, endCursor: page.pageInfo.endCursor, hasNextPage: page.pageInfo.hasNextPage };
}

/** A product with everything its page shows (the drop page's piece); the product page itself, in pages/, calls readProduct. */
export const product = cache(async (locale: ShopLocale, id: string): Promise<ProductDetail> => readProduct(locale, id, { forwardedFor: (await headers()).get('x-forwarded-for'), accessToken: null }));

export async function productIdByShortCode(code: string): Promise<string> {
  return (await gql<{ productIdByShortCode: string }>(`query Short($code: String!) { productIdByShortCode(code: $code) }`, { code }, ANONYMOUS)).productIdByShortCode;
}

export { isId } from './product-read';
