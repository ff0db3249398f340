/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type AgreementStatus =
  | 'ACTIVE'
  | 'EXPIRED';

/** Where an order came from: a shelf label’s QR code in the museum’s shop, an article, a livestream, a short link a shopper shared, the shop’s search results, or directly (no source marker). */
export type AttributionChannel =
  | 'ARTICLE'
  | 'DIRECT'
  | 'LIVESTREAM'
  | 'SEARCH'
  | 'SHARE'
  | 'SHELF_QR';

export type CancelDropInput = {
  dropId: string | number;
  /** Told to entrants in their notice (at most 300 characters). */
  reason?: string | null | undefined;
};

export type CancelLiveSessionInput = {
  sessionId: string | number;
};

export type CategoryCommissionRateInput = {
  category: string;
  rateBps: number;
};

export type ConfigureStockWebhookInput = {
  museumId: string | number;
  url: string;
};

export type ConnectWarehouseFeedInput = {
  everyMinutes: number;
  format: WarehouseFeedFormat;
  museumId: string | number;
  name: string;
  url: string;
};

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

export type CreateDropInput = {
  editionSize: number;
  mode: DropMode;
  /** Minutes each admitted shopper has to pay (0.1 to 1440). */
  payWindowMinutes: number;
  perIdentityLimit: number;
  /** DRAW only: when registration closes and the draw runs. */
  registrationClosesAt?: string | null | undefined;
  startsAt: string;
  variantId: string | number;
};

export type CreateMuseumInput = {
  /** ISO 3166 alpha-2 */
  country: string;
  legalName: string;
  /** The storefront’s name. */
  name: LocalizedTextInput;
  slug: string;
};

export type CreateProductInput = {
  artworkIds?: Array<string | number> | null | undefined;
  category: string;
  collectionIds?: Array<string | number> | null | undefined;
  crossBorderCategory?: CrossBorderCategory | null | undefined;
  description?: LocalizedTextInput | null | undefined;
  media?: Array<MediaInput> | null | undefined;
  museumId: string | number;
  name: LocalizedTextInput;
  variants?: Array<VariantInput> | null | undefined;
};

export type CreateProposalInput = {
  content?: ProposalContentInput | null | undefined;
  museumId: string | number;
};

export type CreateStockLocationInput = {
  code: string;
  kind: StockLocationKind;
  museumId: string | number;
  name: string;
  priority?: number | null | undefined;
};

export type CreateUserInput = {
  brandId?: string | number | null | undefined;
  displayName: string;
  email: string;
  museumIds?: Array<string | number> | null | undefined;
  password: string;
  role: Role;
};

/** The cross-border tax and rules family of a product. */
export type CrossBorderCategory =
  | 'APPAREL'
  | 'BOOKS'
  | 'COSMETICS'
  | 'GENERAL'
  | 'HOMEWARE'
  | 'JEWELLERY'
  | 'STATIONERY'
  | 'TOYS';

/** ORDER (CEB311, from the e-commerce enterprise), PAYMENT (CEB411, from the payment company), WAYBILL (CEB511, from the logistics company), which customs matches; INVENTORY (the declaration list, CEB621), which customs releases or holds; RETURN (a return declaration, CEB625). */
export type CustomsDocument =
  | 'INVENTORY'
  | 'ORDER'
  | 'PAYMENT'
  | 'RETURN'
  | 'WAYBILL';

export type CustomsMessageStatus =
  | 'ACCEPTED'
  | 'CLEARED'
  | 'HELD'
  | 'PENDING'
  | 'REJECTED'
  /** Withdrawn by the platform after a refund (CEB311 appType 3). */
  | 'WITHDRAWN';

export type DisputeEvidenceFileInput = {
  /** The file, base64; all files together at most 4 MB. */
  contentBase64: string;
  /** application/pdf, image/jpeg or image/png. */
  contentType: string;
  filename: string;
  kind: DisputeEvidenceFileKind;
};

export type DisputeEvidenceFileKind =
  | 'CUSTOMER_COMMUNICATION'
  | 'RECEIPT'
  | 'SHIPPING_DOCUMENTATION'
  | 'UNCATEGORIZED';

/** Stripe’s dispute evidence; at least one field or file. */
export type DisputeEvidenceInput = {
  customerEmailAddress?: string | null | undefined;
  customerName?: string | null | undefined;
  files?: Array<DisputeEvidenceFileInput> | null | undefined;
  productDescription?: string | null | undefined;
  refundPolicyDisclosure?: string | null | undefined;
  shippingCarrier?: string | null | undefined;
  shippingDate?: string | null | undefined;
  shippingTrackingNumber?: string | null | undefined;
  uncategorizedText?: string | null | undefined;
};

/** The console’s drop list filters; all optional, combined with AND. */
export type DropFilterInput = {
  mode?: DropMode | null | undefined;
  /** Starting before. */
  startsBefore?: string | null | undefined;
  /** Starting at or after. */
  startsFrom?: string | null | undefined;
  status?: DropStatus | null | undefined;
};

/** QUEUE: a waiting room shuffled at the start, admitted in turns. DRAW: registration, then a committed-seed draw. */
export type DropMode =
  | 'DRAW'
  | 'QUEUE';

/** A drop’s state, as Drop.status reads it. */
export type DropStatus =
  | 'ALLOCATING'
  | 'CANCELLED'
  | 'ENDED'
  | 'REGISTRATION'
  | 'SCHEDULED';

export type FieldChangeKind =
  | 'ADDED'
  | 'CHANGED'
  | 'REMOVED';

export type FxRefreshStatus =
  | 'FAILED'
  | 'SUCCEEDED';

export type InspectReturnInput = {
  comment?: string | null | undefined;
  lines: Array<InspectReturnLineInput>;
  returnId: string | number;
};

export type InspectReturnLineInput = {
  acceptedQuantity: number;
  lineId: string | number;
  /** Back on sale (true) or set aside (false). */
  sellable: boolean;
};

/** Where a licensed item may be sold; VITRINE_MARKETPLACE is this marketplace. */
export type LicenceChannel =
  | 'BRAND_ONLINE'
  | 'BRAND_RETAIL'
  | 'MUSEUM_SHOP'
  | 'VITRINE_MARKETPLACE'
  | 'WHOLESALE';

export type ListingProblemCode =
  | 'HS_CODE_NOT_ALLOWED'
  | 'MISSING_ZH_DESCRIPTION'
  | 'MISSING_ZH_NAME'
  | 'NO_VARIANTS';

/** The console’s session list filters; all optional, combined with AND. */
export type LiveSessionFilterInput = {
  /** The phase now (as LiveSession.phase reads it). */
  phase?: LiveSessionPhase | null | undefined;
  /** Starting before. */
  startsBefore?: string | null | undefined;
  /** Starting at or after. */
  startsFrom?: string | null | undefined;
};

export type LiveSessionPhase =
  | 'CANCELLED'
  | 'ENDED'
  | 'LIVE'
  | 'SCHEDULED';

export type LiveStreamPlayerKind =
  | 'EMBED'
  | 'LINK';

/** Why a stream URL is refused (STREAM_URL_NOT_ALLOWED’s `problem`). */
export type LiveStreamUrlProblem =
  | 'HAS_CREDENTIALS'
  | 'NOT_A_URL'
  | 'NOT_HTTPS';

export type LocalizedTextInput = {
  en?: string | null | undefined;
  fr?: string | null | undefined;
  zhCN?: string | null | undefined;
};

export type LoginInput = {
  email: string;
  password: string;
};

export type ManagedProductFilter = {
  artworkId?: string | number | null | undefined;
  category?: string | null | undefined;
  collectionId?: string | number | null | undefined;
  search?: string | null | undefined;
  status?: ProductStatus | null | undefined;
};

export type ManagedProductSort =
  | 'NAME'
  | 'NEWEST'
  | 'PRICE_ASC'
  | 'PRICE_DESC'
  | 'UPDATED';

export type MediaInput = {
  alt?: string | null | undefined;
  url: string;
};

export type MoneyInput = {
  /** Integer minor units. */
  amount: number;
  currency: string;
};

/** Unit of a variant’s net content: millilitres, grams or pieces (sheet masks and the like). */
export type NetContentUnit =
  | 'G'
  | 'ML'
  | 'PIECE';

/** Every given criterion must hold. */
export type OrderFilterInput = {
  /** Only orders that came from this channel (DIRECT: with no source marker). */
  channel?: AttributionChannel | null | undefined;
  /** Placed before. */
  createdBefore?: string | null | undefined;
  /** Placed at or after. */
  createdFrom?: string | null | undefined;
  /** true: only REFUNDED orders that still owe the shopper money because Stripe reported a refund failed or cancelled (refundOutstanding set). */
  refundFailed?: boolean | null | undefined;
  /** Part of the order number, or of the orderer’s or recipient’s name (case-insensitive). */
  search?: string | null | undefined;
  status?: OrderStatus | null | undefined;
};

/** By creation time or by total, with the id as tie-breaker. */
export type OrderSort =
  | 'NEWEST'
  | 'OLDEST'
  | 'TOTAL_ASC'
  | 'TOTAL_DESC';

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

export type PinLiveProductInput = {
  /** null unpins. */
  productId?: string | number | null | undefined;
  sessionId: string | number;
};

export type PostLiveAnnouncementInput = {
  /** At most 140 characters. */
  body: string;
  sessionId: string | number;
};

export type ProductSpecificationInput = {
  hsCode: string;
  originCountry: string;
  weightGrams: number;
};

export type ProductStatus =
  | 'ARCHIVED'
  | 'DRAFT'
  | 'PUBLISHED';

export type PromotionDiscountType =
  | 'AMOUNT'
  | 'PERCENT';

/** Who bears the discount: the museum, or the platform (platform-wide promotions). */
export type PromotionFunder =
  | 'MUSEUM'
  | 'PLATFORM';

/** VALIDATION_FAILED with fields on bad input; COUPON_CODE_TAKEN for a code in use. */
export type PromotionInput = {
  amountOffMinor?: number | null | undefined;
  code?: string | null | undefined;
  discountType?: PromotionDiscountType | null | undefined;
  endsAt: string;
  every?: boolean | null | undefined;
  /** Ignored on update. */
  kind: PromotionKind;
  minSpendMinor?: number | null | undefined;
  /** The museum; null (operator only): platform-wide, funded by the platform. Ignored on update. */
  museumId?: string | number | null | undefined;
  name: string;
  perShopperLimit?: number | null | undefined;
  percentBps?: number | null | undefined;
  /** Covered products; empty or null: all. */
  productIds?: Array<string | number> | null | undefined;
  startsAt: string;
  tiers?: Array<PromotionTierInput> | null | undefined;
  totalLimit?: number | null | undefined;
};

/** THRESHOLD: spend-threshold discount (满减); COUPON: a code the shopper enters. */
export type PromotionKind =
  | 'COUPON'
  | 'THRESHOLD';

export type PromotionStatus =
  | 'ACTIVE'
  | 'ARCHIVED'
  | 'ENDED'
  | 'EXHAUSTED'
  | 'SCHEDULED';

export type PromotionTierInput = {
  minMinor: number;
  offMinor: number;
};

/** A move of the approval workflow. */
export type ProposalAction =
  | 'AMEND'
  | 'APPROVE'
  | 'REJECT'
  | 'REQUEST_CHANGES'
  | 'REVISE'
  | 'SUBMIT'
  | 'WITHDRAW';

/** Fields of a proposal. On revision an absent field is kept and null clears it. */
export type ProposalContentInput = {
  advance?: MoneyInput | null | undefined;
  artworkIds?: Array<string | number> | null | undefined;
  category?: string | null | undefined;
  channels?: Array<LicenceChannel> | null | undefined;
  concept?: LocalizedTextInput | null | undefined;
  crossBorderCategory?: string | null | undefined;
  forecastUnits?: number | null | undefined;
  imageUrls?: Array<string> | null | undefined;
  minimumGuarantee?: MoneyInput | null | undefined;
  royaltyRateBps?: number | null | undefined;
  sellOffDays?: number | null | undefined;
  specification?: ProductSpecificationInput | null | undefined;
  targetRetailPrice?: MoneyInput | null | undefined;
  termEnd?: string | null | undefined;
  termStart?: string | null | undefined;
  territory?: Array<string> | null | undefined;
  title?: LocalizedTextInput | null | undefined;
};

export type ProposalFilter = {
  museumId?: string | number | null | undefined;
  stage?: ProposalStage | null | undefined;
  status?: ProposalStatus | null | undefined;
};

export type ProposalStage =
  | 'CONCEPT'
  | 'FINAL_SAMPLE'
  | 'PRE_PRODUCTION_SAMPLE';

export type ProposalStatus =
  | 'APPROVED'
  | 'CHANGES_REQUESTED'
  | 'DRAFT'
  | 'REJECTED'
  | 'SUBMITTED'
  | 'WITHDRAWN';

/** A payment of the cross-border tax to customs (ADR 0031). */
export type RecordTaxRemittanceInput = {
  /** Integer minor units (a Float only to hold amounts beyond 2^31). */
  amount: number;
  /** ISO 4217 code, in capitals. */
  currency: string;
  /** Customs’ or the bank’s reference of the payment (1 to 64 letters, digits or _ . : / -): one remittance per reference. */
  reference: string;
};

export type RefundLineInput = {
  lineId: string | number;
  /** Units of the line to refund (their landed price: goods, freight share and tax). */
  quantity: number;
};

export type ReturnCustomsStatus =
  | 'ACCEPTED'
  | 'DECLARED'
  | 'NOT_DECLARED'
  | 'REJECTED';

/** DAMAGED and WRONG_ITEM are the seller’s fault: shipping is refunded too. */
export type ReturnReason =
  | 'CHANGED_MIND'
  | 'DAMAGED'
  | 'WRONG_ITEM';

export type ReturnStatus =
  | 'ACCEPTED'
  | 'INSPECTED'
  | 'REFUNDED'
  | 'REFUSED'
  | 'REQUESTED';

export type ReviewDecision =
  | 'APPROVE'
  | 'REJECT'
  | 'REQUEST_CHANGES';

export type ReviewProposalInput = {
  /** Required to reject or request changes. */
  comment?: string | null | undefined;
  decision: ReviewDecision;
  /** The submitted revision reviewed. */
  expectedVersion?: number | null | undefined;
  id: string | number;
};

export type ReviseProposalInput = {
  content: ProposalContentInput;
  /** The revision the edit was made on; refused with StaleRevisionError if it is no longer current. */
  expectedVersion?: number | null | undefined;
  id: string | number;
  note?: string | null | undefined;
};

export type Role =
  | 'BRAND_PARTNER'
  | 'MUSEUM_MANAGER'
  | 'PLATFORM_ADMIN'
  | 'SHOPPER';

export type RoyaltyEntryKind =
  | 'ACCRUAL'
  | 'REVERSAL';

export type ScheduleLiveSessionInput = {
  endsAt: string;
  museumId: string | number;
  /** Products of the same museum, at most 50. */
  productIds: Array<string | number>;
  startsAt: string;
  streamUrl: string;
  title: string;
};

export type SellerKind =
  | 'BRAND'
  | 'MUSEUM';

export type SetCommissionRatesInput = {
  categoryRates?: Array<CategoryCommissionRateInput>;
  /** Basis points, 0..10000. */
  defaultRateBps: number;
  /** Pass Stripe’s fees on to the storefront’s sellers (for orders placed from now on). Omitted or null: unchanged. */
  passStripeFees?: boolean | null | undefined;
  storefrontId: string | number;
};

export type SetFxRateInput = {
  base?: string;
  /** Defaults to now. */
  effectiveAt?: string | null | undefined;
  quote?: string;
  /** A positive decimal, e.g. "7.8123". */
  rate: string;
  source: string;
};

export type SetLiveSessionBagInput = {
  productIds: Array<string | number>;
  sessionId: string | number;
};

export type SetStockLevelInput = {
  locationId: string | number;
  note?: string | null | undefined;
  onHand: number;
  variantId: string | number;
};

/** SMS: a text to the order’s phone (a guest’s return). NOTICE: a notice in the shopper’s account. */
export type ShopperMessageChannel =
  | 'NOTICE'
  | 'SMS';

export type StartLiveFlashPriceInput = {
  /** How long it runs, 10 s to 4 h (the console offers whole minutes); it ends with the session at the latest. */
  durationSeconds: number;
  /** CNY fen, below every variant’s current price. */
  priceMinor: number;
  productId: string | number;
  sessionId: string | number;
};

/** EU_WAREHOUSE ships direct mail (customs 9610); BONDED_WAREHOUSE_CN ships bonded stock (customs 1210). */
export type StockLocationKind =
  | 'BONDED_WAREHOUSE_CN'
  | 'EU_WAREHOUSE';

/** What changed a stock level. */
export type StockMovementKind =
  | 'ADJUSTMENT'
  | 'COMMIT'
  | 'RECEIPT'
  | 'RELEASE'
  | 'RESERVE'
  | 'SHIP';

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

/** Changes a drop before it starts; fields left out (or null) keep their value. The variant and mode stay. */
export type UpdateDropInput = {
  dropId: string | number;
  /** At most the variant’s units for sale (DROP_EDITION_OVER_STOCK). */
  editionSize?: number | null | undefined;
  payWindowMinutes?: number | null | undefined;
  perIdentityLimit?: number | null | undefined;
  /** DRAW only. */
  registrationClosesAt?: string | null | undefined;
  /** At least 5 s ahead, like a new drop’s. */
  startsAt?: string | null | undefined;
};

/** Changes a scheduled session; fields left out (or null) keep their value. The bag changes with setLiveSessionBag. */
export type UpdateLiveSessionInput = {
  endsAt?: string | null | undefined;
  sessionId: string | number;
  startsAt?: string | null | undefined;
  streamUrl?: string | null | undefined;
  title?: string | null | undefined;
};

export type UpdateMuseumInput = {
  country?: string | null | undefined;
  id: string | number;
  legalName?: string | null | undefined;
};

