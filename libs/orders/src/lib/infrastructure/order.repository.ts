import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Prisma, PrismaService, type OrderStatus, type SqlTx, type Tx } from '@vitrine/shared/data-access';
import type { Recipient } from '../domain/checkout-input';
import type { LineRefunded } from '../domain/refunds';

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
  /** The seller of record (customs, royalties): the storefront's museum. */
  museumId: string;
  /** The brand partner that fulfils this order from its own stock (co-branded lines); null when the museum does. */
  fulfilledByBrandId: string | null;
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
  /** Promotions taken off the goods (Σ lines'); total is net of it. */
  discountMinor: number;
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
  /** CBEC_RETAIL or GENERAL_TRADE, and the tax's parts (duty + VAT + consumption tax = tax). */
  taxRegime: string;
  dutyMinor: number;
  /** Null on a line written without the split (fixtures): VAT is then what the other parts leave. */
  vatMinor: number | null;
  consumptionTaxMinor: number;
  /** The line's share of the promotions, and the platform-funded part of it (ADR 0019). */
  discountMinor: number;
  platformDiscountMinor: number;
  totalMinor: number;
  fxRate: string;
  fxSource: string;
  fxEffectiveAt: Date;
}

/** What quotaUsed counts (OrderRepository.quotaUsed), as one SELECT of one row `used`: also a part of insertPlaced's statement. */
export interface QuotaQuery {
  identityId: string;
  year: { start: Date; end: Date };
  now: Date;
  paidStatuses: readonly OrderStatus[];
}

function quotaUsedSql({ identityId, year, now, paidStatuses }: QuotaQuery): Prisma.Sql {
  return Prisma.sql`
      SELECT COALESCE(SUM(h.held), 0)::bigint AS used
      FROM orders o
      CROSS JOIN LATERAL (
        SELECT SUM(ROUND(l.dutiable_minor::numeric * (CASE WHEN o.status = 'REFUNDED' THEN COALESCE(r.pending, 0)
                                                           ELSE GREATEST(l.quantity - COALESCE(r.outside, 0) - COALESCE(a.units, 0), 0) END) / l.quantity)) AS held
        FROM order_lines l
        LEFT JOIN (SELECT lr.order_line_id,
                          SUM(lr.quantity) FILTER (WHERE NOT EXISTS (SELECT 1 FROM order_returns rt WHERE rt.order_id = o.id AND rt.refund_id = lr.provider_refund_id)) AS outside,
                          -- units refunded by a return customs has not accepted yet still count (after-sales)
                          SUM(lr.quantity) FILTER (WHERE EXISTS (SELECT 1 FROM order_returns rt WHERE rt.order_id = o.id AND rt.refund_id = lr.provider_refund_id AND rt.customs_accepted_at IS NULL)) AS pending
                   FROM order_line_refunds lr
                   WHERE lr.order_id = o.id AND lr.cancelled_at IS NULL GROUP BY lr.order_line_id) r ON r.order_line_id = l.id
        LEFT JOIN (SELECT rl.order_line_id, SUM(rl.quantity) AS units
                   FROM order_return_lines rl JOIN order_returns rt ON rt.id = rl.return_id
                   WHERE rt.order_id = o.id AND rt.customs_accepted_at IS NOT NULL GROUP BY rl.order_line_id) a ON a.order_line_id = l.id
        WHERE l.order_id = o.id) h
      WHERE o.identity_id = ${identityId}::uuid AND (
        (o.status::text = ANY(${[...paidStatuses]}::text[]) AND o.paid_at >= ${year.start} AND o.paid_at < ${year.end})
        OR (o.status = 'REFUNDED' AND o.paid_at >= ${year.start} AND o.paid_at < ${year.end}
            AND EXISTS (SELECT 1 FROM order_returns rt WHERE rt.order_id = o.id AND rt.refund_id IS NOT NULL AND rt.customs_accepted_at IS NULL))
        OR (o.status = 'PENDING_PAYMENT' AND o.hold_expires_at > ${now} AND o.created_at >= ${year.start} AND o.created_at < ${year.end}))`;
}

/** What insertPlaced wrote, as the order queries would read it back. */
export interface PlacedRows {
  /** False: the idempotency key was taken (by another cart), nothing was written. */
  inserted: boolean;
  /** The identity's yearly quota used before this checkout (quotaUsed), read in the same statement when asked. */
  quotaUsed: number;
  lines: OrderLineRecord[];
  history: { orderId: string; fromStatus: null; toStatus: 'PENDING_PAYMENT'; reason: string; createdAt: Date }[];
}

