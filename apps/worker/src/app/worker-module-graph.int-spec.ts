import { DiscoveryModule, DiscoveryService } from '@nestjs/core';
import { RESOLVER_NAME_METADATA } from '@nestjs/graphql';
import { Test, type TestingModule } from '@nestjs/testing';
import { ThrottlerModule } from '@nestjs/throttler';
import { CatalogModule, CatalogCoreModule } from '@vitrine/catalog';
import { CustomsAuditCoreModule, CustomsAuditModule, PiiRetentionCoreModule, PiiRetentionModule } from '@vitrine/customs';
import { InventoryCoreModule, InventoryModule, InventorySyncCoreModule, InventorySyncModule } from '@vitrine/inventory';
import { OrderFulfilmentModule, OrdersCoreModule, OrdersModule, OrdersSourcesModule } from '@vitrine/orders';
import { DataAccessModule } from '@vitrine/shared/data-access';
import { HANDLES_JOB } from '@vitrine/shared/jobs';
import { WorkerModule } from './worker.module';

type Built = { name: string; module: string };

/** The classes of this kind the compiled graph built (an instance exists), with the module that built each. */
function built(moduleRef: TestingModule, kind: 'resolver' | 'controller' | 'job handler'): Built[] {
  const discovery = moduleRef.get(DiscoveryService);
  const wrappers = kind === 'controller' ? discovery.getControllers() : discovery.getProviders();
  const marker = kind === 'job handler' ? HANDLES_JOB : RESOLVER_NAME_METADATA;
  return wrappers
    .filter(
      (w) =>
        typeof w.metatype === 'function' &&
        w.instance &&
        (kind === 'controller' || Reflect.hasOwnMetadata(marker, w.metatype)),
    )
    .map((w) => ({ name: (w.metatype as { name: string }).name, module: w.host?.metatype.name ?? '?' }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * The worker runs jobs only: its module graph (apps/worker's WorkerModule, compiled as the
 * process compiles it) must not build the API's GraphQL resolvers or HTTP controllers. Orders
 * and the catalogue are split into core modules (services, repositories) and API modules
 * (resolvers, the Stripe webhook, the shelf labels' download), as licensing is; the worker's
 * modules import the cores. Compiling constructs every provider without starting the jobs.
 */
describe("the worker's module graph (apps/worker)", () => {
  let worker: TestingModule;

  beforeAll(async () => {
    worker = await Test.createTestingModule({ imports: [WorkerModule, DiscoveryModule] }).compile();
  });
  afterAll(async () => {
    await worker.close();
  });

  it('builds no GraphQL resolver and no HTTP controller', () => {
    expect(built(worker, 'resolver')).toEqual([]);
    expect(built(worker, 'controller')).toEqual([]);
  });

  it('builds the orders, catalogue, inventory, warehouse sync, PII retention and customs audit cores, and not their API modules', () => {
    for (const core of [OrdersCoreModule, CatalogCoreModule, InventoryCoreModule, InventorySyncCoreModule, PiiRetentionCoreModule, CustomsAuditCoreModule])
      expect(() => worker.select(core)).not.toThrow();
    for (const api of [OrdersModule, CatalogModule, InventoryModule, InventorySyncModule, PiiRetentionModule, CustomsAuditModule])
      expect(() => worker.select(api)).toThrow();
  });

  it('is told apart from the API modules, which do build theirs (the check sees resolvers and controllers)', async () => {
    const api = await Test.createTestingModule({
      // The API's throttler, which after-sales' guest-code guard needs (the worker has none).
      imports: [
        WorkerModule,
        DiscoveryModule,
        ThrottlerModule.forRoot([{ ttl: 60_000, limit: 100 }]),
        OrdersModule,
        CatalogModule,
        InventoryModule,
        InventorySyncModule,
        PiiRetentionModule,
        CustomsAuditModule,
      ],
    }).compile();
    try {
      const resolvers = built(api, 'resolver');
      const controllers = built(api, 'controller');
      expect(resolvers).toEqual(
        expect.arrayContaining([
          { name: 'OrdersResolver', module: 'OrdersModule' },
          { name: 'ShopResolver', module: 'CatalogModule' },
          { name: 'InventoryResolver', module: 'InventoryModule' },
          { name: 'StockSyncResolver', module: 'InventorySyncModule' },
          { name: 'PiiRetentionResolver', module: 'PiiRetentionModule' },
          { name: 'CustomsMessagesResolver', module: 'CustomsAuditModule' },
        ]),
      );
      expect(controllers).toEqual(
        expect.arrayContaining([
          { name: 'StripeWebhookController', module: 'OrdersModule' },
          { name: 'ShelfLabelsController', module: 'CatalogModule' },
        ]),
      );
    } finally {
      await api.close();
    }
  });

  it("the API's warehouse sync, PII retention and customs audit modules build no job handler, which the worker's modules build", async () => {
    const api = await Test.createTestingModule({
      // OrdersSourcesModule: orders' tables as retention reads them, as apps/api imports it.
      imports: [DataAccessModule, DiscoveryModule, OrdersSourcesModule, InventorySyncModule, PiiRetentionModule, CustomsAuditModule, OrderFulfilmentModule],
    }).compile();
    try {
      expect(built(api, 'job handler')).toEqual([]);
    } finally {
      await api.close();
    }
    expect(built(worker, 'job handler')).toEqual(
      expect.arrayContaining([
        { name: 'SyncWarehouseFeedHandler', module: 'InventorySyncJobsModule' },
        { name: 'DeliverStockWebhookHandler', module: 'InventorySyncJobsModule' },
        { name: 'PurgePiiHandler', module: 'PiiRetentionJobsModule' },
      ]),
    );
  });
});
