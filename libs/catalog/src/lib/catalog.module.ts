import { Module } from '@nestjs/common';
import { ArtworksService } from './application/artworks.service';
import { BrowseService } from './application/browse.service';
import { CatalogReadService } from './application/catalog-read.service';
import { CATALOG_SETTINGS, catalogSettingsFromEnv } from './application/catalog-settings';
import { CollectionsService } from './application/collections.service';
import { FxRatesService } from './application/fx-rates.service';
import { ListingGuards } from './application/listing-guards';
import { ManageProductsService } from './application/manage-products.service';
import { ProductEditHooks } from './application/product-edit-hooks';
import { PositiveListService } from './application/positive-list.service';
import { SearchService } from './application/search.service';
import { ShortLinksService } from './application/short-links.service';
import { ArtworksResolver } from './graphql/artworks.resolver';
import { CollectionsResolver } from './graphql/collections.resolver';
import { FxRatesResolver } from './graphql/fx-rates.resolver';
import { ManagedProductsResolver } from './graphql/managed-products.resolver';
import { PositiveListResolver } from './graphql/positive-list.resolver';
import { SearchSynonymsResolver } from './graphql/search-synonyms.resolver';
import { ShopResolver } from './graphql/shop.resolver';
import { ShortLinksResolver } from './graphql/short-links.resolver';
import { ArtworkRepository } from './infrastructure/artwork.repository';
import { CollectionRepository } from './infrastructure/collection.repository';
import { FxRateRepository } from './infrastructure/fx-rate.repository';
import { PositiveListRepository } from './infrastructure/positive-list.repository';
import { ProductRepository } from './infrastructure/product.repository';
import { SearchSynonymRepository } from './infrastructure/search-synonym.repository';
import { ShortCodeRepository } from './infrastructure/short-code.repository';
import { VariantStockCriterion } from './infrastructure/variant-stock.criterion';
import { ShelfLabelsService } from './labels/application/shelf-labels.service';
import { ShelfLabelsController } from './labels/http/shelf-labels.controller';

@Module({
  controllers: [ShelfLabelsController],
  providers: [
    ShelfLabelsService,
    { provide: CATALOG_SETTINGS, useFactory: () => catalogSettingsFromEnv() },
    ProductRepository,
    VariantStockCriterion,
    ArtworkRepository,
    CollectionRepository,
    FxRateRepository,
    PositiveListRepository,
    SearchSynonymRepository,
    ShortCodeRepository,
    ShortLinksService,
    SearchService,
    FxRatesService,
    ListingGuards,
    ProductEditHooks,
    CatalogReadService,
    BrowseService,
    ManageProductsService,
    ArtworksService,
    CollectionsService,
    PositiveListService,
    ShopResolver,
    ManagedProductsResolver,
    ArtworksResolver,
    CollectionsResolver,
    FxRatesResolver,
    PositiveListResolver,
    SearchSynonymsResolver,
    ShortLinksResolver,
  ],
  exports: [FxRatesService, BrowseService, CollectionsService, ListingGuards, ProductEditHooks, CatalogReadService, VariantStockCriterion],
})
export class CatalogModule {}
