import { Injectable } from '@nestjs/common';
import { Prisma } from '@vitrine/shared/data-access';

/** An SQL predicate, true when the variant whose id `variantId` names has units available now. */
export type VariantStockPredicate = (variantId: Prisma.Sql) => Prisma.Sql;

/**
 * The shop window's "in stock" filter needs stock, which the catalogue does not own: the
 * inventory context states the predicate over its own tables and the API registers it here
 * (apps/api links), so a list filters in its one statement with no table of another context
 * named in catalogue code.
 */
@Injectable()
export class VariantStockCriterion {
  private predicate: VariantStockPredicate | null = null;

  register(predicate: VariantStockPredicate): void {
    this.predicate = predicate;
  }

  /** Some variant of the product `productId` names has units available. */
  productInStock(productId: Prisma.Sql): Prisma.Sql {
    if (!this.predicate) throw new Error('No stock predicate registered: the in-stock filter needs the API to link inventory (VariantStockCriterion.register)');
    return Prisma.sql`EXISTS (SELECT 1 FROM product_variants v WHERE v.product_id = ${productId} AND ${this.predicate(Prisma.sql`v.id`)})`;
  }
}
