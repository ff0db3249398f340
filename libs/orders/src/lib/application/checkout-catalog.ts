import type { ShopperQuote } from '@vitrine/catalog';

/** What checkout needs to know about a variant: the catalogue's SellableVariant. */
export interface CheckoutVariant {
  variantId: string;
  productId: string;
  museumId: string;
  sku: string;
  /** Shopper-facing name (zh-CN first). */
  name: string;
  priceEurMinor: number;
  weightGrams: number;
  hsCode: string;
  originCountry: string;
  crossBorderCategory: string;
  productStatus: string;
  /** Published in an open storefront, zh-CN texts present, HS code on the positive list. */
  listableForChina: boolean;
}

/**
 * The port through which orders read the catalogue: variants by id, and the FX quote
 * every CNY price of one request is computed with.
 */
export abstract class CheckoutCatalog {
  abstract variants(ids: readonly string[]): Promise<CheckoutVariant[]>;
  abstract shopperQuote(): Promise<ShopperQuote>;
  abstract cnyPrice(eurMinor: number, quote: ShopperQuote): number;
}
