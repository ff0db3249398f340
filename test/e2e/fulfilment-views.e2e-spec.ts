import { randomUUID } from 'node:crypto';
import { createUser } from '@vitrine/shared/testing';
import { codeOf, startApi, type ApiHarness } from '../support/api-harness';
import { seedPaidOrders } from '../support/pipeline-fixtures';

/**
 * What managers and operators see of the workers' work, through the real API: the customs
 * trail of an order (ID numbers masked), its shipment, warehouse sync runs, the stock
 * webhook and FX refreshes; each museum only its own.
 */
describe('fulfilment, customs, stock sync and FX refresh views', () => {
  let api: ApiHarness;
  let museumA: string;
  let museumB: string;
  let orderId: string;
  let tokens: { a: string; b: string; operator: string };

  beforeAll(async () => {
    api = await startApi();
    const p = api.db.prisma;
    const orders = await seedPaidOrders(p, 2, { startPipeline: false });
    museumA = orders.museumId;
    museumB = (await p.museum.create({ data: { slug: `b-${randomUUID().slice(0, 6)}`, legalName: 'B', country: 'FR' } })).id;
    orderId = orders.orderIds[0];
    // What the pipeline leaves behind for one order (the pipeline itself is tested in the worker).
    const messageId = randomUUID();
    await p.customsMessage.create({
      data: {
        id: messageId, orderId, museumId: museumA, orderNo: orders.orderNos[0], document: 'ORDER', messageType: 'CEB311', senderCode: '1105910159', businessNo: orders.orderNos[0],
        status: 'HELD', attempts: 2, firstSentAt: new Date(), lastSentAt: new Date(),
        xmlMasked: '<ceb:Order><ceb:OrderHead><ceb:buyerIdNumber>310***********000X</ceb:buyerIdNumber></ceb:OrderHead></ceb:Order>',
      },
    });
    await p.customsReceipt.createMany({
      data: [
        { messageId, receiptKey: `${messageId}:120:1`, status: 'ACCEPTED', returnStatus: '120', returnInfo: '海关入库成功', returnTime: '20261122100000000' },
        { messageId, receiptKey: `${messageId}:500:2`, status: 'HELD', returnStatus: '500', returnInfo: '查验: selected for inspection', returnTime: '20261122100100000' },
      ],
    });
    await p.customsTransmission.createMany({
      data: [
        { id: randomUUID(), messageType: 'CEB311', messageIds: [messageId], sentAt: new Date(Date.now() - 2000), finishedAt: new Date(), outcome: 'TIMEOUT', error: 'customs did not answer within 10000 ms' },
        { id: randomUUID(), messageType: 'CEB311', messageIds: [messageId], sentAt: new Date(), finishedAt: new Date(), outcome: 'ACKNOWLEDGED' },
      ],
    });
    const shipment = await p.shipment.create({ data: { orderId, museumId: museumA, carrierCode: '3120980105', logisticsNo: 'LX0001CN' } });
    await p.shipmentEvent.create({ data: { shipmentId: shipment.id, eventId: 'EV-1', status: 'PICKED_UP', description: 'Picked up', occurredAt: new Date() } });
    tokens = {
      a: await api.login((await createUser(p, 'MUSEUM_MANAGER', { museumIds: [museumA] })).email),
      b: await api.login((await createUser(p, 'MUSEUM_MANAGER', { museumIds: [museumB] })).email),
      operator: await api.login((await createUser(p, 'PLATFORM_ADMIN')).email),
    };
  });
  afterAll(() => api.close());

  const FULFILMENT = `query($o: ID!) { orderFulfilment(orderId: $o) { orderNumber status
    customsMessages { document messageType status attempts xml lastError receipts { returnStatus returnInfo status } transmissions { outcome entries error } }
    shipment { logisticsNo status events { status description } } } }`;

  it('shows a manager the customs trail and shipment of their order, with the ID number masked', async () => {
    const r = await api.gql(FULFILMENT, { o: orderId }, tokens.a);
    expect(r.errors).toBeUndefined();
    const m = r.data.orderFulfilment.customsMessages[0];
    expect(m).toMatchObject({ document: 'ORDER', messageType: 'CEB311', status: 'HELD', attempts: 2 });
    expect(m.xml).toContain('310***********000X');
    expect(m.receipts.map((x: { returnStatus: string }) => x.returnStatus)).toEqual(['120', '500']);
    expect(m.transmissions.map((t: { outcome: string }) => t.outcome)).toEqual(['TIMEOUT', 'ACKNOWLEDGED']);
    expect(r.data.orderFulfilment.shipment).toEqual({ logisticsNo: 'LX0001CN', status: 'WAYBILL_ISSUED', events: [{ status: 'PICKED_UP', description: 'Picked up' }] });
    expect((await api.gql(FULFILMENT, { o: orderId }, tokens.operator)).data.orderFulfilment.orderNumber).toBeTruthy();
  });

  it('answers NOT_FOUND for another museum’s order, museum or garbage ids', async () => {
    expect(codeOf(await api.gql(FULFILMENT, { o: orderId }, tokens.b))).toBe('NOT_FOUND');
    expect(codeOf(await api.gql(FULFILMENT, { o: 'not-a-uuid' }, tokens.a))).toBe('NOT_FOUND');
    const list = 'query($m: ID, $s: CustomsMessageStatus) { customsMessages(museumId: $m, status: $s) { totalCount nodes { orderId } } }';
    expect(codeOf(await api.gql(list, { m: museumA }, tokens.b))).toBe('NOT_FOUND');
    expect((await api.gql(list, {}, tokens.b)).data.customsMessages.totalCount).toBe(0);
    expect((await api.gql(list, {}, tokens.a)).data.customsMessages.totalCount).toBe(1);
    expect((await api.gql(list, { s: 'HELD' }, tokens.operator)).data.customsMessages.nodes).toEqual([{ orderId }]);
  });

  it('lets a manager upload a stock feed and follow its run; another museum cannot', async () => {
    const upload = 'mutation($i: UploadStockFeedInput!) { uploadStockFeed(input: $i) { id status trigger } }';
    const r = await api.gql(upload, { i: { museumId: museumA, format: 'CSV', content: 'sku,location,quantity\nX,PARIS,1' } }, tokens.a);
    expect(r.data.uploadStockFeed).toMatchObject({ status: 'QUEUED', trigger: 'UPLOAD' });
    const runId = r.data.uploadStockFeed.id;
    expect(await api.db.prisma.outboxMessage.count({ where: { jobId: `sync-warehouse-feed.${runId}` } })).toBe(1);
    const runs = await api.gql('query($m: ID!) { stockSyncRuns(museumId: $m) { totalCount nodes { id status } } }', { m: museumA }, tokens.a);
    expect(runs.data.stockSyncRuns.nodes).toEqual([{ id: runId, status: 'QUEUED' }]);

    expect(codeOf(await api.gql('query($id: ID!) { stockSyncRun(id: $id) { id } }', { id: runId }, tokens.b))).toBe('NOT_FOUND');
    expect(codeOf(await api.gql(upload, { i: { museumId: museumA, format: 'CSV', content: 'x' } }, tokens.b))).toBe('NOT_FOUND');

    // A large spreadsheet (about 1.5 MB, 50,000 rows) goes through GraphQL too.
    const big = ['sku,location,quantity', ...Array.from({ length: 50_000 }, (_, i) => `SKU-${i},PARIS,${i % 100}`)].join('\n');
    expect((await api.gql(upload, { i: { museumId: museumA, format: 'CSV', content: big } }, tokens.a)).data?.uploadStockFeed.status).toBe('QUEUED');

    const connect = 'mutation($i: ConnectWarehouseFeedInput!) { connectWarehouseFeed(input: $i) { id nextRunAt } }';
    const before = await api.db.prisma.warehouseFeed.count();
    const bad = await api.gql(connect, { i: { museumId: museumA, name: 'WH', format: 'CSV', url: 'ftp://warehouse/stock.csv', everyMinutes: 1 } }, tokens.a);
    expect(codeOf(bad)).toBe('VALIDATION_FAILED');
    expect(bad.errors![0].extensions!['fields'].map((f: { path: string }) => f.path).sort()).toEqual(['input.everyMinutes', 'input.url']);
    expect(await api.db.prisma.warehouseFeed.count()).toBe(before);
    expect((await api.gql(connect, { i: { museumId: museumA, name: 'WH', format: 'CSV', url: 'https://warehouse.example/stock.csv', everyMinutes: 60 } }, tokens.a)).data.connectWarehouseFeed.id).toBeTruthy();
  });

  it('gives the webhook secret once, on configuration', async () => {
    const configure = 'mutation($i: ConfigureStockWebhookInput!) { configureStockWebhook(input: $i) { secret webhook { url enabled } } }';
    const r = await api.gql(configure, { i: { museumId: museumA, url: 'https://museum.example/hooks/stock' } }, tokens.a);
    expect(r.data.configureStockWebhook.secret).toMatch(/^[0-9a-f]{64}$/);
    expect((await api.gql('query($m: ID!) { stockWebhook(museumId: $m) { url enabled } }', { m: museumA }, tokens.a)).data.stockWebhook).toEqual({ url: 'https://museum.example/hooks/stock', enabled: true });
    expect(codeOf(await api.gql(configure, { i: { museumId: museumA, url: 'https://evil.example' } }, tokens.b))).toBe('NOT_FOUND');
  });

  it('shows FX refresh alerts to operators only, who may acknowledge them or refresh now', async () => {
    const run = await api.db.prisma.fxRefreshRun.create({ data: { source: 'https://ecb', status: 'FAILED', base: 'EUR', quote: 'CNY', error: 'HTTP 503', startedAt: new Date() } });
    const alerts = 'query { fxRefreshRuns(status: FAILED, unacknowledged: true) { totalCount nodes { id error } } }';
    expect((await api.gql(alerts, {}, tokens.operator)).data.fxRefreshRuns).toEqual({ totalCount: 1, nodes: [{ id: run.id, error: 'HTTP 503' }] });
    expect(codeOf(await api.gql(alerts, {}, tokens.a))).toBe('FORBIDDEN');
    await api.gql('mutation($id: ID!) { acknowledgeFxRefreshRun(id: $id) { acknowledgedAt } }', { id: run.id }, tokens.operator);
    expect((await api.gql(alerts, {}, tokens.operator)).data.fxRefreshRuns.totalCount).toBe(0);
    expect((await api.gql('mutation { refreshFxRatesNow }', {}, tokens.operator)).data.refreshFxRatesNow).toBe(true);
    expect(await api.db.prisma.outboxMessage.count({ where: { queue: 'fx', jobId: { startsWith: 'refresh-fx-rates.manual-' } } })).toBe(1);
  });
});
