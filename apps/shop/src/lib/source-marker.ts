// Where a shopper came from (no next/* imports: unit-testable). A shelf label's QR code opens
// /p/<code>?src=shelf-<museum>; articles and livestreams link with article-… and live-…, a shared
// short link with share-product or share-storefront. The shop
// keeps the marker in a cookie and sends it with placeOrder, which records the order's
// attribution. The format is the API's (libs/shared/kernel source-marker.ts), checked again there.
export const SOURCE_PATTERN = /^(shelf|article|live|share)-([a-z0-9][a-z0-9-]{0,57})$/;

/** The last source a shopper landed with counts, for 30 days. */
export const SOURCE_MAX_AGE_SECONDS = 30 * 86_400;

/** The marker if well formed, else null (a hand-edited link must not break checkout). */
export function validSource(raw: string | null | undefined): string | null {
  const s = raw?.trim() ?? '';
  return SOURCE_PATTERN.test(s) ? s : null;
}
