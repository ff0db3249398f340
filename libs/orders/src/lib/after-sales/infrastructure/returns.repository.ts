import { Injectable } from '@nestjs/common';
import { CatalogReadPort } from '@vitrine/catalog';
import { InventoryReadPort } from '@vitrine/inventory';
import { StorefrontsReadPort } from '@vitrine/storefronts';
import { Prisma, PrismaService, type Tx, type SqlTx } from '@vitrine/shared/data-access';
import type { ReturnParcel } from './http-return-carrier.gateway';
import type { EarlierReturnLine, ReturnCustomsStatus, ReturnReason, ReturnStatus } from '../domain/returns';

export interface ReturnLineRecord {
  id: string;
  orderLineId: string;
  quantity: number;
  acceptedQuantity: number | null;
  sellable: boolean | null;
}

export interface ReturnRecord {
  id: string;
  orderId: string;
  museumId: string;
  /** Null for a guest's order (no account, no notices). */
  shopperUserId: string | null;
  reason: ReturnReason;
  note: string | null;
  photoUrls: string[];
  status: ReturnStatus;
  releasedAt: Date;
  requestDeadline: Date;
  arrivalDeadline: Date;
  decisionComment: string | null;
  decidedAt: Date | null;
  returnLogisticsNo: string | null;
  receivedAt: Date | null;
  inspectedAt: Date | null;
  inspectionComment: string | null;
  lateAt: Date | null;
  customsStatus: ReturnCustomsStatus;
  customsAcceptedAt: Date | null;
  refundId: string | null;
  refundAttempts: number;
  refundAmountMinor: number | null;
  createdAt: Date;
  lines: ReturnLineRecord[];
}

export interface ReturnEventRecord {
  returnId: string;
  orderId: string;
  kind: string;
  /** Legacy English ('' since the step is kept as kind + params). */
  detail: string;
  params: Prisma.JsonValue;
  createdAt: Date;
}

export interface NoticeRecord {
  id: bigint;
  /** Null for a notice about a drop or an item back in stock. */
  orderId: string | null;
  dropId: string | null;
  variantId: string | null;
  returnId: string | null;
  kind: string;
  message: string;
  createdAt: Date;
  /** When the shopper saw it (markNoticesRead); null while unread. */
  readAt: Date | null;
}

const lineSelect = { id: true, orderLineId: true, quantity: true, acceptedQuantity: true, sellable: true } as const;
const returnSelect = {
  id: true,
  orderId: true,
  museumId: true,
  shopperUserId: true,
  reason: true,
  note: true,
  photoUrls: true,
  status: true,
  releasedAt: true,
  requestDeadline: true,
  arrivalDeadline: true,
  decisionComment: true,
  decidedAt: true,
  returnLogisticsNo: true,
  receivedAt: true,
  inspectedAt: true,
  inspectionComment: true,
  lateAt: true,
  customsStatus: true,
  customsAcceptedAt: true,
  refundId: true,
  refundAttempts: true,
  refundAmountMinor: true,
  createdAt: true,
  lines: { select: lineSelect, orderBy: { id: 'asc' } },
} as const;

