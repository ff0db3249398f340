import { Injectable } from '@nestjs/common';
import { PrismaService } from '@vitrine/shared/data-access';
import { BrandsPort, type BrandRecord } from '@vitrine/storefronts';

export type { BrandRecord };

/** Brand partners' brands: rows of libs/storefronts, through its BrandsPort (issue 19). */
@Injectable()
export class BrandRepository {
  constructor(private readonly prisma: PrismaService) {}

  create(data: { slug: string; name: string; country: string }): Promise<BrandRecord> {
    return BrandsPort.create(this.prisma, data);
  }

  findById(id: string): Promise<BrandRecord | null> {
    return BrandsPort.findById(this.prisma, id);
  }

  findMany(ids: readonly string[]): Promise<BrandRecord[]> {
    return BrandsPort.findMany(this.prisma, ids);
  }

  list(take: number, afterSlug?: string): Promise<{ rows: BrandRecord[]; total: number }> {
    return BrandsPort.list(this.prisma, take, afterSlug);
  }
}
