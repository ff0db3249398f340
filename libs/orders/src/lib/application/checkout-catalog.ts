import type { ProductNames, SellableVariant, ShopperQuote } from '@vitrine/catalog';

/** What checkout needs to know about a variant: the catalogue's own read model, and whether its seller holds a China customs registration. */
export type CheckoutVariant = SellableVariant & { sellerRegistered: boolean };

/**
 * The port through which orders read the catalogue: variants by id, and the FX quote
 * every CNY price of one request is computed with.
 */
export abstract class CheckoutCatalog {
  abstract variants(ids: readonly string[]): Promise<CheckoutVariant[]>;
  abstract shopperQuote(): Promise<ShopperQuote>;
  abstract cnyPrice(eurMinor: number, quote: ShopperQuote): number;
  /** Products' names per locale (order lines shown in the shopper's language). */
  abstract productNames(productIds: readonly string[]): Promise<Map<string, ProductNames>>;
}
