import { Injectable } from '@nestjs/common';
import { CatalogReadPort } from '@vitrine/catalog';
import { StorefrontsReadPort } from '@vitrine/storefronts';
import { PrismaService } from '@vitrine/shared/data-access';

/**
 * Whether a museum holds a China customs registration (its storefront's customs code): the
 * e-commerce enterprise every declaration names. Without one it may not sell to China.
 */
@Injectable()
export class SellerRegistrationRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Museums among `museumIds` with no customs code (or no storefront at all). */
  async unregistered(museumIds: readonly string[]): Promise<Set<string>> {
    if (!museumIds.length) return new Set();
    const rows = await this.prisma.sql.$queryRaw<{ museumId: string }[]>`
      SELECT m.id AS "museumId"
      FROM unnest(${[...museumIds]}::uuid[]) AS m(id)
      LEFT JOIN ${StorefrontsReadPort.storefronts} s ON s.museum_id = m.id
      WHERE s.customs_code IS NULL`;
    return new Set(rows.map((r) => r.museumId));
  }

  /** The seller of a product when it has no customs registration; null when it has one or the product is unknown. */
  async unregisteredSellerOf(productId: string): Promise<string | null> {
    const rows = await this.prisma.sql.$queryRaw<{ museumId: string }[]>`
      SELECT p.museum_id AS "museumId"
      FROM ${CatalogReadPort.products} p
      LEFT JOIN ${StorefrontsReadPort.storefronts} s ON s.museum_id = p.museum_id
      WHERE p.id = ${productId}::uuid AND s.customs_code IS NULL`;
    return rows[0]?.museumId ?? null;
  }
}
