import type { GetListParams } from 'react-admin';
import { gql } from '../../api/graphql';
import { ApiError } from '../../api/errors';
import { fullPage, type FetchPage } from '../../data/cursor-pager';
import { pager } from '../../data/cursor-pager';
import { toTextInput } from '../../data/localized';
import { centsToEuros, eurosToCents } from '../../data/money';
import { cursorList, type ResourceHandler } from '../../data/resource-handler';
import { graphql } from '../../generated';
import type { BulkStatusMutation, ManagedProductSort, ProductExportFieldsFragment, ProductFieldsFragment, ProductListFieldsFragment } from '../../generated/graphql';
import { getCurrentMuseumId, requireMuseumId } from '../../museum/current-museum';

export type ProductStatus = 'DRAFT' | 'PUBLISHED' | 'ARCHIVED';
export const PRODUCT_STATUSES: ProductStatus[] = ['DRAFT', 'PUBLISHED', 'ARCHIVED'];
export const CROSS_BORDER_CATEGORIES = ['GENERAL', 'COSMETICS', 'JEWELLERY', 'BOOKS', 'APPAREL', 'HOMEWARE', 'STATIONERY', 'TOYS'];
export type NetContentUnit = 'ML' | 'G' | 'PIECE';
export const NET_CONTENT_UNITS: NetContentUnit[] = ['ML', 'G', 'PIECE'];

// A page of whole records, as the CSV export walks them: the columns it writes, without the
// per-variant stock levels, shopper price and tax the product page shows (they priced a page of
// 100 over the API's cost limit).
graphql(`
  fragment ProductExportFields on ManagedProduct {
    id
    museumId
    status
    category
    crossBorderCategory
    name { fr en zhCN }
    description { fr en zhCN }
    variants { id sku options priceMinor weightGrams hsCode originCountry netContent netContentUnit available }
    media { id url alt position }
    artworks { id }
    collections { id }
    listableForChina
    listingProblems { code path message }
    createdAt
    updatedAt
    publishedAt
  }
`);
/**
 * A product as the product page reads it: the export's record and, per variant, its stock levels
 * and pricing (`available` is the units over every location, `shopperPrice` what a shopper pays
 * in CNY today, `crossBorderTax` the tax on one unit; both null while no FX rate is set).
 */
graphql(`
  fragment ProductFields on ManagedProduct {
    ...ProductExportFields
    variants {
      stockLevels { locationId onHand reserved available }
      shopperPrice { amount currency }
      crossBorderTax { amount currency }
    }
  }
`);
// What a row of the list shows. Stock and media come through batched loaders in the API: one
// query each per page, not per row.
graphql(`
  fragment ProductListFields on ManagedProduct {
    id
    museumId
    status
    category
    name { fr en zhCN }
    variants { priceMinor available }
    media { url position }
    createdAt
    updatedAt
    publishedAt
  }
`);
type ApiProduct = ProductFieldsFragment;
type ApiVariant = ApiProduct['variants'][number];
/** The export's records lack the product page's per-variant stock levels and pricing. */
type ApiExportProduct = Omit<ProductExportFieldsFragment, 'variants'> & {
  variants: (ProductExportFieldsFragment['variants'][number] & Partial<Pick<ApiVariant, 'stockLevels' | 'shopperPrice' | 'crossBorderTax'>>)[];
};

const MANAGED_PRODUCTS = graphql(`
  query ManagedProducts(
    $museumId: ID
    $first: Int
    $after: String
    $filter: ManagedProductFilter
    $sort: ManagedProductSort
    $rows: Boolean!
    $export: Boolean!
  ) {
    managedProducts(museumId: $museumId, first: $first, after: $after, filter: $filter, sort: $sort) {
      nodes { id ...ProductListFields @include(if: $rows) ...ProductExportFields @include(if: $export) }
      pageInfo { endCursor hasNextPage }
      totalCount
    }
  }
`);
const MANAGED_PRODUCT = graphql(`
  query ManagedProduct($id: ID!) { managedProduct(id: $id) { ...ProductFields } }
`);
const PUBLISH_PRODUCT = graphql(`
  mutation PublishProduct($id: ID!) { publishProduct(id: $id) { ...ProductFields } }
`);
const UNPUBLISH_PRODUCT = graphql(`
  mutation UnpublishProduct($id: ID!) { unpublishProduct(id: $id) { ...ProductFields } }
`);
const ARCHIVE_PRODUCT = graphql(`
  mutation ArchiveProduct($id: ID!) { archiveProduct(id: $id) { ...ProductFields } }
`);
const BULK_STATUS = graphql(`
  mutation BulkStatus($ids: [ID!]!, $status: ProductStatus!) { bulkSetProductStatus(ids: $ids, status: $status) { updated failed { id code message } } }
`);
const PRODUCT_COUNTS = graphql(`
  query ProductCounts($museumId: ID) {
    DRAFT: managedProducts(museumId: $museumId, first: 1, filter: { status: DRAFT }) { totalCount }
    PUBLISHED: managedProducts(museumId: $museumId, first: 1, filter: { status: PUBLISHED }) { totalCount }
    ARCHIVED: managedProducts(museumId: $museumId, first: 1, filter: { status: ARCHIVED }) { totalCount }
  }
`);
const CREATE_PRODUCT = graphql(`
  mutation CreateProduct($input: CreateProductInput!) { createProduct(input: $input) { ...ProductFields } }
`);
const UPDATE_PRODUCT = graphql(`
  mutation UpdateProduct($input: UpdateProductInput!) { updateProduct(input: $input) { ...ProductFields } }
`);
const DELETE_PRODUCT = graphql(`
  mutation DeleteProduct($id: ID!) { deleteProduct(id: $id) }
`);

