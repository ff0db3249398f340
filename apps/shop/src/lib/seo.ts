// Canonical URLs, alternates per locale and Open Graph for pages.
import type { Metadata } from 'next';
import { LOCALES, OG_LOCALE, type ShopLocale } from '../i18n/locales';
import { shopOrigin } from './api/config';

/** `path` of one locale, e.g. (l) => routes.product(l, id). */
export function pageMetadata(
  locale: ShopLocale,
  path: (l: ShopLocale) => string,
  page: { title: string; description: string; image?: string | null; type?: 'website' | 'article' },
): Metadata {
  const url = `${shopOrigin()}${path(locale)}`;
  const description = page.description.replace(/\s+/g, ' ').trim().slice(0, 160);
  return {
    title: page.title,
    description,
    alternates: { canonical: url, languages: Object.fromEntries(LOCALES.map((l) => [l, `${shopOrigin()}${path(l)}`])) },
    openGraph: {
      title: page.title,
      description,
      url,
      type: page.type ?? 'website',
      locale: OG_LOCALE[locale],
      alternateLocale: LOCALES.filter((l) => l !== locale).map((l) => OG_LOCALE[l]),
      images: page.image ? [{ url: page.image }] : undefined,
    },
    twitter: { card: page.image ? 'summary_large_image' : 'summary', title: page.title, description },
  };
}
