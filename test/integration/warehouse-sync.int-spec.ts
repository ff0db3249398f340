import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Actor } from '@vitrine/shared/graphql';
import { createMuseum, createProduct, createTestDatabase, type TestDatabase } from '@vitrine/shared/testing';
import { dropQueues } from '../support/worker-process';

// Settings the job definitions read when first imported: set before importing the libs.
const prefix = `test-sync-${randomBytes(4).toString('hex')}`;
Object.assign(process.env, {
  QUEUE_PREFIX: prefix,
  OUTBOX_POLL_MS: '20',
  STOCK_WEBHOOK_COLLECT_MS: '200',
  STOCK_WEBHOOK_BACKOFF_MS: '200',
  WAREHOUSE_FEED_SCAN_MS: '200',
  WAREHOUSE_FEED_MIN_MINUTES: '1',
});

type Inventory = typeof import('@vitrine/inventory');

/** On hand as a ledger receipt, so the ledger adds up to the level. */
async function setStock(db: TestDatabase, locationId: string, variantId: string, onHand: number) {
  await db.prisma.stockLevel.create({ data: { variantId, locationId, onHand } });
  await db.prisma.stockMovement.create({ data: { variantId, locationId, kind: 'RECEIPT', onHandDelta: onHand, reservedDelta: 0, reference: 'test' } });
}

