import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { StockSyncRunStatus } from '@vitrine/shared/data-access';
import { enqueueJob } from '@vitrine/shared/jobs';
import { reconcile, resolveRows } from '../domain/reconcile';
import { FeedFormatError, parseStockFeed, type RowError } from '../domain/stock-feed';
import { FeedFetchError, FeedFetcher } from '../infrastructure/feed-fetcher';
import { StockSyncRepository } from '../infrastructure/stock-sync.repository';
import { syncWarehouseFeedJob } from '../stock-sync.jobs';
import { SYNC_CONFIG, type SyncConfig } from './sync-config';

const MAX_STORED_ERRORS = 1_000;

export interface SyncReport {
  runId: string;
  status: StockSyncRunStatus | 'SKIPPED';
  rowsTotal: number;
  changed: number;
  unchanged: number;
  rejected: number;
}

/**
 * Reconciles a warehouse feed with marketplace stock. The count from the warehouse becomes
 * on hand (never below what open orders hold); each change is one ADJUSTMENT in the ledger
 * (reference stock-sync:<run>, note with the feed line) in the transaction that changes the
 * level. Rows are applied in slices of a few thousand, each slice locking its levels in
 * the order every stock write uses, so checkouts are only ever briefly delayed. A run is
 * idempotent: counts are absolute, so running a feed again changes nothing more.
 */
@Injectable()
export class StockSyncService {
  private readonly logger = new Logger(StockSyncService.name);
  private readonly fetcher: FeedFetcher;

  constructor(
    private readonly repo: StockSyncRepository,
    @Inject(SYNC_CONFIG) private readonly config: SyncConfig,
  ) {
    this.fetcher = new FeedFetcher({ timeoutMs: config.fetchTimeoutMs, maxBytes: config.maxFeedBytes, allowPrivate: config.allowPrivateUrls });
  }

  /** Starts a run for every feed whose time has come (several workers take different feeds). */
  async scheduleDue(now = new Date()): Promise<number> {
    return this.repo.transaction(async (tx) => {
      const due = await this.repo.dueFeeds(tx, now, 100);
      for (const feed of due) {
        const run = await this.repo.createRun(tx, { id: randomUUID(), feedId: feed.id, museumId: feed.museumId, trigger: 'SCHEDULE', format: feed.format });
        await enqueueJob(tx, syncWarehouseFeedJob, { runId: run.id });
        await this.repo.scheduleNext(tx, feed.id, new Date(now.getTime() + feed.everyMinutes * 60_000));
      }
      return due.length;
    });
  }

  async run(runId: string): Promise<SyncReport> {
    const run = await this.repo.findRun(runId);
    const claimed = run ? await this.repo.startRun(runId) : null;
    if (!run || !claimed) return { runId, status: 'SKIPPED', rowsTotal: 0, changed: 0, unchanged: 0, rejected: 0 };

    let text: string;
    let parsed: ReturnType<typeof parseStockFeed>;
    try {
      if (claimed.upload !== null) text = claimed.upload;
      else if (claimed.feedUrl) text = await this.fetcher.fetch(claimed.feedUrl);
      else throw new FeedFetchError('the run has neither a feed URL nor an upload');
      parsed = parseStockFeed(run.format, text);
    } catch (error) {
      if (!(error instanceof FeedFetchError || error instanceof FeedFormatError)) throw error;
      await this.repo.finishRun(runId, { status: 'FAILED', rowsTotal: 0, changed: 0, unchanged: 0, rejected: 0, errors: [], failure: error.message });
      this.logger.warn(`stock sync run ${runId} failed: ${error.message}`);
      return { runId, status: 'FAILED', rowsTotal: 0, changed: 0, unchanged: 0, rejected: 0 };
    }

    const [variants, locations] = await Promise.all([this.repo.variantsBySku(run.museumId, [...new Set(parsed.rows.map((r) => r.sku))]), this.repo.locationsByCode(run.museumId)]);
    const { resolved, errors: unresolved } = resolveRows(parsed.rows, variants, locations);
    const errors: RowError[] = [...parsed.errors, ...unresolved];
    let changed = 0;
    let unchanged = 0;
    for (let i = 0; i < resolved.length; i += this.config.chunkSize) {
      const slice = resolved.slice(i, i + this.config.chunkSize);
      const outcome = await this.repo.transaction(async (tx) => {
        const levels = await this.repo.lockLevels(tx, slice);
        const r = reconcile(slice, levels);
        await this.repo.applyChanges(tx, runId, r.changes);
        return r;
      });
      changed += outcome.changes.length;
      unchanged += outcome.unchanged;
      errors.push(...outcome.errors);
    }
    errors.sort((a, b) => a.line - b.line);
    const rowsTotal = parsed.rows.length + parsed.errors.length;
    const status: StockSyncRunStatus = errors.length === 0 ? 'SUCCEEDED' : errors.length < rowsTotal ? 'PARTIAL' : 'FAILED';
    await this.repo.finishRun(runId, {
      status,
      rowsTotal,
      changed,
      unchanged,
      rejected: errors.length,
      errors: errors.slice(0, MAX_STORED_ERRORS),
      failure: status === 'FAILED' ? 'no row of the feed could be applied' : null,
    });
    return { runId, status, rowsTotal, changed, unchanged, rejected: errors.length };
  }
}
