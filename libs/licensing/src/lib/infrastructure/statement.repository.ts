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
   * Writes the statements of `period` for these agreements, once, in one transaction and a
   * handful of round trips whatever their number: locks the agreements (in id order, so two
   * runs queue rather than deadlock), re-reads which already have this or a later month's
   * statement and skips them, inserts the others, then claims every unreported entry up to
   * the month with one UPDATE … RETURNING, so each statement adds up exactly to the entries
   * it marks. `compute` turns (prior cumulative royalty, entry totals) into the figures.
   */
  async createMany(
    period: IsoDate,
    agreements: readonly StatementAgreement[],
    compute: (agreement: StatementAgreement, priorCumulativeRoyaltyMinor: number, totals: EntryTotals) => StatementFigures,
  ): Promise<{ created: number; skipped: number }> {
    if (!agreements.length) return { created: 0, skipped: 0 };
    const start = day(period);
    return this.prisma.$transaction(
      async (tx) => {
        const ids = [...agreements.map((a) => a.id)].sort();
        await tx.$queryRaw`SELECT id FROM licence_agreements WHERE id = ANY(${ids}::uuid[]) ORDER BY id FOR UPDATE`;
        const done = new Set(
          (await tx.$queryRaw<{ id: string }[]>`
            SELECT DISTINCT agreement_id::text AS id FROM royalty_statements WHERE agreement_id = ANY(${ids}::uuid[]) AND period_start >= ${start}::date`).map((r) => r.id),
        );
        const todo = agreements.filter((a) => !done.has(a.id));
        if (!todo.length) return { created: 0, skipped: agreements.length };
        const todoIds = todo.map((a) => a.id);
        const prior = new Map(
          (
            await tx.$queryRaw<{ id: string; cumulative: number }[]>`
              SELECT DISTINCT ON (agreement_id) agreement_id::text AS id, cumulative_royalty_minor AS cumulative
                FROM royalty_statements WHERE agreement_id = ANY(${todoIds}::uuid[]) AND period_start < ${start}::date
               ORDER BY agreement_id, period_start DESC`
          ).map((r) => [r.id, r.cumulative]),
        );
        const zero: EntryTotals = { entryCount: 0, units: 0, netSalesMinor: 0, royaltyMinor: 0 };
        const periodEnd = compute(todo[0]!, 0, zero).periodEnd;
        const inserted = await tx.$queryRaw<{ id: string; agreementId: string }[]>`
          INSERT INTO royalty_statements (id, agreement_id, museum_id, brand_id, period_start, period_end, currency, entry_count, units, net_sales_minor,
                                          royalty_minor, cumulative_royalty_minor, advance_recouped_minor, advance_remaining_minor,
                                          minimum_guarantee_shortfall_minor, amount_payable_minor)
          SELECT gen_random_uuid(), a.id, a.museum_id, a.brand_id, ${start}::date, ${day(periodEnd)}::date, a.currency, 0, 0, 0, 0, 0, 0, 0, 0, 0
            FROM unnest(${todoIds}::uuid[], ${todo.map((a) => a.museumId)}::uuid[], ${todo.map((a) => a.brandId)}::uuid[], ${todo.map((a) => a.currency)}::char(3)[])
                 AS a(id, museum_id, brand_id, currency)
          RETURNING id::text AS id, agreement_id::text AS "agreementId"`;
        const sums = new Map(
          (
            await tx.$queryRaw<{ agreementId: string; entryCount: number; units: bigint; netSalesMinor: bigint; royaltyMinor: bigint }[]>`
              WITH claimed AS (
                UPDATE royalty_ledger_entries e SET statement_id = s.id
                  FROM royalty_statements s
                 WHERE s.agreement_id = ANY(${todoIds}::uuid[]) AND s.period_start = ${start}::date
                   AND e.agreement_id = s.agreement_id AND e.statement_id IS NULL AND e.period_start <= ${start}::date
                RETURNING e.agreement_id, e.units, e.net_sales_minor, e.royalty_minor)
              SELECT agreement_id::text AS "agreementId", count(*)::int AS "entryCount", sum(units)::bigint AS units,
                     sum(net_sales_minor)::bigint AS "netSalesMinor", sum(royalty_minor)::bigint AS "royaltyMinor"
                FROM claimed GROUP BY agreement_id`
          ).map((r) => [r.agreementId, { entryCount: r.entryCount, units: Number(r.units), netSalesMinor: Number(r.netSalesMinor), royaltyMinor: Number(r.royaltyMinor) }]),
        );
        const byAgreement = new Map(todo.map((a) => [a.id, a]));
        const figures = inserted.map((row) => ({ id: row.id, f: compute(byAgreement.get(row.agreementId)!, prior.get(row.agreementId) ?? 0, sums.get(row.agreementId) ?? zero) }));
        const col = (k: keyof StatementFigures) => figures.map((x) => x.f[k] as number);
        await tx.$executeRaw`
          UPDATE royalty_statements s SET entry_count = f.entry_count, units = f.units, net_sales_minor = f.net_sales_minor, royalty_minor = f.royalty_minor,
                 cumulative_royalty_minor = f.cumulative, advance_recouped_minor = f.recouped, advance_remaining_minor = f.remaining,
                 minimum_guarantee_shortfall_minor = f.shortfall, amount_payable_minor = f.payable
            FROM unnest(${figures.map((x) => x.id)}::uuid[], ${col('entryCount')}::int[], ${col('units')}::int[], ${col('netSalesMinor')}::int[], ${col('royaltyMinor')}::int[],
                        ${col('cumulativeRoyaltyMinor')}::int[], ${col('advanceRecoupedMinor')}::int[], ${col('advanceRemainingMinor')}::int[],
                        ${col('minimumGuaranteeShortfallMinor')}::int[], ${col('amountPayableMinor')}::int[])
                 AS f(id, entry_count, units, net_sales_minor, royalty_minor, cumulative, recouped, remaining, shortfall, payable)
           WHERE s.id = f.id`;
        return { created: inserted.length, skipped: agreements.length - inserted.length };
      },
      { timeout: 10 * 60_000, maxWait: 30_000 },
    );
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
