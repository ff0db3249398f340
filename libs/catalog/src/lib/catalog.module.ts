import { Module } from '@nestjs/common';
import { CatalogCoreModule } from './catalog-core.module';
import { ArtworksResolver } from './graphql/artworks.resolver';
import { CollectionsResolver } from './graphql/collections.resolver';
import { FxRatesResolver } from './graphql/fx-rates.resolver';
import { ManagedProductsResolver } from './graphql/managed-products.resolver';
import { PositiveListResolver } from './graphql/positive-list.resolver';
import { SearchSynonymsResolver } from './graphql/search-synonyms.resolver';
import { ShopResolver } from './graphql/shop.resolver';
import { ShortLinksResolver } from './graphql/short-links.resolver';
import { ShelfLabelsService } from './labels/application/shelf-labels.service';
import { ShelfLabelsController } from './labels/http/shelf-labels.controller';

/** The catalogue in the API: its GraphQL resolvers and the shelf labels' download, over CatalogCoreModule (which it exports). */
@Module({
  imports: [CatalogCoreModule],
  controllers: [ShelfLabelsController],
  providers: [
    ShelfLabelsService,
    ShopResolver,
    ManagedProductsResolver,
    ArtworksResolver,
    CollectionsResolver,
    FxRatesResolver,
    PositiveListResolver,
    SearchSynonymsResolver,
    ShortLinksResolver,
  ],
  exports: [CatalogCoreModule],
})
export class CatalogModule {}
