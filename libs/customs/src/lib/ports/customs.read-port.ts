import { Prisma } from '@vitrine/shared/data-access';

/**
 * What other contexts may read of customs messages (issue 19), joined under an alias in the
 * consumer's own statement: the table name stays here and Nx sees the dependency.
 */
export const CustomsReadPort = {
  /** id, order_id, museum_id, document, subject, status. */
  messages: Prisma.sql`(SELECT id, order_id, museum_id, document, subject, status FROM customs_messages)`,
} as const;
