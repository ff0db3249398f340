import { gql } from '../../api/graphql';
import { listQuery, pager, type FetchPage } from '../../data/cursor-pager';
import { cursorList, type ResourceHandler } from '../../data/resource-handler';
import { graphql } from '../../generated';
import type { ConnectWarehouseFeedInput, StockWebhookFieldsFragment, StockWebhookQuery, SyncRunFieldsFragment, WarehouseFeedFieldsFragment } from '../../generated/graphql';
import { getCurrentMuseumId, requireMuseumId } from '../../museum/current-museum';

// Warehouse stock sync (libs/inventory sync): feeds fetched on a schedule or uploaded once,
// each run reconciled by the worker, rejected rows kept with their line numbers.

graphql(`
  fragment WarehouseFeedFields on WarehouseFeed { id museumId name format url everyMinutes nextRunAt enabled createdAt }
`);
graphql(`
  fragment SyncRunFields on StockSyncRun {
    id
    museumId
    feedId
    trigger
    format
    status
    rowsTotal
    changed
    unchanged
    rejected
    failure
    queuedAt
    startedAt
    finishedAt
  }
`);
graphql(`
  fragment StockWebhookFields on StockWebhook { museumId url enabled createdAt updatedAt }
`);
export type WarehouseFeedRecord = WarehouseFeedFieldsFragment;
export type FeedFormat = WarehouseFeedRecord['format'];
/** `errors` (the rejected rows with their line numbers) on one run's page only. */
export type SyncRunRecord = SyncRunFieldsFragment & { errors?: { line: number; sku: string | null; location: string | null; code: string; message: string }[] };
export type StockWebhookRecord = StockWebhookFieldsFragment;
export type WebhookDeliveryRecord = StockWebhookQuery['stockWebhookDeliveries']['nodes'][number];

const STOCK_SYNC_RUNS = graphql(`
  query StockSyncRuns($museumId: ID!, $feedId: ID, $first: Int, $after: String, $full: Boolean!) {
    stockSyncRuns(museumId: $museumId, feedId: $feedId, first: $first, after: $after) {
      nodes { id ...SyncRunFields @include(if: $full) }
      pageInfo { endCursor hasNextPage }
      totalCount
    }
  }
`);
const STOCK_SYNC_RUN = graphql(`
  query StockSyncRun($id: ID!) { stockSyncRun(id: $id) { ...SyncRunFields errors { line sku location code message } } }
`);
const WAREHOUSE_FEEDS = graphql(`
  query WarehouseFeeds($museumId: ID!) { warehouseFeeds(museumId: $museumId) { ...WarehouseFeedFields } }
`);
const CONNECT_WAREHOUSE_FEED = graphql(`
  mutation ConnectWarehouseFeed($input: ConnectWarehouseFeedInput!) { connectWarehouseFeed(input: $input) { ...WarehouseFeedFields } }
`);
const UPDATE_WAREHOUSE_FEED = graphql(`
  mutation UpdateWarehouseFeed($input: UpdateWarehouseFeedInput!) { updateWarehouseFeed(input: $input) { ...WarehouseFeedFields } }
`);
const RUN_WAREHOUSE_FEED = graphql(`
  mutation RunWarehouseFeed($feedId: ID!) { runWarehouseFeed(feedId: $feedId) { ...SyncRunFields } }
`);
const UPLOAD_STOCK_FEED = graphql(`
  mutation UploadStockFeed($input: UploadStockFeedInput!) { uploadStockFeed(input: $input) { ...SyncRunFields } }
`);
const STOCK_WEBHOOK = graphql(`
  query StockWebhook($museumId: ID!) {
    stockWebhook(museumId: $museumId) { ...StockWebhookFields }
    stockWebhookDeliveries(museumId: $museumId, first: 5) { nodes { id status attempts lastStatusCode lastError levelCount createdAt deliveredAt } }
  }
`);
const CONFIGURE_STOCK_WEBHOOK = graphql(`
  mutation ConfigureStockWebhook($input: ConfigureStockWebhookInput!) { configureStockWebhook(input: $input) { secret webhook { ...StockWebhookFields } } }
`);
const DISABLE_STOCK_WEBHOOK = graphql(`
  mutation DisableStockWebhook($museumId: ID!) { disableStockWebhook(museumId: $museumId) }
`);

const runsOf =
  (museumId: string, feedId: string | null): FetchPage<SyncRunRecord> =>
  listQuery<SyncRunRecord>('stockSyncRuns', 'museumId', async (first, after, full) => {
    const r = await gql(STOCK_SYNC_RUNS, { museumId, feedId, first, after, full });
    return r.stockSyncRuns;
  });

export const syncRunsData: ResourceHandler = {
  getList: (params) => {
    const museumId = getCurrentMuseumId();
    if (!museumId) return Promise.resolve({ data: [], total: 0 });
    const feedId = (params.filter?.feedId as string | undefined) || null;
    return cursorList('syncRuns', params, { museumId, feedId }, runsOf(museumId, feedId));
  },
  getOne: async ({ id }) => ({
    data: (await gql(STOCK_SYNC_RUN, { id: String(id) })).stockSyncRun,
  }),
};

export async function warehouseFeeds(museumId: string): Promise<WarehouseFeedRecord[]> {
  return (await gql(WAREHOUSE_FEEDS, { museumId })).warehouseFeeds;
}

/** A feed to connect, for the museum chosen in the top bar. */
export type FeedInput = Omit<ConnectWarehouseFeedInput, 'museumId'>;
export async function connectWarehouseFeed(input: FeedInput): Promise<WarehouseFeedRecord> {
  const r = await gql(CONNECT_WAREHOUSE_FEED, { input: { ...input, museumId: requireMuseumId() } });
  pager.invalidate('syncRuns');
  return r.connectWarehouseFeed;
}

export async function setFeedEnabled(id: string, enabled: boolean): Promise<WarehouseFeedRecord> {
  return (await gql(UPDATE_WAREHOUSE_FEED, { input: { id, enabled } })).updateWarehouseFeed;
}

/** Queues a run of a connected feed now. */
export async function runWarehouseFeed(feedId: string): Promise<SyncRunRecord> {
  const r = await gql(RUN_WAREHOUSE_FEED, { feedId });
  pager.invalidate('syncRuns');
  return r.runWarehouseFeed;
}

/** Queues a one-off reconciliation of an uploaded CSV or JSON document. */
export async function uploadStockFeed(format: FeedFormat, content: string): Promise<SyncRunRecord> {
  const r = await gql(UPLOAD_STOCK_FEED, { input: { museumId: requireMuseumId(), format, content } });
  pager.invalidate('syncRuns');
  return r.uploadStockFeed;
}

export async function stockWebhook(museumId: string): Promise<{ webhook: StockWebhookRecord | null; deliveries: WebhookDeliveryRecord[] }> {
  const r = await gql(STOCK_WEBHOOK, { museumId });
  return { webhook: r.stockWebhook, deliveries: r.stockWebhookDeliveries.nodes };
}

/** Sets the endpoint; answers the signing secret, shown this once. */
export async function configureStockWebhook(url: string): Promise<{ secret: string; webhook: StockWebhookRecord }> {
  return (await gql(CONFIGURE_STOCK_WEBHOOK, { input: { museumId: requireMuseumId(), url } })).configureStockWebhook;
}

export async function disableStockWebhook(): Promise<void> {
  await gql(DISABLE_STOCK_WEBHOOK, { museumId: requireMuseumId() });
}
