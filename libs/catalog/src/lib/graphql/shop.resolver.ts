import { Args, Context, ID, Info, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import { Locale, PageArgs, Public, pageSize, toPage, type RequestContext } from '@vitrine/shared/graphql';
import { BrowseService } from '../application/browse.service';
import { FxRatesService } from '../application/fx-rates.service';
import type { ShopperQuote } from '../domain/shopper-price';
import { cursorOf } from '../infrastructure/product.repository';
import { catalogLoaders } from './catalog.loaders';
import { toArtwork, toCollection, toFxRate, toProduct } from './catalog.mappers';
import {
  ArtworkPage,
  ArtworkType,
  CollectionType,
  FxRateType,
  ProductPage,
  ProductSort,
  ProductType,
  ProductsArgs,
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
  async products(@Args() args: ProductsArgs, @Context() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    const take = pageSize(args.first);
    const sort = args.sort ?? ProductSort.NEWEST;
    const { rows, total } = await this.browse.listProducts({ take, sort, after: productCursor(args.after, sort), ...args.filter });
    const page = toPage(rows, take, 0, (r) => [sort, ...cursorOf(r, sort)]);
    // The cards' variants and media came with the page, priced here with the request's one quote.
    const quote = page.nodes.length && asksPrices(info, 'nodes') ? await this.quote(ctx) : null;
    const locale = args.locale ?? Locale.zh_CN;
    // A getter: the total is counted only when the query selects totalCount (the field's resolver reads it).
    return {
      ...page,
      get totalCount() {
        return total();
      },
      nodes: page.nodes.map((r) => toProduct(r, locale, quote)),
    };
  }

  @Public()
  @Query(() => ProductType, { description: 'One product, if published in an open storefront.' })
  async product(
    @Args('id', { type: () => ID }) id: string,
    @Context() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
    @Args('locale', { type: () => Locale, nullable: true }) locale?: Locale,
  ) {
    const detail = await this.browse.product(id);
    // The page's lists came with the product: its works' resolver finds them in its loader.
    catalogLoaders.artworks(ctx, this.browse).prime(detail.id, detail.artworks);
    return toProduct(detail, locale ?? Locale.zh_CN, asksPrices(info) ? await this.quote(ctx) : null);
  }

  /** The request's one quote, or the error that a price field answers when there is none. */
  private quote(ctx: RequestContext): Promise<ShopperQuote | Error> {
    return catalogLoaders.quote(ctx, this.fxRates).catch((e: unknown) => (e instanceof Error ? e : new Error(String(e))));
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

  @ResolveField('fx', () => FxRateType, { description: 'The rate the CNY prices were converted at.' })
  async fxRate(@Context() ctx: RequestContext) {
    return toFxRate((await catalogLoaders.quote(ctx, this.fxRates)).fx);
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

/**
 * Whether the query asks a product's prices (priceFrom or variants, through fragments too), of the
 * root field's products or of its `under` field's: the FX quote is read only then, as the price
 * fields' resolvers read it (a query for names alone needs no rate).
 */
function asksPrices(info: GraphQLResolveInfo, under?: string): boolean {
  const found = (set: SelectionSetNode | undefined, wanted: (name: string) => boolean, seen: Set<string>, visit: (s: SelectionSetNode | undefined) => boolean): boolean =>
    (set?.selections ?? []).some((sel) => {
      if (sel.kind === Kind.FIELD) return wanted(sel.name.value) && visit(sel.selectionSet);
      if (sel.kind === Kind.INLINE_FRAGMENT) return found(sel.selectionSet, wanted, seen, visit);
      if (seen.has(sel.name.value)) return false;
      seen.add(sel.name.value);
      return found(info.fragments[sel.name.value]?.selectionSet, wanted, seen, visit);
    });
  const prices = (set: SelectionSetNode | undefined) => found(set, (n) => n === 'priceFrom' || n === 'variants', new Set(), () => true);
  return info.fieldNodes.some((root) => (under ? found(root.selectionSet, (n) => n === under, new Set(), prices) : prices(root.selectionSet)));
}

/** Root queries whose answers are the same for every anonymous shopper (the API may cache them briefly). */
export const PUBLIC_CATALOG_QUERIES = ['products', 'product', 'artworks'] as const;
