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
  lines: { lineId: string; quantity: number; acceptedQuantity: number | null }[];
  /** Every step, its detail written by the API in the page's language (kept as codes there). */
  history: { kind: string; detail: string; at: string }[];
}

export interface OrderReturns {
  returnDeadline: string | null;
  returns: ShopperReturn[];
  /** Units of each line the API would still take back (OrderLine.returnableQuantity, after-sales' rule). */
  lines: { id: string; returnableQuantity: number }[];
}

export const SHOPPER_RETURN_FIELDS = `id status reason createdAt decidedAt decisionComment receivedAt returnLogisticsNo refundAmount arrivalDeadline note photoUrls
  lines { lineId quantity acceptedQuantity } history(locale: $locale) { kind detail at }`;

/** The order's return deadline (null before customs released it), its returns, oldest first (their history in `locale`), and what each line may still return. */
export async function orderReturns(orderId: string, locale: string): Promise<OrderReturns> {
  return (
    await gql<{ order: OrderReturns }>(`query OrderReturns($id: ID!, $locale: String) { order(id: $id) { returnDeadline returns { ${SHOPPER_RETURN_FIELDS} } lines { id returnableQuantity } } }`, {
      id: orderId,
      locale,
    })
  ).order;
}
