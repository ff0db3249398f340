// The shopper's side of returns (docs/adr/0012-returns.md): an order's return deadline and its
// returns, read with the signed-in shopper's token. requestReturn is in orders/[id]/actions.ts.
import { gql } from './client';

export type ReturnStatus = 'REQUESTED' | 'ACCEPTED' | 'REFUSED' | 'INSPECTED' | 'REFUNDED';
export type ReturnReason = 'CHANGED_MIND' | 'DAMAGED' | 'WRONG_ITEM';

export interface ShopperReturn {
  id: string;
  status: ReturnStatus;
  reason: ReturnReason;
  createdAt: string;
  decidedAt: string | null;
  decisionComment: string | null;
  receivedAt: string | null;
  returnLogisticsNo: string | null;
  refundAmount: number | null;
  arrivalDeadline: string;
  note: string | null;
  photoUrls: string[];
  /** Photos the shopper uploaded with the request, through the API's signed links (ADR 0020); none once the return is refused or closed. */
  photos: ReturnPhoto[];
  lines: { lineId: string; quantity: number; acceptedQuantity: number | null }[];
  /** Every step, its detail written by the API in the page's language (kept as codes there). */
  history: { kind: string; detail: string; at: string }[];
}

export interface ReturnPhoto {
  id: string;
  position: number;
  /** `/return-photos/<id>?expires=…&signature=…` on the API's origin; the shop answers the same path (app/return-photos/[id]/route.ts). */
  url: string;
  urlExpiresAt: string;
}

/** The photo's link on the shop's origin: the path and query of the API's signed link, which the shop's route passes on. */
export function shopPhotoUrl(url: string): string {
  const u = new URL(url, 'http://api.invalid');
  return `${u.pathname}${u.search}`;
}

export interface OrderReturns {
  returnDeadline: string | null;
  returns: ShopperReturn[];
  /** Units of each line the API would still take back (OrderLine.returnableQuantity, after-sales' rule). */
  lines: { id: string; returnableQuantity: number }[];
}

export const SHOPPER_RETURN_FIELDS = `id status reason createdAt decidedAt decisionComment receivedAt returnLogisticsNo refundAmount arrivalDeadline note photoUrls
  photos { id position url urlExpiresAt } lines { lineId quantity acceptedQuantity } history(locale: $locale) { kind detail at }`;

/** The order's return deadline (null before customs released it), its returns, oldest first (their history in `locale`), and what each line may still return. */
export async function orderReturns(orderId: string, locale: string): Promise<OrderReturns> {
  return (
    await gql<{ order: OrderReturns }>(`query OrderReturns($id: ID!, $locale: String) { order(id: $id) { returnDeadline returns { ${SHOPPER_RETURN_FIELDS} } lines { id returnableQuantity } } }`, {
      id: orderId,
      locale,
    })
  ).order;
}
