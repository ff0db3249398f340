import { Injectable } from '@nestjs/common';
import { CatalogReadService, FxRatesService, shopperPrice, type ProductNames, type ShopperQuote } from '@vitrine/catalog';
import { CheckoutCatalog, type CheckoutVariant } from '../application/checkout-catalog';

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
  }

  async variants(ids: readonly string[]): Promise<CheckoutVariant[]> {
    const variants = await this.catalog.variantsForCheckout(ids);
    return variants.map((v) => ({ ...v, sellerRegistered: v.customsRegistered }));
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
