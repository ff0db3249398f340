import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { z } from 'zod';
import { NotFoundError, validate, canManageMuseum, type Actor } from '@vitrine/shared/kernel';
import { enqueueJob } from '@vitrine/shared/jobs';
import { StockSyncRepository, type FeedRecord, type RunRecord } from '../infrastructure/stock-sync.repository';
import { syncWarehouseFeedJob } from '../stock-sync.jobs';
import { SYNC_CONFIG, type SyncConfig } from './sync-config';

const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

/**
 * A museum manager's warehouse connections: feeds fetched on a schedule, one-off uploads,
 * and the runs with their counts and rejected rows. Their museums only; another museum's
 * feed or run answers NOT_FOUND.
 */
@Injectable()
export class WarehouseFeedsService {
  constructor(
    private readonly repo: StockSyncRepository,
    @Inject(SYNC_CONFIG) private readonly config: SyncConfig,
  ) {}

  private get feedSchema() {
    return z.object({
      museumId: z.string().uuid(),
      name: z.string().trim().min(1).max(120),
      format: z.enum(['CSV', 'JSON']),
      url: z.string().trim().url().max(2_000).refine((u) => /^https?:\/\//i.test(u), 'must be an http or https URL'),
      everyMinutes: z.number().int().min(this.config.minEveryMinutes).max(7 * 24 * 60),
    });
  }

  async connect(actor: Actor, input: unknown): Promise<FeedRecord> {
    const v = validate(this.feedSchema, input);
    if (!canManageMuseum(actor, v.museumId)) throw new NotFoundError('Museum');
    return this.repo.createFeed({ ...v, nextRunAt: new Date() });
  }

  async update(actor: Actor, input: unknown): Promise<FeedRecord> {
    const v = validate(this.feedSchema.omit({ museumId: true }).partial().extend({ id: z.string().uuid(), enabled: z.boolean().optional() }), input);
    await this.managed(actor, v.id);
    const { id, ...changes } = v;
    return this.repo.updateFeed(id, changes);
  }

  async feeds(actor: Actor, museumId: string): Promise<FeedRecord[]> {
    if (!canManageMuseum(actor, museumId)) throw new NotFoundError('Museum');
    return this.repo.feedsOf(museumId);
  }

  /** Fetches and reconciles a feed now, outside its schedule. */
  async runNow(actor: Actor, feedId: string): Promise<RunRecord> {
    const feed = await this.managed(actor, feedId);
    return this.repo.transaction(async (tx) => {
      const run = await this.repo.createRun(tx, { id: randomUUID(), feedId: feed.id, museumId: feed.museumId, trigger: 'MANUAL', format: feed.format });
      await enqueueJob(tx, syncWarehouseFeedJob, { runId: run.id });
      return run;
    });
  }

  /** A one-off document (CSV or JSON text), reconciled by the worker like a fetched feed. */
  async upload(actor: Actor, input: unknown): Promise<RunRecord> {
    const v = validate(
      z.object({ museumId: z.string().uuid(), format: z.enum(['CSV', 'JSON']), content: z.string().min(1).max(MAX_UPLOAD_BYTES, 'is larger than 5 MB: connect a feed URL instead') }),
      input,
    );
    if (!canManageMuseum(actor, v.museumId)) throw new NotFoundError('Museum');
    return this.repo.transaction(async (tx) => {
      const run = await this.repo.createRun(tx, { id: randomUUID(), feedId: null, museumId: v.museumId, trigger: 'UPLOAD', format: v.format, upload: v.content });
      await enqueueJob(tx, syncWarehouseFeedJob, { runId: run.id });
      return run;
    });
  }

  async runs(actor: Actor, q: { museumId: string; feedId?: string | null; take: number; after?: [string, string] | null }) {
    if (!canManageMuseum(actor, q.museumId)) throw new NotFoundError('Museum');
    return this.repo.runsOf(q);
  }

  async run(actor: Actor, runId: string): Promise<RunRecord> {
    const run = await this.repo.findRun(runId);
    if (!run || !canManageMuseum(actor, run.museumId)) throw new NotFoundError('Stock sync run');
    return run;
  }

  private async managed(actor: Actor, feedId: string): Promise<FeedRecord> {
    const feed = await this.repo.findFeed(feedId);
    if (!feed || !canManageMuseum(actor, feed.museumId)) throw new NotFoundError('Warehouse feed');
    return feed;
  }
}
