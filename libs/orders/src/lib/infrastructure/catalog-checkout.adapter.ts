import { Injectable } from '@nestjs/common';
import { CatalogReadService, FxRatesService, shopperPrice, type ProductNames, type ShopperQuote } from '@vitrine/catalog';
import { LicensingReadPort } from '@vitrine/licensing';
import { Prisma } from '@vitrine/shared/data-access';
import { CheckoutCatalog, type CheckoutVariant } from '../application/checkout-catalog';

/** The catalogue's companion relation (product_id, value): the brand that fulfils a licensed product. */
const FULFILLER = Prisma.sql`(SELECT lp.product_id, lp.fulfilled_by_brand_id AS value FROM ${LicensingReadPort.licensedProducts} lp)`;

/**
 * CheckoutCatalog over the catalogue lib's public API: variants from its read service for
 * checkout (listability decided by its listing rules; whether each seller holds a customs
 * registration comes in the same statement, from the storefront row it already joins), the FX quote from FxRatesService and
 * CNY prices from shopperPrice, so a cart shows exactly the prices the shop window shows.
 */
@Injectable()
export class CatalogCheckoutAdapter extends CheckoutCatalog {
  constructor(
    private readonly catalog: CatalogReadService,
    private readonly fx: FxRatesService,
  ) {
    super();
    const rider = this.catalog.variantsForCheckoutRider(FULFILLER);
    this.liveRider = {
      sql: rider.sql,
      read: async (value) => (await rider.read(value)).map(({ companion, ...v }) => ({ ...v, sellerRegistered: v.customsRegistered, fulfilledByBrandId: companion ?? null })),
    };
  }

  /** variants(ids, { withFulfiller: true }) inside a caller's statement (placeOrder's cart read). */
  private readonly liveRider: ReturnType<CheckoutCatalog['liveVariantsRider']>;

  async variants(ids: readonly string[], opts: { withFulfiller?: boolean } = {}): Promise<CheckoutVariant[]> {
    if (!opts.withFulfiller) return (await this.catalog.variantsForCheckout(ids)).map((v) => ({ ...v, sellerRegistered: v.customsRegistered }));
    // Who fulfils each product, from licensing's read port, joined in the catalogue's statement
    // (as LicensedProductsService.fulfilmentOf answers it: the licensed product's brand).
    const variants = await this.catalog.variantsForCheckout(ids, FULFILLER);
    return variants.map(({ companion, ...v }) => ({ ...v, sellerRegistered: v.customsRegistered, fulfilledByBrandId: companion ?? null }));
  }

  liveVariantsRider(): { sql: (ids: Prisma.Sql) => Prisma.Sql; read: (value: unknown) => Promise<CheckoutVariant[]> } {
    return this.liveRider;
  }

  shopperQuote(): Promise<ShopperQuote> {
    return this.fx.shopperQuote();
  }

  cnyPrice(eurMinor: number, quote: ShopperQuote): number {
    return shopperPrice(eurMinor, quote).amount;
  }

  productNames(productIds: readonly string[]): Promise<Map<string, ProductNames>> {
    return this.catalog.productNames(productIds);
  }
}
