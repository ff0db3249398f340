import { gql } from '../../api/graphql';
import type { CursorPage, FetchPage } from '../../data/cursor-pager';
import { pager } from '../../data/cursor-pager';
import { cursorList, PAGE_INFO, type ResourceHandler } from '../../data/resource-handler';
import { getCurrentMuseumId } from '../../museum/current-museum';

export const ORDER_STATUSES = [
  'PENDING_PAYMENT',
  'PAID',
  'CUSTOMS_SUBMITTED',
  'HELD',
  'CLEARED',
  'SHIPPED',
  'DELIVERED',
  'CANCELLED',
  'REFUNDED',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** The order states a full refund may start from (the API's order state machine). */
export const REFUNDABLE: readonly OrderStatus[] = ['PAID', 'CUSTOMS_SUBMITTED', 'HELD', 'DELIVERED'];

export interface FxSnapshot {
  rate: string;
  marginBps: number;
  source: string;
  effectiveAt: string;
}
export interface OrderLineRecord {
  id: string;
  productId: string;
  variantId: string;
  sku: string;
  name: string;
  /** The product's first image (null when it has none). */
  imageUrl: string | null;
  hsCode: string;
  originCountry: string;
  crossBorderCategory: string;
  quantity: number;
  currency: string;
  unitPrice: number;
  unitPriceEur: number;
  goods: number;
  freight: number;
  insurance: number;
  dutiable: number;
  taxRate: string;
  tax: number;
  total: number;
}
export interface CustomsMessageRecord {
  id: string;
  document: 'ORDER' | 'PAYMENT' | 'WAYBILL' | 'INVENTORY' | 'RETURN';
  messageType: string;
  businessNo: string;
  senderCode: string;
  status: 'PENDING' | 'ACCEPTED' | 'REJECTED' | 'CLEARED' | 'HELD';
  /** A declaration list's numbers from customs' receipt (CEB622): list number (清单编号, once released) and pre-entry number (预录入编号). */
  invtNo: string | null;
  preNo: string | null;
  attempts: number;
  firstSentAt: string | null;
  lastSentAt: string | null;
  lastError: string | null;
  /** The entry as sent, the ID number masked by the API. */
  xml: string;
  receipts: { id: string; status: string | null; returnStatus: string; returnInfo: string; returnTime: string; receivedAt: string }[];
  /** Amendments (appType 2) after units were refunded while customs had the order; the latest is what customs holds. */
  amendments: { id: string; status: string; returnInfo: string | null; createdAt: string; xml: string }[];
  transmissions: { id: string; sentAt: string; finishedAt: string; outcome: string; error: string | null; entries: number }[];
}
export interface ShipmentRecord {
  carrierCode: string;
  logisticsNo: string;
  status: string;
  bookingRef: string | null;
  waybillIssuedAt: string;
  bookedAt: string | null;
  deliveredAt: string | null;
  bookingAttempts: number;
  lastError: string | null;
  /** Hand-overs asked for in the console (shipOrder) and the last one's time. */
  handoverRequests: number;
  handoverRequestedAt: string | null;
  events: { eventId: string; status: string; description: string; location: string | null; occurredAt: string }[];
}
export interface RefundRecord {
  id: string;
  providerRefundId: string;
  amount: number;
  currency: string;
  status: string;
  reason: string | null;
  createdAt: string;
}
export interface DisputeRecord {
  id: string;
  providerDisputeId: string;
  orderId: string;
  orderNumber: string;
  /** This order's part of the dispute (the charge pays the whole checkout). */
  amount: number;
  disputedTotal: number;
  currency: string;
  reason: string;
  status: string;
  evidenceDueBy: string | null;
  evidenceSubmittedAt: string | null;
  acceptsEvidence: boolean;
  lostAmount: number;
  createdAt: string;
}
/** Where an order came from (a shelf label's QR code, an article, a livestream, or directly). */
export type AttributionChannel = 'SHELF_QR' | 'ARTICLE' | 'LIVESTREAM' | 'DIRECT';
export const ATTRIBUTION_CHANNELS: readonly AttributionChannel[] = ['SHELF_QR', 'ARTICLE', 'LIVESTREAM', 'DIRECT'];

/** One party's share of the order in the settlement ledger (owed: positive; the platform's promotions: negative, it pays them). */
export interface OrderSettlementParty {
  account: string;
  ownerType: 'MUSEUM' | 'BRAND' | 'PLATFORM';
  ownerId: string | null;
  component: string;
  amount: { amount: number; currency: string };
}
/** A promotion taken off the order and who funds it. */
export interface OrderSettlementDiscount {
  promotionId: string;
  name: string;
  kind: string;
  code: string | null;
  fundedBy: 'MUSEUM' | 'PLATFORM';
  amount: { amount: number; currency: string };
}

export interface OrderRecord {
  id: string;
  number: string;
  museumId: string;
  status: OrderStatus;
  paymentStatus: string | null;
  customsMode: string;
  currency: string;
  goodsTotal: number;
  shippingTotal: number;
  insuranceTotal: number;
  taxTotal: number;
  total: number;
  createdAt: string;
  paidAt: string | null;
  holdExpiresAt: string;
  orderer: { name: string; residentIdMasked: string };
  recipient: { name: string; phone: string; province: string; city: string; district: string; street: string; postalCode: string };
  fx?: FxSnapshot;
  lines?: OrderLineRecord[];
  history?: { from: OrderStatus | null; to: OrderStatus; reason: string; at: string }[];
  refunds?: RefundRecord[];
  refundedTotal?: number;
  /** Owed to the shopper on a REFUNDED order whose refund Stripe reported failed or cancelled; null otherwise. */
  refundOutstanding?: { amount: number; currency: string } | null;
  disputes?: DisputeRecord[];
  /** This order's part of what lost disputes took back. */
  lostToDisputes?: number;
  /** After payment: the three customs documents and the parcel (orderFulfilment). */
  /** `awaitingHandover`: cleared, and waiting for the museum to hand the parcel to the carrier. */
  fulfilment?: { customsMessages: CustomsMessageRecord[]; shipment: ShipmentRecord | null; awaitingHandover: boolean };
  /** Detail only. */
  attribution?: { channel: AttributionChannel; ref: string | null };
  /** Detail only: the order's split (null for callers who may not see it). */
  settlement?: { parties: OrderSettlementParty[]; discounts: OrderSettlementDiscount[] } | null;
}

const DISPUTE_FIELDS = `id providerDisputeId orderId orderNumber amount disputedTotal currency reason status evidenceDueBy evidenceSubmittedAt acceptsEvidence lostAmount createdAt`;

// The ID number only ever arrives masked (residentIdMasked); the API has no plain field.
const LIST_FIELDS = `id number museumId status paymentStatus customsMode currency goodsTotal shippingTotal insuranceTotal taxTotal total
  createdAt paidAt holdExpiresAt orderer { name residentIdMasked } recipient { name phone province city district street postalCode }
  refundOutstanding { amount currency }`;
const DETAIL_FIELDS = `${LIST_FIELDS}
  fx { rate marginBps source effectiveAt }
  lines { id productId variantId sku name imageUrl hsCode originCountry crossBorderCategory quantity currency unitPrice unitPriceEur goods freight insurance dutiable taxRate tax total }
  history { from to reason at }
  refundedTotal refunds { id providerRefundId amount currency status reason createdAt }
  lostToDisputes
  disputes { ${DISPUTE_FIELDS} }
  attribution { channel ref }
  settlement { parties { account ownerType ownerId component amount { amount currency } } discounts { promotionId name kind code fundedBy amount { amount currency } } }`;

// The orders file (ExportButton): the list's fields and a summary of the lines.
const EXPORT_FIELDS = `${LIST_FIELDS} lines { sku name quantity }`;
/** Pages of the export walk: 50 orders with their lines stay well within the API's cost limit. */
const EXPORT_PAGE = 50;

export type OrderSort = 'NEWEST' | 'OLDEST' | 'TOTAL_DESC' | 'TOTAL_ASC';
export interface OrderQuery {
  status?: OrderStatus;
  search?: string;
  /** ISO instants: placed at or after, placed before. */
  createdFrom?: string;
  createdBefore?: string;
  /** Only orders still owing the shopper after a failed refund. */
  refundFailed?: boolean;
  /** Only orders that came from this channel. */
  channel?: AttributionChannel;
  sort: OrderSort;
}

const pageOf =
  (museumId: string | null, q: OrderQuery, fields = LIST_FIELDS): FetchPage<OrderRecord> =>
  async (first, after, idsOnly) => {
    const { sort, ...filter } = q;
    const r = await gql<{ museumOrders: CursorPage<OrderRecord> }>(
      `query MuseumOrders($museumId: ID, $filter: OrderFilterInput, $sort: OrderSort, $first: Int, $after: String) {
        museumOrders(museumId: $museumId, filter: $filter, sort: $sort, first: $first, after: $after) { nodes { ${idsOnly ? 'id' : fields} } ${PAGE_INFO} } }`,
      { museumId, filter, sort, first, after },
    );
    return r.museumOrders;
  };

/** A day picked in the browser (YYYY-MM-DD) as the instant it starts, locally; `plusDays` moves it. */
export function localDayStart(day: unknown, plusDays = 0): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(String(day ?? ''));
  if (!m) return undefined;
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + plusDays).toISOString();
}

