import { gql } from '../../api/graphql';
import { listQuery, pager, type FetchPage } from '../../data/cursor-pager';
import { cursorList, type ResourceHandler } from '../../data/resource-handler';
import { graphql } from '../../generated';
import type { MuseumReturnQuery, ReturnCustomsStatus, ReturnFieldsFragment, ReturnReason, ReturnStatus } from '../../generated/graphql';
import { getCurrentMuseumId } from '../../museum/current-museum';

// Returns of released orders (libs/orders after-sales): the shopper asks, the seller decides,
// the parcel comes back under its own waybill and is declared to customs (CEB625), the seller
// inspects and the accepted units are refunded.

export const RETURN_STATUSES = ['REQUESTED', 'ACCEPTED', 'REFUSED', 'INSPECTED', 'REFUNDED'] as const satisfies readonly ReturnStatus[];
export type { ReturnCustomsStatus, ReturnReason, ReturnStatus };

export type ReturnLineRecord = ReturnFieldsFragment['lines'][number];
/**
 * A return as the list answers it (ReturnFields); the page adds its history, and its photos shown
 * through signed links (`url`, relative to the API's origin, working until `urlExpiresAt`; none
 * once the return is refused or closed), and what was sent to the shopper (texts to a guest's
 * phone, notices to an account, in the shopper's language). Back at the site (`receivedAt`): the carrier reported
 * it arrived, or the seller marked it received.
 */
export type ReturnRecord = ReturnFieldsFragment & Partial<Pick<MuseumReturnQuery['museumReturn'], 'history' | 'photos' | 'shopperMessages'>>;

graphql(`
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
    lines { lineId quantity acceptedQuantity sellable }
  }
`);
const MUSEUM_RETURNS = graphql(`
  query MuseumReturns($museumId: ID, $status: ReturnStatus, $late: Boolean, $first: Int, $after: String, $full: Boolean!) {
    museumReturns(museumId: $museumId, status: $status, late: $late, first: $first, after: $after) {
      nodes { id ...ReturnFields @include(if: $full) }
      pageInfo { endCursor hasNextPage }
      totalCount
    }
  }
`);
// The history's details come written in the console's language (the API keeps codes and parameters).
const MUSEUM_RETURN = graphql(`
  query MuseumReturn($id: ID!, $locale: String) {
    museumReturn(id: $id) {
      ...ReturnFields
      history(locale: $locale) { kind detail at }
      shopperMessages { at sentAt step channel locale phoneMasked status template content attempts lastError }
      photos { id position contentType byteSize url urlExpiresAt }
    }
  }
`);
const DECIDE_RETURN = graphql(`
  mutation DecideReturn($id: ID!, $accept: Boolean!, $comment: String!) { decideReturn(returnId: $id, accept: $accept, comment: $comment) { ...ReturnFields } }
`);
const MARK_RETURN_RECEIVED = graphql(`
  mutation MarkReturnReceived($id: ID!) { markReturnReceived(returnId: $id) { ...ReturnFields } }
`);
const INSPECT_RETURN = graphql(`
  mutation InspectReturn($input: InspectReturnInput!) { inspectReturn(input: $input) { ...ReturnFields } }
`);
const REFUND_RETURN = graphql(`
  mutation RefundReturn($id: ID!) { refundReturn(returnId: $id) { ...ReturnFields } }
`);

type Filter = { status: ReturnStatus | null; late: boolean | null };

const returnsOf =
  (museumId: string | null, f: Filter): FetchPage<ReturnRecord> =>
  listQuery<ReturnRecord>('museumReturns', 'orderId', async (first, after, full) => {
    const r = await gql(MUSEUM_RETURNS, { museumId, status: f.status, late: f.late, first, after, full });
    return r.museumReturns;
  });

export const returnsData: ResourceHandler = {
  getList: (params) => {
    // A brand partner sees the returns of the orders it fulfils (no museum); a manager, the museum chosen in the top bar.
    const museumId = getCurrentMuseumId() ?? null;
    const f: Filter = { status: (params.filter?.status as ReturnStatus | undefined) || null, late: params.filter?.late ? true : null };
    return cursorList('returns', params, { museumId, ...f }, returnsOf(museumId, f));
  },
  getOne: async ({ id, meta }) => ({ data: await getReturn(String(id), typeof meta?.locale === 'string' ? meta.locale : 'en') }),
};

export async function getReturn(id: string, locale = 'en'): Promise<ReturnRecord> {
  return (await gql(MUSEUM_RETURN, { id, locale })).museumReturn;
}

/** Accepts (a return waybill is booked) or refuses a requested return, with a comment. */
export async function decideReturn(id: string, accept: boolean, comment: string): Promise<ReturnRecord> {
  const r = await gql(DECIDE_RETURN, { id, accept, comment });
  pager.invalidate('returns');
  return r.decideReturn;
}

/** The seller has the parcel though the carrier did not report it arrived: inspection may start. */
export async function markReturnReceived(id: string): Promise<ReturnRecord> {
  const r = await gql(MARK_RETURN_RECEIVED, { id });
  pager.invalidate('returns');
  return r.markReturnReceived;
}

/** The parcel inspected: accepted units restocked (on sale or set aside) and refunded. */
export async function inspectReturn(id: string, comment: string, lines: { lineId: string; acceptedQuantity: number; sellable: boolean }[]): Promise<ReturnRecord> {
  const r = await gql(INSPECT_RETURN, { input: { returnId: id, comment: comment || null, lines } });
  pager.invalidate('returns');
  return r.inspectReturn;
}

/** Asks Stripe again for the refund of an inspected return whose refund failed. */
export async function refundReturn(id: string): Promise<ReturnRecord> {
  const r = await gql(REFUND_RETURN, { id });
  pager.invalidate('returns');
  return r.refundReturn;
}
