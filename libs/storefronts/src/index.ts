export * from './lib/storefronts.module';
export { StorefrontsService } from './lib/application/storefronts.service';
export type { StorefrontRow } from './lib/infrastructure/storefront.repository';
// GraphQL types other contexts' resolvers link to (composed in apps/api).
export { StorefrontType, ManagedStorefrontType } from './lib/graphql/storefronts.types';
export { toStorefront } from './lib/graphql/storefronts.mappers';
export { PUBLIC_STOREFRONT_QUERIES } from './lib/graphql/storefronts.resolver';
// Read port: the relations other contexts may join in their own SQL (issue 19).
export { StorefrontsReadPort } from './lib/ports/storefronts.read-port';
export { BrandsPort, type BrandRecord } from './lib/ports/brands.port';
// What storefronts asks of the catalogue's collections, bound by libs/catalog (issue 19).
export { FeaturedCollections } from './lib/ports/featured-collections.port';
