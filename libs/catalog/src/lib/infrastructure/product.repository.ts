import { Injectable } from '@nestjs/common';
import { StorefrontsReadPort } from '@vitrine/storefronts';
import { PrismaService, isUniqueViolation, jsonTimestamp, parseJsonColumn, Prisma, type ProductStatus, type CrossBorderCategory, type Tx } from '@vitrine/shared/data-access';
import { ConflictError } from '@vitrine/shared/kernel';
import { z } from 'zod';
import type { SearchColumns } from '../domain/search-text';
import type { ArtworkRow } from './artwork.repository';
import { VariantStockCriterion } from './variant-stock.criterion';

export interface ProductRow {
  id: string;
  museumId: string;
  status: ProductStatus;
  category: string;
  crossBorderCategory: CrossBorderCategory;
  nameFr: string;
  nameEn: string;
  nameZh: string;
  descriptionFr: string;
  descriptionEn: string;
  descriptionZh: string;
  minPriceEurCents: number;
  popularity: number;
  publishedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface SellableVariantRow {
  id: string;
  productId: string;
  museumId: string;
  sku: string;
  priceMinor: number;
  weightGrams: number;
  hsCode: string;
  originCountry: string;
  productStatus: string;
  crossBorderCategory: string;
  netContent: number | null;
  netContentUnit: 'ML' | 'G' | 'PIECE' | null;
  nameFr: string;
  nameEn: string;
  nameZh: string;
  descriptionZh: string;
  storefrontStatus: string | null;
  /** The storefront holds a China customs code (the e-commerce enterprise every declaration names). */
  customsRegistered: boolean;
  /** The caller's companion value for the variant's product (variantsWithProduct's `companion`); null without one. */
  companion?: string | null;
}

/**
 * variantsWithProduct's statement over `ids`, an expression of type uuid[] (a parameter, or a
 * subquery of the caller's statement), for a caller that reads the variants inside its own
 * statement (variantsForCheckoutRider): the same columns, named as SellableVariantRow's fields.
 */
export function variantsWithProductSql(ids: Prisma.Sql, companion?: Prisma.Sql): Prisma.Sql {
  const extra = companion ? Prisma.sql`, x.value::text AS companion` : Prisma.empty;
  const join = companion ? Prisma.sql`LEFT JOIN ${companion} x ON x.product_id = v.product_id` : Prisma.empty;
  return Prisma.sql`
      SELECT v.id, v.product_id AS "productId", v.museum_id AS "museumId", v.sku, v.price_minor AS "priceMinor",
             v.weight_grams AS "weightGrams", v.hs_code AS "hsCode", v.origin_country AS "originCountry",
             v.net_content AS "netContent", v.net_content_unit::text AS "netContentUnit",
             p.status::text AS "productStatus", p.cross_border_category::text AS "crossBorderCategory",
             p.name_fr AS "nameFr", p.name_en AS "nameEn", p.name_zh AS "nameZh", p.description_zh AS "descriptionZh",
             s.status::text AS "storefrontStatus", s.customs_code IS NOT NULL AS "customsRegistered"${extra}
      FROM product_variants v
      JOIN products p ON p.id = v.product_id
      LEFT JOIN ${StorefrontsReadPort.storefronts} s ON s.museum_id = v.museum_id
      ${join}
      WHERE v.id = ANY(${ids})`;
}

export interface VariantRow {
  id: string;
  productId: string;
  sku: string;
  options: Record<string, string>;
  priceMinor: number;
  currency: string;
  weightGrams: number;
  hsCode: string;
  originCountry: string;
  netContent: number | null;
  netContentUnit: 'ML' | 'G' | 'PIECE' | null;
  position: number;
}

export interface MediaRow {
  id: string;
  productId: string;
  url: string;
  alt: string;
  position: number;
}

/** A shop-window list row: the product with the variants and media its card shows, read with the page. */
export interface ProductCardRow extends ProductRow {
  variants: VariantRow[];
  media: MediaRow[];
}

/** A list row's identity and version: a card read at this `updatedAt` is the card of this row. */
export interface ProductCardKey {
  id: string;
  updatedAt: Date;
}

/** A product page: the product with its variants, media and credited works, read in one statement. */
export interface ProductDetailRow extends ProductRow {
  variants: VariantRow[];
  media: MediaRow[];
  artworks: (ArtworkRow & { productId: string })[];
}

/** A card's or page's row as the statement answers it: its JSON aggregates still to be parsed. */
type ProductCardSqlRow = ProductRow & { variants: unknown; media: unknown };
type ProductDetailSqlRow = ProductCardSqlRow & { artworks: unknown };

/**
 * The JSON aggregates of PRODUCT_CARD_COLUMNS and findPublicDetails, parsed rather than cast
 * (ADR 0023): a variant's options are a JSON object of names to values ({} when null). Ids are
 * checked as strings only: their columns are uuid, and a format check per id would double the cost.
 */
const variantsJson = z.array(
  z.object({
    id: z.string(),
    productId: z.string(),
    sku: z.string(),
    options: z
      .record(z.string(), z.string())
      .nullable()
      .transform((o) => o ?? {}),
    priceMinor: z.number().int(),
    currency: z.string(),
    weightGrams: z.number().int(),
    hsCode: z.string(),
    originCountry: z.string(),
    netContent: z.number().int().nullable(),
    netContentUnit: z.enum(['ML', 'G', 'PIECE']).nullable(),
    position: z.number().int(),
  }),
) satisfies z.ZodType<VariantRow[], unknown>;
const mediaJson = z.array(
  z.object({ id: z.string(), productId: z.string(), url: z.string(), alt: z.string(), position: z.number().int() }),
) satisfies z.ZodType<MediaRow[], unknown>;
const artworksJson = z.array(
  z.object({
    productId: z.string(),
    id: z.string(),
    museumId: z.string(),
    accessionNumber: z.string(),
    titleFr: z.string(),
    titleEn: z.string(),
    titleZh: z.string(),
    artist: z.string(),
    artistEn: z.string(),
    artistZh: z.string(),
    period: z.string(),
    periodEn: z.string(),
    periodZh: z.string(),
    creditLine: z.string(),
    imageUrl: z.string().nullable(),
    licensable: z.boolean(),
    createdAt: jsonTimestamp,
    updatedAt: jsonTimestamp,
  }),
) satisfies z.ZodType<ProductDetailRow['artworks'], unknown>;

/** A shop-window row with its variants and media parsed; `where` names the read in an error. */
function cardOf(row: ProductCardSqlRow, where: string): ProductCardRow {
  return {
    ...row,
    variants: parseJsonColumn(variantsJson, row.variants, `ProductRepository.${where}`, 'variants'),
    media: parseJsonColumn(mediaJson, row.media, `ProductRepository.${where}`, 'media'),
  };
}

const productSelect = {
  id: true,
  museumId: true,
  status: true,
  category: true,
  crossBorderCategory: true,
  nameFr: true,
  nameEn: true,
  nameZh: true,
  descriptionFr: true,
  descriptionEn: true,
  descriptionZh: true,
  minPriceEurCents: true,
  popularity: true,
  publishedAt: true,
  createdAt: true,
  updatedAt: true,
} as const satisfies Prisma.ProductSelect;

const variantSelect = {
  id: true,
  productId: true,
  sku: true,
  options: true,
  priceMinor: true,
  currency: true,
  weightGrams: true,
  hsCode: true,
  originCountry: true,
  netContent: true,
  netContentUnit: true,
  position: true,
} as const satisfies Prisma.ProductVariantSelect;

const mediaSelect = { id: true, productId: true, url: true, alt: true, position: true } as const satisfies Prisma.ProductMediaSelect;

/** Orders a list can take; each is a key with a direction, and `id` breaks ties. */
export type ProductOrder = 'NEWEST' | 'UPDATED' | 'NAME' | 'PRICE_ASC' | 'PRICE_DESC' | 'POPULARITY';
type SortField = 'createdAt' | 'updatedAt' | 'nameEn' | 'minPriceEurCents' | 'popularity';
const ORDERS: Record<ProductOrder, { field: SortField; dir: 'asc' | 'desc' }> = {
  NEWEST: { field: 'createdAt', dir: 'desc' },
  UPDATED: { field: 'updatedAt', dir: 'desc' },
  NAME: { field: 'nameEn', dir: 'asc' },
  PRICE_ASC: { field: 'minPriceEurCents', dir: 'asc' },
  PRICE_DESC: { field: 'minPriceEurCents', dir: 'desc' },
  POPULARITY: { field: 'popularity', dir: 'desc' },
};

const SORT_COLUMNS: Record<SortField, string> = {
  createdAt: 'created_at',
  updatedAt: 'updated_at',
  nameEn: 'name_en',
  minPriceEurCents: 'min_price_eur_cents',
  popularity: 'popularity',
};

/** A position in a list: the sort key of the last row seen and its id. */
export type ProductCursor = [string | number, string];

export interface ProductListQuery {
  take: number;
  order: ProductOrder;
  after: ProductCursor | null;
  /** Shopper lists: published products of open storefronts only. */
  publicOnly: boolean;
  museumIds?: readonly string[] | 'ALL';
  museumSlug?: string;
  status?: ProductStatus;
  collectionId?: string;
  artworkId?: string;
  category?: string;
  minPriceEur?: number;
  maxPriceEur?: number;
  /** A tsquery over search_vector (domain/search-query.ts builds it, synonyms applied). */
  match?: string | null;
  /** Only products with a variant available now (inventory's predicate, VariantStockCriterion). */
  inStock?: boolean;
}

export function cursorOf(row: ProductRow, order: ProductOrder): ProductCursor {
  const value = row[ORDERS[order].field];
  return [value instanceof Date ? value.toISOString() : value, row.id];
}

export interface ProductWrite {
  category: string;
  crossBorderCategory: CrossBorderCategory;
  nameFr: string;
  nameEn: string;
  nameZh: string;
  descriptionFr: string;
  descriptionEn: string;
  descriptionZh: string;
  searchText: string;
  minPriceEurCents: number;
}

export interface VariantWrite {
  /** Present when the variant already exists on this product. */
  id?: string;
  sku: string;
  options: Record<string, string>;
  priceMinor: number;
  weightGrams: number;
  hsCode: string;
  originCountry: string;
  netContent?: number | null;
  netContentUnit?: 'ML' | 'G' | 'PIECE' | null;
}

export interface ProductRelationsWrite {
  variants?: VariantWrite[];
  media?: { url: string; alt: string }[];
  artworkIds?: string[];
  collectionIds?: string[];
}

/**
 * A product row of the shop window with its variants and media as JSON aggregates (by position),
 * as `publicPage` and `findPublicDetails` select it from `products p`.
 */
const PRODUCT_CARD_COLUMNS = Prisma.raw(`p.id, p.museum_id AS "museumId", p.status::text AS status, p.category, p.cross_border_category::text AS "crossBorderCategory",
             p.name_fr AS "nameFr", p.name_en AS "nameEn", p.name_zh AS "nameZh",
             p.description_fr AS "descriptionFr", p.description_en AS "descriptionEn", p.description_zh AS "descriptionZh",
             p.min_price_eur_cents AS "minPriceEurCents", p.popularity, p.published_at AS "publishedAt",
             p.created_at AS "createdAt", p.updated_at AS "updatedAt",
             COALESCE((SELECT json_agg(json_build_object('id', v.id, 'productId', v.product_id, 'sku', v.sku, 'options', v.options,
                        'priceMinor', v.price_minor, 'currency', v.currency, 'weightGrams', v.weight_grams, 'hsCode', v.hs_code,
                        'originCountry', v.origin_country, 'netContent', v.net_content, 'netContentUnit', v.net_content_unit,
                        'position', v.position) ORDER BY v.position)
                       FROM product_variants v WHERE v.product_id = p.id), '[]') AS variants,
             COALESCE((SELECT json_agg(json_build_object('id', m.id, 'productId', m.product_id, 'url', m.url, 'alt', m.alt,
                        'position', m.position) ORDER BY m.position)
                       FROM product_media m WHERE m.product_id = p.id), '[]') AS media`);

@Injectable()
export class ProductRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly stock: VariantStockCriterion,
  ) {}

  async list(q: ProductListQuery): Promise<{ rows: ProductRow[]; total: number }> {
    const [rows, total] = await Promise.all([this.page(q), this.count(q)]);
    return { rows, total };
  }

  /** One page in the query's order, with one extra row that tells whether more follow. */
  page(q: ProductListQuery): Promise<ProductRow[]> {
    if (q.match || q.inStock) return this.searchPage(q);
    const where = this.whereOf(q);
    const { field, dir } = ORDERS[q.order];
    const keyset: Prisma.ProductWhereInput | undefined = q.after
      ? {
          OR: [
            { [field]: { [dir === 'asc' ? 'gt' : 'lt']: this.sortValue(field, q.after[0]) } },
            { [field]: this.sortValue(field, q.after[0]), id: { [dir === 'asc' ? 'gt' : 'lt']: q.after[1] } },
          ],
        }
      : undefined;
    return this.prisma.product.findMany({
      where: keyset ? { AND: [where, keyset] } : where,
      orderBy: [{ [field]: dir }, { id: dir }],
      take: q.take + 1,
      select: productSelect,
    });
  }

  /**
   * A shopper's list page in one statement: the published products of open storefronts that
   * match, in the list's order after the keyset cursor, `take + 1` rows (the extra one only
   * says whether more follow), each with its variants and media as JSON aggregates computed
   * for the page's rows only. Without a search (or a collection or work filter) it goes through `PrismaService.sql` (prepared once per
   * connection, a generic plan: the filters and sorts each have an index whose order is the
   * list's, docs/adr/0016-shop-window-lists.md); a search keeps a custom plan, since how many
   * rows a tsquery matches decides between the GIN index and walking the sort index.
   */
  async publicPage(q: Omit<ProductListQuery, 'publicOnly' | 'museumIds' | 'status'>): Promise<ProductCardRow[]> {
    const { col, direction, conds } = this.publicPageOrder(q);
    const statement = Prisma.sql`
      SELECT ${PRODUCT_CARD_COLUMNS}
      FROM (SELECT p.id, p.museum_id, p.status, p.category, p.cross_border_category, p.name_fr, p.name_en, p.name_zh,
                   p.description_fr, p.description_en, p.description_zh, p.min_price_eur_cents, p.popularity, p.published_at,
                   p.created_at, p.updated_at
            FROM products p WHERE ${Prisma.join(conds, ' AND ')} ORDER BY p.${col} ${direction}, p.id ${direction} LIMIT ${q.take + 1}) p
      ORDER BY p.${col} ${direction}, p.id ${direction}`;
    // `sql` names each statement text once per process (at most 500, shared with checkout's):
    // storefront, category, price bounds, cursor and in-stock make at most 64 texts per sort, 256 in all
    // (and 32 for their counts, searchCount);
    // the rarer collection and work filters would multiply that by 4, so they plan per call.
    const prepare = !q.match && !q.collectionId && !q.artworkId;
    // The shop window: the read replica when the request allows it (PrismaService.staleTolerant).
    const db = this.prisma.staleTolerant();
    const rows = await (prepare ? db.sql : db.sqlPlanned).$queryRaw<ProductCardSqlRow[]>(statement);
    return rows.map((r) => cardOf(r, 'publicPage'));
  }

  /**
   * A shopper's list page as keys only: the ids of `publicPage`'s rows, in its order and with its
   * conditions and plans, with each row's `updated_at`; the cards come from `publicCards` or
   * from memory (BrowseService). Without the cards' JSON aggregates PostgreSQL reads 25 index
   * entries and rows and builds nothing (about 0.1 against 1 ms a page, docs/performance.md).
   */
  async publicPageKeys(q: Omit<ProductListQuery, 'publicOnly' | 'museumIds' | 'status'>): Promise<ProductCardKey[]> {
    const { col, direction, conds } = this.publicPageOrder(q);
    const statement = Prisma.sql`
      SELECT p.id, p.updated_at AS "updatedAt" FROM products p
      WHERE ${Prisma.join(conds, ' AND ')} ORDER BY p.${col} ${direction}, p.id ${direction} LIMIT ${q.take + 1}`;
    // Prepared or planned per call exactly as publicPage's statement (the same conditions and order).
    const prepare = !q.match && !q.collectionId && !q.artworkId;
    const db = this.prisma.staleTolerant();
    return (prepare ? db.sql : db.sqlPlanned).$queryRaw<ProductCardKey[]>(statement);
  }

  /** A shopper's list page's sort column, direction and conditions (the public ones, and the cursor's). */
  private publicPageOrder(q: Omit<ProductListQuery, 'publicOnly' | 'museumIds' | 'status'>): { col: Prisma.Sql; direction: Prisma.Sql; conds: Prisma.Sql[] } {
    const { field, dir } = ORDERS[q.order];
    const col = Prisma.raw(SORT_COLUMNS[field]);
    const conds = this.listConditions({ ...q, publicOnly: true });
    const direction = Prisma.raw(dir === 'asc' ? 'ASC' : 'DESC');
    if (q.after) {
      const v = this.sortValue(field, q.after[0]);
      // A row comparison, so the index on (key, id) starts right after the cursor.
      conds.push(dir === 'asc' ? Prisma.sql`(p.${col}, p.id) > (${v}, ${q.after[1]}::uuid)` : Prisma.sql`(p.${col}, p.id) < (${v}, ${q.after[1]}::uuid)`);
    }
    return { col, direction, conds };
  }

  /**
   * The cards (product, variants, media) of these products as `publicPage` reads them, in no
   * particular order; the caller took the ids from `publicPageKeys` a moment before, so the
   * public conditions are not checked again.
   */
  async publicCards(ids: readonly string[]): Promise<ProductCardRow[]> {
    const rows = await this.prisma.staleTolerant().sql.$queryRaw<ProductCardSqlRow[]>(Prisma.sql`
      SELECT ${PRODUCT_CARD_COLUMNS} FROM products p WHERE p.id = ANY(${[...ids]}::uuid[])`);
    return rows.map((r) => cardOf(r, 'publicCards'));
  }

  count(q: Omit<ProductListQuery, 'take' | 'order' | 'after'>): Promise<number> {
    if (q.publicOnly || q.match || q.inStock) return this.searchCount(q);
    return this.prisma.staleTolerant().product.count({ where: this.whereOf(q) });
  }

  /**
   * Public product pages in one statement: each product if published in an open storefront,
   * with its variants and media by position and its credited works by accession number (the
   * orders of variantsOf, mediaOf and ArtworkRepository.creditedBy). Answers in the order of
   * `ids`, null where a product is not public.
   */
  async findPublicDetails(ids: readonly string[]): Promise<(ProductDetailRow | null)[]> {
    const rows = await this.prisma.staleTolerant().sql.$queryRaw<ProductDetailSqlRow[]>(Prisma.sql`
      SELECT ${PRODUCT_CARD_COLUMNS},
             COALESCE((SELECT json_agg(json_build_object('productId', pa.product_id, 'id', a.id, 'museumId', a.museum_id,
                        'accessionNumber', a.accession_number, 'titleFr', a.title_fr, 'titleEn', a.title_en, 'titleZh', a.title_zh,
                        'artist', a.artist, 'artistEn', a.artist_en, 'artistZh', a.artist_zh, 'period', a.period, 'periodEn', a.period_en, 'periodZh', a.period_zh, 'creditLine', a.credit_line, 'imageUrl', a.image_url,
                        'licensable', a.licensable, 'createdAt', a.created_at, 'updatedAt', a.updated_at) ORDER BY a.accession_number, a.id)
                       FROM product_artworks pa JOIN artworks a ON a.id = pa.artwork_id WHERE pa.product_id = p.id), '[]') AS artworks
      FROM products p
      JOIN ${StorefrontsReadPort.storefronts} s ON s.museum_id = p.museum_id AND s.status = 'OPEN'
      WHERE p.id = ANY(${[...ids]}::uuid[]) AND p.status = 'PUBLISHED'`);
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => {
      const row = byId.get(id);
      if (!row) return null;
      const { artworks, ...card } = row;
      return { ...cardOf(card, 'findPublicDetails'), artworks: parseJsonColumn(artworksJson, artworks, 'ProductRepository.findPublicDetails', 'artworks') };
    });
  }

  findById(id: string): Promise<ProductRow | null> {
    return this.prisma.product.findUnique({ where: { id }, select: productSelect });
  }

  findManyByIds(ids: readonly string[]): Promise<ProductRow[]> {
    return this.prisma.product.findMany({ where: { id: { in: [...ids] } }, select: productSelect });
  }

  async variantsOf(productIds: readonly string[]): Promise<VariantRow[]> {
    const rows = await this.prisma.staleTolerant().productVariant.findMany({
      where: { productId: { in: [...productIds] } },
      orderBy: [{ productId: 'asc' }, { position: 'asc' }],
      select: variantSelect,
    });
    return rows.map((r) => ({ ...r, options: (r.options ?? {}) as Record<string, string> }));
  }

  mediaOf(productIds: readonly string[]): Promise<MediaRow[]> {
    return this.prisma.staleTolerant().productMedia.findMany({
      where: { productId: { in: [...productIds] } },
      orderBy: [{ productId: 'asc' }, { position: 'asc' }],
      select: mediaSelect,
    });
  }

  /**
   * Variants by id with what checkout needs of their product and storefront, in one statement.
   * `companion`: another context's relation of (product_id, value), at most one row a product,
   * joined in the same statement (checkout: who fulfils the product, from licensing's read port).
   * On every checkout: straight to node-postgres (PrismaService.sql).
   */
  variantsWithProduct(ids: readonly string[], companion?: Prisma.Sql): Promise<SellableVariantRow[]> {
    return this.prisma.sql.$queryRaw<SellableVariantRow[]>`${variantsWithProductSql(Prisma.sql`${[...ids]}::uuid[]`, companion)}`;
  }

  /** What a shelf label prints of each product, with its museum's slug and whether its storefront is open. */
  forShelfLabels(ids: readonly string[]): Promise<{ id: string; museumId: string; museumSlug: string; status: string; storefrontOpen: boolean; nameFr: string; nameEn: string; nameZh: string; minPriceEurCents: number }[]> {
    return this.prisma.$queryRaw`
      SELECT p.id, p.museum_id AS "museumId", m.slug AS "museumSlug", p.status::text AS status, COALESCE(s.status = 'OPEN', false) AS "storefrontOpen",
             p.name_fr AS "nameFr", p.name_en AS "nameEn", p.name_zh AS "nameZh", p.min_price_eur_cents AS "minPriceEurCents"
      FROM products p JOIN ${StorefrontsReadPort.museums} m ON m.id = p.museum_id LEFT JOIN ${StorefrontsReadPort.storefronts} s ON s.museum_id = p.museum_id
      WHERE p.id = ANY(${[...ids]}::uuid[])`;
  }

  namesOf(ids: readonly string[]): Promise<{ id: string; nameFr: string; nameEn: string; nameZh: string }[]> {
    return this.prisma.product.findMany({ where: { id: { in: [...ids] } }, select: { id: true, nameFr: true, nameEn: true, nameZh: true } });
  }

  /** SKUs among `skus` already used in this museum by another product. */
  async takenSkus(museumId: string, skus: readonly string[], exceptProductId?: string): Promise<string[]> {
    if (!skus.length) return [];
    const rows = await this.prisma.productVariant.findMany({
      where: { museumId, sku: { in: [...skus], mode: 'insensitive' }, ...(exceptProductId ? { productId: { not: exceptProductId } } : {}) },
      select: { sku: true },
    });
    return rows.map((r) => r.sku.toUpperCase());
  }

  /** Ids among `ids` that are products of this museum. */
  async idsInMuseum(museumId: string, ids: readonly string[]): Promise<Set<string>> {
    if (!ids.length) return new Set();
    const rows = await this.prisma.product.findMany({ where: { museumId, id: { in: [...ids] } }, select: { id: true } });
    return new Set(rows.map((r) => r.id));
  }

  async create(museumId: string, data: ProductWrite, rel: Required<ProductRelationsWrite>): Promise<string> {
    return this.conflictsAsDomain(async () => {
      const row = await this.prisma.product.create({
        data: {
          museumId,
          ...data,
          variants: { create: rel.variants.map((v, position) => ({ ...this.variantData(v), museumId, position })) },
          media: { create: rel.media.map((m, position) => ({ ...m, position })) },
          artworks: { create: rel.artworkIds.map((artworkId) => ({ artworkId })) },
          collections: { create: rel.collectionIds.map((collectionId) => ({ collectionId })) },
        },
        select: { id: true },
      });
      return row.id;
    });
  }

  /** Updates fields and replaces every relation given, in one transaction. */
  async update(id: string, museumId: string, data: Partial<ProductWrite>, rel: ProductRelationsWrite): Promise<void> {
    await this.conflictsAsDomain(() =>
      this.prisma.$transaction(async (tx) => {
        if (rel.variants) await this.replaceVariants(tx, id, museumId, rel.variants);
        if (rel.media) {
          await tx.productMedia.deleteMany({ where: { productId: id } });
          await tx.productMedia.createMany({ data: rel.media.map((m, position) => ({ ...m, productId: id, position })) });
        }
        if (rel.artworkIds) {
          await tx.productArtwork.deleteMany({ where: { productId: id } });
          await tx.productArtwork.createMany({ data: rel.artworkIds.map((artworkId) => ({ productId: id, artworkId })) });
        }
        if (rel.collectionIds) {
          await tx.productCollection.deleteMany({ where: { productId: id } });
          await tx.productCollection.createMany({ data: rel.collectionIds.map((collectionId) => ({ productId: id, collectionId })) });
        }
        await tx.product.update({ where: { id }, data: { ...data, updatedAt: new Date() }, select: { id: true } });
      }),
    );
  }

  /** Moves a product to a status only from one of `from`; false when it was not in one. */
  async setStatus(id: string, from: readonly ProductStatus[], status: ProductStatus, publishedAt?: Date | null): Promise<boolean> {
    const { count } = await this.prisma.product.updateMany({
      where: { id, status: { in: [...from] } },
      data: { status, ...(publishedAt !== undefined ? { publishedAt } : {}) },
    });
    return count === 1;
  }

  async deleteDraft(id: string): Promise<boolean> {
    const { count } = await this.prisma.product.deleteMany({ where: { id, status: 'DRAFT' } });
    return count === 1;
  }

  /**
   * Rebuilds the search text of products inside `tx` (after a credited work changed),
   * with `build` turning a product's texts and works into the column's value.
   */
  async refreshSearchText(tx: Tx, productIds: readonly string[], build: (source: SearchColumns) => string): Promise<void> {
    if (!productIds.length) return;
    const rows = await tx.product.findMany({
      where: { id: { in: [...productIds] } },
      select: {
        id: true,
        nameFr: true,
        nameEn: true,
        nameZh: true,
        descriptionFr: true,
        descriptionEn: true,
        descriptionZh: true,
        artworks: { select: { artwork: { select: { titleFr: true, titleEn: true, titleZh: true, artist: true, artistEn: true, artistZh: true } } } },
      },
    });
    for (const row of rows) {
      await tx.product.update({
        where: { id: row.id },
        data: { searchText: build({ ...row, works: row.artworks.map((a) => a.artwork) }) },
        select: { id: true },
      });
    }
  }

  private async replaceVariants(tx: Tx, productId: string, museumId: string, variants: VariantWrite[]): Promise<void> {
    const keep = variants.flatMap((v) => (v.id ? [v.id] : []));
    await tx.productVariant.deleteMany({ where: { productId, id: { notIn: keep } } });
    for (const [position, v] of variants.entries()) {
      if (v.id) await tx.productVariant.update({ where: { id: v.id }, data: { ...this.variantData(v), position }, select: { id: true } });
      else await tx.productVariant.create({ data: { ...this.variantData(v), productId, museumId, position }, select: { id: true } });
    }
  }

  private variantData(v: VariantWrite) {
    return {
      sku: v.sku,
      options: v.options,
      priceMinor: v.priceMinor,
      currency: 'EUR',
      weightGrams: v.weightGrams,
      hsCode: v.hsCode,
      originCountry: v.originCountry,
      netContent: v.netContent ?? null,
      netContentUnit: v.netContentUnit ?? null,
    };
  }

  private async conflictsAsDomain<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (e) {
      // The SKU pre-check runs outside the transaction; a concurrent writer can still win.
      if (isUniqueViolation(e)) throw new ConflictError('A variant with this SKU exists in this museum', { field: 'input.variants' });
      throw e;
    }
  }

  private publicWhere(museumSlug?: string): Prisma.ProductWhereInput {
    return { status: 'PUBLISHED', museum: { ...(museumSlug ? { slug: museumSlug } : {}), storefront: { is: { status: 'OPEN' } } } };
  }

  private whereOf(q: Omit<ProductListQuery, 'take' | 'order' | 'after'>): Prisma.ProductWhereInput {
    const and: Prisma.ProductWhereInput[] = [];
    if (q.publicOnly) and.push(this.publicWhere(q.museumSlug));
    else if (q.museumSlug) and.push({ museum: { slug: q.museumSlug } });
    if (q.museumIds && q.museumIds !== 'ALL') and.push({ museumId: { in: [...q.museumIds] } });
    if (q.status) and.push({ status: q.status });
    if (q.collectionId) and.push({ collections: { some: { collectionId: q.collectionId } } });
    if (q.artworkId) and.push({ artworks: { some: { artworkId: q.artworkId } } });
    if (q.category) and.push({ category: q.category });
    if (q.minPriceEur !== undefined || q.maxPriceEur !== undefined)
      and.push({ minPriceEurCents: { ...(q.minPriceEur !== undefined ? { gte: q.minPriceEur } : {}), ...(q.maxPriceEur !== undefined ? { lte: q.maxPriceEur } : {}) } });
    return and.length === 1 ? and[0] : { AND: and };
  }

  /**
   * The search: every list filter plus `search_vector @@ match`, in SQL (Prisma cannot say
   * @@). The GIN index on search_vector finds the matches; the filters and the order apply
   * to them. The one place the catalogue searches (docs/adr/0013-chinese-search.md).
   */
  private async searchPage(q: ProductListQuery): Promise<ProductRow[]> {
    const { field, dir } = ORDERS[q.order];
    const col = Prisma.raw(SORT_COLUMNS[field]);
    const conds = this.listConditions(q);
    if (q.after) {
      const v = this.sortValue(field, q.after[0]);
      conds.push(
        dir === 'asc'
          ? Prisma.sql`(p.${col} > ${v} OR (p.${col} = ${v} AND p.id > ${q.after[1]}::uuid))`
          : Prisma.sql`(p.${col} < ${v} OR (p.${col} = ${v} AND p.id < ${q.after[1]}::uuid))`,
      );
    }
    const direction = Prisma.raw(dir === 'asc' ? 'ASC' : 'DESC');
    return this.prisma.$queryRaw<ProductRow[]>(Prisma.sql`
      SELECT p.id, p.museum_id AS "museumId", p.status::text AS status, p.category, p.cross_border_category::text AS "crossBorderCategory",
             p.name_fr AS "nameFr", p.name_en AS "nameEn", p.name_zh AS "nameZh",
             p.description_fr AS "descriptionFr", p.description_en AS "descriptionEn", p.description_zh AS "descriptionZh",
             p.min_price_eur_cents AS "minPriceEurCents", p.popularity, p.published_at AS "publishedAt",
             p.created_at AS "createdAt", p.updated_at AS "updatedAt"
      FROM products p
      WHERE ${Prisma.join(conds, ' AND ')}
      ORDER BY p.${col} ${direction}, p.id ${direction}
      LIMIT ${q.take + 1}`);
  }

  /**
   * A count in SQL, with the shop window's conditions (listConditions). A shopper's list counts
   * this way too (one statement text per filter shape, prepared as publicPage's are); a search,
   * a collection or a work filter plans per call.
   */
  private async searchCount(q: Omit<ProductListQuery, 'take' | 'order' | 'after'>): Promise<number> {
    const statement = Prisma.sql`
      SELECT count(*)::int AS n FROM products p WHERE ${Prisma.join(this.listConditions(q), ' AND ')}`;
    const db = this.prisma.staleTolerant();
    const prepare = q.publicOnly && !q.match && !q.collectionId && !q.artworkId;
    const [row] = await (prepare ? db.sql : db.sqlPlanned).$queryRaw<{ n: number }[]>(statement);
    return row?.n ?? 0;
  }

  private listConditions(q: Omit<ProductListQuery, 'take' | 'order' | 'after'>): Prisma.Sql[] {
    const c: Prisma.Sql[] = q.match ? [Prisma.sql`p.search_vector @@ ${q.match}::tsquery`] : [];
    if (q.publicOnly) {
      c.push(Prisma.sql`p.status = 'PUBLISHED'`);
      c.push(
        // `=` a scalar sub-select, not `IN`: a slug names one museum, which has one storefront (both
        // unique), and PostgreSQL then takes the museum's id before the scan and walks the storefront's
        // own index in the list's order. With `IN`, the prepared generic plan read all the museum's
        // products and sorted them (1.5 against 0.1 ms a page; a search page 4.7 against 0.1 ms).
        q.museumSlug
          ? Prisma.sql`p.museum_id = (SELECT s.museum_id FROM ${StorefrontsReadPort.storefronts} s JOIN ${StorefrontsReadPort.museums} m ON m.id = s.museum_id WHERE s.status = 'OPEN' AND m.slug = ${q.museumSlug})`
          : Prisma.sql`p.museum_id IN (SELECT s.museum_id FROM ${StorefrontsReadPort.storefronts} s WHERE s.status = 'OPEN')`,
      );
    } else if (q.museumSlug) c.push(Prisma.sql`p.museum_id IN (SELECT m.id FROM ${StorefrontsReadPort.museums} m WHERE m.slug = ${q.museumSlug})`);
    if (q.museumIds && q.museumIds !== 'ALL') c.push(Prisma.sql`p.museum_id = ANY(${[...q.museumIds]}::uuid[])`);
    if (q.status) c.push(Prisma.sql`p.status = ${q.status}::"ProductStatus"`);
    if (q.collectionId) c.push(Prisma.sql`EXISTS (SELECT 1 FROM product_collections pc WHERE pc.product_id = p.id AND pc.collection_id = ${q.collectionId}::uuid)`);
    if (q.artworkId) c.push(Prisma.sql`EXISTS (SELECT 1 FROM product_artworks pa WHERE pa.product_id = p.id AND pa.artwork_id = ${q.artworkId}::uuid)`);
    if (q.category) c.push(Prisma.sql`p.category = ${q.category}`);
    if (q.minPriceEur !== undefined) c.push(Prisma.sql`p.min_price_eur_cents >= ${q.minPriceEur}`);
    if (q.maxPriceEur !== undefined) c.push(Prisma.sql`p.min_price_eur_cents <= ${q.maxPriceEur}`);
    // Last: the planner walks the sort index with the cheap filters first and probes stock per candidate.
    if (q.inStock) c.push(this.stock.productInStock(Prisma.sql`p.id`));
    return c;
  }

  private sortValue(field: SortField, value: string | number): string | number | Date {
    return field === 'createdAt' || field === 'updatedAt' ? new Date(value) : value;
  }
}
