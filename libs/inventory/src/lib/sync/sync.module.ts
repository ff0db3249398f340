import { Module } from '@nestjs/common';
import { StockSyncService } from './application/stock-sync.service';
import { StockWebhooksService } from './application/stock-webhooks.service';
import { SYNC_CONFIG, syncConfigFromEnv } from './application/sync-config';
import { WarehouseFeedsService } from './application/warehouse-feeds.service';
import { StockSyncResolver } from './graphql/stock-sync.resolver';
import { StockSyncRepository } from './infrastructure/stock-sync.repository';
import { StockWebhookRepository } from './infrastructure/stock-webhook.repository';
import { CollectStockChangesHandler, DeliverStockWebhookHandler, ScheduleWarehouseFeedsHandler, SyncWarehouseFeedHandler } from './jobs/stock-sync.handlers';

/**
 * Warehouse sync's settings, repositories and the stock webhook's service, without GraphQL or
 * jobs: what the API module (InventorySyncModule) and the worker's (InventorySyncJobsModule)
 * build on, so neither builds the other's classes.
 */
@Module({
  providers: [{ provide: SYNC_CONFIG, useFactory: () => syncConfigFromEnv() }, StockSyncRepository, StockWebhookRepository, StockWebhooksService],
  exports: [SYNC_CONFIG, StockSyncRepository, StockWebhookRepository, StockWebhooksService],
})
export class InventorySyncCoreModule {}

/** Warehouse feeds, sync runs and the stock webhook over GraphQL (apps/api). */
@Module({ imports: [InventorySyncCoreModule], providers: [WarehouseFeedsService, StockSyncResolver], exports: [InventorySyncCoreModule] })
export class InventorySyncModule {}

/** The sync and webhook jobs (apps/worker). */
@Module({
  imports: [InventorySyncCoreModule],
  providers: [StockSyncService, SyncWarehouseFeedHandler, ScheduleWarehouseFeedsHandler, CollectStockChangesHandler, DeliverStockWebhookHandler],
  exports: [StockSyncService, InventorySyncCoreModule],
})
export class InventorySyncJobsModule {}
