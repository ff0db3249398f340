import { Injectable } from '@nestjs/common';
import { Prisma, PrismaService, type SqlTx } from '@vitrine/shared/data-access';
import { CatalogReadPort } from '@vitrine/catalog';
import { LicensingReadPort } from '@vitrine/licensing';
import { PaymentsReadPort } from '@vitrine/payments';
import { StorefrontsReadPort } from '@vitrine/storefronts';
import { SettledSalesSource } from '../ports/settled-sales.source';

/**
 * Read model of the facts settlement posts from (tables of libs/orders, libs/payments and
 * libs/licensing), read in the caller's transaction. Read only, like licensing's order-line
 * read model (ADR 0007): settlement never changes another context's rows.
 */
export interface PaidOrderRow {
  orderId: string;
  checkoutId: string;
  museumId: string;
  fulfilledByBrandId: string | null;
  currency: string;
  shippingMinor: number;
  insuranceMinor: number;
  taxMinor: number;
  totalMinor: number;
  paidAt: Date;
}

/** A checkout's payment as the fee job reads it, and whether its Stripe fee is in the ledger. */
export interface FeeStateRow {
  checkoutId: string;
  providerPaymentId: string;
  status: string;
  feePosted: boolean;
}

export interface PaidLineRow {
  orderId: string;
  /** Goods less the promotions the seller funds (the platform-funded part is paid by the platform). */
  goodsMinor: number;
  /** The platform-funded part of the line's promotions. */
  platformDiscountMinor: number;
  /** Goods less every promotion: the royalty base (licensing's net sales, ADR 0019). */
  netSaleMinor: number;
  quantity: number;
  currency: string;
  /** Snapshotted at checkout (order_line_commissions); for orders placed before, the storefront's rate in force when the order was placed; 0 without any. */
  commissionRateBps: number;
  /** The brand that fulfils the licensed product, when it is one. */
  licensedBrandId: string | null;
  royaltyRateBps: number | null;
}

export interface RefundRow {
  refundId: string;
  amountMinor: number;
  currency: string;
  status: string;
  orderId: string | null;
  at: Date;
}

export interface LostDisputeRow {
  disputeId: string;
  lostAmountMinor: number;
  currency: string;
  at: Date;
}

@Injectable()
export class SettlementSourcesRepository {
  constructor(
    private readonly prisma: PrismaService,
    /** Orders' tables, through the relations libs/orders binds. */
    private readonly sales: SettledSalesSource,
  ) {}

  /**
   * The checkouts' paid orders, by checkout then order id (the order refunds without an order and
   * disputes are spread in), each with whether its payment is in the ledger already and, when it
   * can no longer be returned and is not payable in the ledger yet, the day its window closed
   * (`payableAt`): customs released it (its first move to CLEARED) more than `windowDays` ago and
   * no return of its is still open; never for a refunded order (nothing is pending on it). One
   * read of the orders for both (issue 21: they were two, each finding the batch's orders again).
   */
  paidOrdersOf(tx: SqlTx, checkoutIds: readonly string[], windowDays: number, now: Date): Promise<(PaidOrderRow & { posted: boolean; payableAt: Date | null })[]> {
    // An order whose payment is not in the ledger has no order-payable entry either (that entry
    // moves what its order-paid lines left pending), so only a posted order's key is looked up.
    return tx.$queryRaw<(PaidOrderRow & { posted: boolean; payableAt: Date | null })[]>`
      SELECT o.id::text AS "orderId", o.checkout_id::text AS "checkoutId", o.museum_id::text AS "museumId",
             o.fulfilled_by_brand_id::text AS "fulfilledByBrandId", o.currency, o.shipping_minor AS "shippingMinor",
             o.insurance_minor AS "insuranceMinor", o.tax_minor AS "taxMinor", o.total_minor AS "totalMinor", o.paid_at AS "paidAt",
             x.posted,
             CASE WHEN o.status <> 'REFUNDED' THEN (
               SELECT r.released + make_interval(days => ${windowDays}::int)
                 FROM (SELECT min(h.created_at) AS released FROM ${this.sales.statusChanges} h WHERE h.order_id = o.id AND h.to_status = 'CLEARED') r
                WHERE r.released + make_interval(days => ${windowDays}::int) <= ${now}
                  AND NOT EXISTS (SELECT 1 FROM ${this.sales.returns} rt WHERE rt.order_id = o.id AND rt.status IN ('REQUESTED', 'ACCEPTED', 'INSPECTED'))
                  AND (NOT x.posted OR NOT EXISTS (SELECT 1 FROM settlement_journal_entries e WHERE e.event_key = 'order-payable:' || o.id::text)))
             END AS "payableAt"
        FROM ${this.sales.orders} o
        CROSS JOIN LATERAL (SELECT EXISTS (SELECT 1 FROM settlement_journal_entries e WHERE e.event_key = 'order-paid:' || o.id::text) AS posted) x
       WHERE o.checkout_id = ANY(${[...checkoutIds]}::uuid[]) AND o.paid_at IS NOT NULL
       ORDER BY o.checkout_id, o.id`;
  }

