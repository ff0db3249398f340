import { en } from './dictionaries/en';
import { fr } from './dictionaries/fr';
import { zhCN } from './dictionaries/zh-CN';
import { isApiErrorCode } from './error-codes';
import type { ShopLocale } from './locales';
import type { Dictionary } from './types';

export type { Dictionary } from './types';

const DICTIONARIES: Record<ShopLocale, Dictionary> = { 'zh-CN': zhCN, en, fr };

export function getDictionary(locale: ShopLocale): Dictionary {
  return DICTIONARIES[locale];
}

/** Fills `{name}` placeholders: `fill('{count} items', { count: 2 })`. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}

/** The shopper's message for an API error code (never the API's English message). */
export function errorMessage(dict: Dictionary, code: unknown): string {
  return isApiErrorCode(code) ? dict.errors[code] : dict.errors.UNKNOWN;
}
