import { Prisma } from '@vitrine/shared/data-access';

/**
 * What contexts above orders (live sessions) may read of orders, their lines and checkouts
 * (issue 19): each relation names the columns it publishes, and a consumer joins it in its own
 * statement under an alias, so a read stays one statement while the table names stay here and
 * Nx sees the dependency. PostgreSQL pulls these plain sub-selects up into the outer query.
 */
export const OrdersReadPort = {
  /** id, checkout_id, museum_id, status, paid_at, created_at. */
  orders: Prisma.sql`(SELECT id, checkout_id, museum_id, status, paid_at, created_at FROM orders)`,
  /** id, order_id, product_id, variant_id, name, quantity, goods_minor, currency. */
  lines: Prisma.sql`(SELECT id, order_id, product_id, variant_id, name, quantity, goods_minor, currency FROM order_lines)`,
  /** id, cart_id. */
  checkouts: Prisma.sql`(SELECT id, cart_id FROM checkouts)`,
} as const;
