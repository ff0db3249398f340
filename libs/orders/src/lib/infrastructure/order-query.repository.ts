import { Injectable } from '@nestjs/common';
import { PrismaService, type AttributionChannel, type OrderStatus, type Prisma, type SqlTx, type Tx } from '@vitrine/shared/data-access';
import type { LineRefunded } from '../domain/refunds';
import { checkoutSelect, orderLineSelect, orderSelect, quotaUsedSql, toOrder, type CheckoutRecord, type OrderLineRecord, type OrderRecord } from './order-tables';

export type OrderSort = 'NEWEST' | 'OLDEST' | 'TOTAL_DESC' | 'TOTAL_ASC';

export interface OrderPageQuery {
  take: number;
  /** The sort key of the last row seen (createdAt, or totalMinor for the TOTAL sorts) and its id. */
  after: { createdAt: Date; id: string } | { totalMinor: number; id: string } | null;
  status?: OrderStatus;
  /** Part of the order number, or of the orderer's or recipient's name (wildcards taken literally). */
  search?: string;
  createdFrom?: Date;
  createdBefore?: Date;
  sort?: OrderSort;
  /** Only these orders (a filter decided outside this table, e.g. by their refunds). */
  ids?: readonly string[];
  /** Only orders from this channel (order_attributions; DIRECT: orders without a row). */
  channel?: AttributionChannel;
}

/** Whose orders a page lists: a shopper's, those a brand partner fulfils, or those of these museums (ALL: every museum's). */
export type OrderScope = { shopperUserId: string } | { museumIds: readonly string[] | 'ALL' } | { fulfilledByBrandId: string };

function scopeWhere(scope: OrderScope): Prisma.OrderWhereInput {
  if ('shopperUserId' in scope) return { shopperUserId: scope.shopperUserId };
  if ('fulfilledByBrandId' in scope) return { fulfilledByBrandId: scope.fulfilledByBrandId };
  if (scope.museumIds === 'ALL') return {};
  return { museumId: { in: [...scope.museumIds] } };
}

/** The order queries: checkouts, orders, their lines, history and refunds as read, and the yearly quota they use. */
@Injectable()
export class OrderQueryRepository {
  constructor(private readonly prisma: PrismaService) {}

  findCheckout(id: string): Promise<CheckoutRecord | null> {
    return this.prisma.checkout.findUnique({ where: { id }, select: checkoutSelect });
  }