/** Absent fields are kept; a list given replaces the whole list. */
export type UpdateProductInput = {
  artworkIds?: Array<string | number> | null | undefined;
  category?: string | null | undefined;
  collectionIds?: Array<string | number> | null | undefined;
  crossBorderCategory?: CrossBorderCategory | null | undefined;
  description?: LocalizedTextInput | null | undefined;
  id: string | number;
  media?: Array<MediaInput> | null | undefined;
  name?: LocalizedTextInput | null | undefined;
  variants?: Array<VariantInput> | null | undefined;
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

export type UpdateWarehouseFeedInput = {
  enabled?: boolean | null | undefined;
  everyMinutes?: number | null | undefined;
  format?: WarehouseFeedFormat | null | undefined;
  id: string | number;
  name?: string | null | undefined;
  url?: string | null | undefined;
};

export type UploadStockFeedInput = {
  /** The CSV or JSON document (at most 5 MB). */
  content: string;
  format: WarehouseFeedFormat;
  museumId: string | number;
};

export type VariantInput = {
  hsCode: string;
  /** An existing variant of this product; else matched by SKU, else new. */
  id?: string | number | null | undefined;
  /** Net content in whole units of netContentUnit (e.g. 75 for a 75 ml cream); with cosmetics it decides the consumption tax (high-end from 10 CNY per ml or g, 15 CNY per piece). Null: not given (a cosmetic is then taxed as high-end). Given with netContentUnit or not at all (VALIDATION_FAILED). */
  netContent?: number | null | undefined;
  netContentUnit?: NetContentUnit | null | undefined;
  options?: unknown;
  /** ISO 3166 alpha-2 */
  originCountry: string;
  /** EUR minor units. */
  priceMinor: number;
  sku: string;
  weightGrams: number;
};

export type VoidDropEntryInput = {
  entryId: string | number;
  reason: string;
};

/** CSV with a header (sku, location, quantity) or JSON ([{ sku, location, quantity }]). */
export type WarehouseFeedFormat =
  | 'CSV'
  | 'JSON';

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

export type ProposalContentFieldsFragment = { imageUrls: Array<string> | null, artworkIds: Array<string> | null, category: string | null, crossBorderCategory: string | null, forecastUnits: number | null, territory: Array<string> | null, channels: Array<LicenceChannel> | null, termStart: string | null, termEnd: string | null, sellOffDays: number | null, royaltyRateBps: number | null, title: { fr: string, en: string, zhCN: string } | null, concept: { fr: string, en: string, zhCN: string } | null, targetRetailPrice: { amount: number, currency: string } | null, minimumGuarantee: { amount: number, currency: string } | null, advance: { amount: number, currency: string } | null, specification: { hsCode: string, weightGrams: number, originCountry: string } | null };

export type ProposalHeadFieldsFragment = { id: string, museumId: string, brandId: string, brandName: string | null, status: ProposalStatus, stage: ProposalStage, amendment: boolean, currentVersion: number, submittedVersion: number | null, approvedVersion: number | null, reviewDueAt: string | null, submittedAt: string | null, createdAt: string, updatedAt: string, allowedActions: Array<ProposalAction>, museum: { id: string, slug: string, name: { fr: string, en: string, zhCN: string } } | null };

export type ProposalDetailFieldsFragment = { id: string, museumId: string, brandId: string, brandName: string | null, status: ProposalStatus, stage: ProposalStage, amendment: boolean, currentVersion: number, submittedVersion: number | null, approvedVersion: number | null, reviewDueAt: string | null, submittedAt: string | null, createdAt: string, updatedAt: string, allowedActions: Array<ProposalAction>, content: { imageUrls: Array<string> | null, artworkIds: Array<string> | null, category: string | null, crossBorderCategory: string | null, forecastUnits: number | null, territory: Array<string> | null, channels: Array<LicenceChannel> | null, termStart: string | null, termEnd: string | null, sellOffDays: number | null, royaltyRateBps: number | null, title: { fr: string, en: string, zhCN: string } | null, concept: { fr: string, en: string, zhCN: string } | null, targetRetailPrice: { amount: number, currency: string } | null, minimumGuarantee: { amount: number, currency: string } | null, advance: { amount: number, currency: string } | null, specification: { hsCode: string, weightGrams: number, originCountry: string } | null }, submissionProblems: Array<{ path: string, message: string }>, revisions: Array<{ version: number, stage: ProposalStage, note: string, createdAt: string, content: { imageUrls: Array<string> | null, artworkIds: Array<string> | null, category: string | null, crossBorderCategory: string | null, forecastUnits: number | null, territory: Array<string> | null, channels: Array<LicenceChannel> | null, termStart: string | null, termEnd: string | null, sellOffDays: number | null, royaltyRateBps: number | null, title: { fr: string, en: string, zhCN: string } | null, concept: { fr: string, en: string, zhCN: string } | null, targetRetailPrice: { amount: number, currency: string } | null, minimumGuarantee: { amount: number, currency: string } | null, advance: { amount: number, currency: string } | null, specification: { hsCode: string, weightGrams: number, originCountry: string } | null } }>, reviewHistory: Array<{ id: string, decision: ReviewDecision, stage: ProposalStage, revisionVersion: number, comment: string, createdAt: string }>, history: Array<{ event: string, actorRole: string, comment: string, createdAt: string, fromStage: ProposalStage | null, toStage: ProposalStage, fromStatus: ProposalStatus | null, toStatus: ProposalStatus, revisionVersion: number | null }>, artworks: Array<{ id: string, accessionNumber: string, artist: string, title: { fr: string, en: string, zhCN: string } }>, agreement: { id: string, status: AgreementStatus } | null, museum: { id: string, slug: string, name: { fr: string, en: string, zhCN: string } } | null };

type ProposalResultFields_AgreementTermsLockedError_Fragment = { __typename: 'AgreementTermsLockedError', errorCode: string, message: string, lockedFields: Array<string> };

type ProposalResultFields_IllegalTransitionError_Fragment = { __typename: 'IllegalTransitionError', errorCode: string, message: string };

type ProposalResultFields_Proposal_Fragment = { __typename: 'Proposal', id: string, museumId: string, brandId: string, brandName: string | null, status: ProposalStatus, stage: ProposalStage, amendment: boolean, currentVersion: number, submittedVersion: number | null, approvedVersion: number | null, reviewDueAt: string | null, submittedAt: string | null, createdAt: string, updatedAt: string, allowedActions: Array<ProposalAction>, content: { imageUrls: Array<string> | null, artworkIds: Array<string> | null, category: string | null, crossBorderCategory: string | null, forecastUnits: number | null, territory: Array<string> | null, channels: Array<LicenceChannel> | null, termStart: string | null, termEnd: string | null, sellOffDays: number | null, royaltyRateBps: number | null, title: { fr: string, en: string, zhCN: string } | null, concept: { fr: string, en: string, zhCN: string } | null, targetRetailPrice: { amount: number, currency: string } | null, minimumGuarantee: { amount: number, currency: string } | null, advance: { amount: number, currency: string } | null, specification: { hsCode: string, weightGrams: number, originCountry: string } | null }, submissionProblems: Array<{ path: string, message: string }>, revisions: Array<{ version: number, stage: ProposalStage, note: string, createdAt: string, content: { imageUrls: Array<string> | null, artworkIds: Array<string> | null, category: string | null, crossBorderCategory: string | null, forecastUnits: number | null, territory: Array<string> | null, channels: Array<LicenceChannel> | null, termStart: string | null, termEnd: string | null, sellOffDays: number | null, royaltyRateBps: number | null, title: { fr: string, en: string, zhCN: string } | null, concept: { fr: string, en: string, zhCN: string } | null, targetRetailPrice: { amount: number, currency: string } | null, minimumGuarantee: { amount: number, currency: string } | null, advance: { amount: number, currency: string } | null, specification: { hsCode: string, weightGrams: number, originCountry: string } | null } }>, reviewHistory: Array<{ id: string, decision: ReviewDecision, stage: ProposalStage, revisionVersion: number, comment: string, createdAt: string }>, history: Array<{ event: string, actorRole: string, comment: string, createdAt: string, fromStage: ProposalStage | null, toStage: ProposalStage, fromStatus: ProposalStatus | null, toStatus: ProposalStatus, revisionVersion: number | null }>, artworks: Array<{ id: string, accessionNumber: string, artist: string, title: { fr: string, en: string, zhCN: string } }>, agreement: { id: string, status: AgreementStatus } | null, museum: { id: string, slug: string, name: { fr: string, en: string, zhCN: string } } | null };

type ProposalResultFields_StaleRevisionError_Fragment = { __typename: 'StaleRevisionError', errorCode: string, message: string, latestVersion: number | null };

export type ProposalResultFieldsFragment =
  | ProposalResultFields_AgreementTermsLockedError_Fragment
  | ProposalResultFields_IllegalTransitionError_Fragment
  | ProposalResultFields_Proposal_Fragment
  | ProposalResultFields_StaleRevisionError_Fragment
;

export type ProposalsQueryVariables = Exact<{
  filter?: ProposalFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
  full: boolean;
}>;


export type ProposalsQuery = { proposals: { totalCount: number, nodes: Array<{ id: string, content?: { imageUrls: Array<string> | null, title: { fr: string, en: string, zhCN: string } | null } } & { id?: string, museumId?: string, brandId?: string, brandName?: string | null, status?: ProposalStatus, stage?: ProposalStage, amendment?: boolean, currentVersion?: number, submittedVersion?: number | null, approvedVersion?: number | null, reviewDueAt?: string | null, submittedAt?: string | null, createdAt?: string, updatedAt?: string, allowedActions?: Array<ProposalAction>, museum?: { id: string, slug: string, name: { fr: string, en: string, zhCN: string } } | null }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } };

export type ProposalInboxQueryVariables = Exact<{
  museumId: string | number;
  statuses?: Array<ProposalStatus> | ProposalStatus | null | undefined;
  stage?: ProposalStage | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
  full: boolean;
}>;


export type ProposalInboxQuery = { proposalInbox: { totalCount: number, nodes: Array<{ id: string, content?: { imageUrls: Array<string> | null, title: { fr: string, en: string, zhCN: string } | null } } & { id?: string, museumId?: string, brandId?: string, brandName?: string | null, status?: ProposalStatus, stage?: ProposalStage, amendment?: boolean, currentVersion?: number, submittedVersion?: number | null, approvedVersion?: number | null, reviewDueAt?: string | null, submittedAt?: string | null, createdAt?: string, updatedAt?: string, allowedActions?: Array<ProposalAction>, museum?: { id: string, slug: string, name: { fr: string, en: string, zhCN: string } } | null }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } };

export type ProposalQueryVariables = Exact<{
  id: string | number;
}>;


export type ProposalQuery = { proposal: { id: string, museumId: string, brandId: string, brandName: string | null, status: ProposalStatus, stage: ProposalStage, amendment: boolean, currentVersion: number, submittedVersion: number | null, approvedVersion: number | null, reviewDueAt: string | null, submittedAt: string | null, createdAt: string, updatedAt: string, allowedActions: Array<ProposalAction>, content: { imageUrls: Array<string> | null, artworkIds: Array<string> | null, category: string | null, crossBorderCategory: string | null, forecastUnits: number | null, territory: Array<string> | null, channels: Array<LicenceChannel> | null, termStart: string | null, termEnd: string | null, sellOffDays: number | null, royaltyRateBps: number | null, title: { fr: string, en: string, zhCN: string } | null, concept: { fr: string, en: string, zhCN: string } | null, targetRetailPrice: { amount: number, currency: string } | null, minimumGuarantee: { amount: number, currency: string } | null, advance: { amount: number, currency: string } | null, specification: { hsCode: string, weightGrams: number, originCountry: string } | null }, submissionProblems: Array<{ path: string, message: string }>, revisions: Array<{ version: number, stage: ProposalStage, note: string, createdAt: string, content: { imageUrls: Array<string> | null, artworkIds: Array<string> | null, category: string | null, crossBorderCategory: string | null, forecastUnits: number | null, territory: Array<string> | null, channels: Array<LicenceChannel> | null, termStart: string | null, termEnd: string | null, sellOffDays: number | null, royaltyRateBps: number | null, title: { fr: string, en: string, zhCN: string } | null, concept: { fr: string, en: string, zhCN: string } | null, targetRetailPrice: { amount: number, currency: string } | null, minimumGuarantee: { amount: number, currency: string } | null, advance: { amount: number, currency: string } | null, specification: { hsCode: string, weightGrams: number, originCountry: string } | null } }>, reviewHistory: Array<{ id: string, decision: ReviewDecision, stage: ProposalStage, revisionVersion: number, comment: string, createdAt: string }>, history: Array<{ event: string, actorRole: string, comment: string, createdAt: string, fromStage: ProposalStage | null, toStage: ProposalStage, fromStatus: ProposalStatus | null, toStatus: ProposalStatus, revisionVersion: number | null }>, artworks: Array<{ id: string, accessionNumber: string, artist: string, title: { fr: string, en: string, zhCN: string } }>, agreement: { id: string, status: AgreementStatus } | null, museum: { id: string, slug: string, name: { fr: string, en: string, zhCN: string } } | null } };

export type ProposalDiffQueryVariables = Exact<{
  id: string | number;
  from: number;
  to: number;
}>;


export type ProposalDiffQuery = { proposalDiff: Array<{ path: string, kind: FieldChangeKind, before: unknown, after: unknown }> };

export type CreateProposalMutationVariables = Exact<{
  input: CreateProposalInput;
}>;


export type CreateProposalMutation = { createProposal: { id: string, museumId: string, brandId: string, brandName: string | null, status: ProposalStatus, stage: ProposalStage, amendment: boolean, currentVersion: number, submittedVersion: number | null, approvedVersion: number | null, reviewDueAt: string | null, submittedAt: string | null, createdAt: string, updatedAt: string, allowedActions: Array<ProposalAction>, content: { imageUrls: Array<string> | null, artworkIds: Array<string> | null, category: string | null, crossBorderCategory: string | null, forecastUnits: number | null, territory: Array<string> | null, channels: Array<LicenceChannel> | null, termStart: string | null, termEnd: string | null, sellOffDays: number | null, royaltyRateBps: number | null, title: { fr: string, en: string, zhCN: string } | null, concept: { fr: string, en: string, zhCN: string } | null, targetRetailPrice: { amount: number, currency: string } | null, minimumGuarantee: { amount: number, currency: string } | null, advance: { amount: number, currency: string } | null, specification: { hsCode: string, weightGrams: number, originCountry: string } | null }, submissionProblems: Array<{ path: string, message: string }>, revisions: Array<{ version: number, stage: ProposalStage, note: string, createdAt: string, content: { imageUrls: Array<string> | null, artworkIds: Array<string> | null, category: string | null, crossBorderCategory: string | null, forecastUnits: number | null, territory: Array<string> | null, channels: Array<LicenceChannel> | null, termStart: string | null, termEnd: string | null, sellOffDays: number | null, royaltyRateBps: number | null, title: { fr: string, en: string, zhCN: string } | null, concept: { fr: string, en: string, zhCN: string } | null, targetRetailPrice: { amount: number, currency: string } | null, minimumGuarantee: { amount: number, currency: string } | null, advance: { amount: number, currency: string } | null, specification: { hsCode: string, weightGrams: number, originCountry: string } | null } }>, reviewHistory: Array<{ id: string, decision: ReviewDecision, stage: ProposalStage, revisionVersion: number, comment: string, createdAt: string }>, history: Array<{ event: string, actorRole: string, comment: string, createdAt: string, fromStage: ProposalStage | null, toStage: ProposalStage, fromStatus: ProposalStatus | null, toStatus: ProposalStatus, revisionVersion: number | null }>, artworks: Array<{ id: string, accessionNumber: string, artist: string, title: { fr: string, en: string, zhCN: string } }>, agreement: { id: string, status: AgreementStatus } | null, museum: { id: string, slug: string, name: { fr: string, en: string, zhCN: string } } | null } };

export type ReviseProposalMutationVariables = Exact<{
  input: ReviseProposalInput;
}>;


export type ReviseProposalMutation = { reviseProposal:
    | { __typename: 'AgreementTermsLockedError', errorCode: string, message: string, lockedFields: Array<string> }
    | { __typename: 'IllegalTransitionError', errorCode: string, message: string }
    | { __typename: 'Proposal', id: string, museumId: string, brandId: string, brandName: string | null, status: ProposalStatus, stage: ProposalStage, amendment: boolean, currentVersion: number, submittedVersion: number | null, approvedVersion: number | null, reviewDueAt: string | null, submittedAt: string | null, createdAt: string, updatedAt: string, allowedActions: Array<ProposalAction>, content: { imageUrls: Array<string> | null, artworkIds: Array<string> | null, category: string | null, crossBorderCategory: string | null, forecastUnits: number | null, territory: Array<string> | null, channels: Array<LicenceChannel> | null, termStart: string | null, termEnd: string | null, sellOffDays: number | null, royaltyRateBps: number | null, title: { fr: string, en: string, zhCN: string } | null, concept: { fr: string, en: string, zhCN: string } | null, targetRetailPrice: { amount: number, currency: string } | null, minimumGuarantee: { amount: number, currency: string } | null, advance: { amount: number, currency: string } | null, specification: { hsCode: string, weightGrams: number, originCountry: string } | null }, submissionProblems: Array<{ path: string, message: string }>, revisions: Array<{ version: number, stage: ProposalStage, note: string, createdAt: string, content: { imageUrls: Array<string> | null, artworkIds: Array<string> | null, category: string | null, crossBorderCategory: string | null, forecastUnits: number | null, territory: Array<string> | null, channels: Array<LicenceChannel> | null, termStart: string | null, termEnd: string | null, sellOffDays: number | null, royaltyRateBps: number | null, title: { fr: string, en: string, zhCN: string } | null, concept: { fr: string, en: string, zhCN: string } | null, targetRetailPrice: { amount: number, currency: string } | null, minimumGuarantee: { amount: number, currency: string } | null, advance: { amount: number, currency: string } | null, specification: { hsCode: string, weightGrams: number, originCountry: string } | null } }>, reviewHistory: Array<{ id: string, decision: ReviewDecision, stage: ProposalStage, revisionVersion: number, comment: string, createdAt: string }>, history: Array<{ event: string, actorRole: string, comment: string, createdAt: string, fromStage: ProposalStage | null, toStage: ProposalStage, fromStatus: ProposalStatus | null, toStatus: ProposalStatus, revisionVersion: number | null }>, artworks: Array<{ id: string, accessionNumber: string, artist: string, title: { fr: string, en: string, zhCN: string } }>, agreement: { id: string, status: AgreementStatus } | null, museum: { id: string, slug: string, name: { fr: string, en: string, zhCN: string } } | null }
    | { __typename: 'StaleRevisionError', errorCode: string, message: string, latestVersion: number | null }
   };

export type SubmitProposalMutationVariables = Exact<{
  id: string | number;
  v?: number | null | undefined;
}>;


export type SubmitProposalMutation = { submitProposal:
    | { __typename: 'AgreementTermsLockedError', errorCode: string, message: string, lockedFields: Array<string> }
    | { __typename: 'IllegalTransitionError', errorCode: string, message: string }
    | { __typename: 'Proposal', id: string, museumId: string, brandId: string, brandName: string | null, status: ProposalStatus, stage: ProposalStage, amendment: boolean, currentVersion: number, submittedVersion: number | null, approvedVersion: number | null, reviewDueAt: string | null, submittedAt: string | null, createdAt: string, updatedAt: string, allowedActions: Array<ProposalAction>, content: { imageUrls: Array<string> | null, artworkIds: Array<string> | null, category: string | null, crossBorderCategory: string | null, forecastUnits: number | null, territory: Array<string> | null, channels: Array<LicenceChannel> | null, termStart: string | null, termEnd: string | null, sellOffDays: number | null, royaltyRateBps: number | null, title: { fr: string, en: string, zhCN: string } | null, concept: { fr: string, en: string, zhCN: string } | null, targetRetailPrice: { amount: number, currency: string } | null, minimumGuarantee: { amount: number, currency: string } | null, advance: { amount: number, currency: string } | null, specification: { hsCode: string, weightGrams: number, originCountry: string } | null }, submissionProblems: Array<{ path: string, message: string }>, revisions: Array<{ version: number, stage: ProposalStage, note: string, createdAt: string, content: { imageUrls: Array<string> | null, artworkIds: Array<string> | null, category: string | null, crossBorderCategory: string | null, forecastUnits: number | null, territory: Array<string> | null, channels: Array<LicenceChannel> | null, termStart: string | null, termEnd: string | null, sellOffDays: number | null, royaltyRateBps: number | null, title: { fr: string, en: string, zhCN: string } | null, concept: { fr: string, en: string, zhCN: string } | null, targetRetailPrice: { amount: number, currency: string } | null, minimumGuarantee: { amount: number, currency: string } | null, advance: { amount: number, currency: string } | null, specification: { hsCode: string, weightGrams: number, originCountry: string } | null } }>, reviewHistory: Array<{ id: string, decision: ReviewDecision, stage: ProposalStage, revisionVersion: number, comment: string, createdAt: string }>, history: Array<{ event: string, actorRole: string, comment: string, createdAt: string, fromStage: ProposalStage | null, toStage: ProposalStage, fromStatus: ProposalStatus | null, toStatus: ProposalStatus, revisionVersion: number | null }>, artworks: Array<{ id: string, accessionNumber: string, artist: string, title: { fr: string, en: string, zhCN: string } }>, agreement: { id: string, status: AgreementStatus } | null, museum: { id: string, slug: string, name: { fr: string, en: string, zhCN: string } } | null }
    | { __typename: 'StaleRevisionError', errorCode: string, message: string, latestVersion: number | null }
   };

export type ReviewProposalMutationVariables = Exact<{
  input: ReviewProposalInput;
}>;


export type ReviewProposalMutation = { reviewProposal:
    | { __typename: 'AgreementTermsLockedError', errorCode: string, message: string, lockedFields: Array<string> }
    | { __typename: 'IllegalTransitionError', errorCode: string, message: string }
    | { __typename: 'Proposal', id: string, museumId: string, brandId: string, brandName: string | null, status: ProposalStatus, stage: ProposalStage, amendment: boolean, currentVersion: number, submittedVersion: number | null, approvedVersion: number | null, reviewDueAt: string | null, submittedAt: string | null, createdAt: string, updatedAt: string, allowedActions: Array<ProposalAction>, content: { imageUrls: Array<string> | null, artworkIds: Array<string> | null, category: string | null, crossBorderCategory: string | null, forecastUnits: number | null, territory: Array<string> | null, channels: Array<LicenceChannel> | null, termStart: string | null, termEnd: string | null, sellOffDays: number | null, royaltyRateBps: number | null, title: { fr: string, en: string, zhCN: string } | null, concept: { fr: string, en: string, zhCN: string } | null, targetRetailPrice: { amount: number, currency: string } | null, minimumGuarantee: { amount: number, currency: string } | null, advance: { amount: number, currency: string } | null, specification: { hsCode: string, weightGrams: number, originCountry: string } | null }, submissionProblems: Array<{ path: string, message: string }>, revisions: Array<{ version: number, stage: ProposalStage, note: string, createdAt: string, content: { imageUrls: Array<string> | null, artworkIds: Array<string> | null, category: string | null, crossBorderCategory: string | null, forecastUnits: number | null, territory: Array<string> | null, channels: Array<LicenceChannel> | null, termStart: string | null, termEnd: string | null, sellOffDays: number | null, royaltyRateBps: number | null, title: { fr: string, en: string, zhCN: string } | null, concept: { fr: string, en: string, zhCN: string } | null, targetRetailPrice: { amount: number, currency: string } | null, minimumGuarantee: { amount: number, currency: string } | null, advance: { amount: number, currency: string } | null, specification: { hsCode: string, weightGrams: number, originCountry: string } | null } }>, reviewHistory: Array<{ id: string, decision: ReviewDecision, stage: ProposalStage, revisionVersion: number, comment: string, createdAt: string }>, history: Array<{ event: string, actorRole: string, comment: string, createdAt: string, fromStage: ProposalStage | null, toStage: ProposalStage, fromStatus: ProposalStatus | null, toStatus: ProposalStatus, revisionVersion: number | null }>, artworks: Array<{ id: string, accessionNumber: string, artist: string, title: { fr: string, en: string, zhCN: string } }>, agreement: { id: string, status: AgreementStatus } | null, museum: { id: string, slug: string, name: { fr: string, en: string, zhCN: string } } | null }
    | { __typename: 'StaleRevisionError', errorCode: string, message: string, latestVersion: number | null }
   };

export type WithdrawProposalMutationVariables = Exact<{
  id: string | number;
  reason?: string | null | undefined;
}>;


export type WithdrawProposalMutation = { withdrawProposal:
    | { __typename: 'AgreementTermsLockedError', errorCode: string, message: string, lockedFields: Array<string> }
    | { __typename: 'IllegalTransitionError', errorCode: string, message: string }
    | { __typename: 'Proposal', id: string, museumId: string, brandId: string, brandName: string | null, status: ProposalStatus, stage: ProposalStage, amendment: boolean, currentVersion: number, submittedVersion: number | null, approvedVersion: number | null, reviewDueAt: string | null, submittedAt: string | null, createdAt: string, updatedAt: string, allowedActions: Array<ProposalAction>, content: { imageUrls: Array<string> | null, artworkIds: Array<string> | null, category: string | null, crossBorderCategory: string | null, forecastUnits: number | null, territory: Array<string> | null, channels: Array<LicenceChannel> | null, termStart: string | null, termEnd: string | null, sellOffDays: number | null, royaltyRateBps: number | null, title: { fr: string, en: string, zhCN: string } | null, concept: { fr: string, en: string, zhCN: string } | null, targetRetailPrice: { amount: number, currency: string } | null, minimumGuarantee: { amount: number, currency: string } | null, advance: { amount: number, currency: string } | null, specification: { hsCode: string, weightGrams: number, originCountry: string } | null }, submissionProblems: Array<{ path: string, message: string }>, revisions: Array<{ version: number, stage: ProposalStage, note: string, createdAt: string, content: { imageUrls: Array<string> | null, artworkIds: Array<string> | null, category: string | null, crossBorderCategory: string | null, forecastUnits: number | null, territory: Array<string> | null, channels: Array<LicenceChannel> | null, termStart: string | null, termEnd: string | null, sellOffDays: number | null, royaltyRateBps: number | null, title: { fr: string, en: string, zhCN: string } | null, concept: { fr: string, en: string, zhCN: string } | null, targetRetailPrice: { amount: number, currency: string } | null, minimumGuarantee: { amount: number, currency: string } | null, advance: { amount: number, currency: string } | null, specification: { hsCode: string, weightGrams: number, originCountry: string } | null } }>, reviewHistory: Array<{ id: string, decision: ReviewDecision, stage: ProposalStage, revisionVersion: number, comment: string, createdAt: string }>, history: Array<{ event: string, actorRole: string, comment: string, createdAt: string, fromStage: ProposalStage | null, toStage: ProposalStage, fromStatus: ProposalStatus | null, toStatus: ProposalStatus, revisionVersion: number | null }>, artworks: Array<{ id: string, accessionNumber: string, artist: string, title: { fr: string, en: string, zhCN: string } }>, agreement: { id: string, status: AgreementStatus } | null, museum: { id: string, slug: string, name: { fr: string, en: string, zhCN: string } } | null }
    | { __typename: 'StaleRevisionError', errorCode: string, message: string, latestVersion: number | null }
   };

export type LicensingMuseumsQueryVariables = Exact<{ [key: string]: never; }>;


export type LicensingMuseumsQuery = { licensingMuseums: { nodes: Array<{ id: string, slug: string, licensableWorkCount: number | null, name: { fr: string, en: string, zhCN: string } }> } };

export type LicensableArtworksQueryVariables = Exact<{
  museumId: string | number;
  search?: string | null | undefined;
}>;


export type LicensableArtworksQuery = { licensableArtworks: { nodes: Array<{ id: string, accessionNumber: string, artist: string, title: { fr: string, en: string, zhCN: string } }> } };

export type NoticesQueryVariables = Exact<{
  first?: number | null | undefined;
}>;


export type NoticesQuery = { licensingNotifications: { totalCount: number, nodes: Array<{ id: string, kind: string, message: string, proposalId: string | null, dueAt: string | null, createdAt: string }> } };

export type MarkNoticeReadMutationVariables = Exact<{
  id: string | number;
}>;


export type MarkNoticeReadMutation = { markLicensingNotificationRead: { id: string } };

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

export type DropFieldsFragment = { id: string, museumId: string, variantId: string, productId: string, mode: DropMode, status: string, startsAt: string, registrationClosesAt: string | null, editionSize: number, perIdentityLimit: number, payWindowSeconds: number, seedHash: string | null, seed: string | null, drawnAt: string | null };

export type MuseumDropsQueryVariables = Exact<{
  museumId?: string | number | null | undefined;
  filter?: DropFilterInput | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
  full: boolean;
}>;


export type MuseumDropsQuery = { museumDrops: { totalCount: number, nodes: Array<{ id: string } & { id?: string, museumId?: string, variantId?: string, productId?: string, mode?: DropMode, status?: string, startsAt?: string, registrationClosesAt?: string | null, editionSize?: number, perIdentityLimit?: number, payWindowSeconds?: number, seedHash?: string | null, seed?: string | null, drawnAt?: string | null }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } };

export type ManagedDropQueryVariables = Exact<{
  id: string | number;
}>;


export type ManagedDropQuery = { managedDrop: { id: string, museumId: string, variantId: string, productId: string, mode: DropMode, status: string, startsAt: string, registrationClosesAt: string | null, editionSize: number, perIdentityLimit: number, payWindowSeconds: number, seedHash: string | null, seed: string | null, drawnAt: string | null } };

export type UpdateDropMutationVariables = Exact<{
  input: UpdateDropInput;
}>;


export type UpdateDropMutation = { updateDrop: { id: string, museumId: string, variantId: string, productId: string, mode: DropMode, status: string, startsAt: string, registrationClosesAt: string | null, editionSize: number, perIdentityLimit: number, payWindowSeconds: number, seedHash: string | null, seed: string | null, drawnAt: string | null } };

export type CreateDropMutationVariables = Exact<{
  input: CreateDropInput;
}>;


export type CreateDropMutation = { createDrop: { id: string, museumId: string, variantId: string, productId: string, mode: DropMode, status: string, startsAt: string, registrationClosesAt: string | null, editionSize: number, perIdentityLimit: number, payWindowSeconds: number, seedHash: string | null, seed: string | null, drawnAt: string | null } };

export type DropEntriesQueryVariables = Exact<{
  dropId: string | number;
  status?: string | null | undefined;
}>;


export type DropEntriesQuery = { dropEntries: Array<{ id: string, status: string, position: number | null, joinedAt: string, turnEndsAt: string | null, accountEmail: string, accountAgeDays: number, sameAddressEntries: number, sameShippingAddressEntries: number, voidReason: string | null }> };

export type CancelDropMutationVariables = Exact<{
  input: CancelDropInput;
}>;


export type CancelDropMutation = { cancelDrop: { id: string, status: string } };

export type VoidEntryMutationVariables = Exact<{
  input: VoidDropEntryInput;
}>;


export type VoidEntryMutation = { voidDropEntry: { id: string, status: string } };

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

export type LiveSessionFieldsFragment = { id: string, museumId: string, title: string, streamUrl: string, startsAt: string, endsAt: string, phase: LiveSessionPhase, pinnedProductId: string | null, productIds: Array<string> };

export type ManagedLiveSessionsQueryVariables = Exact<{
  museumId?: string | number | null | undefined;
  filter?: LiveSessionFilterInput | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
  full: boolean;
}>;


export type ManagedLiveSessionsQuery = { managedLiveSessions: { totalCount: number, nodes: Array<{ id: string } & { id?: string, museumId?: string, title?: string, streamUrl?: string, startsAt?: string, endsAt?: string, phase?: LiveSessionPhase, pinnedProductId?: string | null, productIds?: Array<string> }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } };

export type ManagedLiveSessionQueryVariables = Exact<{
  id: string | number;
}>;


export type ManagedLiveSessionQuery = { managedLiveSession: { id: string, museumId: string, title: string, streamUrl: string, startsAt: string, endsAt: string, phase: LiveSessionPhase, pinnedProductId: string | null, productIds: Array<string>, products: Array<{ productId: string, name: string, priceMinor: number, currency: string, available: number }>, flashPrices: Array<{ productId: string, priceMinor: number, startsAt: string, endsAt: string }>, announcements: Array<{ id: string, body: string, createdAt: string }>, sales: Array<{ productId: string, name: string, orders: number, units: number, revenueMinor: number }> } };

export type LiveStreamUrlCheckQueryVariables = Exact<{
  url: string;
}>;


export type LiveStreamUrlCheckQuery = { liveStreamUrlCheck: { problem: LiveStreamUrlProblem | null, player: { kind: LiveStreamPlayerKind, platform: string | null } | null } };

export type ScheduleLiveSessionMutationVariables = Exact<{
  input: ScheduleLiveSessionInput;
}>;


export type ScheduleLiveSessionMutation = { scheduleLiveSession: { id: string, museumId: string, title: string, streamUrl: string, startsAt: string, endsAt: string, phase: LiveSessionPhase, pinnedProductId: string | null, productIds: Array<string> } };

export type UpdateLiveSessionMutationVariables = Exact<{
  input: UpdateLiveSessionInput;
}>;


export type UpdateLiveSessionMutation = { updateLiveSession: { id: string, museumId: string, title: string, streamUrl: string, startsAt: string, endsAt: string, phase: LiveSessionPhase, pinnedProductId: string | null, productIds: Array<string> } };

export type SetLiveSessionBagMutationVariables = Exact<{
  input: SetLiveSessionBagInput;
}>;


export type SetLiveSessionBagMutation = { setLiveSessionBag: { id: string, museumId: string, title: string, streamUrl: string, startsAt: string, endsAt: string, phase: LiveSessionPhase, pinnedProductId: string | null, productIds: Array<string> } };

export type CancelLiveSessionMutationVariables = Exact<{
  input: CancelLiveSessionInput;
}>;


export type CancelLiveSessionMutation = { cancelLiveSession: { id: string, phase: LiveSessionPhase } };

export type PinLiveProductMutationVariables = Exact<{
  input: PinLiveProductInput;
}>;


export type PinLiveProductMutation = { pinLiveProduct: { id: string, pinnedProductId: string | null } };

export type StartLiveFlashPriceMutationVariables = Exact<{
  input: StartLiveFlashPriceInput;
}>;


export type StartLiveFlashPriceMutation = { startLiveFlashPrice: { productId: string, priceMinor: number, endsAt: string } };

export type PostLiveAnnouncementMutationVariables = Exact<{
  input: PostLiveAnnouncementInput;
}>;


export type PostLiveAnnouncementMutation = { postLiveAnnouncement: { id: string, body: string } };

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

export type DisputeFieldsFragment = { id: string, providerDisputeId: string, orderId: string, orderNumber: string, amount: number, disputedTotal: number, currency: string, reason: string, status: string, evidenceDueBy: string | null, evidenceSubmittedAt: string | null, acceptsEvidence: boolean, lostAmount: number, createdAt: string };

export type OrderListFieldsFragment = { id: string, number: string, museumId: string, status: OrderStatus, paymentStatus: string | null, customsMode: string, currency: string, goodsTotal: number, shippingTotal: number, insuranceTotal: number, taxTotal: number, total: number, createdAt: string, paidAt: string | null, holdExpiresAt: string, orderer: { name: string, residentIdMasked: string }, recipient: { name: string, phone: string, province: string, city: string, district: string, street: string, postalCode: string }, refundOutstanding: { amount: number, currency: string } | null };

export type OrderDetailFieldsFragment = { discountTotal: number, returnDeadline: string | null, refundedTotal: number, lostToDisputes: number, id: string, number: string, museumId: string, status: OrderStatus, paymentStatus: string | null, customsMode: string, currency: string, goodsTotal: number, shippingTotal: number, insuranceTotal: number, taxTotal: number, total: number, createdAt: string, paidAt: string | null, holdExpiresAt: string, fx: { rate: string, marginBps: number, source: string, effectiveAt: string }, lines: Array<{ id: string, productId: string, variantId: string, sku: string, name: string, imageUrl: string | null, hsCode: string, originCountry: string, crossBorderCategory: string, quantity: number, currency: string, unitPrice: number, unitPriceEur: number, goods: number, discount: number, freight: number, insurance: number, dutiable: number, taxRate: string, tax: number, total: number }>, history: Array<{ from: OrderStatus | null, to: OrderStatus, reason: string, at: string }>, refunds: Array<{ id: string, providerRefundId: string, amount: number, currency: string, status: string, reason: string | null, createdAt: string }>, disputes: Array<{ id: string, providerDisputeId: string, orderId: string, orderNumber: string, amount: number, disputedTotal: number, currency: string, reason: string, status: string, evidenceDueBy: string | null, evidenceSubmittedAt: string | null, acceptsEvidence: boolean, lostAmount: number, createdAt: string }>, attribution: { channel: AttributionChannel, ref: string | null }, settlement: { parties: Array<{ account: string, ownerType: string, ownerId: string | null, component: string, amount: { amount: number, currency: string } }>, discounts: Array<{ promotionId: string, name: string, kind: string, code: string | null, fundedBy: string, amount: { amount: number, currency: string } }> } | null, orderer: { name: string, residentIdMasked: string }, recipient: { name: string, phone: string, province: string, city: string, district: string, street: string, postalCode: string }, refundOutstanding: { amount: number, currency: string } | null };

export type FulfilmentFieldsFragment = { awaitingHandover: boolean, customsMessages: Array<{ id: string, document: CustomsDocument, messageType: string, businessNo: string, senderCode: string, status: CustomsMessageStatus, invtNo: string | null, preNo: string | null, attempts: number, firstSentAt: string | null, lastSentAt: string | null, lastError: string | null, xml: string, amendments: Array<{ id: string, status: string, returnInfo: string | null, createdAt: string, xml: string }>, receipts: Array<{ id: string, status: CustomsMessageStatus | null, returnStatus: string, returnInfo: string, returnTime: string, receivedAt: string }>, transmissions: Array<{ id: string, sentAt: string, finishedAt: string, outcome: string, error: string | null, entries: number }> }>, shipment: { carrierCode: string, logisticsNo: string, status: string, bookingRef: string | null, waybillIssuedAt: string, bookedAt: string | null, deliveredAt: string | null, bookingAttempts: number, lastError: string | null, handoverRequests: number, handoverRequestedAt: string | null, events: Array<{ eventId: string, status: string, description: string, location: string | null, occurredAt: string }> } | null };

export type MuseumOrdersQueryVariables = Exact<{
  museumId?: string | number | null | undefined;
  filter?: OrderFilterInput | null | undefined;
  sort?: OrderSort | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
  full: boolean;
  lines: boolean;
}>;


export type MuseumOrdersQuery = { museumOrders: { totalCount: number, nodes: Array<{ id: string, lines?: Array<{ sku: string, name: string, quantity: number }> } & { id?: string, number?: string, museumId?: string, status?: OrderStatus, paymentStatus?: string | null, customsMode?: string, currency?: string, goodsTotal?: number, shippingTotal?: number, insuranceTotal?: number, taxTotal?: number, total?: number, createdAt?: string, paidAt?: string | null, holdExpiresAt?: string, orderer?: { name: string, residentIdMasked: string }, recipient?: { name: string, phone: string, province: string, city: string, district: string, street: string, postalCode: string }, refundOutstanding?: { amount: number, currency: string } | null }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } };

export type OrderQueryVariables = Exact<{
  id: string | number;
}>;


export type OrderQuery = { order: { discountTotal: number, returnDeadline: string | null, refundedTotal: number, lostToDisputes: number, id: string, number: string, museumId: string, status: OrderStatus, paymentStatus: string | null, customsMode: string, currency: string, goodsTotal: number, shippingTotal: number, insuranceTotal: number, taxTotal: number, total: number, createdAt: string, paidAt: string | null, holdExpiresAt: string, fx: { rate: string, marginBps: number, source: string, effectiveAt: string }, lines: Array<{ id: string, productId: string, variantId: string, sku: string, name: string, imageUrl: string | null, hsCode: string, originCountry: string, crossBorderCategory: string, quantity: number, currency: string, unitPrice: number, unitPriceEur: number, goods: number, discount: number, freight: number, insurance: number, dutiable: number, taxRate: string, tax: number, total: number }>, history: Array<{ from: OrderStatus | null, to: OrderStatus, reason: string, at: string }>, refunds: Array<{ id: string, providerRefundId: string, amount: number, currency: string, status: string, reason: string | null, createdAt: string }>, disputes: Array<{ id: string, providerDisputeId: string, orderId: string, orderNumber: string, amount: number, disputedTotal: number, currency: string, reason: string, status: string, evidenceDueBy: string | null, evidenceSubmittedAt: string | null, acceptsEvidence: boolean, lostAmount: number, createdAt: string }>, attribution: { channel: AttributionChannel, ref: string | null }, settlement: { parties: Array<{ account: string, ownerType: string, ownerId: string | null, component: string, amount: { amount: number, currency: string } }>, discounts: Array<{ promotionId: string, name: string, kind: string, code: string | null, fundedBy: string, amount: { amount: number, currency: string } }> } | null, orderer: { name: string, residentIdMasked: string }, recipient: { name: string, phone: string, province: string, city: string, district: string, street: string, postalCode: string }, refundOutstanding: { amount: number, currency: string } | null }, orderFulfilment: { awaitingHandover: boolean, customsMessages: Array<{ id: string, document: CustomsDocument, messageType: string, businessNo: string, senderCode: string, status: CustomsMessageStatus, invtNo: string | null, preNo: string | null, attempts: number, firstSentAt: string | null, lastSentAt: string | null, lastError: string | null, xml: string, amendments: Array<{ id: string, status: string, returnInfo: string | null, createdAt: string, xml: string }>, receipts: Array<{ id: string, status: CustomsMessageStatus | null, returnStatus: string, returnInfo: string, returnTime: string, receivedAt: string }>, transmissions: Array<{ id: string, sentAt: string, finishedAt: string, outcome: string, error: string | null, entries: number }> }>, shipment: { carrierCode: string, logisticsNo: string, status: string, bookingRef: string | null, waybillIssuedAt: string, bookedAt: string | null, deliveredAt: string | null, bookingAttempts: number, lastError: string | null, handoverRequests: number, handoverRequestedAt: string | null, events: Array<{ eventId: string, status: string, description: string, location: string | null, occurredAt: string }> } | null } };

export type RefundOrderMutationVariables = Exact<{
  id: string | number;
  reason: string;
  lines?: Array<RefundLineInput> | RefundLineInput | null | undefined;
  idempotencyKey?: string | null | undefined;
}>;


export type RefundOrderMutation = { refundOrder: { refundId: string, refundStatus: string, amount: number, replayed: boolean, order: { id: string, status: OrderStatus } } };

export type MuseumDisputesQueryVariables = Exact<{
  museumId?: string | number | null | undefined;
}>;


export type MuseumDisputesQuery = { museumDisputes: Array<{ id: string, providerDisputeId: string, orderId: string, orderNumber: string, amount: number, disputedTotal: number, currency: string, reason: string, status: string, evidenceDueBy: string | null, evidenceSubmittedAt: string | null, acceptsEvidence: boolean, lostAmount: number, createdAt: string }> };

export type SubmitDisputeEvidenceMutationVariables = Exact<{
  id: string | number;
  evidence: DisputeEvidenceInput;
}>;


export type SubmitDisputeEvidenceMutation = { submitDisputeEvidence: { id: string, status: string, evidenceSubmittedAt: string } };

export type ShipOrderMutationVariables = Exact<{
  id: string | number;
}>;


export type ShipOrderMutation = { shipOrder: { status: string, awaitingHandover: boolean, customsMessages: Array<{ id: string, document: CustomsDocument, messageType: string, businessNo: string, senderCode: string, status: CustomsMessageStatus, invtNo: string | null, preNo: string | null, attempts: number, firstSentAt: string | null, lastSentAt: string | null, lastError: string | null, xml: string, amendments: Array<{ id: string, status: string, returnInfo: string | null, createdAt: string, xml: string }>, receipts: Array<{ id: string, status: CustomsMessageStatus | null, returnStatus: string, returnInfo: string, returnTime: string, receivedAt: string }>, transmissions: Array<{ id: string, sentAt: string, finishedAt: string, outcome: string, error: string | null, entries: number }> }>, shipment: { carrierCode: string, logisticsNo: string, status: string, bookingRef: string | null, waybillIssuedAt: string, bookedAt: string | null, deliveredAt: string | null, bookingAttempts: number, lastError: string | null, handoverRequests: number, handoverRequestedAt: string | null, events: Array<{ eventId: string, status: string, description: string, location: string | null, occurredAt: string }> } | null } };

export type OrderFulfilmentQueryVariables = Exact<{
  id: string | number;
}>;


export type OrderFulfilmentQuery = { orderFulfilment: { status: string, awaitingHandover: boolean, customsMessages: Array<{ id: string, document: CustomsDocument, messageType: string, businessNo: string, senderCode: string, status: CustomsMessageStatus, invtNo: string | null, preNo: string | null, attempts: number, firstSentAt: string | null, lastSentAt: string | null, lastError: string | null, xml: string, amendments: Array<{ id: string, status: string, returnInfo: string | null, createdAt: string, xml: string }>, receipts: Array<{ id: string, status: CustomsMessageStatus | null, returnStatus: string, returnInfo: string, returnTime: string, receivedAt: string }>, transmissions: Array<{ id: string, sentAt: string, finishedAt: string, outcome: string, error: string | null, entries: number }> }>, shipment: { carrierCode: string, logisticsNo: string, status: string, bookingRef: string | null, waybillIssuedAt: string, bookedAt: string | null, deliveredAt: string | null, bookingAttempts: number, lastError: string | null, handoverRequests: number, handoverRequestedAt: string | null, events: Array<{ eventId: string, status: string, description: string, location: string | null, occurredAt: string }> } | null } };

export type ProductExportFieldsFragment = { id: string, museumId: string, status: ProductStatus, category: string, crossBorderCategory: CrossBorderCategory, listableForChina: boolean, createdAt: string, updatedAt: string, publishedAt: string | null, name: { fr: string, en: string, zhCN: string }, description: { fr: string, en: string, zhCN: string }, variants: Array<{ id: string, sku: string, options: unknown, priceMinor: number, weightGrams: number, hsCode: string, originCountry: string, netContent: number | null, netContentUnit: NetContentUnit | null, available: number }>, media: Array<{ id: string, url: string, alt: string, position: number }>, artworks: Array<{ id: string }>, collections: Array<{ id: string }>, listingProblems: Array<{ code: ListingProblemCode, path: string, message: string }> };

export type ProductFieldsFragment = { id: string, museumId: string, status: ProductStatus, category: string, crossBorderCategory: CrossBorderCategory, listableForChina: boolean, createdAt: string, updatedAt: string, publishedAt: string | null, variants: Array<{ id: string, sku: string, options: unknown, priceMinor: number, weightGrams: number, hsCode: string, originCountry: string, netContent: number | null, netContentUnit: NetContentUnit | null, available: number, stockLevels: Array<{ locationId: string, onHand: number, reserved: number, available: number }>, shopperPrice: { amount: number, currency: string } | null, crossBorderTax: { amount: number, currency: string } | null }>, name: { fr: string, en: string, zhCN: string }, description: { fr: string, en: string, zhCN: string }, media: Array<{ id: string, url: string, alt: string, position: number }>, artworks: Array<{ id: string }>, collections: Array<{ id: string }>, listingProblems: Array<{ code: ListingProblemCode, path: string, message: string }> };

export type ProductListFieldsFragment = { id: string, museumId: string, status: ProductStatus, category: string, createdAt: string, updatedAt: string, publishedAt: string | null, name: { fr: string, en: string, zhCN: string }, variants: Array<{ priceMinor: number, available: number }>, media: Array<{ url: string, position: number }> };

export type ManagedProductsQueryVariables = Exact<{
  museumId?: string | number | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: ManagedProductFilter | null | undefined;
  sort?: ManagedProductSort | null | undefined;
  rows: boolean;
  export: boolean;
}>;


export type ManagedProductsQuery = { managedProducts: { totalCount: number, nodes: Array<{ id: string } & { id?: string, museumId?: string, status?: ProductStatus, category?: string, createdAt?: string, updatedAt?: string, publishedAt?: string | null, name?: { fr: string, en: string, zhCN: string }, variants?: Array<{ priceMinor: number, available: number }>, media?: Array<{ url: string, position: number }> } & { id?: string, museumId?: string, status?: ProductStatus, category?: string, crossBorderCategory?: CrossBorderCategory, listableForChina?: boolean, createdAt?: string, updatedAt?: string, publishedAt?: string | null, name?: { fr: string, en: string, zhCN: string }, description?: { fr: string, en: string, zhCN: string }, variants?: Array<{ id: string, sku: string, options: unknown, priceMinor: number, weightGrams: number, hsCode: string, originCountry: string, netContent: number | null, netContentUnit: NetContentUnit | null, available: number }>, media?: Array<{ id: string, url: string, alt: string, position: number }>, artworks?: Array<{ id: string }>, collections?: Array<{ id: string }>, listingProblems?: Array<{ code: ListingProblemCode, path: string, message: string }> }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } };

export type ManagedProductQueryVariables = Exact<{
  id: string | number;
}>;


export type ManagedProductQuery = { managedProduct: { id: string, museumId: string, status: ProductStatus, category: string, crossBorderCategory: CrossBorderCategory, listableForChina: boolean, createdAt: string, updatedAt: string, publishedAt: string | null, variants: Array<{ id: string, sku: string, options: unknown, priceMinor: number, weightGrams: number, hsCode: string, originCountry: string, netContent: number | null, netContentUnit: NetContentUnit | null, available: number, stockLevels: Array<{ locationId: string, onHand: number, reserved: number, available: number }>, shopperPrice: { amount: number, currency: string } | null, crossBorderTax: { amount: number, currency: string } | null }>, name: { fr: string, en: string, zhCN: string }, description: { fr: string, en: string, zhCN: string }, media: Array<{ id: string, url: string, alt: string, position: number }>, artworks: Array<{ id: string }>, collections: Array<{ id: string }>, listingProblems: Array<{ code: ListingProblemCode, path: string, message: string }> } };

export type PublishProductMutationVariables = Exact<{
  id: string | number;
}>;


export type PublishProductMutation = { publishProduct: { id: string, museumId: string, status: ProductStatus, category: string, crossBorderCategory: CrossBorderCategory, listableForChina: boolean, createdAt: string, updatedAt: string, publishedAt: string | null, variants: Array<{ id: string, sku: string, options: unknown, priceMinor: number, weightGrams: number, hsCode: string, originCountry: string, netContent: number | null, netContentUnit: NetContentUnit | null, available: number, stockLevels: Array<{ locationId: string, onHand: number, reserved: number, available: number }>, shopperPrice: { amount: number, currency: string } | null, crossBorderTax: { amount: number, currency: string } | null }>, name: { fr: string, en: string, zhCN: string }, description: { fr: string, en: string, zhCN: string }, media: Array<{ id: string, url: string, alt: string, position: number }>, artworks: Array<{ id: string }>, collections: Array<{ id: string }>, listingProblems: Array<{ code: ListingProblemCode, path: string, message: string }> } };

export type UnpublishProductMutationVariables = Exact<{
  id: string | number;
}>;


export type UnpublishProductMutation = { unpublishProduct: { id: string, museumId: string, status: ProductStatus, category: string, crossBorderCategory: CrossBorderCategory, listableForChina: boolean, createdAt: string, updatedAt: string, publishedAt: string | null, variants: Array<{ id: string, sku: string, options: unknown, priceMinor: number, weightGrams: number, hsCode: string, originCountry: string, netContent: number | null, netContentUnit: NetContentUnit | null, available: number, stockLevels: Array<{ locationId: string, onHand: number, reserved: number, available: number }>, shopperPrice: { amount: number, currency: string } | null, crossBorderTax: { amount: number, currency: string } | null }>, name: { fr: string, en: string, zhCN: string }, description: { fr: string, en: string, zhCN: string }, media: Array<{ id: string, url: string, alt: string, position: number }>, artworks: Array<{ id: string }>, collections: Array<{ id: string }>, listingProblems: Array<{ code: ListingProblemCode, path: string, message: string }> } };

export type ArchiveProductMutationVariables = Exact<{
  id: string | number;
}>;


export type ArchiveProductMutation = { archiveProduct: { id: string, museumId: string, status: ProductStatus, category: string, crossBorderCategory: CrossBorderCategory, listableForChina: boolean, createdAt: string, updatedAt: string, publishedAt: string | null, variants: Array<{ id: string, sku: string, options: unknown, priceMinor: number, weightGrams: number, hsCode: string, originCountry: string, netContent: number | null, netContentUnit: NetContentUnit | null, available: number, stockLevels: Array<{ locationId: string, onHand: number, reserved: number, available: number }>, shopperPrice: { amount: number, currency: string } | null, crossBorderTax: { amount: number, currency: string } | null }>, name: { fr: string, en: string, zhCN: string }, description: { fr: string, en: string, zhCN: string }, media: Array<{ id: string, url: string, alt: string, position: number }>, artworks: Array<{ id: string }>, collections: Array<{ id: string }>, listingProblems: Array<{ code: ListingProblemCode, path: string, message: string }> } };

export type BulkStatusMutationVariables = Exact<{
  ids: Array<string | number> | string | number;
  status: ProductStatus;
}>;


export type BulkStatusMutation = { bulkSetProductStatus: { updated: Array<string>, failed: Array<{ id: string, code: string, message: string }> } };

export type ProductCountsQueryVariables = Exact<{
  museumId?: string | number | null | undefined;
}>;


export type ProductCountsQuery = { DRAFT: { totalCount: number }, PUBLISHED: { totalCount: number }, ARCHIVED: { totalCount: number } };

export type CreateProductMutationVariables = Exact<{
  input: CreateProductInput;
}>;


export type CreateProductMutation = { createProduct: { id: string, museumId: string, status: ProductStatus, category: string, crossBorderCategory: CrossBorderCategory, listableForChina: boolean, createdAt: string, updatedAt: string, publishedAt: string | null, variants: Array<{ id: string, sku: string, options: unknown, priceMinor: number, weightGrams: number, hsCode: string, originCountry: string, netContent: number | null, netContentUnit: NetContentUnit | null, available: number, stockLevels: Array<{ locationId: string, onHand: number, reserved: number, available: number }>, shopperPrice: { amount: number, currency: string } | null, crossBorderTax: { amount: number, currency: string } | null }>, name: { fr: string, en: string, zhCN: string }, description: { fr: string, en: string, zhCN: string }, media: Array<{ id: string, url: string, alt: string, position: number }>, artworks: Array<{ id: string }>, collections: Array<{ id: string }>, listingProblems: Array<{ code: ListingProblemCode, path: string, message: string }> } };

export type UpdateProductMutationVariables = Exact<{
  input: UpdateProductInput;
}>;


export type UpdateProductMutation = { updateProduct: { id: string, museumId: string, status: ProductStatus, category: string, crossBorderCategory: CrossBorderCategory, listableForChina: boolean, createdAt: string, updatedAt: string, publishedAt: string | null, variants: Array<{ id: string, sku: string, options: unknown, priceMinor: number, weightGrams: number, hsCode: string, originCountry: string, netContent: number | null, netContentUnit: NetContentUnit | null, available: number, stockLevels: Array<{ locationId: string, onHand: number, reserved: number, available: number }>, shopperPrice: { amount: number, currency: string } | null, crossBorderTax: { amount: number, currency: string } | null }>, name: { fr: string, en: string, zhCN: string }, description: { fr: string, en: string, zhCN: string }, media: Array<{ id: string, url: string, alt: string, position: number }>, artworks: Array<{ id: string }>, collections: Array<{ id: string }>, listingProblems: Array<{ code: ListingProblemCode, path: string, message: string }> } };

export type DeleteProductMutationVariables = Exact<{
  id: string | number;
}>;


export type DeleteProductMutation = { deleteProduct: boolean };

export type PromotionFieldsFragment = { id: string, museumId: string | null, kind: PromotionKind, name: string, code: string | null, every: boolean, discountType: PromotionDiscountType | null, percentBps: number | null, amountOffMinor: number | null, minSpendMinor: number, fundedBy: PromotionFunder, perShopperLimit: number | null, totalLimit: number | null, usedCount: number, discountGivenMinor: number, productIds: Array<string> | null, startsAt: string, endsAt: string, status: PromotionStatus, tiers: Array<{ minMinor: number, offMinor: number }> };

export type PromotionsQueryVariables = Exact<{
  museumId?: string | number | null | undefined;
  archivedOnly?: boolean | null | undefined;
}>;


export type PromotionsQuery = { promotions: Array<{ id: string, museumId: string | null, kind: PromotionKind, name: string, code: string | null, every: boolean, discountType: PromotionDiscountType | null, percentBps: number | null, amountOffMinor: number | null, minSpendMinor: number, fundedBy: PromotionFunder, perShopperLimit: number | null, totalLimit: number | null, usedCount: number, discountGivenMinor: number, productIds: Array<string> | null, startsAt: string, endsAt: string, status: PromotionStatus, tiers: Array<{ minMinor: number, offMinor: number }> }> };

export type PromotionQueryVariables = Exact<{
  id: string | number;
}>;


export type PromotionQuery = { promotion: { id: string, museumId: string | null, kind: PromotionKind, name: string, code: string | null, every: boolean, discountType: PromotionDiscountType | null, percentBps: number | null, amountOffMinor: number | null, minSpendMinor: number, fundedBy: PromotionFunder, perShopperLimit: number | null, totalLimit: number | null, usedCount: number, discountGivenMinor: number, productIds: Array<string> | null, startsAt: string, endsAt: string, status: PromotionStatus, tiers: Array<{ minMinor: number, offMinor: number }> } };

export type CreatePromotionMutationVariables = Exact<{
  input: PromotionInput;
}>;


export type CreatePromotionMutation = { createPromotion: { id: string, museumId: string | null, kind: PromotionKind, name: string, code: string | null, every: boolean, discountType: PromotionDiscountType | null, percentBps: number | null, amountOffMinor: number | null, minSpendMinor: number, fundedBy: PromotionFunder, perShopperLimit: number | null, totalLimit: number | null, usedCount: number, discountGivenMinor: number, productIds: Array<string> | null, startsAt: string, endsAt: string, status: PromotionStatus, tiers: Array<{ minMinor: number, offMinor: number }> } };

export type UpdatePromotionMutationVariables = Exact<{
  id: string | number;
  input: PromotionInput;
}>;


export type UpdatePromotionMutation = { updatePromotion: { id: string, museumId: string | null, kind: PromotionKind, name: string, code: string | null, every: boolean, discountType: PromotionDiscountType | null, percentBps: number | null, amountOffMinor: number | null, minSpendMinor: number, fundedBy: PromotionFunder, perShopperLimit: number | null, totalLimit: number | null, usedCount: number, discountGivenMinor: number, productIds: Array<string> | null, startsAt: string, endsAt: string, status: PromotionStatus, tiers: Array<{ minMinor: number, offMinor: number }> } };

export type ArchivePromotionMutationVariables = Exact<{
  id: string | number;
}>;


export type ArchivePromotionMutation = { archivePromotion: { id: string, status: PromotionStatus } };

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

export type ReturnFieldsFragment = { id: string, orderId: string, orderNumber: string, museumId: string, reason: ReturnReason, note: string | null, photoUrls: Array<string>, status: ReturnStatus, customsStatus: ReturnCustomsStatus, late: boolean, releasedAt: string, arrivalDeadline: string, decisionComment: string | null, decidedAt: string | null, returnLogisticsNo: string | null, receivedAt: string | null, inspectedAt: string | null, inspectionComment: string | null, refundAmount: number | null, createdAt: string, lines: Array<{ lineId: string, quantity: number, acceptedQuantity: number | null, sellable: boolean | null }> };

export type MuseumReturnsQueryVariables = Exact<{
  museumId?: string | number | null | undefined;
  status?: ReturnStatus | null | undefined;
  late?: boolean | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
  full: boolean;
}>;


export type MuseumReturnsQuery = { museumReturns: { totalCount: number, nodes: Array<{ id: string } & { id?: string, orderId?: string, orderNumber?: string, museumId?: string, reason?: ReturnReason, note?: string | null, photoUrls?: Array<string>, status?: ReturnStatus, customsStatus?: ReturnCustomsStatus, late?: boolean, releasedAt?: string, arrivalDeadline?: string, decisionComment?: string | null, decidedAt?: string | null, returnLogisticsNo?: string | null, receivedAt?: string | null, inspectedAt?: string | null, inspectionComment?: string | null, refundAmount?: number | null, createdAt?: string, lines?: Array<{ lineId: string, quantity: number, acceptedQuantity: number | null, sellable: boolean | null }> }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } };

export type MuseumReturnQueryVariables = Exact<{
  id: string | number;
  locale?: string | null | undefined;
}>;


export type MuseumReturnQuery = { museumReturn: { id: string, orderId: string, orderNumber: string, museumId: string, reason: ReturnReason, note: string | null, photoUrls: Array<string>, status: ReturnStatus, customsStatus: ReturnCustomsStatus, late: boolean, releasedAt: string, arrivalDeadline: string, decisionComment: string | null, decidedAt: string | null, returnLogisticsNo: string | null, receivedAt: string | null, inspectedAt: string | null, inspectionComment: string | null, refundAmount: number | null, createdAt: string, history: Array<{ kind: string, detail: string, at: string }>, shopperMessages: Array<{ at: string, sentAt: string | null, step: string, channel: ShopperMessageChannel, locale: string, phoneMasked: string | null, status: string, template: string | null, content: string, attempts: number, lastError: string | null }>, photos: Array<{ id: string, position: number, contentType: string, byteSize: number, url: string, urlExpiresAt: string }>, lines: Array<{ lineId: string, quantity: number, acceptedQuantity: number | null, sellable: boolean | null }> } };

export type DecideReturnMutationVariables = Exact<{
  id: string | number;
  accept: boolean;
  comment: string;
}>;


export type DecideReturnMutation = { decideReturn: { id: string, orderId: string, orderNumber: string, museumId: string, reason: ReturnReason, note: string | null, photoUrls: Array<string>, status: ReturnStatus, customsStatus: ReturnCustomsStatus, late: boolean, releasedAt: string, arrivalDeadline: string, decisionComment: string | null, decidedAt: string | null, returnLogisticsNo: string | null, receivedAt: string | null, inspectedAt: string | null, inspectionComment: string | null, refundAmount: number | null, createdAt: string, lines: Array<{ lineId: string, quantity: number, acceptedQuantity: number | null, sellable: boolean | null }> } };

export type MarkReturnReceivedMutationVariables = Exact<{
  id: string | number;
}>;


export type MarkReturnReceivedMutation = { markReturnReceived: { id: string, orderId: string, orderNumber: string, museumId: string, reason: ReturnReason, note: string | null, photoUrls: Array<string>, status: ReturnStatus, customsStatus: ReturnCustomsStatus, late: boolean, releasedAt: string, arrivalDeadline: string, decisionComment: string | null, decidedAt: string | null, returnLogisticsNo: string | null, receivedAt: string | null, inspectedAt: string | null, inspectionComment: string | null, refundAmount: number | null, createdAt: string, lines: Array<{ lineId: string, quantity: number, acceptedQuantity: number | null, sellable: boolean | null }> } };

export type InspectReturnMutationVariables = Exact<{
  input: InspectReturnInput;
}>;


export type InspectReturnMutation = { inspectReturn: { id: string, orderId: string, orderNumber: string, museumId: string, reason: ReturnReason, note: string | null, photoUrls: Array<string>, status: ReturnStatus, customsStatus: ReturnCustomsStatus, late: boolean, releasedAt: string, arrivalDeadline: string, decisionComment: string | null, decidedAt: string | null, returnLogisticsNo: string | null, receivedAt: string | null, inspectedAt: string | null, inspectionComment: string | null, refundAmount: number | null, createdAt: string, lines: Array<{ lineId: string, quantity: number, acceptedQuantity: number | null, sellable: boolean | null }> } };

export type RefundReturnMutationVariables = Exact<{
  id: string | number;
}>;


export type RefundReturnMutation = { refundReturn: { id: string, orderId: string, orderNumber: string, museumId: string, reason: ReturnReason, note: string | null, photoUrls: Array<string>, status: ReturnStatus, customsStatus: ReturnCustomsStatus, late: boolean, releasedAt: string, arrivalDeadline: string, decisionComment: string | null, decidedAt: string | null, returnLogisticsNo: string | null, receivedAt: string | null, inspectedAt: string | null, inspectionComment: string | null, refundAmount: number | null, createdAt: string, lines: Array<{ lineId: string, quantity: number, acceptedQuantity: number | null, sellable: boolean | null }> } };

export type BalanceFieldsFragment = { sellerType: SellerKind, sellerId: string, payable: Array<{ amount: number, currency: string }>, pending: Array<{ amount: number, currency: string }>, notPaidOut: Array<{ amount: number, currency: string }> };

export type LedgerLineFieldsFragment = { id: string, event: string, entryKind: string, createdAt: string, occurredAt: string, account: string, component: string, orderId: string | null, orderNumber: string | null, amount: { amount: number, currency: string } };

export type PayoutAccountFieldsFragment = { ready: boolean, detailsSubmitted: boolean, chargesEnabled: boolean, requirements: Array<string>, onboardingUrl: string | null, bankPayoutStatus: string | null, bankPayoutFailureCode: string | null, payoutCurrency: string | null };

export type SellerBalanceQueryVariables = Exact<{
  m?: string | number | null | undefined;
  b?: string | number | null | undefined;
}>;


export type SellerBalanceQuery = { sellerBalance: { sellerType: SellerKind, sellerId: string, payable: Array<{ amount: number, currency: string }>, pending: Array<{ amount: number, currency: string }>, notPaidOut: Array<{ amount: number, currency: string }> } };

export type PlatformLedgerQueryVariables = Exact<{ [key: string]: never; }>;


export type PlatformLedgerQuery = { platformLedger: { sellers: Array<{ sellerType: SellerKind, sellerId: string, payable: Array<{ amount: number, currency: string }>, pending: Array<{ amount: number, currency: string }>, notPaidOut: Array<{ amount: number, currency: string }> }>, taxOwedToCustoms: Array<{ amount: number, currency: string }>, commissionRevenue: Array<{ amount: number, currency: string }>, stripeClearing: Array<{ amount: number, currency: string }>, stripeFees: Array<{ amount: number, currency: string }>, platformPromotions: Array<{ amount: number, currency: string }> } };

export type RecordTaxRemittanceMutationVariables = Exact<{
  input: RecordTaxRemittanceInput;
}>;


export type RecordTaxRemittanceMutation = { recordTaxRemittance: { reference: string, amount: { amount: number, currency: string }, taxOwedAfter: { amount: number, currency: string } } };

export type SettlementMuseumNameQueryVariables = Exact<{
  id: string | number;
}>;


export type SettlementMuseumNameQuery = { museum: { legalName: string } };

export type SettlementBrandNameQueryVariables = Exact<{
  id: string | number;
}>;


export type SettlementBrandNameQuery = { brand: { name: string } };

export type SettlementBrandNamesQueryVariables = Exact<{ [key: string]: never; }>;


export type SettlementBrandNamesQuery = { brands: { nodes: Array<{ id: string, name: string }> } };

export type SellerLedgerLinesQueryVariables = Exact<{
  m?: string | number | null | undefined;
  b?: string | number | null | undefined;
  kind?: string | null | undefined;
  from?: string | null | undefined;
  to?: string | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
  full: boolean;
}>;


export type SellerLedgerLinesQuery = { sellerLedgerLines: { totalCount: number, nodes: Array<{ id: string } & { id?: string, event?: string, entryKind?: string, createdAt?: string, occurredAt?: string, account?: string, component?: string, orderId?: string | null, orderNumber?: string | null, amount?: { amount: number, currency: string } }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } };

export type SellerPayoutsQueryVariables = Exact<{
  m?: string | number | null | undefined;
  b?: string | number | null | undefined;
}>;


export type SellerPayoutsQuery = { sellerPayouts: Array<{ id: string, runKey: string, status: string, stripeTransferId: string | null, checkoutId: string | null, transferGroup: string | null, createdAt: string | null, paidAt: string | null, bankStatus: string | null, bankFailureCode: string | null, bankFailureMessage: string | null, exchangeRate: string | null, amount: { amount: number, currency: string }, reversed: { amount: number, currency: string }, received: { amount: number, currency: string } | null }> };

export type PayoutAccountQueryVariables = Exact<{
  m?: string | number | null | undefined;
  b?: string | number | null | undefined;
}>;


export type PayoutAccountQuery = { payoutAccount: { ready: boolean, detailsSubmitted: boolean, chargesEnabled: boolean, requirements: Array<string>, onboardingUrl: string | null, bankPayoutStatus: string | null, bankPayoutFailureCode: string | null, payoutCurrency: string | null } | null };

export type ConnectPayoutAccountMutationVariables = Exact<{
  m?: string | number | null | undefined;
  b?: string | number | null | undefined;
  r: string;
  f: string;
}>;


export type ConnectPayoutAccountMutation = { connectPayoutAccount: { ready: boolean, detailsSubmitted: boolean, chargesEnabled: boolean, requirements: Array<string>, onboardingUrl: string | null, bankPayoutStatus: string | null, bankPayoutFailureCode: string | null, payoutCurrency: string | null } };

export type SellerStatementQueryVariables = Exact<{
  m?: string | number | null | undefined;
  b?: string | number | null | undefined;
  month: string;
}>;


export type SellerStatementQuery = { sellerStatement: { csv: string } };

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

export type StockLocationFieldsFragment = { id: string, museumId: string | null, code: string, name: string, kind: StockLocationKind, customsMode: string, priority: number };

export type StockLevelFieldsFragment = { variantId: string, locationId: string, onHand: number, reserved: number, available: number, updatedAt: string, variant: { sku: string, productId: string, productName: { fr: string, en: string, zhCN: string } } | null };

export type StockMovementFieldsFragment = { id: string, kind: StockMovementKind, onHandDelta: number, reservedDelta: number, reference: string | null, changedBy: string | null, note: string | null, createdAt: string };

export type StockMovementsQueryVariables = Exact<{
  locationId: string | number;
  variantId: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type StockMovementsQuery = { stockMovements: { totalCount: number, nodes: Array<{ id: string, kind: StockMovementKind, onHandDelta: number, reservedDelta: number, reference: string | null, changedBy: string | null, note: string | null, createdAt: string }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } };

export type SetStockLevelMutationVariables = Exact<{
  input: SetStockLevelInput;
}>;


export type SetStockLevelMutation = { setStockLevel: { variantId: string, locationId: string, onHand: number, reserved: number, available: number, updatedAt: string, variant: { sku: string, productId: string, productName: { fr: string, en: string, zhCN: string } } | null } };

export type StockVariantChoicesQueryVariables = Exact<{
  museumId?: string | number | null | undefined;
  filter?: ManagedProductFilter | null | undefined;
}>;


export type StockVariantChoicesQuery = { managedProducts: { nodes: Array<{ name: { fr: string, en: string, zhCN: string }, variants: Array<{ id: string, sku: string }> }> } };

export type StockLocationsQueryVariables = Exact<{
  museumId: string | number;
}>;


export type StockLocationsQuery = { stockLocations: Array<{ id: string, museumId: string | null, code: string, name: string, kind: StockLocationKind, customsMode: string, priority: number }> };

export type StockLocationQueryVariables = Exact<{
  id: string | number;
}>;


export type StockLocationQuery = { stockLocation: { id: string, museumId: string | null, code: string, name: string, kind: StockLocationKind, customsMode: string, priority: number } };

export type CreateStockLocationMutationVariables = Exact<{
  input: CreateStockLocationInput;
}>;


export type CreateStockLocationMutation = { createStockLocation: { id: string, museumId: string | null, code: string, name: string, kind: StockLocationKind, customsMode: string, priority: number } };

export type StockLevelsQueryVariables = Exact<{
  locationId: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
  full: boolean;
}>;


export type StockLevelsQuery = { stockLevels: { totalCount: number, nodes: Array<{ variantId: string, locationId: string } & { variantId?: string, locationId?: string, onHand?: number, reserved?: number, available?: number, updatedAt?: string, variant?: { sku: string, productId: string, productName: { fr: string, en: string, zhCN: string } } | null }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } };

export type CommissionFieldsFragment = { id: string | null, storefrontId: string, effectiveFrom: string | null, defaultRateBps: number, passStripeFees: boolean, categoryRates: Array<{ category: string, rateBps: number }> };

export type CommissionSettingsQueryVariables = Exact<{
  storefrontId: string | number;
}>;


export type CommissionSettingsQuery = { commissionSettings: { id: string | null, storefrontId: string, effectiveFrom: string | null, defaultRateBps: number, passStripeFees: boolean, categoryRates: Array<{ category: string, rateBps: number }> } };

export type SetCommissionRatesMutationVariables = Exact<{
  input: SetCommissionRatesInput;
}>;


export type SetCommissionRatesMutation = { setCommissionRates: { id: string | null, storefrontId: string, effectiveFrom: string | null, defaultRateBps: number, passStripeFees: boolean, categoryRates: Array<{ category: string, rateBps: number }> } };

export type StorefrontFieldsFragment = { id: string, museumId: string, slug: string, status: StorefrontStatus, bannerUrl: string | null, featuredCollectionIds: Array<string>, autoBookCarrier: boolean, customsCode: string | null, customsName: string | null, name: { fr: string, en: string, zhCN: string }, story: { fr: string, en: string, zhCN: string } };

export type ManagedStorefrontQueryVariables = Exact<{
  museumId: string | number;
}>;


export type ManagedStorefrontQuery = { managedStorefront: { id: string, museumId: string, slug: string, status: StorefrontStatus, bannerUrl: string | null, featuredCollectionIds: Array<string>, autoBookCarrier: boolean, customsCode: string | null, customsName: string | null, name: { fr: string, en: string, zhCN: string }, story: { fr: string, en: string, zhCN: string } } };

export type UpdateStorefrontMutationVariables = Exact<{
  input: UpdateStorefrontInput;
}>;


export type UpdateStorefrontMutation = { updateStorefront: { id: string, museumId: string, slug: string, status: StorefrontStatus, bannerUrl: string | null, featuredCollectionIds: Array<string>, autoBookCarrier: boolean, customsCode: string | null, customsName: string | null, name: { fr: string, en: string, zhCN: string }, story: { fr: string, en: string, zhCN: string } } };

export type WarehouseFeedFieldsFragment = { id: string, museumId: string, name: string, format: WarehouseFeedFormat, url: string, everyMinutes: number, nextRunAt: string, enabled: boolean, createdAt: string };

export type SyncRunFieldsFragment = { id: string, museumId: string, feedId: string | null, trigger: string, format: WarehouseFeedFormat, status: string, rowsTotal: number, changed: number, unchanged: number, rejected: number, failure: string | null, queuedAt: string, startedAt: string | null, finishedAt: string | null };

export type StockWebhookFieldsFragment = { museumId: string, url: string, enabled: boolean, createdAt: string, updatedAt: string };

export type StockSyncRunsQueryVariables = Exact<{
  museumId: string | number;
  feedId?: string | number | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
  full: boolean;
}>;


export type StockSyncRunsQuery = { stockSyncRuns: { totalCount: number, nodes: Array<{ id: string } & { id?: string, museumId?: string, feedId?: string | null, trigger?: string, format?: WarehouseFeedFormat, status?: string, rowsTotal?: number, changed?: number, unchanged?: number, rejected?: number, failure?: string | null, queuedAt?: string, startedAt?: string | null, finishedAt?: string | null }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } };

export type StockSyncRunQueryVariables = Exact<{
  id: string | number;
}>;


export type StockSyncRunQuery = { stockSyncRun: { id: string, museumId: string, feedId: string | null, trigger: string, format: WarehouseFeedFormat, status: string, rowsTotal: number, changed: number, unchanged: number, rejected: number, failure: string | null, queuedAt: string, startedAt: string | null, finishedAt: string | null, errors: Array<{ line: number, sku: string | null, location: string | null, code: string, message: string }> } };

export type WarehouseFeedsQueryVariables = Exact<{
  museumId: string | number;
}>;


export type WarehouseFeedsQuery = { warehouseFeeds: Array<{ id: string, museumId: string, name: string, format: WarehouseFeedFormat, url: string, everyMinutes: number, nextRunAt: string, enabled: boolean, createdAt: string }> };

export type ConnectWarehouseFeedMutationVariables = Exact<{
  input: ConnectWarehouseFeedInput;
}>;


export type ConnectWarehouseFeedMutation = { connectWarehouseFeed: { id: string, museumId: string, name: string, format: WarehouseFeedFormat, url: string, everyMinutes: number, nextRunAt: string, enabled: boolean, createdAt: string } };

export type UpdateWarehouseFeedMutationVariables = Exact<{
  input: UpdateWarehouseFeedInput;
}>;


export type UpdateWarehouseFeedMutation = { updateWarehouseFeed: { id: string, museumId: string, name: string, format: WarehouseFeedFormat, url: string, everyMinutes: number, nextRunAt: string, enabled: boolean, createdAt: string } };

export type RunWarehouseFeedMutationVariables = Exact<{
  feedId: string | number;
}>;


export type RunWarehouseFeedMutation = { runWarehouseFeed: { id: string, museumId: string, feedId: string | null, trigger: string, format: WarehouseFeedFormat, status: string, rowsTotal: number, changed: number, unchanged: number, rejected: number, failure: string | null, queuedAt: string, startedAt: string | null, finishedAt: string | null } };

export type UploadStockFeedMutationVariables = Exact<{
  input: UploadStockFeedInput;
}>;


export type UploadStockFeedMutation = { uploadStockFeed: { id: string, museumId: string, feedId: string | null, trigger: string, format: WarehouseFeedFormat, status: string, rowsTotal: number, changed: number, unchanged: number, rejected: number, failure: string | null, queuedAt: string, startedAt: string | null, finishedAt: string | null } };

export type StockWebhookQueryVariables = Exact<{
  museumId: string | number;
}>;


export type StockWebhookQuery = { stockWebhook: { museumId: string, url: string, enabled: boolean, createdAt: string, updatedAt: string } | null, stockWebhookDeliveries: { nodes: Array<{ id: string, status: string, attempts: number, lastStatusCode: number | null, lastError: string | null, levelCount: number, createdAt: string, deliveredAt: string | null }> } };

export type ConfigureStockWebhookMutationVariables = Exact<{
  input: ConfigureStockWebhookInput;
}>;


export type ConfigureStockWebhookMutation = { configureStockWebhook: { secret: string, webhook: { museumId: string, url: string, enabled: boolean, createdAt: string, updatedAt: string } } };

export type DisableStockWebhookMutationVariables = Exact<{
  museumId: string | number;
}>;


export type DisableStockWebhookMutation = { disableStockWebhook: boolean };

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
export const ProposalHeadFieldsFragmentDoc = new TypedDocumentString(`
    fragment ProposalHeadFields on Proposal {
  id
  museumId
  brandId
  brandName
  museum {
    id
    slug
    name {
      fr
      en
      zhCN
    }
  }
  status
  stage
  amendment
  currentVersion
  submittedVersion
  approvedVersion
  reviewDueAt
  submittedAt
  createdAt
  updatedAt
  allowedActions
}
    `, {"fragmentName":"ProposalHeadFields"}) as unknown as TypedDocumentString<ProposalHeadFieldsFragment, unknown>;
export const ProposalContentFieldsFragmentDoc = new TypedDocumentString(`
    fragment ProposalContentFields on ProposalContent {
  title {
    fr
    en
    zhCN
  }
  concept {
    fr
    en
    zhCN
  }
  imageUrls
  artworkIds
  category
  crossBorderCategory
  targetRetailPrice {
    amount
    currency
  }
  forecastUnits
  territory
  channels
  termStart
  termEnd
  sellOffDays
  royaltyRateBps
  minimumGuarantee {
    amount
    currency
  }
  advance {
    amount
    currency
  }
  specification {
    hsCode
    weightGrams
    originCountry
  }
}
    `, {"fragmentName":"ProposalContentFields"}) as unknown as TypedDocumentString<ProposalContentFieldsFragment, unknown>;
export const ProposalDetailFieldsFragmentDoc = new TypedDocumentString(`
    fragment ProposalDetailFields on Proposal {
  ...ProposalHeadFields
  content {
    ...ProposalContentFields
  }
  submissionProblems {
    path
    message
  }
  revisions {
    version
    stage
    note
    createdAt
    content {
      ...ProposalContentFields
    }
  }
  reviewHistory {
    id
    decision
    stage
    revisionVersion
    comment
    createdAt
  }
  history {
    event
    actorRole
    comment
    createdAt
    fromStage
    toStage
    fromStatus
    toStatus
    revisionVersion
  }
  artworks {
    id
    accessionNumber
    artist
    title {
      fr
      en
      zhCN
    }
  }
  agreement {
    id
    status
  }
}
    fragment ProposalContentFields on ProposalContent {
  title {
    fr
    en
    zhCN
  }
  concept {
    fr
    en
    zhCN
  }
  imageUrls
  artworkIds
  category
  crossBorderCategory
  targetRetailPrice {
    amount
    currency
  }
  forecastUnits
  territory
  channels
  termStart
  termEnd
  sellOffDays
  royaltyRateBps
  minimumGuarantee {
    amount
    currency
  }
  advance {
    amount
    currency
  }
  specification {
    hsCode
    weightGrams
    originCountry
  }
}
fragment ProposalHeadFields on Proposal {
  id
  museumId
  brandId
  brandName
  museum {
    id
    slug
    name {
      fr
      en
      zhCN
    }
  }
  status
  stage
  amendment
  currentVersion
  submittedVersion
  approvedVersion
  reviewDueAt
  submittedAt
  createdAt
  updatedAt
  allowedActions
}`, {"fragmentName":"ProposalDetailFields"}) as unknown as TypedDocumentString<ProposalDetailFieldsFragment, unknown>;
export const ProposalResultFieldsFragmentDoc = new TypedDocumentString(`
    fragment ProposalResultFields on ProposalResult {
  __typename
  ... on Proposal {
    ...ProposalDetailFields
  }
  ... on IllegalTransitionError {
    errorCode
    message
  }
  ... on StaleRevisionError {
    errorCode
    message
    latestVersion
  }
  ... on AgreementTermsLockedError {
    errorCode
    message
    lockedFields
  }
}
    fragment ProposalContentFields on ProposalContent {
  title {
    fr
    en
    zhCN
  }
  concept {
    fr
    en
    zhCN
  }
  imageUrls
  artworkIds
  category
  crossBorderCategory
  targetRetailPrice {
    amount
    currency
  }
  forecastUnits
  territory
  channels
  termStart
  termEnd
  sellOffDays
  royaltyRateBps
  minimumGuarantee {
    amount
    currency
  }
  advance {
    amount
    currency
  }
  specification {
    hsCode
    weightGrams
    originCountry
  }
}
fragment ProposalHeadFields on Proposal {
  id
  museumId
  brandId
  brandName
  museum {
    id
    slug
    name {
      fr
      en
      zhCN
    }
  }
  status
  stage
  amendment
  currentVersion
  submittedVersion
  approvedVersion
  reviewDueAt
  submittedAt
  createdAt
  updatedAt
  allowedActions
}
fragment ProposalDetailFields on Proposal {
  ...ProposalHeadFields
  content {
    ...ProposalContentFields
  }
  submissionProblems {
    path
    message
  }
  revisions {
    version
    stage
    note
    createdAt
    content {
      ...ProposalContentFields
    }
  }
  reviewHistory {
    id
    decision
    stage
    revisionVersion
    comment
    createdAt
  }
  history {
    event
    actorRole
    comment
    createdAt
    fromStage
    toStage
    fromStatus
    toStatus
    revisionVersion
  }
  artworks {
    id
    accessionNumber
    artist
    title {
      fr
      en
      zhCN
    }
  }
  agreement {
    id
    status
  }
}`, {"fragmentName":"ProposalResultFields"}) as unknown as TypedDocumentString<ProposalResultFieldsFragment, unknown>;
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
export const DropFieldsFragmentDoc = new TypedDocumentString(`
    fragment DropFields on Drop {
  id
  museumId
  variantId
  productId
  mode
  status
  startsAt
  registrationClosesAt
  editionSize
  perIdentityLimit
  payWindowSeconds
  seedHash
  seed
  drawnAt
}
    `, {"fragmentName":"DropFields"}) as unknown as TypedDocumentString<DropFieldsFragment, unknown>;
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
export const LiveSessionFieldsFragmentDoc = new TypedDocumentString(`
    fragment LiveSessionFields on LiveSession {
  id
  museumId
  title
  streamUrl
  startsAt
  endsAt
  phase
  pinnedProductId
  productIds
}
    `, {"fragmentName":"LiveSessionFields"}) as unknown as TypedDocumentString<LiveSessionFieldsFragment, unknown>;
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
export const OrderListFieldsFragmentDoc = new TypedDocumentString(`
    fragment OrderListFields on Order {
  id
  number
  museumId
  status
  paymentStatus
  customsMode
  currency
  goodsTotal
  shippingTotal
  insuranceTotal
  taxTotal
  total
  createdAt
  paidAt
  holdExpiresAt
  orderer {
    name
    residentIdMasked
  }
  recipient {
    name
    phone
    province
    city
    district
    street
    postalCode
  }
  refundOutstanding {
    amount
    currency
  }
}
    `, {"fragmentName":"OrderListFields"}) as unknown as TypedDocumentString<OrderListFieldsFragment, unknown>;
export const DisputeFieldsFragmentDoc = new TypedDocumentString(`
    fragment DisputeFields on OrderDispute {
  id
  providerDisputeId
  orderId
  orderNumber
  amount
  disputedTotal
  currency
  reason
  status
  evidenceDueBy
  evidenceSubmittedAt
  acceptsEvidence
  lostAmount
  createdAt
}
    `, {"fragmentName":"DisputeFields"}) as unknown as TypedDocumentString<DisputeFieldsFragment, unknown>;
export const OrderDetailFieldsFragmentDoc = new TypedDocumentString(`
    fragment OrderDetailFields on Order {
  ...OrderListFields
  discountTotal
  returnDeadline
  fx {
    rate
    marginBps
    source
    effectiveAt
  }
  lines {
    id
    productId
    variantId
    sku
    name
    imageUrl
    hsCode
    originCountry
    crossBorderCategory
    quantity
    currency
    unitPrice
    unitPriceEur
    goods
    discount
    freight
    insurance
    dutiable
    taxRate
    tax
    total
  }
  history {
    from
    to
    reason
    at
  }
  refundedTotal
  refunds {
    id
    providerRefundId
    amount
    currency
    status
    reason
    createdAt
  }
  lostToDisputes
  disputes {
    ...DisputeFields
  }
  attribution {
    channel
    ref
  }
  settlement {
    parties {
      account
      ownerType
      ownerId
      component
      amount {
        amount
        currency
      }
    }
    discounts {
      promotionId
      name
      kind
      code
      fundedBy
      amount {
        amount
        currency
      }
    }
  }
}
    fragment DisputeFields on OrderDispute {
  id
  providerDisputeId
  orderId
  orderNumber
  amount
  disputedTotal
  currency
  reason
  status
  evidenceDueBy
  evidenceSubmittedAt
  acceptsEvidence
  lostAmount
  createdAt
}
fragment OrderListFields on Order {
  id
  number
  museumId
  status
  paymentStatus
  customsMode
  currency
  goodsTotal
  shippingTotal
  insuranceTotal
  taxTotal
  total
  createdAt
  paidAt
  holdExpiresAt
  orderer {
    name
    residentIdMasked
  }
  recipient {
    name
    phone
    province
    city
    district
    street
    postalCode
  }
  refundOutstanding {
    amount
    currency
  }
}`, {"fragmentName":"OrderDetailFields"}) as unknown as TypedDocumentString<OrderDetailFieldsFragment, unknown>;
export const FulfilmentFieldsFragmentDoc = new TypedDocumentString(`
    fragment FulfilmentFields on OrderFulfilment {
  awaitingHandover
  customsMessages {
    id
    document
    messageType
    businessNo
    senderCode
    status
    invtNo
    preNo
    amendments {
      id
      status
      returnInfo
      createdAt
      xml
    }
    attempts
    firstSentAt
    lastSentAt
    lastError
    xml
    receipts {
      id
      status
      returnStatus
      returnInfo
      returnTime
      receivedAt
    }
    transmissions {
      id
      sentAt
      finishedAt
      outcome
      error
      entries
    }
  }
  shipment {
    carrierCode
    logisticsNo
    status
    bookingRef
    waybillIssuedAt
    bookedAt
    deliveredAt
    bookingAttempts
    lastError
    handoverRequests
    handoverRequestedAt
    events {
      eventId
      status
      description
      location
      occurredAt
    }
  }
}
    `, {"fragmentName":"FulfilmentFields"}) as unknown as TypedDocumentString<FulfilmentFieldsFragment, unknown>;
export const ProductExportFieldsFragmentDoc = new TypedDocumentString(`
    fragment ProductExportFields on ManagedProduct {
  id
  museumId
  status
  category
  crossBorderCategory
  name {
    fr
    en
    zhCN
  }
  description {
    fr
    en
    zhCN
  }
  variants {
    id
    sku
    options
    priceMinor
    weightGrams
    hsCode
    originCountry
    netContent
    netContentUnit
    available
  }
  media {
    id
    url
    alt
    position
  }
  artworks {
    id
  }
  collections {
    id
  }
  listableForChina
  listingProblems {
    code
    path
    message
  }
  createdAt
  updatedAt
  publishedAt
}
    `, {"fragmentName":"ProductExportFields"}) as unknown as TypedDocumentString<ProductExportFieldsFragment, unknown>;
export const ProductFieldsFragmentDoc = new TypedDocumentString(`
    fragment ProductFields on ManagedProduct {
  ...ProductExportFields
  variants {
    stockLevels {
      locationId
      onHand
      reserved
      available
    }
    shopperPrice {
      amount
      currency
    }
    crossBorderTax {
      amount
      currency
    }
  }
}
    fragment ProductExportFields on ManagedProduct {
  id
  museumId
  status
  category
  crossBorderCategory
  name {
    fr
    en
    zhCN
  }
  description {
    fr
    en
    zhCN
  }
  variants {
    id
    sku
    options
    priceMinor
    weightGrams
    hsCode
    originCountry
    netContent
    netContentUnit
    available
  }
  media {
    id
    url
    alt
    position
  }
  artworks {
    id
  }
  collections {
    id
  }
  listableForChina
  listingProblems {
    code
    path
    message
  }
  createdAt
  updatedAt
  publishedAt
}`, {"fragmentName":"ProductFields"}) as unknown as TypedDocumentString<ProductFieldsFragment, unknown>;
export const ProductListFieldsFragmentDoc = new TypedDocumentString(`
    fragment ProductListFields on ManagedProduct {
  id
  museumId
  status
  category
  name {
    fr
    en
    zhCN
  }
  variants {
    priceMinor
    available
  }
  media {
    url
    position
  }
  createdAt
  updatedAt
  publishedAt
}
    `, {"fragmentName":"ProductListFields"}) as unknown as TypedDocumentString<ProductListFieldsFragment, unknown>;
export const PromotionFieldsFragmentDoc = new TypedDocumentString(`
    fragment PromotionFields on Promotion {
  id
  museumId
  kind
  name
  code
  tiers {
    minMinor
    offMinor
  }
  every
  discountType
  percentBps
  amountOffMinor
  minSpendMinor
  fundedBy
  perShopperLimit
  totalLimit
  usedCount
  discountGivenMinor
  productIds
  startsAt
  endsAt
  status
}
    `, {"fragmentName":"PromotionFields"}) as unknown as TypedDocumentString<PromotionFieldsFragment, unknown>;
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
export const ReturnFieldsFragmentDoc = new TypedDocumentString(`
    fragment ReturnFields on OrderReturn {
  id
  orderId
  orderNumber
  museumId
  reason
  note
  photoUrls
  status
  customsStatus
  late
  releasedAt
  arrivalDeadline
  decisionComment
  decidedAt
  returnLogisticsNo
  receivedAt
  inspectedAt
  inspectionComment
  refundAmount
  createdAt
  lines {
    lineId
    quantity
    acceptedQuantity
    sellable
  }
}
    `, {"fragmentName":"ReturnFields"}) as unknown as TypedDocumentString<ReturnFieldsFragment, unknown>;
export const BalanceFieldsFragmentDoc = new TypedDocumentString(`
    fragment BalanceFields on SellerBalance {
  sellerType
  sellerId
  payable {
    amount
    currency
  }
  pending {
    amount
    currency
  }
  notPaidOut {
    amount
    currency
  }
}
    `, {"fragmentName":"BalanceFields"}) as unknown as TypedDocumentString<BalanceFieldsFragment, unknown>;
export const LedgerLineFieldsFragmentDoc = new TypedDocumentString(`
    fragment LedgerLineFields on SellerLedgerLine {
  id
  event
  entryKind
  createdAt
  occurredAt
  account
  component
  orderId
  orderNumber
  amount {
    amount
    currency
  }
}
    `, {"fragmentName":"LedgerLineFields"}) as unknown as TypedDocumentString<LedgerLineFieldsFragment, unknown>;
export const PayoutAccountFieldsFragmentDoc = new TypedDocumentString(`
    fragment PayoutAccountFields on PayoutAccount {
  ready
  detailsSubmitted
  chargesEnabled
  requirements
  onboardingUrl
  bankPayoutStatus
  bankPayoutFailureCode
  payoutCurrency
}
    `, {"fragmentName":"PayoutAccountFields"}) as unknown as TypedDocumentString<PayoutAccountFieldsFragment, unknown>;
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
export const StockLocationFieldsFragmentDoc = new TypedDocumentString(`
    fragment StockLocationFields on StockLocation {
  id
  museumId
  code
  name
  kind
  customsMode
  priority
}
    `, {"fragmentName":"StockLocationFields"}) as unknown as TypedDocumentString<StockLocationFieldsFragment, unknown>;
export const StockLevelFieldsFragmentDoc = new TypedDocumentString(`
    fragment StockLevelFields on StockLevel {
  variantId
  locationId
  onHand
  reserved
  available
  updatedAt
  variant {
    sku
    productId
    productName {
      fr
      en
      zhCN
    }
  }
}
    `, {"fragmentName":"StockLevelFields"}) as unknown as TypedDocumentString<StockLevelFieldsFragment, unknown>;
export const StockMovementFieldsFragmentDoc = new TypedDocumentString(`
    fragment StockMovementFields on StockMovement {
  id
  kind
  onHandDelta
  reservedDelta
  reference
  changedBy
  note
  createdAt
}
    `, {"fragmentName":"StockMovementFields"}) as unknown as TypedDocumentString<StockMovementFieldsFragment, unknown>;
export const CommissionFieldsFragmentDoc = new TypedDocumentString(`
    fragment CommissionFields on CommissionSettings {
  id
  storefrontId
  effectiveFrom
  defaultRateBps
  passStripeFees
  categoryRates {
    category
    rateBps
  }
}
    `, {"fragmentName":"CommissionFields"}) as unknown as TypedDocumentString<CommissionFieldsFragment, unknown>;
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
export const WarehouseFeedFieldsFragmentDoc = new TypedDocumentString(`
    fragment WarehouseFeedFields on WarehouseFeed {
  id
  museumId
  name
  format
  url
  everyMinutes
  nextRunAt
  enabled
  createdAt
}
    `, {"fragmentName":"WarehouseFeedFields"}) as unknown as TypedDocumentString<WarehouseFeedFieldsFragment, unknown>;
export const SyncRunFieldsFragmentDoc = new TypedDocumentString(`
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
    `, {"fragmentName":"SyncRunFields"}) as unknown as TypedDocumentString<SyncRunFieldsFragment, unknown>;
export const StockWebhookFieldsFragmentDoc = new TypedDocumentString(`
    fragment StockWebhookFields on StockWebhook {
  museumId
  url
  enabled
  createdAt
  updatedAt
}
    `, {"fragmentName":"StockWebhookFields"}) as unknown as TypedDocumentString<StockWebhookFieldsFragment, unknown>;
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
export const ProposalsDocument = new TypedDocumentString(`
    query Proposals($filter: ProposalFilter, $first: Int, $after: String, $full: Boolean!) {
  proposals(filter: $filter, first: $first, after: $after) {
    nodes {
      id
      ...ProposalHeadFields @include(if: $full)
      content @include(if: $full) {
        title {
          fr
          en
          zhCN
        }
        imageUrls
      }
    }
    pageInfo {
      endCursor
      hasNextPage
    }
    totalCount
  }
}
    fragment ProposalHeadFields on Proposal {
  id
  museumId
  brandId
  brandName
  museum {
    id
    slug
    name {
      fr
      en
      zhCN
    }
  }
  status
  stage
  amendment
  currentVersion
  submittedVersion
  approvedVersion
  reviewDueAt
  submittedAt
  createdAt
  updatedAt
  allowedActions
}`) as unknown as TypedDocumentString<ProposalsQuery, ProposalsQueryVariables>;
export const ProposalInboxDocument = new TypedDocumentString(`
    query ProposalInbox($museumId: ID!, $statuses: [ProposalStatus!], $stage: ProposalStage, $first: Int, $after: String, $full: Boolean!) {
  proposalInbox(
    museumId: $museumId
    statuses: $statuses
    stage: $stage
    first: $first
    after: $after
  ) {
    nodes {
      id
      ...ProposalHeadFields @include(if: $full)
      content @include(if: $full) {
        title {
          fr
          en
          zhCN
        }
        imageUrls
      }
    }
    pageInfo {
      endCursor
      hasNextPage
    }
    totalCount
  }
}
    fragment ProposalHeadFields on Proposal {
  id
  museumId
  brandId
  brandName
  museum {
    id
    slug
    name {
      fr
      en
      zhCN
    }
  }
  status
  stage
  amendment
  currentVersion
  submittedVersion
  approvedVersion
  reviewDueAt
  submittedAt
  createdAt
  updatedAt
  allowedActions
}`) as unknown as TypedDocumentString<ProposalInboxQuery, ProposalInboxQueryVariables>;
export const ProposalDocument = new TypedDocumentString(`
    query Proposal($id: ID!) {
  proposal(id: $id) {
    ...ProposalDetailFields
  }
}
    fragment ProposalContentFields on ProposalContent {
  title {
    fr
    en
    zhCN
  }
  concept {
    fr
    en
    zhCN
  }
  imageUrls
  artworkIds
  category
  crossBorderCategory
  targetRetailPrice {
    amount
    currency
  }
  forecastUnits
  territory
  channels
  termStart
  termEnd
  sellOffDays
  royaltyRateBps
  minimumGuarantee {
    amount
    currency
  }
  advance {
    amount
    currency
  }
  specification {
    hsCode
    weightGrams
    originCountry
  }
}
fragment ProposalHeadFields on Proposal {
  id
  museumId
  brandId
  brandName
  museum {
    id
    slug
    name {
      fr
      en
      zhCN
    }
  }
  status
  stage
  amendment
  currentVersion
  submittedVersion
  approvedVersion
  reviewDueAt
  submittedAt
  createdAt
  updatedAt
  allowedActions
}
fragment ProposalDetailFields on Proposal {
  ...ProposalHeadFields
  content {
    ...ProposalContentFields
  }
  submissionProblems {
    path
    message
  }
  revisions {
    version
    stage
    note
    createdAt
    content {
      ...ProposalContentFields
    }
  }
  reviewHistory {
    id
    decision
    stage
    revisionVersion
    comment
    createdAt
  }
  history {
    event
    actorRole
    comment
    createdAt
    fromStage
    toStage
    fromStatus
    toStatus
    revisionVersion
  }
  artworks {
    id
    accessionNumber
    artist
    title {
      fr
      en
      zhCN
    }
  }
  agreement {
    id
    status
  }
}`) as unknown as TypedDocumentString<ProposalQuery, ProposalQueryVariables>;
export const ProposalDiffDocument = new TypedDocumentString(`
    query ProposalDiff($id: ID!, $from: Int!, $to: Int!) {
  proposalDiff(id: $id, fromVersion: $from, toVersion: $to) {
    path
    kind
    before
    after
  }
}
    `) as unknown as TypedDocumentString<ProposalDiffQuery, ProposalDiffQueryVariables>;
export const CreateProposalDocument = new TypedDocumentString(`
    mutation CreateProposal($input: CreateProposalInput!) {
  createProposal(input: $input) {
    ...ProposalDetailFields
  }
}
    fragment ProposalContentFields on ProposalContent {
  title {
    fr
    en
    zhCN
  }
  concept {
    fr
    en
    zhCN
  }
  imageUrls
  artworkIds
  category
  crossBorderCategory
  targetRetailPrice {
    amount
    currency
  }
  forecastUnits
  territory
  channels
  termStart
  termEnd
  sellOffDays
  royaltyRateBps
  minimumGuarantee {
    amount
    currency
  }
  advance {
    amount
    currency
  }
  specification {
    hsCode
    weightGrams
    originCountry
  }
}
fragment ProposalHeadFields on Proposal {
  id
  museumId
  brandId
  brandName
  museum {
    id
    slug
    name {
      fr
      en
      zhCN
    }
  }
  status
  stage
  amendment
  currentVersion
  submittedVersion
  approvedVersion
  reviewDueAt
  submittedAt
  createdAt
  updatedAt
  allowedActions
}
fragment ProposalDetailFields on Proposal {
  ...ProposalHeadFields
  content {
    ...ProposalContentFields
  }
  submissionProblems {
    path
    message
  }
  revisions {
    version
    stage
    note
    createdAt
    content {
      ...ProposalContentFields
    }
  }
  reviewHistory {
    id
    decision
    stage
    revisionVersion
    comment
    createdAt
  }
  history {
    event
    actorRole
    comment
    createdAt
    fromStage
    toStage
    fromStatus
    toStatus
    revisionVersion
  }
  artworks {
    id
    accessionNumber
    artist
    title {
      fr
      en
      zhCN
    }
  }
  agreement {
    id
    status
  }
}`) as unknown as TypedDocumentString<CreateProposalMutation, CreateProposalMutationVariables>;
export const ReviseProposalDocument = new TypedDocumentString(`
    mutation ReviseProposal($input: ReviseProposalInput!) {
  reviseProposal(input: $input) {
    ...ProposalResultFields
  }
}
    fragment ProposalContentFields on ProposalContent {
  title {
    fr
    en
    zhCN
  }
  concept {
    fr
    en
    zhCN
  }
  imageUrls
  artworkIds
  category
  crossBorderCategory
  targetRetailPrice {
    amount
    currency
  }
  forecastUnits
  territory
  channels
  termStart
  termEnd
  sellOffDays
  royaltyRateBps
  minimumGuarantee {
    amount
    currency
  }
  advance {
    amount
    currency
  }
  specification {
    hsCode
    weightGrams
    originCountry
  }
}
fragment ProposalHeadFields on Proposal {
  id
  museumId
  brandId
  brandName
  museum {
    id
    slug
    name {
      fr
      en
      zhCN
    }
  }
  status
  stage
  amendment
  currentVersion
  submittedVersion
  approvedVersion
  reviewDueAt
  submittedAt
  createdAt
  updatedAt
  allowedActions
}
fragment ProposalDetailFields on Proposal {
  ...ProposalHeadFields
  content {
    ...ProposalContentFields
  }
  submissionProblems {
    path
    message
  }
  revisions {
    version
    stage
    note
    createdAt
    content {
      ...ProposalContentFields
    }
  }
  reviewHistory {
    id
    decision
    stage
    revisionVersion
    comment
    createdAt
  }
  history {
    event
    actorRole
    comment
    createdAt
    fromStage
    toStage
    fromStatus
    toStatus
    revisionVersion
  }
  artworks {
    id
    accessionNumber
    artist
    title {
      fr
      en
      zhCN
    }
  }
  agreement {
    id
    status
  }
}
fragment ProposalResultFields on ProposalResult {
  __typename
  ... on Proposal {
    ...ProposalDetailFields
  }
  ... on IllegalTransitionError {
    errorCode
    message
  }
  ... on StaleRevisionError {
    errorCode
    message
    latestVersion
  }
  ... on AgreementTermsLockedError {
    errorCode
    message
    lockedFields
  }
}`) as unknown as TypedDocumentString<ReviseProposalMutation, ReviseProposalMutationVariables>;
export const SubmitProposalDocument = new TypedDocumentString(`
    mutation SubmitProposal($id: ID!, $v: Int) {
  submitProposal(id: $id, expectedVersion: $v) {
    ...ProposalResultFields
  }
}
    fragment ProposalContentFields on ProposalContent {
  title {
    fr
    en
    zhCN
  }
  concept {
    fr
    en
    zhCN
  }
  imageUrls
  artworkIds
  category
  crossBorderCategory
  targetRetailPrice {
    amount
    currency
  }
  forecastUnits
  territory
  channels
  termStart
  termEnd
  sellOffDays
  royaltyRateBps
  minimumGuarantee {
    amount
    currency
  }
  advance {
    amount
    currency
  }
  specification {
    hsCode
    weightGrams
    originCountry
  }
}
fragment ProposalHeadFields on Proposal {
  id
  museumId
  brandId
  brandName
  museum {
    id
    slug
    name {
      fr
      en
      zhCN
    }
  }
  status
  stage
  amendment
  currentVersion
  submittedVersion
  approvedVersion
  reviewDueAt
  submittedAt
  createdAt
  updatedAt
  allowedActions
}
fragment ProposalDetailFields on Proposal {
  ...ProposalHeadFields
  content {
    ...ProposalContentFields
  }
  submissionProblems {
    path
    message
  }
  revisions {
    version
    stage
    note
    createdAt
    content {
      ...ProposalContentFields
    }
  }
  reviewHistory {
    id
    decision
    stage
    revisionVersion
    comment
    createdAt
  }
  history {
    event
    actorRole
    comment
    createdAt
    fromStage
    toStage
    fromStatus
    toStatus
    revisionVersion
  }
  artworks {
    id
    accessionNumber
    artist
    title {
      fr
      en
      zhCN
    }
  }
  agreement {
    id
    status
  }
}
fragment ProposalResultFields on ProposalResult {
  __typename
  ... on Proposal {
    ...ProposalDetailFields
  }
  ... on IllegalTransitionError {
    errorCode
    message
  }
  ... on StaleRevisionError {
    errorCode
    message
    latestVersion
  }
  ... on AgreementTermsLockedError {
    errorCode
    message
    lockedFields
  }
}`) as unknown as TypedDocumentString<SubmitProposalMutation, SubmitProposalMutationVariables>;
export const ReviewProposalDocument = new TypedDocumentString(`
    mutation ReviewProposal($input: ReviewProposalInput!) {
  reviewProposal(input: $input) {
    ...ProposalResultFields
  }
}
    fragment ProposalContentFields on ProposalContent {
  title {
    fr
    en
    zhCN
  }
  concept {
    fr
    en
    zhCN
  }
  imageUrls
  artworkIds
  category
  crossBorderCategory
  targetRetailPrice {
    amount
    currency
  }
  forecastUnits
  territory
  channels
  termStart
  termEnd
  sellOffDays
  royaltyRateBps
  minimumGuarantee {
    amount
    currency
  }
  advance {
    amount
    currency
  }
  specification {
    hsCode
    weightGrams
    originCountry
  }
}
fragment ProposalHeadFields on Proposal {
  id
  museumId
  brandId
  brandName
  museum {
    id
    slug
    name {
      fr
      en
      zhCN
    }
  }
  status
  stage
  amendment
  currentVersion
  submittedVersion
  approvedVersion
  reviewDueAt
  submittedAt
  createdAt
  updatedAt
  allowedActions
}
fragment ProposalDetailFields on Proposal {
  ...ProposalHeadFields
  content {
    ...ProposalContentFields
  }
  submissionProblems {
    path
    message
  }
  revisions {
    version
    stage
    note
    createdAt
    content {
      ...ProposalContentFields
    }
  }
  reviewHistory {
    id
    decision
    stage
    revisionVersion
    comment
    createdAt
  }
  history {
    event
    actorRole
    comment
    createdAt
    fromStage
    toStage
    fromStatus
    toStatus
    revisionVersion
  }
  artworks {
    id
    accessionNumber
    artist
    title {
      fr
      en
      zhCN
    }
  }
  agreement {
    id
    status
  }
}
fragment ProposalResultFields on ProposalResult {
  __typename
  ... on Proposal {
    ...ProposalDetailFields
  }
  ... on IllegalTransitionError {
    errorCode
    message
  }
  ... on StaleRevisionError {
    errorCode
    message
    latestVersion
  }
  ... on AgreementTermsLockedError {
    errorCode
    message
    lockedFields
  }
}`) as unknown as TypedDocumentString<ReviewProposalMutation, ReviewProposalMutationVariables>;
export const WithdrawProposalDocument = new TypedDocumentString(`
    mutation WithdrawProposal($id: ID!, $reason: String) {
  withdrawProposal(id: $id, reason: $reason) {
    ...ProposalResultFields
  }
}
    fragment ProposalContentFields on ProposalContent {
  title {
    fr
    en
    zhCN
  }
  concept {
    fr
    en
    zhCN
  }
  imageUrls
  artworkIds
  category
  crossBorderCategory
  targetRetailPrice {
    amount
    currency
  }
  forecastUnits
  territory
  channels
  termStart
  termEnd
  sellOffDays
  royaltyRateBps
  minimumGuarantee {
    amount
    currency
  }
  advance {
    amount
    currency
  }
  specification {
    hsCode
    weightGrams
    originCountry
  }
}
fragment ProposalHeadFields on Proposal {
  id
  museumId
  brandId
  brandName
  museum {
    id
    slug
    name {
      fr
      en
      zhCN
    }
  }
  status
  stage
  amendment
  currentVersion
  submittedVersion
  approvedVersion
  reviewDueAt
  submittedAt
  createdAt
  updatedAt
  allowedActions
}
fragment ProposalDetailFields on Proposal {
  ...ProposalHeadFields
  content {
    ...ProposalContentFields
  }
  submissionProblems {
    path
    message
  }
  revisions {
    version
    stage
    note
    createdAt
    content {
      ...ProposalContentFields
    }
  }
  reviewHistory {
    id
    decision
    stage
    revisionVersion
    comment
    createdAt
  }
  history {
    event
    actorRole
    comment
    createdAt
    fromStage
    toStage
    fromStatus
    toStatus
    revisionVersion
  }
  artworks {
    id
    accessionNumber
    artist
    title {
      fr
      en
      zhCN
    }
  }
  agreement {
    id
    status
  }
}
fragment ProposalResultFields on ProposalResult {
  __typename
  ... on Proposal {
    ...ProposalDetailFields
  }
  ... on IllegalTransitionError {
    errorCode
    message
  }
  ... on StaleRevisionError {
    errorCode
    message
    latestVersion
  }
  ... on AgreementTermsLockedError {
    errorCode
    message
    lockedFields
  }
}`) as unknown as TypedDocumentString<WithdrawProposalMutation, WithdrawProposalMutationVariables>;
export const LicensingMuseumsDocument = new TypedDocumentString(`
    query LicensingMuseums {
  licensingMuseums(first: 100) {
    nodes {
      id
      slug
      licensableWorkCount
      name {
        fr
        en
        zhCN
      }
    }
  }
}
    `) as unknown as TypedDocumentString<LicensingMuseumsQuery, LicensingMuseumsQueryVariables>;
export const LicensableArtworksDocument = new TypedDocumentString(`
    query LicensableArtworks($museumId: ID!, $search: String) {
  licensableArtworks(museumId: $museumId, search: $search, first: 100) {
    nodes {
      id
      accessionNumber
      artist
      title {
        fr
        en
        zhCN
      }
    }
  }
}
    `) as unknown as TypedDocumentString<LicensableArtworksQuery, LicensableArtworksQueryVariables>;
export const NoticesDocument = new TypedDocumentString(`
    query Notices($first: Int) {
  licensingNotifications(unreadOnly: true, first: $first) {
    totalCount
    nodes {
      id
      kind
      message
      proposalId
      dueAt
      createdAt
    }
  }
}
    `) as unknown as TypedDocumentString<NoticesQuery, NoticesQueryVariables>;
export const MarkNoticeReadDocument = new TypedDocumentString(`
    mutation MarkNoticeRead($id: ID!) {
  markLicensingNotificationRead(id: $id) {
    id
  }
}
    `) as unknown as TypedDocumentString<MarkNoticeReadMutation, MarkNoticeReadMutationVariables>;
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
export const MuseumDropsDocument = new TypedDocumentString(`
    query MuseumDrops($museumId: ID, $filter: DropFilterInput, $first: Int, $after: String, $full: Boolean!) {
  museumDrops(museumId: $museumId, filter: $filter, first: $first, after: $after) {
    nodes {
      id
      ...DropFields @include(if: $full)
    }
    pageInfo {
      endCursor
      hasNextPage
    }
    totalCount
  }
}
    fragment DropFields on Drop {
  id
  museumId
  variantId
  productId
  mode
  status
  startsAt
  registrationClosesAt
  editionSize
  perIdentityLimit
  payWindowSeconds
  seedHash
  seed
  drawnAt
}`) as unknown as TypedDocumentString<MuseumDropsQuery, MuseumDropsQueryVariables>;
export const ManagedDropDocument = new TypedDocumentString(`
    query ManagedDrop($id: ID!) {
  managedDrop(id: $id) {
    ...DropFields
  }
}
    fragment DropFields on Drop {
  id
  museumId
  variantId
  productId
  mode
  status
  startsAt
  registrationClosesAt
  editionSize
  perIdentityLimit
  payWindowSeconds
  seedHash
  seed
  drawnAt
}`) as unknown as TypedDocumentString<ManagedDropQuery, ManagedDropQueryVariables>;
export const UpdateDropDocument = new TypedDocumentString(`
    mutation UpdateDrop($input: UpdateDropInput!) {
  updateDrop(input: $input) {
    ...DropFields
  }
}
    fragment DropFields on Drop {
  id
  museumId
  variantId
  productId
  mode
  status
  startsAt
  registrationClosesAt
  editionSize
  perIdentityLimit
  payWindowSeconds
  seedHash
  seed
  drawnAt
}`) as unknown as TypedDocumentString<UpdateDropMutation, UpdateDropMutationVariables>;
export const CreateDropDocument = new TypedDocumentString(`
    mutation CreateDrop($input: CreateDropInput!) {
  createDrop(input: $input) {
    ...DropFields
  }
}
    fragment DropFields on Drop {
  id
  museumId
  variantId
  productId
  mode
  status
  startsAt
  registrationClosesAt
  editionSize
  perIdentityLimit
  payWindowSeconds
  seedHash
  seed
  drawnAt
}`) as unknown as TypedDocumentString<CreateDropMutation, CreateDropMutationVariables>;
export const DropEntriesDocument = new TypedDocumentString(`
    query DropEntries($dropId: ID!, $status: String) {
  dropEntries(dropId: $dropId, first: 100, status: $status) {
    id
    status
    position
    joinedAt
    turnEndsAt
    accountEmail
    accountAgeDays
    sameAddressEntries
    sameShippingAddressEntries
    voidReason
  }
}
    `) as unknown as TypedDocumentString<DropEntriesQuery, DropEntriesQueryVariables>;
export const CancelDropDocument = new TypedDocumentString(`
    mutation CancelDrop($input: CancelDropInput!) {
  cancelDrop(input: $input) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<CancelDropMutation, CancelDropMutationVariables>;
export const VoidEntryDocument = new TypedDocumentString(`
    mutation VoidEntry($input: VoidDropEntryInput!) {
  voidDropEntry(input: $input) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<VoidEntryMutation, VoidEntryMutationVariables>;
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
export const ManagedLiveSessionsDocument = new TypedDocumentString(`
    query ManagedLiveSessions($museumId: ID, $filter: LiveSessionFilterInput, $first: Int, $after: String, $full: Boolean!) {
  managedLiveSessions(
    museumId: $museumId
    filter: $filter
    first: $first
    after: $after
  ) {
    nodes {
      id
      ...LiveSessionFields @include(if: $full)
    }
    pageInfo {
      endCursor
      hasNextPage
    }
    totalCount
  }
}
    fragment LiveSessionFields on LiveSession {
  id
  museumId
  title
  streamUrl
  startsAt
  endsAt
  phase
  pinnedProductId
  productIds
}`) as unknown as TypedDocumentString<ManagedLiveSessionsQuery, ManagedLiveSessionsQueryVariables>;
export const ManagedLiveSessionDocument = new TypedDocumentString(`
    query ManagedLiveSession($id: ID!) {
  managedLiveSession(id: $id) {
    ...LiveSessionFields
    products {
      productId
      name
      priceMinor
      currency
      available
    }
    flashPrices {
      productId
      priceMinor
      startsAt
      endsAt
    }
    announcements {
      id
      body
      createdAt
    }
    sales {
      productId
      name
      orders
      units
      revenueMinor
    }
  }
}
    fragment LiveSessionFields on LiveSession {
  id
  museumId
  title
  streamUrl
  startsAt
  endsAt
  phase
  pinnedProductId
  productIds
}`) as unknown as TypedDocumentString<ManagedLiveSessionQuery, ManagedLiveSessionQueryVariables>;
export const LiveStreamUrlCheckDocument = new TypedDocumentString(`
    query LiveStreamUrlCheck($url: String!) {
  liveStreamUrlCheck(url: $url) {
    player {
      kind
      platform
    }
    problem
  }
}
    `) as unknown as TypedDocumentString<LiveStreamUrlCheckQuery, LiveStreamUrlCheckQueryVariables>;
export const ScheduleLiveSessionDocument = new TypedDocumentString(`
    mutation ScheduleLiveSession($input: ScheduleLiveSessionInput!) {
  scheduleLiveSession(input: $input) {
    ...LiveSessionFields
  }
}
    fragment LiveSessionFields on LiveSession {
  id
  museumId
  title
  streamUrl
  startsAt
  endsAt
  phase
  pinnedProductId
  productIds
}`) as unknown as TypedDocumentString<ScheduleLiveSessionMutation, ScheduleLiveSessionMutationVariables>;
export const UpdateLiveSessionDocument = new TypedDocumentString(`
    mutation UpdateLiveSession($input: UpdateLiveSessionInput!) {
  updateLiveSession(input: $input) {
    ...LiveSessionFields
  }
}
    fragment LiveSessionFields on LiveSession {
  id
  museumId
  title
  streamUrl
  startsAt
  endsAt
  phase
  pinnedProductId
  productIds
}`) as unknown as TypedDocumentString<UpdateLiveSessionMutation, UpdateLiveSessionMutationVariables>;
export const SetLiveSessionBagDocument = new TypedDocumentString(`
    mutation SetLiveSessionBag($input: SetLiveSessionBagInput!) {
  setLiveSessionBag(input: $input) {
    ...LiveSessionFields
  }
}
    fragment LiveSessionFields on LiveSession {
  id
  museumId
  title
  streamUrl
  startsAt
  endsAt
  phase
  pinnedProductId
  productIds
}`) as unknown as TypedDocumentString<SetLiveSessionBagMutation, SetLiveSessionBagMutationVariables>;
export const CancelLiveSessionDocument = new TypedDocumentString(`
    mutation CancelLiveSession($input: CancelLiveSessionInput!) {
  cancelLiveSession(input: $input) {
    id
    phase
  }
}
    `) as unknown as TypedDocumentString<CancelLiveSessionMutation, CancelLiveSessionMutationVariables>;
export const PinLiveProductDocument = new TypedDocumentString(`
    mutation PinLiveProduct($input: PinLiveProductInput!) {
  pinLiveProduct(input: $input) {
    id
    pinnedProductId
  }
}
    `) as unknown as TypedDocumentString<PinLiveProductMutation, PinLiveProductMutationVariables>;
export const StartLiveFlashPriceDocument = new TypedDocumentString(`
    mutation StartLiveFlashPrice($input: StartLiveFlashPriceInput!) {
  startLiveFlashPrice(input: $input) {
    productId
    priceMinor
    endsAt
  }
}
    `) as unknown as TypedDocumentString<StartLiveFlashPriceMutation, StartLiveFlashPriceMutationVariables>;
export const PostLiveAnnouncementDocument = new TypedDocumentString(`
    mutation PostLiveAnnouncement($input: PostLiveAnnouncementInput!) {
  postLiveAnnouncement(input: $input) {
    id
    body
  }
}
    `) as unknown as TypedDocumentString<PostLiveAnnouncementMutation, PostLiveAnnouncementMutationVariables>;
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
export const MuseumOrdersDocument = new TypedDocumentString(`
    query MuseumOrders($museumId: ID, $filter: OrderFilterInput, $sort: OrderSort, $first: Int, $after: String, $full: Boolean!, $lines: Boolean!) {
  museumOrders(
    museumId: $museumId
    filter: $filter
    sort: $sort
    first: $first
    after: $after
  ) {
    nodes {
      id
      ...OrderListFields @include(if: $full)
      lines @include(if: $lines) {
        sku
        name
        quantity
      }
    }
    pageInfo {
      endCursor
      hasNextPage
    }
    totalCount
  }
}
    fragment OrderListFields on Order {
  id
  number
  museumId
  status
  paymentStatus
  customsMode
  currency
  goodsTotal
  shippingTotal
  insuranceTotal
  taxTotal
  total
  createdAt
  paidAt
  holdExpiresAt
  orderer {
    name
    residentIdMasked
  }
  recipient {
    name
    phone
    province
    city
    district
    street
    postalCode
  }
  refundOutstanding {
    amount
    currency
  }
}`) as unknown as TypedDocumentString<MuseumOrdersQuery, MuseumOrdersQueryVariables>;
export const OrderDocument = new TypedDocumentString(`
    query Order($id: ID!) {
  order(id: $id) {
    ...OrderDetailFields
  }
  orderFulfilment(orderId: $id) {
    ...FulfilmentFields
  }
}
    fragment DisputeFields on OrderDispute {
  id
  providerDisputeId
  orderId
  orderNumber
  amount
  disputedTotal
  currency
  reason
  status
  evidenceDueBy
  evidenceSubmittedAt
  acceptsEvidence
  lostAmount
  createdAt
}
fragment OrderListFields on Order {
  id
  number
  museumId
  status
  paymentStatus
  customsMode
  currency
  goodsTotal
  shippingTotal
  insuranceTotal
  taxTotal
  total
  createdAt
  paidAt
  holdExpiresAt
  orderer {
    name
    residentIdMasked
  }
  recipient {
    name
    phone
    province
    city
    district
    street
    postalCode
  }
  refundOutstanding {
    amount
    currency
  }
}
fragment OrderDetailFields on Order {
  ...OrderListFields
  discountTotal
  returnDeadline
  fx {
    rate
    marginBps
    source
    effectiveAt
  }
  lines {
    id
    productId
    variantId
    sku
    name
    imageUrl
    hsCode
    originCountry
    crossBorderCategory
    quantity
    currency
    unitPrice
    unitPriceEur
    goods
    discount
    freight
    insurance
    dutiable
    taxRate
    tax
    total
  }
  history {
    from
    to
    reason
    at
  }
  refundedTotal
  refunds {
    id
    providerRefundId
    amount
    currency
    status
    reason
    createdAt
  }
  lostToDisputes
  disputes {
    ...DisputeFields
  }
  attribution {
    channel
    ref
  }
  settlement {
    parties {
      account
      ownerType
      ownerId
      component
      amount {
        amount
        currency
      }
    }
    discounts {
      promotionId
      name
      kind
      code
      fundedBy
      amount {
        amount
        currency
      }
    }
  }
}
fragment FulfilmentFields on OrderFulfilment {
  awaitingHandover
  customsMessages {
    id
    document
    messageType
    businessNo
    senderCode
    status
    invtNo
    preNo
    amendments {
      id
      status
      returnInfo
      createdAt
      xml
    }
    attempts
    firstSentAt
    lastSentAt
    lastError
    xml
    receipts {
      id
      status
      returnStatus
      returnInfo
      returnTime
      receivedAt
    }
    transmissions {
      id
      sentAt
      finishedAt
      outcome
      error
      entries
    }
  }
  shipment {
    carrierCode
    logisticsNo
    status
    bookingRef
    waybillIssuedAt
    bookedAt
    deliveredAt
    bookingAttempts
    lastError
    handoverRequests
    handoverRequestedAt
    events {
      eventId
      status
      description
      location
      occurredAt
    }
  }
}`) as unknown as TypedDocumentString<OrderQuery, OrderQueryVariables>;
export const RefundOrderDocument = new TypedDocumentString(`
    mutation RefundOrder($id: ID!, $reason: String!, $lines: [RefundLineInput!], $idempotencyKey: String) {
  refundOrder(
    id: $id
    reason: $reason
    lines: $lines
    idempotencyKey: $idempotencyKey
  ) {
    refundId
    refundStatus
    amount
    replayed
    order {
      id
      status
    }
  }
}
    `) as unknown as TypedDocumentString<RefundOrderMutation, RefundOrderMutationVariables>;
export const MuseumDisputesDocument = new TypedDocumentString(`
    query MuseumDisputes($museumId: ID) {
  museumDisputes(museumId: $museumId, open: true) {
    ...DisputeFields
  }
}
    fragment DisputeFields on OrderDispute {
  id
  providerDisputeId
  orderId
  orderNumber
  amount
  disputedTotal
  currency
  reason
  status
  evidenceDueBy
  evidenceSubmittedAt
  acceptsEvidence
  lostAmount
  createdAt
}`) as unknown as TypedDocumentString<MuseumDisputesQuery, MuseumDisputesQueryVariables>;
export const SubmitDisputeEvidenceDocument = new TypedDocumentString(`
    mutation SubmitDisputeEvidence($id: ID!, $evidence: DisputeEvidenceInput!) {
  submitDisputeEvidence(disputeId: $id, evidence: $evidence) {
    id
    status
    evidenceSubmittedAt
  }
}
    `) as unknown as TypedDocumentString<SubmitDisputeEvidenceMutation, SubmitDisputeEvidenceMutationVariables>;
export const ShipOrderDocument = new TypedDocumentString(`
    mutation ShipOrder($id: ID!) {
  shipOrder(orderId: $id) {
    status
    ...FulfilmentFields
  }
}
    fragment FulfilmentFields on OrderFulfilment {
  awaitingHandover
  customsMessages {
    id
    document
    messageType
    businessNo
    senderCode
    status
    invtNo
    preNo
    amendments {
      id
      status
      returnInfo
      createdAt
      xml
    }
    attempts
    firstSentAt
    lastSentAt
    lastError
    xml
    receipts {
      id
      status
      returnStatus
      returnInfo
      returnTime
      receivedAt
    }
    transmissions {
      id
      sentAt
      finishedAt
      outcome
      error
      entries
    }
  }
  shipment {
    carrierCode
    logisticsNo
    status
    bookingRef
    waybillIssuedAt
    bookedAt
    deliveredAt
    bookingAttempts
    lastError
    handoverRequests
    handoverRequestedAt
    events {
      eventId
      status
      description
      location
      occurredAt
    }
  }
}`) as unknown as TypedDocumentString<ShipOrderMutation, ShipOrderMutationVariables>;
export const OrderFulfilmentDocument = new TypedDocumentString(`
    query OrderFulfilment($id: ID!) {
  orderFulfilment(orderId: $id) {
    status
    ...FulfilmentFields
  }
}
    fragment FulfilmentFields on OrderFulfilment {
  awaitingHandover
  customsMessages {
    id
    document
    messageType
    businessNo
    senderCode
    status
    invtNo
    preNo
    amendments {
      id
      status
      returnInfo
      createdAt
      xml
    }
    attempts
    firstSentAt
    lastSentAt
    lastError
    xml
    receipts {
      id
      status
      returnStatus
      returnInfo
      returnTime
      receivedAt
    }
    transmissions {
      id
      sentAt
      finishedAt
      outcome
      error
      entries
    }
  }
  shipment {
    carrierCode
    logisticsNo
    status
    bookingRef
    waybillIssuedAt
    bookedAt
    deliveredAt
    bookingAttempts
    lastError
    handoverRequests
    handoverRequestedAt
    events {
      eventId
      status
      description
      location
      occurredAt
    }
  }
}`) as unknown as TypedDocumentString<OrderFulfilmentQuery, OrderFulfilmentQueryVariables>;
export const ManagedProductsDocument = new TypedDocumentString(`
    query ManagedProducts($museumId: ID, $first: Int, $after: String, $filter: ManagedProductFilter, $sort: ManagedProductSort, $rows: Boolean!, $export: Boolean!) {
  managedProducts(
    museumId: $museumId
    first: $first
    after: $after
    filter: $filter
    sort: $sort
  ) {
    nodes {
      id
      ...ProductListFields @include(if: $rows)
      ...ProductExportFields @include(if: $export)
    }
    pageInfo {
      endCursor
      hasNextPage
    }
    totalCount
  }
}
    fragment ProductExportFields on ManagedProduct {
  id
  museumId
  status
  category
  crossBorderCategory
  name {
    fr
    en
    zhCN
  }
  description {
    fr
    en
    zhCN
  }
  variants {
    id
    sku
    options
    priceMinor
    weightGrams
    hsCode
    originCountry
    netContent
    netContentUnit
    available
  }
  media {
    id
    url
    alt
    position
  }
  artworks {
    id
  }
  collections {
    id
  }
  listableForChina
  listingProblems {
    code
    path
    message
  }
  createdAt
  updatedAt
  publishedAt
}
fragment ProductListFields on ManagedProduct {
  id
  museumId
  status
  category
  name {
    fr
    en
    zhCN
  }
  variants {
    priceMinor
    available
  }
  media {
    url
    position
  }
  createdAt
  updatedAt
  publishedAt
}`) as unknown as TypedDocumentString<ManagedProductsQuery, ManagedProductsQueryVariables>;
export const ManagedProductDocument = new TypedDocumentString(`
    query ManagedProduct($id: ID!) {
  managedProduct(id: $id) {
    ...ProductFields
  }
}
    fragment ProductExportFields on ManagedProduct {
  id
  museumId
  status
  category
  crossBorderCategory
  name {
    fr
    en
    zhCN
  }
  description {
    fr
    en
    zhCN
  }
  variants {
    id
    sku
    options
    priceMinor
    weightGrams
    hsCode
    originCountry
    netContent
    netContentUnit
    available
  }
  media {
    id
    url
    alt
    position
  }
  artworks {
    id
  }
  collections {
    id
  }
  listableForChina
  listingProblems {
    code
    path
    message
  }
  createdAt
  updatedAt
  publishedAt
}
fragment ProductFields on ManagedProduct {
  ...ProductExportFields
  variants {
    stockLevels {
      locationId
      onHand
      reserved
      available
    }
    shopperPrice {
      amount
      currency
    }
    crossBorderTax {
      amount
      currency
    }
  }
}`) as unknown as TypedDocumentString<ManagedProductQuery, ManagedProductQueryVariables>;
export const PublishProductDocument = new TypedDocumentString(`
    mutation PublishProduct($id: ID!) {
  publishProduct(id: $id) {
    ...ProductFields
  }
}
    fragment ProductExportFields on ManagedProduct {
  id
  museumId
  status
  category
  crossBorderCategory
  name {
    fr
    en
    zhCN
  }
  description {
    fr
    en
    zhCN
  }
  variants {
    id
    sku
    options
    priceMinor
    weightGrams
    hsCode
    originCountry
    netContent
    netContentUnit
    available
  }
  media {
    id
    url
    alt
    position
  }
  artworks {
    id
  }
  collections {
    id
  }
  listableForChina
  listingProblems {
    code
    path
    message
  }
  createdAt
  updatedAt
  publishedAt
}
fragment ProductFields on ManagedProduct {
  ...ProductExportFields
  variants {
    stockLevels {
      locationId
      onHand
      reserved
      available
    }
    shopperPrice {
      amount
      currency
    }
    crossBorderTax {
      amount
      currency
    }
  }
}`) as unknown as TypedDocumentString<PublishProductMutation, PublishProductMutationVariables>;
export const UnpublishProductDocument = new TypedDocumentString(`
    mutation UnpublishProduct($id: ID!) {
  unpublishProduct(id: $id) {
    ...ProductFields
  }
}
    fragment ProductExportFields on ManagedProduct {
  id
  museumId
  status
  category
  crossBorderCategory
  name {
    fr
    en
    zhCN
  }
  description {
    fr
    en
    zhCN
  }
  variants {
    id
    sku
    options
    priceMinor
    weightGrams
    hsCode
    originCountry
    netContent
    netContentUnit
    available
  }
  media {
    id
    url
    alt
    position
  }
  artworks {
    id
  }
  collections {
    id
  }
  listableForChina
  listingProblems {
    code
    path
    message
  }
  createdAt
  updatedAt
  publishedAt
}
fragment ProductFields on ManagedProduct {
  ...ProductExportFields
  variants {
    stockLevels {
      locationId
      onHand
      reserved
      available
    }
    shopperPrice {
      amount
      currency
    }
    crossBorderTax {
      amount
      currency
    }
  }
}`) as unknown as TypedDocumentString<UnpublishProductMutation, UnpublishProductMutationVariables>;
export const ArchiveProductDocument = new TypedDocumentString(`
    mutation ArchiveProduct($id: ID!) {
  archiveProduct(id: $id) {
    ...ProductFields
  }
}
    fragment ProductExportFields on ManagedProduct {
  id
  museumId
  status
  category
  crossBorderCategory
  name {
    fr
    en
    zhCN
  }
  description {
    fr
    en
    zhCN
  }
  variants {
    id
    sku
    options
    priceMinor
    weightGrams
    hsCode
    originCountry
    netContent
    netContentUnit
    available
  }
  media {
    id
    url
    alt
    position
  }
  artworks {
    id
  }
  collections {
    id
  }
  listableForChina
  listingProblems {
    code
    path
    message
  }
  createdAt
  updatedAt
  publishedAt
}
fragment ProductFields on ManagedProduct {
  ...ProductExportFields
  variants {
    stockLevels {
      locationId
      onHand
      reserved
      available
    }
    shopperPrice {
      amount
      currency
    }
    crossBorderTax {
      amount
      currency
    }
  }
}`) as unknown as TypedDocumentString<ArchiveProductMutation, ArchiveProductMutationVariables>;
export const BulkStatusDocument = new TypedDocumentString(`
    mutation BulkStatus($ids: [ID!]!, $status: ProductStatus!) {
  bulkSetProductStatus(ids: $ids, status: $status) {
    updated
    failed {
      id
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<BulkStatusMutation, BulkStatusMutationVariables>;
export const ProductCountsDocument = new TypedDocumentString(`
    query ProductCounts($museumId: ID) {
  DRAFT: managedProducts(museumId: $museumId, first: 1, filter: {status: DRAFT}) {
    totalCount
  }
  PUBLISHED: managedProducts(
    museumId: $museumId
    first: 1
    filter: {status: PUBLISHED}
  ) {
    totalCount
  }
  ARCHIVED: managedProducts(
    museumId: $museumId
    first: 1
    filter: {status: ARCHIVED}
  ) {
    totalCount
  }
}
    `) as unknown as TypedDocumentString<ProductCountsQuery, ProductCountsQueryVariables>;
export const CreateProductDocument = new TypedDocumentString(`
    mutation CreateProduct($input: CreateProductInput!) {
  createProduct(input: $input) {
    ...ProductFields
  }
}
    fragment ProductExportFields on ManagedProduct {
  id
  museumId
  status
  category
  crossBorderCategory
  name {
    fr
    en
    zhCN
  }
  description {
    fr
    en
    zhCN
  }
  variants {
    id
    sku
    options
    priceMinor
    weightGrams
    hsCode
    originCountry
    netContent
    netContentUnit
    available
  }
  media {
    id
    url
    alt
    position
  }
  artworks {
    id
  }
  collections {
    id
  }
  listableForChina
  listingProblems {
    code
    path
    message
  }
  createdAt
  updatedAt
  publishedAt
}
fragment ProductFields on ManagedProduct {
  ...ProductExportFields
  variants {
    stockLevels {
      locationId
      onHand
      reserved
      available
    }
    shopperPrice {
      amount
      currency
    }
    crossBorderTax {
      amount
      currency
    }
  }
}`) as unknown as TypedDocumentString<CreateProductMutation, CreateProductMutationVariables>;
export const UpdateProductDocument = new TypedDocumentString(`
    mutation UpdateProduct($input: UpdateProductInput!) {
  updateProduct(input: $input) {
    ...ProductFields
  }
}
    fragment ProductExportFields on ManagedProduct {
  id
  museumId
  status
  category
  crossBorderCategory
  name {
    fr
    en
    zhCN
  }
  description {
    fr
    en
    zhCN
  }
  variants {
    id
    sku
    options
    priceMinor
    weightGrams
    hsCode
    originCountry
    netContent
    netContentUnit
    available
  }
  media {
    id
    url
    alt
    position
  }
  artworks {
    id
  }
  collections {
    id
  }
  listableForChina
  listingProblems {
    code
    path
    message
  }
  createdAt
  updatedAt
  publishedAt
}
fragment ProductFields on ManagedProduct {
  ...ProductExportFields
  variants {
    stockLevels {
      locationId
      onHand
      reserved
      available
    }
    shopperPrice {
      amount
      currency
    }
    crossBorderTax {
      amount
      currency
    }
  }
}`) as unknown as TypedDocumentString<UpdateProductMutation, UpdateProductMutationVariables>;
export const DeleteProductDocument = new TypedDocumentString(`
    mutation DeleteProduct($id: ID!) {
  deleteProduct(id: $id)
}
    `) as unknown as TypedDocumentString<DeleteProductMutation, DeleteProductMutationVariables>;
export const PromotionsDocument = new TypedDocumentString(`
    query Promotions($museumId: ID, $archivedOnly: Boolean) {
  promotions(museumId: $museumId, archivedOnly: $archivedOnly) {
    ...PromotionFields
  }
}
    fragment PromotionFields on Promotion {
  id
  museumId
  kind
  name
  code
  tiers {
    minMinor
    offMinor
  }
  every
  discountType
  percentBps
  amountOffMinor
  minSpendMinor
  fundedBy
  perShopperLimit
  totalLimit
  usedCount
  discountGivenMinor
  productIds
  startsAt
  endsAt
  status
}`) as unknown as TypedDocumentString<PromotionsQuery, PromotionsQueryVariables>;
export const PromotionDocument = new TypedDocumentString(`
    query Promotion($id: ID!) {
  promotion(id: $id) {
    ...PromotionFields
  }
}
    fragment PromotionFields on Promotion {
  id
  museumId
  kind
  name
  code
  tiers {
    minMinor
    offMinor
  }
  every
  discountType
  percentBps
  amountOffMinor
  minSpendMinor
  fundedBy
  perShopperLimit
  totalLimit
  usedCount
  discountGivenMinor
  productIds
  startsAt
  endsAt
  status
}`) as unknown as TypedDocumentString<PromotionQuery, PromotionQueryVariables>;
export const CreatePromotionDocument = new TypedDocumentString(`
    mutation CreatePromotion($input: PromotionInput!) {
  createPromotion(input: $input) {
    ...PromotionFields
  }
}
    fragment PromotionFields on Promotion {
  id
  museumId
  kind
  name
  code
  tiers {
    minMinor
    offMinor
  }
  every
  discountType
  percentBps
  amountOffMinor
  minSpendMinor
  fundedBy
  perShopperLimit
  totalLimit
  usedCount
  discountGivenMinor
  productIds
  startsAt
  endsAt
  status
}`) as unknown as TypedDocumentString<CreatePromotionMutation, CreatePromotionMutationVariables>;
export const UpdatePromotionDocument = new TypedDocumentString(`
    mutation UpdatePromotion($id: ID!, $input: PromotionInput!) {
  updatePromotion(id: $id, input: $input) {
    ...PromotionFields
  }
}
    fragment PromotionFields on Promotion {
  id
  museumId
  kind
  name
  code
  tiers {
    minMinor
    offMinor
  }
  every
  discountType
  percentBps
  amountOffMinor
  minSpendMinor
  fundedBy
  perShopperLimit
  totalLimit
  usedCount
  discountGivenMinor
  productIds
  startsAt
  endsAt
  status
}`) as unknown as TypedDocumentString<UpdatePromotionMutation, UpdatePromotionMutationVariables>;
export const ArchivePromotionDocument = new TypedDocumentString(`
    mutation ArchivePromotion($id: ID!) {
  archivePromotion(id: $id) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<ArchivePromotionMutation, ArchivePromotionMutationVariables>;
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
export const MuseumReturnsDocument = new TypedDocumentString(`
    query MuseumReturns($museumId: ID, $status: ReturnStatus, $late: Boolean, $first: Int, $after: String, $full: Boolean!) {
  museumReturns(
    museumId: $museumId
    status: $status
    late: $late
    first: $first
    after: $after
  ) {
    nodes {
      id
      ...ReturnFields @include(if: $full)
    }
    pageInfo {
      endCursor
      hasNextPage
    }
    totalCount
  }
}
    fragment ReturnFields on OrderReturn {
  id
  orderId
  orderNumber
  museumId
  reason
  note
  photoUrls
  status
  customsStatus
  late
  releasedAt
  arrivalDeadline
  decisionComment
  decidedAt
  returnLogisticsNo
  receivedAt
  inspectedAt
  inspectionComment
  refundAmount
  createdAt
  lines {
    lineId
    quantity
    acceptedQuantity
    sellable
  }
}`) as unknown as TypedDocumentString<MuseumReturnsQuery, MuseumReturnsQueryVariables>;
export const MuseumReturnDocument = new TypedDocumentString(`
    query MuseumReturn($id: ID!, $locale: String) {
  museumReturn(id: $id) {
    ...ReturnFields
    history(locale: $locale) {
      kind
      detail
      at
    }
    shopperMessages {
      at
      sentAt
      step
      channel
      locale
      phoneMasked
      status
      template
      content
      attempts
      lastError
    }
    photos {
      id
      position
      contentType
      byteSize
      url
      urlExpiresAt
    }
  }
}
    fragment ReturnFields on OrderReturn {
  id
  orderId
  orderNumber
  museumId
  reason
  note
  photoUrls
  status
  customsStatus
  late
  releasedAt
  arrivalDeadline
  decisionComment
  decidedAt
  returnLogisticsNo
  receivedAt
  inspectedAt
  inspectionComment
  refundAmount
  createdAt
  lines {
    lineId
    quantity
    acceptedQuantity
    sellable
  }
}`) as unknown as TypedDocumentString<MuseumReturnQuery, MuseumReturnQueryVariables>;
export const DecideReturnDocument = new TypedDocumentString(`
    mutation DecideReturn($id: ID!, $accept: Boolean!, $comment: String!) {
  decideReturn(returnId: $id, accept: $accept, comment: $comment) {
    ...ReturnFields
  }
}
    fragment ReturnFields on OrderReturn {
  id
  orderId
  orderNumber
  museumId
  reason
  note
  photoUrls
  status
  customsStatus
  late
  releasedAt
  arrivalDeadline
  decisionComment
  decidedAt
  returnLogisticsNo
  receivedAt
  inspectedAt
  inspectionComment
  refundAmount
  createdAt
  lines {
    lineId
    quantity
    acceptedQuantity
    sellable
  }
}`) as unknown as TypedDocumentString<DecideReturnMutation, DecideReturnMutationVariables>;
export const MarkReturnReceivedDocument = new TypedDocumentString(`
    mutation MarkReturnReceived($id: ID!) {
  markReturnReceived(returnId: $id) {
    ...ReturnFields
  }
}
    fragment ReturnFields on OrderReturn {
  id
  orderId
  orderNumber
  museumId
  reason
  note
  photoUrls
  status
  customsStatus
  late
  releasedAt
  arrivalDeadline
  decisionComment
  decidedAt
  returnLogisticsNo
  receivedAt
  inspectedAt
  inspectionComment
  refundAmount
  createdAt
  lines {
    lineId
    quantity
    acceptedQuantity
    sellable
  }
}`) as unknown as TypedDocumentString<MarkReturnReceivedMutation, MarkReturnReceivedMutationVariables>;
export const InspectReturnDocument = new TypedDocumentString(`
    mutation InspectReturn($input: InspectReturnInput!) {
  inspectReturn(input: $input) {
    ...ReturnFields
  }
}
    fragment ReturnFields on OrderReturn {
  id
  orderId
  orderNumber
  museumId
  reason
  note
  photoUrls
  status
  customsStatus
  late
  releasedAt
  arrivalDeadline
  decisionComment
  decidedAt
  returnLogisticsNo
  receivedAt
  inspectedAt
  inspectionComment
  refundAmount
  createdAt
  lines {
    lineId
    quantity
    acceptedQuantity
    sellable
  }
}`) as unknown as TypedDocumentString<InspectReturnMutation, InspectReturnMutationVariables>;
export const RefundReturnDocument = new TypedDocumentString(`
    mutation RefundReturn($id: ID!) {
  refundReturn(returnId: $id) {
    ...ReturnFields
  }
}
    fragment ReturnFields on OrderReturn {
  id
  orderId
  orderNumber
  museumId
  reason
  note
  photoUrls
  status
  customsStatus
  late
  releasedAt
  arrivalDeadline
  decisionComment
  decidedAt
  returnLogisticsNo
  receivedAt
  inspectedAt
  inspectionComment
  refundAmount
  createdAt
  lines {
    lineId
    quantity
    acceptedQuantity
    sellable
  }
}`) as unknown as TypedDocumentString<RefundReturnMutation, RefundReturnMutationVariables>;
export const SellerBalanceDocument = new TypedDocumentString(`
    query SellerBalance($m: ID, $b: ID) {
  sellerBalance(museumId: $m, brandId: $b) {
    ...BalanceFields
  }
}
    fragment BalanceFields on SellerBalance {
  sellerType
  sellerId
  payable {
    amount
    currency
  }
  pending {
    amount
    currency
  }
  notPaidOut {
    amount
    currency
  }
}`) as unknown as TypedDocumentString<SellerBalanceQuery, SellerBalanceQueryVariables>;
export const PlatformLedgerDocument = new TypedDocumentString(`
    query PlatformLedger {
  platformLedger {
    sellers {
      ...BalanceFields
    }
    taxOwedToCustoms {
      amount
      currency
    }
    commissionRevenue {
      amount
      currency
    }
    stripeClearing {
      amount
      currency
    }
    stripeFees {
      amount
      currency
    }
    platformPromotions {
      amount
      currency
    }
  }
}
    fragment BalanceFields on SellerBalance {
  sellerType
  sellerId
  payable {
    amount
    currency
  }
  pending {
    amount
    currency
  }
  notPaidOut {
    amount
    currency
  }
}`) as unknown as TypedDocumentString<PlatformLedgerQuery, PlatformLedgerQueryVariables>;
export const RecordTaxRemittanceDocument = new TypedDocumentString(`
    mutation RecordTaxRemittance($input: RecordTaxRemittanceInput!) {
  recordTaxRemittance(input: $input) {
    reference
    amount {
      amount
      currency
    }
    taxOwedAfter {
      amount
      currency
    }
  }
}
    `) as unknown as TypedDocumentString<RecordTaxRemittanceMutation, RecordTaxRemittanceMutationVariables>;
export const SettlementMuseumNameDocument = new TypedDocumentString(`
    query SettlementMuseumName($id: ID!) {
  museum(id: $id) {
    legalName
  }
}
    `) as unknown as TypedDocumentString<SettlementMuseumNameQuery, SettlementMuseumNameQueryVariables>;
export const SettlementBrandNameDocument = new TypedDocumentString(`
    query SettlementBrandName($id: ID!) {
  brand(id: $id) {
    name
  }
}
    `) as unknown as TypedDocumentString<SettlementBrandNameQuery, SettlementBrandNameQueryVariables>;
export const SettlementBrandNamesDocument = new TypedDocumentString(`
    query SettlementBrandNames {
  brands(first: 100) {
    nodes {
      id
      name
    }
  }
}
    `) as unknown as TypedDocumentString<SettlementBrandNamesQuery, SettlementBrandNamesQueryVariables>;
export const SellerLedgerLinesDocument = new TypedDocumentString(`
    query SellerLedgerLines($m: ID, $b: ID, $kind: String, $from: DateTime, $to: DateTime, $first: Int, $after: String, $full: Boolean!) {
  sellerLedgerLines(
    museumId: $m
    brandId: $b
    kind: $kind
    from: $from
    to: $to
    first: $first
    after: $after
  ) {
    nodes {
      id
      ...LedgerLineFields @include(if: $full)
    }
    pageInfo {
      endCursor
      hasNextPage
    }
    totalCount
  }
}
    fragment LedgerLineFields on SellerLedgerLine {
  id
  event
  entryKind
  createdAt
  occurredAt
  account
  component
  orderId
  orderNumber
  amount {
    amount
    currency
  }
}`) as unknown as TypedDocumentString<SellerLedgerLinesQuery, SellerLedgerLinesQueryVariables>;
export const SellerPayoutsDocument = new TypedDocumentString(`
    query SellerPayouts($m: ID, $b: ID) {
  sellerPayouts(museumId: $m, brandId: $b) {
    id
    runKey
    amount {
      amount
      currency
    }
    status
    stripeTransferId
    checkoutId
    transferGroup
    reversed {
      amount
      currency
    }
    createdAt
    paidAt
    bankStatus
    bankFailureCode
    bankFailureMessage
    received {
      amount
      currency
    }
    exchangeRate
  }
}
    `) as unknown as TypedDocumentString<SellerPayoutsQuery, SellerPayoutsQueryVariables>;
export const PayoutAccountDocument = new TypedDocumentString(`
    query PayoutAccount($m: ID, $b: ID) {
  payoutAccount(museumId: $m, brandId: $b) {
    ...PayoutAccountFields
  }
}
    fragment PayoutAccountFields on PayoutAccount {
  ready
  detailsSubmitted
  chargesEnabled
  requirements
  onboardingUrl
  bankPayoutStatus
  bankPayoutFailureCode
  payoutCurrency
}`) as unknown as TypedDocumentString<PayoutAccountQuery, PayoutAccountQueryVariables>;
export const ConnectPayoutAccountDocument = new TypedDocumentString(`
    mutation ConnectPayoutAccount($m: ID, $b: ID, $r: String!, $f: String!) {
  connectPayoutAccount(museumId: $m, brandId: $b, returnUrl: $r, refreshUrl: $f) {
    ...PayoutAccountFields
  }
}
    fragment PayoutAccountFields on PayoutAccount {
  ready
  detailsSubmitted
  chargesEnabled
  requirements
  onboardingUrl
  bankPayoutStatus
  bankPayoutFailureCode
  payoutCurrency
}`) as unknown as TypedDocumentString<ConnectPayoutAccountMutation, ConnectPayoutAccountMutationVariables>;
export const SellerStatementDocument = new TypedDocumentString(`
    query SellerStatement($m: ID, $b: ID, $month: String!) {
  sellerStatement(museumId: $m, brandId: $b, month: $month) {
    csv
  }
}
    `) as unknown as TypedDocumentString<SellerStatementQuery, SellerStatementQueryVariables>;
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
export const StockMovementsDocument = new TypedDocumentString(`
    query StockMovements($locationId: ID!, $variantId: ID!, $first: Int, $after: String) {
  stockMovements(
    locationId: $locationId
    variantId: $variantId
    first: $first
    after: $after
  ) {
    nodes {
      ...StockMovementFields
    }
    pageInfo {
      endCursor
      hasNextPage
    }
    totalCount
  }
}
    fragment StockMovementFields on StockMovement {
  id
  kind
  onHandDelta
  reservedDelta
  reference
  changedBy
  note
  createdAt
}`) as unknown as TypedDocumentString<StockMovementsQuery, StockMovementsQueryVariables>;
export const SetStockLevelDocument = new TypedDocumentString(`
    mutation SetStockLevel($input: SetStockLevelInput!) {
  setStockLevel(input: $input) {
    ...StockLevelFields
  }
}
    fragment StockLevelFields on StockLevel {
  variantId
  locationId
  onHand
  reserved
  available
  updatedAt
  variant {
    sku
    productId
    productName {
      fr
      en
      zhCN
    }
  }
}`) as unknown as TypedDocumentString<SetStockLevelMutation, SetStockLevelMutationVariables>;
export const StockVariantChoicesDocument = new TypedDocumentString(`
    query StockVariantChoices($museumId: ID, $filter: ManagedProductFilter) {
  managedProducts(museumId: $museumId, first: 20, filter: $filter) {
    nodes {
      name {
        fr
        en
        zhCN
      }
      variants {
        id
        sku
      }
    }
  }
}
    `) as unknown as TypedDocumentString<StockVariantChoicesQuery, StockVariantChoicesQueryVariables>;
export const StockLocationsDocument = new TypedDocumentString(`
    query StockLocations($museumId: ID!) {
  stockLocations(museumId: $museumId) {
    ...StockLocationFields
  }
}
    fragment StockLocationFields on StockLocation {
  id
  museumId
  code
  name
  kind
  customsMode
  priority
}`) as unknown as TypedDocumentString<StockLocationsQuery, StockLocationsQueryVariables>;
export const StockLocationDocument = new TypedDocumentString(`
    query StockLocation($id: ID!) {
  stockLocation(id: $id) {
    ...StockLocationFields
  }
}
    fragment StockLocationFields on StockLocation {
  id
  museumId
  code
  name
  kind
  customsMode
  priority
}`) as unknown as TypedDocumentString<StockLocationQuery, StockLocationQueryVariables>;
export const CreateStockLocationDocument = new TypedDocumentString(`
    mutation CreateStockLocation($input: CreateStockLocationInput!) {
  createStockLocation(input: $input) {
    ...StockLocationFields
  }
}
    fragment StockLocationFields on StockLocation {
  id
  museumId
  code
  name
  kind
  customsMode
  priority
}`) as unknown as TypedDocumentString<CreateStockLocationMutation, CreateStockLocationMutationVariables>;
export const StockLevelsDocument = new TypedDocumentString(`
    query StockLevels($locationId: ID!, $first: Int, $after: String, $full: Boolean!) {
  stockLevels(locationId: $locationId, first: $first, after: $after) {
    nodes {
      variantId
      locationId
      ...StockLevelFields @include(if: $full)
    }
    pageInfo {
      endCursor
      hasNextPage
    }
    totalCount
  }
}
    fragment StockLevelFields on StockLevel {
  variantId
  locationId
  onHand
  reserved
  available
  updatedAt
  variant {
    sku
    productId
    productName {
      fr
      en
      zhCN
    }
  }
}`) as unknown as TypedDocumentString<StockLevelsQuery, StockLevelsQueryVariables>;
export const CommissionSettingsDocument = new TypedDocumentString(`
    query CommissionSettings($storefrontId: ID!) {
  commissionSettings(storefrontId: $storefrontId) {
    ...CommissionFields
  }
}
    fragment CommissionFields on CommissionSettings {
  id
  storefrontId
  effectiveFrom
  defaultRateBps
  passStripeFees
  categoryRates {
    category
    rateBps
  }
}`) as unknown as TypedDocumentString<CommissionSettingsQuery, CommissionSettingsQueryVariables>;
export const SetCommissionRatesDocument = new TypedDocumentString(`
    mutation SetCommissionRates($input: SetCommissionRatesInput!) {
  setCommissionRates(input: $input) {
    ...CommissionFields
  }
}
    fragment CommissionFields on CommissionSettings {
  id
  storefrontId
  effectiveFrom
  defaultRateBps
  passStripeFees
  categoryRates {
    category
    rateBps
  }
}`) as unknown as TypedDocumentString<SetCommissionRatesMutation, SetCommissionRatesMutationVariables>;
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
export const StockSyncRunsDocument = new TypedDocumentString(`
    query StockSyncRuns($museumId: ID!, $feedId: ID, $first: Int, $after: String, $full: Boolean!) {
  stockSyncRuns(
    museumId: $museumId
    feedId: $feedId
    first: $first
    after: $after
  ) {
    nodes {
      id
      ...SyncRunFields @include(if: $full)
    }
    pageInfo {
      endCursor
      hasNextPage
    }
    totalCount
  }
}
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
}`) as unknown as TypedDocumentString<StockSyncRunsQuery, StockSyncRunsQueryVariables>;
export const StockSyncRunDocument = new TypedDocumentString(`
    query StockSyncRun($id: ID!) {
  stockSyncRun(id: $id) {
    ...SyncRunFields
    errors {
      line
      sku
      location
      code
      message
    }
  }
}
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
}`) as unknown as TypedDocumentString<StockSyncRunQuery, StockSyncRunQueryVariables>;
export const WarehouseFeedsDocument = new TypedDocumentString(`
    query WarehouseFeeds($museumId: ID!) {
  warehouseFeeds(museumId: $museumId) {
    ...WarehouseFeedFields
  }
}
    fragment WarehouseFeedFields on WarehouseFeed {
  id
  museumId
  name
  format
  url
  everyMinutes
  nextRunAt
  enabled
  createdAt
}`) as unknown as TypedDocumentString<WarehouseFeedsQuery, WarehouseFeedsQueryVariables>;
export const ConnectWarehouseFeedDocument = new TypedDocumentString(`
    mutation ConnectWarehouseFeed($input: ConnectWarehouseFeedInput!) {
  connectWarehouseFeed(input: $input) {
    ...WarehouseFeedFields
  }
}
    fragment WarehouseFeedFields on WarehouseFeed {
  id
  museumId
  name
  format
  url
  everyMinutes
  nextRunAt
  enabled
  createdAt
}`) as unknown as TypedDocumentString<ConnectWarehouseFeedMutation, ConnectWarehouseFeedMutationVariables>;
export const UpdateWarehouseFeedDocument = new TypedDocumentString(`
    mutation UpdateWarehouseFeed($input: UpdateWarehouseFeedInput!) {
  updateWarehouseFeed(input: $input) {
    ...WarehouseFeedFields
  }
}
    fragment WarehouseFeedFields on WarehouseFeed {
  id
  museumId
  name
  format
  url
  everyMinutes
  nextRunAt
  enabled
  createdAt
}`) as unknown as TypedDocumentString<UpdateWarehouseFeedMutation, UpdateWarehouseFeedMutationVariables>;
export const RunWarehouseFeedDocument = new TypedDocumentString(`
    mutation RunWarehouseFeed($feedId: ID!) {
  runWarehouseFeed(feedId: $feedId) {
    ...SyncRunFields
  }
}
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
}`) as unknown as TypedDocumentString<RunWarehouseFeedMutation, RunWarehouseFeedMutationVariables>;
export const UploadStockFeedDocument = new TypedDocumentString(`
    mutation UploadStockFeed($input: UploadStockFeedInput!) {
  uploadStockFeed(input: $input) {
    ...SyncRunFields
  }
}
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
}`) as unknown as TypedDocumentString<UploadStockFeedMutation, UploadStockFeedMutationVariables>;
export const StockWebhookDocument = new TypedDocumentString(`
    query StockWebhook($museumId: ID!) {
  stockWebhook(museumId: $museumId) {
    ...StockWebhookFields
  }
  stockWebhookDeliveries(museumId: $museumId, first: 5) {
    nodes {
      id
      status
      attempts
      lastStatusCode
      lastError
      levelCount
      createdAt
      deliveredAt
    }
  }
}
    fragment StockWebhookFields on StockWebhook {
  museumId
  url
  enabled
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<StockWebhookQuery, StockWebhookQueryVariables>;
export const ConfigureStockWebhookDocument = new TypedDocumentString(`
    mutation ConfigureStockWebhook($input: ConfigureStockWebhookInput!) {
  configureStockWebhook(input: $input) {
    secret
    webhook {
      ...StockWebhookFields
    }
  }
}
    fragment StockWebhookFields on StockWebhook {
  museumId
  url
  enabled
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<ConfigureStockWebhookMutation, ConfigureStockWebhookMutationVariables>;
export const DisableStockWebhookDocument = new TypedDocumentString(`
    mutation DisableStockWebhook($museumId: ID!) {
  disableStockWebhook(museumId: $museumId)
}
    `) as unknown as TypedDocumentString<DisableStockWebhookMutation, DisableStockWebhookMutationVariables>;
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