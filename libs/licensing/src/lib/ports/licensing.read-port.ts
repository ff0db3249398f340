import { Prisma } from '@vitrine/shared/data-access';

/**
 * What other contexts may read of licensed products and their agreements (issue 19): each
 * relation names the columns it publishes, and a consumer joins it in its own statement under
 * an alias, so a read stays one statement while the table names stay here and Nx sees the
 * dependency. PostgreSQL pulls these plain sub-selects up into the outer query.
 */
export const LicensingReadPort = {
  /** product_id, agreement_id, museum_id, fulfilled_by_brand_id, delisted_at. */
  licensedProducts: Prisma.sql`(SELECT product_id, agreement_id, museum_id, fulfilled_by_brand_id, delisted_at FROM licensed_products)`,
  /** id, museum_id, brand_id, royalty_rate_bps. */
  agreements: Prisma.sql`(SELECT id, museum_id, brand_id, royalty_rate_bps FROM licence_agreements)`,
} as const;