export type VariantStockLevel = ApiVariant['stockLevels'][number];
/** One option of a variant as the form edits it (name → value). */
export interface OptionPair {
  name: string;
  value: string;
}
/** A variant as the form edits it: euros as text, options as name/value pairs (JSON text in CSV files). */
export interface FormVariant {
  id?: string;
  sku: string;
  /** The form's options editor; when absent (CSV import), optionsJson is sent. */
  optionList?: OptionPair[];
  optionsJson: string;
  priceEur: string;
  weightGrams: number;
  hsCode: string;
  originCountry: string;
  /** Whole ml, g or pieces, with its unit (both or neither); empty when not given (CSV imports leave it out). */
  netContent?: number | null;
  netContentUnit?: NetContentUnit | '' | null;
  /** Read only, from the API: stock and shopper pricing of a saved variant. */
  available?: number;
  stockLevels?: VariantStockLevel[];
  shopperPrice?: ApiVariant['shopperPrice'];
  crossBorderTax?: ApiVariant['crossBorderTax'];
}
export interface ProductRecord extends Omit<ApiProduct, 'variants' | 'artworks' | 'collections'> {
  variants: FormVariant[];
  artworkIds: string[];
  collectionIds: string[];
  /** Lowest variant price in cents, for the list. */
  minPriceMinor: number | null;
  variantCount: number;
  /** Units available, summed over variants and locations. */
  available: number;
  /** The first image, for the list's thumbnail. */
  thumbnailUrl: string | null;
}

/** What a row of the product list shows: the list asks the API for only this. */
export type ProductListRow = Pick<ProductRecord, 'id' | 'museumId' | 'status' | 'category' | 'name' | 'minPriceMinor' | 'variantCount' | 'available' | 'thumbnailUrl' | 'createdAt' | 'updatedAt' | 'publishedAt'>;
/** `meta` the product list passes to getList for its rows (exports ask for whole records). */
export const LIST_ROWS = { view: 'rows' } as const;

const lowest = (prices: number[]) => (prices.length ? Math.min(...prices) : null);
const firstImage = (media: { url: string; position: number }[]) => [...media].sort((a, b) => a.position - b.position)[0]?.url ?? null;
const sumAvailable = (variants: { available: number }[]) => variants.reduce((sum, v) => sum + v.available, 0);

function fromListApi(p: ProductListFieldsFragment): ProductListRow {
  const { variants, media, ...rest } = p;
  return {
    ...rest,
    minPriceMinor: lowest(variants.map((v) => v.priceMinor)),
    variantCount: variants.length,
    available: sumAvailable(variants),
    thumbnailUrl: firstImage(media),
  };
}

/** {"size": "M"} as the editor's rows, in the object's order. */
export const toOptionList = (options: unknown): OptionPair[] =>
  options && typeof options === 'object' && !Array.isArray(options) ? Object.entries(options as Record<string, unknown>).map(([name, value]) => ({ name, value: String(value ?? '') })) : [];

