// Where an order came from, as links carry it: written by shelf labels (catalogue), read by checkout (orders attribution), captured by the shop.
/** Where an order came from. DIRECT: no source marker (an order without a row). */
export const ATTRIBUTION_CHANNELS = ['SHELF_QR', 'ARTICLE', 'LIVESTREAM', 'SHARE', 'SEARCH', 'DIRECT'] as const;
export type AttributionChannel = (typeof ATTRIBUTION_CHANNELS)[number];

export interface Attribution {
  channel: Exclude<AttributionChannel, 'DIRECT'>;
  /**
   * What the marker names after its kind: the museum of a shelf label, an article, a stream, what
   * was shared (product or storefront), the term searched for ('' when none was kept).
   */
  ref: string;
}

const KINDS: Record<string, Exclude<Attribution['channel'], 'SEARCH'>> = { shelf: 'SHELF_QR', article: 'ARTICLE', live: 'LIVESTREAM', share: 'SHARE' };

/**
 * A source marker as links carry it (`?src=shelf-louvre` on a shelf label's QR code,
 * `article-<id>`, `live-<id>`, `share-product` / `share-storefront` on a shared short link): lower-case kind, a dash, then a reference of letters, digits and
 * dashes (at most 64 characters in all). The shop keeps it in a cookie and sends it with
 * placeOrder. Search results mark their product links with a search marker instead (below).
 */
export const SOURCE_PATTERN = /^(shelf|article|live|share)-([a-z0-9][a-z0-9-]{0,57})$/;

/** At most this many characters (code points) of a search term are kept with an order. */
export const SEARCH_TERM_MAX_LENGTH = 40;

/** `search` or `search-<term>`: a product reached from the shop's search results. */
const SEARCH_MARKER = /^search(?:-([\s\S]+))?$/;

/**
 * What is kept of a search term: NFKC (full-width letters and digits folded), lower case,
 * control, format and separator characters as single spaces, trimmed, at most
 * SEARCH_TERM_MAX_LENGTH characters. A term that may be personal data (an e-mail address, a
 * phone or ID number: an `@` or six digits or more) is not kept at all (''). Idempotent: the API
 * accepts a marker only when its term is already in this form.
 */
export function searchTerm(raw: string): string {
  const text = raw.normalize('NFKC').toLowerCase().normalize('NFKC').replace(/[\p{C}\p{Z}\s]+/gu, ' ').trim();
  if (text.includes('@') || (text.match(/\p{Nd}/gu)?.length ?? 0) >= 6) return '';
  return Array.from(text).slice(0, SEARCH_TERM_MAX_LENGTH).join('').trim();
}

/** The marker of a product link on the search results for `q` (`search` when nothing of it is kept). */
export function searchSource(q: string | null | undefined): string {
  const term = searchTerm(q ?? '');
  return term ? `search-${term}` : 'search';
}

/** The channel and reference of a source marker; null for none or one that is not well formed. */
export function attributionOf(source: string | null | undefined): Attribution | null {
  if (!source) return null;
  const m = SOURCE_PATTERN.exec(source);
  if (m) return { channel: KINDS[m[1]!]!, ref: m[2]! };
  const s = SEARCH_MARKER.exec(source);
  if (!s) return null;
  const term = s[1] ?? '';
  return searchTerm(term) === term ? { channel: 'SEARCH', ref: term } : null;
}

/** Whether placeOrder accepts this source marker. */
export function isSourceMarker(source: string): boolean {
  return attributionOf(source) !== null;
}

/** The marker a shelf label of this museum carries. */
export function shelfSource(museumSlug: string): string {
  return `shelf-${museumSlug.toLowerCase()}`;
}
