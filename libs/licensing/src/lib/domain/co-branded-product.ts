import type { LocalizedStrings } from './proposal-content';

/**
 * The co-branded product's name: "Museum × Brand — Title" in each locale the title has.
 * A locale without a title stays empty, so the catalogue's zh-CN listing rule still bites.
 */
export function coBrandedName(museum: LocalizedStrings, brand: string, title: LocalizedStrings): LocalizedStrings {
  const one = (museumName: string, t: string) => (t ? `${museumName} × ${brand} — ${t}` : '');
  return { fr: one(museum.fr, title.fr), en: one(museum.en, title.en), zh: one(museum.zh, title.zh) };
}
