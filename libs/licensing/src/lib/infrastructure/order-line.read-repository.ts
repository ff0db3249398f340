import { Injectable } from '@nestjs/common';
import { PrismaService, type Tx } from '@vitrine/shared/data-access';
import { LicensedSalesSource } from '../ports/licensed-sales.source';

/**
 * Read model of the order lines of licensed products (libs/orders' tables, through the
 * relations it binds to `LicensedSalesSource`). Read only.
 *
 * - A line is a sale once its order is paid (`orders.paid_at` set), whatever happened next.
 * - Its net sale is `order_lines.goods_minor − discount_minor`: the goods value the shopper paid
 *   (FX margin and whole-yuan rounding included, docs/adr/0007 "Royalty base") less the line's
 *   share of the promotions, whoever funds them (ADR 0019), which excludes the cross-border tax
 *   (`tax_minor`), freight and insurance. This is the one place that defines net sales.
 * - A partial refund's net sale given back is its goods less the discount its units carried
 *   (`order_line_refunds.discount_minor`).
 * - Its FX snapshot is the order line's `fx_rate` (EUR→CNY, as the catalogue converts).
 * - A refunded order (`orders.refunded_at` set) reverses what is left of every line it accrued.
 * - A partial refund (`order_line_refunds`: units of a line and their goods value) reverses
 *   those units once, by `RoyaltyAccrualService.reverse` keyed by the refund row; when Stripe
 *   reports that refund failed or cancelled (`cancelled_at`), the reversal is accrued back once.
 */
export interface PaidLicensedLine {
  orderLineId: string;
  orderId: string;
  productId: string;
  agreementId: string;
  quantity: number;
  netSaleMinor: number;
  saleCurrency: string;
  fxRate: string | null;
  paidAt: Date;
}

export interface RefundedLicensedLine {
  orderLineId: string;
  orderId: string;
  productId: string;
  agreementId: string;
  refundedAt: Date;
  /** What the line has left: its accrual plus any reversals already booked. */
  units: number;
  saleMinor: number;
  netSalesMinor: number;
  royaltyMinor: number;
  saleCurrency: string;
  fxRate: string | null;
  currency: string;
}

/** Units of a licensed line given back by a partial refund, and their goods value. */
export interface LineRefund {
  refundRowId: string;
  orderLineId: string;
  units: number;
  goodsMinor: number;
  saleCurrency: string;
  refundedAt: Date;
  /** When Stripe reported the refund failed or cancelled: the units count as sold again. */
  cancelledAt: Date | null;
}

/** Lines whose ledger entries are missing, restricted to paid (or refunded) before `until` and optionally to one order. */
export interface LineFilter {
  until: Date;
  orderId?: string;
}

const BATCH = 5_000;

