import { Module } from '@nestjs/common';
import { CatalogModule } from '@vitrine/catalog';
import { CustomsModule } from '@vitrine/customs';
import { IdentityModule } from '@vitrine/identity';
import { InventoryModule } from '@vitrine/inventory';
import { StorefrontsModule } from '@vitrine/storefronts';
import { LicensingCoreModule } from '@vitrine/licensing';
import { ManagedStorefrontCollectionsLink, ProductStorefrontLink, StorefrontCollectionsLink } from './catalog-storefront.links';
import { ManagedVariantConsoleLinks, OrderLineImageLink, StockMovementUserLink } from './console-links';
import { ProductShopLinks } from './shop-links';
import { ShopWindowStockLink } from './stock-filter.link';

/** Graph edges between contexts that may not import each other. */
@Module({
  imports: [CatalogModule, StorefrontsModule, InventoryModule, CustomsModule, IdentityModule, LicensingCoreModule],
  providers: [ShopWindowStockLink, ProductStorefrontLink, StorefrontCollectionsLink, ManagedStorefrontCollectionsLink, ManagedVariantConsoleLinks, StockMovementUserLink, OrderLineImageLink, ProductShopLinks],
})
export class LinksModule {}
