import { z } from 'zod';

/** Text in the three locales a product carries, as stored (zh = zh-CN). */
export interface LocalizedStrings {
  fr: string;
  en: string;
  zh: string;
}

export const EMPTY_TEXT: LocalizedStrings = { fr: '', en: '', zh: '' };

/** A localized text input: each locale optional, trimmed, at most `max` characters. */
export const localizedTextInput = (max: number) =>
  z.object({
    fr: z.string().trim().max(max).nullish(),
    en: z.string().trim().max(max).nullish(),
    zhCN: z.string().trim().max(max).nullish(),
  });

/** The same, with text in at least one locale (names and titles). */
export const requiredLocalizedTextInput = (max: number) =>
  localizedTextInput(max).refine((t) => Boolean(t.fr || t.en || t.zhCN), { message: 'needs text in at least one locale' });

export type LocalizedTextUpdate = { fr?: string | null; en?: string | null; zhCN?: string | null } | null | undefined;

/** Applies a partial update: an absent locale keeps its text, null or '' clears it. */
export function mergeLocalizedText(stored: LocalizedStrings, update: LocalizedTextUpdate): LocalizedStrings {
  if (!update) return stored;
  return {
    fr: update.fr === undefined ? stored.fr : (update.fr ?? ''),
    en: update.en === undefined ? stored.en : (update.en ?? ''),
    zh: update.zhCN === undefined ? stored.zh : (update.zhCN ?? ''),
  };
}

export function hasAnyText(t: LocalizedStrings): boolean {
  return Boolean(t.fr || t.en || t.zh);
}
