// Where a shopper came from (no next/* imports: unit-testable). A shelf label's QR code opens
// /p/<code>?src=shelf-<museum>; articles and livestreams link with article-… and live-…, a shared
// short link with share-product or share-storefront, the search results' product links with
// search-<term> (or search). The shop keeps the marker in a cookie and sends it with placeOrder,
// which records the order's attribution. The format is the API's (libs/shared/kernel
// source-marker.ts, which the shop may not import), checked again there.
export const SOURCE_PATTERN = /^(shelf|article|live|share)-([a-z0-9][a-z0-9-]{0,57})$/;

/** The last source a shopper landed with counts, for 30 days. */
export const SOURCE_MAX_AGE_SECONDS = 30 * 86_400;

/** At most this many characters of a search term are kept (the API's SEARCH_TERM_MAX_LENGTH). */
export const SEARCH_TERM_MAX_LENGTH = 40;

const SEARCH_MARKER = /^search(?:-([\s\S]+))?$/;

/**
 * What is kept of a search term, as the API's searchTerm: NFKC, lower case, control, format and
 * separator characters as single spaces, trimmed, at most 40 characters; nothing ('') for a term
 * that may be personal data (an `@`, or six digits or more: a phone or ID number).
 */
export function searchTerm(raw: string): string {
  const text = raw.normalize('NFKC').toLowerCase().normalize('NFKC').replace(/[\p{C}\p{Z}\s]+/gu, ' ').trim();
  if (text.includes('@') || (text.match(/\p{Nd}/gu)?.length ?? 0) >= 6) return '';
  return Array.from(text).slice(0, SEARCH_TERM_MAX_LENGTH).join('').trim();
}

/** The marker the search results for `q` put on their product links. */
export function searchSource(q: string | null | undefined): string {
  const term = searchTerm(q ?? '');
  return term ? `search-${term}` : 'search';
}

/** The marker if well formed, else null (a hand-edited link must not break checkout). */
export function validSource(raw: string | null | undefined): string | null {
  const s = raw?.trim() ?? '';
  if (SOURCE_PATTERN.test(s)) return s;
  const m = SEARCH_MARKER.exec(s);
  if (!m) return null;
  const term = m[1] ?? '';
  return searchTerm(term) === term ? s : null;
}
