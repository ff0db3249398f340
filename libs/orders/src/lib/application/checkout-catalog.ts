import type { ProductNames, SellableVariant, ShopperQuote } from '@vitrine/catalog';
import type { Prisma } from '@vitrine/shared/data-access';

/**
 * What checkout needs to know about a variant: the catalogue's own read model, whether its seller
 * holds a China customs registration and, when asked for (`variants(ids, { withFulfiller })`),
 * the brand partner that fulfils its product (null: the museum), read live with it.
 */
export type CheckoutVariant = SellableVariant & { sellerRegistered: boolean; fulfilledByBrandId?: string | null };

/**
 * The port through which orders read the catalogue: variants by id, and the FX quote
 * every CNY price of one request is computed with.
 */
export abstract class CheckoutCatalog {
  /** `withFulfiller`: each variant also says who fulfils its product (licensing), in the same statement. */
  abstract variants(ids: readonly string[], opts?: { withFulfiller?: boolean }): Promise<CheckoutVariant[]>;
  /**
   * `variants(ids, { withFulfiller: true })` read inside the caller's statement: `sql(ids)` is a
   * scalar subquery over `ids` (an expression of type uuid[]), `read` maps the value it answered.
   */
  abstract liveVariantsRider(): { sql: (ids: Prisma.Sql) => Prisma.Sql; read: (value: unknown) => Promise<CheckoutVariant[]> };
  abstract shopperQuote(): Promise<ShopperQuote>;
  abstract cnyPrice(eurMinor: number, quote: ShopperQuote): number;
  /** Products' names per locale (order lines shown in the shopper's language). */
  abstract productNames(productIds: readonly string[]): Promise<Map<string, ProductNames>>;
}