  linesOf(tx: SqlTx, orderIds: readonly string[]): Promise<PaidLineRow[]> {
    if (!orderIds.length) return Promise.resolve([]);
    return tx.$queryRaw<PaidLineRow[]>`
      SELECT ol.order_id::text AS "orderId", (ol.goods_minor - ol.discount_minor + ol.platform_discount_minor) AS "goodsMinor",
             ol.platform_discount_minor AS "platformDiscountMinor", (ol.goods_minor - ol.discount_minor) AS "netSaleMinor", ol.quantity, ol.currency,
             coalesce(c.rate_bps, (
               SELECT coalesce((s.category_rates ->> p.category)::int, s.default_rate_bps)
                 FROM ${this.sales.orders} o
                 JOIN ${StorefrontsReadPort.storefronts} sf ON sf.museum_id = o.museum_id
                 JOIN commission_settings s ON s.storefront_id = sf.id
                WHERE o.id = ol.order_id AND s.effective_from <= o.created_at
                ORDER BY s.effective_from DESC, s.created_at DESC LIMIT 1), 0)::int AS "commissionRateBps",
             lp.fulfilled_by_brand_id::text AS "licensedBrandId", ag.royalty_rate_bps AS "royaltyRateBps"
        FROM ${this.sales.lines} ol
        -- The order itself only for a line placed before commission snapshots (its storefront's rate then): a line has its order.
        -- The snapshots found by their orders (one index range an order, next to each other) rather than by each line's key.
        LEFT JOIN order_line_commissions c ON c.order_line_id = ol.id AND c.order_id = ANY(${[...orderIds]}::uuid[])
        LEFT JOIN ${CatalogReadPort.products} p ON p.id = ol.product_id
        LEFT JOIN ${LicensingReadPort.licensedProducts} lp ON lp.product_id = ol.product_id
        LEFT JOIN ${LicensingReadPort.agreements} ag ON ag.id = lp.agreement_id
       WHERE ol.order_id = ANY(${[...orderIds]}::uuid[])
       ORDER BY ol.order_id, ol.position`;
  }

