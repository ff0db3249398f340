import { Inject } from '@nestjs/common';
import { Context, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { groupByKeys, type RequestContext } from '@vitrine/shared/graphql';
import { BrowseService, CatalogError, CatalogErrorCode, FxRatesService, ManagedVariantType, MoneyType, shopperPrice, type ShopperQuote } from '@vitrine/catalog';
import { CROSS_BORDER_RULES, taxOrder, type CrossBorderRules } from '@vitrine/customs';
import { UserNamesService } from '@vitrine/identity';
import { OrderLineType } from '@vitrine/orders';
import { StockLevelType, StockMovementType, StockReportsService, type StockLevelRecord } from '@vitrine/inventory';

/*
 * Edges the seller console needs across contexts that may not import each other (ADR 0004):
 * a managed variant's stock (inventory), its shopper price and cross-border tax estimate
 * (catalogue FX + customs rules), a stock count's user name (identity), an order line's image. Each goes through a
 * request-scoped DataLoader: a page of products costs one stock query, not one per variant.
 */

function levelsOf(ctx: RequestContext, stock: StockReportsService, variantId: string) {
  return ctx.loaders
    .get<string, StockLevelRecord[]>('links.stockByVariant', async (ids) => groupByKeys(ids, await stock.levelsOfVariants(ids), (l) => l.variantId))
    .load(variantId);
}

/** The shopper quote of this request, or null when no EUR→CNY rate is set (the console shows a dash). */
function quoteOf(ctx: RequestContext, fx: FxRatesService) {
  return ctx.loaders
    .get<'shopper', ShopperQuote | null>('links.consoleQuote', async (keys) => {
      const quote = await fx.shopperQuote().catch((e: unknown) => {
        if (e instanceof CatalogError && e.code === CatalogErrorCode.FX_RATE_UNAVAILABLE) return null;
        throw e;
      });
      return keys.map(() => quote);
    })
    .load('shopper');
}

@Resolver(() => ManagedVariantType)
export class ManagedVariantConsoleLinks {
  constructor(
    private readonly stock: StockReportsService,
    private readonly fx: FxRatesService,
    @Inject(CROSS_BORDER_RULES) private readonly rules: CrossBorderRules,
  ) {}

  // The variant was reached through its product, already checked against the caller's museums.
  @ResolveField(() => Int, { description: 'Units available (on hand − reserved) summed over every stock location.' })
  async available(@Parent() variant: ManagedVariantType, @Context() ctx: RequestContext) {
    return (await levelsOf(ctx, this.stock, variant.id)).reduce((sum, l) => sum + l.onHand - l.reserved, 0);
  }

  @ResolveField(() => [StockLevelType], { description: 'Its stock level at each location that holds it.' })
  async stockLevels(@Parent() variant: ManagedVariantType, @Context() ctx: RequestContext) {
    return (await levelsOf(ctx, this.stock, variant.id)).map((l) => ({ ...l, available: l.onHand - l.reserved }));
  }

  @ResolveField(() => MoneyType, { nullable: true, description: 'What a shopper pays in CNY today (FX + margin + retail rounding); null while no rate is set.' })
  async shopperPrice(@Parent() variant: ManagedVariantType, @Context() ctx: RequestContext) {
    const quote = await quoteOf(ctx, this.fx);
    return quote ? shopperPrice(variant.priceMinor, quote) : null;
  }

  @ResolveField(() => MoneyType, {
    nullable: true,
    description: 'Estimated cross-border tax on one unit at the shopper price, before freight (the order computes the real figure); null while no rate is set.',
  })
  async crossBorderTax(@Parent() variant: ManagedVariantType, @Context() ctx: RequestContext) {
    const quote = await quoteOf(ctx, this.fx);
    if (!quote) return null;
    const price = shopperPrice(variant.priceMinor, quote);
    const netContent = variant.netContent && variant.netContentUnit ? { amount: variant.netContent, unit: variant.netContentUnit } : null;
    const taxed = taxOrder(
      [{ unitPriceMinor: price.amount, quantity: 1, category: variant.crossBorderCategory ?? 'GENERAL', hsCode: variant.hsCode, netContent }],
      { freightMinor: 0 },
      this.rules,
    );
    return { amount: taxed.taxMinor, currency: price.currency };
  }
}

@Resolver(() => StockMovementType)
export class StockMovementUserLink {
  constructor(private readonly users: UserNamesService) {}

  // The movement was read through a location already checked against the caller's museums.
  @ResolveField(() => String, { nullable: true, description: 'The name of the user a count (reference user:<id>) was made by; null for other movements.' })
  async changedBy(@Parent() movement: StockMovementType, @Context() ctx: RequestContext) {
    const id = /^user:(.+)$/.exec(movement.reference ?? '')?.[1];
    if (!id) return null;
    return ctx.loaders
      .get<string, string | null>('links.userNames', async (ids) => {
        const names = await this.users.namesOf(ids);
        return ids.map((i) => names.get(i) ?? null);
      })
      .load(id);
  }
}

@Resolver(() => OrderLineType)
export class OrderLineImageLink {
  constructor(private readonly browse: BrowseService) {}

  // The line was read through its order, already checked against the caller (museum, brand or shopper).
  @ResolveField(() => String, { nullable: true, description: 'The product’s first image today (null when it has none).' })
  async imageUrl(@Parent() line: OrderLineType, @Context() ctx: RequestContext) {
    const media = await ctx.loaders
      .get<string, { url: string; position: number }[]>('links.orderLineMedia', async (ids) => groupByKeys(ids, await this.browse.mediaOf(ids), (m) => m.productId))
      .load(line.productId);
    return [...media].sort((a, b) => a.position - b.position)[0]?.url ?? null;
  }
}
