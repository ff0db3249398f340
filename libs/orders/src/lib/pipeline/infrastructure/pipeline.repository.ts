import { Injectable } from '@nestjs/common';
import { CustomsReadPort } from '@vitrine/customs';
import { StorefrontsReadPort } from '@vitrine/storefronts';
import { Prisma, PrismaService, type OrderStatus, type ShipmentStatus, type SqlTx } from '@vitrine/shared/data-access';
import type { TrackingEvent } from '../domain/carrier-gateway';
import { queueGuestReturnSms } from '../../after-sales/infrastructure/return-sms.outbox';

/** What the declaration of one order needs from the order itself. */
export interface DeclarableOrder {
  id: string;
  number: string;
  museumId: string;
  checkoutId: string;
  shopperUserId: string | null;
  identityId: string;
  status: OrderStatus;
  customsMode: string;
  goodsMinor: number;
  shippingMinor: number;
  insuranceMinor: number;
  taxMinor: number;
  totalMinor: number;
  /** Promotions taken off the goods (CEB311's discount). */
  discountMinor: number;
  ordererName: string;
  recipientName: string;
  recipientPhone: string;
  province: string;
  city: string;
  district: string;
  street: string;
  postalCode: string;
  paidAt: Date | null;
  /** The museum's customs registration (its storefront's), the seller of record; null when it has none. */
  sellerCustomsCode: string | null;
  sellerCustomsName: string | null;
}

export interface DeclarableLine {
  id: string;
  orderId: string;
  sku: string;
  name: string;
  quantity: number;
  unitPriceMinor: number;
  goodsMinor: number;
  /** The line's share of shipping and insurance, its tax and its landed total, as snapshotted at checkout. */
  freightMinor: number;
  insuranceMinor: number;
  taxMinor: number;
  totalMinor: number;
  /** The line's share of the promotions: total = goods − discount + freight + insurance + tax. */
  discountMinor: number;
  originCountry: string;
  hsCode: string;
  weightGrams: number;
}

/** Units (and what they gave back) of one line refunded by refunds that still count. */
export interface LineRefundSum {
  orderLineId: string;
  quantity: number;
  amountMinor: number;
  goodsMinor: number;
  taxMinor: number;
  discountMinor: number;
}

export interface ShipmentRow {
  id: string;
  orderId: string;
  museumId: string;
  carrierCode: string;
  logisticsNo: string;
  status: ShipmentStatus;
  bookingRef: string | null;
  waybillIssuedAt: Date;
  bookedAt: Date | null;
  deliveredAt: Date | null;
  bookingAttempts: number;
  lastError: string | null;
  /** Hand-overs asked for in the console (shipOrder), and the last one's time. */
  handoverRequests: number;
  handoverRequestedAt: Date | null;
  /** The storefront books cleared parcels at once (auto_book_carrier), or waits for a hand-over. */
  autoBook: boolean;
}

/** A shipment's status only moves forward, whatever order the booking answer and tracking events arrive in. */
const RANK = Prisma.raw(`CASE s.status WHEN 'WAYBILL_ISSUED' THEN 0 WHEN 'BOOKED' THEN 1 WHEN 'IN_TRANSIT' THEN 2 ELSE 3 END`);

