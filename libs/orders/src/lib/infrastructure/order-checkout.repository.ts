import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { queueGuestReturnSms } from '../after-sales/infrastructure/return-sms.outbox';
import { Prisma, PrismaService, type OrderStatus, type SqlTx, type Tx } from '@vitrine/shared/data-access';
import {
  CHECKOUT_COLUMNS,
  ORDER_COLUMNS,
  ORDER_LINE_COLUMNS,
  columnList,
  fieldList,
  orderSelect,
  pickFields,
  quotaUsedSql,
  toColumns,
  toOrder,
  type CheckoutRecord,
  type OrderLineRecord,
  type OrderRecord,
  type OrderRow,
  type QuotaQuery,
} from './order-tables';

/** What insertPlaced wrote, as the order queries would read it back. */
export interface PlacedRows {
  /** False: the idempotency key was taken (by another cart), nothing was written. */
  inserted: boolean;
  /** The identity's yearly quota used before this checkout (quotaUsed), read in the same statement when asked. */
  quotaUsed: number;
  lines: OrderLineRecord[];
  history: { orderId: string; fromStatus: null; toStatus: 'PENDING_PAYMENT'; reason: string; createdAt: Date }[];
}

export type NewCheckout = CheckoutRecord & { discountMinor: number; identityId: string; idConsentAt: Date; riskNoticeAcceptedAt: Date; consentVersion: string; locale: string };
export type NewOrder = Omit<OrderRecord, 'status' | 'paidAt' | 'cancelledAt' | 'refundedAt'> & { identityId: string; lines: Omit<OrderLineRecord, 'id' | 'orderId'>[] };

export class DuplicateCheckoutError extends Error {}

/** The orders columns placeOrder writes: the record's, less the later stamps, with the identity and updated_at. */
const { paidAt: _paidAt, cancelledAt: _cancelledAt, refundedAt: _refundedAt, ...placedOrderColumns } = ORDER_COLUMNS;
const PLACED_ORDER_COLUMNS = { ...placedOrderColumns, identityId: 'identity_id', updatedAt: 'updated_at' } as const;
type PlacedOrderRow = Record<keyof typeof PLACED_ORDER_COLUMNS, unknown>;

/** The timestamp column a move to this status sets, besides updated_at. */
const STATUS_STAMP: Partial<Record<OrderStatus, string>> = { PAID: 'paid_at', CANCELLED: 'cancelled_at', REFUNDED: 'refunded_at' };

/**
 * The checkout's writes: placing it (the checkout, its orders, lines and first history rows),
 * then its orders' status moves and refunds, each in the caller's transaction. Reads of orders
 * are OrderQueryRepository's; placeOrder's own idempotency read and the order lock taken before
 * a refund are here, beside the writes they guard.
 */