export type NewCheckout = CheckoutRecord & { discountMinor: number; identityId: string; idConsentAt: Date; riskNoticeAcceptedAt: Date; consentVersion: string };
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
  fulfilledByBrandId: true,
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
  discountMinor: true,
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
  channel?: 'SHELF_QR' | 'ARTICLE' | 'LIVESTREAM' | 'DIRECT';
}

@Injectable()
export class OrderRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** On every placeOrder: raw SQL, the cheapest read Prisma offers. */
  async findCheckoutByKey(idempotencyKey: string): Promise<CheckoutRecord | null> {
    const rows = await this.prisma.$queryRaw<CheckoutRecord[]>`
      SELECT id, idempotency_key AS "idempotencyKey", fingerprint, cart_id AS "cartId", shopper_user_id AS "shopperUserId", currency,
             goods_minor AS "goodsMinor", shipping_minor AS "shippingMinor", insurance_minor AS "insuranceMinor", tax_minor AS "taxMinor",
             total_minor AS "totalMinor", hold_expires_at AS "holdExpiresAt", created_at AS "createdAt"
      FROM checkouts WHERE idempotency_key = ${idempotencyKey}`;
    return rows[0] ?? null;
  }

  findCheckout(id: string): Promise<CheckoutRecord | null> {
    return this.prisma.checkout.findUnique({ where: { id }, select: checkoutSelect });
  }

  findCheckoutOfCart(cartId: string): Promise<CheckoutRecord | null> {
    return this.prisma.checkout.findUnique({ where: { cartId }, select: checkoutSelect });
  }

  /** Closes an open cart for checkout (row lock until commit); false when it was already closed. */
  /** closeCart as a statement for another's first CTE (IdentityRecordsService.recordAfter): a row when the cart was open and is now closed. */
  closeCartSql(cartId: string): Prisma.Sql {
    return Prisma.sql`UPDATE carts SET status = 'CHECKED_OUT', open_user_id = NULL, updated_at = now() WHERE id = ${cartId}::uuid AND status = 'OPEN' RETURNING id`;
  }

  async closeCart(tx: SqlTx, cartId: string): Promise<boolean> {
    const updated = await tx.$executeRaw`
      UPDATE carts SET status = 'CHECKED_OUT', open_user_id = NULL, updated_at = now() WHERE id = ${cartId}::uuid AND status = 'OPEN'`;
    return updated === 1;
  }

  /**
   * Writes the checkout, its orders, their lines and first history rows in one statement
   * (one round trip inside the checkout transaction; foreign keys are checked at its end).
   * Throws DuplicateCheckoutError when the key or the cart was checked out concurrently.
   */
  /**
   * Writes the checkout, its orders, their lines and first history rows in one statement, and
   * answers the lines and history rows as written (placeOrder's answer reads nothing again).
   * `lineWrites`: what another context writes of the new lines in the same statement (settlement's
   * commission snapshot), an INSERT its owner builds over the relation handed to it: the lines
   * written, with columns order_line_id, order_id, product_id and museum_id.
   */
  async insertPlaced(tx: SqlTx, checkout: NewCheckout, orders: readonly NewOrder[], quota?: QuotaQuery, lineWrites?: (lines: Prisma.Sql) => Prisma.Sql): Promise<PlacedRows> {
    const c = checkout;
    const orderRows = orders.map(({ lines: _l, recipient: r, ...o }) => ({
      id: o.id,
      number: o.number,
      checkout_id: o.checkoutId,
      museum_id: o.museumId,
      fulfilled_by_brand_id: o.fulfilledByBrandId,
      shopper_user_id: o.shopperUserId,
      identity_id: o.identityId,
      status: 'PENDING_PAYMENT',
      customs_mode: o.customsMode,
      stock_location_id: o.stockLocationId,
      currency: o.currency,
      goods_minor: o.goodsMinor,
      shipping_minor: o.shippingMinor,
      insurance_minor: o.insuranceMinor,
      tax_minor: o.taxMinor,
      total_minor: o.totalMinor,
      discount_minor: o.discountMinor,
      fx_rate: o.fxRate,
      fx_margin_bps: o.fxMarginBps,
      fx_source: o.fxSource,
      fx_effective_at: o.fxEffectiveAt,
      orderer_name: o.ordererName,
      orderer_id_masked: o.ordererIdMasked,
      recipient_name: r.name,
      recipient_phone: r.phone,
      province: r.province,
      city: r.city,
      district: r.district,
      street: r.street,
      postal_code: r.postalCode,
      hold_expires_at: o.holdExpiresAt,
      created_at: o.createdAt,
      updated_at: o.createdAt,
    }));
    const lineRows = orders.flatMap((o) =>
      o.lines.map((l) => ({
        id: randomUUID(),
        order_id: o.id,
        position: l.position,
        variant_id: l.variantId,
        product_id: l.productId,
        sku: l.sku,
        name: l.name,
        cross_border_category: l.crossBorderCategory,
        hs_code: l.hsCode,
        origin_country: l.originCountry,
        weight_grams: l.weightGrams,
        quantity: l.quantity,
        unit_price_eur_minor: l.unitPriceEurMinor,
        unit_price_minor: l.unitPriceMinor,
        currency: l.currency,
        goods_minor: l.goodsMinor,
        freight_minor: l.freightMinor,
        insurance_minor: l.insuranceMinor,
        dutiable_minor: l.dutiableMinor,
        tax_rate: l.taxRate,
        tax_minor: l.taxMinor,
        tax_regime: l.taxRegime,
        duty_minor: l.dutyMinor,
        vat_minor: l.vatMinor,
        consumption_tax_minor: l.consumptionTaxMinor,
        discount_minor: l.discountMinor,
        platform_discount_minor: l.platformDiscountMinor,
        total_minor: l.totalMinor,
        fx_rate: l.fxRate,
        fx_source: l.fxSource,
        fx_effective_at: l.fxEffectiveAt,
      })),
    );
    // The quota is read in the statement's snapshot, taken once the caller holds the identity's
    // row lock and before these orders exist: as a statement of its own before them would.
    const quotaSql = quota ? Prisma.sql`(${quotaUsedSql(quota)})` : Prisma.sql`0::bigint`;
    // Rows of sibling CTEs are seen only through their RETURNING: the lines as written, with their order's seller.
    const alsoSql = lineWrites
      ? Prisma.sql`, k AS (${lineWrites(Prisma.sql`(SELECT l.id AS order_line_id, l.order_id, l.product_id, o.museum_id FROM l JOIN o ON o.id = l.order_id)`)})`
      : Prisma.empty;
    const rows = await tx.$queryRaw<{ checkouts: bigint; placed_at: Date | null; quota_used: bigint | null }[]>`
      WITH c AS (
        INSERT INTO checkouts (id, idempotency_key, fingerprint, cart_id, shopper_user_id, identity_id, currency, goods_minor, shipping_minor,
          insurance_minor, tax_minor, total_minor, discount_minor, id_consent_at, risk_notice_accepted_at, consent_version, hold_expires_at, created_at)
        VALUES (${c.id}::uuid, ${c.idempotencyKey}, ${c.fingerprint}, ${c.cartId}::uuid, ${c.shopperUserId}::uuid, ${c.identityId}::uuid, ${c.currency},
          ${c.goodsMinor}, ${c.shippingMinor}, ${c.insuranceMinor}, ${c.taxMinor}, ${c.totalMinor}, ${c.discountMinor}, ${c.idConsentAt}, ${c.riskNoticeAcceptedAt},
          ${c.consentVersion}, ${c.holdExpiresAt}, ${c.createdAt})
        ON CONFLICT DO NOTHING
        RETURNING id
      ), o AS (
        INSERT INTO orders (id, number, checkout_id, museum_id, fulfilled_by_brand_id, shopper_user_id, identity_id, status, customs_mode, stock_location_id, currency,
          goods_minor, shipping_minor, insurance_minor, tax_minor, total_minor, discount_minor, fx_rate, fx_margin_bps, fx_source, fx_effective_at, orderer_name,
          orderer_id_masked, recipient_name, recipient_phone, province, city, district, street, postal_code, hold_expires_at, created_at, updated_at)
        SELECT r.id, r.number, r.checkout_id, r.museum_id, r.fulfilled_by_brand_id, r.shopper_user_id, r.identity_id, r.status, r.customs_mode, r.stock_location_id, r.currency,
          r.goods_minor, r.shipping_minor, r.insurance_minor, r.tax_minor, r.total_minor, r.discount_minor, r.fx_rate, r.fx_margin_bps, r.fx_source, r.fx_effective_at,
          r.orderer_name, r.orderer_id_masked, r.recipient_name, r.recipient_phone, r.province, r.city, r.district, r.street, r.postal_code,
          r.hold_expires_at, r.created_at, r.updated_at
        FROM json_populate_recordset(NULL::orders, ${JSON.stringify(orderRows)}::json) r WHERE EXISTS (SELECT 1 FROM c)
        RETURNING id, museum_id
      ), l AS (
        INSERT INTO order_lines (id, order_id, position, variant_id, product_id, sku, name, cross_border_category, hs_code, origin_country,
          weight_grams, quantity, unit_price_eur_minor, unit_price_minor, currency, goods_minor, freight_minor, insurance_minor, dutiable_minor,
          tax_rate, tax_minor, tax_regime, duty_minor, vat_minor, consumption_tax_minor, discount_minor, platform_discount_minor, total_minor, fx_rate, fx_source, fx_effective_at)
        SELECT r.id, r.order_id, r.position, r.variant_id, r.product_id, r.sku, r.name, r.cross_border_category, r.hs_code, r.origin_country,
          r.weight_grams, r.quantity, r.unit_price_eur_minor, r.unit_price_minor, r.currency, r.goods_minor, r.freight_minor, r.insurance_minor,
          r.dutiable_minor, r.tax_rate, r.tax_minor, r.tax_regime, r.duty_minor, r.vat_minor, r.consumption_tax_minor, r.discount_minor, r.platform_discount_minor, r.total_minor, r.fx_rate, r.fx_source, r.fx_effective_at
        FROM json_populate_recordset(NULL::order_lines, ${JSON.stringify(lineRows)}::json) r WHERE EXISTS (SELECT 1 FROM c)
        RETURNING id, order_id, product_id
      ), h AS (
        INSERT INTO order_status_changes (order_id, from_status, to_status, reason) SELECT id, NULL, 'PENDING_PAYMENT', 'placed' FROM o
        RETURNING id, created_at
      )${alsoSql}
      SELECT (SELECT count(*) FROM c) AS checkouts, (SELECT count(*) FROM l) + (SELECT count(*) FROM h) AS written, (SELECT max(created_at) FROM h) AS placed_at,
        ${quotaSql} AS quota_used`;
    const inserted = Number(rows[0]?.checkouts ?? 0) === 1;
    if (!inserted && !quota) throw new DuplicateCheckoutError();
    const at = rows[0]?.placed_at ?? checkout.createdAt;
    return {
      inserted,
      quotaUsed: Number(rows[0]?.quota_used ?? 0),
      lines: lineRows.map((l) => ({
        id: l.id, orderId: l.order_id, position: l.position, variantId: l.variant_id, productId: l.product_id, sku: l.sku, name: l.name,
        crossBorderCategory: l.cross_border_category, hsCode: l.hs_code, originCountry: l.origin_country, weightGrams: l.weight_grams, quantity: l.quantity,
        unitPriceEurMinor: l.unit_price_eur_minor, unitPriceMinor: l.unit_price_minor, currency: l.currency, goodsMinor: l.goods_minor,
        freightMinor: l.freight_minor, insuranceMinor: l.insurance_minor, dutiableMinor: l.dutiable_minor, taxRate: l.tax_rate, taxMinor: l.tax_minor,
        taxRegime: l.tax_regime, dutyMinor: l.duty_minor, vatMinor: l.vat_minor, consumptionTaxMinor: l.consumption_tax_minor, discountMinor: l.discount_minor,
        platformDiscountMinor: l.platform_discount_minor, totalMinor: l.total_minor, fxRate: l.fx_rate, fxSource: l.fx_source, fxEffectiveAt: l.fx_effective_at,
      })),
      history: orders.map((o) => ({ orderId: o.id, fromStatus: null, toStatus: 'PENDING_PAYMENT' as const, reason: 'placed', createdAt: new Date(at) })),
    };
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
  async cancelLineRefunds(tx: Tx, providerRefundId: string, orderIds: readonly string[], at: Date): Promise<string[]> {
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
    // A guest's return (no account) has no notices.
    if (r.shopperUserId) await tx.shopperNotice.create({ data: { userId: r.shopperUserId, orderId: r.orderId, returnId: r.id, kind: 'REFUND_FAILED', message: '', params } });
    return r.id;
  }

  async ordersOfCheckout(checkoutId: string, tx: Tx = this.prisma): Promise<OrderRecord[]> {
    const rows = await tx.order.findMany({ where: { checkoutId }, orderBy: [{ museumId: 'asc' }, { id: 'asc' }], select: orderSelect });
    return rows.map(toOrder);
  }

  /** The request refundOrder made under this idempotency key for this order, if any (read under the order's lock). */
  findRefundRequest(tx: Tx, orderId: string, idempotencyKey: string): Promise<{ fingerprint: string; providerRefundId: string; amountMinor: number; refundStatus: string } | null> {
    return tx.orderRefundRequest.findUnique({ where: { orderId_idempotencyKey: { orderId, idempotencyKey } }, select: { fingerprint: true, providerRefundId: true, amountMinor: true, refundStatus: true } });
  }

  async recordRefundRequest(tx: Tx, data: { orderId: string; idempotencyKey: string; fingerprint: string; providerRefundId: string; amountMinor: number; refundStatus: string }): Promise<void> {
    await tx.orderRefundRequest.create({ data });
  }

  /**
   * Moves the orders that are in `from` to `to`, with the audit trail, and answers which
   * moved. Conditional on the current status, so concurrent or repeated calls move each
   * order at most once.
   */
  /**
   * Moves these orders from `from` to `to` (those still in `from`), with one audit row each:
   * `reason` is the same for all, or given per order. Two statements whatever the number of orders.
   */
  async transition(tx: SqlTx, orderIds: readonly string[], from: OrderStatus, to: OrderStatus, reason: string | ReadonlyMap<string, string>, at: Date): Promise<string[]> {
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
    if (ids.length) {
      const reasons = ids.map((id) => (typeof reason === 'string' ? reason : (reason.get(id) ?? to.toLowerCase())));
      await tx.$executeRaw`
        INSERT INTO order_status_changes (order_id, from_status, to_status, reason, created_at)
        SELECT o, ${from}::"OrderStatus", ${to}::"OrderStatus", r, ${at} FROM unnest(${ids}::uuid[], ${reasons}::text[]) WITH ORDINALITY AS t(o, r, n) ORDER BY n`;
    }
    return ids;
  }

  /** Checkouts with unpaid orders whose hold has run out, oldest first. */
  async expiredCheckoutIds(now: Date, limit: number): Promise<string[]> {
    const rows = await this.prisma.$queryRaw<{ checkout_id: string }[]>`
      SELECT checkout_id FROM orders WHERE status = 'PENDING_PAYMENT' AND hold_expires_at <= ${now}
      GROUP BY checkout_id ORDER BY MIN(hold_expires_at) LIMIT ${limit}`;
    return rows.map((r) => r.checkout_id);
  }

  /** The order, its row locked for the rest of the caller's transaction (refunds of one order queue here). */
  async lockOrder(tx: Tx, id: string): Promise<OrderRecord | null> {
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM orders WHERE id = ${id}::uuid FOR UPDATE`;
    if (!locked.length) return null;
    const row = await tx.order.findUnique({ where: { id }, select: orderSelect });
    return row ? toOrder(row) : null;
  }

  async findOrder(id: string): Promise<OrderRecord | null> {
    const row = await this.prisma.order.findUnique({ where: { id }, select: orderSelect });
    return row ? toOrder(row) : null;
  }

  async findOrders(ids: readonly string[]): Promise<OrderRecord[]> {
    const rows = await this.prisma.order.findMany({ where: { id: { in: [...ids] } }, select: orderSelect });
    return rows.map(toOrder);
  }

  async page(scope: { shopperUserId: string } | { museumIds: readonly string[] | 'ALL' } | { fulfilledByBrandId: string }, q: OrderPageQuery): Promise<{ rows: OrderRecord[]; total: number }> {
    // Prisma passes `contains` to ILIKE as is: wildcards in the text are taken literally.
    const term = q.search?.trim().replace(/[\\%_]/g, (c) => `\\${c}`);
    const where: Prisma.OrderWhereInput = {
      ...('shopperUserId' in scope
        ? { shopperUserId: scope.shopperUserId }
        : 'fulfilledByBrandId' in scope
          ? { fulfilledByBrandId: scope.fulfilledByBrandId }
          : scope.museumIds === 'ALL'
            ? {}
            : { museumId: { in: [...scope.museumIds] } }),
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
        taxRegime: true,
        dutyMinor: true,
        vatMinor: true,
        consumptionTaxMinor: true,
        discountMinor: true,
        platformDiscountMinor: true,
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
