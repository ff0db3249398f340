import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '@vitrine/shared/graphql';
import { OrderType } from '../../graphql/orders.types';
import type { AttributionChannel } from '../domain/attribution';
import { AttributionRepository } from '../infrastructure/attribution.repository';
import { OrderAttributionType } from './attribution.types';

/** Order.attribution, read where the order itself is visible (its tenancy is the order's). */
@Resolver(() => OrderType)
export class OrderAttributionResolver {
  constructor(private readonly repo: AttributionRepository) {}

  @ResolveField(() => OrderAttributionType, { description: 'Where the order came from (the source marker the shopper landed with: ?src=shelf-<museum> on a shelf label, …).' })
  async attribution(@Parent() order: OrderType, @Context() ctx: RequestContext): Promise<OrderAttributionType> {
    const a = await ctx.loaders
      .get<string, { channel: AttributionChannel; ref: string } | null>('orders.attribution', async (ids) => {
        const found = await this.repo.ofOrders(ids);
        return ids.map((id) => found.get(id) ?? null);
      })
      .load(order.id);
    return a ?? { channel: 'DIRECT', ref: null };
  }
}