export function fromApi(p: ApiExportProduct): ProductRecord {
  return {
    ...p,
    variants: p.variants.map((v) => ({
      id: v.id,
      sku: v.sku,
      optionList: toOptionList(v.options),
      optionsJson: JSON.stringify(v.options ?? {}),
      priceEur: centsToEuros(v.priceMinor),
      weightGrams: v.weightGrams,
      hsCode: v.hsCode,
      originCountry: v.originCountry,
      netContent: v.netContent,
      netContentUnit: v.netContentUnit,
      available: v.available,
      stockLevels: v.stockLevels,
      shopperPrice: v.shopperPrice,
      crossBorderTax: v.crossBorderTax,
    })),
    artworkIds: p.artworks.map((a) => a.id),
    collectionIds: p.collections.map((c) => c.id),
    minPriceMinor: lowest(p.variants.map((v) => v.priceMinor)),
    variantCount: p.variants.length,
    available: sumAvailable(p.variants),
    thumbnailUrl: firstImage(p.media),
  };
}

/** Server paths named after the API input, renamed to the form's fields. */
export const productField = (path: string) =>
  path
    .replace(/^variants\.(\d+)\.priceMinor$/, 'variants.$1.priceEur')
    .replace(/^variants\.(\d+)\.options$/, 'variants.$1.optionList');

/**
 * The editor's rows as the API's object: blank rows are dropped; a value without a name, or a
 * name given twice, fails on that row's field (the object would silently lose one).
 */
export function optionsFromList(list: OptionPair[], at: string, errors: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  list.forEach((o, j) => {
    const name = (o?.name ?? '').trim();
    const value = (o?.value ?? '').trim();
    if (!name && !value) return;
    if (!name) errors[`${at}.${j}.name`] = 'vitrine.validation.option_name';
    else if (name in out) errors[`${at}.${j}.name`] = 'vitrine.validation.option_duplicate';
    else out[name] = value;
  });
  return out;
}

