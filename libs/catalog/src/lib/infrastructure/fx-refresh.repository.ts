import { Injectable } from '@nestjs/common';
import { PrismaService, type FxRefreshStatus, type Prisma, type Tx } from '@vitrine/shared/data-access';

export interface FxRefreshRunRow {
  id: string;
  source: string;
  status: FxRefreshStatus;
  base: string;
  quote: string;
  rate: string | null;
  referenceDate: string | null;
  error: string | null;
  startedAt: Date;
  finishedAt: Date;
  acknowledgedAt: Date | null;
}

const runSelect = { id: true, source: true, status: true, base: true, quote: true, rate: true, referenceDate: true, error: true, startedAt: true, finishedAt: true, acknowledgedAt: true } as const;
type Row = Omit<FxRefreshRunRow, 'rate'> & { rate: { toFixed(): string } | null };
const toRun = (r: Row): FxRefreshRunRow => ({ ...r, rate: r.rate ? r.rate.toFixed() : null });

/**
 * The FX refresh's own writes: rates into the catalogue's fx_rates table (rows only added,
 * never changed, as the catalogue reads them) and the refresh runs the operator sees.
 */
@Injectable()
export class FxRefreshRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Serialises refreshes (several workers, a manual refresh during the scheduled one). */
  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.prisma.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('vitrine:fx-refresh'))`;
      return work(tx);
    });
  }

  async latest(tx: Tx, base: string, quote: string): Promise<{ rate: string; source: string; effectiveAt: Date } | null> {
    const row = await tx.fxRate.findFirst({ where: { base, quote }, orderBy: [{ effectiveAt: 'desc' }, { createdAt: 'desc' }], select: { rate: true, source: true, effectiveAt: true } });
    return row ? { rate: row.rate.toFixed(), source: row.source, effectiveAt: row.effectiveAt } : null;
  }

  async insertRate(tx: Tx, data: { base: string; quote: string; rate: string; source: string; effectiveAt: Date }): Promise<void> {
    await tx.fxRate.create({ data, select: { id: true } });
  }

  async recordRun(data: Omit<FxRefreshRunRow, 'id' | 'finishedAt' | 'acknowledgedAt'>, tx: Tx = this.prisma): Promise<FxRefreshRunRow> {
    return toRun(await tx.fxRefreshRun.create({ data, select: runSelect }));
  }

  async list(q: { status?: FxRefreshStatus; unacknowledged?: boolean; take: number; after?: [string, string] | null }): Promise<{ rows: FxRefreshRunRow[]; total: number }> {
    const where: Prisma.FxRefreshRunWhereInput = { ...(q.status ? { status: q.status } : {}), ...(q.unacknowledged ? { acknowledgedAt: null } : {}) };
    const keyset = q.after ? { OR: [{ startedAt: { lt: new Date(q.after[0]) } }, { startedAt: new Date(q.after[0]), id: { lt: q.after[1] } }] } : null;
    const [rows, total] = await Promise.all([
      this.prisma.fxRefreshRun.findMany({ where: keyset ? { AND: [where, keyset] } : where, orderBy: [{ startedAt: 'desc' }, { id: 'desc' }], take: q.take + 1, select: runSelect }),
      this.prisma.fxRefreshRun.count({ where }),
    ]);
    return { rows: rows.map(toRun), total };
  }

  /** Marks a failed run seen; returns the run (null when there is none). */
  async acknowledge(id: string, userId: string): Promise<FxRefreshRunRow | null> {
    await this.prisma.fxRefreshRun.updateMany({ where: { id, status: 'FAILED', acknowledgedAt: null }, data: { acknowledgedAt: new Date(), acknowledgedBy: userId } });
    const row = await this.prisma.fxRefreshRun.findUnique({ where: { id }, select: runSelect });
    return row ? toRun(row) : null;
  }
}
