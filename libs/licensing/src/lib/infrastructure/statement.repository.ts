import { Injectable } from '@nestjs/common';
import { PrismaService, type Prisma } from '@vitrine/shared/data-access';
import { addMonths, isoDate, type IsoDate } from '../domain/periods';
import type { EntryTotals, StatementFigures } from '../domain/statement';

export interface StatementRow {
  id: string;
  agreementId: string;
  museumId: string;
  brandId: string;
  periodStart: IsoDate;
  periodEnd: IsoDate;
  currency: string;
  entryCount: number;
  units: number;
  netSalesMinor: number;
  royaltyMinor: number;
  cumulativeRoyaltyMinor: number;
  advanceRecoupedMinor: number;
  advanceRemainingMinor: number;
  minimumGuaranteeShortfallMinor: number;
  amountPayableMinor: number;
  generatedAt: Date;
}

/** What a statement run needs of an agreement. */
export interface StatementAgreement {
  id: string;
  museumId: string;
  brandId: string;
  currency: string;
  advanceMinor: number;
  minimumGuaranteeMinor: number;
  termEnd: IsoDate;
}

const statementSelect = {
  id: true,
  agreementId: true,
  museumId: true,
  brandId: true,
  periodStart: true,
  periodEnd: true,
  currency: true,
  entryCount: true,
  units: true,
  netSalesMinor: true,
  royaltyMinor: true,
  cumulativeRoyaltyMinor: true,
  advanceRecoupedMinor: true,
  advanceRemainingMinor: true,
  minimumGuaranteeShortfallMinor: true,
  amountPayableMinor: true,
  generatedAt: true,
} as const satisfies Prisma.RoyaltyStatementSelect;

const asStatement = (r: Prisma.RoyaltyStatementGetPayload<{ select: typeof statementSelect }>): StatementRow => ({
  ...r,
  periodStart: isoDate(r.periodStart),
  periodEnd: isoDate(r.periodEnd),
});
const day = (d: IsoDate) => new Date(`${d}T00:00:00Z`);

export type StatementScope = { brandId: string } | { museumIds: readonly string[] } | 'ALL';

