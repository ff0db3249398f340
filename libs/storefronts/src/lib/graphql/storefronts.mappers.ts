import { pickLocale, type Locale } from '@vitrine/shared/graphql';
import type { MuseumRow } from '../infrastructure/museum.repository';
import type { StorefrontRow } from '../infrastructure/storefront.repository';
import { StorefrontStatusGql, type ManagedMuseumType, type ManagedStorefrontType, type StorefrontType } from './storefronts.types';

export function toStorefront(row: StorefrontRow, locale: Locale): StorefrontType {
  return {
    id: row.id,
    slug: row.slug,
    museumId: row.museumId,
    name: pickLocale({ fr: row.nameFr, en: row.nameEn, zh: row.nameZh }, locale),
    story: pickLocale({ fr: row.storyFr, en: row.storyEn, zh: row.storyZh }, locale),
    bannerUrl: row.bannerUrl,
    status: row.status as StorefrontStatusGql,
    featuredCollectionIds: row.featuredCollectionIds,
    locale,
  };
}

export function toManagedStorefront(row: StorefrontRow): ManagedStorefrontType {
  return {
    id: row.id,
    museumId: row.museumId,
    slug: row.slug,
    status: row.status as StorefrontStatusGql,
    name: { fr: row.nameFr, en: row.nameEn, zhCN: row.nameZh },
    story: { fr: row.storyFr, en: row.storyEn, zhCN: row.storyZh },
    bannerUrl: row.bannerUrl,
    featuredCollectionIds: row.featuredCollectionIds,
    autoBookCarrier: row.autoBookCarrier,
    customsCode: row.customsCode,
    customsName: row.customsName,
    updatedAt: row.updatedAt,
  };
}

export function toManagedMuseum(row: MuseumRow): ManagedMuseumType {
  return { ...row };
}
