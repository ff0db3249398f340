import { Injectable } from '@nestjs/common';
import { PrismaService, isUniqueViolation, type OrderStatus, type Tx } from '@vitrine/shared/data-access';
import type { Recipient } from '../domain/checkout-input';

export interface CheckoutRecord {
  id: string;
  idempotencyKey: string;
  fingerprint: string;
  cartId: string;
  shopperUserId: string | null;
  currency: string;
  goodsMinor: number;
  shippingMinor: number;
  insuranceMinor: number;
  taxMinor: number;
  totalMinor: number;
  holdExpiresAt: Date;
  createdAt: Date;
}

export interface OrderRecord {
  id: string;
  number: string;
  checkoutId: string;
  museumId: string;
  shopperUserId: string | null;
  status: OrderStatus;
  customsMode: string;
  stockLocationId: string;
  currency: string;
  goodsMinor: number;
  shippingMinor: number;
  insuranceMinor: number;
  taxMinor: number;
  totalMinor: number;
  fxRate: string;
  fxMarginBps: number;
  fxSource: string;
  fxEffectiveAt: Date;
  ordererName: string;
  ordererIdMasked: string;
  recipient: Recipient;
  holdExpiresAt: Date;
  paidAt: Date | null;
  cancelledAt: Date | null;
  refundedAt: Date | null;
  createdAt: Date;
}

export interface OrderLineRecord {
  id: string;
  orderId: string;
  position: number;
  variantId: string;
  productId: string;
  sku: string;
  name: string;
  crossBorderCategory: string;
  hsCode: string;
  originCountry: string;
  weightGrams: number;
  quantity: number;
  unitPriceEurMinor: number;
  unitPriceMinor: number;
  currency: string;
  goodsMinor: number;
  freightMinor: number;
  insuranceMinor: number;
  dutiableMinor: number;
  taxRate: string;
  taxMinor: number;
  totalMinor: number;
  fxRate: string;
  fxSource: string;
  fxEffectiveAt: Date;
}

export type NewCheckout = CheckoutRecord & { identityId: string; idConsentAt: Date; riskNoticeAcceptedAt: Date; consentVersion: string };
export type NewOrder = Omit<OrderRecord, 'status' | 'paidAt' | 'cancelledAt' | 'refundedAt'> & { identityId: string; lines: Omit<OrderLineRecord, 'id' | 'orderId'>[] };

const checkoutSelect = {
  id: true,
  idempotencyKey: true,
  fingerprint: true,
  cartId: true,
  shopperUserId: true,
  currency: true,
  goodsMinor: true,
  shippingMinor: true,
  insuranceMinor: true,
  taxMinor: true,
  totalMinor: true,
  holdExpiresAt: true,
  createdAt: true,
} as const;

const orderSelect = {
  id: true,
  number: true,
  checkoutId: true,
  museumId: true,
  shopperUserId: true,
  status: true,
  customsMode: true,
  stockLocationId: true,
  currency: true,
  goodsMinor: true,
  shippingMinor: true,
  insuranceMinor: true,
  taxMinor: true,
  totalMinor: true,
  fxRate: true,
  fxMarginBps: true,
  fxSource: true,
  fxEffectiveAt: true,
  ordererName: true,
  ordererIdMasked: true,
  recipientName: true,
  recipientPhone: true,
  province: true,
  city: true,
  district: true,
  street: true,
  postalCode: true,
  holdExpiresAt: true,
  paidAt: true,
  cancelledAt: true,
  refundedAt: true,
  createdAt: true,
} as const;

type OrderRow = Omit<OrderRecord, 'recipient' | 'fxRate'> & {
  fxRate: { toString(): string };
  recipientName: string;
  recipientPhone: string;
  province: string;
  city: string;
  district: string;
  street: string;
  postalCode: string;
};

function toOrder(r: OrderRow): OrderRecord {
  const { recipientName, recipientPhone, province, city, district, street, postalCode, fxRate, ...rest } = r;
  return { ...rest, fxRate: fxRate.toString(), recipient: { name: recipientName, phone: recipientPhone, province, city, district, street, postalCode } };
}

export class DuplicateCheckoutError extends Error {}

export interface OrderPageQuery {
  take: number;
  after: { createdAt: Date; id: string } | null;
  status?: OrderStatus;
}

@Injectable()
export class OrderRepository {
  constructor(private readonly prisma: PrismaService) {}

