import { Args, Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Locale, Public, pickLocale, type RequestContext } from '@vitrine/shared/graphql';
import { CheckoutCatalog } from '../application/checkout-catalog';
import { CartLineType, OrderLineType } from './orders.types';

const LOCALE_ARG = { type: () => Locale, nullable: true, description: 'The shopper’s language: the product’s name in it, else zh-CN, en, fr. Without it, the zh-CN name (what customs is sent).' } as const;

/** A cart line's product name in the shopper's language (the names come with the cart's variants). */
@Public()
@Resolver(() => CartLineType)
export class CartLineNameResolver {
  @ResolveField(() => String)
  name(@Parent() line: CartLineType, @Args('locale', LOCALE_ARG) locale?: Locale | null): string {
    return locale ? pickLocale(line.names, locale) || line.name : line.name;
  }
}

/** An order line's product name in the shopper's language: the catalogue's names now, else the name snapshotted at checkout. */
@Resolver(() => OrderLineType)
export class OrderLineNameResolver {
  constructor(private readonly catalog: CheckoutCatalog) {}

  @ResolveField(() => String)
  async name(@Parent() line: OrderLineType, @Context() ctx: RequestContext, @Args('locale', LOCALE_ARG) locale?: Locale | null): Promise<string> {
    if (!locale) return line.name;
    const names = await ctx.loaders
      .get<string, { fr: string; en: string; zh: string } | null>('orders.lines.productNames', async (ids) => {
        const found = await this.catalog.productNames(ids);
        return ids.map((id) => found.get(id) ?? null);
      })
      .load(line.productId);
    return (names && pickLocale(names, locale)) || line.name;
  }
}
