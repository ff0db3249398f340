/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type AgreementStatus =
  | 'ACTIVE'
  | 'EXPIRED';

export type CreateArtworkInput = {
  accessionNumber: string;
  artist?: string | null | undefined;
  /** The artist per locale: 达·芬奇 for zhCN. */
  artistName?: LocalizedTextInput | null | undefined;
  creditLine?: string | null | undefined;
  imageUrl?: string | null | undefined;
  licensable?: boolean | null | undefined;
  museumId: string | number;
  period?: string | null | undefined;
  /** The date per locale: 约1503–1519年 for zhCN, c. 1503–1519 for en. */
  periodName?: LocalizedTextInput | null | undefined;
  title: LocalizedTextInput;
};

export type CreateBrandInput = {
  /** ISO 3166 alpha-2 */
  country: string;
  name: string;
  slug: string;
};

export type CreateBrandStockLocationInput = {
  /** Operators only: the brand; a brand partner’s own brand otherwise. */
  brandId?: string | number | null | undefined;
  code: string;
  kind: StockLocationKind;
  name: string;
  priority?: number | null | undefined;
};

export type CreateCollectionInput = {
  museumId: string | number;
  name: LocalizedTextInput;
  /** Products in display order. */
  productIds?: Array<string | number> | null | undefined;
  slug: string;
};

export type CreateMuseumInput = {
  /** ISO 3166 alpha-2 */
  country: string;
  legalName: string;
  /** The storefront’s name. */
  name: LocalizedTextInput;
  slug: string;
};

export type CreateUserInput = {
  brandId?: string | number | null | undefined;
  displayName: string;
  email: string;
  museumIds?: Array<string | number> | null | undefined;
  password: string;
  role: Role;
};

export type FxRefreshStatus =
  | 'FAILED'
  | 'SUCCEEDED';

/** Where a licensed item may be sold; VITRINE_MARKETPLACE is this marketplace. */
export type LicenceChannel =
  | 'BRAND_ONLINE'
  | 'BRAND_RETAIL'
  | 'MUSEUM_SHOP'
  | 'VITRINE_MARKETPLACE'
  | 'WHOLESALE';

export type LocalizedTextInput = {
  en?: string | null | undefined;
  fr?: string | null | undefined;
  zhCN?: string | null | undefined;
};

export type LoginInput = {
  email: string;
  password: string;
};

export type OrderStatus =
  | 'CANCELLED'
  | 'CLEARED'
  | 'CUSTOMS_SUBMITTED'
  | 'DELIVERED'
  | 'HELD'
  | 'PAID'
  | 'PENDING_PAYMENT'
  | 'REFUNDED'
  | 'SHIPPED';

export type Role =
  | 'BRAND_PARTNER'
  | 'MUSEUM_MANAGER'
  | 'PLATFORM_ADMIN'
  | 'SHOPPER';

export type RoyaltyEntryKind =
  | 'ACCRUAL'
  | 'REVERSAL';

export type SetFxRateInput = {
  base?: string;
  /** Defaults to now. */
  effectiveAt?: string | null | undefined;
  quote?: string;
  /** A positive decimal, e.g. "7.8123". */
  rate: string;
  source: string;
};

export type SetStockLevelInput = {
  locationId: string | number;
  note?: string | null | undefined;
  onHand: number;
  variantId: string | number;
};

/** EU_WAREHOUSE ships direct mail (customs 9610); BONDED_WAREHOUSE_CN ships bonded stock (customs 1210). */
export type StockLocationKind =
  | 'BONDED_WAREHOUSE_CN'
  | 'EU_WAREHOUSE';

/** Only OPEN storefronts are visible to shoppers. */
export type StorefrontStatus =
  | 'CLOSED'
  | 'DRAFT'
  | 'OPEN';

export type UpdateArtworkInput = {
  accessionNumber?: string | null | undefined;
  artist?: string | null | undefined;
  /** The artist per locale: 达·芬奇 for zhCN. */
  artistName?: LocalizedTextInput | null | undefined;
  creditLine?: string | null | undefined;
  id: string | number;
  imageUrl?: string | null | undefined;
  licensable?: boolean | null | undefined;
  period?: string | null | undefined;
  /** The date per locale: 约1503–1519年 for zhCN, c. 1503–1519 for en. */
  periodName?: LocalizedTextInput | null | undefined;
  title?: LocalizedTextInput | null | undefined;
};

export type UpdateCollectionInput = {
  id: string | number;
  name?: LocalizedTextInput | null | undefined;
  /** Replaces the products, in display order. */
  productIds?: Array<string | number> | null | undefined;
  slug?: string | null | undefined;
};

export type UpdateMuseumInput = {
  country?: string | null | undefined;
  id: string | number;
  legalName?: string | null | undefined;
};

/** Absent fields are kept; OPEN needs a zh-CN name. */
export type UpdateStorefrontInput = {
  /** Book cleared parcels with the carrier at once (true) or wait for shipOrder (false). */
  autoBookCarrier?: boolean | null | undefined;
  bannerUrl?: string | null | undefined;
  /** China customs registration code, 10 characters (digits and capital letters); null removes it. Needs customsName. */
  customsCode?: string | null | undefined;
  /** Name registered with China customs. */
  customsName?: string | null | undefined;
  featuredCollectionIds?: Array<string | number> | null | undefined;
  museumId: string | number;
  name?: LocalizedTextInput | null | undefined;
  status?: StorefrontStatus | null | undefined;
  story?: LocalizedTextInput | null | undefined;
};

export type UpdateUserAccessInput = {
  brandId?: string | number | null | undefined;
  disabled?: boolean | null | undefined;
  museumIds?: Array<string | number> | null | undefined;
  role: Role;
  userId: string | number;
};

export type RefreshMutationVariables = Exact<{
  t: string;
}>;


export type RefreshMutation = { refreshSession: { accessToken: string, refreshToken: string, expiresIn: number, user: { id: string, email: string, displayName: string, role: Role, museumIds: Array<string>, brandId: string | null } } };

export type LoginMutationVariables = Exact<{
  input: LoginInput;
}>;


export type LoginMutation = { login: { accessToken: string, refreshToken: string, expiresIn: number, user: { id: string, email: string, displayName: string, role: Role, museumIds: Array<string>, brandId: string | null } } };

export type LogoutMutationVariables = Exact<{
  t: string;
}>;


export type LogoutMutation = { logout: boolean };

export type MuseumDashboardQueryVariables = Exact<{
  museumId?: string | number | null | undefined;
  timeZone?: string | null | undefined;
  threshold?: number | null | undefined;
}>;


export type MuseumDashboardQuery = { museumDashboard: { timeZone: string, heldAtCustoms: number, today: { day: string, orders: number, totalCny: number, goodsCny: number, totalEur: number, goodsEur: number }, month: { month: string, orders: number, totalCny: number, goodsCny: number, totalEur: number, goodsEur: number }, daily: Array<{ day: string, orders: number, totalCny: number, goodsCny: number, totalEur: number, goodsEur: number }>, ordersByStatus: Array<{ status: OrderStatus, count: number }>, lowStock: { threshold: number, totalCount: number, levels: Array<{ variantId: string, locationId: string, locationCode: string, sku: string, onHand: number, reserved: number, available: number, productName: { fr: string, en: string, zhCN: string } }> } } };

