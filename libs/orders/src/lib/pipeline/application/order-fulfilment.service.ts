import { Injectable } from '@nestjs/common';
import { DeclarationsAuditService, type CustomsMessageView } from '@vitrine/customs';
import { NotFoundError, canManageMuseum, type Actor, groupByKeys } from '@vitrine/shared/kernel';
import { awaitsHandover } from '../domain/fulfilment-state';
import { PipelineRepository, type ShipmentRow } from '../infrastructure/pipeline.repository';

export interface OrderFulfilmentView {
  orderId: string;
  orderNumber: string;
  status: string;
  customsMessages: CustomsMessageView[];
  /** Cleared, and waiting for the museum to hand the parcel over (its storefront does not book at once). */
  awaitingHandover: boolean;
  shipment: (ShipmentRow & { events: { eventId: string; status: string; description: string; location: string | null; occurredAt: Date; receivedAt: Date }[] }) | null;
}

/** What happened to an order after payment, for its museum's managers, the brand partner fulfilling it and operators. */
@Injectable()
export class OrderFulfilmentService {
  constructor(
    private readonly pipeline: PipelineRepository,
    private readonly customs: DeclarationsAuditService,
  ) {}

  /** The order's header, if the actor manages its museum, fulfils it (a brand partner) or operates; NOT_FOUND otherwise. */
  async orderFor(actor: Actor, orderId: string) {
    const order = await this.pipeline.orderHeader(orderId);
    const fulfils = actor.role === 'BRAND_PARTNER' && !!actor.brandId && order?.fulfilledByBrandId === actor.brandId;
    if (!order || !(canManageMuseum(actor, order.museumId) || fulfils)) throw new NotFoundError('Order');
    return order;
  }

  /**
   * The parcels of orders whose visibility the caller already checked (an Order's field), with
   * their tracking, in two statements whatever the number of orders.
   */
  async parcelsOf(orderIds: readonly string[]): Promise<NonNullable<OrderFulfilmentView['shipment']>[]> {
    const shipments = await this.pipeline.shipmentsOf(orderIds);
    const events = shipments.length ? await this.pipeline.eventsOf(shipments.map((s) => s.id)) : [];
    const perShipment = groupByKeys(shipments.map((s) => s.id), events, (e) => e.shipmentId);
    return shipments.map((s, i) => ({ ...s, events: perShipment[i]! }));
  }

  async get(actor: Actor, orderId: string): Promise<OrderFulfilmentView> {
    const order = await this.orderFor(actor, orderId);
    const [customsMessages, shipment] = await Promise.all([this.customs.ofOrder(orderId), this.pipeline.shipmentOf(orderId)]);
    const events = shipment ? await this.pipeline.eventsOf([shipment.id]) : [];
    const awaitingHandover = awaitsHandover({ orderStatus: order.status, shipment: shipment?.status, autoBook: shipment?.autoBook ?? true, handedOver: !!shipment?.handoverRequestedAt });
    return { orderId, orderNumber: order.number, status: order.status, customsMessages, awaitingHandover, shipment: shipment ? { ...shipment, events } : null };
  }
}