  findCheckoutByKey(idempotencyKey: string): Promise<CheckoutRecord | null> {
    return this.prisma.checkout.findUnique({ where: { idempotencyKey }, select: checkoutSelect });
  }

  findCheckout(id: string): Promise<CheckoutRecord | null> {
    return this.prisma.checkout.findUnique({ where: { id }, select: checkoutSelect });
  }

  findCheckoutOfCart(cartId: string): Promise<CheckoutRecord | null> {
    return this.prisma.checkout.findUnique({ where: { cartId }, select: checkoutSelect });
  }

  /** Throws DuplicateCheckoutError when the key (or the cart) was checked out by a concurrent request. */
  async insertCheckout(tx: Tx, data: NewCheckout): Promise<void> {
    try {
      await tx.checkout.create({ data, select: { id: true } });
    } catch (e) {
      if (isUniqueViolation(e)) throw new DuplicateCheckoutError();
      throw e;
    }
  }

  /** Closes an open cart for checkout (row lock until commit); false when it was already closed. */
  async closeCart(tx: Tx, cartId: string): Promise<boolean> {
    const updated = await tx.$executeRaw`
      UPDATE carts SET status = 'CHECKED_OUT', open_user_id = NULL, updated_at = now() WHERE id = ${cartId}::uuid AND status = 'OPEN'`;
    return updated === 1;
  }

  async insertOrders(tx: Tx, orders: readonly NewOrder[]): Promise<void> {
    await tx.order.createMany({
      data: orders.map(({ lines: _lines, recipient: r, ...o }) => ({
        ...o,
        recipientName: r.name,
        recipientPhone: r.phone,
        province: r.province,
        city: r.city,
        district: r.district,
        street: r.street,
        postalCode: r.postalCode,
      })),
    });
    await tx.orderLine.createMany({ data: orders.flatMap((o) => o.lines.map((l) => ({ ...l, orderId: o.id }))) });
    await tx.orderStatusChange.createMany({ data: orders.map((o) => ({ orderId: o.id, fromStatus: null, toStatus: 'PENDING_PAYMENT' as const, reason: 'placed' })) });
  }

  /**
   * Goods value already using the identity's yearly quota: orders paid in the year and not
   * refunded or cancelled, plus unpaid orders whose hold still runs (they may be paid any
   * moment, so they hold quota as they hold stock).
   */
  async quotaUsed(tx: Tx, identityId: string, year: { start: Date; end: Date }, now: Date, paidStatuses: readonly OrderStatus[]): Promise<number> {
    const rows = await tx.$queryRaw<{ used: bigint | null }[]>`
      SELECT COALESCE(SUM(goods_minor), 0)::bigint AS used FROM orders
      WHERE identity_id = ${identityId}::uuid AND (
        (status::text = ANY(${[...paidStatuses]}::text[]) AND paid_at >= ${year.start} AND paid_at < ${year.end})
        OR (status = 'PENDING_PAYMENT' AND hold_expires_at > ${now} AND created_at >= ${year.start} AND created_at < ${year.end}))`;
    return Number(rows[0]?.used ?? 0);
  }

  async ordersOfCheckout(checkoutId: string, tx: Tx = this.prisma): Promise<OrderRecord[]> {
    const rows = await tx.order.findMany({ where: { checkoutId }, orderBy: [{ museumId: 'asc' }, { id: 'asc' }], select: orderSelect });
    return rows.map(toOrder);
  }

