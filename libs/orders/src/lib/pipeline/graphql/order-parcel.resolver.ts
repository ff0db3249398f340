import { Context, Field, ObjectType, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { byKeys, type RequestContext } from '@vitrine/shared/graphql';
import { OrderType } from '../../graphql/orders.types';
import { OrderFulfilmentService, type OrderFulfilmentView } from '../application/order-fulfilment.service';
import { ShipmentEventType } from './order-fulfilment.resolver';

@ObjectType('OrderParcel', { description: 'The parcel as its shopper follows it: the waybill, where the carrier has it, and its tracking.' })
export class OrderParcelType {
  @Field(() => String, { description: 'Customs code of the logistics company.' }) carrierCode!: string;
  @Field(() => String, { description: 'The waybill number, to follow the parcel on the carrier’s site.' }) logisticsNo!: string;
  @Field(() => String, { description: 'WAYBILL_ISSUED, BOOKED, IN_TRANSIT or DELIVERED.' }) status!: string;
  @Field(() => Date, { nullable: true }) bookedAt!: Date | null;
  @Field(() => Date, { nullable: true }) deliveredAt!: Date | null;
  @Field(() => [ShipmentEventType], { description: 'Tracking events, oldest first.' }) events!: ShipmentEventType[];
}

type Parcel = NonNullable<OrderFulfilmentView['shipment']>;

/** Order.parcel: whoever may see an order (its shopper first) follows its parcel; batched per request. */
@Resolver(() => OrderType)
export class OrderParcelResolver {
  constructor(private readonly fulfilment: OrderFulfilmentService) {}

  @ResolveField(() => OrderParcelType, { nullable: true, description: 'The parcel once the carrier issued its waybill: status and tracking (null before).' })
  async parcel(@Parent() order: OrderType, @Context() ctx: RequestContext): Promise<OrderParcelType | null> {
    const loader = ctx.loaders.get<string, Parcel | null>('orders.parcel', async (orderIds) => byKeys(orderIds, await this.fulfilment.parcelsOf(orderIds), (p) => p.orderId));
    const p = await loader.load(order.id);
    return p && { carrierCode: p.carrierCode, logisticsNo: p.logisticsNo, status: p.status, bookedAt: p.bookedAt, deliveredAt: p.deliveredAt, events: p.events };
  }
}
