import { Injectable } from '@nestjs/common';
import { PrismaService } from '@vitrine/shared/data-access';

export interface SynonymGroupRow {
  id: string;
  terms: string[];
  updatedAt: Date;
}

const select = { id: true, terms: true, updatedAt: true } as const;

@Injectable()
export class SearchSynonymRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Every group; the dictionary is a few hundred groups at most. */
  list(): Promise<SynonymGroupRow[]> {
    return this.prisma.searchSynonymGroup.findMany({ orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select, take: 5_000 });
  }

  create(terms: string[]): Promise<SynonymGroupRow> {
    return this.prisma.searchSynonymGroup.create({ data: { terms }, select });
  }

  async update(id: string, terms: string[]): Promise<SynonymGroupRow | null> {
    const { count } = await this.prisma.searchSynonymGroup.updateMany({ where: { id }, data: { terms } });
    return count ? this.prisma.searchSynonymGroup.findUnique({ where: { id }, select }) : null;
  }

  async remove(id: string): Promise<boolean> {
    const { count } = await this.prisma.searchSynonymGroup.deleteMany({ where: { id } });
    return count === 1;
  }
}
