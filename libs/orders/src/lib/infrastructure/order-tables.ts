import { Prisma, type OrderStatus } from '@vitrine/shared/data-access';
import type { Recipient } from '../domain/checkout-input';

// The orders tables' records and their columns, written once: the checkout writes
// (order-checkout.repository.ts) and the order queries (order-query.repository.ts) make their
// Prisma selects, raw SELECT lists and INSERT column lists from the maps below.

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

/** What quotaUsed counts (OrderQueryRepository.quotaUsed), as one SELECT of one row `used`: also a part of insertPlaced's statement. */
export interface QuotaQuery {
  identityId: string;
  year: { start: Date; end: Date };
  now: Date;
  paidStatuses: readonly OrderStatus[];
}

export function quotaUsedSql({ identityId, year, now, paidStatuses }: QuotaQuery): Prisma.Sql {
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

/** checkouts' columns, by CheckoutRecord field. */
export const CHECKOUT_COLUMNS = {
  id: 'id',
  idempotencyKey: 'idempotency_key',
  fingerprint: 'fingerprint',
  cartId: 'cart_id',
  shopperUserId: 'shopper_user_id',
  currency: 'currency',
  goodsMinor: 'goods_minor',
  shippingMinor: 'shipping_minor',
  insuranceMinor: 'insurance_minor',
  taxMinor: 'tax_minor',
  totalMinor: 'total_minor',
  holdExpiresAt: 'hold_expires_at',
  createdAt: 'created_at',
} as const satisfies Record<keyof CheckoutRecord, string>;

/** An order as its table holds it: the recipient in columns of its own, the rate a decimal. */
export type OrderRow = Omit<OrderRecord, 'recipient' | 'fxRate'> & {
  fxRate: { toString(): string };
  recipientName: string;
  recipientPhone: string;
  province: string;
  city: string;
  district: string;
  street: string;
  postalCode: string;
};

/** orders' columns, by OrderRow field (Prisma's field names are these keys). */
export const ORDER_COLUMNS = {
  id: 'id',
  number: 'number',
  checkoutId: 'checkout_id',
  museumId: 'museum_id',
  fulfilledByBrandId: 'fulfilled_by_brand_id',
  shopperUserId: 'shopper_user_id',
  status: 'status',
  customsMode: 'customs_mode',
  stockLocationId: 'stock_location_id',
  currency: 'currency',
  goodsMinor: 'goods_minor',
  shippingMinor: 'shipping_minor',
  insuranceMinor: 'insurance_minor',
  taxMinor: 'tax_minor',
  totalMinor: 'total_minor',
  discountMinor: 'discount_minor',
  fxRate: 'fx_rate',
  fxMarginBps: 'fx_margin_bps',
  fxSource: 'fx_source',
  fxEffectiveAt: 'fx_effective_at',
  ordererName: 'orderer_name',
  ordererIdMasked: 'orderer_id_masked',
  recipientName: 'recipient_name',
  recipientPhone: 'recipient_phone',
  province: 'province',
  city: 'city',
  district: 'district',
  street: 'street',
  postalCode: 'postal_code',
  holdExpiresAt: 'hold_expires_at',
  paidAt: 'paid_at',
  cancelledAt: 'cancelled_at',
  refundedAt: 'refunded_at',
  createdAt: 'created_at',
} as const satisfies Record<keyof OrderRow, string>;

/** order_lines' columns, by OrderLineRecord field. */
export const ORDER_LINE_COLUMNS = {
  id: 'id',
  orderId: 'order_id',
  position: 'position',
  variantId: 'variant_id',
  productId: 'product_id',
  sku: 'sku',
  name: 'name',
  crossBorderCategory: 'cross_border_category',
  hsCode: 'hs_code',
  originCountry: 'origin_country',
  weightGrams: 'weight_grams',
  quantity: 'quantity',
  unitPriceEurMinor: 'unit_price_eur_minor',
  unitPriceMinor: 'unit_price_minor',
  currency: 'currency',
  goodsMinor: 'goods_minor',
  freightMinor: 'freight_minor',
  insuranceMinor: 'insurance_minor',
  dutiableMinor: 'dutiable_minor',
  taxRate: 'tax_rate',
  taxMinor: 'tax_minor',
  taxRegime: 'tax_regime',
  dutyMinor: 'duty_minor',
  vatMinor: 'vat_minor',
  consumptionTaxMinor: 'consumption_tax_minor',
  discountMinor: 'discount_minor',
  platformDiscountMinor: 'platform_discount_minor',
  totalMinor: 'total_minor',
  fxRate: 'fx_rate',
  fxSource: 'fx_source',
  fxEffectiveAt: 'fx_effective_at',
} as const satisfies Record<keyof OrderLineRecord, string>;

/** A Prisma select of every field of a column map. */
export function selectOf<K extends string>(columns: Readonly<Record<K, string>>): { [P in K]: true } {
  return Object.fromEntries(Object.keys(columns).map((field) => [field, true])) as { [P in K]: true };
}

/** `col, col, …` (or `alias.col, …`) for an INSERT's column list or the SELECT feeding it. */
export function columnList(columns: Readonly<Record<string, string>>, alias?: string): Prisma.Sql {
  return Prisma.raw(Object.values(columns).map((column) => (alias ? `${alias}.${column}` : column)).join(', '));
}

/** `col AS "field", …`: a raw SELECT answering a record's fields. */
export function fieldList(columns: Readonly<Record<string, string>>): Prisma.Sql {
  return Prisma.raw(Object.entries(columns).map(([field, column]) => (field === column ? column : `${column} AS "${field}"`)).join(', '));
}

/** A record as a row keyed by column (for json_populate_recordset), taking only the map's fields. */
export function toColumns<K extends string>(columns: Readonly<Record<K, string>>, record: Readonly<Record<K, unknown>>): Record<string, unknown> {
  return Object.fromEntries((Object.entries(columns) as [K, string][]).map(([field, column]) => [column, record[field]]));
}

/** Only the map's fields of a record that may carry more. */
export function pickFields<K extends string, T extends Record<K, unknown>>(columns: Readonly<Record<K, string>>, record: T): Pick<T, K> {
  return Object.fromEntries(Object.keys(columns).map((field) => [field, record[field as K]])) as Pick<T, K>;
}

export const checkoutSelect = selectOf(CHECKOUT_COLUMNS);
export const orderSelect = selectOf(ORDER_COLUMNS);
export const orderLineSelect = selectOf(ORDER_LINE_COLUMNS);

export function toOrder(r: OrderRow): OrderRecord {
  const { recipientName, recipientPhone, province, city, district, street, postalCode, fxRate, ...rest } = r;
  return { ...rest, fxRate: fxRate.toString(), recipient: { name: recipientName, phone: recipientPhone, province, city, district, street, postalCode } };
}