  /**
   * The payment of each of these checkouts (those that have one) and whether the ledger holds a
   * Stripe fee entry of the checkout already: one statement for a batch of fee jobs, on
   * node-postgres (`sql`), outside any transaction. The fee entry is looked up per checkout
   * (LATERAL … LIMIT 1 on the FEE entries' checkout index): as an EXISTS, the generic plan hashed
   * every fee entry of the ledger for each batch.
   */
  feeStatesOf(checkoutIds: readonly string[]): Promise<FeeStateRow[]> {
    if (!checkoutIds.length) return Promise.resolve([]);
    return this.prisma.sql.$queryRaw<FeeStateRow[]>`
      SELECT p.checkout_id::text AS "checkoutId", p.provider_payment_id AS "providerPaymentId", p.status::text AS status, f.posted IS NOT NULL AS "feePosted"
        FROM ${PaymentsReadPort.payments} p
        LEFT JOIN LATERAL (SELECT true AS posted FROM settlement_journal_entries e WHERE e.checkout_id = p.checkout_id AND e.kind = 'FEE' LIMIT 1) f ON true
       WHERE p.checkout_id = ANY(${[...checkoutIds]}::uuid[])`;
  }

  /**
   * The names a statement prints for a seller: a museum's legal name and its storefront's
   * Chinese and English names, a brand's name. Null when the seller does not exist.
   */
  async sellerNames(seller: { sellerType: 'MUSEUM' | 'BRAND'; sellerId: string }): Promise<{ name: string; nameZh: string | null; nameEn: string | null } | null> {
    const rows =
      seller.sellerType === 'MUSEUM'
        ? await this.prisma.$queryRaw<{ name: string; nameZh: string | null; nameEn: string | null }[]>`
            SELECT m.legal_name AS name, s.name_zh AS "nameZh", s.name_en AS "nameEn"
              FROM ${StorefrontsReadPort.museums} m LEFT JOIN ${StorefrontsReadPort.storefronts} s ON s.museum_id = m.id
             WHERE m.id = ${seller.sellerId}::uuid LIMIT 1`
        : await this.prisma.$queryRaw<{ name: string; nameZh: string | null; nameEn: string | null }[]>`
            SELECT b.name, NULL::text AS "nameZh", NULL::text AS "nameEn" FROM ${StorefrontsReadPort.brands} b WHERE b.id = ${seller.sellerId}::uuid`;
    return rows[0] ?? null;
  }

  /**
   * The paid orders of these checkouts and whether each passes Stripe's fees on to its sellers:
   * the terms of the commission setting its lines were placed under (order_line_commissions'
   * setting, never edited); false without one. In the caller's transaction (under the payments' locks).
   */
  feeTermsOf(tx: SqlTx, checkoutIds: readonly string[]): Promise<{ checkoutId: string; orderId: string; passStripeFees: boolean }[]> {
    if (!checkoutIds.length) return Promise.resolve([]);
    return tx.$queryRaw<{ checkoutId: string; orderId: string; passStripeFees: boolean }[]>`
      SELECT o.checkout_id::text AS "checkoutId", o.id::text AS "orderId", coalesce(bool_or(s.pass_stripe_fees), false) AS "passStripeFees"
        FROM ${this.sales.orders} o
        LEFT JOIN order_line_commissions c ON c.order_id = o.id
        LEFT JOIN commission_settings s ON s.id = c.setting_id
       WHERE o.checkout_id = ANY(${[...checkoutIds]}::uuid[]) AND o.paid_at IS NOT NULL
       GROUP BY o.checkout_id, o.id ORDER BY o.id`;
  }

  /**
   * Locks the payment rows of these checkouts, the lock webhooks and refunds take first (ADR
   * 0006), in one statement and in a stable order (the catch-up's batch, a batch of fees).
   */
  async lockPayments(tx: SqlTx, checkoutIds: readonly string[]): Promise<void> {
    await tx.$queryRaw(PaymentsReadPort.lockPaymentsOfCheckouts(checkoutIds));
  }

