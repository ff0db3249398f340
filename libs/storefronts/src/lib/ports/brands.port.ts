import { isUniqueViolation, type PrismaService, type Tx } from '@vitrine/shared/data-access';
import { ConflictError } from '@vitrine/shared/kernel';

export interface BrandRecord {
  id: string;
  slug: string;
  name: string;
  country: string;
  createdAt: Date;
}

const brandSelect = { id: true, slug: true, name: true, country: true, createdAt: true } as const;

/**
 * Brands and museums as identity manages them (issue 19): the brand rows belong to this
 * context; identity creates and lists brand partners' brands through this port, on its own
 * client or transaction.
 */
export const BrandsPort = {
  async create(db: PrismaService | Tx, data: { slug: string; name: string; country: string }): Promise<BrandRecord> {
    try {
      return await db.brand.create({ data, select: brandSelect });
    } catch (e) {
      if (isUniqueViolation(e)) throw new ConflictError('A brand with this slug exists', { field: 'input.slug' });
      throw e;
    }
  },

  findById(db: PrismaService | Tx, id: string): Promise<BrandRecord | null> {
    return db.brand.findUnique({ where: { id }, select: brandSelect });
  },

  findMany(db: PrismaService | Tx, ids: readonly string[]): Promise<BrandRecord[]> {
    return db.brand.findMany({ where: { id: { in: [...ids] } }, select: brandSelect });
  },

  async list(db: PrismaService | Tx, take: number, afterSlug?: string): Promise<{ rows: BrandRecord[]; total: number }> {
    const [rows, total] = await Promise.all([
      db.brand.findMany({ where: afterSlug ? { slug: { gt: afterSlug } } : {}, orderBy: { slug: 'asc' }, take: take + 1, select: brandSelect }),
      db.brand.count(),
    ]);
    return { rows, total };
  },

  async exists(db: PrismaService | Tx, id: string): Promise<boolean> {
    return (await db.brand.count({ where: { id } })) > 0;
  },

  /** How many of these museum ids exist. */
  countMuseums(db: PrismaService | Tx, ids: readonly string[]): Promise<number> {
    return ids.length ? db.museum.count({ where: { id: { in: [...ids] } } }) : Promise.resolve(0);
  },
} as const;
