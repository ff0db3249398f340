import { Prisma, type PrismaService, type Tx } from '@vitrine/shared/data-access';

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
