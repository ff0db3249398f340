import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { byKeys, type RequestContext } from '@vitrine/shared/graphql';
import { OrderType } from '../../graphql/orders.types';
import { OrderFulfilmentService, type OrderFulfilmentView } from '../application/order-fulfilment.service';
import { OrderParcelType } from './shipment.types';

type Parcel = NonNullable<OrderFulfilmentView['shipment']>;

/** Order.parcel: whoever may see an order (its shopper first) follows its parcel; batched per request. */
@Resolver(() => OrderType)
export class OrderParcelResolver {
  constructor(private readonly fulfilment: OrderFulfilmentService) {}

  @ResolveField(() => OrderParcelType, { nullable: true, description: 'The parcel once the carrier issued its waybill: status and tracking (null before).' })
  parcel(@Parent() order: OrderType, @Context() ctx: RequestContext): Promise<Parcel | null> {
    return ctx.loaders.get<string, Parcel | null>('orders.parcel', async (orderIds) => byKeys(orderIds, await this.fulfilment.parcelsOf(orderIds), (p) => p.orderId)).load(order.id);
  }
}