async function until<T>(what: string, check: () => Promise<T | null | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    const v = await check();
    if (v) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** A museum's own system receiving the webhook: the first `failures` requests get 503. */
async function receiver(failures: number): Promise<{ url: string; server: Server; received: { body: string; signature: string }[]; attempts: number }> {
  const state = { received: [] as { body: string; signature: string }[], attempts: 0 };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      state.attempts++;
      if (state.attempts <= failures) return void res.writeHead(503).end();
      state.received.push({ body: Buffer.concat(chunks).toString('utf8'), signature: String(req.headers['x-vitrine-signature'] ?? '') });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return Object.assign(state, { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/stock`, server });
}

describe('warehouse stock sync and stock webhooks (jobs run by the job system, real PostgreSQL and Redis)', () => {
  let db: TestDatabase;
  let app: INestApplicationContext;
  let inv: Inventory;
  let museumId: string;
  let otherMuseumId: string;
  let locationId: string;
  const sku = (n: number) => `LV-${n}`;
  const variants: string[] = [];
  let manager: Actor;
  let otherManager: Actor;

  beforeAll(async () => {
    db = await createTestDatabase();
    inv = await import('@vitrine/inventory');
    const { DataAccessModule } = await import('@vitrine/shared/data-access');
    const { JobsWorkerModule } = await import('@vitrine/shared/jobs');
    @Module({
      imports: [DataAccessModule, JobsWorkerModule.register({ jobs: inv.inventorySyncJobs, schedules: inv.inventorySyncSchedules() }), inv.InventorySyncJobsModule, inv.InventoryModule, inv.InventorySyncModule],
    })
    class SyncWorker {}
    app = await NestFactory.createApplicationContext(SyncWorker, { logger: ['error'] });
    await app.init();

    const museum = await createMuseum(db.prisma);
    museumId = museum.id;
    otherMuseumId = (await createMuseum(db.prisma)).id;
    locationId = (await db.prisma.stockLocation.create({ data: { museumId, code: 'PARIS-1', name: 'Paris', kind: 'EU_WAREHOUSE' } })).id;
    for (let i = 1; i <= 4; i++) {
      const p = await createProduct(db.prisma, museumId, { variants: [{ sku: sku(i), priceMinor: 1_000 }] });
      variants.push(p.variants[0]!.id);
      await setStock(db, locationId, p.variants[0]!.id, 10);
    }
    await createProduct(db.prisma, otherMuseumId, { variants: [{ sku: 'ONLY-OTHER', priceMinor: 1_000 }] });
    manager = { userId: randomUUID(), role: 'MUSEUM_MANAGER', museumIds: [museumId], brandId: null };
    otherManager = { userId: randomUUID(), role: 'MUSEUM_MANAGER', museumIds: [otherMuseumId], brandId: null };
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await dropQueues(prefix);
    await db.drop();
  });

  const level = (variantId: string) => db.prisma.stockLevel.findUniqueOrThrow({ where: { variantId_locationId: { variantId, locationId } } });
  const ledgerMatches = async () => {
    const rows = await db.prisma.$queryRaw<{ bad: bigint }[]>`
      SELECT count(*) AS bad FROM stock_levels s WHERE s.location_id = ${locationId}::uuid AND (
        s.on_hand <> (SELECT coalesce(sum(on_hand_delta), 0) FROM stock_movements m WHERE m.variant_id = s.variant_id AND m.location_id = s.location_id)
        OR s.reserved <> (SELECT coalesce(sum(reserved_delta), 0) FROM stock_movements m WHERE m.variant_id = s.variant_id AND m.location_id = s.location_id))`;
    return Number(rows[0].bad) === 0;
  };

  it('reconciles an uploaded CSV: good rows apply with a ledger entry each, bad rows are reported by line, reservations respected', async () => {
    // An open order holds 6 units of LV-2.
    await db.prisma.$transaction((tx) => app.get(inv.StockService).reserve(tx, { ownerId: randomUUID(), locationId, lines: [{ variantId: variants[1], quantity: 6, ref: 'line-1' }], expiresAt: null }));
    const csv = ['sku,location,quantity', `${sku(1)},PARIS-1,25`, `${sku(2)},PARIS-1,4`, `${sku(3)},PARIS-1,10`, 'NOPE-9,PARIS-1,3', 'ONLY-OTHER,PARIS-1,3', `${sku(4)},PARIS-1,lots`, `${sku(4)},LYON,3`, `${sku(4)},PARIS-1,0`, `${sku(1)},PARIS-1,26`].join('\n');
    const queued = await app.get(inv.WarehouseFeedsService).upload(manager, { museumId, format: 'CSV', content: csv });
    expect(queued.status).toBe('QUEUED');
    const run = await until('the run to finish', async () => {
      const r = await db.prisma.stockSyncRun.findUniqueOrThrow({ where: { id: queued.id } });
      return r.finishedAt ? r : null;
    });
    expect(run).toMatchObject({ status: 'PARTIAL', rowsTotal: 9, changed: 2, unchanged: 1, rejected: 6, upload: null });
    expect((run.errors as { line: number; code: string }[]).map((e) => [e.line, e.code])).toEqual([
      [3, 'BELOW_RESERVED'],
      [5, 'UNKNOWN_SKU'],
      [6, 'UNKNOWN_SKU'],
      [7, 'INVALID_QUANTITY'],
      [8, 'UNKNOWN_LOCATION'],
      [10, 'DUPLICATE_ROW'],
    ]);
    expect(await level(variants[0])).toMatchObject({ onHand: 25, reserved: 0 });
    expect(await level(variants[1])).toMatchObject({ onHand: 10, reserved: 6 });
    expect(await level(variants[2])).toMatchObject({ onHand: 10 });
    expect(await level(variants[3])).toMatchObject({ onHand: 0 });
    const movements = await db.prisma.stockMovement.findMany({ where: { reference: `stock-sync:${run.id}` }, orderBy: { id: 'asc' } });
    expect(movements.map((m) => [m.variantId, m.kind, m.onHandDelta, m.note])).toEqual([
      [variants[0], 'ADJUSTMENT', 15, 'warehouse feed line 2'],
      [variants[3], 'ADJUSTMENT', -10, 'warehouse feed line 9'],
    ]);
    expect(await ledgerMatches()).toBe(true);

    // The same document again changes nothing.
    const again = await app.get(inv.WarehouseFeedsService).upload(manager, { museumId, format: 'CSV', content: csv });
    const second = await until('the second run', async () => (await db.prisma.stockSyncRun.findUniqueOrThrow({ where: { id: again.id } })).finishedAt && db.prisma.stockSyncRun.findUniqueOrThrow({ where: { id: again.id } }));
    expect(second).toMatchObject({ changed: 0, unchanged: 3 });
  });

  it('keeps every museum to its own runs and feeds', async () => {
    const before = await db.prisma.stockSyncRun.count();
    await expect(app.get(inv.WarehouseFeedsService).upload(otherManager, { museumId, format: 'CSV', content: 'sku,location,quantity\nLV-1,PARIS-1,1' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const [mine] = (await app.get(inv.WarehouseFeedsService).runs(manager, { museumId, take: 1 })).rows;
    await expect(app.get(inv.WarehouseFeedsService).run(otherManager, mine.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(app.get(inv.WarehouseFeedsService).upload(manager, { museumId, format: 'XML', content: 'x' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(await db.prisma.stockSyncRun.count()).toBe(before);
  });

  it('fetches a connected JSON feed on its schedule', async () => {
    const feedServer = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ items: [{ sku: sku(3), location: 'PARIS-1', quantity: 33 }] })));
    await new Promise<void>((r) => feedServer.listen(0, '127.0.0.1', r));
    try {
      const url = `http://127.0.0.1:${(feedServer.address() as AddressInfo).port}/stock.json`;
      const feed = await app.get(inv.WarehouseFeedsService).connect(manager, { museumId, name: 'Paris warehouse', format: 'JSON', url, everyMinutes: 1 });
      const run = await until('a scheduled run', async () => db.prisma.stockSyncRun.findFirst({ where: { feedId: feed.id, finishedAt: { not: null } } }));
      expect(run).toMatchObject({ trigger: 'SCHEDULE', status: 'SUCCEEDED', changed: 1 });
      expect(await level(variants[2])).toMatchObject({ onHand: 33 });
      const next = (await db.prisma.warehouseFeed.findUniqueOrThrow({ where: { id: feed.id } })).nextRunAt.getTime();
      expect(next - run.queuedAt.getTime()).toBeGreaterThan(50_000);
      await app.get(inv.WarehouseFeedsService).update(manager, { id: feed.id, enabled: false });
    } finally {
      feedServer.close();
    }
  });

  it('pushes marketplace stock changes to the museum, signed, retrying until accepted; its own sync is not echoed', async () => {
    const museumSystem = await receiver(2);
    try {
      await db.prisma.stockChange.deleteMany({});
      const configured = await app.get(inv.StockWebhooksService).configure(manager, { museumId, url: museumSystem.url });
      // A checkout holds 2 units of LV-1 (marketplace change) …
      await db.prisma.$transaction((tx) => app.get(inv.StockService).reserve(tx, { ownerId: randomUUID(), locationId, lines: [{ variantId: variants[0], quantity: 2, ref: 'l' }], expiresAt: null }));
      // … and the warehouse sends a count for LV-4 (not echoed back).
      await app.get(inv.WarehouseFeedsService).upload(manager, { museumId, format: 'CSV', content: `sku,location,quantity\n${sku(4)},PARIS-1,7` });
      await until('a delivery accepted', async () => museumSystem.received.length > 0, 20_000);
      expect(museumSystem.attempts).toBe(3);
      const { body, signature } = museumSystem.received[0];
      expect(inv.verifyWebhook(configured.secret, body, signature, new Date())).toBe(true);
      const payload = JSON.parse(body);
      expect(payload).toMatchObject({ event: 'stock.changed', museumId, levels: [{ sku: sku(1), location: 'PARIS-1', onHand: 25, reserved: 2, available: 23 }] });
      // The museum answered 204; the worker records that after the answer arrives, so wait for it.
      const deliveries = () => db.prisma.stockWebhookDelivery.findMany({ where: { museumId }, select: { status: true, attempts: true, lastStatusCode: true } });
      await until('the delivery recorded', async () => (await deliveries()).every((d) => d.status !== 'PENDING'), 10_000);
      expect(await deliveries()).toEqual([
        { status: 'DELIVERED', attempts: 3, lastStatusCode: 204 },
      ]);
      await new Promise((r) => setTimeout(r, 800));
      expect(museumSystem.received.every((r) => !r.body.includes(sku(4)))).toBe(true);
    } finally {
      museumSystem.server.close();
    }
  });

  it("never touches another museum's stock: its SKUs and location codes are unknown rows of the feed, even where both museums use the same ones", async () => {
    // The other museum uses our SKU LV-1 and our location code PARIS-1 too, and has a SKU and a location of its own.
    const theirLocations = {
      paris: (await db.prisma.stockLocation.create({ data: { museumId: otherMuseumId, code: 'PARIS-1', name: 'Their Paris', kind: 'EU_WAREHOUSE' } })).id,
      own: (await db.prisma.stockLocation.create({ data: { museumId: otherMuseumId, code: 'THEIRS-1', name: 'Theirs', kind: 'EU_WAREHOUSE' } })).id,
    };
    const sameSku = (await createProduct(db.prisma, otherMuseumId, { status: 'DRAFT', variants: [{ sku: sku(1), priceMinor: 1_000 }] })).variants[0]!.id;
    const onlyTheirs = (await db.prisma.productVariant.findFirstOrThrow({ where: { museumId: otherMuseumId, sku: 'ONLY-OTHER' } })).id;
    for (const v of [sameSku, onlyTheirs]) for (const l of Object.values(theirLocations)) await setStock(db, l, v, 5);
    const theirs = () =>
      db.prisma.stockLevel.findMany({ where: { location: { museumId: otherMuseumId } }, orderBy: [{ locationId: 'asc' }, { variantId: 'asc' }], select: { variantId: true, locationId: true, onHand: true, reserved: true, updatedAt: true } });
    const theirLedger = () => db.prisma.stockMovement.count({ where: { OR: [{ variantId: { in: [sameSku, onlyTheirs] } }, { locationId: { in: Object.values(theirLocations) } }] } });
    const [levelsBefore, ledgerBefore, oursBefore] = [await theirs(), await theirLedger(), await level(variants[0])];

    const csv = ['sku,location,quantity', 'ONLY-OTHER,PARIS-1,3', 'ONLY-OTHER,THEIRS-1,3', `${sku(1)},THEIRS-1,3`, `${sku(1)},PARIS-1,${oursBefore.onHand + 1}`].join('\n');
    const queued = await app.get(inv.WarehouseFeedsService).upload(manager, { museumId, format: 'CSV', content: csv });
    const run = await until('the run to finish', async () => {
      const r = await db.prisma.stockSyncRun.findUniqueOrThrow({ where: { id: queued.id } });
      return r.finishedAt ? r : null;
    });
    expect(run).toMatchObject({ status: 'PARTIAL', rowsTotal: 4, changed: 1, unchanged: 0, rejected: 3 });
    expect((run.errors as { line: number; code: string }[]).map((e) => [e.line, e.code])).toEqual([
      [2, 'UNKNOWN_SKU'],
      [3, 'UNKNOWN_SKU'],
      [4, 'UNKNOWN_LOCATION'],
    ]);
    // Our own LV-1 at our own PARIS-1 took the count; nothing of theirs moved, in levels or ledger.
    expect(await level(variants[0])).toMatchObject({ onHand: oursBefore.onHand + 1 });
    expect(await theirs()).toEqual(levelsBefore);
    expect(await theirLedger()).toBe(ledgerBefore);
    expect(await db.prisma.stockLevel.count({ where: { locationId, variantId: { in: [sameSku, onlyTheirs] } } })).toBe(0);
    expect(await ledgerMatches()).toBe(true);
  });
});
