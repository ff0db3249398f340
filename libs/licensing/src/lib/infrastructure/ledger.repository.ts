import { Injectable } from '@nestjs/common';
import { PrismaService, type Prisma, type Tx } from '@vitrine/shared/data-access';
import { isoDate, type IsoDate } from '../domain/periods';

export interface LedgerEntryWrite {
  agreementId: string;
  orderLineId: string;
  orderId: string;
  productId: string;
  kind: 'ACCRUAL' | 'REVERSAL';
  sourceRef: string;
  occurredAt: Date;
  periodStart: IsoDate;
  units: number;
  saleMinor: number;
  saleCurrency: string;
  fxRate: string | null;
  netSalesMinor: number;
  royaltyMinor: number;
  currency: string;
}

export interface LedgerEntryRow extends LedgerEntryWrite {
  id: bigint;
  statementId: string | null;
  createdAt: Date;
}

const entrySelect = {
  id: true,
  agreementId: true,
  orderLineId: true,
  orderId: true,
  productId: true,
  kind: true,
  sourceRef: true,
  occurredAt: true,
  periodStart: true,
  units: true,
  saleMinor: true,
  saleCurrency: true,
  fxRate: true,
  netSalesMinor: true,
  royaltyMinor: true,
  currency: true,
  statementId: true,
  createdAt: true,
} as const satisfies Prisma.RoyaltyLedgerEntrySelect;

const asEntry = (r: Prisma.RoyaltyLedgerEntryGetPayload<{ select: typeof entrySelect }>): LedgerEntryRow => ({ ...r, periodStart: isoDate(r.periodStart) });

@Injectable()
export class LedgerRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Inserts entries, skipping any already booked (unique order line, kind, source): replays are no-ops. */
  async insert(tx: Tx | null, entries: readonly LedgerEntryWrite[]): Promise<number> {
    if (!entries.length) return 0;
    const { count } = await (tx ?? this.prisma).royaltyLedgerEntry.createMany({
      data: entries.map((e) => ({ ...e, periodStart: new Date(`${e.periodStart}T00:00:00Z`) })),
      skipDuplicates: true,
    });
    return count;
  }

  /** Every entry of one order line, oldest first. */
  async ofOrderLine(orderLineId: string): Promise<LedgerEntryRow[]> {
    const rows = await this.prisma.royaltyLedgerEntry.findMany({ where: { orderLineId }, orderBy: { id: 'asc' }, select: entrySelect });
    return rows.map(asEntry);
  }

  /** An agreement's entries, newest first; optionally those of one statement. */
  async list(q: { agreementId: string; statementId?: string | null; take: number; afterId: bigint | null }): Promise<{ rows: LedgerEntryRow[]; total: number }> {
    const where: Prisma.RoyaltyLedgerEntryWhereInput = { agreementId: q.agreementId, ...(q.statementId ? { statementId: q.statementId } : {}) };
    const [rows, total] = await Promise.all([
      this.prisma.royaltyLedgerEntry.findMany({
        where: q.afterId !== null ? { AND: [where, { id: { lt: q.afterId } }] } : where,
        orderBy: { id: 'desc' },
        take: q.take + 1,
        select: entrySelect,
      }),
      this.prisma.royaltyLedgerEntry.count({ where }),
    ]);
    return { rows: rows.map(asEntry), total };
  }

  /** A statement's entries in id order, in pages (exports stream them). */
  async ofStatement(statementId: string, afterId: bigint | null, take: number): Promise<LedgerEntryRow[]> {
    const rows = await this.prisma.royaltyLedgerEntry.findMany({
      where: { statementId, ...(afterId !== null ? { id: { gt: afterId } } : {}) },
      orderBy: { id: 'asc' },
      take,
      select: entrySelect,
    });
    return rows.map(asEntry);
  }
}
