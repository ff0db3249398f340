import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentActor, PageArgs, Roles, decodeCursor, groupByKeys, byKeys, pageSize, toPage, type Actor, type RequestContext } from '@vitrine/shared/graphql';
import { ValidationError } from '@vitrine/shared/kernel';
import { OrderQueriesService, type OrderPageRequest } from '../application/order-queries.service';
import type { RefundRecord } from '@vitrine/payments';
import { MoneyType } from '@vitrine/catalog';
import { RefundOrderService } from '../application/refund-order.service';
import { DisputesService } from '../application/disputes.service';
import type { OrderStatus } from '../domain/order-state-machine';
import { outstandingOf, refundedTotal } from '../domain/refunds';
import type { OrderRecord } from '../infrastructure/order-tables';
import type { OrderSort } from '../infrastructure/order-query.repository';
import { toOrder, toOrderDispute } from './orders.mappers';
import { orderHistoryLoader, orderLinesLoader, orderPaymentLoader } from './order-loaders';
import {
  OrderDisputeType,
  OrderFilterInput,
  OrderLineType,
  OrderPage,
  OrderRefundType,
  OrderSortGql,
  OrderStatusChangeType,
  OrderStatusGql,
  OrderType,
  PaymentAttemptFailureType,
  RefundLineInput,
  RefundRequestedType,
} from './orders.types';

type Status = OrderStatusGql;

function pageRequest(page: PageArgs, status?: Status, sort: OrderSort = 'NEWEST'): OrderPageRequest {
  const take = pageSize(page.first);
  const cursor = decodeCursor(page.after, 2);
  const bad = () => new ValidationError([{ path: 'after', message: 'is not a valid cursor' }]);
  if (!cursor) return { take, after: null, status: status as OrderStatus | undefined, sort };
  if (sort === 'TOTAL_DESC' || sort === 'TOTAL_ASC') {
    if (typeof cursor[0] !== 'number' || !Number.isInteger(cursor[0])) throw bad();
    return { take, after: { totalMinor: cursor[0], id: String(cursor[1]) }, status: status as OrderStatus | undefined, sort };
  }
  const after = { createdAt: new Date(String(cursor[0])), id: String(cursor[1]) };
  if (typeof cursor[0] !== 'string' || Number.isNaN(after.createdAt.getTime())) throw bad();
  return { take, after, status: status as OrderStatus | undefined, sort };
}

const asPage = (r: { rows: OrderRecord[]; total: number }, take: number, sort: OrderSort = 'NEWEST') =>
  toPage(r.rows.map(toOrder), take, r.total, (o) => (sort === 'TOTAL_DESC' || sort === 'TOTAL_ASC' ? [o.total, o.id] : [o.createdAt.toISOString(), o.id]));


@Resolver(() => OrderType)
export class OrdersResolver {
  constructor(
    private readonly queries: OrderQueriesService,
    private readonly refunder: RefundOrderService,
    private readonly disputes_: DisputesService,
  ) {}

  @Query(() => OrderPage, { description: 'The signed-in shopper’s orders, newest first.' })
  async myOrders(@CurrentActor() actor: Actor, @Args() page: PageArgs, @Args('status', { type: () => OrderStatusGql, nullable: true }) status?: Status) {
    const q = pageRequest(page, status);
    return asPage(await this.queries.myOrders(actor, q), q.take);
  }

  @Roles('MUSEUM_MANAGER', 'PLATFORM_ADMIN')
  @Query(() => OrderPage, { description: 'Orders of one managed museum (or of all of them), newest first unless sorted; ID numbers masked.' })
  async museumOrders(
    @CurrentActor() actor: Actor,
    @Args() page: PageArgs,
    @Args('museumId', { type: () => ID, nullable: true }) museumId?: string,
    @Args('status', { type: () => OrderStatusGql, nullable: true, description: 'Same as filter.status (kept for older clients).' }) status?: Status,
    @Args('filter', { type: () => OrderFilterInput, nullable: true }) filter?: OrderFilterInput,
    @Args('sort', { type: () => OrderSortGql, nullable: true }) sort?: OrderSortGql,
  ) {
    const q = pageRequest(page, filter?.status ?? status, sort ?? 'NEWEST');
    return asPage(await this.queries.museumOrders(actor, museumId ?? null, q, filter ?? {}), q.take, q.sort);
  }

  @Query(() => OrderType, { description: 'One order the caller may see; NOT_FOUND otherwise.' })
  async order(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string) {
    return toOrder(await this.queries.order(actor, id));
  }

  @Roles('MUSEUM_MANAGER', 'PLATFORM_ADMIN')
  @Mutation(() => RefundRequestedType, { description: 'Refunds an order through Stripe: what is left of it, or some units of some lines; on a REFUNDED order, only what a refund Stripe reported failed left outstanding (refundOutstanding), without lines.' })
  async refundOrder(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('reason', { type: () => String }) reason: string,
    @Args('lines', { type: () => [RefundLineInput], nullable: true, description: 'Without lines, the whole order (less earlier refunds).' }) lines?: RefundLineInput[],
    @Args('idempotencyKey', {
      type: () => String,
      nullable: true,
      description:
        'Recommended: one key per refund the user means (e.g. a UUID per dialog opening), 8 to 128 of A-Z a-z 0-9 - _ : . . The same key and request on this order answers the first refund again (replayed: true), however often or concurrently it is sent; the same key with another reason or lines is IDEMPOTENCY_KEY_REUSED. Without a key two identical requests are two refunds.',
    })
    idempotencyKey?: string,
  ) {
    const r = await this.refunder.refund(actor, { orderId: id, reason, lines: lines?.map((l) => ({ lineId: l.lineId, quantity: l.quantity })) ?? null, idempotencyKey: idempotencyKey ?? null });
    return { order: toOrder(r.order), refundId: r.refundId, refundStatus: r.refundStatus, amount: r.amount, replayed: r.replayed };
  }