/** react-admin's list parameters as the API's filter and sort. */
export function orderQuery(filter: Record<string, unknown> | undefined, sort: { field: string; order: string } | undefined): OrderQuery {
  const f = filter ?? {};
  const desc = (sort?.order ?? 'DESC').toUpperCase() === 'DESC';
  const search = typeof f['q'] === 'string' && f['q'].trim() ? f['q'].trim() : undefined;
  return {
    status: (f['status'] || undefined) as OrderStatus | undefined,
    search,
    createdFrom: localDayStart(f['createdFrom']),
    createdBefore: localDayStart(f['createdTo'], 1),
    refundFailed: f['refundFailed'] === true ? true : undefined,
    channel: ATTRIBUTION_CHANNELS.includes(f['channel'] as AttributionChannel) ? (f['channel'] as AttributionChannel) : undefined,
    sort: sort?.field === 'total' ? (desc ? 'TOTAL_DESC' : 'TOTAL_ASC') : desc ? 'NEWEST' : 'OLDEST',
  };
}

const FULFILMENT_FIELDS = `awaitingHandover customsMessages { id document messageType businessNo senderCode status invtNo preNo amendments { id status returnInfo createdAt xml } attempts firstSentAt lastSentAt lastError xml
    receipts { id status returnStatus returnInfo returnTime receivedAt } transmissions { id sentAt finishedAt outcome error entries } }
  shipment { carrierCode logisticsNo status bookingRef waybillIssuedAt bookedAt deliveredAt bookingAttempts lastError handoverRequests handoverRequestedAt
    events { eventId status description location occurredAt } }`;

