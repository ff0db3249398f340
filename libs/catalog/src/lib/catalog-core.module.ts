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
import { ArtworkRepository } from './infrastructure/artwork.repository';
import { CollectionRepository } from './infrastructure/collection.repository';
import { FxRateRepository } from './infrastructure/fx-rate.repository';
import { PositiveListRepository } from './infrastructure/positive-list.repository';
import { ProductRepository } from './infrastructure/product.repository';
import { SearchSynonymRepository } from './infrastructure/search-synonym.repository';
import { ShortCodeRepository } from './infrastructure/short-code.repository';
import { VariantStockCriterion } from './infrastructure/variant-stock.criterion';

const services = [
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
  VariantStockCriterion,
];

/**
 * The catalogue's services and repositories, without GraphQL or HTTP: what the API module
 * (CatalogModule) builds its resolvers on, and what the worker's modules import (orders'
 * checkout reads, FX prices), so the worker builds no resolver or controller.
 */
@Module({
  providers: [
    { provide: CATALOG_SETTINGS, useFactory: () => catalogSettingsFromEnv() },
    ProductRepository,
    ArtworkRepository,
    CollectionRepository,
    FxRateRepository,
    PositiveListRepository,
    SearchSynonymRepository,
    ShortCodeRepository,
    ...services,
  ],
  exports: [CATALOG_SETTINGS, ProductRepository, SearchSynonymRepository, ...services],
})
export class CatalogCoreModule {}
