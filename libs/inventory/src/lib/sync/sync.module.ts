import { Module } from '@nestjs/common';
import { StockSyncService } from './application/stock-sync.service';
import { StockWebhooksService } from './application/stock-webhooks.service';
import { SYNC_CONFIG, syncConfigFromEnv } from './application/sync-config';
import { WarehouseFeedsService } from './application/warehouse-feeds.service';
import { StockSyncResolver } from './graphql/stock-sync.resolver';
import { StockSyncRepository } from './infrastructure/stock-sync.repository';
import { StockWebhookRepository } from './infrastructure/stock-webhook.repository';
import { CollectStockChangesHandler, DeliverStockWebhookHandler, ScheduleWarehouseFeedsHandler, SyncWarehouseFeedHandler } from './jobs/stock-sync.handlers';

const core = [{ provide: SYNC_CONFIG, useFactory: () => syncConfigFromEnv() }, StockSyncRepository, StockWebhookRepository];

/** Warehouse feeds, sync runs and the stock webhook over GraphQL (apps/api). */
@Module({ providers: [...core, WarehouseFeedsService, StockWebhooksService, StockSyncResolver] })
export class InventorySyncModule {}

/** The sync and webhook jobs (apps/worker). */
@Module({
  providers: [...core, StockSyncService, StockWebhooksService, SyncWarehouseFeedHandler, ScheduleWarehouseFeedsHandler, CollectStockChangesHandler, DeliverStockWebhookHandler],
  exports: [StockSyncService, StockWebhooksService],
})
export class InventorySyncJobsModule {}
