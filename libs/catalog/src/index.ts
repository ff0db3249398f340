export * from './lib/catalog.module';
export * from './lib/catalog-core.module';
export { FxRatesService, SHOPPER_PAIR } from './lib/application/fx-rates.service';
export { BrowseService } from './lib/application/browse.service';
export { CollectionsService } from './lib/application/collections.service';
export { ListingGuards, type ListingGuard } from './lib/application/listing-guards';
export { ProductEditHooks, type ProductEditHook, type ProductContentEdit } from './lib/application/product-edit-hooks';
export { CatalogReadService, type ProductNames, type SellableVariant } from './lib/application/catalog-read.service';
export { CatalogError, CatalogErrorCode } from './lib/domain/catalog-error';
export { productSearchText, normalizeSearchText } from './lib/domain/search-text';
export { shopperPrice, type ShopperQuote } from './lib/domain/shopper-price';
export { listingProblemsForChina, isHsCodeAllowed, type ListingProblem } from './lib/domain/listing-rules';
export type { CollectionRow } from './lib/infrastructure/collection.repository';
export { VariantStockCriterion, type VariantStockPredicate } from './lib/infrastructure/variant-stock.criterion';
// GraphQL types other contexts' resolvers link to (composed in apps/api).
export { ProductType, CollectionType, ManagedCollectionType, ManagedVariantType, MoneyType } from './lib/graphql/catalog.types';
export { toCollection, toManagedCollection } from './lib/graphql/catalog.mappers';
export { PUBLIC_CATALOG_QUERIES } from './lib/graphql/shop.resolver';
// The daily FX refresh (worker) and its operator view (API).
export { FxRefreshModule } from './lib/fx-refresh.module';
export { FxRefreshJobsModule } from './lib/jobs/fx-refresh-jobs.module';
export { fxRefreshJobs, fxRefreshSchedules, refreshFxRatesJob } from './lib/jobs/fx-refresh.jobs';
export { RefreshFxRatesHandler } from './lib/jobs/fx-refresh.handler';
export { FxRefreshService, fxRefreshConfigFromEnv, type FxRefreshConfig, type FxRefreshOutcome } from './lib/application/fx-refresh.service';
export { ECB_DAILY_URL, parseEcbDaily } from './lib/domain/fx-source';
// Read and write ports: the relations other contexts may join in their own SQL, and the writes they make in their own transaction (issue 19).
export { CatalogReadPort, type CatalogArtworkRow } from './lib/ports/catalog.read-port';
export { CatalogWritePort, type ListingDraft } from './lib/ports/catalog.write-port';
// What contexts below the catalogue declare and it binds: storefronts' featured collections (issue 19).
export { CatalogSourcesModule, CatalogFeaturedCollections } from './lib/ports/catalog-sources.module';
