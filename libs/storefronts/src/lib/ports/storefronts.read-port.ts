import { Prisma } from '@vitrine/shared/data-access';

/**
 * What other contexts may read of museums, brands and storefronts (issue 19): each relation
 * names the columns it publishes, and a consumer joins it in its own statement under an
 * alias (`JOIN ${StorefrontsReadPort.storefronts} s ON ...`), so a read stays one statement
 * while the table names stay with their owner and Nx sees the dependency. PostgreSQL pulls
 * these plain sub-selects up into the outer query: plans are those of the table itself.
 */
export const StorefrontsReadPort = {
  /** id, slug, legal_name, country. */
  museums: Prisma.sql`(SELECT id, slug, legal_name, country FROM museums)`,
  /** id, slug, name, country. */
  brands: Prisma.sql`(SELECT id, slug, name, country FROM brands)`,
  /** id, museum_id, status, name_fr, name_en, name_zh, auto_book_carrier, customs_code, customs_name. */
  storefronts: Prisma.sql`(SELECT id, museum_id, status, name_fr, name_en, name_zh, auto_book_carrier, customs_code, customs_name FROM storefronts)`,
} as const;
