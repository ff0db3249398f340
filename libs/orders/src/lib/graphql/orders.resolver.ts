import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentActor, PageArgs, Roles, decodeCursor, groupByKeys, byKeys, pageSize, toPage, type Actor, type RequestContext } from '@vitrine/shared/graphql';
import { ValidationError } from '@vitrine/shared/kernel';
import { OrderQueriesService, type OrderPageRequest } from '../application/order-queries.service';
import { RefundOrderService } from '../application/refund-order.service';
import type { OrderStatus } from '../domain/order-state-machine';
import type { OrderRecord } from '../infrastructure/order.repository';
import { toOrder, toOrderLine } from './orders.mappers';
import { OrderLineType, OrderPage, OrderStatusChangeType, OrderStatusGql, OrderType, RefundRequestedType } from './orders.types';

type Status = OrderStatusGql;

function pageRequest(page: PageArgs, status?: Status): OrderPageRequest {
  const take = pageSize(page.first);
  const cursor = decodeCursor(page.after, 2);
  const after = cursor ? { createdAt: new Date(String(cursor[0])), id: String(cursor[1]) } : null;
  if (after && Number.isNaN(after.createdAt.getTime())) throw new ValidationError([{ path: 'after', message: 'is not a valid cursor' }]);
  return { take, after, status: status as OrderStatus | undefined };
}

const asPage = (r: { rows: OrderRecord[]; total: number }, take: number) =>
  toPage(r.rows.map(toOrder), take, r.total, (o) => [o.createdAt.toISOString(), o.id]);

@Resolver(() => OrderType)
export class OrdersResolver {
  constructor(
    private readonly queries: OrderQueriesService,
    private readonly refunds: RefundOrderService,
  ) {}

  @Query(() => OrderPage, { description: 'The signed-in shopper’s orders, newest first.' })
  async myOrders(@CurrentActor() actor: Actor, @Args() page: PageArgs, @Args('status', { type: () => OrderStatusGql, nullable: true }) status?: Status) {
    const q = pageRequest(page, status);
    return asPage(await this.queries.myOrders(actor, q), q.take);
  }

  @Roles('MUSEUM_MANAGER', 'PLATFORM_ADMIN')
  @Query(() => OrderPage, { description: 'Orders of one managed museum (or of all of them), newest first; ID numbers masked.' })
  async museumOrders(
    @CurrentActor() actor: Actor,
    @Args() page: PageArgs,
    @Args('museumId', { type: () => ID, nullable: true }) museumId?: string,
    @Args('status', { type: () => OrderStatusGql, nullable: true }) status?: Status,
  ) {
    const q = pageRequest(page, status);
    return asPage(await this.queries.museumOrders(actor, museumId ?? null, q), q.take);
  }

  @Query(() => OrderType, { description: 'One order the caller may see; NOT_FOUND otherwise.' })
  async order(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string) {
    return toOrder(await this.queries.order(actor, id));
  }

  @Roles('MUSEUM_MANAGER', 'PLATFORM_ADMIN')
  @Mutation(() => RefundRequestedType, { description: 'Refunds an order in full through Stripe.' })
  async refundOrder(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string, @Args('reason', { type: () => String }) reason: string) {
    const r = await this.refunds.refund(actor, id, reason);
    return { order: toOrder(r.order), refundId: r.refundId, refundStatus: r.refundStatus };
  }

  @ResolveField(() => [OrderLineType])
  async lines(@Parent() order: OrderType, @Context() ctx: RequestContext) {
    const loader = ctx.loaders.get<string, OrderLineType[]>('orders.lines', async (ids) => {
      const rows = await this.queries.linesOf(ids);
      return groupByKeys(ids, rows, (r) => r.orderId).map((lines) => lines.map((l) => toOrderLine(l, 0)));
    });
    return (await loader.load(order.id)).map((l) => ({ ...l, fx: { ...l.fx, marginBps: order.fx.marginBps } }));
  }

  @ResolveField(() => [OrderStatusChangeType], { description: 'Every state the order went through.' })
  async history(@Parent() order: OrderType, @Context() ctx: RequestContext) {
    const loader = ctx.loaders.get<string, OrderStatusChangeType[]>('orders.history', async (ids) => {
      const rows = await this.queries.historyOf(ids);
      return groupByKeys(ids, rows, (r) => r.orderId).map((changes) =>
        changes.map((c) => ({ from: c.fromStatus as Status | null, to: c.toStatus as Status, reason: c.reason, at: c.createdAt })),
      );
    });
    return loader.load(order.id);
  }

  @ResolveField(() => String, { nullable: true, description: 'REQUIRES_PAYMENT, PROCESSING, SUCCEEDED, FAILED or CANCELED.' })
  async paymentStatus(@Parent() order: OrderType, @Context() ctx: RequestContext) {
    const loader = ctx.loaders.get<string, string | null>('orders.paymentStatus', async (checkoutIds) => {
      const rows = await this.queries.paymentsOf(checkoutIds);
      return byKeys(checkoutIds, rows, (r) => r.checkoutId).map((p) => p?.status ?? null);
    });
    return loader.load(order.checkoutId);
  }
}
