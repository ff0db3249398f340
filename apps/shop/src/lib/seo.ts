// Canonical URLs, alternates per locale and Open Graph for pages.
import type { Metadata } from 'next';
import { LOCALES, OG_LOCALE, type ShopLocale } from '../i18n/locales';
import { shopOrigin } from './api/config';

interface PageDescription {
  title: string;
  description: string;
  image?: string | null;
  type?: 'website' | 'article';
}

/** A page's link-preview facts, plain: for the App Router's Metadata and the pages/ head alike. */
export interface PageMeta {
  title: string;
  description: string;
  canonical: string;
  /** Each locale's URL of the same page. */
  languages: Record<ShopLocale, string>;
  ogLocale: string;
  ogAlternateLocales: string[];
  type: 'website' | 'article';
  image: string | null;
}

/** `path` of one locale, e.g. (l) => routes.product(l, id). */
export function pageMeta(locale: ShopLocale, path: (l: ShopLocale) => string, page: PageDescription): PageMeta {
  return {
    title: page.title,
    description: page.description.replace(/\s+/g, ' ').trim().slice(0, 160),
    canonical: `${shopOrigin()}${path(locale)}`,
    languages: Object.fromEntries(LOCALES.map((l) => [l, `${shopOrigin()}${path(l)}`])) as Record<ShopLocale, string>,
    ogLocale: OG_LOCALE[locale],
    ogAlternateLocales: LOCALES.filter((l) => l !== locale).map((l) => OG_LOCALE[l]),
    type: page.type ?? 'website',
    image: page.image ?? null,
  };
}

/** `path` of one locale, e.g. (l) => routes.storefront(l, slug). */
export function pageMetadata(locale: ShopLocale, path: (l: ShopLocale) => string, page: PageDescription): Metadata {
  const m = pageMeta(locale, path, page);
  return {
    title: m.title,
    description: m.description,
    alternates: { canonical: m.canonical, languages: m.languages },
    openGraph: {
      title: m.title,
      description: m.description,
      url: m.canonical,
      type: m.type,
      locale: m.ogLocale,
      alternateLocale: m.ogAlternateLocales,
      images: m.image ? [{ url: m.image }] : undefined,
    },
    twitter: { card: m.image ? 'summary_large_image' : 'summary', title: m.title, description: m.description },
  };
}
