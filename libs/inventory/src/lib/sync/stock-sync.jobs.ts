import { defineJob, defineQueue, defineSchedule, type JobSchedule } from '@vitrine/shared/jobs';
import { syncConfigFromEnv } from './application/sync-config';

export const warehouseSyncQueue = defineQueue('warehouse-sync', { concurrency: 2 });
export const stockWebhooksQueue = defineQueue('stock-webhooks', { concurrency: 20 });

/** Reads one feed (its URL, or the uploaded document) and reconciles it with stock. */
export const syncWarehouseFeedJob = defineJob<{ runId: string }>({ queue: warehouseSyncQueue, name: 'sync-warehouse-feed', jobId: (p) => `sync-warehouse-feed.${p.runId}`, attempts: 5, backoffMs: 5_000 });
/** Starts a run for every feed whose schedule is due. */
export const scheduleWarehouseFeedsJob = defineJob<{ scope: string }>({ queue: warehouseSyncQueue, name: 'schedule-warehouse-feeds', jobId: () => 'schedule-warehouse-feeds', attempts: 3 });
/** Turns recorded marketplace stock changes into webhook deliveries. */
export const collectStockChangesJob = defineJob<{ scope: string }>({ queue: stockWebhooksQueue, name: 'collect-stock-changes', jobId: () => 'collect-stock-changes', attempts: 3 });
/** POSTs one delivery to the museum's endpoint, signed; retried with backoff. */
export const deliverStockWebhookJob = defineJob<{ deliveryId: string }>({
  queue: stockWebhooksQueue,
  name: 'deliver-stock-webhook',
  jobId: (p) => `deliver-stock-webhook.${p.deliveryId}`,
  attempts: 8,
  // 5 s, 10 s, 20 s … about 10 minutes in all (STOCK_WEBHOOK_BACKOFF_MS: the first delay).
  backoffMs: Number(process.env['STOCK_WEBHOOK_BACKOFF_MS'] ?? 5_000),
});

export const inventorySyncJobs = [syncWarehouseFeedJob, scheduleWarehouseFeedsJob, collectStockChangesJob, deliverStockWebhookJob];

export function inventorySyncSchedules(env: NodeJS.ProcessEnv = process.env): JobSchedule[] {
  const c = syncConfigFromEnv(env);
  return [defineSchedule(scheduleWarehouseFeedsJob, { scope: 'all' }, { every: c.scanEveryMs }), defineSchedule(collectStockChangesJob, { scope: 'all' }, { every: c.collectEveryMs })];
}
