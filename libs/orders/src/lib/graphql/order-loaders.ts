import { byKeys, groupByKeys, type RequestContext } from '@vitrine/shared/graphql';
import type { PaymentRecord } from '@vitrine/payments';
import type { OrderQueriesService } from '../application/order-queries.service';
import type { OrderStatus } from '../domain/order-state-machine';
import type { OrderLineRecord } from '../infrastructure/order-tables';
import { toOrderLine } from './orders.mappers';
import type { OrderLineType, OrderStatusChangeType, OrderStatusGql } from './orders.types';

/**
 * The request's loaders behind Order.lines, Order.history and Order.paymentStatus, shared by the
 * field resolvers and by placeOrder, which primes them with what it has just written (issue 18:
 * the answer of a checkout costs no statement of its own).
 */
export function orderLinesLoader(ctx: RequestContext, queries: OrderQueriesService) {
  return ctx.loaders.get<string, OrderLineType[]>('orders.lines', async (ids) => {
    const rows = await queries.linesOf(ids);
    return groupByKeys(ids, rows, (r) => r.orderId).map((lines) => lines.map((l) => toOrderLine(l, 0)));
  });
}

export interface StatusChangeRow {
  orderId: string;
  fromStatus: OrderStatus | string | null;
  toStatus: OrderStatus | string;
  reason: string;
  createdAt: Date;
}

const toChange = (c: StatusChangeRow): OrderStatusChangeType => ({ from: c.fromStatus as OrderStatusGql | null, to: c.toStatus as OrderStatusGql, reason: c.reason, at: c.createdAt });

export function orderHistoryLoader(ctx: RequestContext, queries: OrderQueriesService) {
  return ctx.loaders.get<string, OrderStatusChangeType[]>('orders.history', async (ids) => {
    const rows = await queries.historyOf(ids);
    return groupByKeys(ids, rows, (r) => r.orderId).map((changes) => changes.map(toChange));
  });
}

export function orderPaymentLoader(ctx: RequestContext, queries: OrderQueriesService) {
  return ctx.loaders.get<string, PaymentRecord | null>('orders.payment', async (checkoutIds) => {
    const rows = await queries.paymentsOf(checkoutIds);
    return byKeys(checkoutIds, rows, (r) => r.checkoutId);
  });
}

/** Primes the loaders above with a checkout just written in this request (its rows as committed). */
export function primeOrderLoaders(
  ctx: RequestContext,
  queries: OrderQueriesService,
  written: { orderIds: readonly string[]; lines: readonly OrderLineRecord[]; history: readonly StatusChangeRow[]; payment: PaymentRecord | null },
): void {
  const lines = orderLinesLoader(ctx, queries);
  const history = orderHistoryLoader(ctx, queries);
  for (const id of written.orderIds) {
    lines.prime(id, written.lines.filter((l) => l.orderId === id).sort((a, b) => a.position - b.position).map((l) => toOrderLine(l, 0)));
    history.prime(id, written.history.filter((c) => c.orderId === id).map(toChange));
  }
  if (written.payment) orderPaymentLoader(ctx, queries).prime(written.payment.checkoutId, written.payment);
}
