import { canTransition, type OrderStatus } from '../../domain/order-state-machine';

/** WITHDRAWN only follows a refund, whose order the pipeline no longer moves. */
export type DocumentStatus = 'PENDING' | 'ACCEPTED' | 'REJECTED' | 'CLEARED' | 'HELD' | 'WITHDRAWN';
export type ShipmentState = 'WAYBILL_ISSUED' | 'BOOKED' | 'IN_TRANSIT' | 'DELIVERED';

/** What customs, the payment company and the carrier have said about one order. */
export interface FulfilmentFacts {
  /**
   * Status of each document that exists: ORDER (CEB311), PAYMENT (declared by the payment
   * company; HELD when the payer it verified is not the orderer), WAYBILL (CEB511) and
   * INVENTORY (the declaration list, CEB621, which customs releases or holds).
   */
  documents: { document: 'ORDER' | 'PAYMENT' | 'WAYBILL' | 'INVENTORY'; status: DocumentStatus; info: string | null }[];
  shipment: { status: ShipmentState; logisticsNo: string; carrierCode: string } | null;
}

/**
 * Where an order should be given what customs and the carrier have said: the pipeline's
 * statuses are derived from those facts, never from the order of events, so a receipt that
 * arrives before the step that expected it, or twice, still ends in the right place.
 */
export function targetOf(facts: FulfilmentFacts): OrderStatus {
  if (facts.documents.some((d) => d.status === 'REJECTED')) return 'HELD';
  const s = facts.shipment;
  if (s?.status === 'DELIVERED') return 'DELIVERED';
  if (s?.status === 'BOOKED' || s?.status === 'IN_TRANSIT') return 'SHIPPED';
  // The payer is not the orderer: held whatever customs does with the list.
  if (facts.documents.some((d) => d.document === 'PAYMENT' && d.status === 'HELD')) return 'HELD';
  const list = facts.documents.find((d) => d.document === 'INVENTORY');
  if (list?.status === 'CLEARED') return 'CLEARED';
  if (list?.status === 'HELD') return 'HELD';
  if (facts.documents.filter((d) => d.status !== 'PENDING').length === DOCUMENT_COUNT) return 'CUSTOMS_SUBMITTED';
  return 'PAID';
}

/** Order, payment, waybill and declaration list. */
const DOCUMENT_COUNT = 4;

/** Why the order reached `status`, for its audit trail, in the words of the facts. */
export function reasonFor(status: OrderStatus, facts: FulfilmentFacts): string {
  const list = facts.documents.find((d) => d.document === 'INVENTORY');
  const s = facts.shipment;
  switch (status) {
    case 'CUSTOMS_SUBMITTED':
      return 'customs accepted the order, waybill and declaration list, and the payment company declared the payment';
    case 'CLEARED':
      return `customs released the declaration list${list?.info ? ` (${list.info})` : ''}`;
    case 'HELD': {
      const refused = facts.documents.filter((d) => d.status === 'REJECTED');
      if (refused.length) return `customs refused the ${refused.map((d) => (d.document === 'INVENTORY' ? 'declaration list' : d.document.toLowerCase())).join(', ')} declaration: ${refused.map((d) => d.info ?? 'no reason given').join('; ')}`;
      const payment = facts.documents.find((d) => d.document === 'PAYMENT' && d.status === 'HELD');
      if (payment) return `held: ${payment.info ?? 'the payer is not the orderer'}`;
      return `held by customs: ${list?.info ?? 'no reason given'}`;
    }
    case 'SHIPPED':
      return `handed to carrier ${s?.carrierCode ?? ''}, waybill ${s?.logisticsNo ?? ''}`;
    case 'DELIVERED':
      return `delivered (waybill ${s?.logisticsNo ?? ''})`;
    case 'PENDING_PAYMENT':
    case 'PAID':
    case 'CANCELLED':
    case 'REFUNDED':
      return status.toLowerCase();
  }
}

/** The pipeline's forward statuses; refunds and cancellations are other flows' business. */
const PIPELINE: readonly OrderStatus[] = ['PAID', 'CUSTOMS_SUBMITTED', 'HELD', 'CLEARED', 'SHIPPED', 'DELIVERED'];

/**
 * The transitions, allowed by the order state machine, that take an order from `from` to
 * `to` (shortest first); empty when it is there already or cannot get there (refunded,
 * cancelled, or a step backwards).
 */
export function pathTo(from: OrderStatus, to: OrderStatus): OrderStatus[] {
  if (from === to || !PIPELINE.includes(from)) return [];
  const previous = new Map<OrderStatus, OrderStatus>();
  const queue: OrderStatus[] = [from];
  while (queue.length) {
    const at = queue.shift()!;
    for (const next of PIPELINE) {
      if (previous.has(next) || next === from || !canTransition(at, next)) continue;
      previous.set(next, at);
      if (next === to) {
        const path: OrderStatus[] = [to];
        for (let p = at; p !== from; p = previous.get(p)!) path.unshift(p);
        return path;
      }
      queue.push(next);
    }
  }
  return [];
}

/**
 * Whether a parcel is due for booking with the carrier: its order cleared, its waybill not
 * booked yet, and either the storefront books cleared parcels at once or the museum handed
 * this one over (shipOrder).
 */
export function bookingDue(p: { orderStatus: OrderStatus | undefined; shipment: ShipmentState | undefined; autoBook: boolean; handedOver: boolean }): boolean {
  return p.orderStatus === 'CLEARED' && p.shipment === 'WAYBILL_ISSUED' && (p.autoBook || p.handedOver);
}

/** Why an order cannot be handed to the carrier now, in words for the manager; null when it can. */
export function handoverRefusal(orderStatus: OrderStatus, shipment: ShipmentState | null): string | null {
  if (orderStatus === 'SHIPPED' || orderStatus === 'DELIVERED' || (shipment && shipment !== 'WAYBILL_ISSUED')) return 'the parcel is already with the carrier';
  if (orderStatus !== 'CLEARED') return `customs has not released the order (it is ${orderStatus.toLowerCase().replace(/_/g, ' ')})`;
  if (!shipment) return 'the order has no waybill yet';
  return null;
}

/** Cleared and waiting for the museum: it would be due if handed over, and nobody has handed it over. */
export function awaitsHandover(p: Parameters<typeof bookingDue>[0]): boolean {
  return bookingDue({ ...p, handedOver: true }) && !bookingDue(p);
}
