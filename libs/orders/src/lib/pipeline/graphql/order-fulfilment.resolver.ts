import { Args, Field, ID, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { CustomsMessageType } from '@vitrine/customs';
import { CurrentActor, Roles, type Actor } from '@vitrine/shared/graphql';
import { NotFoundError, isUuid } from '@vitrine/shared/kernel';
import { OrderFulfilmentService } from '../application/order-fulfilment.service';
import { ShipOrderService } from '../application/ship-order.service';
import { ShipmentType } from './shipment.types';

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
