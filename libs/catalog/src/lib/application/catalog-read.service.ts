import { Injectable } from '@nestjs/common';
import { Prisma } from '@vitrine/shared/data-access';
import { isUuid } from '@vitrine/shared/kernel';
import { listingProblemsForChina } from '../domain/listing-rules';
import { PositiveListRepository } from '../infrastructure/positive-list.repository';
import { ProductRepository, variantsWithProductSql, type SellableVariantRow } from '../infrastructure/product.repository';

/** A product's name per locale ('' where it has none). */
export interface ProductNames {
  fr: string;
  en: string;
  zh: string;
}

/** A variant as checkout sells it (the catalogue's read model for orders). */
export interface SellableVariant {
  variantId: string;
  productId: string;
  museumId: string;
  sku: string;
  /** Shopper-facing name: zh-CN, else en, else fr. */
  name: string;
  /** The product's name in each locale (for a line shown in the shopper's language). */
  names: ProductNames;
  priceEurMinor: number;
  weightGrams: number;
  hsCode: string;
  originCountry: string;
  crossBorderCategory: string;
  /** Whole ml, g or pieces, with its unit; null when the variant does not say. */
  netContent: { amount: number; unit: 'ML' | 'G' | 'PIECE' } | null;
  productStatus: string;
  /** Published in an open storefront, zh-CN text present, this variant's HS code on the positive list. */
  listableForChina: boolean;
  /** The seller's storefront holds a China customs registration (customs code); read with the variant. */
  customsRegistered: boolean;
  /** With a `companion` relation (variantsForCheckout): its value for this variant's product, null when it has no row. */
  companion?: string | null;
}

/** Reads other contexts need from the catalogue, each a fixed number of queries. */
@Injectable()
export class CatalogReadService {
  constructor(
    private readonly products: ProductRepository,
    private readonly positiveList: PositiveListRepository,
  ) {}

  /** Products' names per locale, one query (orders show their lines in the shopper's language); unknown ids are left out. */
  async productNames(ids: readonly string[]): Promise<Map<string, ProductNames>> {
    const valid = [...new Set(ids.filter(isUuid))];
    if (!valid.length) return new Map();
    return new Map((await this.products.namesOf(valid)).map((r) => [r.id, { fr: r.nameFr, en: r.nameEn, zh: r.nameZh }]));
  }

  /**
   * Variants by id, one query (the positive list is cached for a few seconds); unknown or malformed ids are left out.
   * `companion`: a relation of another context with columns product_id and value (at most one row a
   * product), read in the same statement; each variant then carries its product's value (null: no row).
   */
  async variantsForCheckout(ids: readonly string[], companion?: Prisma.Sql): Promise<SellableVariant[]> {
    const valid = [...new Set(ids.filter(isUuid))];
    if (!valid.length) return [];
    const [rows, prefixes] = await Promise.all([this.products.variantsWithProduct(valid, companion), this.positiveList.cachedPrefixes()]);
    return rows.map((r) => sellableVariant(r, prefixes, companion !== undefined));
  }

  /**
   * variantsForCheckout read inside another context's statement (placeOrder reads its cart and the
   * cart's variants in one round trip): `sql(ids)` is a scalar subquery answering the variants
   * whose id is in `ids` (an expression of type uuid[]) as one JSON array, and `read` turns the
   * value it answered into the variants variantsForCheckout would answer for those ids.
   */
  variantsForCheckoutRider(companion?: Prisma.Sql): { sql: (ids: Prisma.Sql) => Prisma.Sql; read: (json: unknown) => Promise<SellableVariant[]> } {
    return {
      sql: (ids) => Prisma.sql`(SELECT COALESCE(json_agg(r), '[]') FROM (${variantsWithProductSql(ids, companion)}) r)`,
      read: async (json) => {
        const rows = (typeof json === 'string' ? JSON.parse(json) : json) as SellableVariantRow[] | null;
        if (!rows?.length) return [];
        const prefixes = await this.positiveList.cachedPrefixes();
        return rows.map((r) => sellableVariant(r, prefixes, companion !== undefined));
      },
    };
  }
}

/** A variant row as checkout sells it: listability decided by the listing rules against the positive list. */
function sellableVariant(r: SellableVariantRow, prefixes: readonly string[], withCompanion: boolean): SellableVariant {
  return {
    variantId: r.id,
    productId: r.productId,
    museumId: r.museumId,
    sku: r.sku,
    name: r.nameZh || r.nameEn || r.nameFr,
    names: { fr: r.nameFr, en: r.nameEn, zh: r.nameZh },
    priceEurMinor: r.priceMinor,
    weightGrams: r.weightGrams,
    hsCode: r.hsCode,
    originCountry: r.originCountry,
    crossBorderCategory: r.crossBorderCategory,
    netContent: r.netContent != null && r.netContentUnit ? { amount: r.netContent, unit: r.netContentUnit } : null,
    productStatus: r.productStatus,
    customsRegistered: r.customsRegistered,
    ...(withCompanion ? { companion: r.companion ?? null } : {}),
    listableForChina:
      r.productStatus === 'PUBLISHED' &&
      r.storefrontStatus === 'OPEN' &&
      listingProblemsForChina({ nameZh: r.nameZh, descriptionZh: r.descriptionZh, variants: [{ sku: r.sku, hsCode: r.hsCode }] }, prefixes).length === 0,
  };
}