  /**
   * Whether any of these checkouts has a refund or a lost dispute, whatever its state in the
   * ledger (the catch-up runs such a batch alone: its transfer reversals read sellers' balances).
   */
  async haveReversals(checkoutIds: readonly string[]): Promise<boolean> {
    const [row] = await this.prisma.sql.$queryRaw<{ any: boolean }[]>`
      SELECT EXISTS (SELECT 1 FROM ${PaymentsReadPort.refunds} r JOIN ${PaymentsReadPort.payments} p ON p.id = r.payment_id WHERE p.checkout_id = ANY(${[...checkoutIds]}::uuid[]))
          OR EXISTS (SELECT 1 FROM ${PaymentsReadPort.disputes} d JOIN ${PaymentsReadPort.payments} p ON p.id = d.payment_id
                      WHERE p.checkout_id = ANY(${[...checkoutIds]}::uuid[]) AND d.status = 'lost') AS any`;
    return row?.any ?? false;
  }

  refundsOf(tx: SqlTx, checkoutIds: readonly string[]): Promise<(RefundRow & { checkoutId: string })[]> {
    return tx.$queryRaw<(RefundRow & { checkoutId: string })[]>`
      SELECT p.checkout_id::text AS "checkoutId", r.provider_refund_id AS "refundId", r.amount_minor AS "amountMinor", r.currency, r.status, r.order_id::text AS "orderId", r.updated_at AS at
        FROM ${PaymentsReadPort.refunds} r JOIN ${PaymentsReadPort.payments} p ON p.id = r.payment_id
       WHERE p.checkout_id = ANY(${[...checkoutIds]}::uuid[])
       ORDER BY p.checkout_id, r.created_at, r.id`;
  }

  lostDisputesOf(tx: SqlTx, checkoutIds: readonly string[]): Promise<(LostDisputeRow & { checkoutId: string })[]> {
    return tx.$queryRaw<(LostDisputeRow & { checkoutId: string })[]>`
      SELECT p.checkout_id::text AS "checkoutId", d.provider_dispute_id AS "disputeId", d.lost_amount_minor AS "lostAmountMinor", d.currency, coalesce(d.closed_at, d.updated_at) AS at
        FROM ${PaymentsReadPort.disputes} d JOIN ${PaymentsReadPort.payments} p ON p.id = d.payment_id
       WHERE p.checkout_id = ANY(${[...checkoutIds]}::uuid[]) AND d.status = 'lost' AND d.lost_amount_minor > 0
       ORDER BY p.checkout_id, d.created_at, d.id`;
  }

