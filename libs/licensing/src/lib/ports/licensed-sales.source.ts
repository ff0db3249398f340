import type { Prisma } from '@vitrine/shared/data-access';

/**
 * The sales royalties are reckoned on, as licensing needs to read them (issue 19, ADR 0021):
 * orders, their lines and their partial refunds belong to libs/orders, which sits above
 * licensing and cannot be imported from here. So licensing declares the relations it reads
 * and orders binds them (`OrdersSourcesModule` in libs/orders): each is a plain sub-select
 * that PostgreSQL pulls up into the reading statement, so reads stay one statement each and
 * no table of orders is named in this lib.
 */
export abstract class LicensedSalesSource {
  /** id, paid_at, refunded_at. */
  abstract readonly orders: Prisma.Sql;
  /** id, order_id, product_id, quantity, goods_minor, discount_minor, currency, fx_rate. */
  abstract readonly lines: Prisma.Sql;
  /** id, order_id, order_line_id, quantity, goods_minor, discount_minor, created_at, cancelled_at. */
  abstract readonly lineRefunds: Prisma.Sql;
}
