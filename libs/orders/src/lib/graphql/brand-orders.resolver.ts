import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, PageArgs, Roles, decodeCursor, pageSize, toPage, type Actor } from '@vitrine/shared/graphql';
import { ValidationError } from '@vitrine/shared/kernel';
import { BrandOrdersService } from '../application/brand-orders.service';
import type { OrderStatus } from '../domain/order-state-machine';
import { toOrder } from './orders.mappers';
import { OrderPage, OrderStatusGql } from './orders.types';

@Resolver()
export class BrandOrdersResolver {
  constructor(private readonly service: BrandOrdersService) {}

  @Roles('BRAND_PARTNER', 'PLATFORM_ADMIN')
  @Query(() => OrderPage, { description: 'Brand partner: the orders it fulfils from its own stock, newest first; ID numbers masked (operators name the brand).' })
  async brandOrders(
    @CurrentActor() actor: Actor,
    @Args() page: PageArgs,
    @Args('brandId', { type: () => ID, nullable: true }) brandId?: string,
    @Args('status', { type: () => OrderStatusGql, nullable: true }) status?: OrderStatusGql,
  ) {
    const take = pageSize(page.first);
    const cursor = decodeCursor(page.after, 2);
    const after = cursor ? { createdAt: new Date(String(cursor[0])), id: String(cursor[1]) } : null;
    if (after && Number.isNaN(after.createdAt.getTime())) throw new ValidationError([{ path: 'after', message: 'is not a valid cursor' }]);
    const r = await this.service.page(actor, brandId ?? null, { take, after, status: status as OrderStatus | undefined });
    return toPage(r.rows.map(toOrder), take, r.total, (o) => [o.createdAt.toISOString(), o.id]);
  }
}