export type LicensedProductFieldsFragment = { productId: string, agreementId: string, museumId: string, status: string, publishedAt: string | null, delistedAt: string | null, delistReason: string | null, name: { fr: string, en: string, zhCN: string } };

export type AgreementFieldsFragment = { id: string, proposalId: string, museumId: string, brandId: string, brandName: string | null, status: AgreementStatus, approvedVersion: number, royaltyRateBps: number, currency: string, territory: Array<string>, channels: Array<LicenceChannel>, termStart: string, termEnd: string, sellOffDays: number, sellOffEnd: string, createdAt: string, expiredAt: string | null, museum: { name: { fr: string, en: string, zhCN: string } } | null, minimumGuarantee: { amount: number, currency: string }, advance: { amount: number, currency: string } };

export type LicenceAgreementsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  full: boolean;
}>;


export type LicenceAgreementsQuery = { licenceAgreements: { totalCount: number, nodes: Array<{ id: string, products?: Array<{ productId: string, agreementId: string, museumId: string, status: string, publishedAt: string | null, delistedAt: string | null, delistReason: string | null, name: { fr: string, en: string, zhCN: string } }> } & { id?: string, proposalId?: string, museumId?: string, brandId?: string, brandName?: string | null, status?: AgreementStatus, approvedVersion?: number, royaltyRateBps?: number, currency?: string, territory?: Array<string>, channels?: Array<LicenceChannel>, termStart?: string, termEnd?: string, sellOffDays?: number, sellOffEnd?: string, createdAt?: string, expiredAt?: string | null, museum?: { name: { fr: string, en: string, zhCN: string } } | null, minimumGuarantee?: { amount: number, currency: string }, advance?: { amount: number, currency: string } }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } };

export type LicenceAgreementQueryVariables = Exact<{
  id: string | number;
}>;


export type LicenceAgreementQuery = { licenceAgreement: { id: string, proposalId: string, museumId: string, brandId: string, brandName: string | null, status: AgreementStatus, approvedVersion: number, royaltyRateBps: number, currency: string, territory: Array<string>, channels: Array<LicenceChannel>, termStart: string, termEnd: string, sellOffDays: number, sellOffEnd: string, createdAt: string, expiredAt: string | null, products: Array<{ productId: string, agreementId: string, museumId: string, status: string, publishedAt: string | null, delistedAt: string | null, delistReason: string | null, listingBlockers: Array<{ code: string, message: string, path: string | null }>, name: { fr: string, en: string, zhCN: string } }>, museum: { name: { fr: string, en: string, zhCN: string } } | null, minimumGuarantee: { amount: number, currency: string }, advance: { amount: number, currency: string } } };

export type PublishLicensedMutationVariables = Exact<{
  p: string | number;
}>;


export type PublishLicensedMutation = { publishLicensedProduct:
    | { __typename: 'LicensedProduct', productId: string, agreementId: string, museumId: string, status: string, publishedAt: string | null, delistedAt: string | null, delistReason: string | null, name: { fr: string, en: string, zhCN: string } }
    | { __typename: 'ListingNotAllowedError', errorCode: string, message: string, reasons: Array<{ code: string, message: string, path: string | null }> }
   };

export type UnpublishLicensedMutationVariables = Exact<{
  p: string | number;
}>;


export type UnpublishLicensedMutation = { unpublishLicensedProduct: { productId: string, agreementId: string, museumId: string, status: string, publishedAt: string | null, delistedAt: string | null, delistReason: string | null, name: { fr: string, en: string, zhCN: string } } };

export type LedgerEntryFieldsFragment = { id: string, kind: RoyaltyEntryKind, productId: string, orderLineId: string, units: number, fxRate: string | null, periodStart: string, occurredAt: string, statementId: string | null, sale: { amount: number, currency: string }, netSales: { amount: number, currency: string }, royalty: { amount: number, currency: string } };

export type RoyaltyLedgerQueryVariables = Exact<{
  agreementId: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
  full: boolean;
}>;


export type RoyaltyLedgerQuery = { royaltyLedger: { totalCount: number, nodes: Array<{ id: string } & { id?: string, kind?: RoyaltyEntryKind, productId?: string, orderLineId?: string, units?: number, fxRate?: string | null, periodStart?: string, occurredAt?: string, statementId?: string | null, sale?: { amount: number, currency: string }, netSales?: { amount: number, currency: string }, royalty?: { amount: number, currency: string } }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } };

export type ArtworkFieldsFragment = { id: string, museumId: string, accessionNumber: string, artist: string, period: string, creditLine: string, imageUrl: string | null, licensable: boolean, title: { fr: string, en: string, zhCN: string }, periodName: { fr: string, en: string, zhCN: string } };

export type ArtworksQueryVariables = Exact<{
  museumId: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
  search?: string | null | undefined;
  full: boolean;
}>;


export type ArtworksQuery = { artworksOfMuseum: { totalCount: number, nodes: Array<{ id: string } & { id?: string, museumId?: string, accessionNumber?: string, artist?: string, period?: string, creditLine?: string, imageUrl?: string | null, licensable?: boolean, title?: { fr: string, en: string, zhCN: string }, periodName?: { fr: string, en: string, zhCN: string } }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } };

export type ArtworkQueryVariables = Exact<{
  id: string | number;
}>;


export type ArtworkQuery = { managedArtwork: { id: string, museumId: string, accessionNumber: string, artist: string, period: string, creditLine: string, imageUrl: string | null, licensable: boolean, title: { fr: string, en: string, zhCN: string }, periodName: { fr: string, en: string, zhCN: string } } };

export type CreateArtworkMutationVariables = Exact<{
  input: CreateArtworkInput;
}>;


export type CreateArtworkMutation = { createArtwork: { id: string, museumId: string, accessionNumber: string, artist: string, period: string, creditLine: string, imageUrl: string | null, licensable: boolean, title: { fr: string, en: string, zhCN: string }, periodName: { fr: string, en: string, zhCN: string } } };

export type UpdateArtworkMutationVariables = Exact<{
  input: UpdateArtworkInput;
}>;


export type UpdateArtworkMutation = { updateArtwork: { id: string, museumId: string, accessionNumber: string, artist: string, period: string, creditLine: string, imageUrl: string | null, licensable: boolean, title: { fr: string, en: string, zhCN: string }, periodName: { fr: string, en: string, zhCN: string } } };

export type DeleteArtworkMutationVariables = Exact<{
  id: string | number;
}>;


export type DeleteArtworkMutation = { deleteArtwork: boolean };

export type BrandOrderFieldsFragment = { id: string, number: string, museumId: string, status: OrderStatus, customsMode: string, currency: string, total: number, createdAt: string, orderer: { name: string, residentIdMasked: string }, recipient: { name: string, province: string, city: string }, lines: Array<{ id: string, sku: string, name: string, quantity: number }> };

export type BrandOrdersQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  status?: OrderStatus | null | undefined;
  full: boolean;
}>;


export type BrandOrdersQuery = { brandOrders: { totalCount: number, nodes: Array<{ id: string } & { id?: string, number?: string, museumId?: string, status?: OrderStatus, customsMode?: string, currency?: string, total?: number, createdAt?: string, orderer?: { name: string, residentIdMasked: string }, recipient?: { name: string, province: string, city: string }, lines?: Array<{ id: string, sku: string, name: string, quantity: number }> }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } };

export type BrandOrderQueryVariables = Exact<{
  id: string | number;
}>;