/** Returns, their lines, history and the shopper's notices: plain data access, no rules. */
@Injectable()
export class ReturnsRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** When customs released the order (its move to CLEARED); null when it never was. */
  async releasedAt(orderId: string, tx: Tx = this.prisma): Promise<Date | null> {
    const row = await tx.orderStatusChange.findFirst({ where: { orderId, toStatus: 'CLEARED' }, orderBy: { id: 'asc' }, select: { createdAt: true } });
    return row?.createdAt ?? null;
  }

  async releasedAtOf(orderIds: readonly string[]): Promise<Map<string, Date>> {
    if (!orderIds.length) return new Map();
    const rows = await this.prisma.orderStatusChange.groupBy({ by: ['orderId'], where: { orderId: { in: [...orderIds] }, toStatus: 'CLEARED' }, _min: { createdAt: true } });
    return new Map(rows.filter((r) => r._min.createdAt).map((r) => [r.orderId, r._min.createdAt!]));
  }

  async earlierLines(tx: Tx, orderId: string): Promise<EarlierReturnLine[]> {
    const rows = await tx.orderReturnLine.findMany({ where: { orderReturn: { orderId } }, select: { orderLineId: true, quantity: true, acceptedQuantity: true, orderReturn: { select: { status: true } } } });
    return rows.map((r) => ({ orderLineId: r.orderLineId, quantity: r.quantity, acceptedQuantity: r.acceptedQuantity, status: r.orderReturn.status }));
  }

  /** Units per line given back by refunds that count and were not made for a return (refundOrder's). */
  refundedOutsideReturns(tx: SqlTx, orderId: string): Promise<Map<string, number>> {
    return this.refundedOutside(tx, Prisma.sql`lr.order_id = ${orderId}::uuid`);
  }

  private async refundedOutside(db: SqlTx, where: Prisma.Sql): Promise<Map<string, number>> {
    const rows = await db.$queryRaw<{ line: string; units: bigint }[]>`
      SELECT lr.order_line_id::text AS line, SUM(lr.quantity)::bigint AS units FROM order_line_refunds lr
      WHERE ${where} AND lr.cancelled_at IS NULL
        AND NOT EXISTS (SELECT 1 FROM order_returns rt WHERE rt.order_id = lr.order_id AND rt.refund_id = lr.provider_refund_id)
      GROUP BY lr.order_line_id`;
    return new Map(rows.map((r) => [r.line, Number(r.units)]));
  }

  /** What decides how many units of these order lines may still be returned (read outside a transaction, for display). */
  async returnHoldsOfLines(lineIds: readonly string[]): Promise<{ lines: { id: string; quantity: number }[]; earlier: EarlierReturnLine[]; refunded: Map<string, number> }> {
    if (!lineIds.length) return { lines: [], earlier: [], refunded: new Map() };
    const ids = [...lineIds];
    const [lines, earlier, refunded] = await Promise.all([
      this.prisma.orderLine.findMany({ where: { id: { in: ids } }, select: { id: true, quantity: true } }),
      this.prisma.orderReturnLine.findMany({ where: { orderLineId: { in: ids } }, select: { orderLineId: true, quantity: true, acceptedQuantity: true, orderReturn: { select: { status: true } } } }),
      this.refundedOutside(this.prisma, Prisma.sql`lr.order_line_id = ANY(${ids}::uuid[])`),
    ]);
    return { lines, earlier: earlier.map((r) => ({ orderLineId: r.orderLineId, quantity: r.quantity, acceptedQuantity: r.acceptedQuantity, status: r.orderReturn.status })), refunded };
  }

  /** Whether a refund of this return still gives something back (not reported failed or cancelled). */
  async refundStands(tx: Tx, orderId: string, refundId: string): Promise<boolean> {
    return (await tx.orderLineRefund.count({ where: { orderId, providerRefundId: refundId, cancelledAt: null } })) > 0;
  }

  async create(
    tx: Tx,
    data: Omit<ReturnRecord, 'id' | 'status' | 'decisionComment' | 'decidedAt' | 'returnLogisticsNo' | 'receivedAt' | 'inspectedAt' | 'inspectionComment' | 'lateAt' | 'customsStatus' | 'customsAcceptedAt' | 'refundId' | 'refundAttempts' | 'refundAmountMinor' | 'createdAt' | 'lines'> & {
      lines: { orderLineId: string; quantity: number }[];
    },
  ): Promise<ReturnRecord> {
    const { lines, ...head } = data;
    return tx.orderReturn.create({ data: { ...head, lines: { create: lines } }, select: returnSelect });
  }

  find(id: string, tx: Tx = this.prisma): Promise<ReturnRecord | null> {
    return tx.orderReturn.findUnique({ where: { id }, select: returnSelect });
  }

  /** The return, its row locked for the rest of the transaction. */
  async lock(tx: Tx, id: string): Promise<ReturnRecord | null> {
    await tx.$queryRaw`SELECT id FROM order_returns WHERE id = ${id}::uuid FOR UPDATE`;
    return this.find(id, tx);
  }

  async update(tx: Tx, id: string, data: Partial<Pick<ReturnRecord, 'status' | 'decisionComment' | 'decidedAt' | 'returnLogisticsNo' | 'receivedAt' | 'inspectedAt' | 'inspectionComment' | 'lateAt' | 'customsStatus' | 'customsAcceptedAt' | 'refundId' | 'refundAttempts' | 'refundAmountMinor'>> & { decidedBy?: string }): Promise<ReturnRecord> {
    return tx.orderReturn.update({ where: { id }, data: { ...data, updatedAt: new Date() }, select: returnSelect });
  }

  async inspectLines(tx: Tx, returnId: string, lines: readonly { orderLineId: string; acceptedQuantity: number; sellable: boolean }[]): Promise<void> {
    for (const l of lines) await tx.orderReturnLine.update({ where: { returnId_orderLineId: { returnId, orderLineId: l.orderLineId } }, data: { acceptedQuantity: l.acceptedQuantity, sellable: l.sellable } });
  }

  /** A step as its code and parameters (no sentence: return-texts writes it in the reader's language), and the shopper's notice likewise (none for a guest: no account to hold it). */
  async addEvent(tx: Tx, e: { returnId: string; orderId: string; kind: string; params: Record<string, unknown> }, notice?: { userId: string | null; params: Record<string, unknown> }): Promise<void> {
    await tx.orderReturnEvent.create({ data: { returnId: e.returnId, orderId: e.orderId, kind: e.kind, detail: '', params: e.params as Prisma.InputJsonObject } });
    if (notice?.userId) await tx.shopperNotice.create({ data: { userId: notice.userId, orderId: e.orderId, returnId: e.returnId, kind: e.kind, message: '', params: notice.params as Prisma.InputJsonObject } });
  }

  async ofOrders(orderIds: readonly string[]): Promise<ReturnRecord[]> {
    if (!orderIds.length) return [];
    return this.prisma.orderReturn.findMany({ where: { orderId: { in: [...orderIds] } }, select: returnSelect, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
  }

  /** Returns of these museums (or every museum), newest first; `late` keeps only the flagged ones. */
  async ofMuseums(scope: readonly string[] | 'ALL', filter: { status?: ReturnStatus; late?: boolean; brandId?: string }, take: number, after: { createdAt: Date; id: string } | null): Promise<{ rows: ReturnRecord[]; total: number }> {
    const where = {
      ...(scope === 'ALL' ? {} : { museumId: { in: [...scope] } }),
      ...(filter.status ? { status: filter.status } : {}),
      ...(filter.late ? { lateAt: { not: null } } : {}),
      ...(filter.brandId ? { orderId: { in: (await this.prisma.order.findMany({ where: { fulfilledByBrandId: filter.brandId }, select: { id: true } })).map((o) => o.id) } } : {}),
    };
    const page = after ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] } : {};
    const [rows, total] = await Promise.all([
      this.prisma.orderReturn.findMany({ where: { ...where, ...page }, select: returnSelect, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take }),
      this.prisma.orderReturn.count({ where }),
    ]);
    return { rows, total };
  }

  async orderNumbersOf(orderIds: readonly string[]): Promise<Map<string, string>> {
    if (!orderIds.length) return new Map();
    const rows = await this.prisma.order.findMany({ where: { id: { in: [...orderIds] } }, select: { id: true, number: true } });
    return new Map(rows.map((o) => [o.id, o.number]));
  }

  eventsOf(returnIds: readonly string[]): Promise<ReturnEventRecord[]> {
    if (!returnIds.length) return Promise.resolve([]);
    return this.prisma.orderReturnEvent.findMany({ where: { returnId: { in: [...returnIds] } }, select: { returnId: true, orderId: true, kind: true, detail: true, params: true, createdAt: true }, orderBy: { id: 'asc' } });
  }

  /** The parameters of these notices (a return's notice is its kind + params). */
  /** Each notice's parameters and the language its order was placed in (null without an order). */
  async noticeParams(ids: readonly bigint[]): Promise<Map<string, { params: Prisma.JsonValue; orderLocale: string | null }>> {
    const rows = ids.length
      ? await this.prisma.$queryRaw<{ id: bigint; params: Prisma.JsonValue; orderLocale: string | null }[]>`
          SELECT n.id, n.params, c.locale AS "orderLocale"
          FROM shopper_notices n LEFT JOIN orders o ON o.id = n.order_id LEFT JOIN checkouts c ON c.id = o.checkout_id
          WHERE n.id = ANY(${ids.map(String)}::bigint[])`
      : [];
    return new Map(rows.map((r) => [String(r.id), { params: r.params, orderLocale: r.orderLocale }]));
  }

  /** The user's notices, newest first; `beforeId`: only those older than that notice (keyset on the id). */
  noticesOf(userId: string, take: number, beforeId: bigint | null = null): Promise<NoticeRecord[]> {
    return this.prisma.shopperNotice.findMany({
      where: { userId, ...(beforeId !== null ? { id: { lt: beforeId } } : {}) },
      select: { id: true, orderId: true, dropId: true, variantId: true, returnId: true, kind: true, message: true, createdAt: true, readAt: true },
      orderBy: { id: 'desc' },
      take,
    });
  }

  /** Variant id → its product's id and name in each locale (the variants notices are about), one statement. */
  async productsOfVariants(variantIds: readonly string[]): Promise<Map<string, { productId: string; name: { fr: string; en: string; zh: string } }>> {
    const rows = variantIds.length
      ? await this.prisma.$queryRaw<{ id: string; productId: string; nameFr: string; nameEn: string; nameZh: string }[]>`
          SELECT v.id::text AS id, v.product_id::text AS "productId", p.name_fr AS "nameFr", p.name_en AS "nameEn", p.name_zh AS "nameZh"
            FROM ${CatalogReadPort.variants} v JOIN ${CatalogReadPort.products} p ON p.id = v.product_id
           WHERE v.id = ANY(${[...variantIds]}::uuid[])`
      : [];
    return new Map(rows.map((r) => [r.id, { productId: r.productId, name: { fr: r.nameFr, en: r.nameEn, zh: r.nameZh } }]));
  }

  unreadNoticeCount(userId: string): Promise<number> {
    return this.prisma.shopperNotice.count({ where: { userId, readAt: null } });
  }

  /** Which of these notices belong to the user. */
  async ownNoticeIds(userId: string, ids: readonly bigint[]): Promise<Set<bigint>> {
    const rows = await this.prisma.shopperNotice.findMany({ where: { userId, id: { in: [...ids] } }, select: { id: true } });
    return new Set(rows.map((r) => r.id));
  }

  /** Stamps the user's unread notices among these as read at `now` (read ones keep their time). */
  async markNoticesRead(userId: string, ids: readonly bigint[], now: Date): Promise<NoticeRecord[]> {
    await this.prisma.shopperNotice.updateMany({ where: { userId, id: { in: [...ids] }, readAt: null }, data: { readAt: now } });
    return this.prisma.shopperNotice.findMany({
      where: { userId, id: { in: [...ids] } },
      select: { id: true, orderId: true, dropId: true, variantId: true, returnId: true, kind: true, message: true, createdAt: true, readAt: true },
      orderBy: { id: 'desc' },
    });
  }

  /** Accepted returns whose goods have not reached the site by their deadline and are not flagged yet. */
  overdue(now: Date, take: number): Promise<{ id: string }[]> {
    return this.prisma.orderReturn.findMany({ where: { status: 'ACCEPTED', receivedAt: null, lateAt: null, arrivalDeadline: { lt: now } }, select: { id: true }, orderBy: { arrivalDeadline: 'asc' }, take });
  }

  /** What the carrier needs to pick a return up and take it back to the order's location. */
  /** A return's parcel for the carrier, with what decides its destination (returnDestination): the order's customs mode and stock location. */
  async parcelOf(returnId: string): Promise<(Omit<ReturnParcel, 'destination'> & { customsMode: string; locationCode: string }) | null> {
    const rows = await this.prisma.$queryRaw<(Omit<ReturnParcel, 'destination'> & { customsMode: string; locationCode: string })[]>`
      SELECT rt.id::text AS "returnNo", o.number AS "orderNo", s.logistics_no AS "originalLogisticsNo", o.customs_mode AS "customsMode", loc.code AS "locationCode",
             o.recipient_name AS "pickupName", o.recipient_phone AS "pickupPhone",
             concat_ws(' ', o.province, o.city, o.district, o.street, o.postal_code) AS "pickupAddress",
             GREATEST(COALESCE(SUM(l.weight_grams * rl.quantity), 0), 1)::int AS "weightGrams"
      FROM order_returns rt JOIN orders o ON o.id = rt.order_id
      JOIN ${InventoryReadPort.locations} loc ON loc.id = o.stock_location_id
      LEFT JOIN shipments s ON s.order_id = o.id
      JOIN order_return_lines rl ON rl.return_id = rt.id JOIN order_lines l ON l.id = rl.order_line_id
      WHERE rt.id = ${returnId}::uuid
      GROUP BY rt.id, o.id, s.logistics_no, o.customs_mode, loc.code`;
    return rows[0] ?? null;
  }

  /** The seller's customs registration (its storefront's) and the order number, for the return declaration. */
  async declarationFacts(orderId: string): Promise<{ orderNo: string; museumId: string; sellerCode: string | null; sellerName: string | null } | null> {
    const rows = await this.prisma.$queryRaw<{ orderNo: string; museumId: string; sellerCode: string | null; sellerName: string | null }[]>`
      SELECT o.number AS "orderNo", o.museum_id::text AS "museumId", s.customs_code AS "sellerCode", s.customs_name AS "sellerName"
      FROM orders o LEFT JOIN ${StorefrontsReadPort.storefronts} s ON s.museum_id = o.museum_id WHERE o.id = ${orderId}::uuid`;
    return rows[0] ?? null;
  }
}