/** The order and what happened to it after payment, in one request. */
const one = async (id: string | number) => {
  const r = await gql<{ order: OrderRecord; orderFulfilment: NonNullable<OrderRecord['fulfilment']> }>(
    `query Order($id: ID!) { order(id: $id) { ${DETAIL_FIELDS} } orderFulfilment(orderId: $id) { ${FULFILMENT_FIELDS} } }`,
    { id },
  );
  return { ...r.order, fulfilment: r.orderFulfilment };
};

export interface RefundRequested {
  refundId: string;
  refundStatus: string;
  amount: number;
  /** The answer of an earlier submit of this dialog (same idempotency key): no second refund. */
  replayed: boolean;
  order: Pick<OrderRecord, 'id' | 'status'>;
}

/**
 * A refund through Stripe: the rest of the order, or some units of some lines. The order
 * turns REFUNDED when Stripe's webhook confirms refunds covering all of it (or every unit).
 * `idempotencyKey` (one per dialog opening): the same request sent again answers the same refund.
 */
export async function refundOrder(id: string, reason: string, lines?: { lineId: string; quantity: number }[], idempotencyKey?: string): Promise<RefundRequested> {
  const r = await gql<{ refundOrder: RefundRequested }>(
    `mutation RefundOrder($id: ID!, $reason: String!, $lines: [RefundLineInput!], $idempotencyKey: String) {
      refundOrder(id: $id, reason: $reason, lines: $lines, idempotencyKey: $idempotencyKey) { refundId refundStatus amount replayed order { id status } } }`,
    { id, reason, lines: lines ?? null, idempotencyKey: idempotencyKey || null },
    { mapField: (path) => path },
  );
  pager.invalidate('orders');
  return r.refundOrder;
}

/** Disputes on the museum's orders awaiting a response or a decision, nearest deadline first. */
export async function openDisputes(museumId: string | null): Promise<DisputeRecord[]> {
  const r = await gql<{ museumDisputes: DisputeRecord[] }>(`query MuseumDisputes($museumId: ID) { museumDisputes(museumId: $museumId, open: true) { ${DISPUTE_FIELDS} } }`, { museumId });
  return r.museumDisputes;
}

