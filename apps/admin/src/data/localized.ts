/** Text in the three locales we sell in; zh-CN is the one Chinese shoppers read. */
export interface LocalizedText {
  fr: string;
  en: string;
  zhCN: string;
}
export const LOCALIZED = 'fr en zhCN';

export const emptyText = (): LocalizedText => ({ fr: '', en: '', zhCN: '' });

/** A form value as the API's LocalizedTextInput (blank strings stay blank). */
export function toTextInput(value: Partial<LocalizedText> | null | undefined): LocalizedText {
  return { fr: value?.fr?.trim() ?? '', en: value?.en?.trim() ?? '', zhCN: value?.zhCN?.trim() ?? '' };
}

/** The text to show in the console's locale, falling back like the shop does. */
export function pickText(value: Partial<LocalizedText> | null | undefined, locale: string): string {
  if (!value) return '';
  const order: (keyof LocalizedText)[] = locale === 'fr' ? ['fr', 'en', 'zhCN'] : ['en', 'fr', 'zhCN'];
  for (const key of order) if (value[key]) return value[key]!;
  return '';
}
