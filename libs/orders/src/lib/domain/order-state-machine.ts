import { OrdersError, OrdersErrorCode } from './orders-error';

export const ORDER_STATUSES = [
  'PENDING_PAYMENT',
  'PAID',
  'CUSTOMS_SUBMITTED',
  'CLEARED',
  'HELD',
  'SHIPPED',
  'DELIVERED',
  'CANCELLED',
  'REFUNDED',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/**
 * Every transition an order may take; anything else is refused. Paid orders never go back
 * to pending; cancelled and refunded are final. A refund is possible until customs clears
 * the parcel, when customs holds it, and after delivery (a return).
 */
const TRANSITIONS: Record<OrderStatus, readonly OrderStatus[]> = {
  PENDING_PAYMENT: ['PAID', 'CANCELLED'],
  PAID: ['CUSTOMS_SUBMITTED', 'REFUNDED'],
  CUSTOMS_SUBMITTED: ['CLEARED', 'HELD', 'REFUNDED'],
  HELD: ['CLEARED', 'REFUNDED'],
  CLEARED: ['SHIPPED'],
  SHIPPED: ['DELIVERED'],
  DELIVERED: ['REFUNDED'],
  CANCELLED: [],
  REFUNDED: [],
};

export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export function nextStatuses(from: OrderStatus): readonly OrderStatus[] {
  return TRANSITIONS[from];
}

export function assertTransition(from: OrderStatus, to: OrderStatus): void {
  if (!canTransition(from, to)) {
    throw new OrdersError(OrdersErrorCode.INVALID_TRANSITION, `An order cannot go from ${from} to ${to}`, { from, to });
  }
}

/** Orders that count against the yearly cross-border quota once paid (refunded and cancelled do not). */
export const QUOTA_STATUSES: readonly OrderStatus[] = ['PAID', 'CUSTOMS_SUBMITTED', 'CLEARED', 'HELD', 'SHIPPED', 'DELIVERED'];
