// Warehouse stock sync (feeds in) and the stock webhook (changes out).
export { InventorySyncCoreModule, InventorySyncModule, InventorySyncJobsModule } from './sync.module';
export { inventorySyncJobs, inventorySyncSchedules, syncWarehouseFeedJob, deliverStockWebhookJob } from './stock-sync.jobs';
export { StockSyncService, type SyncReport } from './application/stock-sync.service';
export { StockWebhooksService } from './application/stock-webhooks.service';
export { WarehouseFeedsService } from './application/warehouse-feeds.service';
export { SIGNATURE_HEADER, signWebhook, verifyWebhook } from './domain/webhook-signature';
