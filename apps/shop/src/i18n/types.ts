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
  /** A message for each `extensions.code` the API answers. */
  errors: Record<ApiErrorCode, string> & { UNKNOWN: string };
}
