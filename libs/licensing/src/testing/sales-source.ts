import { Prisma } from '@vitrine/shared/data-access';
import { LicensedSalesSource } from '../lib/ports/licensed-sales.source';

/**
 * For licensing's own integration tests, which cannot import libs/orders: the relations exactly
 * as `OrdersLicensedSalesSource` (libs/orders/src/lib/ports/orders-sources.module.ts) binds
 * them in the apps; scripts/context-tables.spec.ts fails when the two texts differ.
 */
export class TestLicensedSalesSource extends LicensedSalesSource {
  readonly orders = Prisma.sql`(SELECT id, paid_at, refunded_at FROM orders)`;
  readonly lines = Prisma.sql`(SELECT id, order_id, product_id, quantity, goods_minor, discount_minor, currency, fx_rate FROM order_lines)`;
  readonly lineRefunds = Prisma.sql`(SELECT id, order_id, order_line_id, quantity, goods_minor, discount_minor, created_at, cancelled_at FROM order_line_refunds)`;
}
