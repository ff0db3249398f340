import { Injectable } from '@nestjs/common';
import { DeclarationsAuditService, type CustomsMessageView } from '@vitrine/customs';
import { canManageMuseum, type Actor } from '@vitrine/shared/graphql';
import { NotFoundError } from '@vitrine/shared/kernel';
import { PipelineRepository, type ShipmentRow } from '../infrastructure/pipeline.repository';

export interface OrderFulfilmentView {
  orderId: string;
  orderNumber: string;
  status: string;
  customsMessages: CustomsMessageView[];
  shipment: (ShipmentRow & { events: { eventId: string; status: string; description: string; location: string | null; occurredAt: Date; receivedAt: Date }[] }) | null;
}

/** What happened to an order after payment, for its museum's managers, the brand partner fulfilling it and operators. */
@Injectable()
export class OrderFulfilmentService {
  constructor(
    private readonly pipeline: PipelineRepository,
    private readonly customs: DeclarationsAuditService,
  ) {}

  async get(actor: Actor, orderId: string): Promise<OrderFulfilmentView> {
    const order = await this.pipeline.orderHeader(orderId);
    const fulfils = actor.role === 'BRAND_PARTNER' && !!actor.brandId && order?.fulfilledByBrandId === actor.brandId;
    if (!order || !(canManageMuseum(actor, order.museumId) || fulfils)) throw new NotFoundError('Order');
    const [customsMessages, shipment] = await Promise.all([this.customs.ofOrder(orderId), this.pipeline.shipmentOf(orderId)]);
    const events = shipment ? await this.pipeline.eventsOf([shipment.id]) : [];
    return { orderId, orderNumber: order.number, status: order.status, customsMessages, shipment: shipment ? { ...shipment, events } : null };
  }
}
