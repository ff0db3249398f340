// Where an order came from, as links carry it: written by shelf labels (catalogue), read by checkout (orders attribution), captured by the shop.
/** Where an order came from. DIRECT: no source marker (an order without a row). */
export const ATTRIBUTION_CHANNELS = ['SHELF_QR', 'ARTICLE', 'LIVESTREAM', 'SHARE', 'DIRECT'] as const;
export type AttributionChannel = (typeof ATTRIBUTION_CHANNELS)[number];

export interface Attribution {
  channel: Exclude<AttributionChannel, 'DIRECT'>;
  /** What the marker names after its kind: the museum of a shelf label, an article, a stream, what was shared (product or storefront). */
  ref: string;
}

const KINDS: Record<string, Attribution['channel']> = { shelf: 'SHELF_QR', article: 'ARTICLE', live: 'LIVESTREAM', share: 'SHARE' };

/**
 * A source marker as links carry it (`?src=shelf-louvre` on a shelf label's QR code,
 * `article-<id>`, `live-<id>`, `share-product` / `share-storefront` on a shared short link): lower-case kind, a dash, then a reference of letters, digits and
 * dashes (at most 64 characters in all). The shop keeps it in a cookie and sends it with
 * placeOrder.
 */
export const SOURCE_PATTERN = /^(shelf|article|live|share)-([a-z0-9][a-z0-9-]{0,57})$/;

/** The channel and reference of a source marker; null for none or one that is not well formed. */
export function attributionOf(source: string | null | undefined): Attribution | null {
  const m = source ? SOURCE_PATTERN.exec(source) : null;
  return m ? { channel: KINDS[m[1]!]!, ref: m[2]! } : null;
}

/** The marker a shelf label of this museum carries. */
export function shelfSource(museumSlug: string): string {
  return `shelf-${museumSlug.toLowerCase()}`;
}
