import { gql } from '../../api/graphql';
import { pager, type CursorPage, type FetchPage } from '../../data/cursor-pager';
import { cursorList, PAGE_INFO, type ResourceHandler } from '../../data/resource-handler';
import { getCurrentMuseumId, requireMuseumId } from '../../museum/current-museum';

export const LOCATION_KINDS = ['EU_WAREHOUSE', 'BONDED_WAREHOUSE_CN'] as const;
export interface StockLocationRecord {
  id: string;
  museumId: string;
  code: string;
  name: string;
  kind: (typeof LOCATION_KINDS)[number];
  customsMode: string;
  priority: number;
}
/** One variant at one location; the id joins both since the API has no level id. */
export interface StockLevelRecord {
  id: string;
  variantId: string;
  /** The catalogue's SKU and product name (null if the variant is gone). */
  variant: { sku: string; productId: string; productName: { fr: string; en: string; zhCN: string } } | null;
  locationId: string;
  onHand: number;
  reserved: number;
  available: number;
  updatedAt: string;
}
const LOCATION_FIELDS = 'id museumId code name kind customsMode priority';
const LEVEL_FIELDS = 'variantId locationId onHand reserved available updatedAt variant { sku productId productName { fr en zhCN } }';

export const MOVEMENT_KINDS = ['RECEIPT', 'ADJUSTMENT', 'RESERVE', 'RELEASE', 'COMMIT', 'SHIP'] as const;
export interface StockMovementRecord {
  id: string;
  kind: (typeof MOVEMENT_KINDS)[number];
  onHandDelta: number;
  reservedDelta: number;
  reference: string | null;
  /** The user's name when a person counted (reference user:<id>). */
  changedBy: string | null;
  note: string | null;
  createdAt: string;
}

/** One page of a variant's ledger at a location, newest first. */
export async function stockMovements(locationId: string, variantId: string, first: number, after: string | null): Promise<CursorPage<StockMovementRecord>> {
  const r = await gql<{ stockMovements: CursorPage<StockMovementRecord> }>(
    `query StockMovements($locationId: ID!, $variantId: ID!, $first: Int, $after: String) {
      stockMovements(locationId: $locationId, variantId: $variantId, first: $first, after: $after) {
        nodes { id kind onHandDelta reservedDelta reference changedBy note createdAt } ${PAGE_INFO} } }`,
    { locationId, variantId, first, after },
  );
  return r.stockMovements;
}
const levelId = (l: { locationId: string; variantId: string }) => `${l.locationId}:${l.variantId}`;

/**
 * Sets a variant's units on hand at a location, whether or not it had a level there yet (a new
 * product's first stock). The API refuses less than what orders hold (STOCK_BELOW_RESERVED).
 */
export async function setStockLevel(input: { locationId: string; variantId: string; onHand: number; note?: string }): Promise<StockLevelRecord> {
  const r = await gql<{ setStockLevel: Omit<StockLevelRecord, 'id'> }>(
    `mutation SetStockLevel($input: SetStockLevelInput!) { setStockLevel(input: $input) { ${LEVEL_FIELDS} } }`,
    { input: { locationId: input.locationId, variantId: input.variantId, onHand: input.onHand, ...(input.note ? { note: input.note } : {}) } },
  );
  pager.invalidate('stockLevels');
  pager.invalidate('products');
  return { ...r.setStockLevel, id: levelId(r.setStockLevel) };
}

export interface VariantChoice {
  variantId: string;
  sku: string;
  productName: { fr: string; en: string; zhCN: string };
}
/** Variants of the museum's products matching words of a name or a SKU, for the stock dialog's picker. */
export async function findVariants(museumId: string, search: string): Promise<VariantChoice[]> {
  const r = await gql<{ managedProducts: { nodes: { name: VariantChoice['productName']; variants: { id: string; sku: string }[] }[] } }>(
    `query StockVariantChoices($museumId: ID, $filter: ManagedProductFilter) {
      managedProducts(museumId: $museumId, first: 20, filter: $filter) { nodes { name { fr en zhCN } variants { id sku } } } }`,
    { museumId, filter: search.trim() ? { search: search.trim() } : {} },
  );
  return r.managedProducts.nodes.flatMap((p) => p.variants.map((v) => ({ variantId: v.id, sku: v.sku, productName: p.name })));
}

/** The locations of one museum (a short list the API answers whole). */
export async function stockLocations(museumId: string): Promise<StockLocationRecord[]> {
  const r = await gql<{ stockLocations: StockLocationRecord[] }>(`query StockLocations($museumId: ID!) { stockLocations(museumId: $museumId) { ${LOCATION_FIELDS} } }`, {
    museumId,
  });
  return [...r.stockLocations].sort((a, b) => a.priority - b.priority || a.code.localeCompare(b.code));
}

export const stockLocationsData: ResourceHandler = {
  async getList() {
    const museumId = getCurrentMuseumId();
    if (!museumId) return { data: [], total: 0 };
    const data = await stockLocations(museumId);
    return { data, total: data.length };
  },
  async getOne({ id }) {
    const r = await gql<{ stockLocation: StockLocationRecord }>(`query StockLocation($id: ID!) { stockLocation(id: $id) { ${LOCATION_FIELDS} } }`, { id });
    return { data: r.stockLocation };
  },
  async create({ data }) {
    const r = await gql<{ createStockLocation: StockLocationRecord }>(
      `mutation CreateStockLocation($input: CreateStockLocationInput!) { createStockLocation(input: $input) { ${LOCATION_FIELDS} } }`,
      {
        input: {
          museumId: requireMuseumId(data.museumId),
          code: String(data.code ?? '').trim(),
          name: String(data.name ?? '').trim(),
          kind: data.kind,
          priority: data.priority === '' || data.priority == null ? null : Number(data.priority),
        },
      },
    );
    return { data: r.createStockLocation };
  },
};

const levelsOf =
  (locationId: string): FetchPage<StockLevelRecord> =>
  async (first, after, idsOnly) => {
    const r = await gql<{ stockLevels: CursorPage<Omit<StockLevelRecord, 'id'>> }>(
      `query StockLevels($locationId: ID!, $first: Int, $after: String) {
        stockLevels(locationId: $locationId, first: $first, after: $after) { nodes { ${idsOnly ? 'variantId locationId' : LEVEL_FIELDS} } ${PAGE_INFO} } }`,
      { locationId, first, after },
    );
    return { ...r.stockLevels, nodes: r.stockLevels.nodes.map((l) => ({ ...l, id: levelId(l) }) as StockLevelRecord) };
  };

export const stockLevelsData: ResourceHandler = {
  getManyReference: (params) => {
    const locationId = String(params.id);
    return cursorList('stockLevels', params, { locationId }, levelsOf(locationId));
  },
  /** A count: on hand is set, refused below what orders hold (STOCK_BELOW_RESERVED). */
  async update({ data, previousData }) {
    const r = await gql<{ setStockLevel: Omit<StockLevelRecord, 'id'> }>(
      `mutation SetStockLevel($input: SetStockLevelInput!) { setStockLevel(input: $input) { ${LEVEL_FIELDS} } }`,
      {
        input: {
          locationId: previousData.locationId,
          variantId: previousData.variantId,
          onHand: Number(data.onHand),
          // The API takes a string or nothing (null is refused).
          ...(data.note ? { note: String(data.note) } : {}),
        },
      },
    );
    pager.invalidate('stockLevels');
    return { data: { ...r.setStockLevel, id: levelId(r.setStockLevel) } };
  },
};
