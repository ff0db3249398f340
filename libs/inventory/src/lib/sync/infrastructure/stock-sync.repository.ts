import { Injectable } from '@nestjs/common';
import { CatalogReadPort } from '@vitrine/catalog';
import { PrismaService, type Prisma, type StockSyncRunStatus, type StockSyncTrigger, type Tx, type SqlTx, type WarehouseFeedFormat } from '@vitrine/shared/data-access';
import type { LevelNow, StockChange } from '../domain/reconcile';
import type { RowError } from '../domain/stock-feed';

export interface FeedRecord {
  id: string;
  museumId: string;
  name: string;
  format: WarehouseFeedFormat;
  url: string;
  everyMinutes: number;
  nextRunAt: Date;
  enabled: boolean;
  createdAt: Date;
}

export interface RunRecord {
  id: string;
  feedId: string | null;
  museumId: string;
  trigger: StockSyncTrigger;
  format: WarehouseFeedFormat;
  status: StockSyncRunStatus;
  rowsTotal: number;
  changed: number;
  unchanged: number;
  rejected: number;
  errors: RowError[];
  failure: string | null;
  queuedAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

const feedSelect = { id: true, museumId: true, name: true, format: true, url: true, everyMinutes: true, nextRunAt: true, enabled: true, createdAt: true } as const;
const runSelect = {
  id: true,
  feedId: true,
  museumId: true,
  trigger: true,
  format: true,
  status: true,
  rowsTotal: true,
  changed: true,
  unchanged: true,
  rejected: true,
  errors: true,
  failure: true,
  queuedAt: true,
  startedAt: true,
  finishedAt: true,
} as const;
const toRun = (r: Omit<RunRecord, 'errors'> & { errors: Prisma.JsonValue }): RunRecord => ({ ...r, errors: r.errors as unknown as RowError[] });

/** Data access of warehouse feeds and sync runs, and the bulk writes of a sync. No rules here. */
@Injectable()
export class StockSyncRepository {
  constructor(private readonly prisma: PrismaService) {}

  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.prisma.$transaction(work, { maxWait: 20_000, timeout: 60_000 });
  }

  createFeed(data: Omit<FeedRecord, 'id' | 'createdAt' | 'enabled'>): Promise<FeedRecord> {
    return this.prisma.warehouseFeed.create({ data, select: feedSelect });
  }

  findFeed(id: string): Promise<FeedRecord | null> {
    return this.prisma.warehouseFeed.findUnique({ where: { id }, select: feedSelect });
  }

  updateFeed(id: string, data: Partial<Pick<FeedRecord, 'name' | 'url' | 'format' | 'everyMinutes' | 'enabled' | 'nextRunAt'>>): Promise<FeedRecord> {
    return this.prisma.warehouseFeed.update({ where: { id }, data: { ...data, updatedAt: new Date() }, select: feedSelect });
  }

  feedsOf(museumId: string): Promise<FeedRecord[]> {
    return this.prisma.warehouseFeed.findMany({ where: { museumId }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: 100, select: feedSelect });
  }

  /** Feeds due now, locked so that several workers each take different ones. */
  dueFeeds(tx: SqlTx, now: Date, limit: number): Promise<FeedRecord[]> {
    return tx.$queryRaw`
      SELECT id, museum_id AS "museumId", name, format, url, every_minutes AS "everyMinutes", next_run_at AS "nextRunAt", enabled, created_at AS "createdAt"
      FROM warehouse_feeds WHERE enabled AND next_run_at <= ${now} ORDER BY next_run_at LIMIT ${limit} FOR UPDATE SKIP LOCKED`;
  }

  async scheduleNext(tx: Tx, feedId: string, nextRunAt: Date): Promise<void> {
    await tx.warehouseFeed.update({ where: { id: feedId }, data: { nextRunAt, updatedAt: new Date() }, select: { id: true } });
  }

  async createRun(tx: Tx, data: { id: string; feedId: string | null; museumId: string; trigger: StockSyncTrigger; format: WarehouseFeedFormat; upload?: string | null }): Promise<RunRecord> {
    return toRun(await tx.stockSyncRun.create({ data, select: runSelect }));
  }

  async findRun(id: string): Promise<RunRecord | null> {
    const r = await this.prisma.stockSyncRun.findUnique({ where: { id }, select: runSelect });
    return r ? toRun(r) : null;
  }

  /** Claims a queued run for this worker (false: another has it, or it already ran). */
  async startRun(id: string): Promise<{ upload: string | null; feedUrl: string | null } | null> {
    const rows = await this.prisma.$queryRaw<{ upload: string | null; feed_url: string | null }[]>`
      UPDATE stock_sync_runs r SET status = 'RUNNING', started_at = now()
      WHERE r.id = ${id}::uuid AND (r.status = 'QUEUED' OR (r.status = 'RUNNING' AND r.started_at < now() - interval '10 minutes'))
      RETURNING r.upload, (SELECT url FROM warehouse_feeds f WHERE f.id = r.feed_id) AS feed_url`;
    return rows[0] ? { upload: rows[0].upload, feedUrl: rows[0].feed_url } : null;
  }