  /** The cart's latest checkout (a cart whose checkout was never paid opens again: CartReopening). */
  findCheckoutOfCart(cartId: string): Promise<CheckoutRecord | null> {
    return this.prisma.checkout.findFirst({ where: { cartId }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], select: checkoutSelect });
  }

  async ordersOfCheckout(checkoutId: string, tx: Tx = this.prisma): Promise<OrderRecord[]> {
    const rows = await tx.order.findMany({ where: { checkoutId }, orderBy: [{ museumId: 'asc' }, { id: 'asc' }], select: orderSelect });
    return rows.map(toOrder);
  }

  async findOrder(id: string): Promise<OrderRecord | null> {
    const row = await this.prisma.order.findUnique({ where: { id }, select: orderSelect });
    return row ? toOrder(row) : null;
  }

  async findOrders(ids: readonly string[]): Promise<OrderRecord[]> {
    const rows = await this.prisma.order.findMany({ where: { id: { in: [...ids] } }, select: orderSelect });
    return rows.map(toOrder);
  }

  async page(scope: OrderScope, q: OrderPageQuery): Promise<{ rows: OrderRecord[]; total: number }> {
    // Prisma passes `contains` to ILIKE as is: wildcards in the text are taken literally.
    const term = q.search?.trim().replace(/[\\%_]/g, (c) => `\\${c}`);
    const where: Prisma.OrderWhereInput = {
      ...scopeWhere(scope),
      ...(q.status ? { status: q.status } : {}),
      ...(q.ids ? { id: { in: [...q.ids] } } : {}),
      ...(q.channel ? { attribution: q.channel === 'DIRECT' ? { is: null } : { is: { channel: q.channel } } } : {}),
      ...(q.createdFrom || q.createdBefore ? { createdAt: { ...(q.createdFrom ? { gte: q.createdFrom } : {}), ...(q.createdBefore ? { lt: q.createdBefore } : {}) } } : {}),
      ...(term
        ? {
            OR: [
              { number: { contains: term, mode: 'insensitive' } },
              { ordererName: { contains: term, mode: 'insensitive' } },
              { recipientName: { contains: term, mode: 'insensitive' } },
            ],
          }
        : {}),
    };
    const sort = q.sort ?? 'NEWEST';
    const dir = sort === 'NEWEST' || sort === 'TOTAL_DESC' ? 'desc' : 'asc';
    const cmp = dir === 'desc' ? 'lt' : 'gt';
    const byTotal = sort === 'TOTAL_DESC' || sort === 'TOTAL_ASC';
    let after: Prisma.OrderWhereInput = {};
    if (q.after && 'totalMinor' in q.after) {
      after = { OR: [{ totalMinor: { [cmp]: q.after.totalMinor } }, { totalMinor: q.after.totalMinor, id: { [cmp]: q.after.id } }] };
    } else if (q.after) {
      after = { OR: [{ createdAt: { [cmp]: q.after.createdAt } }, { createdAt: q.after.createdAt, id: { [cmp]: q.after.id } }] };
    }
    const orderBy: Prisma.OrderOrderByWithRelationInput[] = byTotal ? [{ totalMinor: dir }, { id: dir }] : [{ createdAt: dir }, { id: dir }];
    const [rows, total] = await Promise.all([
      this.prisma.order.findMany({ where: { AND: [where, after] }, orderBy, take: q.take + 1, select: orderSelect }),
      this.prisma.order.count({ where }),
    ]);
    return { rows: rows.map(toOrder), total };
  }

  async linesOf(orderIds: readonly string[]): Promise<OrderLineRecord[]> {
    const rows = await this.prisma.orderLine.findMany({ where: { orderId: { in: [...orderIds] } }, orderBy: [{ orderId: 'asc' }, { position: 'asc' }], select: orderLineSelect });
    return rows.map((r) => ({ ...r, fxRate: r.fxRate.toString() }));
  }

  historyOf(orderIds: readonly string[]) {
    return this.prisma.orderStatusChange.findMany({
      where: { orderId: { in: [...orderIds] } },
      orderBy: [{ orderId: 'asc' }, { id: 'asc' }],
      select: { orderId: true, fromStatus: true, toStatus: true, reason: true, createdAt: true },
    });
  }

  /** Checkouts with unpaid orders whose hold has run out, oldest first. */
  async expiredCheckoutIds(now: Date, limit: number): Promise<string[]> {
    const rows = await this.prisma.$queryRaw<{ checkout_id: string }[]>`
      SELECT checkout_id FROM orders WHERE status = 'PENDING_PAYMENT' AND hold_expires_at <= ${now}
      GROUP BY checkout_id ORDER BY MIN(hold_expires_at) LIMIT ${limit}`;
    return rows.map((r) => r.checkout_id);
  }

  /**
   * Dutiable value already using the identity's yearly quota: orders paid in the year and not
   * refunded or cancelled, plus unpaid orders whose hold still runs (they may be paid any
   * moment, so they hold quota as they hold stock). Each order counts the dutiable value of
   * the units it still holds: per line, its snapshotted `dutiable_minor` (customs'
   * `dutiableValue`: goods + freight + insurance shares, written by checkout) × units not given
   * back / units, rounded half up. Units are given back by partial refunds outside returns
   * (those Stripe reported failed or cancelled do not count) and by returns customs has accepted
   * (all the units the return declared, refunded yet or not: domain.md, the quota is restored
   * once customs accepts the return); a return's refund alone gives nothing back. A fully
   * refunded order (REFUNDED) counts only the units refunded by returns customs has not accepted.
   */
  async quotaUsed(identityId: string, year: { start: Date; end: Date }, now: Date, paidStatuses: readonly OrderStatus[], tx: SqlTx = this.prisma): Promise<number> {
    const rows = await tx.$queryRaw<{ used: bigint | null }[]>(quotaUsedSql({ identityId, year, now, paidStatuses }));
    return Number(rows[0]?.used ?? 0);
  }

  /** Whether this account has placed an order with this identity under this orderer name. */
  async hasOrderedAs(shopperUserId: string, identityId: string, ordererName: string): Promise<boolean> {
    const row = await this.prisma.order.findFirst({ where: { shopperUserId, identityId, ordererName }, select: { id: true } });
    return row !== null;
  }

  /** Whether this shopper ever ordered with this identity (under any name): one of their saved orderer identities. */
  async hasOrderedWith(shopperUserId: string, identityId: string): Promise<boolean> {
    const row = await this.prisma.order.findFirst({ where: { shopperUserId, identityId }, select: { id: true } });
    return row !== null;
  }

  /** What each line of this order has given back by partial refunds that still count (units, amount, goods, tax). */
  async refundedLines(orderId: string, tx: Tx = this.prisma): Promise<Map<string, LineRefunded>> {
    const rows = await tx.orderLineRefund.groupBy({ by: ['orderLineId'], where: { orderId, cancelledAt: null }, _sum: { quantity: true, amountMinor: true, goodsMinor: true, taxMinor: true, discountMinor: true } });
    return new Map(
      rows.map((r) => [r.orderLineId, { units: r._sum.quantity ?? 0, amountMinor: r._sum.amountMinor ?? 0, goodsMinor: r._sum.goodsMinor ?? 0, taxMinor: r._sum.taxMinor ?? 0, discountMinor: r._sum.discountMinor ?? 0 }]),
    );
  }

  /** Of these orders, those whose every unit was refunded line by line (refunds that still count). */
  async everyUnitRefunded(tx: SqlTx, orderIds: readonly string[]): Promise<Set<string>> {
    if (!orderIds.length) return new Set();
    const rows = await tx.$queryRaw<{ id: string }[]>`
      SELECT l.order_id::text AS id FROM order_lines l
      LEFT JOIN (SELECT order_line_id, SUM(quantity) AS units FROM order_line_refunds
                 WHERE order_id = ANY(${[...orderIds]}::uuid[]) AND cancelled_at IS NULL GROUP BY order_line_id) r ON r.order_line_id = l.id
      WHERE l.order_id = ANY(${[...orderIds]}::uuid[])
      GROUP BY l.order_id HAVING bool_and(COALESCE(r.units, 0) >= l.quantity)`;
    return new Set(rows.map((r) => r.id));
  }
}
