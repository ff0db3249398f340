import { Injectable } from '@nestjs/common';
import { HandlesJob, type JobContext, type JobHandler } from '@vitrine/shared/jobs';
import { StockSyncService } from '../application/stock-sync.service';
import { StockWebhooksService } from '../application/stock-webhooks.service';
import { collectStockChangesJob, deliverStockWebhookJob, scheduleWarehouseFeedsJob, syncWarehouseFeedJob } from '../stock-sync.jobs';

@Injectable()
@HandlesJob(syncWarehouseFeedJob)
export class SyncWarehouseFeedHandler implements JobHandler<{ runId: string }> {
  constructor(private readonly sync: StockSyncService) {}

  handle(p: { runId: string }) {
    return this.sync.run(p.runId);
  }
}

@Injectable()
@HandlesJob(scheduleWarehouseFeedsJob)
export class ScheduleWarehouseFeedsHandler implements JobHandler {
  constructor(private readonly sync: StockSyncService) {}

  async handle() {
    return { started: await this.sync.scheduleDue() };
  }
}

@Injectable()
@HandlesJob(collectStockChangesJob)
export class CollectStockChangesHandler implements JobHandler {
  constructor(private readonly webhooks: StockWebhooksService) {}

  handle() {
    return this.webhooks.collect();
  }
}

@Injectable()
@HandlesJob(deliverStockWebhookJob)
export class DeliverStockWebhookHandler implements JobHandler<{ deliveryId: string }> {
  constructor(private readonly webhooks: StockWebhooksService) {}

  handle(p: { deliveryId: string }, ctx: JobContext) {
    return this.webhooks.deliver(p.deliveryId, ctx);
  }
}