export type BrandOrderQuery = { order: { id: string, number: string, museumId: string, status: OrderStatus, customsMode: string, currency: string, total: number, createdAt: string, orderer: { name: string, residentIdMasked: string }, recipient: { name: string, province: string, city: string }, lines: Array<{ id: string, sku: string, name: string, quantity: number }> } };

export type BrandLocationFieldsFragment = { id: string, code: string, name: string, kind: StockLocationKind, customsMode: string, priority: number };

export type BrandStockLocationsQueryVariables = Exact<{ [key: string]: never; }>;


export type BrandStockLocationsQuery = { brandStockLocations: Array<{ id: string, code: string, name: string, kind: StockLocationKind, customsMode: string, priority: number }> };

export type BrandLevelsQueryVariables = Exact<{
  locationId: string | number;
}>;


export type BrandLevelsQuery = { brandFulfilledVariants: Array<{ variantId: string, productId: string, sku: string }>, brandStockLevels: { nodes: Array<{ variantId: string, onHand: number, reserved: number, available: number }> } };

export type SetBrandStockLevelMutationVariables = Exact<{
  input: SetStockLevelInput;
}>;


export type SetBrandStockLevelMutation = { setBrandStockLevel: { onHand: number } };

export type CreateBrandStockLocationMutationVariables = Exact<{
  input: CreateBrandStockLocationInput;
}>;


export type CreateBrandStockLocationMutation = { createBrandStockLocation: { id: string, code: string, name: string, kind: StockLocationKind, customsMode: string, priority: number } };

export type BrandFieldsFragment = { id: string, slug: string, name: string, country: string, createdAt: string };

export type BrandsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  full: boolean;
}>;


export type BrandsQuery = { brands: { totalCount: number, nodes: Array<{ id: string } & { id?: string, slug?: string, name?: string, country?: string, createdAt?: string }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } };

export type BrandQueryVariables = Exact<{
  id: string | number;
}>;


export type BrandQuery = { brand: { id: string, slug: string, name: string, country: string, createdAt: string } };

export type CreateBrandMutationVariables = Exact<{
  input: CreateBrandInput;
}>;


export type CreateBrandMutation = { createBrand: { id: string, slug: string, name: string, country: string, createdAt: string } };

export type CollectionFieldsFragment = { id: string, museumId: string, slug: string, name: { fr: string, en: string, zhCN: string } };

export type CollectionsQueryVariables = Exact<{
  museumId: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
  full: boolean;
}>;


export type CollectionsQuery = { collectionsOfMuseum: { totalCount: number, nodes: Array<{ id: string } & { id?: string, museumId?: string, slug?: string, name?: { fr: string, en: string, zhCN: string } }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } };

export type CollectionQueryVariables = Exact<{
  id: string | number;
}>;


export type CollectionQuery = { managedCollection: { id: string, museumId: string, slug: string, name: { fr: string, en: string, zhCN: string } } };

export type CreateCollectionMutationVariables = Exact<{
  input: CreateCollectionInput;
}>;


export type CreateCollectionMutation = { createCollection: { id: string, museumId: string, slug: string, name: { fr: string, en: string, zhCN: string } } };

export type UpdateCollectionMutationVariables = Exact<{
  input: UpdateCollectionInput;
}>;


export type UpdateCollectionMutation = { updateCollection: { id: string, museumId: string, slug: string, name: { fr: string, en: string, zhCN: string } } };

export type DeleteCollectionMutationVariables = Exact<{
  id: string | number;
}>;


export type DeleteCollectionMutation = { deleteCollection: boolean };

export type FxRateFieldsFragment = { id: string, base: string, quote: string, rate: string, source: string, effectiveAt: string };

export type FxRatesQueryVariables = Exact<{
  base: string;
  quote: string;
  first?: number | null | undefined;
  after?: string | null | undefined;
  full: boolean;
}>;


export type FxRatesQuery = { fxRates: { totalCount: number, nodes: Array<{ id: string } & { id?: string, base?: string, quote?: string, rate?: string, source?: string, effectiveAt?: string }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } };

export type SetFxRateMutationVariables = Exact<{
  input: SetFxRateInput;
}>;


export type SetFxRateMutation = { setFxRate: { id: string, base: string, quote: string, rate: string, source: string, effectiveAt: string } };

export type MuseumFieldsFragment = { id: string, slug: string, legalName: string, country: string, storefront: { id: string, status: StorefrontStatus, name: { fr: string, en: string, zhCN: string } } };

export type MuseumsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  search?: string | null | undefined;
  full: boolean;
}>;


export type MuseumsQuery = { museums: { totalCount: number, nodes: Array<{ id: string } & { id?: string, slug?: string, legalName?: string, country?: string, storefront?: { id: string, status: StorefrontStatus, name: { fr: string, en: string, zhCN: string } } }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } };

export type MyMuseumsQueryVariables = Exact<{ [key: string]: never; }>;


export type MyMuseumsQuery = { myMuseums: Array<{ id: string, slug: string, legalName: string, country: string, storefront: { id: string, status: StorefrontStatus, name: { fr: string, en: string, zhCN: string } } }> };

export type MuseumQueryVariables = Exact<{
  id: string | number;
}>;


export type MuseumQuery = { museum: { id: string, slug: string, legalName: string, country: string, storefront: { id: string, status: StorefrontStatus, name: { fr: string, en: string, zhCN: string } } } };

export type CreateMuseumMutationVariables = Exact<{
  input: CreateMuseumInput;
}>;


export type CreateMuseumMutation = { createMuseum: { id: string, slug: string, legalName: string, country: string, storefront: { id: string, status: StorefrontStatus, name: { fr: string, en: string, zhCN: string } } } };

export type UpdateMuseumMutationVariables = Exact<{
  input: UpdateMuseumInput;
}>;


export type UpdateMuseumMutation = { updateMuseum: { id: string, slug: string, legalName: string, country: string, storefront: { id: string, status: StorefrontStatus, name: { fr: string, en: string, zhCN: string } } } };

export type QueueBoardLinkMutationVariables = Exact<{ [key: string]: never; }>;


export type QueueBoardLinkMutation = { queueBoardLink: { path: string, expiresAt: string } };

export type FxRefreshRunFieldsFragment = { id: string, status: FxRefreshStatus, base: string, quote: string, rate: string | null, referenceDate: string | null, source: string, error: string | null, startedAt: string, finishedAt: string, acknowledgedAt: string | null };

export type FxRefreshRunsQueryVariables = Exact<{
  first?: number | null | undefined;
}>;


export type FxRefreshRunsQuery = { runs: { nodes: Array<{ id: string, status: FxRefreshStatus, base: string, quote: string, rate: string | null, referenceDate: string | null, source: string, error: string | null, startedAt: string, finishedAt: string, acknowledgedAt: string | null }> }, alerts: { totalCount: number } };

export type AcknowledgeFxRefreshRunMutationVariables = Exact<{
  id: string | number;
}>;


export type AcknowledgeFxRefreshRunMutation = { acknowledgeFxRefreshRun: { id: string } };

export type RefreshFxRatesNowMutationVariables = Exact<{ [key: string]: never; }>;


export type RefreshFxRatesNowMutation = { refreshFxRatesNow: boolean };