  /**
   * Checkouts with money facts the ledger has not caught up with (the catch-up's work list): the
   * first `limit` after `after`, in checkout id order. Paid orders not posted are found by walking
   * orders in checkout order, stopping at `limit`; the other facts (refunds, lost disputes, orders
   * become payable) are then looked for only up to the last of those when there are `limit` of
   * them (nothing past it can be among the first `limit`), a range the second statement reads by
   * index. So a page costs about its size, not a scan of every order, while a backlog is worked
   * through; with no backlog it is one scan, as before.
   */
  async checkoutsBehind(limit: number, after: string | null, windowDays: number, now: Date): Promise<string[]> {
    // Planned for their values (sqlPlanned): the bounds are null or not.
    const unposted = await this.prisma.sqlPlanned.$queryRaw<{ id: string }[]>`
      SELECT u.id::text AS id FROM (
        SELECT DISTINCT o.checkout_id AS id FROM ${this.sales.orders} o
         WHERE o.paid_at IS NOT NULL AND (${after}::uuid IS NULL OR o.checkout_id > ${after}::uuid)
           AND NOT EXISTS (SELECT 1 FROM settlement_journal_entries e WHERE e.event_key = 'order-paid:' || o.id::text)
         ORDER BY o.checkout_id LIMIT ${limit}) u
       ORDER BY u.id`;
    const upper = unposted.length === limit ? unposted[unposted.length - 1]!.id : null;
    const others = await this.prisma.sqlPlanned.$queryRaw<{ id: string }[]>`
      SELECT p.checkout_id::text AS id FROM ${PaymentsReadPort.refunds} r JOIN ${PaymentsReadPort.payments} p ON p.id = r.payment_id
       WHERE (${after}::uuid IS NULL OR p.checkout_id > ${after}::uuid) AND (${upper}::uuid IS NULL OR p.checkout_id <= ${upper}::uuid)
         AND ((r.status IN ('succeeded', 'pending') AND NOT EXISTS (SELECT 1 FROM settlement_journal_entries e WHERE e.event_key = 'refund:' || r.provider_refund_id))
          OR (r.status IN ('failed', 'canceled') AND EXISTS (SELECT 1 FROM settlement_journal_entries e WHERE e.event_key = 'refund:' || r.provider_refund_id)
              AND NOT EXISTS (SELECT 1 FROM settlement_journal_entries e WHERE e.event_key = 'refund-failed:' || r.provider_refund_id)))
      UNION
      SELECT p.checkout_id::text FROM ${PaymentsReadPort.disputes} d JOIN ${PaymentsReadPort.payments} p ON p.id = d.payment_id
       WHERE (${after}::uuid IS NULL OR p.checkout_id > ${after}::uuid) AND (${upper}::uuid IS NULL OR p.checkout_id <= ${upper}::uuid)
         AND d.status = 'lost' AND d.lost_amount_minor > 0 AND NOT EXISTS (SELECT 1 FROM settlement_journal_entries e WHERE e.event_key = 'dispute-lost:' || d.provider_dispute_id)
      UNION
      SELECT o.checkout_id::text FROM ${this.sales.orders} o
       WHERE (${after}::uuid IS NULL OR o.checkout_id > ${after}::uuid) AND (${upper}::uuid IS NULL OR o.checkout_id <= ${upper}::uuid)
         AND o.paid_at IS NOT NULL AND o.status <> 'REFUNDED'
         AND EXISTS (SELECT 1 FROM settlement_journal_entries e WHERE e.event_key = 'order-paid:' || o.id::text)
         AND NOT EXISTS (SELECT 1 FROM settlement_journal_entries e WHERE e.event_key = 'order-payable:' || o.id::text)
         AND (SELECT min(h.created_at) FROM ${this.sales.statusChanges} h WHERE h.order_id = o.id AND h.to_status = 'CLEARED') + make_interval(days => ${windowDays}::int) <= ${now}
         AND NOT EXISTS (SELECT 1 FROM ${this.sales.returns} x WHERE x.order_id = o.id AND x.status IN ('REQUESTED', 'ACCEPTED', 'INSPECTED'))`;
    // Checkout ids as text sort as the uuids do (lower-case hex at fixed places).
    return [...new Set([...unposted, ...others].map((r) => r.id))].sort().slice(0, limit);
  }

  /**
   * The INSERT that snapshots each new order line's commission rate: the rate of its product's
   * category, else the default, of the storefront's setting in force now (none: 0). Built for a
   * data-modifying CTE of the checkout's own insert (no statement of its own): `lines` is the
   * caller's relation of the lines it writes, with columns order_line_id, order_id, product_id
   * and museum_id (the seller of record).
   */
  commissionSnapshotSql(lines: Prisma.Sql): Prisma.Sql {
    return Prisma.sql`
      INSERT INTO order_line_commissions (order_line_id, order_id, category, rate_bps, setting_id)
      SELECT nl.order_line_id, nl.order_id, coalesce(p.category, ''), coalesce((s.category_rates ->> p.category)::int, s.default_rate_bps, 0), s.id
        FROM ${lines} nl
        LEFT JOIN ${CatalogReadPort.products} p ON p.id = nl.product_id
        LEFT JOIN ${StorefrontsReadPort.storefronts} sf ON sf.museum_id = nl.museum_id
        LEFT JOIN LATERAL (SELECT x.id, x.default_rate_bps, x.category_rates FROM commission_settings x
                            WHERE x.storefront_id = sf.id AND x.effective_from <= now()
                            ORDER BY x.effective_from DESC, x.created_at DESC LIMIT 1) s ON true
      ON CONFLICT (order_line_id) DO NOTHING`;
  }
}
