// Locale helpers for server components.
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { DEFAULT_LOCALE, isLocale, LOCALE_HEADER, type ShopLocale } from './locales';

export type LocaleParams = Promise<{ locale: string }>;

/** The page's locale from its route params; an unknown one is a 404. */
export async function localeOf(params: Promise<{ locale: string }>): Promise<ShopLocale> {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  return locale;
}

/** The request's locale where no params reach (not-found.tsx): set by proxy.ts. */
export async function requestLocale(): Promise<ShopLocale> {
  const value = (await headers()).get(LOCALE_HEADER);
  return isLocale(value) ? value : DEFAULT_LOCALE;
}