export type StatementFieldsFragment = { id: string, agreementId: string, museumId: string, brandId: string, periodStart: string, periodEnd: string, currency: string, units: number, entryCount: number, generatedAt: string, csvUrl: string, pdfUrl: string, netSales: { amount: number, currency: string }, royalty: { amount: number, currency: string }, cumulativeRoyalty: { amount: number, currency: string }, advanceRecouped: { amount: number, currency: string }, advanceRemaining: { amount: number, currency: string }, minimumGuaranteeShortfall: { amount: number, currency: string }, amountPayable: { amount: number, currency: string }, agreement: { id: string, products: Array<{ productId: string, name: { fr: string, en: string, zhCN: string } }> } };

export type RoyaltyStatementsQueryVariables = Exact<{
  agreementId?: string | number | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
  full: boolean;
}>;


export type RoyaltyStatementsQuery = { royaltyStatements: { totalCount: number, nodes: Array<{ id: string } & { id?: string, agreementId?: string, museumId?: string, brandId?: string, periodStart?: string, periodEnd?: string, currency?: string, units?: number, entryCount?: number, generatedAt?: string, csvUrl?: string, pdfUrl?: string, netSales?: { amount: number, currency: string }, royalty?: { amount: number, currency: string }, cumulativeRoyalty?: { amount: number, currency: string }, advanceRecouped?: { amount: number, currency: string }, advanceRemaining?: { amount: number, currency: string }, minimumGuaranteeShortfall?: { amount: number, currency: string }, amountPayable?: { amount: number, currency: string }, agreement?: { id: string, products: Array<{ productId: string, name: { fr: string, en: string, zhCN: string } }> } }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } };

export type RoyaltyStatementQueryVariables = Exact<{
  id: string | number;
}>;


export type RoyaltyStatementQuery = { royaltyStatement: { id: string, agreementId: string, museumId: string, brandId: string, periodStart: string, periodEnd: string, currency: string, units: number, entryCount: number, generatedAt: string, csvUrl: string, pdfUrl: string, netSales: { amount: number, currency: string }, royalty: { amount: number, currency: string }, cumulativeRoyalty: { amount: number, currency: string }, advanceRecouped: { amount: number, currency: string }, advanceRemaining: { amount: number, currency: string }, minimumGuaranteeShortfall: { amount: number, currency: string }, amountPayable: { amount: number, currency: string }, agreement: { id: string, products: Array<{ productId: string, name: { fr: string, en: string, zhCN: string } }> } } };

export type StorefrontFieldsFragment = { id: string, museumId: string, slug: string, status: StorefrontStatus, bannerUrl: string | null, featuredCollectionIds: Array<string>, autoBookCarrier: boolean, customsCode: string | null, customsName: string | null, name: { fr: string, en: string, zhCN: string }, story: { fr: string, en: string, zhCN: string } };

export type ManagedStorefrontQueryVariables = Exact<{
  museumId: string | number;
}>;


export type ManagedStorefrontQuery = { managedStorefront: { id: string, museumId: string, slug: string, status: StorefrontStatus, bannerUrl: string | null, featuredCollectionIds: Array<string>, autoBookCarrier: boolean, customsCode: string | null, customsName: string | null, name: { fr: string, en: string, zhCN: string }, story: { fr: string, en: string, zhCN: string } } };

export type UpdateStorefrontMutationVariables = Exact<{
  input: UpdateStorefrontInput;
}>;


export type UpdateStorefrontMutation = { updateStorefront: { id: string, museumId: string, slug: string, status: StorefrontStatus, bannerUrl: string | null, featuredCollectionIds: Array<string>, autoBookCarrier: boolean, customsCode: string | null, customsName: string | null, name: { fr: string, en: string, zhCN: string }, story: { fr: string, en: string, zhCN: string } } };

export type UserFieldsFragment = { id: string, email: string, displayName: string, role: Role, museumIds: Array<string>, brandId: string | null, disabled: boolean, createdAt: string };

export type UsersQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  role?: Role | null | undefined;
  search?: string | null | undefined;
  full: boolean;
}>;


export type UsersQuery = { users: { totalCount: number, nodes: Array<{ id: string } & { id?: string, email?: string, displayName?: string, role?: Role, museumIds?: Array<string>, brandId?: string | null, disabled?: boolean, createdAt?: string }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } };

export type UserQueryVariables = Exact<{
  id: string | number;
}>;


export type UserQuery = { user: { id: string, email: string, displayName: string, role: Role, museumIds: Array<string>, brandId: string | null, disabled: boolean, createdAt: string } };

export type CreateUserMutationVariables = Exact<{
  input: CreateUserInput;
}>;


export type CreateUserMutation = { createUser: { id: string, email: string, displayName: string, role: Role, museumIds: Array<string>, brandId: string | null, disabled: boolean, createdAt: string } };

export type UpdateAccessMutationVariables = Exact<{
  input: UpdateUserAccessInput;
}>;


