import { Injectable } from '@nestjs/common';
import { PrismaService } from '@vitrine/shared/data-access';

export interface PositiveListRow {
  hsPrefix: string;
  description: string;
}

@Injectable()
export class PositiveListRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Every allowed HS prefix; the list is a few hundred lines at most. */
  async prefixes(): Promise<string[]> {
    const rows = await this.prisma.positiveListEntry.findMany({ select: { hsPrefix: true } });
    return rows.map((r) => r.hsPrefix);
  }

  list(): Promise<PositiveListRow[]> {
    return this.prisma.positiveListEntry.findMany({ orderBy: { hsPrefix: 'asc' }, select: { hsPrefix: true, description: true } });
  }

  upsert(row: PositiveListRow): Promise<PositiveListRow> {
    return this.prisma.positiveListEntry.upsert({
      where: { hsPrefix: row.hsPrefix },
      create: row,
      update: { description: row.description },
      select: { hsPrefix: true, description: true },
    });
  }

  async remove(hsPrefix: string): Promise<boolean> {
    const { count } = await this.prisma.positiveListEntry.deleteMany({ where: { hsPrefix } });
    return count === 1;
  }
}
