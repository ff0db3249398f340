import { Prisma } from '@vitrine/shared/data-access';

/**
 * What other contexts may read of payments, refunds and disputes (issue 19): each relation
 * names the columns it publishes, and a consumer joins it in its own statement under an
 * alias, so a read stays one statement while the table names stay here and Nx sees the
 * dependency. PostgreSQL pulls these plain sub-selects up into the outer query.
 */
export const PaymentsReadPort = {
  /** id, checkout_id, provider_payment_id, status. */
  payments: Prisma.sql`(SELECT id, checkout_id, provider_payment_id, status FROM payments)`,
  /** id, payment_id, provider_refund_id, amount_minor, currency, status, order_id, created_at, updated_at. */
  refunds: Prisma.sql`(SELECT id, payment_id, provider_refund_id, amount_minor, currency, status, order_id, created_at, updated_at FROM payment_refunds)`,
  /** id, payment_id, provider_dispute_id, currency, status, lost_amount_minor, closed_at, created_at, updated_at. */
  disputes: Prisma.sql`(SELECT id, payment_id, provider_dispute_id, currency, status, lost_amount_minor, closed_at, created_at, updated_at FROM payment_disputes)`,
  /**
   * Takes the checkout's payment row lock for the rest of the caller's transaction: the lock
   * webhooks and refunds take first (ADR 0006). One statement, run by the caller.
   */
  lockPaymentOfCheckout: (checkoutId: string): Prisma.Sql => Prisma.sql`SELECT id FROM payments WHERE checkout_id = ${checkoutId}::uuid FOR UPDATE`,
  /** The same lock on several checkouts' payments, taken in checkout order (a batch that posts them together). */
  lockPaymentsOfCheckouts: (checkoutIds: readonly string[]): Prisma.Sql =>
    Prisma.sql`SELECT id FROM payments WHERE checkout_id = ANY(${[...checkoutIds]}::uuid[]) ORDER BY checkout_id FOR UPDATE`,
} as const;
