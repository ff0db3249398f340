import { Inject } from '@nestjs/common';
import { Context, Field, ID, Int, ObjectType, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { groupByKeys, type RequestContext } from '@vitrine/shared/graphql';
import { BrowseService, CatalogError, CatalogErrorCode, FxRatesService, MoneyType, ProductType, shopperPrice, type ShopperQuote } from '@vitrine/catalog';
import { CROSS_BORDER_RULES, taxOrder, type CrossBorderRules } from '@vitrine/customs';
import { UserNamesService } from '@vitrine/identity';
import { StockReportsService, type StockLevelRecord } from '@vitrine/inventory';
import { LicensedProductsService, type Fulfilment } from '@vitrine/licensing';

/*
 * What the shop's product pages and cards show beside the catalogue (ADR 0004: contexts that
 * may not import each other, linked here): availability (inventory), the cross-border tax
 * estimate (catalogue FX + customs rules) and the co-branding brand (licensing, identity).
 * Each through a request-scoped loader: a page of cards costs one query per kind.
 */

/** Few units left from this many down (the shop says "only a few left"). */
export const LOW_STOCK_UNITS = 5;

@ObjectType('VariantOffer', { description: 'What a shopper is offered of one variant: availability and the tax estimate.' })
export class VariantOfferType {
  @Field(() => ID) variantId!: string;
  @Field(() => Boolean, { description: 'Units are available (on hand − reserved, over every location) now.' }) inStock!: boolean;
  @Field(() => Boolean, { description: `In stock with ${LOW_STOCK_UNITS} units or fewer.` }) lowStock!: boolean;
  @Field(() => MoneyType, {
    nullable: true,
    description: 'Estimated cross-border tax on one unit at the shopper price, before freight (checkout computes the real figure); null while no rate is set.',
  })
  taxEstimate!: MoneyType | null;
  @Field(() => Int, { description: 'The variant’s position on the product page.' }) position!: number;
}

type VariantRows = Awaited<ReturnType<BrowseService['variantsOf']>>;

function variantsOf(ctx: RequestContext, browse: BrowseService, productId: string) {
  return ctx.loaders.get<string, VariantRows>('shop.variantsByProduct', async (ids) => groupByKeys(ids, await browse.variantsOf(ids), (v) => v.productId)).load(productId);
}

function availableOf(ctx: RequestContext, stock: StockReportsService, variantId: string) {
  return ctx.loaders
    .get<string, StockLevelRecord[]>('shop.stockByVariant', async (ids) => groupByKeys(ids, await stock.levelsOfVariants(ids), (l) => l.variantId))
    .load(variantId)
    .then((levels) => levels.reduce((sum, l) => sum + Math.max(0, l.onHand - l.reserved), 0));
}

function quoteOf(ctx: RequestContext, fx: FxRatesService) {
  return ctx.loaders
    .get<'shopper', ShopperQuote | null>('shop.quote', async (keys) => {
      const quote = await fx.shopperQuote().catch((e: unknown) => {
        if (e instanceof CatalogError && e.code === CatalogErrorCode.FX_RATE_UNAVAILABLE) return null;
        throw e;
      });
      return keys.map(() => quote);
    })
    .load('shopper');
}

@Resolver(() => ProductType)
export class ProductShopLinks {
  constructor(
    private readonly browse: BrowseService,
    private readonly stock: StockReportsService,
    private readonly fx: FxRatesService,
    private readonly licensed: LicensedProductsService,
    private readonly names: UserNamesService,
    @Inject(CROSS_BORDER_RULES) private readonly rules: CrossBorderRules,
  ) {}

  @ResolveField(() => Boolean, { description: 'Some variant has units available now.' })
  async inStock(@Parent() product: ProductType, @Context() ctx: RequestContext) {
    const variants = await variantsOf(ctx, this.browse, product.id);
    const available = await Promise.all(variants.map((v) => availableOf(ctx, this.stock, v.id)));
    return available.some((n) => n > 0);
  }

  @ResolveField(() => [VariantOfferType], { description: 'Each variant’s availability and cross-border tax estimate, in the variants’ order.' })
  async offers(@Parent() product: ProductType, @Context() ctx: RequestContext): Promise<VariantOfferType[]> {
    const [variants, quote] = await Promise.all([variantsOf(ctx, this.browse, product.id), quoteOf(ctx, this.fx)]);
    return Promise.all(
      variants.map(async (v) => {
        const available = await availableOf(ctx, this.stock, v.id);
        let taxEstimate: MoneyType | null = null;
        if (quote) {
          const price = shopperPrice(v.priceMinor, quote);
          const netContent = v.netContent && v.netContentUnit ? { amount: v.netContent, unit: v.netContentUnit } : null;
          const taxed = taxOrder([{ unitPriceMinor: price.amount, quantity: 1, category: product.crossBorderCategory ?? 'GENERAL', hsCode: v.hsCode, netContent }], { freightMinor: 0 }, this.rules);
          taxEstimate = { amount: taxed.taxMinor, currency: price.currency };
        }
        return { variantId: v.id, inStock: available > 0, lowStock: available > 0 && available <= LOW_STOCK_UNITS, taxEstimate, position: v.position };
      }),
    );
  }

  @ResolveField(() => String, { nullable: true, description: 'The partner brand of a co-branded (licensed) product, by name; null for the museum’s own.' })
  async coBrandedWith(@Parent() product: ProductType, @Context() ctx: RequestContext) {
    const fulfilment = await ctx.loaders
      .get<string, Fulfilment | null>('shop.licensedFulfilment', async (ids) => {
        const rows = await this.licensed.fulfilmentOf(ids);
        return ids.map((id) => rows.find((r) => r.productId === id) ?? null);
      })
      .load(product.id);
    if (!fulfilment) return null;
    return ctx.loaders
      .get<string, string | null>('shop.brandNames', async (ids) => {
        const names = await this.names.brandNamesOf(ids);
        return ids.map((id) => names.get(id) ?? null);
      })
      .load(fulfilment.brandId);
  }
}
