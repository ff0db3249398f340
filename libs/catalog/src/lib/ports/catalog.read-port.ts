import { Prisma, type PrismaService, type Tx } from '@vitrine/shared/data-access';
import { StorefrontsReadPort } from '@vitrine/storefronts';

/**
 * The characters String.prototype.trim removes (ECMAScript WhiteSpace and LineTerminator, as Node
 * reads them: every one of the 65,536 UTF-16 units for which trim() answers ''), as a PostgreSQL
 * E'' literal: `btrim(text, JS_TRIM_CHARACTERS) = ''` is `text.trim() === ''` (listing-rules.ts).
 */
export const JS_TRIM_CODE_POINTS = [
  0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028,
  0x2029, 0x202f, 0x205f, 0x3000, 0xfeff,
] as const;
const JS_TRIM_CHARACTERS = Prisma.raw(`E'${JS_TRIM_CODE_POINTS.map((c) => `\\u${c.toString(16).padStart(4, '0')}`).join('')}'`);

/**
 * listingProblemsForChina (domain/listing-rules.ts) for one variant of a published product, in
 * SQL: zh-CN name and description not blank (as trim() reads blank), the variant's HS code, its
 * digits only (`h.digits`), at least 6 digits long and starting with an entry of the positive list
 * (read live, not through the repository's few-second copy; each of the code's prefixes looked up
 * by the list's primary key, however long the list). With the storefront open, the variant's
 * listableForChina as CatalogReadService.variantsForCheckout answers it.
 */
const LISTABLE_FOR_CHINA = Prisma.sql`(
  btrim(p.name_zh, ${JS_TRIM_CHARACTERS}) <> '' AND btrim(p.description_zh, ${JS_TRIM_CHARACTERS}) <> ''
  AND length(h.digits) >= 6
  AND EXISTS (SELECT 1 FROM generate_series(0, length(h.digits)) n JOIN positive_list_entries e ON e.hs_prefix = left(h.digits, n)))`;

/**
 * What other contexts may read of the catalogue (issue 19). Each relation names the columns it
 * publishes, and a consumer joins it in its own statement under an alias
 * (`JOIN ${CatalogReadPort.variants} v ON v.id = ...`), so a hot path keeps its statement
 * count while the table names stay here and Nx sees the dependency. PostgreSQL pulls these
 * plain sub-selects up into the outer query: plans are those of the table itself. The
 * functions run their read on the caller's client or transaction.
 */
export const CatalogReadPort = {
  /** id, museum_id, status, category, name_fr, name_en, name_zh, description_zh, published_at. */
  products: Prisma.sql`(SELECT id, museum_id, status, category, name_fr, name_en, name_zh, description_zh, published_at FROM products)`,
  /** id, product_id, museum_id, sku, options, hs_code, position. */
  variants: Prisma.sql`(SELECT id, product_id, museum_id, sku, options, hs_code, position FROM product_variants)`,
  /** id, museum_id, licensable. */
  artworks: Prisma.sql`(SELECT id, museum_id, licensable FROM artworks)`,
  /**
   * id, museum_id, published, listable_for_china, customs_registered: whether a variant may be
   * sold, decided as CatalogReadService.variantsForCheckout decides it (`productStatus ===
   * 'PUBLISHED'`, `listableForChina`, `customsRegistered`), for a statement that writes only
   * when it may (the shop's add to cart, issue 18). Join it on one id: the positive list is read
   * per row.
   */
  sellableVariants: Prisma.sql`(SELECT v.id, v.museum_id, p.status = 'PUBLISHED' AS published,
      (p.status = 'PUBLISHED' AND s.status IS NOT DISTINCT FROM 'OPEN' AND ${LISTABLE_FOR_CHINA}) AS listable_for_china,
      s.customs_code IS NOT NULL AS customs_registered
    FROM product_variants v JOIN products p ON p.id = v.product_id
      -- OFFSET 0: the digits computed once a variant, not again in each use.
      CROSS JOIN LATERAL (SELECT regexp_replace(v.hs_code, '[^0-9]', '', 'g') AS digits OFFSET 0) h
      LEFT JOIN ${StorefrontsReadPort.storefronts} s ON s.museum_id = v.museum_id)`,

  /** Licensable works of a museum, searched and paged by accession number. */
  async licensableArtworks(db: PrismaService | Tx, q: { museumId: string; take: number; after: [string, string] | null; search?: string }): Promise<{ rows: CatalogArtworkRow[]; total: number }> {
    const and: Prisma.ArtworkWhereInput[] = [{ museumId: q.museumId, licensable: true }];
    if (q.search) {
      const s = q.search;
      and.push({
        OR: [
          { accessionNumber: { contains: s, mode: 'insensitive' } },
          { titleFr: { contains: s, mode: 'insensitive' } },
          { titleEn: { contains: s, mode: 'insensitive' } },
          { titleZh: { contains: s } },
          { artist: { contains: s, mode: 'insensitive' } },
        ],
      });
    }
    const keyset: Prisma.ArtworkWhereInput[] = q.after
      ? [{ OR: [{ accessionNumber: { gt: q.after[0] } }, { accessionNumber: q.after[0], id: { gt: q.after[1] } }] }]
      : [];
    const [rows, total] = await Promise.all([
      db.artwork.findMany({ where: { AND: [...and, ...keyset] }, orderBy: [{ accessionNumber: 'asc' }, { id: 'asc' }], take: q.take + 1, select: artworkSelect }),
      db.artwork.count({ where: { AND: and } }),
    ]);
    return { rows, total };
  },

  artworksByIds(db: PrismaService | Tx, ids: readonly string[]): Promise<CatalogArtworkRow[]> {
    if (!ids.length) return Promise.resolve([]);
    return db.artwork.findMany({ where: { id: { in: [...ids] } }, select: artworkSelect });
  },

  /** The HS code prefixes of China's positive list. */
  async positiveListPrefixes(db: PrismaService | Tx): Promise<string[]> {
    const rows = await db.positiveListEntry.findMany({ select: { hsPrefix: true } });
    return rows.map((r) => r.hsPrefix);
  },
} as const;

const artworkSelect = {
  id: true,
  museumId: true,
  accessionNumber: true,
  titleFr: true,
  titleEn: true,
  titleZh: true,
  artist: true,
  period: true,
  creditLine: true,
  imageUrl: true,
  licensable: true,
} as const satisfies Prisma.ArtworkSelect;

export interface CatalogArtworkRow {
  id: string;
  museumId: string;
  accessionNumber: string;
  titleFr: string;
  titleEn: string;
  titleZh: string;
  artist: string;
  period: string;
  creditLine: string;
  imageUrl: string | null;
  licensable: boolean;
}
