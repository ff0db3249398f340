import { Args, Field, ID, Int, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { CustomsMessageType } from '@vitrine/customs';
import { CurrentActor, Roles, type Actor } from '@vitrine/shared/graphql';
import { NotFoundError, isUuid } from '@vitrine/shared/kernel';
import { OrderFulfilmentService } from '../application/order-fulfilment.service';
import { ShipOrderService } from '../application/ship-order.service';

@ObjectType('ShipmentEvent')
export class ShipmentEventType {
  @Field(() => String) eventId!: string;
  @Field(() => String, { description: 'PICKED_UP, IN_TRANSIT, ARRIVED, OUT_FOR_DELIVERY, DELIVERED or EXCEPTION.' }) status!: string;
  @Field(() => String) description!: string;
  @Field(() => String, { nullable: true }) location!: string | null;
  @Field(() => Date) occurredAt!: Date;
  @Field(() => Date) receivedAt!: Date;
}

@ObjectType('Shipment', { description: 'The parcel with the logistics company: waybill, booking and tracking.' })
export class ShipmentType {
  @Field(() => String, { description: 'Customs code of the logistics company.' }) carrierCode!: string;
  @Field(() => String, { description: 'The waybill number (also in the CEB511 message).' }) logisticsNo!: string;
  @Field(() => String, { description: 'WAYBILL_ISSUED, BOOKED, IN_TRANSIT or DELIVERED.' }) status!: string;
  @Field(() => String, { nullable: true }) bookingRef!: string | null;
  @Field(() => Date) waybillIssuedAt!: Date;
  @Field(() => Date, { nullable: true }) bookedAt!: Date | null;
  @Field(() => Date, { nullable: true }) deliveredAt!: Date | null;
  @Field(() => Int) bookingAttempts!: number;
  @Field(() => String, { nullable: true, description: 'Why the last booking attempt failed; cleared by a successful booking.' }) lastError!: string | null;
  @Field(() => Int, { description: 'Hand-overs asked for in the console (shipOrder).' }) handoverRequests!: number;
  @Field(() => Date, { nullable: true, description: 'When the last hand-over was asked for.' }) handoverRequestedAt!: Date | null;
  @Field(() => [ShipmentEventType]) events!: ShipmentEventType[];
}

@ObjectType('OrderFulfilment', { description: 'What happened to a paid order: its customs messages with their receipts and attempts, and its shipment.' })
export class OrderFulfilmentType {
  @Field(() => ID) orderId!: string;
  @Field(() => String) orderNumber!: string;
  @Field(() => String) status!: string;
  @Field(() => [CustomsMessageType]) customsMessages!: CustomsMessageType[];
  @Field(() => ShipmentType, { nullable: true }) shipment!: ShipmentType | null;
  @Field(() => Boolean, { description: 'Cleared, and waiting for the museum to hand the parcel to the carrier (its storefront does not book at once): shipOrder.' })
  awaitingHandover!: boolean;
}

@Roles('PLATFORM_ADMIN', 'MUSEUM_MANAGER', 'BRAND_PARTNER')
@Resolver(() => OrderFulfilmentType)
export class OrderFulfilmentResolver {
  constructor(
    private readonly fulfilment: OrderFulfilmentService,
    private readonly shipping: ShipOrderService,
  ) {}

  @Query(() => OrderFulfilmentType, { description: 'Customs and shipping of one order (its museum’s managers, the brand partner fulfilling it, operators).' })
  async orderFulfilment(@CurrentActor() actor: Actor, @Args('orderId', { type: () => ID }) orderId: string) {
    if (!isUuid(orderId)) throw new NotFoundError('Order');
    return this.fulfilment.get(actor, orderId);
  }

  @Mutation(() => OrderFulfilmentType, {
    description:
      'Hands a cleared parcel to the carrier: the worker books it and the order becomes SHIPPED. ORDER_NOT_READY_TO_SHIP unless customs cleared the order and the parcel is not with the carrier yet. Also retries a failed booking.',
  })
  async shipOrder(@CurrentActor() actor: Actor, @Args('orderId', { type: () => ID }) orderId: string) {
    if (!isUuid(orderId)) throw new NotFoundError('Order');
    return this.shipping.ship(actor, orderId);
  }
}