export interface DisputeEvidence {
  productDescription?: string;
  shippingCarrier?: string;
  shippingTrackingNumber?: string;
  uncategorizedText?: string;
  files?: { kind: 'RECEIPT' | 'SHIPPING_DOCUMENTATION' | 'CUSTOMER_COMMUNICATION' | 'UNCATEGORIZED'; filename: string; contentType: string; contentBase64: string }[];
}

/** Sends the evidence to Stripe (files first, then the dispute, submitted). */
export async function submitDisputeEvidence(disputeId: string, evidence: DisputeEvidence): Promise<{ id: string; status: string; evidenceSubmittedAt: string }> {
  const r = await gql<{ submitDisputeEvidence: { id: string; status: string; evidenceSubmittedAt: string } }>(
    `mutation SubmitDisputeEvidence($id: ID!, $evidence: DisputeEvidenceInput!) { submitDisputeEvidence(disputeId: $id, evidence: $evidence) { id status evidenceSubmittedAt } }`,
    { id: disputeId, evidence },
    { mapField: (path) => path.replace(/^evidence\./, '') },
  );
  pager.invalidate('orders');
  return r.submitDisputeEvidence;
}

/** Whether the parcel can be handed to the carrier now: customs cleared it and it is not booked yet. */
export const canShip = (o: OrderRecord | undefined): boolean => o?.status === 'CLEARED' && o.fulfilment?.shipment?.status === 'WAYBILL_ISSUED';

/**
 * Hands a cleared parcel to the carrier: the worker books it and the order turns SHIPPED.
 * Also asks again for a booking that failed.
 */
export async function shipOrder(id: string): Promise<NonNullable<OrderRecord['fulfilment']> & { status: string }> {
  const r = await gql<{ shipOrder: NonNullable<OrderRecord['fulfilment']> & { status: string } }>(
    `mutation ShipOrder($id: ID!) { shipOrder(orderId: $id) { status ${FULFILMENT_FIELDS} } }`,
    { id },
  );
  pager.invalidate('orders');
  return r.shipOrder;
}

/** An order's fulfilment alone (the brand partner's packing view). */
export async function orderFulfilment(id: string): Promise<NonNullable<OrderRecord['fulfilment']> & { status: string }> {
  const r = await gql<{ orderFulfilment: NonNullable<OrderRecord['fulfilment']> & { status: string } }>(
    `query OrderFulfilment($id: ID!) { orderFulfilment(orderId: $id) { status ${FULFILMENT_FIELDS} } }`,
    { id },
  );
  return r.orderFulfilment;
}

/** The first orders in one state (e.g. held at customs) for the dashboard. */
export async function ordersIn(museumId: string | null, status: OrderStatus, first = 5): Promise<CursorPage<OrderRecord>> {
  return pageOf(museumId, { status, sort: 'NEWEST' })(first, null, false);
}

/**
 * Every order the filter matches, with their lines, walking the API's cursor pages to the
 * end (up to `limit`): the export, not the page on screen.
 */
export async function allOrders(museumId: string | null, q: OrderQuery, limit: number): Promise<OrderRecord[]> {
  const fetchPage = pageOf(museumId, q, EXPORT_FIELDS);
  const orders: OrderRecord[] = [];
  let after: string | null = null;
  for (;;) {
    const r: CursorPage<OrderRecord> = await fetchPage(Math.min(EXPORT_PAGE, limit - orders.length), after, false);
    orders.push(...r.nodes);
    if (!r.pageInfo.hasNextPage || !r.nodes.length || orders.length >= limit) return orders;
    after = r.pageInfo.endCursor;
  }
}

/** `meta` of the list's ExportButton: getList answers every matching order, lines included. */
export const EXPORT_VIEW = { view: 'export' } as const;

export const ordersData: ResourceHandler = {
  getList: async (params) => {
    const museumId = getCurrentMuseumId();
    const q = orderQuery(params.filter, params.sort);
    if ((params.meta as { view?: string } | undefined)?.view === EXPORT_VIEW.view) {
      const data = await allOrders(museumId, q, params.pagination?.perPage ?? 10_000);
      return { data, total: data.length };
    }
    return cursorList('orders', params, { museumId, ...q }, pageOf(museumId, q));
  },
  getOne: async ({ id }) => ({ data: await one(id) }),
};
