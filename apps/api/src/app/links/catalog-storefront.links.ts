import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { byKeys, groupByKeys, type RequestContext } from '@vitrine/shared/graphql';
import { NotFoundError } from '@vitrine/shared/kernel';
import { CollectionType, CollectionsService, ManagedCollectionType, ProductType, toCollection, toManagedCollection, type CollectionRow } from '@vitrine/catalog';
import { ManagedStorefrontType, StorefrontType, StorefrontsService, toStorefront, type StorefrontRow } from '@vitrine/storefronts';

/*
 * Catalog and storefronts may not import each other (module boundaries), yet the graph
 * links them: a product shows its storefront, a storefront its collections. The app wires
 * those edges here, each through a batch loader of the owning context's public service.
 */

@Resolver(() => ProductType)
export class ProductStorefrontLink {
  constructor(private readonly storefronts: StorefrontsService) {}

  @ResolveField(() => StorefrontType)
  async storefront(@Parent() product: ProductType, @Context() ctx: RequestContext) {
    // A product reaching a shopper is published in an open storefront, so the storefront is visible.
    // Anonymous shoppers may see a storefront as it was a few seconds ago, like the rest of the shop window.
    const read = (ids: readonly string[]) => (ctx.actor ? this.storefronts.byMuseumIds(ids) : this.storefronts.shopWindowByMuseumIds(ids));
    const row = await ctx.loaders
      .get<string, StorefrontRow | null>('links.storefrontByMuseum', async (ids) => byKeys(ids, await read(ids), (s) => s.museumId))
      .load(product.museumId);
    if (!row) throw new NotFoundError('Storefront');
    return toStorefront(row, product.locale);
  }
}

function collectionsOfMuseum(ctx: RequestContext, collections: CollectionsService, museumId: string) {
  return ctx.loaders
    .get<string, CollectionRow[]>('links.collectionsByMuseum', async (ids) => groupByKeys(ids, await collections.ofMuseums(ids), (c) => c.museumId))
    .load(museumId);
}

/** Featured collections that still exist, in the storefront's order. */
function featured(all: readonly CollectionRow[], ids: readonly string[]): CollectionRow[] {
  const byId = new Map(all.map((c) => [c.id, c]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

@Resolver(() => StorefrontType)
export class StorefrontCollectionsLink {
  constructor(private readonly catalog: CollectionsService) {}

  @ResolveField(() => [CollectionType])
  async collections(@Parent() storefront: StorefrontType, @Context() ctx: RequestContext) {
    return (await collectionsOfMuseum(ctx, this.catalog, storefront.museumId)).map((c) => toCollection(c, storefront.locale));
  }

  @ResolveField(() => [CollectionType])
  async featuredCollections(@Parent() storefront: StorefrontType, @Context() ctx: RequestContext) {
    const all = await collectionsOfMuseum(ctx, this.catalog, storefront.museumId);
    return featured(all, storefront.featuredCollectionIds).map((c) => toCollection(c, storefront.locale));
  }
}

@Resolver(() => ManagedStorefrontType)
export class ManagedStorefrontCollectionsLink {
  constructor(private readonly catalog: CollectionsService) {}

  // The managed storefront was already checked against the caller's museums.
  @ResolveField(() => [ManagedCollectionType])
  async featuredCollections(@Parent() storefront: ManagedStorefrontType, @Context() ctx: RequestContext) {
    const all = await collectionsOfMuseum(ctx, this.catalog, storefront.museumId);
    return featured(all, storefront.featuredCollectionIds).map(toManagedCollection);
  }
}