  /**
   * Moves the orders that are in `from` to `to`, with the audit trail, and answers which
   * moved. Conditional on the current status, so concurrent or repeated calls move each
   * order at most once.
   */
  async transition(tx: Tx, orderIds: readonly string[], from: OrderStatus, to: OrderStatus, reason: string, at: Date): Promise<string[]> {
    if (!orderIds.length) return [];
    const stamp = to === 'PAID' ? 'paid_at' : to === 'CANCELLED' ? 'cancelled_at' : to === 'REFUNDED' ? 'refunded_at' : null;
    const moved =
      stamp === 'paid_at'
        ? await tx.$queryRaw<{ id: string }[]>`UPDATE orders SET status = ${to}::"OrderStatus", updated_at = now(), paid_at = ${at} WHERE id = ANY(${[...orderIds]}::uuid[]) AND status = ${from}::"OrderStatus" RETURNING id`
        : stamp === 'cancelled_at'
          ? await tx.$queryRaw<{ id: string }[]>`UPDATE orders SET status = ${to}::"OrderStatus", updated_at = now(), cancelled_at = ${at} WHERE id = ANY(${[...orderIds]}::uuid[]) AND status = ${from}::"OrderStatus" RETURNING id`
          : stamp === 'refunded_at'
            ? await tx.$queryRaw<{ id: string }[]>`UPDATE orders SET status = ${to}::"OrderStatus", updated_at = now(), refunded_at = ${at} WHERE id = ANY(${[...orderIds]}::uuid[]) AND status = ${from}::"OrderStatus" RETURNING id`
            : await tx.$queryRaw<{ id: string }[]>`UPDATE orders SET status = ${to}::"OrderStatus", updated_at = now() WHERE id = ANY(${[...orderIds]}::uuid[]) AND status = ${from}::"OrderStatus" RETURNING id`;
    const ids = moved.map((m) => m.id);
    if (ids.length) await tx.orderStatusChange.createMany({ data: ids.map((orderId) => ({ orderId, fromStatus: from, toStatus: to, reason })) });
    return ids;
  }

  /** Checkouts with unpaid orders whose hold has run out, oldest first. */
  async expiredCheckoutIds(now: Date, limit: number): Promise<string[]> {
    const rows = await this.prisma.$queryRaw<{ checkout_id: string }[]>`
      SELECT checkout_id FROM orders WHERE status = 'PENDING_PAYMENT' AND hold_expires_at <= ${now}
      GROUP BY checkout_id ORDER BY MIN(hold_expires_at) LIMIT ${limit}`;
    return rows.map((r) => r.checkout_id);
  }

  async findOrder(id: string): Promise<OrderRecord | null> {
    const row = await this.prisma.order.findUnique({ where: { id }, select: orderSelect });
    return row ? toOrder(row) : null;
  }

  async findOrders(ids: readonly string[]): Promise<OrderRecord[]> {
    const rows = await this.prisma.order.findMany({ where: { id: { in: [...ids] } }, select: orderSelect });
    return rows.map(toOrder);
  }

  async page(scope: { shopperUserId: string } | { museumIds: readonly string[] | 'ALL' }, q: OrderPageQuery): Promise<{ rows: OrderRecord[]; total: number }> {
    const where = {
      ...('shopperUserId' in scope ? { shopperUserId: scope.shopperUserId } : scope.museumIds === 'ALL' ? {} : { museumId: { in: [...scope.museumIds] } }),
      ...(q.status ? { status: q.status } : {}),
    };
    const after = q.after
      ? { OR: [{ createdAt: { lt: q.after.createdAt } }, { createdAt: q.after.createdAt, id: { lt: q.after.id } }] }
      : {};
    const [rows, total] = await Promise.all([
      this.prisma.order.findMany({ where: { ...where, ...after }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: q.take + 1, select: orderSelect }),
      this.prisma.order.count({ where }),
    ]);
    return { rows: rows.map(toOrder), total };
  }

  async linesOf(orderIds: readonly string[]): Promise<OrderLineRecord[]> {
    const rows = await this.prisma.orderLine.findMany({
      where: { orderId: { in: [...orderIds] } },
      orderBy: [{ orderId: 'asc' }, { position: 'asc' }],
      select: {
        id: true,
        orderId: true,
        position: true,
        variantId: true,
        productId: true,
        sku: true,
        name: true,
        crossBorderCategory: true,
        hsCode: true,
        originCountry: true,
        weightGrams: true,
        quantity: true,
        unitPriceEurMinor: true,
        unitPriceMinor: true,
        currency: true,
        goodsMinor: true,
        freightMinor: true,
        insuranceMinor: true,
        dutiableMinor: true,
        taxRate: true,
        taxMinor: true,
        totalMinor: true,
        fxRate: true,
        fxSource: true,
        fxEffectiveAt: true,
      },
    });
    return rows.map((r) => ({ ...r, fxRate: r.fxRate.toString() }));
  }

  historyOf(orderIds: readonly string[]) {
    return this.prisma.orderStatusChange.findMany({
      where: { orderId: { in: [...orderIds] } },
      orderBy: [{ orderId: 'asc' }, { id: 'asc' }],
      select: { orderId: true, fromStatus: true, toStatus: true, reason: true, createdAt: true },
    });
  }
}
