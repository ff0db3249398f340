import { Injectable } from '@nestjs/common';
import { PrismaService, isUniqueViolation, type Prisma } from '@vitrine/shared/data-access';
import { ConflictError } from '@vitrine/shared/kernel';

export interface MuseumRow {
  id: string;
  slug: string;
  legalName: string;
  country: string;
  createdAt: Date;
  updatedAt: Date;
}

const museumSelect = { id: true, slug: true, legalName: true, country: true, createdAt: true, updatedAt: true } as const satisfies Prisma.MuseumSelect;

@Injectable()
export class MuseumRepository {
  constructor(private readonly prisma: PrismaService) {}

  findById(id: string): Promise<MuseumRow | null> {
    return this.prisma.museum.findUnique({ where: { id }, select: museumSelect });
  }

  findManyByIds(ids: readonly string[]): Promise<MuseumRow[]> {
    return this.prisma.museum.findMany({ where: { id: { in: [...ids] } }, orderBy: { slug: 'asc' }, select: museumSelect });
  }

  async list(q: { ids: readonly string[] | 'ALL'; take: number; afterSlug?: string | null; search?: string | null }): Promise<{ rows: MuseumRow[]; total: number }> {
    const and: Prisma.MuseumWhereInput[] = [];
    if (q.ids !== 'ALL') and.push({ id: { in: [...q.ids] } });
    if (q.search) and.push({ OR: [{ slug: { contains: q.search, mode: 'insensitive' } }, { legalName: { contains: q.search, mode: 'insensitive' } }] });
    const where: Prisma.MuseumWhereInput = { AND: and };
    const [rows, total] = await Promise.all([
      this.prisma.museum.findMany({
        where: q.afterSlug ? { AND: [...and, { slug: { gt: q.afterSlug } }] } : where,
        orderBy: { slug: 'asc' },
        take: q.take + 1,
        select: museumSelect,
      }),
      this.prisma.museum.count({ where }),
    ]);
    return { rows, total };
  }

  /** A museum is born with its storefront, in draft. */
  async create(data: { slug: string; legalName: string; country: string; nameFr: string; nameEn: string; nameZh: string }): Promise<MuseumRow> {
    try {
      return await this.prisma.museum.create({
        data: {
          slug: data.slug,
          legalName: data.legalName,
          country: data.country,
          storefront: { create: { status: 'DRAFT', nameFr: data.nameFr, nameEn: data.nameEn, nameZh: data.nameZh } },
        },
        select: museumSelect,
      });
    } catch (e) {
      if (isUniqueViolation(e)) throw new ConflictError('A museum with this slug exists', { field: 'input.slug' });
      throw e;
    }
  }

  update(id: string, data: { legalName?: string; country?: string }): Promise<MuseumRow> {
    return this.prisma.museum.update({ where: { id }, data, select: museumSelect });
  }
}
