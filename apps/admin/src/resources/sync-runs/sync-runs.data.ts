import { gql } from '../../api/graphql';
import { pager, type CursorPage, type FetchPage } from '../../data/cursor-pager';
import { cursorList, PAGE_INFO, type ResourceHandler } from '../../data/resource-handler';
import { getCurrentMuseumId, requireMuseumId } from '../../museum/current-museum';

// Warehouse stock sync (libs/inventory sync): feeds fetched on a schedule or uploaded once,
// each run reconciled by the worker, rejected rows kept with their line numbers.

export type FeedFormat = 'CSV' | 'JSON';
export interface WarehouseFeedRecord {
  id: string;
  museumId: string;
  name: string;
  format: FeedFormat;
  url: string;
  everyMinutes: number;
  nextRunAt: string;
  enabled: boolean;
  createdAt: string;
}
export interface SyncRunRecord {
  id: string;
  museumId: string;
  feedId: string | null;
  trigger: 'SCHEDULE' | 'MANUAL' | 'UPLOAD';
  format: FeedFormat;
  status: 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'PARTIAL' | 'FAILED';
  rowsTotal: number;
  changed: number;
  unchanged: number;
  rejected: number;
  failure: string | null;
  queuedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  errors?: { line: number; sku: string | null; location: string | null; code: string; message: string }[];
}
export interface StockWebhookRecord {
  museumId: string;
  url: string;
  enabled: boolean;
  createdAt: string;
  updatedAt: string;
}
export interface WebhookDeliveryRecord {
  id: string;
  status: 'PENDING' | 'DELIVERED' | 'FAILED';
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  levelCount: number;
  createdAt: string;
  deliveredAt: string | null;
}

const FEED = 'id museumId name format url everyMinutes nextRunAt enabled createdAt';
const RUN = 'id museumId feedId trigger format status rowsTotal changed unchanged rejected failure queuedAt startedAt finishedAt';
const RUN_DETAIL = `${RUN} errors { line sku location code message }`;
const WEBHOOK = 'museumId url enabled createdAt updatedAt';

const runsOf =
  (museumId: string, feedId: string | null): FetchPage<SyncRunRecord> =>
  async (first, after, idsOnly) => {
    const r = await gql<{ stockSyncRuns: CursorPage<SyncRunRecord> }>(
      `query StockSyncRuns($museumId: ID!, $feedId: ID, $first: Int, $after: String) {
        stockSyncRuns(museumId: $museumId, feedId: $feedId, first: $first, after: $after) { nodes { ${idsOnly ? 'id' : RUN} } ${PAGE_INFO} } }`,
      { museumId, feedId, first, after },
    );
    return r.stockSyncRuns;
  };

export const syncRunsData: ResourceHandler = {
  getList: (params) => {
    const museumId = getCurrentMuseumId();
    if (!museumId) return Promise.resolve({ data: [], total: 0 });
    const feedId = (params.filter?.feedId as string | undefined) || null;
    return cursorList('syncRuns', params, { museumId, feedId }, runsOf(museumId, feedId));
  },
  getOne: async ({ id }) => ({
    data: (await gql<{ stockSyncRun: SyncRunRecord }>(`query StockSyncRun($id: ID!) { stockSyncRun(id: $id) { ${RUN_DETAIL} } }`, { id })).stockSyncRun,
  }),
};

export async function warehouseFeeds(museumId: string): Promise<WarehouseFeedRecord[]> {
  return (await gql<{ warehouseFeeds: WarehouseFeedRecord[] }>(`query WarehouseFeeds($museumId: ID!) { warehouseFeeds(museumId: $museumId) { ${FEED} } }`, { museumId }))
    .warehouseFeeds;
}

export interface FeedInput {
  name: string;
  format: FeedFormat;
  url: string;
  everyMinutes: number;
}
export async function connectWarehouseFeed(input: FeedInput): Promise<WarehouseFeedRecord> {
  const r = await gql<{ connectWarehouseFeed: WarehouseFeedRecord }>(
    `mutation ConnectWarehouseFeed($input: ConnectWarehouseFeedInput!) { connectWarehouseFeed(input: $input) { ${FEED} } }`,
    { input: { ...input, museumId: requireMuseumId() } },
  );
  pager.invalidate('syncRuns');
  return r.connectWarehouseFeed;
}

export async function setFeedEnabled(id: string, enabled: boolean): Promise<WarehouseFeedRecord> {
  return (
    await gql<{ updateWarehouseFeed: WarehouseFeedRecord }>(
      `mutation UpdateWarehouseFeed($input: UpdateWarehouseFeedInput!) { updateWarehouseFeed(input: $input) { ${FEED} } }`,
      { input: { id, enabled } },
    )
  ).updateWarehouseFeed;
}

/** Queues a run of a connected feed now. */
export async function runWarehouseFeed(feedId: string): Promise<SyncRunRecord> {
  const r = await gql<{ runWarehouseFeed: SyncRunRecord }>(`mutation RunWarehouseFeed($feedId: ID!) { runWarehouseFeed(feedId: $feedId) { ${RUN} } }`, { feedId });
  pager.invalidate('syncRuns');
  return r.runWarehouseFeed;
}

/** Queues a one-off reconciliation of an uploaded CSV or JSON document. */
export async function uploadStockFeed(format: FeedFormat, content: string): Promise<SyncRunRecord> {
  const r = await gql<{ uploadStockFeed: SyncRunRecord }>(
    `mutation UploadStockFeed($input: UploadStockFeedInput!) { uploadStockFeed(input: $input) { ${RUN} } }`,
    { input: { museumId: requireMuseumId(), format, content } },
  );
  pager.invalidate('syncRuns');
  return r.uploadStockFeed;
}

export async function stockWebhook(museumId: string): Promise<{ webhook: StockWebhookRecord | null; deliveries: WebhookDeliveryRecord[] }> {
  const r = await gql<{ stockWebhook: StockWebhookRecord | null; stockWebhookDeliveries: { nodes: WebhookDeliveryRecord[] } }>(
    `query StockWebhook($museumId: ID!) { stockWebhook(museumId: $museumId) { ${WEBHOOK} }
      stockWebhookDeliveries(museumId: $museumId, first: 5) { nodes { id status attempts lastStatusCode lastError levelCount createdAt deliveredAt } } }`,
    { museumId },
  );
  return { webhook: r.stockWebhook, deliveries: r.stockWebhookDeliveries.nodes };
}

/** Sets the endpoint; answers the signing secret, shown this once. */
export async function configureStockWebhook(url: string): Promise<{ secret: string; webhook: StockWebhookRecord }> {
  return (
    await gql<{ configureStockWebhook: { secret: string; webhook: StockWebhookRecord } }>(
      `mutation ConfigureStockWebhook($input: ConfigureStockWebhookInput!) { configureStockWebhook(input: $input) { secret webhook { ${WEBHOOK} } } }`,
      { input: { museumId: requireMuseumId(), url } },
    )
  ).configureStockWebhook;
}

export async function disableStockWebhook(): Promise<void> {
  await gql(`mutation DisableStockWebhook($museumId: ID!) { disableStockWebhook(museumId: $museumId) }`, { museumId: requireMuseumId() });
}
