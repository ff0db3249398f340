import { Injectable } from '@nestjs/common';
import { PrismaService, isUniqueViolation, type Prisma } from '@vitrine/shared/data-access';
import { ConflictError } from '@vitrine/shared/kernel';

export interface CollectionRow {
  id: string;
  museumId: string;
  slug: string;
  nameFr: string;
  nameEn: string;
  nameZh: string;
  createdAt: Date;
  updatedAt: Date;
}

const collectionSelect = {
  id: true,
  museumId: true,
  slug: true,
  nameFr: true,
  nameEn: true,
  nameZh: true,
  createdAt: true,
  updatedAt: true,
} as const satisfies Prisma.CollectionSelect;

export type CollectionWrite = Pick<CollectionRow, 'slug' | 'nameFr' | 'nameEn' | 'nameZh'>;

@Injectable()
export class CollectionRepository {
  constructor(private readonly prisma: PrismaService) {}

  findById(id: string): Promise<CollectionRow | null> {
    return this.prisma.collection.findUnique({ where: { id }, select: collectionSelect });
  }

  findManyByIds(ids: readonly string[]): Promise<CollectionRow[]> {
    return this.prisma.collection.findMany({ where: { id: { in: [...ids] } }, select: collectionSelect });
  }

  /** Every collection of these museums, by slug. */
  ofMuseums(museumIds: readonly string[]): Promise<CollectionRow[]> {
    return this.prisma.collection.findMany({ where: { museumId: { in: [...museumIds] } }, orderBy: { slug: 'asc' }, select: collectionSelect });
  }

  /** The collections each product is in, in one statement (a batch loader's query). */
  ofProducts(productIds: readonly string[]): Promise<(CollectionRow & { productId: string })[]> {
    return this.prisma.staleTolerant().$queryRaw<(CollectionRow & { productId: string })[]>`
      SELECT pc.product_id AS "productId", c.id, c.museum_id AS "museumId", c.slug,
             c.name_fr AS "nameFr", c.name_en AS "nameEn", c.name_zh AS "nameZh",
             c.created_at AS "createdAt", c.updated_at AS "updatedAt"
      FROM product_collections pc JOIN collections c ON c.id = pc.collection_id
      WHERE pc.product_id = ANY(${[...productIds]}::uuid[])
      ORDER BY c.slug, c.id`;
  }

  async idsInMuseum(museumId: string, ids: readonly string[]): Promise<Set<string>> {
    if (!ids.length) return new Set();
    const rows = await this.prisma.collection.findMany({ where: { museumId, id: { in: [...ids] } }, select: { id: true } });
    return new Set(rows.map((r) => r.id));
  }

  async list(q: { museumIds: readonly string[] | 'ALL'; take: number; afterSlug?: [string, string] | null }): Promise<{ rows: CollectionRow[]; total: number }> {
    const where: Prisma.CollectionWhereInput = q.museumIds === 'ALL' ? {} : { museumId: { in: [...q.museumIds] } };
    const keyset: Prisma.CollectionWhereInput | null = q.afterSlug
      ? { OR: [{ slug: { gt: q.afterSlug[0] } }, { slug: q.afterSlug[0], id: { gt: q.afterSlug[1] } }] }
      : null;
    const [rows, total] = await Promise.all([
      this.prisma.collection.findMany({
        where: keyset ? { AND: [where, keyset] } : where,
        orderBy: [{ slug: 'asc' }, { id: 'asc' }],
        take: q.take + 1,
        select: collectionSelect,
      }),
      this.prisma.collection.count({ where }),
    ]);
    return { rows, total };
  }

  productLinksOf(collectionIds: readonly string[]): Promise<{ collectionId: string; productId: string }[]> {
    return this.prisma.productCollection.findMany({
      where: { collectionId: { in: [...collectionIds] } },
      orderBy: [{ collectionId: 'asc' }, { position: 'asc' }],
      select: { collectionId: true, productId: true },
    });
  }

  async create(museumId: string, data: CollectionWrite, productIds: readonly string[]): Promise<CollectionRow> {
    try {
      return await this.prisma.collection.create({
        data: { museumId, ...data, products: { create: productIds.map((productId, position) => ({ productId, position })) } },
        select: collectionSelect,
      });
    } catch (e) {
      throw this.conflict(e);
    }
  }

  async update(id: string, data: Partial<CollectionWrite>, productIds: readonly string[] | null): Promise<CollectionRow> {
    try {
      return await this.prisma.$transaction(async (tx) => {
        if (productIds) {
          await tx.productCollection.deleteMany({ where: { collectionId: id } });
          await tx.productCollection.createMany({ data: productIds.map((productId, position) => ({ productId, collectionId: id, position })) });
        }
        return tx.collection.update({ where: { id }, data: { ...data, updatedAt: new Date() }, select: collectionSelect });
      });
    } catch (e) {
      throw this.conflict(e);
    }
  }

  async delete(id: string): Promise<void> {
    await this.prisma.collection.delete({ where: { id }, select: { id: true } });
  }

  private conflict(e: unknown): unknown {
    return isUniqueViolation(e) ? new ConflictError('A collection with this slug exists in this museum', { field: 'input.slug' }) : e;
  }
}
