import { Module } from '@nestjs/common';
import { CatalogModule } from '@vitrine/catalog';
import { StorefrontsModule } from '@vitrine/storefronts';
import { ManagedStorefrontCollectionsLink, ProductStorefrontLink, StorefrontCollectionsLink } from './catalog-storefront.links';

/** Graph edges between contexts that may not import each other. */
@Module({
  imports: [CatalogModule, StorefrontsModule],
  providers: [ProductStorefrontLink, StorefrontCollectionsLink, ManagedStorefrontCollectionsLink],
})
export class LinksModule {}
