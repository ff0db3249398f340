import { gql } from '../../api/graphql';
import { listQuery, pager, type CursorPage, type FetchPage } from '../../data/cursor-pager';
import { cursorList, type ResourceHandler } from '../../data/resource-handler';
import { graphql } from '../../generated';
import type { StockLevelFieldsFragment, StockLocationFieldsFragment, StockMovementFieldsFragment, StockVariantChoicesQuery } from '../../generated/graphql';
import { getCurrentMuseumId, requireMuseumId } from '../../museum/current-museum';

export const LOCATION_KINDS = ['EU_WAREHOUSE', 'BONDED_WAREHOUSE_CN'] as const;
graphql(`
  fragment StockLocationFields on StockLocation { id museumId code name kind customsMode priority }
`);
/** A museum's location (the schema's museumId is null only for a brand's own locations). */
export type StockLocationRecord = StockLocationFieldsFragment & { museumId: string };
/** `variant` is the catalogue's SKU and product name (null if the variant is gone). */
graphql(`
  fragment StockLevelFields on StockLevel {
    variantId
    locationId
    onHand
    reserved
    available
    updatedAt
    variant { sku productId productName { fr en zhCN } }
  }
`);
/** One variant at one location; the id joins both since the API has no level id. */
export type StockLevelRecord = StockLevelFieldsFragment & { id: string };

export const MOVEMENT_KINDS = ['RECEIPT', 'ADJUSTMENT', 'RESERVE', 'RELEASE', 'COMMIT', 'SHIP'] as const;
/** `changedBy` is the user's name when a person counted (reference user:<id>). */
graphql(`
  fragment StockMovementFields on StockMovement { id kind onHandDelta reservedDelta reference changedBy note createdAt }
`);
export type StockMovementRecord = StockMovementFieldsFragment;

const STOCK_MOVEMENTS = graphql(`
  query StockMovements($locationId: ID!, $variantId: ID!, $first: Int, $after: String) {
    stockMovements(locationId: $locationId, variantId: $variantId, first: $first, after: $after) {
      nodes { ...StockMovementFields }
      pageInfo { endCursor hasNextPage }
      totalCount
    }
  }
`);
const SET_STOCK_LEVEL = graphql(`
  mutation SetStockLevel($input: SetStockLevelInput!) { setStockLevel(input: $input) { ...StockLevelFields } }
`);
const STOCK_VARIANT_CHOICES = graphql(`
  query StockVariantChoices($museumId: ID, $filter: ManagedProductFilter) {
    managedProducts(museumId: $museumId, first: 20, filter: $filter) { nodes { name { fr en zhCN } variants { id sku } } }
  }
`);
const STOCK_LOCATIONS = graphql(`
  query StockLocations($museumId: ID!) { stockLocations(museumId: $museumId) { ...StockLocationFields } }
`);
const STOCK_LOCATION = graphql(`
  query StockLocation($id: ID!) { stockLocation(id: $id) { ...StockLocationFields } }
`);
const CREATE_STOCK_LOCATION = graphql(`
  mutation CreateStockLocation($input: CreateStockLocationInput!) { createStockLocation(input: $input) { ...StockLocationFields } }
`);
const STOCK_LEVELS = graphql(`
  query StockLevels($locationId: ID!, $first: Int, $after: String, $full: Boolean!) {
    stockLevels(locationId: $locationId, first: $first, after: $after) {
      nodes { variantId locationId ...StockLevelFields @include(if: $full) }
      pageInfo { endCursor hasNextPage }
      totalCount
    }
  }
`);

/** One page of a variant's ledger at a location, newest first. */
export async function stockMovements(locationId: string, variantId: string, first: number, after: string | null): Promise<CursorPage<StockMovementRecord>> {
  return (await gql(STOCK_MOVEMENTS, { locationId, variantId, first, after })).stockMovements;
}
const levelId = (l: { locationId: string; variantId: string }) => `${l.locationId}:${l.variantId}`;

/**
 * Sets a variant's units on hand at a location, whether or not it had a level there yet (a new
 * product's first stock). The API refuses less than what orders hold (STOCK_BELOW_RESERVED).
 */
export async function setStockLevel(input: { locationId: string; variantId: string; onHand: number; note?: string }): Promise<StockLevelRecord> {
  const r = await gql(SET_STOCK_LEVEL, {
    input: { locationId: input.locationId, variantId: input.variantId, onHand: input.onHand, ...(input.note ? { note: input.note } : {}) },
  });
  pager.invalidate('stockLevels');
  pager.invalidate('products');
  return { ...r.setStockLevel, id: levelId(r.setStockLevel) };
}

type ChoiceProduct = StockVariantChoicesQuery['managedProducts']['nodes'][number];
/** A variant of the picker's answer, with its product's name. */
export type VariantChoice = { variantId: ChoiceProduct['variants'][number]['id']; sku: ChoiceProduct['variants'][number]['sku']; productName: ChoiceProduct['name'] };
/** Variants of the museum's products matching words of a name or a SKU, for the stock dialog's picker. */
export async function findVariants(museumId: string, search: string): Promise<VariantChoice[]> {
  const r = await gql(STOCK_VARIANT_CHOICES, { museumId, filter: search.trim() ? { search: search.trim() } : {} });
  return r.managedProducts.nodes.flatMap((p) => p.variants.map((v) => ({ variantId: v.id, sku: v.sku, productName: p.name })));
}

/** The locations of one museum (a short list the API answers whole). */
export async function stockLocations(museumId: string): Promise<StockLocationRecord[]> {
  const r = await gql(STOCK_LOCATIONS, { museumId });
  return r.stockLocations.map((l) => ({ ...l, museumId })).sort((a, b) => a.priority - b.priority || a.code.localeCompare(b.code));
}

export const stockLocationsData: ResourceHandler = {
  async getList() {
    const museumId = getCurrentMuseumId();
    if (!museumId) return { data: [], total: 0 };
    const data = await stockLocations(museumId);
    return { data, total: data.length };
  },
  async getOne({ id }) {
    const r = await gql(STOCK_LOCATION, { id: String(id) });
    return { data: r.stockLocation };
  },
  async create({ data }) {
    const r = await gql(
      CREATE_STOCK_LOCATION,
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
  listQuery<StockLevelRecord>('stockLevels', 'onHand', async (first, after, full) => {
    const r = await gql(STOCK_LEVELS, { locationId, first, after, full });
    // Without `full` the nodes carry the two ids only.
    return { ...r.stockLevels, nodes: r.stockLevels.nodes.map((l) => ({ ...l, id: levelId(l) })) };
  });

export const stockLevelsData: ResourceHandler = {
  getManyReference: (params) => {
    const locationId = String(params.id);
    return cursorList('stockLevels', params, { locationId }, levelsOf(locationId));
  },
  /** A count: on hand is set, refused below what orders hold (STOCK_BELOW_RESERVED). */
  async update({ data, previousData }) {
    const r = await gql(
      SET_STOCK_LEVEL,
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