@Injectable()
export class OrderCheckoutRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** On every placeOrder: raw SQL, the cheapest read Prisma offers. */
  async findCheckoutByKey(idempotencyKey: string): Promise<CheckoutRecord | null> {
    const rows = await this.prisma.$queryRaw<CheckoutRecord[]>`SELECT ${fieldList(CHECKOUT_COLUMNS)} FROM checkouts WHERE idempotency_key = ${idempotencyKey}`;
    return rows[0] ?? null;
  }

  /** Closes an open cart for checkout, as a statement for another's first CTE (IdentityRecordsService.recordAfter): a row when the cart was open and is now closed. */
  closeCartSql(cartId: string): Prisma.Sql {
    return Prisma.sql`UPDATE carts SET status = 'CHECKED_OUT', open_user_id = NULL, updated_at = now() WHERE id = ${cartId}::uuid AND status = 'OPEN' RETURNING id`;
  }

  /**
   * Writes the checkout, its orders, their lines and first history rows in one statement (one
   * round trip inside the checkout transaction; foreign keys are checked at its end), and
   * answers the lines and history rows as written (placeOrder's answer reads nothing again).
   * Throws DuplicateCheckoutError when the key or the cart was checked out concurrently.
   * `lineWrites`: what another context writes of the new lines in the same statement (settlement's
   * commission snapshot), an INSERT its owner builds over the relation handed to it: the lines
   * written, with columns order_line_id, order_id, product_id and museum_id.
   * `alsoWrites`: data-modifying CTEs another context adds to the statement's WITH list (inventory's
   * reservations and stock claims, StockService.reserveSql), given the condition "the checkout was
   * inserted" to write under. Not read by the statement: PostgreSQL runs them after its query, so
   * their rows come after the orders' lines.
   */
  async insertPlaced(
    tx: SqlTx,
    checkout: NewCheckout,
    orders: readonly NewOrder[],
    quota?: QuotaQuery,
    lineWrites?: (lines: Prisma.Sql) => Prisma.Sql,
    alsoWrites?: (inserted: Prisma.Sql) => Prisma.Sql | null,
  ): Promise<PlacedRows> {
    const c = checkout;
    const orderRows = orders.map(({ lines: _l, recipient: r, ...o }) => {
      const row: PlacedOrderRow = {
        ...o,
        status: 'PENDING_PAYMENT',
        recipientName: r.name,
        recipientPhone: r.phone,
        province: r.province,
        city: r.city,
        district: r.district,
        street: r.street,
        postalCode: r.postalCode,
        updatedAt: o.createdAt,
      };
      return toColumns(PLACED_ORDER_COLUMNS, row);
    });
    const lines: OrderLineRecord[] = orders.flatMap((o) => o.lines.map((l) => pickFields(ORDER_LINE_COLUMNS, { ...l, id: randomUUID(), orderId: o.id })));
    const lineRows = lines.map((l) => toColumns(ORDER_LINE_COLUMNS, l));
    // The quota is read in the statement's snapshot, taken once the caller holds the identity's
    // row lock and before these orders exist: as a statement of its own before them would.
    const quotaSql = quota ? Prisma.sql`(${quotaUsedSql(quota)})` : Prisma.sql`0::bigint`;
    // Rows of sibling CTEs are seen only through their RETURNING: the lines as written, with their order's seller.
    const alsoSql = lineWrites
      ? Prisma.sql`, k AS (${lineWrites(Prisma.sql`(SELECT l.id AS order_line_id, l.order_id, l.product_id, o.museum_id FROM l JOIN o ON o.id = l.order_id)`)})`
      : Prisma.empty;
    const others = alsoWrites?.(Prisma.sql`EXISTS (SELECT 1 FROM c)`);
    const othersSql = others ? Prisma.sql`, ${others}` : Prisma.empty;
    const rows = await tx.$queryRaw<{ checkouts: bigint; placed_at: Date | null; quota_used: bigint | null }[]>`
      WITH c AS (
        INSERT INTO checkouts (id, idempotency_key, fingerprint, cart_id, shopper_user_id, identity_id, currency, goods_minor, shipping_minor,
          insurance_minor, tax_minor, total_minor, discount_minor, id_consent_at, risk_notice_accepted_at, consent_version, locale, hold_expires_at, created_at)
        VALUES (${c.id}::uuid, ${c.idempotencyKey}, ${c.fingerprint}, ${c.cartId}::uuid, ${c.shopperUserId}::uuid, ${c.identityId}::uuid, ${c.currency},
          ${c.goodsMinor}, ${c.shippingMinor}, ${c.insuranceMinor}, ${c.taxMinor}, ${c.totalMinor}, ${c.discountMinor}, ${c.idConsentAt}, ${c.riskNoticeAcceptedAt},
          ${c.consentVersion}, ${c.locale}, ${c.holdExpiresAt}, ${c.createdAt})
        ON CONFLICT DO NOTHING
        RETURNING id
      ), o AS (
        INSERT INTO orders (${columnList(PLACED_ORDER_COLUMNS)})
        SELECT ${columnList(PLACED_ORDER_COLUMNS, 'r')}
        FROM json_populate_recordset(NULL::orders, ${JSON.stringify(orderRows)}::json) r WHERE EXISTS (SELECT 1 FROM c)
        RETURNING id, museum_id
      ), l AS (
        INSERT INTO order_lines (${columnList(ORDER_LINE_COLUMNS)})
        SELECT ${columnList(ORDER_LINE_COLUMNS, 'r')}
        FROM json_populate_recordset(NULL::order_lines, ${JSON.stringify(lineRows)}::json) r WHERE EXISTS (SELECT 1 FROM c)
        RETURNING id, order_id, product_id
      ), h AS (
        INSERT INTO order_status_changes (order_id, from_status, to_status, reason) SELECT id, NULL, 'PENDING_PAYMENT', 'placed' FROM o
        RETURNING id, created_at
      )${alsoSql}${othersSql}
      SELECT (SELECT count(*) FROM c) AS checkouts, (SELECT count(*) FROM l) + (SELECT count(*) FROM h) AS written, (SELECT max(created_at) FROM h) AS placed_at,
        ${quotaSql} AS quota_used`;
    const inserted = Number(rows[0]?.checkouts ?? 0) === 1;
    if (!inserted && !quota) throw new DuplicateCheckoutError();
    const at = rows[0]?.placed_at ?? checkout.createdAt;
    return {
      inserted,
      quotaUsed: Number(rows[0]?.quota_used ?? 0),
      lines,
      history: orders.map((o) => ({ orderId: o.id, fromStatus: null, toStatus: 'PENDING_PAYMENT' as const, reason: 'placed', createdAt: new Date(at) })),
    };
  }

  /**
   * Moves these orders from `from` to `to` (those still in `from`), with one audit row each, and
   * answers which moved: conditional on the current status, so concurrent or repeated calls move
   * each order at most once. `reason` is the same for all, or given per order. Two statements
   * whatever the number of orders.
   */
  async transition(tx: SqlTx, orderIds: readonly string[], from: OrderStatus, to: OrderStatus, reason: string | ReadonlyMap<string, string>, at: Date): Promise<string[]> {
    if (!orderIds.length) return [];
    const stamp = STATUS_STAMP[to];
    const setStamp = stamp ? Prisma.sql`, ${Prisma.raw(stamp)} = ${at}` : Prisma.empty;
    const moved = await tx.$queryRaw<{ id: string }[]>`
      UPDATE orders SET status = ${to}::"OrderStatus", updated_at = now()${setStamp}
      WHERE id = ANY(${[...orderIds]}::uuid[]) AND status = ${from}::"OrderStatus" RETURNING id`;
    const ids = moved.map((m) => m.id);
    if (ids.length) {
      const reasons = ids.map((id) => (typeof reason === 'string' ? reason : (reason.get(id) ?? to.toLowerCase())));
      await tx.$executeRaw`
        INSERT INTO order_status_changes (order_id, from_status, to_status, reason, created_at)
        SELECT o, ${from}::"OrderStatus", ${to}::"OrderStatus", r, ${at} FROM unnest(${ids}::uuid[], ${reasons}::text[]) WITH ORDINALITY AS t(o, r, n) ORDER BY n`;
    }
    return ids;
  }

  /** The order, its row locked for the rest of the caller's transaction (refunds of one order queue here). */
  async lockOrder(tx: Tx, id: string): Promise<OrderRecord | null> {
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM orders WHERE id = ${id}::uuid FOR UPDATE`;
    if (!locked.length) return null;
    const row: OrderRow | null = await tx.order.findUnique({ where: { id }, select: orderSelect });
    return row ? toOrder(row) : null;
  }

  /** The request refundOrder made under this idempotency key for this order, if any (read under the order's lock). */
  findRefundRequest(tx: Tx, orderId: string, idempotencyKey: string): Promise<{ fingerprint: string; providerRefundId: string; amountMinor: number; refundStatus: string } | null> {
    return tx.orderRefundRequest.findUnique({ where: { orderId_idempotencyKey: { orderId, idempotencyKey } }, select: { fingerprint: true, providerRefundId: true, amountMinor: true, refundStatus: true } });
  }

  async recordRefundRequest(tx: Tx, data: { orderId: string; idempotencyKey: string; fingerprint: string; providerRefundId: string; amountMinor: number; refundStatus: string }): Promise<void> {
    await tx.orderRefundRequest.create({ data });
  }

  /** Records the units a Stripe refund gave back; a retry of the same refund records nothing twice. */
  async recordLineRefunds(
    tx: Tx,
    rows: readonly { orderId: string; orderLineId: string; providerRefundId: string; quantity: number; amountMinor: number; goodsMinor: number; taxMinor: number; discountMinor?: number }[],
  ): Promise<void> {
    if (rows.length) await tx.orderLineRefund.createMany({ data: [...rows], skipDuplicates: true });
  }

  /**
   * A refund Stripe reported failed or cancelled: the units it gave back to these orders count
   * as sold again. Answers the orders whose rows this call took back (none on a replay).
   */
  async cancelLineRefunds(tx: SqlTx, providerRefundId: string, orderIds: readonly string[], at: Date): Promise<string[]> {
    if (!orderIds.length) return [];
    const rows = await tx.$queryRaw<{ order_id: string }[]>`
      UPDATE order_line_refunds SET cancelled_at = ${at}
      WHERE provider_refund_id = ${providerRefundId} AND order_id = ANY(${[...orderIds]}::uuid[]) AND cancelled_at IS NULL RETURNING order_id::text`;
    return [...new Set(rows.map((r) => r.order_id))];
  }

  /**
   * A return whose refund this was: a REFUND_FAILED step in its history and a notice to the
   * shopper (after-sales' tables, written in the webhook's transaction). Returns the return's id.
   */
  async noteReturnRefundFailed(tx: Tx, providerRefundId: string, status: string): Promise<string | null> {
    const r = await tx.orderReturn.findFirst({ where: { refundId: providerRefundId }, select: { id: true, orderId: true, shopperUserId: true } });
    if (!r) return null;
    // As codes and parameters: after-sales' return-texts writes them in the reader's language.
    const params = { refundId: providerRefundId, status };
    await tx.orderReturnEvent.create({ data: { returnId: r.id, orderId: r.orderId, kind: 'REFUND_FAILED', detail: '', params } });
    // A guest's return (no account, no notices): a text instead, through the outbox, once per refund.
    if (r.shopperUserId) await tx.shopperNotice.create({ data: { userId: r.shopperUserId, orderId: r.orderId, returnId: r.id, kind: 'REFUND_FAILED', message: '', params } });
    else await queueGuestReturnSms(tx, [{ returnId: r.id, orderId: r.orderId, step: 'REFUND_FAILED', stepKey: `REFUND_FAILED.${providerRefundId}`, params }]);
    return r.id;
  }
}
