import type { DataProvider } from 'react-admin';
import { ApiError } from '../api/errors';
import { pager } from './cursor-pager';
import type { ResourceHandler } from './resource-handler';
import { usersData } from '../resources/users/users.data';
import { brandsData } from '../resources/brands/brands.data';
import { museumsData } from '../resources/museums/museums.data';
import { fxRatesData } from '../resources/fx-rates/fx-rates.data';
import { productsData } from '../resources/products/products.data';
import { artworksData } from '../resources/artworks/artworks.data';
import { collectionsData } from '../resources/collections/collections.data';
import { storefrontsData } from '../resources/storefronts/storefronts.data';

// Data modules of the order, stock and licensing screens load with their first request:
// the initial bundle only knows where they are.
type Handler = ResourceHandler | (() => Promise<ResourceHandler>);

const handlers: Record<string, Handler> = {
  users: usersData,
  brands: brandsData,
  museums: museumsData,
  fxRates: fxRatesData,
  products: productsData,
  artworks: artworksData,
  collections: collectionsData,
  storefronts: storefrontsData,
  orders: () => import('../resources/orders/orders.data').then((m) => m.ordersData),
  returns: () => import('../resources/returns/returns.data').then((m) => m.returnsData),
  drops: () => import('../resources/drops/drops.data').then((m) => m.dropsData),
  promotions: () => import('../resources/promotions/promotions.data').then((m) => m.promotionsData),
  stockLocations: () => import('../resources/stock-locations/stock-locations.data').then((m) => m.stockLocationsData),
  stockLevels: () => import('../resources/stock-locations/stock-locations.data').then((m) => m.stockLevelsData),
  proposals: () => import('../resources/proposals/proposals.data').then((m) => m.proposalsData),
  brandStock: () => import('../resources/brand-stock/brand-stock.data').then((m) => m.brandStockData),
  brandOrders: () => import('../resources/brand-orders/brand-orders.data').then((m) => m.brandOrdersData),
  inbox: () => import('../resources/inbox/inbox.data').then((m) => m.inboxData),
  liveSessions: () => import('../resources/live-sessions/live-sessions.data').then((m) => m.liveSessionsData),
  agreements: () => import('../resources/agreements/agreements.data').then((m) => m.agreementsData),
  royaltyLedger: () => import('../resources/agreements/agreements.data').then((m) => m.royaltyLedgerData),
  statements: () => import('../resources/statements/statements.data').then((m) => m.statementsData),
  syncRuns: () => import('../resources/sync-runs/sync-runs.data').then((m) => m.syncRunsData),
  settlement: () => import('../resources/settlement/settlement.data').then((m) => m.settlementData),
  settlementLines: () => import('../resources/settlement/settlement.data').then((m) => m.settlementLinesData),
  settlementPayouts: () => import('../resources/settlement/settlement.data').then((m) => m.settlementPayoutsData),
};

async function handlerOf(resource: string): Promise<ResourceHandler | undefined> {
  const entry = handlers[resource];
  return typeof entry === 'function' ? entry() : entry;
}

type Method = keyof ResourceHandler;
const WRITES = new Set<Method>(['create', 'update', 'updateMany', 'delete', 'deleteMany']);

function handlerFor(handler: ResourceHandler | undefined, method: Method) {
  const fn = handler?.[method];
  if (!fn) throw new ApiError('vitrine.errors.unsupported', 'UNSUPPORTED', 400, {});
  return fn as (params: unknown) => Promise<unknown>;
}

async function call(resource: string, method: Method, params: unknown): Promise<never> {
  const handler = await handlerOf(resource);
  let result: unknown;
  if (method === 'getMany' && !handler?.getMany && handler?.getOne) {
    const { ids } = params as { ids: (string | number)[] };
    result = { data: await Promise.all(ids.map(async (id) => (await handler.getOne!({ id })).data)) };
  } else if (method === 'deleteMany' && !handler?.deleteMany && handler?.delete) {
    const { ids } = params as { ids: (string | number)[] };
    for (const id of ids) await handler.delete({ id });
    result = { data: ids };
  } else {
    result = await handlerFor(handler, method)(params);
  }
  // Writes shift list offsets: forget the cursors we had for this resource.
  if (WRITES.has(method)) pager.invalidate(resource);
  return result as never;
}

/** One GraphQL API, one module per resource (src/resources/<name>/<name>.data.ts). */
export const dataProvider: DataProvider = {
  getList: (resource, params) => call(resource, 'getList', params),
  getOne: (resource, params) => call(resource, 'getOne', params),
  getMany: (resource, params) => call(resource, 'getMany', params),
  getManyReference: (resource, params) => call(resource, 'getManyReference', params),
  create: (resource, params) => call(resource, 'create', params),
  update: (resource, params) => call(resource, 'update', params),
  updateMany: (resource, params) => call(resource, 'updateMany', params),
  delete: (resource, params) => call(resource, 'delete', params),
  deleteMany: (resource, params) => call(resource, 'deleteMany', params),
};
