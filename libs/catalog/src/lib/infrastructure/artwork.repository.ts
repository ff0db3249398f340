import { Injectable } from '@nestjs/common';
import { PrismaService, isUniqueViolation, type Prisma, type Tx } from '@vitrine/shared/data-access';
import { ConflictError } from '@vitrine/shared/kernel';

export interface ArtworkRow {
  id: string;
  museumId: string;
  accessionNumber: string;
  titleFr: string;
  titleEn: string;
  titleZh: string;
  artist: string;
  artistEn: string;
  artistZh: string;
  period: string;
  periodEn: string;
  periodZh: string;
  creditLine: string;
  imageUrl: string | null;
  licensable: boolean;
  createdAt: Date;
  updatedAt: Date;
}

const artworkSelect = {
  id: true,
  museumId: true,
  accessionNumber: true,
  titleFr: true,
  titleEn: true,
  titleZh: true,
  artist: true,
  artistEn: true,
  artistZh: true,
  period: true,
  periodEn: true,
  periodZh: true,
  creditLine: true,
  imageUrl: true,
  licensable: true,
  createdAt: true,
  updatedAt: true,
} as const satisfies Prisma.ArtworkSelect;

export type ArtworkWrite = Omit<ArtworkRow, 'id' | 'museumId' | 'createdAt' | 'updatedAt'>;

@Injectable()
export class ArtworkRepository {
  constructor(private readonly prisma: PrismaService) {}

  findById(id: string): Promise<ArtworkRow | null> {
    return this.prisma.artwork.findUnique({ where: { id }, select: artworkSelect });
  }

  findManyByIds(ids: readonly string[]): Promise<ArtworkRow[]> {
    return this.prisma.artwork.findMany({ where: { id: { in: [...ids] } }, select: artworkSelect });
  }

  /** The works each product credits, in one statement (a batch loader's query). */
  creditedBy(productIds: readonly string[]): Promise<(ArtworkRow & { productId: string })[]> {
    return this.prisma.staleTolerant().$queryRaw<(ArtworkRow & { productId: string })[]>`
      SELECT pa.product_id AS "productId", a.id, a.museum_id AS "museumId", a.accession_number AS "accessionNumber",
             a.title_fr AS "titleFr", a.title_en AS "titleEn", a.title_zh AS "titleZh", a.artist, a.artist_en AS "artistEn", a.artist_zh AS "artistZh", a.period,
             a.period_en AS "periodEn", a.period_zh AS "periodZh", a.credit_line AS "creditLine", a.image_url AS "imageUrl", a.licensable,
             a.created_at AS "createdAt", a.updated_at AS "updatedAt"
      FROM product_artworks pa JOIN artworks a ON a.id = pa.artwork_id
      WHERE pa.product_id = ANY(${[...productIds]}::uuid[])
      ORDER BY a.accession_number, a.id`;
  }

  /** Artworks of one museum among `ids`. */
  inMuseum(museumId: string, ids: readonly string[]): Promise<ArtworkRow[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.prisma.artwork.findMany({ where: { museumId, id: { in: [...ids] } }, select: artworkSelect });
  }

  /**
   * A museum's works ordered by accession number. `withPublishedProducts` keeps only works
   * that credited products a shopper can buy (browse by work).
   */
  async list(q: {
    museumIds: readonly string[] | 'ALL';
    museumSlug?: string;
    withPublishedProducts?: boolean;
    search?: string;
    take: number;
    after?: [string, string] | null;
  }): Promise<{ rows: ArtworkRow[]; total: number }> {
    const and: Prisma.ArtworkWhereInput[] = [];
    if (q.museumIds !== 'ALL') and.push({ museumId: { in: [...q.museumIds] } });
    if (q.museumSlug) and.push({ museum: { slug: q.museumSlug, storefront: { is: { status: 'OPEN' } } } });
    if (q.withPublishedProducts) and.push({ products: { some: { product: { status: 'PUBLISHED' } } } });
    if (q.search) {
      const s = q.search;
      and.push({
        OR: [
          { accessionNumber: { contains: s, mode: 'insensitive' } },
          { titleFr: { contains: s, mode: 'insensitive' } },
          { titleEn: { contains: s, mode: 'insensitive' } },
          { titleZh: { contains: s } },
          { artist: { contains: s, mode: 'insensitive' } },
          { artistEn: { contains: s, mode: 'insensitive' } },
          { artistZh: { contains: s, mode: 'insensitive' } },
        ],
      });
    }
    const where: Prisma.ArtworkWhereInput = { AND: and };
    const keyset: Prisma.ArtworkWhereInput | null = q.after
      ? { OR: [{ accessionNumber: { gt: q.after[0] } }, { accessionNumber: q.after[0], id: { gt: q.after[1] } }] }
      : null;
    const db = this.prisma.staleTolerant();
    const [rows, total] = await Promise.all([
      db.artwork.findMany({
        where: keyset ? { AND: [...and, keyset] } : where,
        orderBy: [{ accessionNumber: 'asc' }, { id: 'asc' }],
        take: q.take + 1,
        select: artworkSelect,
      }),
      db.artwork.count({ where }),
    ]);
    return { rows, total };
  }

  async create(museumId: string, data: ArtworkWrite): Promise<ArtworkRow> {
    try {
      return await this.prisma.artwork.create({ data: { museumId, ...data }, select: artworkSelect });
    } catch (e) {
      throw this.conflict(e);
    }
  }

  /** Updates the work and lets `alsoInTx` rewrite what depends on it, atomically. */
  async update(id: string, data: Partial<ArtworkWrite>, alsoInTx: (tx: Tx) => Promise<void>): Promise<ArtworkRow> {
    try {
      return await this.prisma.$transaction(async (tx) => {
        const row = await tx.artwork.update({ where: { id }, data, select: artworkSelect });
        await alsoInTx(tx);
        return row;
      });
    } catch (e) {
      throw this.conflict(e);
    }
  }

  async productIdsCrediting(artworkId: string): Promise<string[]> {
    const rows = await this.prisma.productArtwork.findMany({ where: { artworkId }, select: { productId: true } });
    return rows.map((r) => r.productId);
  }

  /** Deletes the work (its product links go with it) and lets `alsoInTx` follow up. */
  async delete(id: string, alsoInTx: (tx: Tx) => Promise<void>): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      await tx.artwork.delete({ where: { id }, select: { id: true } });
      await alsoInTx(tx);
    });
  }

  private conflict(e: unknown): unknown {
    return isUniqueViolation(e) ? new ConflictError('A work with this accession number exists in this museum', { field: 'input.accessionNumber' }) : e;
  }
}
