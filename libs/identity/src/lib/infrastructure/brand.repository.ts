import { Injectable } from '@nestjs/common';
import { PrismaService, isUniqueViolation } from '@vitrine/shared/data-access';
import { ConflictError } from '@vitrine/shared/kernel';

export interface BrandRecord {
  id: string;
  slug: string;
  name: string;
  country: string;
  createdAt: Date;
}

const brandSelect = { id: true, slug: true, name: true, country: true, createdAt: true } as const;

@Injectable()
export class BrandRepository {
  constructor(private readonly prisma: PrismaService) {}

  async create(data: { slug: string; name: string; country: string }): Promise<BrandRecord> {
    try {
      return await this.prisma.brand.create({ data, select: brandSelect });
    } catch (e) {
      if (isUniqueViolation(e)) throw new ConflictError('A brand with this slug exists', { field: 'input.slug' });
      throw e;
    }
  }

  findById(id: string): Promise<BrandRecord | null> {
    return this.prisma.brand.findUnique({ where: { id }, select: brandSelect });
  }

  findMany(ids: readonly string[]): Promise<BrandRecord[]> {
    return this.prisma.brand.findMany({ where: { id: { in: [...ids] } }, select: brandSelect });
  }

  async list(take: number, afterSlug?: string): Promise<{ rows: BrandRecord[]; total: number }> {
    const [rows, total] = await Promise.all([
      this.prisma.brand.findMany({
        where: afterSlug ? { slug: { gt: afterSlug } } : {},
        orderBy: { slug: 'asc' },
        take: take + 1,
        select: brandSelect,
      }),
      this.prisma.brand.count(),
    ]);
    return { rows, total };
  }
}
