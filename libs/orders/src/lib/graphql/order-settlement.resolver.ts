import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentActor, canManageMuseum, type Actor, type RequestContext } from '@vitrine/shared/graphql';
import { OrderSettlementType, SettlementQueriesService, toOrderSettlement, type SplitLine } from '@vitrine/settlement';
import { OrderType } from './orders.types';

/**
 * Order.settlement: the order's split in the settlement ledger. The order itself was already
 * shown to the caller (its query checked tenancy); the split is the sellers' and operator's
 * business: the museum's managers, the brand that fulfils the order and the operator see it,
 * a shopper gets null.
 */
@Resolver(() => OrderType)
export class OrderSettlementResolver {
  constructor(private readonly ledger: SettlementQueriesService) {}

  @ResolveField('settlement', () => OrderSettlementType, {
    nullable: true,
    description: 'How the order’s money splits (sellers, commission, tax to customs), after refunds and lost disputes; for its museum’s managers, its brand and the operator (null for others).',
  })
  async settlementSplit(@Parent() order: OrderType, @CurrentActor() actor: Actor | null, @Context() ctx: RequestContext): Promise<OrderSettlementType | null> {
    const allowed = canManageMuseum(actor, order.museumId) || (actor?.role === 'BRAND_PARTNER' && !!order.fulfilledByBrandId && actor.brandId === order.fulfilledByBrandId);
    if (!allowed) return null;
    const loader = ctx.loaders.get<string, SplitLine[]>('settlement.orderSplits', async (ids) => {
      const by = await this.ledger.splitsOf(ids);
      return ids.map((id) => by.get(id) ?? []);
    });
    return toOrderSettlement(await loader.load(order.id));
  }
}
