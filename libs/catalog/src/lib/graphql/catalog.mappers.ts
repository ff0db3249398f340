import { pickLocale, type Locale } from '@vitrine/shared/graphql';
import { money } from '@vitrine/shared/kernel';
import { shopperPrice, type ShopperQuote } from '../domain/shopper-price';
import type { ArtworkRow } from '../infrastructure/artwork.repository';
import type { CollectionRow } from '../infrastructure/collection.repository';
import type { FxRateRow } from '../infrastructure/fx-rate.repository';
import type { MediaRow, ProductRow, VariantRow } from '../infrastructure/product.repository';
import {
  CrossBorderCategoryGql,
  NetContentUnitGql,
  ProductStatusGql,
  type ArtworkType,
  type CollectionType,
  type FxRateType,
  type ManagedArtworkType,
  type ManagedCollectionType,
  type ManagedProductType,
  type ManagedVariantType,
  type MediaType,
  type ProductType,
  type VariantType,
} from './catalog.types';

const localized = (fr: string, en: string, zh: string) => ({ fr, en, zhCN: zh });

/**
 * A shop-window product with its card's fields (price from, variants, media) answered here rather
 * than by a field resolver per product (issue 18). Without a quote (no FX rate: `quote` is the
 * error) the price fields throw it when read, as their resolvers did, and the others still
 * answer; `null`: the query asks no price.
 */
export function toProduct(row: ProductRow & { variants: VariantRow[]; media: MediaRow[] }, locale: Locale, quote: ShopperQuote | Error | null): ProductType {
  const fields = toProductFields(row, locale);
  const media = row.media.map(toMedia);
  if (quote && !(quote instanceof Error)) {
    return { ...fields, media, priceFrom: shopperPrice(row.minPriceEurCents, quote), variants: row.variants.map((v) => toVariant(v, quote)) };
  }
  const error = quote ?? new Error('a price the query did not ask for');
  const unpriced = {
    enumerable: true,
    get(): never {
      throw error;
    },
  };
  return Object.defineProperties({ ...fields, media }, { priceFrom: unpriced, variants: unpriced }) as ProductType;
}

function toProductFields(row: ProductRow, locale: Locale): Omit<ProductType, 'priceFrom' | 'variants' | 'media'> {
  return {
    id: row.id,
    museumId: row.museumId,
    name: pickLocale({ fr: row.nameFr, en: row.nameEn, zh: row.nameZh }, locale),
    description: pickLocale({ fr: row.descriptionFr, en: row.descriptionEn, zh: row.descriptionZh }, locale),
    category: row.category,
    crossBorderCategory: row.crossBorderCategory as CrossBorderCategoryGql,
    publishedAt: row.publishedAt,
    minPriceEurCents: row.minPriceEurCents,
    locale,
  };
}

export function toVariant(row: VariantRow, quote: ShopperQuote): VariantType {
  return {
    id: row.id,
    sku: row.sku,
    options: row.options,
    price: shopperPrice(row.priceMinor, quote),
    basePrice: money(row.priceMinor, row.currency),
    weightGrams: row.weightGrams,
    hsCode: row.hsCode,
    originCountry: row.originCountry,
    netContent: row.netContent ?? null,
    netContentUnit: (row.netContentUnit ?? null) as NetContentUnitGql | null,
  };
}

export function toMedia(row: MediaRow): MediaType {
  return { id: row.id, url: row.url, alt: row.alt, position: row.position };
}

export function toArtwork(row: ArtworkRow, locale: Locale): ArtworkType {
  return {
    id: row.id,
    accessionNumber: row.accessionNumber,
    title: pickLocale({ fr: row.titleFr, en: row.titleEn, zh: row.titleZh }, locale),
    artist: pickLocale({ fr: row.artist, en: row.artistEn, zh: row.artistZh }, locale),
    period: pickLocale({ fr: row.period, en: row.periodEn, zh: row.periodZh }, locale),
    creditLine: row.creditLine,
    imageUrl: row.imageUrl,
  };
}

export function toCollection(row: CollectionRow, locale: Locale): CollectionType {
  return { id: row.id, slug: row.slug, name: pickLocale({ fr: row.nameFr, en: row.nameEn, zh: row.nameZh }, locale) };
}

export function toFxRate(row: Omit<FxRateRow, 'createdAt'>): FxRateType {
  return { id: row.id, base: row.base, quote: row.quote, rate: row.rate, source: row.source, effectiveAt: row.effectiveAt };
}

export function toManagedProduct(row: ProductRow): ManagedProductType {
  return {
    id: row.id,
    museumId: row.museumId,
    status: row.status as ProductStatusGql,
    category: row.category,
    crossBorderCategory: row.crossBorderCategory as CrossBorderCategoryGql,
    name: localized(row.nameFr, row.nameEn, row.nameZh),
    description: localized(row.descriptionFr, row.descriptionEn, row.descriptionZh),
    popularity: row.popularity,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    publishedAt: row.publishedAt,
    nameZh: row.nameZh,
    descriptionZh: row.descriptionZh,
  };
}

export function toManagedVariant(row: VariantRow): ManagedVariantType {
  return {
    id: row.id,
    sku: row.sku,
    options: row.options,
    priceMinor: row.priceMinor,
    basePrice: money(row.priceMinor, row.currency),
    weightGrams: row.weightGrams,
    hsCode: row.hsCode,
    originCountry: row.originCountry,
    netContent: row.netContent ?? null,
    netContentUnit: (row.netContentUnit ?? null) as NetContentUnitGql | null,
  };
}

export function toManagedArtwork(row: ArtworkRow): ManagedArtworkType {
  return {
    id: row.id,
    museumId: row.museumId,
    accessionNumber: row.accessionNumber,
    title: localized(row.titleFr, row.titleEn, row.titleZh),
    artist: row.artist,
    artistName: localized(row.artist, row.artistEn, row.artistZh),
    period: row.period,
    periodName: localized(row.period, row.periodEn, row.periodZh),
    creditLine: row.creditLine,
    imageUrl: row.imageUrl,
    licensable: row.licensable,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export function toManagedCollection(row: CollectionRow): ManagedCollectionType {
  return {
    id: row.id,
    museumId: row.museumId,
    slug: row.slug,
    name: localized(row.nameFr, row.nameEn, row.nameZh),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
