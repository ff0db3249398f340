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
  document: 'ORDER' | 'PAYMENT' | 'WAYBILL';
  messageType: string;
  businessNo: string;
  senderCode: string;
  status: 'PENDING' | 'ACCEPTED' | 'REJECTED' | 'CLEARED' | 'HELD';
  attempts: number;
  firstSentAt: string | null;
  lastSentAt: string | null;
  lastError: string | null;
  /** The entry as sent, the ID number masked by the API. */
  xml: string;
  receipts: { id: string; status: string | null; returnStatus: string; returnInfo: string; returnTime: string; receivedAt: string }[];
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
  events: { eventId: string; status: string; description: string; location: string | null; occurredAt: string }[];
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
  /** After payment: the three customs documents and the parcel (orderFulfilment). */
  fulfilment?: { customsMessages: CustomsMessageRecord[]; shipment: ShipmentRecord | null };
}

// The ID number only ever arrives masked (residentIdMasked); the API has no plain field.
const LIST_FIELDS = `id number museumId status paymentStatus customsMode currency goodsTotal shippingTotal insuranceTotal taxTotal total
  createdAt paidAt holdExpiresAt orderer { name residentIdMasked } recipient { name phone province city district street postalCode }`;
const DETAIL_FIELDS = `${LIST_FIELDS}
  fx { rate marginBps source effectiveAt }
  lines { id productId variantId sku name hsCode originCountry crossBorderCategory quantity currency unitPrice unitPriceEur goods freight insurance dutiable taxRate tax total }
  history { from to reason at }`;

const pageOf =
  (museumId: string | null, status: OrderStatus | undefined): FetchPage<OrderRecord> =>
  async (first, after, idsOnly) => {
    const r = await gql<{ museumOrders: CursorPage<OrderRecord> }>(
      `query MuseumOrders($museumId: ID, $status: OrderStatus, $first: Int, $after: String) {
        museumOrders(museumId: $museumId, status: $status, first: $first, after: $after) { nodes { ${idsOnly ? 'id' : LIST_FIELDS} } ${PAGE_INFO} } }`,
      { museumId, status: status || null, first, after },
    );
    return r.museumOrders;
  };

const FULFILMENT_FIELDS = `customsMessages { id document messageType businessNo senderCode status attempts firstSentAt lastSentAt lastError xml
    receipts { id status returnStatus returnInfo returnTime receivedAt } transmissions { id sentAt finishedAt outcome error entries } }
  shipment { carrierCode logisticsNo status bookingRef waybillIssuedAt bookedAt deliveredAt bookingAttempts lastError
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
  order: Pick<OrderRecord, 'id' | 'status'>;
}

/** A full refund through Stripe; the order turns REFUNDED when Stripe's webhook confirms it. */
export async function refundOrder(id: string, reason: string): Promise<RefundRequested> {
  const r = await gql<{ refundOrder: RefundRequested }>(
    `mutation RefundOrder($id: ID!, $reason: String!) { refundOrder(id: $id, reason: $reason) { refundId refundStatus order { id status } } }`,
    { id, reason },
    { mapField: (path) => path },
  );
  pager.invalidate('orders');
  return r.refundOrder;
}

/** Orders per state of one museum (all the caller manages when null), in one request. */
export async function orderCounts(museumId: string | null): Promise<Record<OrderStatus, number>> {
  const fields = ORDER_STATUSES.map((s) => `${s}: museumOrders(museumId: $museumId, status: ${s}, first: 1) { totalCount }`).join('\n');
  const r = await gql<Record<OrderStatus, { totalCount: number }>>(`query OrderCounts($museumId: ID) { ${fields} }`, { museumId });
  return Object.fromEntries(ORDER_STATUSES.map((s) => [s, r[s].totalCount])) as Record<OrderStatus, number>;
}

/** The first orders in one state (e.g. held at customs) for the dashboard. */
export async function ordersIn(museumId: string | null, status: OrderStatus, first = 5): Promise<CursorPage<OrderRecord>> {
  return pageOf(museumId, status)(first, null, false);
}

export const ordersData: ResourceHandler = {
  getList: (params) => {
    const museumId = getCurrentMuseumId();
    const status = (params.filter?.status || undefined) as OrderStatus | undefined;
    return cursorList('orders', params, { museumId, status }, pageOf(museumId, status));
  },
  getOne: async ({ id }) => ({ data: await one(id) }),
};
