import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, PageArgs, Roles, pageSize, timeCursor, toPage, type Actor } from '@vitrine/shared/graphql';
import { NotFoundError, isUuid } from '@vitrine/shared/kernel';
import { StockWebhooksService } from '../application/stock-webhooks.service';
import { WarehouseFeedsService } from '../application/warehouse-feeds.service';
import type { DeliveryRecord, WebhookRecord } from '../infrastructure/stock-webhook.repository';
import {
  ConfigureStockWebhookInput,
  ConfiguredStockWebhookType,
  ConnectWarehouseFeedInput,
  StockSyncRunPage,
  StockSyncRunType,
  StockWebhookDeliveryPage,
  StockWebhookType,
  UpdateWarehouseFeedInput,
  UploadStockFeedInput,
  WarehouseFeedType,
} from './stock-sync.types';

const id = (value: string | null | undefined, entity: string): string => {
  if (!isUuid(value)) throw new NotFoundError(entity);
  return value;
};
const publicWebhook = (w: WebhookRecord): StockWebhookType => ({ museumId: w.museumId, url: w.url, enabled: w.enabled, createdAt: w.createdAt, updatedAt: w.updatedAt });
const delivery = (d: DeliveryRecord) => ({ ...d, levelCount: Array.isArray((d.payload as { levels?: unknown[] } | null)?.levels) ? (d.payload as { levels: unknown[] }).levels.length : 0 });

/** Warehouse stock sync and the outbound stock webhook, for museum managers (their museums) and operators. */
@Roles('PLATFORM_ADMIN', 'MUSEUM_MANAGER')
@Resolver()
export class StockSyncResolver {
  constructor(
    private readonly feeds: WarehouseFeedsService,
    private readonly webhooks: StockWebhooksService,
  ) {}

  @Query(() => [WarehouseFeedType])
  warehouseFeeds(@CurrentActor() actor: Actor, @Args('museumId', { type: () => ID }) museumId: string) {
    return this.feeds.feeds(actor, id(museumId, 'Museum'));
  }

  @Mutation(() => WarehouseFeedType, { description: 'Connects a feed URL; the worker fetches and reconciles it every everyMinutes (first run now).' })
  connectWarehouseFeed(@CurrentActor() actor: Actor, @Args('input') input: ConnectWarehouseFeedInput) {
    return this.feeds.connect(actor, input);
  }

  @Mutation(() => WarehouseFeedType)
  updateWarehouseFeed(@CurrentActor() actor: Actor, @Args('input') input: UpdateWarehouseFeedInput) {
    return this.feeds.update(actor, input);
  }

  @Mutation(() => StockSyncRunType, { description: 'Fetches and reconciles a connected feed now.' })
  runWarehouseFeed(@CurrentActor() actor: Actor, @Args('feedId', { type: () => ID }) feedId: string) {
    return this.feeds.runNow(actor, id(feedId, 'Warehouse feed'));
  }

  @Mutation(() => StockSyncRunType, { description: 'Reconciles an uploaded document once (the run is queued; follow it with stockSyncRun).' })
  uploadStockFeed(@CurrentActor() actor: Actor, @Args('input') input: UploadStockFeedInput) {
    return this.feeds.upload(actor, input);
  }

  @Query(() => StockSyncRunPage, { description: 'Sync runs of a museum, newest first.' })
  async stockSyncRuns(@CurrentActor() actor: Actor, @Args('museumId', { type: () => ID }) museumId: string, @Args() args: PageArgs, @Args('feedId', { type: () => ID, nullable: true }) feedId?: string) {
    const take = pageSize(args.first);
    const { rows, total } = await this.feeds.runs(actor, { museumId: id(museumId, 'Museum'), feedId: feedId ? id(feedId, 'Warehouse feed') : null, take, after: timeCursor(args.after) });
    return toPage(rows, take, total, (r) => [r.queuedAt.toISOString(), r.id]);
  }

  @Query(() => StockSyncRunType)
  stockSyncRun(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) runId: string) {
    return this.feeds.run(actor, id(runId, 'Stock sync run'));
  }

  @Query(() => StockWebhookType, { nullable: true })
  async stockWebhook(@CurrentActor() actor: Actor, @Args('museumId', { type: () => ID }) museumId: string) {
    const w = await this.webhooks.get(actor, id(museumId, 'Museum'));
    return w ? publicWebhook(w) : null;
  }

  @Mutation(() => ConfiguredStockWebhookType, { description: 'Sets the endpoint stock changes are pushed to, with a new signing secret.' })
  async configureStockWebhook(@CurrentActor() actor: Actor, @Args('input') input: ConfigureStockWebhookInput) {
    const w = await this.webhooks.configure(actor, input);
    return { webhook: publicWebhook(w), secret: w.secret };
  }

  @Mutation(() => Boolean)
  disableStockWebhook(@CurrentActor() actor: Actor, @Args('museumId', { type: () => ID }) museumId: string) {
    return this.webhooks.disable(actor, id(museumId, 'Museum'));
  }

  @Query(() => StockWebhookDeliveryPage)
  async stockWebhookDeliveries(@CurrentActor() actor: Actor, @Args('museumId', { type: () => ID }) museumId: string, @Args() args: PageArgs) {
    const take = pageSize(args.first);
    const { rows, total } = await this.webhooks.deliveries(actor, { museumId: id(museumId, 'Museum'), take, after: timeCursor(args.after) });
    const page = toPage(rows, take, total, (r) => [r.createdAt.toISOString(), r.id]);
    return { ...page, nodes: page.nodes.map(delivery) };
  }
}
