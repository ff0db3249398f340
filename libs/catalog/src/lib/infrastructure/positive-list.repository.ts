import { Injectable } from '@nestjs/common';
import { PrismaService } from '@vitrine/shared/data-access';

@Injectable()
export class PositiveListRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Every allowed HS prefix; the list is a few hundred lines at most. */
  async prefixes(): Promise<string[]> {
    const rows = await this.prisma.positiveListEntry.findMany({ select: { hsPrefix: true } });
    return rows.map((r) => r.hsPrefix);
  }
}
