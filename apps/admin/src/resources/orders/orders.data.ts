import { gql } from '../../api/graphql';
import { listQuery, type CursorPage, type FetchPage } from '../../data/cursor-pager';
import { pager } from '../../data/cursor-pager';
import { localDayStart } from '../../data/local-day';
import { cursorList, type ResourceHandler } from '../../data/resource-handler';
import { graphql } from '../../generated';
import type {
  AttributionChannel,
  DisputeEvidenceInput,
  DisputeFieldsFragment,
  FulfilmentFieldsFragment,
  OrderDetailFieldsFragment,
  OrderListFieldsFragment,
  OrderSort,
  OrderStatus,
  RefundOrderMutation,
  SubmitDisputeEvidenceMutation,
} from '../../generated/graphql';
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
] as const satisfies readonly OrderStatus[];
export type { AttributionChannel, OrderSort, OrderStatus };

/** The order states a full refund may start from (the API's order state machine). */
export const REFUNDABLE: readonly OrderStatus[] = ['PAID', 'CUSTOMS_SUBMITTED', 'HELD', 'DELIVERED'];

type OrderDetail = OrderDetailFieldsFragment;
export type FxSnapshot = OrderDetail['fx'];
/** An order line; `discount`: its share of the order's promotions (allocated at checkout): goods − discount + freight + insurance + tax = total. */
export type OrderLineRecord = OrderDetail['lines'][number];
/**
 * A customs document of the order: a declaration list's numbers from customs' receipt (CEB622:
 * list number 清单编号 once released, pre-entry number 预录入编号), the entry as sent with the ID
 * number masked by the API, and the amendments (appType 2) after units were refunded while
 * customs had the order (the latest is what customs holds).
 */
export type CustomsMessageRecord = FulfilmentFieldsFragment['customsMessages'][number];
/** The parcel; `handoverRequests`/`handoverRequestedAt`: hand-overs asked for in the console (shipOrder) and the last one's time. */
export type ShipmentRecord = NonNullable<FulfilmentFieldsFragment['shipment']>;
export type RefundRecord = OrderDetail['refunds'][number];
/** A dispute; `amount`: this order's part of it (the charge pays the whole checkout). */
export type DisputeRecord = DisputeFieldsFragment;
/** Where an order came from (a shelf label's QR code, an article, a livestream, a shared link, the shop's search, or directly). */
export const ATTRIBUTION_CHANNELS: readonly AttributionChannel[] = ['SHELF_QR', 'ARTICLE', 'LIVESTREAM', 'SHARE', 'SEARCH', 'DIRECT'];

type OrderSettlement = NonNullable<OrderDetailFieldsFragment['settlement']>;
/**
 * One party's share of the order in the settlement ledger (owed: positive; the platform's
 * promotions: negative, it pays them); ownerType is MUSEUM, BRAND or PLATFORM.
 */
export type OrderSettlementParty = OrderSettlement['parties'][number];
/** A promotion taken off the order and who funds it (fundedBy: MUSEUM or PLATFORM). */
export type OrderSettlementDiscount = OrderSettlement['discounts'][number];

/**
 * An order as the list answers it (OrderListFields) and, on the order page, its details
 * (OrderDetailFields: lines, history, refunds, disputes, attribution, the settlement split) and
 * what happened after payment (`fulfilment`: the customs documents and the parcel;
 * `awaitingHandover`: cleared, waiting for the museum to hand the parcel to the carrier).
 * `refundOutstanding`: owed to the shopper on a REFUNDED order whose refund Stripe reported
 * failed or cancelled.
 */
export type OrderRecord = OrderListFieldsFragment & Partial<Omit<OrderDetail, keyof OrderListFieldsFragment>> & { fulfilment?: FulfilmentFieldsFragment };

graphql(`
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
`);
// The ID number only ever arrives masked (residentIdMasked); the API has no plain field.
graphql(`
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
    orderer { name residentIdMasked }
    recipient { name phone province city district street postalCode }
    refundOutstanding { amount currency }
  }
`);
graphql(`
  fragment OrderDetailFields on Order {
    ...OrderListFields
    discountTotal
    returnDeadline
    fx { rate marginBps source effectiveAt }
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
    history { from to reason at }
    refundedTotal
    refunds { id providerRefundId amount currency status reason createdAt }
    lostToDisputes
    disputes { ...DisputeFields }
    attribution { channel ref }
    settlement {
      parties { account ownerType ownerId component amount { amount currency } }
      discounts { promotionId name kind code fundedBy amount { amount currency } }
    }
  }
`);
graphql(`
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
      amendments { id status returnInfo createdAt xml }
      attempts
      firstSentAt
      lastSentAt
      lastError
      xml
      receipts { id status returnStatus returnInfo returnTime receivedAt }
      transmissions { id sentAt finishedAt outcome error entries }
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
      events { eventId status description location occurredAt }
    }
  }
`);
// The list's page, or (with `lines`) the orders file's (ExportButton): the list's fields and a
// summary of the lines; without `full`, ids only (the pager's walks).
const MUSEUM_ORDERS = graphql(`
  query MuseumOrders($museumId: ID, $filter: OrderFilterInput, $sort: OrderSort, $first: Int, $after: String, $full: Boolean!, $lines: Boolean!) {
    museumOrders(museumId: $museumId, filter: $filter, sort: $sort, first: $first, after: $after) {
      nodes { id ...OrderListFields @include(if: $full) lines @include(if: $lines) { sku name quantity } }
      pageInfo { endCursor hasNextPage }
      totalCount
    }
  }
`);
const ORDER = graphql(`
  query Order($id: ID!) { order(id: $id) { ...OrderDetailFields } orderFulfilment(orderId: $id) { ...FulfilmentFields } }
`);
const REFUND_ORDER = graphql(`
  mutation RefundOrder($id: ID!, $reason: String!, $lines: [RefundLineInput!], $idempotencyKey: String) {
    refundOrder(id: $id, reason: $reason, lines: $lines, idempotencyKey: $idempotencyKey) { refundId refundStatus amount replayed order { id status } }
  }
`);
const MUSEUM_DISPUTES = graphql(`
  query MuseumDisputes($museumId: ID) { museumDisputes(museumId: $museumId, open: true) { ...DisputeFields } }
`);
const SUBMIT_DISPUTE_EVIDENCE = graphql(`
  mutation SubmitDisputeEvidence($id: ID!, $evidence: DisputeEvidenceInput!) {
    submitDisputeEvidence(disputeId: $id, evidence: $evidence) { id status evidenceSubmittedAt }
  }
`);
const SHIP_ORDER = graphql(`
  mutation ShipOrder($id: ID!) { shipOrder(orderId: $id) { status ...FulfilmentFields } }
`);
const ORDER_FULFILMENT = graphql(`
  query OrderFulfilment($id: ID!) { orderFulfilment(orderId: $id) { status ...FulfilmentFields } }
`);

