import { Injectable } from '@nestjs/common';
import { CatalogReadPort } from '@vitrine/catalog';
import { LicensingReadPort } from '@vitrine/licensing';
import { PrismaService, isUniqueViolation, type StockLocationKind } from '@vitrine/shared/data-access';
import { ConflictError } from '@vitrine/shared/kernel';
import type { LocationStock } from '../domain/fulfilment-plan';
import type { StockLocationRecord } from './stock.repository';

export interface BrandVariantRecord {
  variantId: string;
  productId: string;
  museumId: string;
  sku: string;
}

const locationSelect = { id: true, museumId: true, brandId: true, code: true, name: true, kind: true, priority: true, createdAt: true } as const;

/**
 * Stock locations owned by brand partners. Which variants a brand fulfils is read through
 * licensing's and the catalogue's read ports (licensed products, variants): the licensed
 * product row is the single fact.
 */
@Injectable()
export class BrandStockRepository {
  constructor(private readonly prisma: PrismaService) {}

  async createLocation(data: { brandId: string; code: string; name: string; kind: StockLocationKind; priority: number }): Promise<StockLocationRecord> {
    try {
      return await this.prisma.stockLocation.create({ data, select: locationSelect });
    } catch (e) {
      if (isUniqueViolation(e)) throw new ConflictError('This brand already has a location with this code', { field: 'input.code' });
      throw e;
    }
  }

  locationsOf(brandId: string): Promise<StockLocationRecord[]> {
    return this.prisma.stockLocation.findMany({ where: { brandId }, orderBy: [{ priority: 'asc' }, { id: 'asc' }], select: locationSelect });
  }

  /** Every location of these brands with the available units of these variants (one query). */
  async availability(brandIds: readonly string[], variantIds: readonly string[]): Promise<(LocationStock & { brandId: string })[]> {
    if (!brandIds.length) return [];
    const rows = await this.prisma.$queryRaw<{ id: string; brand_id: string; kind: StockLocationKind; priority: number; variant_id: string | null; available: number | null }[]>`
      SELECT l.id, l.brand_id, l.kind, l.priority, s.variant_id, s.on_hand - s.reserved AS available
      FROM stock_locations l
      LEFT JOIN stock_levels s ON s.location_id = l.id AND s.variant_id = ANY(${[...variantIds]}::uuid[])
      WHERE l.brand_id = ANY(${[...brandIds]}::uuid[])`;
    const byLocation = new Map<string, LocationStock & { brandId: string; available: Map<string, number> }>();
    for (const r of rows) {
      let loc = byLocation.get(r.id);
      if (!loc) {
        loc = { locationId: r.id, brandId: r.brand_id, kind: r.kind, priority: r.priority, available: new Map() };
        byLocation.set(r.id, loc);
      }
      if (r.variant_id) loc.available.set(r.variant_id, Number(r.available));
    }
    return [...byLocation.values()];
  }

  /** Variants of the co-branded products this brand fulfils (all of them, or these ids). */
  fulfilledVariants(brandId: string, variantIds?: readonly string[]): Promise<BrandVariantRecord[]> {
    const only = variantIds ? [...variantIds] : null;
    return this.prisma.$queryRaw<BrandVariantRecord[]>`
      SELECT v.id AS "variantId", v.product_id AS "productId", lp.museum_id AS "museumId", v.sku
      FROM ${LicensingReadPort.licensedProducts} lp
      JOIN ${CatalogReadPort.variants} v ON v.product_id = lp.product_id
      WHERE lp.fulfilled_by_brand_id = ${brandId}::uuid
        AND (${only === null} OR v.id = ANY(${only ?? []}::uuid[]))
      ORDER BY v.sku, v.id
      LIMIT 1000`;
  }
}
