import { Injectable } from '@nestjs/common';
import { PrismaService, type Prisma } from '@vitrine/shared/data-access';

export interface FxRateRow {
  id: string;
  base: string;
  quote: string;
  /** Exact decimal text, never a float. */
  rate: string;
  source: string;
  effectiveAt: Date;
  createdAt: Date;
}

const fxSelect = { id: true, base: true, quote: true, rate: true, source: true, effectiveAt: true, createdAt: true } as const satisfies Prisma.FxRateSelect;

type Row = { rate: { toFixed(): string } } & Omit<FxRateRow, 'rate'>;
const toRow = (r: Row): FxRateRow => ({ ...r, rate: r.rate.toFixed() });

@Injectable()
export class FxRateRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** The rate in force now: the latest that has taken effect. */
  async current(base: string, quote: string, now = new Date()): Promise<FxRateRow | null> {
    const row = await this.prisma.fxRate.findFirst({
      where: { base, quote, effectiveAt: { lte: now } },
      orderBy: [{ effectiveAt: 'desc' }, { createdAt: 'desc' }],
      select: fxSelect,
    });
    return row ? toRow(row) : null;
  }

  async list(q: { base: string; quote: string; take: number; after?: [string, string] | null }): Promise<{ rows: FxRateRow[]; total: number }> {
    const where: Prisma.FxRateWhereInput = { base: q.base, quote: q.quote };
    const keyset: Prisma.FxRateWhereInput | null = q.after
      ? { OR: [{ effectiveAt: { lt: new Date(q.after[0]) } }, { effectiveAt: new Date(q.after[0]), id: { lt: q.after[1] } }] }
      : null;
    const [rows, total] = await Promise.all([
      this.prisma.fxRate.findMany({
        where: keyset ? { AND: [where, keyset] } : where,
        orderBy: [{ effectiveAt: 'desc' }, { id: 'desc' }],
        take: q.take + 1,
        select: fxSelect,
      }),
      this.prisma.fxRate.count({ where }),
    ]);
    return { rows: rows.map(toRow), total };
  }

  async create(data: { base: string; quote: string; rate: string; source: string; effectiveAt: Date }): Promise<FxRateRow> {
    return toRow(await this.prisma.fxRate.create({ data, select: fxSelect }));
  }
}
