import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentActor, canManageMuseum, type Actor, type RequestContext } from '@vitrine/shared/graphql';
import { PromotionsPricingService } from '@vitrine/promotions';
import { OrderSettlementType, SettlementQueriesService, toOrderSettlement, type OrderSettlementDiscountType, type SplitLine } from '@vitrine/settlement';
import { OrderType } from './orders.types';

/**
 * Order.settlement: the order's split in the settlement ledger. The order itself was already
 * shown to the caller (its query checked tenancy); the split is the sellers' and operator's
 * business: the museum's managers, the brand that fulfils the order and the operator see it,
 * a shopper gets null. With it, the promotions taken off the order and who funds each (the
 * museum, or the platform for platform-wide ones), from libs/promotions' redemptions.
 */
type DiscountRow = Omit<OrderSettlementDiscountType, 'amount'> & { amountMinor: number };

@Resolver(() => OrderType)
export class OrderSettlementResolver {
  constructor(
    private readonly ledger: SettlementQueriesService,
    private readonly promotions: PromotionsPricingService,
  ) {}

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
    const discounts = ctx.loaders.get<string, DiscountRow[]>('settlement.orderDiscounts', async (ids) => {
      const rows = await this.promotions.ofOrders(ids);
      return ids.map((id) => rows.filter((r) => r.orderId === id).map((r) => ({ promotionId: r.promotionId, name: r.name, kind: r.kind, code: r.code, fundedBy: r.fundedBy, amountMinor: Number(r.amountMinor) })));
    });
    const [lines, promos] = await Promise.all([loader.load(order.id), discounts.load(order.id)]);
    return {
      ...toOrderSettlement(lines),
      discounts: promos.map((p) => ({ promotionId: p.promotionId, name: p.name, kind: p.kind, code: p.code, fundedBy: p.fundedBy, amount: { amount: p.amountMinor, currency: order.currency } })),
    };
  }
}