export type UpdateAccessMutation = { updateUserAccess: { id: string, email: string, displayName: string, role: Role, museumIds: Array<string>, brandId: string | null, disabled: boolean, createdAt: string } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const LicensedProductFieldsFragmentDoc = new TypedDocumentString(`
    fragment LicensedProductFields on LicensedProduct {
  productId
  agreementId
  museumId
  name {
    fr
    en
    zhCN
  }
  status
  publishedAt
  delistedAt
  delistReason
}
    `, {"fragmentName":"LicensedProductFields"}) as unknown as TypedDocumentString<LicensedProductFieldsFragment, unknown>;
export const AgreementFieldsFragmentDoc = new TypedDocumentString(`
    fragment AgreementFields on LicenceAgreement {
  id
  proposalId
  museumId
  brandId
  brandName
  museum {
    name {
      fr
      en
      zhCN
    }
  }
  status
  approvedVersion
  royaltyRateBps
  currency
  territory
  channels
  termStart
  termEnd
  sellOffDays
  sellOffEnd
  minimumGuarantee {
    amount
    currency
  }
  advance {
    amount
    currency
  }
  createdAt
  expiredAt
}
    `, {"fragmentName":"AgreementFields"}) as unknown as TypedDocumentString<AgreementFieldsFragment, unknown>;
export const LedgerEntryFieldsFragmentDoc = new TypedDocumentString(`
    fragment LedgerEntryFields on RoyaltyLedgerEntry {
  id
  kind
  productId
  orderLineId
  units
  sale {
    amount
    currency
  }
  netSales {
    amount
    currency
  }
  royalty {
    amount
    currency
  }
  fxRate
  periodStart
  occurredAt
  statementId
}
    `, {"fragmentName":"LedgerEntryFields"}) as unknown as TypedDocumentString<LedgerEntryFieldsFragment, unknown>;
export const ArtworkFieldsFragmentDoc = new TypedDocumentString(`
    fragment ArtworkFields on ManagedArtwork {
  id
  museumId
  accessionNumber
  title {
    fr
    en
    zhCN
  }
  artist
  period
  periodName {
    fr
    en
    zhCN
  }
  creditLine
  imageUrl
  licensable
}
    `, {"fragmentName":"ArtworkFields"}) as unknown as TypedDocumentString<ArtworkFieldsFragment, unknown>;
export const BrandOrderFieldsFragmentDoc = new TypedDocumentString(`
    fragment BrandOrderFields on Order {
  id
  number
  museumId
  status
  customsMode
  currency
  total
  createdAt
  orderer {
    name
    residentIdMasked
  }
  recipient {
    name
    province
    city
  }
  lines {
    id
    sku
    name
    quantity
  }
}
    `, {"fragmentName":"BrandOrderFields"}) as unknown as TypedDocumentString<BrandOrderFieldsFragment, unknown>;
export const BrandLocationFieldsFragmentDoc = new TypedDocumentString(`
    fragment BrandLocationFields on StockLocation {
  id
  code
  name
  kind
  customsMode
  priority
}
    `, {"fragmentName":"BrandLocationFields"}) as unknown as TypedDocumentString<BrandLocationFieldsFragment, unknown>;
export const BrandFieldsFragmentDoc = new TypedDocumentString(`
    fragment BrandFields on Brand {
  id
  slug
  name
  country
  createdAt
}
    `, {"fragmentName":"BrandFields"}) as unknown as TypedDocumentString<BrandFieldsFragment, unknown>;
export const CollectionFieldsFragmentDoc = new TypedDocumentString(`
    fragment CollectionFields on ManagedCollection {
  id
  museumId
  slug
  name {
    fr
    en
    zhCN
  }
}
    `, {"fragmentName":"CollectionFields"}) as unknown as TypedDocumentString<CollectionFieldsFragment, unknown>;
export const FxRateFieldsFragmentDoc = new TypedDocumentString(`
    fragment FxRateFields on FxRate {
  id
  base
  quote
  rate
  source
  effectiveAt
}
    `, {"fragmentName":"FxRateFields"}) as unknown as TypedDocumentString<FxRateFieldsFragment, unknown>;
export const MuseumFieldsFragmentDoc = new TypedDocumentString(`
    fragment MuseumFields on ManagedMuseum {
  id
  slug
  legalName
  country
  storefront {
    id
    status
    name {
      fr
      en
      zhCN
    }
  }
}
    `, {"fragmentName":"MuseumFields"}) as unknown as TypedDocumentString<MuseumFieldsFragment, unknown>;
export const FxRefreshRunFieldsFragmentDoc = new TypedDocumentString(`
    fragment FxRefreshRunFields on FxRefreshRun {
  id
  status
  base
  quote
  rate
  referenceDate
  source
  error
  startedAt
  finishedAt
  acknowledgedAt
}
    `, {"fragmentName":"FxRefreshRunFields"}) as unknown as TypedDocumentString<FxRefreshRunFieldsFragment, unknown>;
export const StatementFieldsFragmentDoc = new TypedDocumentString(`
    fragment StatementFields on RoyaltyStatement {
  id
  agreementId
  museumId
  brandId
  periodStart
  periodEnd
  currency
  units
  entryCount
  netSales {
    amount
    currency
  }
  royalty {
    amount
    currency
  }
  cumulativeRoyalty {
    amount
    currency
  }
  advanceRecouped {
    amount
    currency
  }
  advanceRemaining {
    amount
    currency
  }
  minimumGuaranteeShortfall {
    amount
    currency
  }
  amountPayable {
    amount
    currency
  }
  generatedAt
  csvUrl
  pdfUrl
  agreement {
    id
    products {
      productId
      name {
        fr
        en
        zhCN
      }
    }
  }
}
    `, {"fragmentName":"StatementFields"}) as unknown as TypedDocumentString<StatementFieldsFragment, unknown>;
export const StorefrontFieldsFragmentDoc = new TypedDocumentString(`
    fragment StorefrontFields on ManagedStorefront {
  id
  museumId
  slug
  status
  bannerUrl
  name {
    fr
    en
    zhCN
  }
  story {
    fr
    en
    zhCN
  }
  featuredCollectionIds
  autoBookCarrier
  customsCode
  customsName
}
    `, {"fragmentName":"StorefrontFields"}) as unknown as TypedDocumentString<StorefrontFieldsFragment, unknown>;
export const UserFieldsFragmentDoc = new TypedDocumentString(`
    fragment UserFields on UserAccount {
  id
  email
  displayName
  role
  museumIds
  brandId
  disabled
  createdAt
}
    `, {"fragmentName":"UserFields"}) as unknown as TypedDocumentString<UserFieldsFragment, unknown>;
export const RefreshDocument = new TypedDocumentString(`
    mutation Refresh($t: String!) {
  refreshSession(refreshToken: $t) {
    accessToken
    refreshToken
    expiresIn
    user {
      id
      email
      displayName
      role
      museumIds
      brandId
    }
  }
}
    `) as unknown as TypedDocumentString<RefreshMutation, RefreshMutationVariables>;
export const LoginDocument = new TypedDocumentString(`
    mutation Login($input: LoginInput!) {
  login(input: $input) {
    accessToken
    refreshToken
    expiresIn
    user {
      id
      email
      displayName
      role
      museumIds
      brandId
    }
  }
}
    `) as unknown as TypedDocumentString<LoginMutation, LoginMutationVariables>;
export const LogoutDocument = new TypedDocumentString(`
    mutation Logout($t: String!) {
  logout(refreshToken: $t)
}
    `) as unknown as TypedDocumentString<LogoutMutation, LogoutMutationVariables>;
export const MuseumDashboardDocument = new TypedDocumentString(`
    query MuseumDashboard($museumId: ID, $timeZone: String, $threshold: Int) {
  museumDashboard(
    museumId: $museumId
    timeZone: $timeZone
    lowStockThreshold: $threshold
    lowStockFirst: 8
  ) {
    timeZone
    today {
      day
      orders
      totalCny
      goodsCny
      totalEur
      goodsEur
    }
    month {
      month
      orders
      totalCny
      goodsCny
      totalEur
      goodsEur
    }
    daily {
      day
      orders
      totalCny
      goodsCny
      totalEur
      goodsEur
    }
    ordersByStatus {
      status
      count
    }
    heldAtCustoms
    lowStock {
      threshold
      totalCount
      levels {
        variantId
        locationId
        locationCode
        sku
        productName {
          fr
          en
          zhCN
        }
        onHand
        reserved
        available
      }
    }
  }
}
    `) as unknown as TypedDocumentString<MuseumDashboardQuery, MuseumDashboardQueryVariables>;
export const LicenceAgreementsDocument = new TypedDocumentString(`
    query LicenceAgreements($first: Int, $after: String, $full: Boolean!) {
  licenceAgreements(first: $first, after: $after) {
    nodes {
      id
      ...AgreementFields @include(if: $full)
      products @include(if: $full) {
        ...LicensedProductFields
      }
    }
    pageInfo {
      endCursor
      hasNextPage
    }
    totalCount
  }
}
    fragment LicensedProductFields on LicensedProduct {
  productId
  agreementId
  museumId
  name {
    fr
    en
    zhCN
  }
  status
  publishedAt
  delistedAt
  delistReason
}
fragment AgreementFields on LicenceAgreement {
  id
  proposalId
  museumId
  brandId
  brandName
  museum {
    name {
      fr
      en
      zhCN
    }
  }
  status
  approvedVersion
  royaltyRateBps
  currency
  territory
  channels
  termStart
  termEnd
  sellOffDays
  sellOffEnd
  minimumGuarantee {
    amount
    currency
  }
  advance {
    amount
    currency
  }
  createdAt
  expiredAt
}`) as unknown as TypedDocumentString<LicenceAgreementsQuery, LicenceAgreementsQueryVariables>;
export const LicenceAgreementDocument = new TypedDocumentString(`
    query LicenceAgreement($id: ID!) {
  licenceAgreement(id: $id) {
    ...AgreementFields
    products {
      ...LicensedProductFields
      listingBlockers {
        code
        message
        path
      }
    }
  }
}
    fragment LicensedProductFields on LicensedProduct {
  productId
  agreementId
  museumId
  name {
    fr
    en
    zhCN
  }
  status
  publishedAt
  delistedAt
  delistReason
}
fragment AgreementFields on LicenceAgreement {
  id
  proposalId
  museumId
  brandId
  brandName
  museum {
    name {
      fr
      en
      zhCN
    }
  }
  status
  approvedVersion
  royaltyRateBps
  currency
  territory
  channels
  termStart
  termEnd
  sellOffDays
  sellOffEnd
  minimumGuarantee {
    amount
    currency
  }
  advance {
    amount
    currency
  }
  createdAt
  expiredAt
}`) as unknown as TypedDocumentString<LicenceAgreementQuery, LicenceAgreementQueryVariables>;
export const PublishLicensedDocument = new TypedDocumentString(`
    mutation PublishLicensed($p: ID!) {
  publishLicensedProduct(productId: $p) {
    __typename
    ... on LicensedProduct {
      ...LicensedProductFields
    }
    ... on ListingNotAllowedError {
      errorCode
      message
      reasons {
        code
        message
        path
      }
    }
  }
}
    fragment LicensedProductFields on LicensedProduct {
  productId
  agreementId
  museumId
  name {
    fr
    en
    zhCN
  }
  status
  publishedAt
  delistedAt
  delistReason
}`) as unknown as TypedDocumentString<PublishLicensedMutation, PublishLicensedMutationVariables>;
export const UnpublishLicensedDocument = new TypedDocumentString(`
    mutation UnpublishLicensed($p: ID!) {
  unpublishLicensedProduct(productId: $p) {
    ...LicensedProductFields
  }
}
    fragment LicensedProductFields on LicensedProduct {
  productId
  agreementId
  museumId
  name {
    fr
    en
    zhCN
  }
  status
  publishedAt
  delistedAt
  delistReason
}`) as unknown as TypedDocumentString<UnpublishLicensedMutation, UnpublishLicensedMutationVariables>;
export const RoyaltyLedgerDocument = new TypedDocumentString(`
    query RoyaltyLedger($agreementId: ID!, $first: Int, $after: String, $full: Boolean!) {
  royaltyLedger(agreementId: $agreementId, first: $first, after: $after) {
    nodes {
      id
      ...LedgerEntryFields @include(if: $full)
    }
    pageInfo {
      endCursor
      hasNextPage
    }
    totalCount
  }
}
    fragment LedgerEntryFields on RoyaltyLedgerEntry {
  id
  kind
  productId
  orderLineId
  units
  sale {
    amount
    currency
  }
  netSales {
    amount
    currency
  }
  royalty {
    amount
    currency
  }
  fxRate
  periodStart
  occurredAt
  statementId
}`) as unknown as TypedDocumentString<RoyaltyLedgerQuery, RoyaltyLedgerQueryVariables>;
export const ArtworksDocument = new TypedDocumentString(`
    query Artworks($museumId: ID!, $first: Int, $after: String, $search: String, $full: Boolean!) {
  artworksOfMuseum(
    museumId: $museumId
    first: $first
    after: $after
    search: $search
  ) {
    nodes {
      id
      ...ArtworkFields @include(if: $full)
    }
    pageInfo {
      endCursor
      hasNextPage
    }
    totalCount
  }
}
    fragment ArtworkFields on ManagedArtwork {
  id
  museumId
  accessionNumber
  title {
    fr
    en
    zhCN
  }
  artist
  period
  periodName {
    fr
    en
    zhCN
  }
  creditLine
  imageUrl
  licensable
}`) as unknown as TypedDocumentString<ArtworksQuery, ArtworksQueryVariables>;
export const ArtworkDocument = new TypedDocumentString(`
    query Artwork($id: ID!) {
  managedArtwork(id: $id) {
    ...ArtworkFields
  }
}
    fragment ArtworkFields on ManagedArtwork {
  id
  museumId
  accessionNumber
  title {
    fr
    en
    zhCN
  }
  artist
  period
  periodName {
    fr
    en
    zhCN
  }
  creditLine
  imageUrl
  licensable
}`) as unknown as TypedDocumentString<ArtworkQuery, ArtworkQueryVariables>;
export const CreateArtworkDocument = new TypedDocumentString(`
    mutation CreateArtwork($input: CreateArtworkInput!) {
  createArtwork(input: $input) {
    ...ArtworkFields
  }
}
    fragment ArtworkFields on ManagedArtwork {
  id
  museumId
  accessionNumber
  title {
    fr
    en
    zhCN
  }
  artist
  period
  periodName {
    fr
    en
    zhCN
  }
  creditLine
  imageUrl
  licensable
}`) as unknown as TypedDocumentString<CreateArtworkMutation, CreateArtworkMutationVariables>;
export const UpdateArtworkDocument = new TypedDocumentString(`
    mutation UpdateArtwork($input: UpdateArtworkInput!) {
  updateArtwork(input: $input) {
    ...ArtworkFields
  }
}
    fragment ArtworkFields on ManagedArtwork {
  id
  museumId
  accessionNumber
  title {
    fr
    en
    zhCN
  }
  artist
  period
  periodName {
    fr
    en
    zhCN
  }
  creditLine
  imageUrl
  licensable
}`) as unknown as TypedDocumentString<UpdateArtworkMutation, UpdateArtworkMutationVariables>;
export const DeleteArtworkDocument = new TypedDocumentString(`
    mutation DeleteArtwork($id: ID!) {
  deleteArtwork(id: $id)
}
    `) as unknown as TypedDocumentString<DeleteArtworkMutation, DeleteArtworkMutationVariables>;
export const BrandOrdersDocument = new TypedDocumentString(`
    query BrandOrders($first: Int, $after: String, $status: OrderStatus, $full: Boolean!) {
  brandOrders(first: $first, after: $after, status: $status) {
    nodes {
      id
      ...BrandOrderFields @include(if: $full)
    }
    pageInfo {
      endCursor
      hasNextPage
    }
    totalCount
  }
}
    fragment BrandOrderFields on Order {
  id
  number
  museumId
  status
  customsMode
  currency
  total
  createdAt
  orderer {
    name
    residentIdMasked
  }
  recipient {
    name
    province
    city
  }
  lines {
    id
    sku
    name
    quantity
  }
}`) as unknown as TypedDocumentString<BrandOrdersQuery, BrandOrdersQueryVariables>;
export const BrandOrderDocument = new TypedDocumentString(`
    query BrandOrder($id: ID!) {
  order(id: $id) {
    ...BrandOrderFields
  }
}
    fragment BrandOrderFields on Order {
  id
  number
  museumId
  status
  customsMode
  currency
  total
  createdAt
  orderer {
    name
    residentIdMasked
  }
  recipient {
    name
    province
    city
  }
  lines {
    id
    sku
    name
    quantity
  }
}`) as unknown as TypedDocumentString<BrandOrderQuery, BrandOrderQueryVariables>;
export const BrandStockLocationsDocument = new TypedDocumentString(`
    query BrandStockLocations {
  brandStockLocations {
    ...BrandLocationFields
  }
}
    fragment BrandLocationFields on StockLocation {
  id
  code
  name
  kind
  customsMode
  priority
}`) as unknown as TypedDocumentString<BrandStockLocationsQuery, BrandStockLocationsQueryVariables>;
export const BrandLevelsDocument = new TypedDocumentString(`
    query BrandLevels($locationId: ID!) {
  brandFulfilledVariants {
    variantId
    productId
    sku
  }
  brandStockLevels(locationId: $locationId, first: 100) {
    nodes {
      variantId
      onHand
      reserved
      available
    }
  }
}
    `) as unknown as TypedDocumentString<BrandLevelsQuery, BrandLevelsQueryVariables>;
export const SetBrandStockLevelDocument = new TypedDocumentString(`
    mutation SetBrandStockLevel($input: SetStockLevelInput!) {
  setBrandStockLevel(input: $input) {
    onHand
  }
}
    `) as unknown as TypedDocumentString<SetBrandStockLevelMutation, SetBrandStockLevelMutationVariables>;
export const CreateBrandStockLocationDocument = new TypedDocumentString(`
    mutation CreateBrandStockLocation($input: CreateBrandStockLocationInput!) {
  createBrandStockLocation(input: $input) {
    ...BrandLocationFields
  }
}
    fragment BrandLocationFields on StockLocation {
  id
  code
  name
  kind
  customsMode
  priority
}`) as unknown as TypedDocumentString<CreateBrandStockLocationMutation, CreateBrandStockLocationMutationVariables>;
export const BrandsDocument = new TypedDocumentString(`
    query Brands($first: Int, $after: String, $full: Boolean!) {
  brands(first: $first, after: $after) {
    nodes {
      id
      ...BrandFields @include(if: $full)
    }
    pageInfo {
      endCursor
      hasNextPage
    }
    totalCount
  }
}
    fragment BrandFields on Brand {
  id
  slug
  name
  country
  createdAt
}`) as unknown as TypedDocumentString<BrandsQuery, BrandsQueryVariables>;
export const BrandDocument = new TypedDocumentString(`
    query Brand($id: ID!) {
  brand(id: $id) {
    ...BrandFields
  }
}
    fragment BrandFields on Brand {
  id
  slug
  name
  country
  createdAt
}`) as unknown as TypedDocumentString<BrandQuery, BrandQueryVariables>;
export const CreateBrandDocument = new TypedDocumentString(`
    mutation CreateBrand($input: CreateBrandInput!) {
  createBrand(input: $input) {
    ...BrandFields
  }
}
    fragment BrandFields on Brand {
  id
  slug
  name
  country
  createdAt
}`) as unknown as TypedDocumentString<CreateBrandMutation, CreateBrandMutationVariables>;
export const CollectionsDocument = new TypedDocumentString(`
    query Collections($museumId: ID!, $first: Int, $after: String, $full: Boolean!) {
  collectionsOfMuseum(museumId: $museumId, first: $first, after: $after) {
    nodes {
      id
      ...CollectionFields @include(if: $full)
    }
    pageInfo {
      endCursor
      hasNextPage
    }
    totalCount
  }
}
    fragment CollectionFields on ManagedCollection {
  id
  museumId
  slug
  name {
    fr
    en
    zhCN
  }
}`) as unknown as TypedDocumentString<CollectionsQuery, CollectionsQueryVariables>;
export const CollectionDocument = new TypedDocumentString(`
    query Collection($id: ID!) {
  managedCollection(id: $id) {
    ...CollectionFields
  }
}
    fragment CollectionFields on ManagedCollection {
  id
  museumId
  slug
  name {
    fr
    en
    zhCN
  }
}`) as unknown as TypedDocumentString<CollectionQuery, CollectionQueryVariables>;
export const CreateCollectionDocument = new TypedDocumentString(`
    mutation CreateCollection($input: CreateCollectionInput!) {
  createCollection(input: $input) {
    ...CollectionFields
  }
}
    fragment CollectionFields on ManagedCollection {
  id
  museumId
  slug
  name {
    fr
    en
    zhCN
  }
}`) as unknown as TypedDocumentString<CreateCollectionMutation, CreateCollectionMutationVariables>;
export const UpdateCollectionDocument = new TypedDocumentString(`
    mutation UpdateCollection($input: UpdateCollectionInput!) {
  updateCollection(input: $input) {
    ...CollectionFields
  }
}
    fragment CollectionFields on ManagedCollection {
  id
  museumId
  slug
  name {
    fr
    en
    zhCN
  }
}`) as unknown as TypedDocumentString<UpdateCollectionMutation, UpdateCollectionMutationVariables>;
export const DeleteCollectionDocument = new TypedDocumentString(`
    mutation DeleteCollection($id: ID!) {
  deleteCollection(id: $id)
}
    `) as unknown as TypedDocumentString<DeleteCollectionMutation, DeleteCollectionMutationVariables>;
export const FxRatesDocument = new TypedDocumentString(`
    query FxRates($base: String!, $quote: String!, $first: Int, $after: String, $full: Boolean!) {
  fxRates(base: $base, quote: $quote, first: $first, after: $after) {
    nodes {
      id
      ...FxRateFields @include(if: $full)
    }
    pageInfo {
      endCursor
      hasNextPage
    }
    totalCount
  }
}
    fragment FxRateFields on FxRate {
  id
  base
  quote
  rate
  source
  effectiveAt
}`) as unknown as TypedDocumentString<FxRatesQuery, FxRatesQueryVariables>;
export const SetFxRateDocument = new TypedDocumentString(`
    mutation SetFxRate($input: SetFxRateInput!) {
  setFxRate(input: $input) {
    ...FxRateFields
  }
}
    fragment FxRateFields on FxRate {
  id
  base
  quote
  rate
  source
  effectiveAt
}`) as unknown as TypedDocumentString<SetFxRateMutation, SetFxRateMutationVariables>;
export const MuseumsDocument = new TypedDocumentString(`
    query Museums($first: Int, $after: String, $search: String, $full: Boolean!) {
  museums(first: $first, after: $after, search: $search) {
    nodes {
      id
      ...MuseumFields @include(if: $full)
    }
    pageInfo {
      endCursor
      hasNextPage
    }
    totalCount
  }
}
    fragment MuseumFields on ManagedMuseum {
  id
  slug
  legalName
  country
  storefront {
    id
    status
    name {
      fr
      en
      zhCN
    }
  }
}`) as unknown as TypedDocumentString<MuseumsQuery, MuseumsQueryVariables>;
export const MyMuseumsDocument = new TypedDocumentString(`
    query MyMuseums {
  myMuseums {
    ...MuseumFields
  }
}
    fragment MuseumFields on ManagedMuseum {
  id
  slug
  legalName
  country
  storefront {
    id
    status
    name {
      fr
      en
      zhCN
    }
  }
}`) as unknown as TypedDocumentString<MyMuseumsQuery, MyMuseumsQueryVariables>;
export const MuseumDocument = new TypedDocumentString(`
    query Museum($id: ID!) {
  museum(id: $id) {
    ...MuseumFields
  }
}
    fragment MuseumFields on ManagedMuseum {
  id
  slug
  legalName
  country
  storefront {
    id
    status
    name {
      fr
      en
      zhCN
    }
  }
}`) as unknown as TypedDocumentString<MuseumQuery, MuseumQueryVariables>;
export const CreateMuseumDocument = new TypedDocumentString(`
    mutation CreateMuseum($input: CreateMuseumInput!) {
  createMuseum(input: $input) {
    ...MuseumFields
  }
}
    fragment MuseumFields on ManagedMuseum {
  id
  slug
  legalName
  country
  storefront {
    id
    status
    name {
      fr
      en
      zhCN
    }
  }
}`) as unknown as TypedDocumentString<CreateMuseumMutation, CreateMuseumMutationVariables>;
export const UpdateMuseumDocument = new TypedDocumentString(`
    mutation UpdateMuseum($input: UpdateMuseumInput!) {
  updateMuseum(input: $input) {
    ...MuseumFields
  }
}
    fragment MuseumFields on ManagedMuseum {
  id
  slug
  legalName
  country
  storefront {
    id
    status
    name {
      fr
      en
      zhCN
    }
  }
}`) as unknown as TypedDocumentString<UpdateMuseumMutation, UpdateMuseumMutationVariables>;
export const QueueBoardLinkDocument = new TypedDocumentString(`
    mutation QueueBoardLink {
  queueBoardLink {
    path
    expiresAt
  }
}
    `) as unknown as TypedDocumentString<QueueBoardLinkMutation, QueueBoardLinkMutationVariables>;
export const FxRefreshRunsDocument = new TypedDocumentString(`
    query FxRefreshRuns($first: Int) {
  runs: fxRefreshRuns(first: $first) {
    nodes {
      ...FxRefreshRunFields
    }
  }
  alerts: fxRefreshRuns(status: FAILED, unacknowledged: true, first: 1) {
    totalCount
  }
}
    fragment FxRefreshRunFields on FxRefreshRun {
  id
  status
  base
  quote
  rate
  referenceDate
  source
  error
  startedAt
  finishedAt
  acknowledgedAt
}`) as unknown as TypedDocumentString<FxRefreshRunsQuery, FxRefreshRunsQueryVariables>;
export const AcknowledgeFxRefreshRunDocument = new TypedDocumentString(`
    mutation AcknowledgeFxRefreshRun($id: ID!) {
  acknowledgeFxRefreshRun(id: $id) {
    id
  }
}
    `) as unknown as TypedDocumentString<AcknowledgeFxRefreshRunMutation, AcknowledgeFxRefreshRunMutationVariables>;
export const RefreshFxRatesNowDocument = new TypedDocumentString(`
    mutation RefreshFxRatesNow {
  refreshFxRatesNow
}
    `) as unknown as TypedDocumentString<RefreshFxRatesNowMutation, RefreshFxRatesNowMutationVariables>;
export const RoyaltyStatementsDocument = new TypedDocumentString(`
    query RoyaltyStatements($agreementId: ID, $first: Int, $after: String, $full: Boolean!) {
  royaltyStatements(agreementId: $agreementId, first: $first, after: $after) {
    nodes {
      id
      ...StatementFields @include(if: $full)
    }
    pageInfo {
      endCursor
      hasNextPage
    }
    totalCount
  }
}
    fragment StatementFields on RoyaltyStatement {
  id
  agreementId
  museumId
  brandId
  periodStart
  periodEnd
  currency
  units
  entryCount
  netSales {
    amount
    currency
  }
  royalty {
    amount
    currency
  }
  cumulativeRoyalty {
    amount
    currency
  }
  advanceRecouped {
    amount
    currency
  }
  advanceRemaining {
    amount
    currency
  }
  minimumGuaranteeShortfall {
    amount
    currency
  }
  amountPayable {
    amount
    currency
  }
  generatedAt
  csvUrl
  pdfUrl
  agreement {
    id
    products {
      productId
      name {
        fr
        en
        zhCN
      }
    }
  }
}`) as unknown as TypedDocumentString<RoyaltyStatementsQuery, RoyaltyStatementsQueryVariables>;
export const RoyaltyStatementDocument = new TypedDocumentString(`
    query RoyaltyStatement($id: ID!) {
  royaltyStatement(id: $id) {
    ...StatementFields
  }
}
    fragment StatementFields on RoyaltyStatement {
  id
  agreementId
  museumId
  brandId
  periodStart
  periodEnd
  currency
  units
  entryCount
  netSales {
    amount
    currency
  }
  royalty {
    amount
    currency
  }
  cumulativeRoyalty {
    amount
    currency
  }
  advanceRecouped {
    amount
    currency
  }
  advanceRemaining {
    amount
    currency
  }
  minimumGuaranteeShortfall {
    amount
    currency
  }
  amountPayable {
    amount
    currency
  }
  generatedAt
  csvUrl
  pdfUrl
  agreement {
    id
    products {
      productId
      name {
        fr
        en
        zhCN
      }
    }
  }
}`) as unknown as TypedDocumentString<RoyaltyStatementQuery, RoyaltyStatementQueryVariables>;
export const ManagedStorefrontDocument = new TypedDocumentString(`
    query ManagedStorefront($museumId: ID!) {
  managedStorefront(museumId: $museumId) {
    ...StorefrontFields
  }
}
    fragment StorefrontFields on ManagedStorefront {
  id
  museumId
  slug
  status
  bannerUrl
  name {
    fr
    en
    zhCN
  }
  story {
    fr
    en
    zhCN
  }
  featuredCollectionIds
  autoBookCarrier
  customsCode
  customsName
}`) as unknown as TypedDocumentString<ManagedStorefrontQuery, ManagedStorefrontQueryVariables>;
export const UpdateStorefrontDocument = new TypedDocumentString(`
    mutation UpdateStorefront($input: UpdateStorefrontInput!) {
  updateStorefront(input: $input) {
    ...StorefrontFields
  }
}
    fragment StorefrontFields on ManagedStorefront {
  id
  museumId
  slug
  status
  bannerUrl
  name {
    fr
    en
    zhCN
  }
  story {
    fr
    en
    zhCN
  }
  featuredCollectionIds
  autoBookCarrier
  customsCode
  customsName
}`) as unknown as TypedDocumentString<UpdateStorefrontMutation, UpdateStorefrontMutationVariables>;
export const UsersDocument = new TypedDocumentString(`
    query Users($first: Int, $after: String, $role: Role, $search: String, $full: Boolean!) {
  users(first: $first, after: $after, role: $role, search: $search) {
    nodes {
      id
      ...UserFields @include(if: $full)
    }
    pageInfo {
      endCursor
      hasNextPage
    }
    totalCount
  }
}
    fragment UserFields on UserAccount {
  id
  email
  displayName
  role
  museumIds
  brandId
  disabled
  createdAt
}`) as unknown as TypedDocumentString<UsersQuery, UsersQueryVariables>;
export const UserDocument = new TypedDocumentString(`
    query User($id: ID!) {
  user(id: $id) {
    ...UserFields
  }
}
    fragment UserFields on UserAccount {
  id
  email
  displayName
  role
  museumIds
  brandId
  disabled
  createdAt
}`) as unknown as TypedDocumentString<UserQuery, UserQueryVariables>;
export const CreateUserDocument = new TypedDocumentString(`
    mutation CreateUser($input: CreateUserInput!) {
  createUser(input: $input) {
    ...UserFields
  }
}
    fragment UserFields on UserAccount {
  id
  email
  displayName
  role
  museumIds
  brandId
  disabled
  createdAt
}`) as unknown as TypedDocumentString<CreateUserMutation, CreateUserMutationVariables>;
export const UpdateAccessDocument = new TypedDocumentString(`
    mutation UpdateAccess($input: UpdateUserAccessInput!) {
  updateUserAccess(input: $input) {
    ...UserFields
  }
}
    fragment UserFields on UserAccount {
  id
  email
  displayName
  role
  museumIds
  brandId
  disabled
  createdAt
}`) as unknown as TypedDocumentString<UpdateAccessMutation, UpdateAccessMutationVariables>;