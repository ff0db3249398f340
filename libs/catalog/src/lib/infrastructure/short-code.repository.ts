import { Injectable } from '@nestjs/common';
import { PrismaService } from '@vitrine/shared/data-access';

@Injectable()
export class ShortCodeRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Published products whose id lies in the range (at most 2: more than one is ambiguous). */
  async publishedIdsBetween(from: string, to: string): Promise<string[]> {
    const rows = await this.prisma.product.findMany({
      where: { id: { gte: from, lte: to }, status: 'PUBLISHED', museum: { storefront: { status: 'OPEN' } } },
      select: { id: true },
      take: 2,
    });
    return rows.map((r) => r.id);
  }
}
