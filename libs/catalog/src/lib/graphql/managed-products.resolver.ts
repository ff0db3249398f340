import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentActor, Roles, pageSize, toPage, type Actor, type RequestContext } from '@vitrine/shared/graphql';
import { BrowseService } from '../application/browse.service';
import { ManageProductsService } from '../application/manage-products.service';
import { cursorOf } from '../infrastructure/product.repository';
import { catalogLoaders } from './catalog.loaders';
import { toManagedArtwork, toManagedCollection, toManagedProduct, toManagedVariant, toMedia } from './catalog.mappers';
import {
  BulkResultType,
  CreateProductInput,
  ListingProblemType,
  ManagedArtworkType,
  ManagedCollectionType,
  ManagedProductPage,
  ManagedProductSort,
  ManagedProductType,
  ManagedProductsArgs,
  ManagedVariantType,
  MediaType,
  ProductStatusGql,
  UpdateProductInput,
} from './catalog.types';
import { productCursor } from './cursors';

/** A museum's products in its back office. Operators see every museum. */
@Roles('PLATFORM_ADMIN', 'MUSEUM_MANAGER')
@Resolver(() => ManagedProductType)
export class ManagedProductsResolver {
  constructor(
    private readonly products: ManageProductsService,
    private readonly browse: BrowseService,
  ) {}

  @Query(() => ManagedProductPage)
  async managedProducts(@CurrentActor() actor: Actor, @Args() args: ManagedProductsArgs) {
    const take = pageSize(args.first);
    const sort = args.sort ?? ManagedProductSort.NEWEST;
    const { rows, total } = await this.products.list(actor, { take, sort, after: productCursor(args.after, sort), museumId: args.museumId, ...args.filter });
    const page = toPage(rows, take, total, (r) => [sort, ...cursorOf(r, sort)]);
    return { ...page, nodes: page.nodes.map(toManagedProduct) };
  }

  @Query(() => ManagedProductType)
  async managedProduct(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string) {
    return toManagedProduct(await this.products.get(actor, id));
  }

  @Mutation(() => ManagedProductType, { description: 'Creates a draft product.' })
  async createProduct(@CurrentActor() actor: Actor, @Args('input') input: CreateProductInput) {
    return toManagedProduct(await this.products.create(actor, input));
  }

  @Mutation(() => ManagedProductType, { description: 'A published product must stay listable for China, or the edit is refused.' })
  async updateProduct(@CurrentActor() actor: Actor, @Args('input') input: UpdateProductInput) {
    return toManagedProduct(await this.products.update(actor, input));
  }

  @Mutation(() => ManagedProductType, { description: 'Lists the product for China; NOT_LISTABLE_FOR_CHINA with extensions.reasons if it cannot be.' })
  async publishProduct(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string) {
    return toManagedProduct(await this.products.publish(actor, id));
  }

  @Mutation(() => ManagedProductType, { description: 'Back to draft.' })
  async unpublishProduct(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string) {
    return toManagedProduct(await this.products.unpublish(actor, id));
  }

  @Mutation(() => ManagedProductType)
  async archiveProduct(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string) {
    return toManagedProduct(await this.products.archive(actor, id));
  }

  @Mutation(() => BulkResultType, { description: 'One status for up to 100 products; failures are reported per product.' })
  bulkSetProductStatus(
    @CurrentActor() actor: Actor,
    @Args('ids', { type: () => [ID] }) ids: string[],
    @Args('status', { type: () => ProductStatusGql }) status: ProductStatusGql,
  ) {
    return this.products.bulkSetStatus(actor, ids, status);
  }

  @Mutation(() => Boolean, { description: 'Deletes a draft; other products are archived instead.' })
  deleteProduct(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string) {
    return this.products.delete(actor, id);
  }

  @ResolveField(() => [ManagedVariantType])
  async variants(@Parent() product: ManagedProductType, @Context() ctx: RequestContext) {
    return (await catalogLoaders.variants(ctx, this.browse).load(product.id)).map((v) => ({ ...toManagedVariant(v), crossBorderCategory: product.crossBorderCategory }));
  }

  @ResolveField(() => [MediaType])
  async media(@Parent() product: ManagedProductType, @Context() ctx: RequestContext) {
    return (await catalogLoaders.media(ctx, this.browse).load(product.id)).map(toMedia);
  }

  @ResolveField(() => [ManagedArtworkType])
  async artworks(@Parent() product: ManagedProductType, @Context() ctx: RequestContext) {
    return (await catalogLoaders.artworks(ctx, this.browse).load(product.id)).map(toManagedArtwork);
  }

  @ResolveField(() => [ManagedCollectionType])
  async collections(@Parent() product: ManagedProductType, @Context() ctx: RequestContext) {
    return (await catalogLoaders.collections(ctx, this.browse).load(product.id)).map(toManagedCollection);
  }

  @ResolveField(() => [ListingProblemType], { description: 'What stops listing for China; empty when listable.' })
  async listingProblems(@Parent() product: ManagedProductType, @Context() ctx: RequestContext) {
    const [variants, prefixes] = await Promise.all([
      catalogLoaders.variants(ctx, this.browse).load(product.id),
      ctx.loaders.get<'all', string[]>('catalog.positiveList', async (keys) => {
        const list = await this.products.positivePrefixes();
        return keys.map(() => list);
      }).load('all'),
    ]);
    return this.products.listingProblems(product, variants, prefixes);
  }

  @ResolveField(() => Boolean)
  async listableForChina(@Parent() product: ManagedProductType, @Context() ctx: RequestContext) {
    return (await this.listingProblems(product, ctx)).length === 0;
  }
}
