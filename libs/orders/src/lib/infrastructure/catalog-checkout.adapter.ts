import { Injectable } from '@nestjs/common';
import { CatalogReadService, FxRatesService, shopperPrice, type ShopperQuote } from '@vitrine/catalog';
import { CheckoutCatalog, type CheckoutVariant } from '../application/checkout-catalog';
import { SellerRegistrationRepository } from './seller-registration.repository';

/**
 * CheckoutCatalog over the catalogue lib's public API: variants from its read service for
 * checkout (listability decided by its listing rules) with whether each seller holds a customs registration, the FX quote from FxRatesService and
 * CNY prices from shopperPrice, so a cart shows exactly the prices the shop window shows.
 */
@Injectable()
export class CatalogCheckoutAdapter extends CheckoutCatalog {
  constructor(
    private readonly catalog: CatalogReadService,
    private readonly fx: FxRatesService,
    private readonly registrations: SellerRegistrationRepository,
  ) {
    super();
  }

  async variants(ids: readonly string[]): Promise<CheckoutVariant[]> {
    const variants = await this.catalog.variantsForCheckout(ids);
    const unregistered = await this.registrations.unregistered([...new Set(variants.map((v) => v.museumId))]);
    return variants.map((v) => ({ ...v, sellerRegistered: !unregistered.has(v.museumId) }));
  }

  shopperQuote(): Promise<ShopperQuote> {
    return this.fx.shopperQuote();
  }

  cnyPrice(eurMinor: number, quote: ShopperQuote): number {
    return shopperPrice(eurMinor, quote).amount;
  }
}