  @ResolveField(() => [OrderRefundType], { description: 'Refunds issued for this order, oldest first.' })
  async refunds(@Parent() order: OrderType, @Context() ctx: RequestContext) {
    return (await this.refundsLoader(ctx).load(order.id)).map((r) => ({ ...r, amount: r.amountMinor }));
  }

  @ResolveField(() => Int, { description: 'Refunded or being refunded (succeeded and pending refunds), minor units.' })
  async refundedTotal(@Parent() order: OrderType, @Context() ctx: RequestContext) {
    return refundedTotal(await this.refundsLoader(ctx).load(order.id));
  }

  @ResolveField(() => [OrderDisputeType], { description: 'Disputes on the payment of this order’s checkout, with this order’s part of their amounts.' })
  async disputes(@Parent() order: OrderType, @Context() ctx: RequestContext): Promise<OrderDisputeType[]> {
    return (await this.disputesLoader(ctx).load(order.checkoutId)).filter((d) => d.orderId === order.id);
  }

  @ResolveField(() => Int, { description: 'Taken back by the shopper’s bank through lost disputes: this order’s part, minor units (0 when none).' })
  async lostToDisputes(@Parent() order: OrderType, @Context() ctx: RequestContext): Promise<number> {
    return (await this.disputes(order, ctx)).reduce((a, d) => a + d.lostAmount, 0);
  }

  @ResolveField(() => PaymentAttemptFailureType, { nullable: true, description: 'The last declined payment attempt of the checkout (“last attempt declined”); null when none.' })
  async lastPaymentFailure(@Parent() order: OrderType, @Context() ctx: RequestContext): Promise<PaymentAttemptFailureType | null> {
    const loader = ctx.loaders.get<string, PaymentAttemptFailureType | null>('orders.paymentFailures', async (checkoutIds) => {
      const rows = await this.queries.paymentFailuresOf(checkoutIds);
      return byKeys(checkoutIds, rows, (r) => r.checkoutId).map((r) => (r ? { attempts: r.failedAttempts, code: r.lastFailureCode, declineCode: r.lastDeclineCode, at: r.lastFailedAt } : null));
    });
    return loader.load(order.checkoutId);
  }

  private disputesLoader(ctx: RequestContext) {
    return ctx.loaders.get<string, OrderDisputeType[]>('orders.disputes', async (checkoutIds) => {
      const rows = await this.disputes_.ofCheckouts(checkoutIds);
      return groupByKeys(checkoutIds, rows, (r) => r.checkoutId).map((ds) => ds.map(toOrderDispute));
    });
  }

  private refundsLoader(ctx: RequestContext) {
    return ctx.loaders.get<string, RefundRecord[]>('orders.refunds', async (orderIds) => {
      const rows = await this.queries.refundsOf(orderIds);
      return groupByKeys(orderIds, rows, (r) => r.orderId ?? '');
    });
  }

  @ResolveField(() => [OrderLineType])
  async lines(@Parent() order: OrderType, @Context() ctx: RequestContext) {
    return (await orderLinesLoader(ctx, this.queries).load(order.id)).map((l) => ({ ...l, fx: { ...l.fx, marginBps: order.fx.marginBps } }));
  }

  @ResolveField(() => [OrderStatusChangeType], { description: 'Every state the order went through.' })
  async history(@Parent() order: OrderType, @Context() ctx: RequestContext) {
    return orderHistoryLoader(ctx, this.queries).load(order.id);
  }

  @ResolveField(() => String, { nullable: true, description: 'REQUIRES_PAYMENT, PROCESSING, SUCCEEDED, FAILED or CANCELED.' })
  async paymentStatus(@Parent() order: OrderType, @Context() ctx: RequestContext) {
    return (await this.paymentLoader(ctx).load(order.checkoutId))?.status ?? null;
  }

  @ResolveField(() => MoneyType, {
    nullable: true,
    description:
      'What the shopper is still owed on a REFUNDED order because Stripe reported a refund of it failed or cancelled (refundOrder refunds it again); null when nothing is.',
  })
  async refundOutstanding(@Parent() order: OrderType, @Context() ctx: RequestContext): Promise<MoneyType | null> {
    if (order.status !== 'REFUNDED') return null;
    const [refunds, payment] = await Promise.all([this.refundsLoader(ctx).load(order.id), this.paymentLoader(ctx).load(order.checkoutId)]);
    const amount = outstandingOf({ status: order.status, totalMinor: order.total }, refunds, payment);
    return amount ? { amount, currency: order.currency } : null;
  }

  private paymentLoader(ctx: RequestContext) {
    return orderPaymentLoader(ctx, this.queries);
  }
}