@Injectable()
export class OrderLineReadRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly sales: LicensedSalesSource,
  ) {}

  /**
   * Streams paid lines of licensed products that have not accrued yet, in batches, through
   * a server-side cursor inside one transaction: memory stays flat whatever the volume.
   * `onBatch` writes in the same transaction, so a run is all or nothing.
   */
  async streamUnaccrued(filter: LineFilter, onBatch: (tx: Tx, lines: PaidLicensedLine[]) => Promise<void>): Promise<number> {
    const order = filter.orderId ?? null;
    return this.stream(
      'unaccrued',
      (tx) => tx.$executeRaw`
        CREATE TEMP TABLE unaccrued ON COMMIT DROP AS
        SELECT ol.id::text AS "orderLineId", ol.order_id::text AS "orderId", ol.product_id::text AS "productId",
               lp.agreement_id::text AS "agreementId", ol.quantity, (ol.goods_minor - ol.discount_minor) AS "netSaleMinor",
               ol.currency AS "saleCurrency", ol.fx_rate::text AS "fxRate", o.paid_at AS "paidAt"
          FROM ${this.sales.lines} ol
          JOIN ${this.sales.orders} o ON o.id = ol.order_id
          JOIN licensed_products lp ON lp.product_id = ol.product_id
         WHERE o.paid_at IS NOT NULL AND o.paid_at < ${filter.until}
           AND (${order}::uuid IS NULL OR ol.order_id = ${order}::uuid)
           AND NOT EXISTS (SELECT 1 FROM royalty_ledger_entries e
                            WHERE e.order_line_id = ol.id AND e.kind = 'ACCRUAL' AND e.source_ref = 'paid')`,
      onBatch,
    );
  }

  /** Streams accrued lines of refunded orders that have not been reversed yet, with what each has left. */
  async streamUnreversedRefunds(filter: LineFilter, onBatch: (tx: Tx, lines: RefundedLicensedLine[]) => Promise<void>): Promise<number> {
    const order = filter.orderId ?? null;
    return this.stream(
      'unreversed',
      (tx) => tx.$executeRaw`
        CREATE TEMP TABLE unreversed ON COMMIT DROP AS
        SELECT ol.id::text AS "orderLineId", ol.order_id::text AS "orderId", e.product_id::text AS "productId",
               e.agreement_id::text AS "agreementId", o.refunded_at AS "refundedAt",
               (e.units + coalesce(r.units, 0))::int AS units,
               (e.sale_minor + coalesce(r.sale_minor, 0))::int AS "saleMinor",
               (e.net_sales_minor + coalesce(r.net_sales_minor, 0))::int AS "netSalesMinor",
               (e.royalty_minor + coalesce(r.royalty_minor, 0))::int AS "royaltyMinor",
               e.sale_currency AS "saleCurrency", e.fx_rate AS "fxRate", e.currency
          FROM ${this.sales.orders} o
          JOIN ${this.sales.lines} ol ON ol.order_id = o.id
          -- Every ledger lookup goes by order line (the unique index), whatever the table's statistics.
          JOIN royalty_ledger_entries e ON e.order_line_id = ol.id AND e.kind = 'ACCRUAL' AND e.source_ref = 'paid'
          LEFT JOIN LATERAL (
                SELECT sum(x.units) AS units, sum(x.sale_minor) AS sale_minor, sum(x.net_sales_minor) AS net_sales_minor, sum(x.royalty_minor) AS royalty_minor
                  FROM royalty_ledger_entries x
                 WHERE x.order_line_id = ol.id AND x.id <> e.id) r ON true
         WHERE o.refunded_at IS NOT NULL AND o.refunded_at < ${filter.until}
           AND (${order}::uuid IS NULL OR o.id = ${order}::uuid)
           AND NOT EXISTS (SELECT 1 FROM royalty_ledger_entries x
                            WHERE x.order_line_id = ol.id AND x.kind = 'REVERSAL' AND x.source_ref = 'order-refunded')`,
      onBatch,
    );
  }

  /**
   * Whether one order has anything the ledger could owe on: a line of a licensed product, or a
   * line with ledger entries (a product licensed once). Neither: accrual, reversal and partial
   * refunds all find nothing, so accrueOrder need not open its two streamed transactions.
   */
  async hasRoyaltyLines(orderId: string): Promise<boolean> {
    const rows = await this.prisma.$queryRaw<{ found: boolean }[]>`
      SELECT EXISTS (SELECT 1 FROM ${this.sales.lines} ol JOIN licensed_products lp ON lp.product_id = ol.product_id WHERE ol.order_id = ${orderId}::uuid)
          OR EXISTS (SELECT 1 FROM ${this.sales.lines} ol JOIN royalty_ledger_entries e ON e.order_line_id = ol.id WHERE ol.order_id = ${orderId}::uuid) AS found`;
    return rows[0]?.found ?? true;
  }

  /**
   * Of `orderIds`, those `hasRoyaltyLines` would answer true for, in one statement on
   * node-postgres (the accrual jobs running at once ask together: RoyaltyAccrualService.accrueOrders).
   */
  async withRoyaltyLines(orderIds: readonly string[]): Promise<Set<string>> {
    if (!orderIds.length) return new Set();
    const rows = await this.prisma.sql.$queryRaw<{ orderId: string }[]>`
      SELECT DISTINCT ol.order_id::text AS "orderId"
        FROM ${this.sales.lines} ol
       WHERE ol.order_id = ANY(${[...orderIds]}::uuid[])
         AND (EXISTS (SELECT 1 FROM licensed_products lp WHERE lp.product_id = ol.product_id)
              OR EXISTS (SELECT 1 FROM royalty_ledger_entries e WHERE e.order_line_id = ol.id))`;
    return new Set(rows.map((r) => r.orderId));
  }

  /** Partial refunds of the licensed lines of one order, oldest first. */
  lineRefundsOf(orderId: string): Promise<LineRefund[]> {
    return this.prisma.$queryRaw<LineRefund[]>`
      SELECT r.id::text AS "refundRowId", r.order_line_id::text AS "orderLineId", r.quantity AS units, (r.goods_minor - r.discount_minor) AS "goodsMinor",
             ol.currency AS "saleCurrency", r.created_at AS "refundedAt", r.cancelled_at AS "cancelledAt"
        FROM ${this.sales.lineRefunds} r
        JOIN ${this.sales.lines} ol ON ol.id = r.order_line_id
        JOIN licensed_products lp ON lp.product_id = ol.product_id
       WHERE r.order_id = ${orderId}::uuid
       ORDER BY r.created_at, r.id`;
  }

  /** One line of a licensed product, for the explicit accrual service. */
  async paidLine(orderLineId: string): Promise<PaidLicensedLine | null> {
    const rows = await this.prisma.$queryRaw<PaidLicensedLine[]>`
      SELECT ol.id::text AS "orderLineId", ol.order_id::text AS "orderId", ol.product_id::text AS "productId",
             lp.agreement_id::text AS "agreementId", ol.quantity, (ol.goods_minor - ol.discount_minor) AS "netSaleMinor",
             ol.currency AS "saleCurrency", ol.fx_rate::text AS "fxRate", o.paid_at AS "paidAt"
        FROM ${this.sales.lines} ol
        JOIN ${this.sales.orders} o ON o.id = ol.order_id
        JOIN licensed_products lp ON lp.product_id = ol.product_id
       WHERE ol.id = ${orderLineId}::uuid AND o.paid_at IS NOT NULL`;
    return rows[0] ?? null;
  }

  /**
   * The work list is written to a temporary table first, then read through a cursor while
   * `onBatch` books entries: the anti-join against the ledger runs once, before any insert
   * (a cursor evaluating it lazily would rescan a ledger growing under it).
   */
  private async stream<T>(table: string, collect: (tx: Tx) => Promise<number>, onBatch: (tx: Tx, rows: T[]) => Promise<void>): Promise<number> {
    return this.prisma.$transaction(
      async (tx) => {
        await collect(tx);
        await tx.$executeRawUnsafe(`DECLARE ${table}_cursor NO SCROLL CURSOR FOR SELECT * FROM ${table} ORDER BY "orderLineId"`);
        let total = 0;
        for (;;) {
          const rows = await tx.$queryRawUnsafe<T[]>(`FETCH FORWARD ${BATCH} FROM ${table}_cursor`);
          if (!rows.length) break;
          await onBatch(tx, rows);
          total += rows.length;
          if (rows.length < BATCH) break;
        }
        await tx.$executeRawUnsafe(`CLOSE ${table}_cursor`);
        return total;
      },
      { timeout: 15 * 60_000, maxWait: 30_000 },
    );
  }
}
