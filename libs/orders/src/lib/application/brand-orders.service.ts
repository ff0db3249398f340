import { Injectable } from '@nestjs/common';
import { NotFoundError, isUuid, isPlatformAdmin, type Actor } from '@vitrine/shared/kernel';
import type { OrderStatus } from '../domain/order-state-machine';
import { OrderQueryRepository } from '../infrastructure/order-query.repository';

/**
 * The orders a brand partner fulfils from its own stock (the co-branded lines of checkouts,
 * split into their own orders): a brand sees only those it fulfils, an operator names the
 * brand. ID numbers are only ever masked. The museum still sees them as its storefront's.
 */
@Injectable()
export class BrandOrdersService {
  constructor(private readonly orders: OrderQueryRepository) {}

  page(actor: Actor, brandId: string | null, q: { take: number; after: { createdAt: Date; id: string } | null; status?: OrderStatus }) {
    return this.orders.page({ fulfilledByBrandId: this.brandOf(actor, brandId) }, q);
  }

  private brandOf(actor: Actor, requested: string | null): string {
    if (isPlatformAdmin(actor)) {
      if (!requested || !isUuid(requested)) throw new NotFoundError('Brand');
      return requested;
    }
    if (actor.role !== 'BRAND_PARTNER' || !actor.brandId || (requested && requested !== actor.brandId)) throw new NotFoundError('Brand');
    return actor.brandId;
  }
}
