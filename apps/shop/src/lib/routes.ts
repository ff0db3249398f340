// Every shop URL in one place (both the pages and the links to them use these).
import type { ShopLocale } from '../i18n/locales';

const enc = encodeURIComponent;

export const routes = {
  home: (l: ShopLocale) => `/${l}`,
  storefront: (l: ShopLocale, slug: string) => `/${l}/m/${enc(slug)}`,
  /** A work of art of a storefront, with the products made from it. */
  artwork: (l: ShopLocale, slug: string, artworkId: string) => `/${l}/m/${enc(slug)}/works/${enc(artworkId)}`,
  collection: (l: ShopLocale, slug: string, collectionSlug: string) => `/${l}/m/${enc(slug)}/collections/${enc(collectionSlug)}`,
  /** `src`: a source marker for the page to keep (the search results' links: lib/source-marker.ts). */
  product: (l: ShopLocale, id: string, src?: string) => `/${l}/products/${enc(id)}${src ? `?src=${enc(src)}` : ''}`,
  /** The product page's forms post here (route handlers: the page has no client JavaScript, ADR 0027). */
  productCart: (l: ShopLocale, id: string) => `/${l}/products/${enc(id)}/cart`,
  productNotify: (l: ShopLocale, id: string) => `/${l}/products/${enc(id)}/notify`,
  /** A live session's page (its update stream, the pinned product, add to cart). */
  live: (l: ShopLocale, id: string) => `/${l}/live/${enc(id)}`,
  /** A limited-edition drop's page (queue or draw, the shopper's place or turn). */
  drop: (l: ShopLocale, id: string) => `/${l}/drops/${enc(id)}`,
  search: (l: ShopLocale, params: Record<string, string | undefined> = {}) => {
    const q = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => Boolean(e[1])));
    const s = q.toString();
    return `/${l}/search${s ? `?${s}` : ''}`;
  },
  // Built by the cart/checkout/account engineer:
  cart: (l: ShopLocale) => `/${l}/cart`,
  checkout: (l: ShopLocale) => `/${l}/checkout`,
  /** Where the wallet sends the shopper back (returnUrl): the confirmation of the current checkout. */
  checkoutReturn: (l: ShopLocale, checkoutId?: string) => `/${l}/checkout/return${checkoutId ? `?checkout=${enc(checkoutId)}` : ''}`,
  /** WeChat Pay's QR code page of a checkout. */
  checkoutPay: (l: ShopLocale, checkoutId: string) => `/${l}/checkout/pay?checkout=${enc(checkoutId)}`,
  /** The card step of a checkout: Stripe's Payment Element, or the Stripe sandbox's card form. */
  checkoutCard: (l: ShopLocale, checkoutId: string) => `/${l}/checkout/card?checkout=${enc(checkoutId)}`,
  orders: (l: ShopLocale) => `/${l}/orders`,
  order: (l: ShopLocale, id: string) => `/${l}/orders/${enc(id)}`,
  /** A guest finds an order placed without an account: its number and phone, then a code sent by SMS (`step=code`). */
  findOrder: (l: ShopLocale, params: { step?: 'code'; error?: string; number?: string } = {}) => {
    const q = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => Boolean(e[1]))).toString();
    return `/${l}/orders/find${q ? `?${q}` : ''}`;
  },
  account: (l: ShopLocale) => `/${l}/account`,
  /** Add (`id` none) or edit one of the signed-in shopper's saved delivery addresses. */
  address: (l: ShopLocale, id?: string) => `/${l}/account/addresses/${id ? enc(id) : 'new'}`,
  /** The signed-in shopper's notices, newest first (`after`: the last notice id of the previous page). */
  notices: (l: ShopLocale, after?: string) => `/${l}/account/notices${after ? `?after=${enc(after)}` : ''}`,
  signIn: (l: ShopLocale, next?: string) => `/${l}/account/sign-in${next ? `?next=${enc(next)}` : ''}`,
  signUp: (l: ShopLocale, next?: string) => `/${l}/account/sign-up${next ? `?next=${enc(next)}` : ''}`,
  // Short links (QR codes on shelf labels, shares): redirect to the zh-CN page.
  productShort: (code: string) => `/p/${enc(code)}`,
  storefrontShort: (code: string) => `/s/${enc(code)}`,
};