function parseOptions(text: string | undefined): unknown {
  if (!text || !text.trim()) return {};
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The form's values as the API input; malformed prices or options fail here, per field. */
export function toInput(data: Partial<ProductRecord>) {
  const errors: Record<string, string> = {};
  const variants = (data.variants ?? []).map((v, i) => {
    const priceMinor = eurosToCents(v.priceEur);
    if (priceMinor == null) errors[`variants.${i}.priceEur`] = 'vitrine.validation.price';
    const options = v.optionList ? optionsFromList(v.optionList, `variants.${i}.optionList`, errors) : parseOptions(v.optionsJson);
    if (options === undefined) errors[`variants.${i}.optionsJson`] = 'vitrine.validation.json';
    return {
      ...(v.id ? { id: v.id } : {}),
      sku: (v.sku ?? '').trim(),
      options: options ?? {},
      priceMinor: priceMinor ?? -1,
      weightGrams: Number(v.weightGrams),
      hsCode: (v.hsCode ?? '').trim(),
      originCountry: (v.originCountry ?? '').trim().toUpperCase(),
      // Both or neither: the API answers VALIDATION_FAILED on the missing one (shown on its field).
      netContent: v.netContent == null || String(v.netContent) === '' ? null : Number(v.netContent),
      netContentUnit: v.netContentUnit || null,
    };
  });
  if (Object.keys(errors).length) {
    throw new ApiError('vitrine.errors.validation', 'VALIDATION_FAILED', 400, { errors: { ...errors, root: { serverError: 'vitrine.errors.validation' } } });
  }
  return {
    category: data.category ?? '',
    crossBorderCategory: data.crossBorderCategory ?? 'GENERAL',
    name: toTextInput(data.name),
    description: toTextInput(data.description),
    variants,
    media: (data.media ?? []).filter((m) => m?.url).map((m) => ({ url: m.url.trim(), alt: m.alt ?? '' })),
    artworkIds: data.artworkIds ?? [],
    collectionIds: data.collectionIds ?? [],
  };
}

export interface ProductFilter {
  status?: ProductStatus;
  q?: string;
  collectionId?: string;
  artworkId?: string;
  category?: string;
}
const SORTS: Record<string, { ASC?: string; DESC?: string }> = {
  createdAt: { DESC: 'NEWEST' },
  updatedAt: { DESC: 'UPDATED' },
  'name.en': { ASC: 'NAME' },
  'name.fr': { ASC: 'NAME' },
  minPriceMinor: { ASC: 'PRICE_ASC', DESC: 'PRICE_DESC' },
};
export const toSort = (sort: GetListParams['sort']) => SORTS[sort?.field ?? '']?.[sort?.order ?? 'DESC'] ?? 'NEWEST';

/** Pages of whole records (exports) or of list rows only, which cost the API a fraction. */
const pageOf = (museumId: string | null, filter: ProductFilter, sort: string, rows: boolean): FetchPage<ProductRecord | ProductListRow> => {
  const query = async (first: number, after: string | null, part: 'ids' | 'rows' | 'export') => {
    const r = await gql(MANAGED_PRODUCTS, {
      museumId,
      first,
      after,
      sort: sort as ManagedProductSort,
      rows: part === 'rows',
      export: part === 'export',
      filter: {
        status: filter.status || undefined,
        search: filter.q || undefined,
        collectionId: filter.collectionId || undefined,
        artworkId: filter.artworkId || undefined,
        category: filter.category || undefined,
      },
    });
    return r.managedProducts;
  };
  return {
    ids: (first, after) => query(first, after, 'ids'),
    // Each node carries the fragment asked for, rows or export; fullPage checks that it does.
    async full(first, after) {
      if (rows) {
        const page = fullPage<ProductListFieldsFragment>('managedProducts (rows)', 'status', await query(first, after, 'rows'));
        return { ...page, nodes: page.nodes.map(fromListApi) };
      }
      const page = fullPage<ApiExportProduct>('managedProducts (export)', 'crossBorderCategory', await query(first, after, 'export'));
      return { ...page, nodes: page.nodes.map(fromApi) };
    },
  };
};

const one = async (id: string | number) =>
  fromApi((await gql(MANAGED_PRODUCT, { id: String(id) })).managedProduct);

export type ProductAction = 'publish' | 'unpublish' | 'archive';
const ACTIONS: Record<ProductAction, (id: string) => Promise<ApiProduct>> = {
  publish: async (id) => (await gql(PUBLISH_PRODUCT, { id })).publishProduct,
  unpublish: async (id) => (await gql(UNPUBLISH_PRODUCT, { id })).unpublishProduct,
  archive: async (id) => (await gql(ARCHIVE_PRODUCT, { id })).archiveProduct,
};

/** publish / unpublish / archive; publishing may fail with NOT_LISTABLE_FOR_CHINA reasons. */
export async function productAction(id: string, action: ProductAction): Promise<ProductRecord> {
  const product = await ACTIONS[action](id);
  pager.invalidate('products');
  return fromApi(product);
}

export type BulkResult = BulkStatusMutation['bulkSetProductStatus'];
export async function bulkSetProductStatus(ids: string[], status: ProductStatus): Promise<BulkResult> {
  const r = await gql(BULK_STATUS, { ids, status });
  pager.invalidate('products');
  return r.bulkSetProductStatus;
}

/** Product counts per status for the dashboard, in one request. */
export async function productCounts(museumId: string | null): Promise<Record<ProductStatus, number>> {
  const r = await gql(PRODUCT_COUNTS, { museumId });
  return { DRAFT: r.DRAFT.totalCount, PUBLISHED: r.PUBLISHED.totalCount, ARCHIVED: r.ARCHIVED.totalCount };
}

export async function createProduct(museumId: string, data: Partial<ProductRecord>): Promise<ProductRecord> {
  const r = await gql(
    CREATE_PRODUCT,
    { input: { museumId, ...toInput(data) } },
    { mapField: productField },
  );
  pager.invalidate('products');
  return fromApi(r.createProduct);
}

export const productsData: ResourceHandler = {
  getList: (params) => {
    const museumId = getCurrentMuseumId();
    const sort = toSort(params.sort);
    const filter = (params.filter ?? {}) as ProductFilter;
    const rows = (params.meta as { view?: string } | undefined)?.view === LIST_ROWS.view;
    return cursorList('products', params, { museumId, filter, sort }, pageOf(museumId, filter, sort, rows));
  },
  getOne: async ({ id }) => ({ data: await one(id) }),
  getMany: async ({ ids }) => ({ data: await Promise.all(ids.map(one)) }),
  async create({ data }) {
    return { data: await createProduct(requireMuseumId(data.museumId), data) };
  },
  async update({ id, data }) {
    const r = await gql(
      UPDATE_PRODUCT,
      { input: { id: String(id), ...toInput(data) } },
      { mapField: productField },
    );
    pager.invalidate('products');
    return { data: fromApi(r.updateProduct) };
  },
  async updateMany({ ids, data }) {
    const r = await bulkSetProductStatus(ids.map(String), data.status);
    if (r.failed.length) {
      throw new ApiError(r.failed.map((f) => f.message).join('; '), 'BULK_PARTIAL', 409, { failed: r.failed });
    }
    return { data: r.updated };
  },
  async delete({ id, previousData }) {
    await gql(DELETE_PRODUCT, { id: String(id) });
    pager.invalidate('products');
    return { data: previousData ?? { id } };
  },
};