  async finishRun(
    id: string,
    result: { status: StockSyncRunStatus; rowsTotal: number; changed: number; unchanged: number; rejected: number; errors: RowError[]; failure: string | null },
  ): Promise<void> {
    await this.prisma.stockSyncRun.update({
      where: { id },
      data: { ...result, errors: result.errors as unknown as Prisma.InputJsonArray, upload: null, finishedAt: new Date() },
      select: { id: true },
    });
  }

  async runsOf(q: { museumId: string; feedId?: string | null; take: number; after?: [string, string] | null }): Promise<{ rows: RunRecord[]; total: number }> {
    const where: Prisma.StockSyncRunWhereInput = { museumId: q.museumId, ...(q.feedId ? { feedId: q.feedId } : {}) };
    const keyset = q.after ? { OR: [{ queuedAt: { lt: new Date(q.after[0]) } }, { queuedAt: new Date(q.after[0]), id: { lt: q.after[1] } }] } : null;
    const [rows, total] = await Promise.all([
      this.prisma.stockSyncRun.findMany({ where: keyset ? { AND: [where, keyset] } : where, orderBy: [{ queuedAt: 'desc' }, { id: 'desc' }], take: q.take + 1, select: runSelect }),
      this.prisma.stockSyncRun.count({ where }),
    ]);
    return { rows: rows.map(toRun), total };
  }

  /** The museum's variants by SKU (the catalogue's table, read only here). */
  async variantsBySku(museumId: string, skus: readonly string[]): Promise<Map<string, string>> {
    if (!skus.length) return new Map();
    const rows = await this.prisma.$queryRaw<{ id: string; sku: string }[]>`
      SELECT v.id, v.sku FROM ${CatalogReadPort.variants} v WHERE v.museum_id = ${museumId}::uuid AND v.sku = ANY(${[...skus]}::text[])`;
    return new Map(rows.map((r) => [r.sku, r.id]));
  }

  async locationsByCode(museumId: string): Promise<Map<string, string>> {
    const rows = await this.prisma.stockLocation.findMany({ where: { museumId }, select: { id: true, code: true } });
    return new Map(rows.map((r) => [r.code, r.id]));
  }

  /**
   * Creates the missing levels of these (variant, location) pairs and locks them all, in the
   * (location, variant) order every stock write uses, until the transaction ends.
   */
  async lockLevels(tx: SqlTx, pairs: readonly { variantId: string; locationId: string }[]): Promise<Map<string, LevelNow>> {
    const variants = pairs.map((p) => p.variantId);
    const locations = pairs.map((p) => p.locationId);
    await tx.$executeRaw`
      INSERT INTO stock_levels (variant_id, location_id)
      SELECT v, l FROM unnest(${variants}::uuid[], ${locations}::uuid[]) AS t(v, l) ORDER BY l, v
      ON CONFLICT (variant_id, location_id) DO NOTHING`;
    const rows = await tx.$queryRaw<{ variant_id: string; location_id: string; on_hand: number; reserved: number }[]>`
      SELECT s.variant_id, s.location_id, s.on_hand, s.reserved FROM stock_levels s
      JOIN unnest(${variants}::uuid[], ${locations}::uuid[]) AS t(v, l) ON s.variant_id = t.v AND s.location_id = t.l
      ORDER BY s.location_id, s.variant_id FOR UPDATE OF s`;
    return new Map(rows.map((r) => [`${r.variant_id}:${r.location_id}`, { onHand: r.on_hand, reserved: r.reserved }]));
  }

  /** Writes the new on-hand figures and their ledger rows (one ADJUSTMENT each). */
  async applyChanges(tx: SqlTx, runId: string, changes: readonly StockChange[]): Promise<void> {
    if (!changes.length) return;
    await tx.$executeRaw`
      UPDATE stock_levels s SET on_hand = c.after, updated_at = now()
      FROM unnest(${changes.map((c) => c.variantId)}::uuid[], ${changes.map((c) => c.locationId)}::uuid[], ${changes.map((c) => c.after)}::int[]) AS c(v, l, after)
      WHERE s.variant_id = c.v AND s.location_id = c.l`;
    await tx.$executeRaw`
      INSERT INTO stock_movements (variant_id, location_id, kind, on_hand_delta, reserved_delta, reference, note)
      SELECT v, l, 'ADJUSTMENT', d, 0, ${`stock-sync:${runId}`}, 'warehouse feed line ' || n
      FROM unnest(${changes.map((c) => c.variantId)}::uuid[], ${changes.map((c) => c.locationId)}::uuid[], ${changes.map((c) => c.after - c.before)}::int[], ${changes.map((c) => c.line)}::int[]) AS t(v, l, d, n)`;
  }
}
