/**
 * Text search works on one lower-cased, accent-free column holding every locale's text and
 * the credited works' titles, so `Joconde`, `mona lisa` and `蒙娜丽莎` all find a Mona Lisa
 * scarf through one trigram index.
 */
export function normalizeSearchText(text: string): string {
  return text
    .normalize('NFKD')
    // The dot of Chinese transliterated names (达·芬奇) is not a word break: 达芬奇 is the same name.
    .replace(/(?<=\p{Script=Han})\s*[·•・‧]\s*(?=\p{Script=Han})/gu, '')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function buildSearchText(parts: readonly (string | null | undefined)[]): string {
  return normalizeSearchText(parts.filter(Boolean).join(' \n '));
}

/** The terms of a shopper query; every term must appear. Empty when nothing searchable is left. */
export function searchTerms(query: string | null | undefined, maxTerms = 8): string[] {
  if (!query) return [];
  const terms = normalizeSearchText(query).split(' ').filter(Boolean);
  return [...new Set(terms)].slice(0, maxTerms);
}

export interface SearchSources {
  name: { fr: string; en: string; zh: string };
  description: { fr: string; en: string; zh: string };
  works: readonly SearchWork[];
}

/** A credited work as search sees it: its titles and its artist's names in every locale. */
export interface SearchWork {
  titleFr: string;
  titleEn: string;
  titleZh: string;
  artist: string;
  artistEn?: string;
  artistZh?: string;
}

/** The search column of a product: its text in every locale and its credited works. */
export function productSearchText(s: SearchSources): string {
  return buildSearchText([
    s.name.fr,
    s.name.en,
    s.name.zh,
    ...s.works.flatMap((w) => [w.titleFr, w.titleEn, w.titleZh, w.artist, w.artistEn, w.artistZh]),
    s.description.fr,
    s.description.en,
    s.description.zh,
  ]);
}

/** The stored columns of a product and its credited works, as the search text is rebuilt from them. */
export interface SearchColumns {
  nameFr: string;
  nameEn: string;
  nameZh: string;
  descriptionFr: string;
  descriptionEn: string;
  descriptionZh: string;
  works: readonly SearchWork[];
}

export function searchTextOfColumns(row: SearchColumns): string {
  return productSearchText({
    name: { fr: row.nameFr, en: row.nameEn, zh: row.nameZh },
    description: { fr: row.descriptionFr, en: row.descriptionEn, zh: row.descriptionZh },
    works: row.works,
  });
}