/** Data access of the fulfilment pipeline: orders it moves, their shipments and tracking. No rules here. */
@Injectable()
export class PipelineRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Statements outside any transaction, straight to node-postgres (the pipeline's reads). */
  get session(): SqlTx {
    return this.prisma.sql;
  }

  // The pipeline's hot reads are plain SQL: a batch of 100 orders runs each once.

  declarable(orderIds: readonly string[]): Promise<DeclarableOrder[]> {
    return this.prisma.sql.$queryRaw`
      SELECT id, number, museum_id AS "museumId", checkout_id AS "checkoutId", shopper_user_id AS "shopperUserId", identity_id AS "identityId",
        status, customs_mode AS "customsMode", goods_minor AS "goodsMinor", shipping_minor AS "shippingMinor", insurance_minor AS "insuranceMinor",
        tax_minor AS "taxMinor", total_minor AS "totalMinor", discount_minor AS "discountMinor", orderer_name AS "ordererName", recipient_name AS "recipientName",
        recipient_phone AS "recipientPhone", province, city, district, street, postal_code AS "postalCode", paid_at AS "paidAt",
        (SELECT s.customs_code FROM ${StorefrontsReadPort.storefronts} s WHERE s.museum_id = orders.museum_id) AS "sellerCustomsCode",
        (SELECT s.customs_name FROM ${StorefrontsReadPort.storefronts} s WHERE s.museum_id = orders.museum_id) AS "sellerCustomsName"
      FROM orders WHERE id = ANY(${[...orderIds]}::uuid[])`;
  }

  /** What the declaration needs of each line, in position order. */
  linesOf(orderIds: readonly string[]): Promise<DeclarableLine[]> {
    return this.prisma.sql.$queryRaw`
      SELECT id, order_id AS "orderId", sku, name, quantity, unit_price_minor AS "unitPriceMinor", goods_minor AS "goodsMinor",
        freight_minor AS "freightMinor", insurance_minor AS "insuranceMinor", tax_minor AS "taxMinor", total_minor AS "totalMinor",
        discount_minor AS "discountMinor", origin_country AS "originCountry", hs_code AS "hsCode", weight_grams AS "weightGrams"
      FROM order_lines WHERE order_id = ANY(${[...orderIds]}::uuid[]) ORDER BY order_id, position`;
  }

  /** Per line of these orders, what partial refunds that still count gave back (lines without any are absent). */
  lineRefundsOf(orderIds: readonly string[]): Promise<LineRefundSum[]> {
    return this.prisma.sql.$queryRaw`
      SELECT order_line_id AS "orderLineId", SUM(quantity)::int AS quantity, SUM(amount_minor)::int AS "amountMinor",
        SUM(goods_minor)::int AS "goodsMinor", SUM(tax_minor)::int AS "taxMinor", SUM(discount_minor)::int AS "discountMinor"
      FROM order_line_refunds WHERE order_id = ANY(${[...orderIds]}::uuid[]) AND cancelled_at IS NULL GROUP BY order_line_id`;
  }

  /** Status and refund time of these orders (no lock). */
  refundStates(orderIds: readonly string[]): Promise<{ id: string; status: OrderStatus; refundedAt: Date | null; sellerCustomsCode: string | null; sellerCustomsName: string | null }[]> {
    return this.prisma.sql.$queryRaw`
      SELECT o.id, o.status, o.refunded_at AS "refundedAt", s.customs_code AS "sellerCustomsCode", s.customs_name AS "sellerCustomsName"
      FROM orders o LEFT JOIN ${StorefrontsReadPort.storefronts} s ON s.museum_id = o.museum_id WHERE o.id = ANY(${[...orderIds]}::uuid[])`;
  }

  statuses(tx: SqlTx, orderIds: readonly string[]): Promise<{ id: string; status: OrderStatus }[]> {
    return tx.$queryRaw`SELECT id, status FROM orders WHERE id = ANY(${[...orderIds]}::uuid[])`;
  }

  shipmentsOf(orderIds: readonly string[], tx: SqlTx = this.prisma.sql): Promise<ShipmentRow[]> {
    return this.shipmentRows(tx, orderIds, false);
  }

  /** Locks the shipments of these orders (id order) until the caller's transaction ends, and reads them. */
  lockShipments(tx: SqlTx, orderIds: readonly string[]): Promise<ShipmentRow[]> {
    return this.shipmentRows(tx, orderIds, true);
  }

  /** Locks the shipments of these orders without reading them. */
  async lockShipmentRows(tx: SqlTx, orderIds: readonly string[]): Promise<void> {
    if (orderIds.length) await tx.$executeRaw`SELECT 1 FROM shipments WHERE order_id = ANY(${[...orderIds]}::uuid[]) ORDER BY id FOR UPDATE`;
  }

  private shipmentRows(tx: SqlTx, orderIds: readonly string[], lock: boolean): Promise<ShipmentRow[]> {
    if (!orderIds.length) return Promise.resolve([]);
    const select = Prisma.sql`
      SELECT id, order_id AS "orderId", museum_id AS "museumId", carrier_code AS "carrierCode", logistics_no AS "logisticsNo", status,
        booking_ref AS "bookingRef", waybill_issued_at AS "waybillIssuedAt", booked_at AS "bookedAt", delivered_at AS "deliveredAt",
        booking_attempts AS "bookingAttempts", last_error AS "lastError",
        handover_requests AS "handoverRequests", handover_requested_at AS "handoverRequestedAt",
        NOT EXISTS (SELECT 1 FROM ${StorefrontsReadPort.storefronts} sf WHERE sf.museum_id = shipments.museum_id AND NOT sf.auto_book_carrier) AS "autoBook"
      FROM shipments WHERE order_id = ANY(${[...orderIds]}::uuid[])`;
    return tx.$queryRaw(lock ? Prisma.sql`${select} ORDER BY id FOR UPDATE` : select);
  }

  /** Records a hand-over asked for by `userId` on a locked shipment; returns the request's number. */
  async requestHandover(tx: SqlTx, orderId: string, userId: string, at: Date): Promise<number> {
    const [row] = await tx.$queryRaw<{ n: number }[]>`
      UPDATE shipments SET handover_requests = handover_requests + 1, handover_requested_at = ${at}, handover_requested_by = ${userId}::uuid, updated_at = now()
      WHERE order_id = ${orderId}::uuid RETURNING handover_requests AS n`;
    return row!.n;
  }

  /** Inserts the shipments not there yet; returns the order ids it inserted. */
  async insertShipments(rows: readonly { orderId: string; museumId: string; carrierCode: string; logisticsNo: string }[]): Promise<Set<string>> {
    if (!rows.length) return new Set();
    const inserted = await this.prisma.sql.$queryRaw<{ order_id: string }[]>`
      INSERT INTO shipments (id, order_id, museum_id, carrier_code, logistics_no)
      SELECT gen_random_uuid(), o, m, c, n FROM unnest(${rows.map((r) => r.orderId)}::uuid[], ${rows.map((r) => r.museumId)}::uuid[],
        ${rows.map((r) => r.carrierCode)}::text[], ${rows.map((r) => r.logisticsNo)}::text[]) AS t(o, m, c, n)
      ON CONFLICT DO NOTHING
      RETURNING order_id`;
    return new Set(inserted.map((r) => r.order_id));
  }

  async recordBookings(tx: SqlTx, booked: readonly { logisticsNo: string; bookingRef: string; bookedAt: Date }[]): Promise<void> {
    if (!booked.length) return;
    await tx.$executeRaw`
      UPDATE shipments AS s SET booking_ref = u.ref, booked_at = u.at, booking_attempts = booking_attempts + 1, last_error = NULL, updated_at = now(),
        status = CASE WHEN ${RANK} < 1 THEN 'BOOKED'::"ShipmentStatus" ELSE s.status END
      FROM unnest(${booked.map((b) => b.logisticsNo)}::text[], ${booked.map((b) => b.bookingRef)}::text[], ${booked.map((b) => b.bookedAt)}::timestamptz[]) AS u(no, ref, at)
      WHERE s.logistics_no = u.no`;
  }

  async recordBookingFailure(orderIds: readonly string[], error: string): Promise<void> {
    await this.prisma.shipment.updateMany({ where: { orderId: { in: [...orderIds] } }, data: { bookingAttempts: { increment: 1 }, lastError: error.slice(0, 500), updatedAt: new Date() } });
  }

  /** Stores events not seen before; returns them. */
  async insertEvents(tx: SqlTx, events: readonly TrackingEvent[]): Promise<TrackingEvent[]> {
    if (!events.length) return [];
    const fresh = await tx.$queryRaw<{ event_id: string }[]>`
      INSERT INTO shipment_events (shipment_id, event_id, status, description, location, occurred_at)
      SELECT s.id, e.event_id, e.status, e.description, e.location, e.occurred_at
      FROM unnest(${events.map((e) => e.eventId)}::text[], ${events.map((e) => e.logisticsNo)}::text[], ${events.map((e) => e.status)}::text[],
        ${events.map((e) => e.description)}::text[], ${events.map((e) => e.location)}::text[], ${events.map((e) => e.occurredAt)}::timestamptz[])
        WITH ORDINALITY AS e(event_id, logistics_no, status, description, location, occurred_at, n)
      JOIN shipments s ON s.logistics_no = e.logistics_no
      ORDER BY e.n
      ON CONFLICT (event_id) DO NOTHING
      RETURNING event_id`;
    const ids = new Set(fresh.map((f) => f.event_id));
    return events.filter((e) => ids.has(e.eventId));
  }

  /** Moves shipments forward (never back) to what their events say. */
  async advanceShipments(tx: SqlTx, updates: readonly { logisticsNo: string; status: 'IN_TRANSIT' | 'DELIVERED'; at: Date }[]): Promise<void> {
    if (!updates.length) return;
    await tx.$executeRaw`
      UPDATE shipments AS s SET status = u.status::"ShipmentStatus", updated_at = now(),
        delivered_at = CASE WHEN u.status = 'DELIVERED' THEN u.at ELSE s.delivered_at END
      FROM unnest(${updates.map((u) => u.logisticsNo)}::text[], ${updates.map((u) => u.status)}::text[], ${updates.map((u) => u.at)}::timestamptz[]) AS u(no, status, at)
      WHERE s.logistics_no = u.no AND ${RANK} < CASE u.status WHEN 'IN_TRANSIT' THEN 2 ELSE 3 END`;
  }

  /**
   * Accepted returns whose return waybill the carrier reports arrived: received (once: a return
   * received already, or by the seller's hand, is left as it is), with an ARRIVED step in their
   * history and a notice to the shopper, in the tracking page's transaction.
   */
  async returnsArrived(tx: SqlTx, arrivals: readonly { logisticsNo: string; at: Date; where: string }[]): Promise<string[]> {
    if (!arrivals.length) return [];
    // userId: null for a guest's return (no account to hold a notice: a text instead).
    const rows = await tx.$queryRaw<{ id: string; orderId: string; userId: string | null; where: string }[]>`
      UPDATE order_returns AS r SET received_at = u.at, updated_at = now()
      FROM (SELECT DISTINCT ON (no) no, at, place FROM unnest(${arrivals.map((a) => a.logisticsNo)}::text[], ${arrivals.map((a) => a.at)}::timestamptz[], ${arrivals.map((a) => a.where)}::text[]) AS x(no, at, place) ORDER BY no, at) AS u
      WHERE r.return_logistics_no = u.no AND r.received_at IS NULL AND r.status = 'ACCEPTED'
      RETURNING r.id, r.order_id AS "orderId", r.shopper_user_id AS "userId", u.place AS "where"`;
    if (!rows.length) return [];
    await tx.$executeRaw`
      INSERT INTO order_return_events (return_id, order_id, kind, detail, params)
      SELECT x.id, x.order_id, 'ARRIVED', '', jsonb_build_object('place', x.place)
      FROM unnest(${rows.map((r) => r.id)}::uuid[], ${rows.map((r) => r.orderId)}::uuid[], ${rows.map((r) => r.where.slice(0, 500))}::text[]) AS x(id, order_id, place)`;
    // Codes, not sentences: after-sales' return-texts writes them in the reader's language.
    await tx.$executeRaw`
      INSERT INTO shopper_notices (user_id, order_id, return_id, kind, message)
      SELECT x.user_id, x.order_id, x.id, 'ARRIVED', ''
      FROM unnest(${rows.map((r) => r.id)}::uuid[], ${rows.map((r) => r.orderId)}::uuid[], ${rows.map((r) => r.userId)}::uuid[]) AS x(id, order_id, user_id)
      WHERE x.user_id IS NOT NULL`;
    // A guest (no account to hold a notice) is texted instead, through the outbox.
    await queueGuestReturnSms(
      tx,
      rows.filter((r) => r.userId === null).map((r) => ({ returnId: r.id, orderId: r.orderId, step: 'ARRIVED', params: { place: r.where } })),
    );
    return rows.map((r) => r.id);
  }

  async orderIdsOfWaybills(logisticsNos: readonly string[]): Promise<string[]> {
    if (!logisticsNos.length) return [];
    const rows = await this.prisma.sql.$queryRaw<{ orderId: string }[]>`SELECT order_id AS "orderId" FROM shipments WHERE logistics_no = ANY(${[...logisticsNos]}::text[])`;
    return rows.map((r) => r.orderId);
  }

  /** Paid orders no declaration was started for, paid before `before` (a missed start). */
  async paidWithoutDeclaration(before: Date, limit: number): Promise<string[]> {
    const rows = await this.prisma.$queryRaw<{ id: string }[]>`
      SELECT o.id FROM orders o
      WHERE o.status = 'PAID' AND o.paid_at < ${before}
        AND NOT EXISTS (SELECT 1 FROM ${CustomsReadPort.messages} m WHERE m.order_id = o.id)
      ORDER BY o.paid_at LIMIT ${limit}`;
    return rows.map((r) => r.id);
  }

  /** Orders whose status lags behind what customs or the carrier already said. */
  async lagging(before: Date, limit: number): Promise<string[]> {
    const rows = await this.prisma.$queryRaw<{ id: string }[]>`
      SELECT o.id FROM orders o
      WHERE o.updated_at < ${before} AND (
        (o.status IN ('PAID', 'CUSTOMS_SUBMITTED', 'HELD') AND EXISTS (
          SELECT 1 FROM ${CustomsReadPort.messages} m WHERE m.order_id = o.id AND (
            (o.status = 'PAID' AND m.status <> 'PENDING' AND m.document = 'ORDER')
            OR (o.status <> 'HELD' AND m.status IN ('CLEARED', 'HELD', 'REJECTED'))
            OR (o.status = 'HELD' AND m.status = 'CLEARED'))))
        OR (o.status IN ('CLEARED', 'SHIPPED') AND EXISTS (
          SELECT 1 FROM shipments s WHERE s.order_id = o.id AND (
            (o.status = 'CLEARED' AND s.status <> 'WAYBILL_ISSUED') OR (o.status = 'SHIPPED' AND s.status = 'DELIVERED')))))
      LIMIT ${limit}`;
    return rows.map((r) => r.id);
  }

  /** Cleared orders whose parcel is due for booking (automatic, or handed over in the console) and not booked yet. */
  async clearedNotBooked(before: Date, limit: number): Promise<string[]> {
    const rows = await this.prisma.$queryRaw<{ id: string }[]>`
      SELECT o.id FROM orders o JOIN shipments s ON s.order_id = o.id
      WHERE o.status = 'CLEARED' AND s.status = 'WAYBILL_ISSUED' AND o.updated_at < ${before}
        AND (s.handover_requested_at IS NOT NULL OR NOT EXISTS (SELECT 1 FROM ${StorefrontsReadPort.storefronts} sf WHERE sf.museum_id = o.museum_id AND NOT sf.auto_book_carrier))
      LIMIT ${limit}`;
    return rows.map((r) => r.id);
  }

  // Reads for the fulfilment view.

  async shipmentOf(orderId: string): Promise<ShipmentRow | null> {
    return (await this.shipmentRows(this.prisma.sql, [orderId], false))[0] ?? null;
  }

  eventsOf(shipmentIds: readonly string[]) {
    return this.prisma.shipmentEvent.findMany({
      where: { shipmentId: { in: [...shipmentIds] } },
      orderBy: [{ occurredAt: 'asc' }, { id: 'asc' }],
      select: { id: true, shipmentId: true, eventId: true, status: true, description: true, location: true, occurredAt: true, receivedAt: true },
    });
  }

  orderHeader(orderId: string): Promise<{ id: string; museumId: string; fulfilledByBrandId: string | null; number: string; status: OrderStatus } | null> {
    return this.prisma.order.findUnique({ where: { id: orderId }, select: { id: true, museumId: true, fulfilledByBrandId: true, number: true, status: true } });
  }
}
