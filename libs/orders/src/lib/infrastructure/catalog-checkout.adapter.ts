import { Injectable } from '@nestjs/common';
import { CatalogReadService, FxRatesService, shopperPrice, type ShopperQuote } from '@vitrine/catalog';
import { CheckoutCatalog, type CheckoutVariant } from '../application/checkout-catalog';

/**
 * CheckoutCatalog over the catalogue lib's public API: variants from its read service for
 * checkout (listability decided by its listing rules), the FX quote from FxRatesService and
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

  variants(ids: readonly string[]): Promise<CheckoutVariant[]> {
    return this.catalog.variantsForCheckout(ids);
  }

  shopperQuote(): Promise<ShopperQuote> {
    return this.fx.shopperQuote();
  }

  cnyPrice(eurMinor: number, quote: ShopperQuote): number {
    return shopperPrice(eurMinor, quote).amount;
  }
}
