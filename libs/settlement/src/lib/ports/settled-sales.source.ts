import type { Prisma } from '@vitrine/shared/data-access';

/**
 * The orders settlement posts from, as it needs to read them (issue 19, ADR 0021): orders
 * belong to libs/orders, which sits above settlement and cannot be imported from here. So
 * settlement declares the relations it reads and orders binds them (`OrdersSourcesModule` in
 * libs/orders): plain sub-selects PostgreSQL pulls up into the reading statement, so no table
 * of orders is named in this lib. Statuses keep their enum type (compared with literals only).
 */
export abstract class SettledSalesSource {
  /** id, number, checkout_id, museum_id, fulfilled_by_brand_id, status, currency, shipping_minor, insurance_minor, tax_minor, total_minor, paid_at, created_at. */
  abstract readonly orders: Prisma.Sql;
  /** id, order_id, product_id, position, quantity, currency, goods_minor, discount_minor, platform_discount_minor. */
  abstract readonly lines: Prisma.Sql;
  /** order_id, to_status, created_at. */
  abstract readonly statusChanges: Prisma.Sql;
  /** order_id, status: the order's returns. */
  abstract readonly returns: Prisma.Sql;
}
