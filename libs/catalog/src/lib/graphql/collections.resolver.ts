import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentActor, PageArgs, Roles, groupByKeys, pageSize, toPage, type Actor, type RequestContext } from '@vitrine/shared/graphql';
import { CollectionsService } from '../application/collections.service';
import { toManagedCollection } from './catalog.mappers';
import { CreateCollectionInput, ManagedCollectionPage, ManagedCollectionType, UpdateCollectionInput } from './catalog.types';
import { keyCursor } from './cursors';

/** A museum's collections, in its back office. */
@Roles('PLATFORM_ADMIN', 'MUSEUM_MANAGER')
@Resolver(() => ManagedCollectionType)
export class CollectionsResolver {
  constructor(private readonly collections: CollectionsService) {}

  @Query(() => ManagedCollectionPage, { description: 'Collections of one museum, by slug.' })
  async collectionsOfMuseum(@CurrentActor() actor: Actor, @Args('museumId', { type: () => ID }) museumId: string, @Args() args: PageArgs) {
    const take = pageSize(args.first);
    const { rows, total } = await this.collections.list(actor, { museumId, take, after: keyCursor(args.after) });
    const page = toPage(rows, take, total, (r) => [r.slug, r.id]);
    return { ...page, nodes: page.nodes.map(toManagedCollection) };
  }

  @Query(() => ManagedCollectionType)
  async managedCollection(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string) {
    return toManagedCollection(await this.collections.get(actor, id));
  }

  @Mutation(() => ManagedCollectionType)
  async createCollection(@CurrentActor() actor: Actor, @Args('input') input: CreateCollectionInput) {
    return toManagedCollection(await this.collections.create(actor, input));
  }

  @Mutation(() => ManagedCollectionType)
  async updateCollection(@CurrentActor() actor: Actor, @Args('input') input: UpdateCollectionInput) {
    return toManagedCollection(await this.collections.update(actor, input));
  }

  @Mutation(() => Boolean)
  deleteCollection(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string) {
    return this.collections.delete(actor, id);
  }

  @ResolveField(() => [ID], { description: 'Products in display order.' })
  async productIds(@Parent() collection: ManagedCollectionType, @Context() ctx: RequestContext) {
    const links = await ctx.loaders
      .get<string, { collectionId: string; productId: string }[]>('catalog.collectionProducts', async (ids) =>
        groupByKeys(ids, await this.collections.productLinksOf(ids), (l) => l.collectionId),
      )
      .load(collection.id);
    return links.map((l) => l.productId);
  }

  @ResolveField(() => Int)
  async productCount(@Parent() collection: ManagedCollectionType, @Context() ctx: RequestContext) {
    return (await this.productIds(collection, ctx)).length;
  }
}
