import type { BuyDictionary } from './buy-types';
import type { ReturnsDictionary } from './returns-types';
import type { ApiErrorCode } from './error-codes';

/**
 * Every text a shopper sees, per locale (dictionaries/<locale>.ts). Add a key here first:
 * the typecheck then names each dictionary that lacks it. `{name}` placeholders are filled
 * by `fill()` (format.ts).
 */
export interface Dictionary {
  meta: {
    siteName: string;
    /** <title> template: `{title} · Vitrine` */
    titleTemplate: string;
    description: string;
  };
  header: {
    home: string;
    searchLabel: string;
    searchPlaceholder: string;
    searchSubmit: string;
    /** The cart link's accessible name, `{count}` items. */
    cartLabel: string;
    cart: string;
    account: string;
    signIn: string;
    signOut: string;
    localeLabel: string;
    skipToContent: string;
  };
  footer: {
    tagline: string;
    crossBorderNotice: string;
  };
  home: {
    title: string;
    intro: string;
    storefrontsHeading: string;
    visitStorefront: string;
    noStorefronts: string;
  };
  common: {
    loading: string;
    back: string;
    more: string;
    from: string;
    inStock: string;
    outOfStock: string;
    retry: string;
  };
  storefront: {
    featuredCollections: string;
    collections: string;
    works: string;
    newArrivals: string;
    allProducts: string;
    noProducts: string;
  };
  artwork: {
    artist: string;
    period: string;
    accessionNumber: string;
    creditLine: string;
    productsFrom: string;
    noProducts: string;
  };
  collection: {
    products: string;
    noProducts: string;
  };
  search: {
    title: string;
    /** `{count}` results for `{query}` */
    resultsFor: string;
    /** `{count}` products */
    results: string;
    noResults: string;
    filters: string;
    museum: string;
    anyMuseum: string;
    category: string;
    anyCategory: string;
    priceRange: string;
    minPrice: string;
    maxPrice: string;
    inStockOnly: string;
    sort: string;
    sortNewest: string;
    sortPopularity: string;
    sortPriceAsc: string;
    sortPriceDesc: string;
    apply: string;
    clear: string;
    nextPage: string;
    badPrice: string;
  };
  product: {
    /** Estimated cross-border tax `{amount}` */
    taxEstimate: string;
    taxNote: string;
    inStock: string;
    lowStock: string;
    outOfStock: string;
    chooseOption: string;
    quantity: string;
    addToCart: string;
    adding: string;
    added: string;
    viewCart: string;
    story: string;
    inspiredBy: string;
    /** Co-branded with `{brand}` */
    coBranded: string;
    /** Image `{index}` of `{count}` */
    imageOf: string;
    /** Sold by `{museum}` */
    soldBy: string;
    details: string;
    origin: string;
    /** `{rate}` CNY per EUR */
    fxNote: string;
  };
  /** Product categories (the catalogue's keys); an unknown key shows as it is. */
  categories: Record<string, string>;
  /** Variant option names (the catalogue's keys: size, colour…). */
  optionNames: Record<string, string>;
  /** The share action of product and storefront pages: short link and its QR code. */
  share: {
    /** The disclosure's button */
    open: string;
    /** Above the link and the code */
    hint: string;
    /** Label of the short link */
    link: string;
    /** The QR code's text alternative: QR code of the short link of `{name}` */
    qrAlt: string;
  };
  notFound: {
    title: string;
    body: string;
    backHome: string;
  };
  errorPage: {
    title: string;
    body: string;
    retry: string;
    backHome: string;
  };
  /** Cart, checkout, payment, orders and account (buy-types.ts, dictionaries/buy/<locale>.ts). */
  buy: BuyDictionary;
  /** The shopper's returns on the order page (returns-types.ts, dictionaries/returns/<locale>.ts). */
  returns: ReturnsDictionary;
  /** A message for each `extensions.code` the API answers. */
  errors: Record<ApiErrorCode, string> & { UNKNOWN: string };
}
