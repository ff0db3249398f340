import { Injectable } from '@nestjs/common';
import { PrismaService, type Prisma, type SqlTx } from '@vitrine/shared/data-access';
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
  async insert(tx: SqlTx | null, entries: readonly LedgerEntryWrite[]): Promise<number> {
    if (!entries.length) return 0;
    // One statement per batch, one array per column: thousands of rows in a single round trip.
    const col = <K extends keyof LedgerEntryWrite>(k: K) => entries.map((e) => e[k]);
    return (tx ?? this.prisma).$executeRaw`
      INSERT INTO royalty_ledger_entries (agreement_id, order_line_id, order_id, product_id, kind, source_ref, occurred_at, period_start,
                                          units, sale_minor, sale_currency, fx_rate, net_sales_minor, royalty_minor, currency)
      SELECT * FROM unnest(${col('agreementId')}::uuid[], ${col('orderLineId')}::uuid[], ${col('orderId')}::uuid[], ${col('productId')}::uuid[],
                           ${col('kind')}::"RoyaltyEntryKind"[], ${col('sourceRef')}::text[], ${col('occurredAt')}::timestamp(3)[], ${col('periodStart')}::date[],
                           ${col('units')}::int[], ${col('saleMinor')}::int[], ${col('saleCurrency')}::char(3)[], ${col('fxRate')}::text[],
                           ${col('netSalesMinor')}::int[], ${col('royaltyMinor')}::int[], ${col('currency')}::char(3)[])
      ON CONFLICT (order_line_id, kind, source_ref) DO NOTHING`;
  }

  /**
   * Refreshes the planner's statistics after a bulk booking: the next run's anti-joins
   * against the ledger are planned for its real size (a stale "empty" estimate turns them
   * into nested loops over the whole table).
   */
  async refreshStatistics(): Promise<void> {
    await this.prisma.$executeRawUnsafe('ANALYZE royalty_ledger_entries');
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
