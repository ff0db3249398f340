import { Args, Context, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Locale, PageArgs, Public, pageSize, toPage, type RequestContext } from '@vitrine/shared/graphql';
import { BrowseService } from '../application/browse.service';
import { FxRatesService } from '../application/fx-rates.service';
import { shopperPrice } from '../domain/shopper-price';
import { cursorOf } from '../infrastructure/product.repository';
import { catalogLoaders } from './catalog.loaders';
import { toArtwork, toCollection, toFxRate, toMedia, toProduct, toVariant } from './catalog.mappers';
import {
  ArtworkPage,
  ArtworkType,
  CollectionType,
  FxRateType,
  MediaType,
  MoneyType,
  ProductPage,
  ProductSort,
  ProductType,
  ProductsArgs,
  VariantType,
} from './catalog.types';
import { keyCursor, productCursor } from './cursors';

/** The shop window: public, in the requested locale, prices in CNY. */
@Resolver(() => ProductType)
export class ShopResolver {
  constructor(
    private readonly browse: BrowseService,
    private readonly fxRates: FxRatesService,
  ) {}

  @Public()
  @Query(() => ProductPage, { description: 'Published products of open storefronts; filter, sort and search.' })
  async products(@Args() args: ProductsArgs, @Context() ctx: RequestContext) {
    const take = pageSize(args.first);
    const sort = args.sort ?? ProductSort.NEWEST;
    const { rows, total } = await this.browse.listProducts({ take, sort, after: productCursor(args.after, sort), ...args.filter });
    const page = toPage(rows, take, 0, (r) => [sort, ...cursorOf(r, sort)]);
    // The cards' variants and media came with the page: the field resolvers find them in their loaders.
    const variants = catalogLoaders.variants(ctx, this.browse);
    const media = catalogLoaders.media(ctx, this.browse);
    for (const r of page.nodes) {
      variants.prime(r.id, r.variants);
      media.prime(r.id, r.media);
    }
    // A getter: the total is counted only when the query selects totalCount (the field's resolver reads it).
    return {
      ...page,
      get totalCount() {
        return total();
      },
      nodes: page.nodes.map((r) => toProduct(r, args.locale ?? Locale.zh_CN)),
    };
  }

  @Public()
  @Query(() => ProductType, { description: 'One product, if published in an open storefront.' })
  async product(
    @Args('id', { type: () => ID }) id: string,
    @Context() ctx: RequestContext,
    @Args('locale', { type: () => Locale, nullable: true }) locale?: Locale,
  ) {
    const detail = await this.browse.product(id);
    // The page's lists came with the product: the field resolvers find them in their loaders.
    catalogLoaders.variants(ctx, this.browse).prime(detail.id, detail.variants);
    catalogLoaders.media(ctx, this.browse).prime(detail.id, detail.media);
    catalogLoaders.artworks(ctx, this.browse).prime(detail.id, detail.artworks);
    return toProduct(detail, locale ?? Locale.zh_CN);
  }

  @Public()
  @Query(() => ArtworkPage, { description: 'Works of an open storefront that products are inspired by (browse by work).' })
  async artworks(
    @Args('storefrontSlug', { type: () => String }) storefrontSlug: string,
    @Args() args: PageArgs,
    @Args('locale', { type: () => Locale, nullable: true }) locale?: Locale,
  ) {
    const take = pageSize(args.first);
    const { rows, total } = await this.browse.artworksOfStorefront(storefrontSlug, take, keyCursor(args.after));
    const page = toPage(rows, take, total, (r) => [r.accessionNumber, r.id]);
    return { ...page, nodes: page.nodes.map((r) => toArtwork(r, locale ?? Locale.zh_CN)) };
  }

  @ResolveField(() => MoneyType, { description: 'Lowest variant price, in CNY.' })
  async priceFrom(@Parent() product: ProductType, @Context() ctx: RequestContext) {
    return shopperPrice(product.minPriceEurCents, await catalogLoaders.quote(ctx, this.fxRates));
  }

  @ResolveField('fx', () => FxRateType, { description: 'The rate the CNY prices were converted at.' })
  async fxRate(@Context() ctx: RequestContext) {
    return toFxRate((await catalogLoaders.quote(ctx, this.fxRates)).fx);
  }

  @ResolveField(() => [VariantType])
  async variants(@Parent() product: ProductType, @Context() ctx: RequestContext) {
    const [rows, quote] = await Promise.all([catalogLoaders.variants(ctx, this.browse).load(product.id), catalogLoaders.quote(ctx, this.fxRates)]);
    return rows.map((r) => toVariant(r, quote));
  }

  @ResolveField(() => [MediaType])
  async media(@Parent() product: ProductType, @Context() ctx: RequestContext) {
    return (await catalogLoaders.media(ctx, this.browse).load(product.id)).map(toMedia);
  }

  @ResolveField(() => [ArtworkType], { description: 'Works of the collection this product is inspired by.' })
  async inspiredBy(@Parent() product: ProductType, @Context() ctx: RequestContext) {
    return (await catalogLoaders.artworks(ctx, this.browse).load(product.id)).map((r) => toArtwork(r, product.locale));
  }

  @ResolveField(() => [CollectionType])
  async collections(@Parent() product: ProductType, @Context() ctx: RequestContext) {
    return (await catalogLoaders.collections(ctx, this.browse).load(product.id)).map((r) => toCollection(r, product.locale));
  }
}

/** Root queries whose answers are the same for every anonymous shopper (the API may cache them briefly). */
export const PUBLIC_CATALOG_QUERIES = ['products', 'product', 'artworks'] as const;