@Injectable()
export class StatementRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * Agreements owed a statement for `period`: the term or sell-off overlaps the month, or
   * entries up to the month have not been reported; and no statement for this or a later
   * month exists yet (statements go forward only).
   */
  async agreementsDue(period: IsoDate): Promise<StatementAgreement[]> {
    const start = day(period);
    const next = day(addMonths(period, 1));
    return this.prisma.$queryRaw<StatementAgreement[]>`
      SELECT a.id::text AS id, a.museum_id::text AS "museumId", a.brand_id::text AS "brandId", a.currency,
             a.advance_minor AS "advanceMinor", a.minimum_guarantee_minor AS "minimumGuaranteeMinor",
             to_char(a.term_end, 'YYYY-MM-DD') AS "termEnd"
        FROM licence_agreements a
       WHERE ((a.term_start < ${next}::date AND a.sell_off_end >= ${start}::date)
              OR EXISTS (SELECT 1 FROM royalty_ledger_entries e
                          WHERE e.agreement_id = a.id AND e.statement_id IS NULL AND e.period_start <= ${start}::date))
         AND NOT EXISTS (SELECT 1 FROM royalty_statements s WHERE s.agreement_id = a.id AND s.period_start >= ${start}::date)
       ORDER BY a.id`;
  }

  /**
   * Writes the agreement's statement for `period` once: under the agreement's row lock,
   * re-reads whether it (or a later one) exists, then claims every unreported entry up to
   * the month in one UPDATE … RETURNING, so the statement adds up exactly to the entries
   * it marks. Returns null when there was nothing to do.
   */
  async create(
    agreement: StatementAgreement,
    period: IsoDate,
    compute: (priorCumulativeRoyaltyMinor: number, totals: EntryTotals) => StatementFigures,
  ): Promise<StatementRow | null> {
    return this.prisma.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT id FROM licence_agreements WHERE id = ${agreement.id}::uuid FOR UPDATE`;
      const start = day(period);
      const later = await tx.royaltyStatement.findFirst({ where: { agreementId: agreement.id, periodStart: { gte: start } }, select: { id: true } });
      if (later) return null;
      const prior = await tx.royaltyStatement.findFirst({
        where: { agreementId: agreement.id, periodStart: { lt: start } },
        orderBy: { periodStart: 'desc' },
        select: { cumulativeRoyaltyMinor: true },
      });
      const placeholder = compute(prior?.cumulativeRoyaltyMinor ?? 0, { entryCount: 0, units: 0, netSalesMinor: 0, royaltyMinor: 0 });
      const { id } = await tx.royaltyStatement.create({
        data: { ...this.columns(placeholder), agreementId: agreement.id, museumId: agreement.museumId, brandId: agreement.brandId, currency: agreement.currency },
        select: { id: true },
      });
      const [sums] = await tx.$queryRaw<{ entryCount: number; units: bigint; netSalesMinor: bigint; royaltyMinor: bigint }[]>`
        WITH claimed AS (
          UPDATE royalty_ledger_entries SET statement_id = ${id}::uuid
           WHERE agreement_id = ${agreement.id}::uuid AND statement_id IS NULL AND period_start <= ${start}::date
          RETURNING units, net_sales_minor, royalty_minor)
        SELECT count(*)::int AS "entryCount", coalesce(sum(units), 0)::bigint AS units,
               coalesce(sum(net_sales_minor), 0)::bigint AS "netSalesMinor", coalesce(sum(royalty_minor), 0)::bigint AS "royaltyMinor"
          FROM claimed`;
      const figures = compute(prior?.cumulativeRoyaltyMinor ?? 0, {
        entryCount: sums!.entryCount,
        units: Number(sums!.units),
        netSalesMinor: Number(sums!.netSalesMinor),
        royaltyMinor: Number(sums!.royaltyMinor),
      });
      const row = await tx.royaltyStatement.update({ where: { id }, data: this.columns(figures), select: statementSelect });
      return asStatement(row);
    });
  }

  async findById(id: string): Promise<StatementRow | null> {
    const row = await this.prisma.royaltyStatement.findUnique({ where: { id }, select: statementSelect });
    return row ? asStatement(row) : null;
  }

  async list(q: { scope: StatementScope; agreementId?: string | null; take: number; after: [string, string] | null }): Promise<{ rows: StatementRow[]; total: number }> {
    const and: Prisma.RoyaltyStatementWhereInput[] = [];
    if (q.scope !== 'ALL') and.push('brandId' in q.scope ? { brandId: q.scope.brandId } : { museumId: { in: [...q.scope.museumIds] } });
    if (q.agreementId) and.push({ agreementId: q.agreementId });
    const keyset: Prisma.RoyaltyStatementWhereInput[] = q.after
      ? [{ OR: [{ periodStart: { lt: day(q.after[0]) } }, { periodStart: day(q.after[0]), id: { gt: q.after[1] } }] }]
      : [];
    const [rows, total] = await Promise.all([
      this.prisma.royaltyStatement.findMany({
        where: { AND: [...and, ...keyset] },
        orderBy: [{ periodStart: 'desc' }, { id: 'asc' }],
        take: q.take + 1,
        select: statementSelect,
      }),
      this.prisma.royaltyStatement.count({ where: { AND: and } }),
    ]);
    return { rows: rows.map(asStatement), total };
  }

  private columns(f: StatementFigures) {
    return {
      periodStart: day(f.periodStart),
      periodEnd: day(f.periodEnd),
      entryCount: f.entryCount,
      units: f.units,
      netSalesMinor: f.netSalesMinor,
      royaltyMinor: f.royaltyMinor,
      cumulativeRoyaltyMinor: f.cumulativeRoyaltyMinor,
      advanceRecoupedMinor: f.advanceRecoupedMinor,
      advanceRemainingMinor: f.advanceRemainingMinor,
      minimumGuaranteeShortfallMinor: f.minimumGuaranteeShortfallMinor,
      amountPayableMinor: f.amountPayableMinor,
    };
  }
}
