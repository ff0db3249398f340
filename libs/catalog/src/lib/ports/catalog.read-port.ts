import { Prisma } from '@vitrine/shared/data-access';

/**
 * What other contexts may read of the catalogue's products and variants (issue 19): each
 * relation names the columns it publishes, and a consumer joins it in its own statement under
 * an alias (`JOIN ${CatalogReadPort.variants} v ON v.id = ...`), so a hot path keeps its
 * statement count while the table names stay here and Nx sees the dependency. PostgreSQL
 * pulls these plain sub-selects up into the outer query: plans are those of the table itself.
 */
export const CatalogReadPort = {
  /** id, museum_id, status, category, name_fr, name_en, name_zh. */
  products: Prisma.sql`(SELECT id, museum_id, status, category, name_fr, name_en, name_zh FROM products)`,
  /** id, product_id, museum_id, sku, options, position. */
  variants: Prisma.sql`(SELECT id, product_id, museum_id, sku, options, position FROM product_variants)`,
} as const;
