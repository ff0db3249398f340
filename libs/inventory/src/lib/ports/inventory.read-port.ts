import { Prisma } from '@vitrine/shared/data-access';

/**
 * What other contexts may read of stock levels and locations (issue 19): each relation names
 * the columns it publishes, and a consumer joins it in its own statement under an alias, so a
 * read stays one statement while the table names stay here and Nx sees the dependency.
 * PostgreSQL pulls these plain sub-selects up into the outer query.
 */
export const InventoryReadPort = {
  /** variant_id, location_id, on_hand, reserved. */
  levels: Prisma.sql`(SELECT variant_id, location_id, on_hand, reserved FROM stock_levels)`,
  /** id, code, museum_id, brand_id, kind. */
  locations: Prisma.sql`(SELECT id, code, museum_id, brand_id, kind FROM stock_locations)`,
} as const;
