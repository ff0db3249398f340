import type { Prisma } from '@vitrine/shared/data-access';

/**
 * The orders placed under an orderer identity, as the resident-ID retention rule needs to read
 * them (issue 19, ADR 0021): orders belong to libs/orders, which sits above customs and cannot
 * be imported from here. So customs declares the relations it reads and orders binds them
 * (`OrdersSourcesModule` in libs/orders): plain sub-selects PostgreSQL pulls up into the
 * reading statement, so no table of orders is named in this lib. Statuses are published as
 * text: the enum type is orders' too.
 */
export abstract class IdentityOrdersSource {
  /** id, identity_id, shopper_user_id, status (text), created_at, updated_at, refunded_at, cancelled_at. */
  abstract readonly orders: Prisma.Sql;
  /** order_id, to_status (text), created_at. */
  abstract readonly statusChanges: Prisma.Sql;
}
