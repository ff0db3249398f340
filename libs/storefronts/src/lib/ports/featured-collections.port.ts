/**
 * Which collections a storefront may feature (issue 19, ADR 0021): collections belong to the
 * catalogue, which sits above storefronts and cannot be imported from here. So storefronts
 * declares the question and the catalogue answers it (`CatalogSourcesModule` in libs/catalog).
 */
export abstract class FeaturedCollections {
  /** Which of `ids` are collections of this museum. */
  abstract ofMuseum(museumId: string, ids: readonly string[]): Promise<Set<string>>;
}
