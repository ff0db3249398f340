import { Prisma } from '@vitrine/shared/data-access';

/**
 * What other contexts may read of user accounts (issue 19), joined under an alias in the
 * consumer's own statement: the table name stays here and Nx sees the dependency.
 */
export const IdentityReadPort = {
  /** id, email, created_at. */
  users: Prisma.sql`(SELECT id, email, created_at FROM users)`,
} as const;
