import { Prisma } from '@vitrine/shared/data-access';

/**
 * True when the variant `variantId` names has units available now (on hand − reserved > 0 at
 * some location), as Product.inStock counts them. Served by the partial index
 * stock_levels_available_idx (variant_id WHERE on_hand > reserved): one index probe per
 * candidate product, so a keyset page walks its sort index and stops after `first + 1` rows.
 */
export function variantAvailableSql(variantId: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`EXISTS (SELECT 1 FROM stock_levels sl WHERE sl.variant_id = ${variantId} AND sl.on_hand > sl.reserved)`;
}
