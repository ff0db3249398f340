/** The shop's locales, in the URL's first segment (`/zh-CN/...`); zh-CN is the default. */
export const LOCALES = ['zh-CN', 'en', 'fr'] as const;
export type ShopLocale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: ShopLocale = 'zh-CN';

/** The API's `Locale` enum value for a shop locale. */
export type ApiLocale = 'zh_CN' | 'en' | 'fr';

export function isLocale(value: string | undefined | null): value is ShopLocale {
  return (LOCALES as readonly string[]).includes(value ?? '');
}

export function toApiLocale(locale: ShopLocale): ApiLocale {
  return locale === 'zh-CN' ? 'zh_CN' : locale;
}

/** Each locale's name in its own language, for the switcher. */
export const LOCALE_NAMES: Record<ShopLocale, string> = { 'zh-CN': '中文', en: 'English', fr: 'Français' };

/** BCP 47 tag for Intl formatting and `<html lang>`. */
export const INTL_LOCALE: Record<ShopLocale, string> = { 'zh-CN': 'zh-CN', en: 'en-GB', fr: 'fr-FR' };

/** Open Graph's og:locale form. */
export const OG_LOCALE: Record<ShopLocale, string> = { 'zh-CN': 'zh_CN', en: 'en_GB', fr: 'fr_FR' };

/** The same path in another locale: `/en/p/1` → `/fr/p/1` (a path without a locale gets one). */
export function switchLocalePath(pathname: string, to: ShopLocale): string {
  const parts = pathname.split('/');
  if (isLocale(parts[1])) parts[1] = to;
  else parts.splice(1, 0, to);
  const joined = parts.join('/');
  return joined.endsWith('/') && joined.length > 1 ? joined.slice(0, -1) : joined;
}

/** Request header proxy.ts sets to the URL's locale (read by pages without params, e.g. not-found). */
export const LOCALE_HEADER = 'x-shop-locale';