/** Pages of the export walk: 50 orders with their lines stay well within the API's cost limit. */
const EXPORT_PAGE = 50;

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

/** An order as the list (and, with its lines' summary, the orders file) shows it. */
export type OrderListRecord = OrderListFieldsFragment & { lines?: { sku: string; name: string; quantity: number }[] };

const pageOf =
  (museumId: string | null, q: OrderQuery, withLines = false): FetchPage<OrderListRecord> =>
  listQuery<OrderListRecord>('museumOrders', 'number', async (first, after, full) => {
    const { sort, ...filter } = q;
    const r = await gql(MUSEUM_ORDERS, { museumId, filter, sort, first, after, full, lines: full && withLines });
    // The file's lines are the summary it writes (sku, name, quantity).
    return r.museumOrders;
  });

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

/** The order and what happened to it after payment, in one request. */
const one = async (id: string | number) => {
  const r = await gql(ORDER, { id: String(id) });
  const order: OrderRecord = { ...r.order, fulfilment: r.orderFulfilment };
  return order;
};

/** `replayed`: the answer of an earlier submit of this dialog (same idempotency key): no second refund. */
export type RefundRequested = RefundOrderMutation['refundOrder'];

/**
 * A refund through Stripe: the rest of the order, or some units of some lines. The order
 * turns REFUNDED when Stripe's webhook confirms refunds covering all of it (or every unit).
 * `idempotencyKey` (one per dialog opening): the same request sent again answers the same refund.
 */
export async function refundOrder(id: string, reason: string, lines?: { lineId: string; quantity: number }[], idempotencyKey?: string): Promise<RefundRequested> {
  const r = await gql(
    REFUND_ORDER,
    { id, reason, lines: lines ?? null, idempotencyKey: idempotencyKey || null },
    { mapField: (path) => path },
  );
  pager.invalidate('orders');
  return r.refundOrder;
}

/** Disputes on the museum's orders awaiting a response or a decision, nearest deadline first. */
export async function openDisputes(museumId: string | null): Promise<DisputeRecord[]> {
  return (await gql(MUSEUM_DISPUTES, { museumId })).museumDisputes;
}

export type DisputeEvidence = Pick<DisputeEvidenceInput, 'productDescription' | 'shippingCarrier' | 'shippingTrackingNumber' | 'uncategorizedText' | 'files'>;

/** Sends the evidence to Stripe (files first, then the dispute, submitted). */
export async function submitDisputeEvidence(disputeId: string, evidence: DisputeEvidence): Promise<SubmitDisputeEvidenceMutation['submitDisputeEvidence']> {
  const r = await gql(
    SUBMIT_DISPUTE_EVIDENCE,
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
  const r = await gql(SHIP_ORDER, { id });
  pager.invalidate('orders');
  return r.shipOrder;
}

/** An order's fulfilment alone (the brand partner's packing view). */
export async function orderFulfilment(id: string): Promise<NonNullable<OrderRecord['fulfilment']> & { status: string }> {
  const r = await gql(ORDER_FULFILMENT, { id });
  return r.orderFulfilment;
}

/** The first orders in one state (e.g. held at customs) for the dashboard. */
export async function ordersIn(museumId: string | null, status: OrderStatus, first = 5): Promise<CursorPage<OrderListRecord>> {
  return pageOf(museumId, { status, sort: 'NEWEST' }).full(first, null);
}

/**
 * Every order the filter matches, with their lines, walking the API's cursor pages to the
 * end (up to `limit`): the export, not the page on screen.
 */
export async function allOrders(museumId: string | null, q: OrderQuery, limit: number): Promise<OrderListRecord[]> {
  const fetchPage = pageOf(museumId, q, true);
  const orders: OrderListRecord[] = [];
  let after: string | null = null;
  for (;;) {
    const r: CursorPage<OrderListRecord> = await fetchPage.full(Math.min(EXPORT_PAGE, limit - orders.length), after);
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
