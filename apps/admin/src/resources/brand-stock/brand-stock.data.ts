import { ApiError } from '../../api/errors';
import { gql } from '../../api/graphql';
import type { ResourceHandler } from '../../data/resource-handler';
import { graphql } from '../../generated';
import type { BrandLevelsQuery, BrandLocationFieldsFragment } from '../../generated/graphql';

export const BRAND_LOCATION_KINDS = ['EU_WAREHOUSE', 'BONDED_WAREHOUSE_CN'] as const;
/** A brand partner's own stock location (its co-branded products ship from it). */
graphql(`
  fragment BrandLocationFields on StockLocation { id code name kind customsMode priority }
`);
export type BrandLocationRecord = BrandLocationFieldsFragment;
/** A variant the brand fulfils, with its level at one location (zero when never counted). */
export type BrandVariantLevel = BrandLevelsQuery['brandFulfilledVariants'][number] & Omit<BrandLevelsQuery['brandStockLevels']['nodes'][number], 'variantId'>;
const BRAND_STOCK_LOCATIONS = graphql(`
  query BrandStockLocations { brandStockLocations { ...BrandLocationFields } }
`);
const BRAND_LEVELS = graphql(`
  query BrandLevels($locationId: ID!) {
    brandFulfilledVariants { variantId productId sku }
    brandStockLevels(locationId: $locationId, first: 100) { nodes { variantId onHand reserved available } }
  }
`);
const SET_BRAND_STOCK_LEVEL = graphql(`
  mutation SetBrandStockLevel($input: SetStockLevelInput!) { setBrandStockLevel(input: $input) { onHand } }
`);
const CREATE_BRAND_STOCK_LOCATION = graphql(`
  mutation CreateBrandStockLocation($input: CreateBrandStockLocationInput!) { createBrandStockLocation(input: $input) { ...BrandLocationFields } }
`);

async function locations(): Promise<BrandLocationRecord[]> {
  const r = await gql(BRAND_STOCK_LOCATIONS);
  return [...r.brandStockLocations].sort((a, b) => a.priority - b.priority || a.code.localeCompare(b.code));
}

/** The brand's variants and their levels at one location, in one request. */
export async function brandLevels(locationId: string): Promise<BrandVariantLevel[]> {
  const r = await gql(BRAND_LEVELS, { locationId });
  const levels = new Map(r.brandStockLevels.nodes.map((l) => [l.variantId, l]));
  return r.brandFulfilledVariants.map((v) => ({ ...v, onHand: 0, reserved: 0, available: 0, ...levels.get(v.variantId) }));
}

/** A count at one of the brand's locations; refused below what orders hold (STOCK_BELOW_RESERVED). */
export async function setBrandLevel(locationId: string, variantId: string, onHand: number, note?: string): Promise<void> {
  await gql(SET_BRAND_STOCK_LEVEL, {
    input: { locationId, variantId, onHand, ...(note ? { note } : {}) },
  });
}

export const brandStockData: ResourceHandler = {
  async getList() {
    const data = await locations();
    return { data, total: data.length };
  },
  async getOne({ id }) {
    const hit = (await locations()).find((l) => l.id === String(id));
    if (!hit) throw new ApiError('vitrine.errors.not_found', 'NOT_FOUND', 404, {});
    return { data: hit };
  },
  async create({ data }) {
    const r = await gql(
      CREATE_BRAND_STOCK_LOCATION,
      {
        input: {
          code: String(data.code ?? '').trim(),
          name: String(data.name ?? '').trim(),
          kind: data.kind,
          priority: data.priority === '' || data.priority == null ? null : Number(data.priority),
        },
      },
    );
    return { data: r.createBrandStockLocation };
  },
};
