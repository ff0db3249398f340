// The product page's read, without next/headers (lib/api/transport.ts): the product page lives in
// pages/ (ADR 0027), where Next refuses next/headers. Anonymous, like every catalogue read.
import { toApiLocale, type ShopLocale } from '../../i18n/locales';
import type { ProductDetail } from './catalog';
import { dataOrThrow, postGraphql, type Transport } from './transport';

export const CARD = `id name category priceFrom { amount currency } inStock coBrandedWith media { id url alt position } storefront { slug name }`;
export const ARTWORK = `id accessionNumber title artist period creditLine imageUrl`;

const PRODUCT = `query Product($id: ID!, $locale: Locale) {
    product(id: $id, locale: $locale) {
      ${CARD} description shortCode crossBorderCategory
      fx { rate base quote }
      variants { id sku options price { amount currency } originCountry }
      offers { variantId inStock lowStock taxEstimate { amount currency } }
      inspiredBy { ${ARTWORK} }
      collections { id slug name }
      storefront { slug name story }
    }
  }`;

/**
 * A product with everything its page shows; a ShopApiError (NOT_FOUND, …) otherwise. `post`: the
 * request itself (fetch by default; the product page in pages/ passes http-transport.ts's).
 */
export async function readProduct(locale: ShopLocale, id: string, transport: Transport, post: typeof postGraphql = postGraphql): Promise<ProductDetail> {
  return dataOrThrow(await post<{ product: ProductDetail }>(PRODUCT, { id, locale: toApiLocale(locale) }, transport)).product;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The API answers a malformed id with a validation error: the shop treats it as not found. */
export const isId = (value: string) => UUID.test(value);
