// Short links and their QR codes (no next/* imports: unit-testable). A product's short code is
// derived from its id by the API (Product.shortCode, 11 base62 characters); a storefront's is its
// slug. The QR image is drawn by the same library and settings as the shelf labels' codes (the
// catalogue's shelf-labels.service.ts: qrcode, PNG, error correction M).
import QRCode from 'qrcode';

const PRODUCT_CODE = /^[0-9A-Za-z]{11}$/;
const STOREFRONT_CODE = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/i;

export type ShortKind = 'p' | 's';

/** Whether `code` can be a short code of this kind (anything else gets no QR image). */
export function isShortCode(kind: ShortKind, code: string): boolean {
  return (kind === 'p' ? PRODUCT_CODE : STOREFRONT_CODE).test(code);
}

/** `https://shop.example/p/<code>`: what the QR code encodes and the share action shows. */
export function shortUrl(origin: string, kind: ShortKind, code: string): string {
  return `${origin.replace(/\/+$/, '')}/${kind}/${encodeURIComponent(code)}`;
}

/**
 * What the share action gives out: the short link with the `share-product` / `share-storefront`
 * source marker, so an order placed from it is attributed to the share (SHARE).
 */
export function shareUrl(origin: string, kind: ShortKind, code: string): string {
  return `${shortUrl(origin, kind, code)}?src=share-${kind === 'p' ? 'product' : 'storefront'}`;
}

/** The QR code of a short link as a PNG (the shelf labels' settings), 256 px square. */
export function qrPng(url: string): Promise<Buffer> {
  return QRCode.toBuffer(url, { type: 'png', errorCorrectionLevel: 'M', margin: 1, width: 256 });
}
