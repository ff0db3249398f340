import { Injectable } from '@nestjs/common';
import { PaymentsService } from '@vitrine/payments';
import { NotFoundError, validate, canManageMuseum, isPlatformAdmin, managedMuseumScope, type Actor } from '@vitrine/shared/kernel';
import { z } from 'zod';
import { outstandingOf } from '../domain/refunds';
import type { CheckoutRecord, OrderLineRecord, OrderRecord } from '../infrastructure/order-tables';
import { OrderQueryRepository, type OrderPageQuery, type OrderSort } from '../infrastructure/order-query.repository';
import { CartService } from './cart.service';
import { ATTRIBUTION_CHANNELS, type AttributionChannel } from '../attribution/domain/attribution';

export type OrderPageRequest = Omit<OrderPageQuery, 'search' | 'createdFrom' | 'createdBefore'> & { sort: OrderSort };

const filterSchema = z.object({
  search: z.string().trim().max(100).optional(),
  createdFrom: z.date().optional(),
  createdBefore: z.date().optional(),
  refundFailed: z.boolean().optional(),
  channel: z.enum(ATTRIBUTION_CHANNELS).optional(),
});

/**
 * Orders with a failed refund read at a time by the "refund failed" filter, which reads them
 * all, page after page (Stripe reports few: a closed card, an account that refuses it).
 */
const FAILED_REFUND_BATCH = 1_000;

/**
 * Reading orders with tenancy: a shopper sees their own, a museum manager their museums'
 * (the ID number only ever masked), a brand partner those it fulfils, an operator all.
 * Anything else answers NOT_FOUND.
 */
@Injectable()
export class OrderQueriesService {
  constructor(
    private readonly orders: OrderQueryRepository,
    private readonly carts: CartService,
    private readonly payments: PaymentsService,
  ) {}

  myOrders(actor: Actor, q: OrderPageRequest) {
    return this.orders.page({ shopperUserId: actor.userId }, q);
  }

  async museumOrders(
    actor: Actor,
    museumId: string | null,
    q: OrderPageRequest,
    filter: { search?: string | null; createdFrom?: Date | null; createdBefore?: Date | null; refundFailed?: boolean | null; channel?: AttributionChannel | null } = {},
  ) {
    const f = validate(
      filterSchema,
      { search: filter.search ?? undefined, createdFrom: filter.createdFrom ?? undefined, createdBefore: filter.createdBefore ?? undefined, refundFailed: filter.refundFailed ?? undefined, channel: filter.channel ?? undefined },
      'filter',
    );
    if (museumId && !canManageMuseum(actor, museumId)) throw new NotFoundError('Museum');
    const museumIds = museumId ? [museumId] : managedMuseumScope(actor);
    const query: OrderPageQuery = {
      ...q,
      search: f.search || undefined,
      createdFrom: f.createdFrom,
      createdBefore: f.createdBefore,
      channel: f.channel,
      ...(f.refundFailed ? { ids: await this.owedAfterFailedRefund(museumIds) } : {}),
    };
    return this.orders.page({ museumIds }, query);
  }

  /**
   * REFUNDED orders that still owe the shopper money because Stripe reported a refund of them
   * failed or cancelled, of these museums: the orders the console flags (refundOutstanding).
   */
  private async owedAfterFailedRefund(museumIds: readonly string[] | 'ALL'): Promise<string[]> {
    const owed: string[] = [];
    for (let after: string | null = null; ; ) {
      const candidates = await this.payments.orderIdsWithFailedRefunds(FAILED_REFUND_BATCH, after);
      owed.push(...(await this.owedAmong(candidates, museumIds)));
      if (candidates.length < FAILED_REFUND_BATCH) return owed;
      after = candidates[candidates.length - 1]!;
    }
  }

  private async owedAmong(candidates: readonly string[], museumIds: readonly string[] | 'ALL'): Promise<string[]> {
    const inScope = (o: OrderRecord) => o.status === 'REFUNDED' && (museumIds === 'ALL' || museumIds.includes(o.museumId));
    const orders = candidates.length ? (await this.orders.findOrders(candidates)).filter(inScope) : [];
    if (!orders.length) return [];
    const [refunds, payments] = await Promise.all([
      this.payments.refundsOfOrders(orders.map((o) => o.id)),
      this.payments.findForCheckouts([...new Set(orders.map((o) => o.checkoutId))]),
    ]);
    const paymentOf = new Map(payments.map((p) => [p.checkoutId, p]));
    const refundsOf = new Map<string, typeof refunds>();
    for (const r of refunds) {
      if (!r.orderId) continue;
      const own = refundsOf.get(r.orderId);
      if (own) own.push(r);
      else refundsOf.set(r.orderId, [r]);
    }
    return orders
      .filter((o) => outstandingOf(o, refundsOf.get(o.id) ?? [], paymentOf.get(o.checkoutId)) > 0)
      .map((o) => o.id);
  }

  async order(actor: Actor, id: string): Promise<OrderRecord> {
    const order = await this.orders.findOrder(id);
    if (!order || !this.maySee(actor, order)) throw new NotFoundError('Order');
    return order;
  }

  /** A guest's checkout, opened by the token of the cart it was placed from. */
  async checkoutOfGuestCart(cartToken: string): Promise<{ checkout: CheckoutRecord; orders: OrderRecord[] }> {
    const cart = await this.carts.guestCart(cartToken);
    const checkout = cart ? await this.orders.findCheckoutOfCart(cart.id) : null;
    if (!checkout) throw new NotFoundError('Checkout');
    return { checkout, orders: await this.orders.ordersOfCheckout(checkout.id) };
  }

  linesOf(orderIds: readonly string[]): Promise<OrderLineRecord[]> {
    return this.orders.linesOf(orderIds);
  }

  historyOf(orderIds: readonly string[]) {
    return this.orders.historyOf(orderIds);
  }

  paymentsOf(checkoutIds: readonly string[]) {
    return this.payments.findForCheckouts(checkoutIds);
  }

  refundsOf(orderIds: readonly string[]) {
    return this.payments.refundsOfOrders(orderIds);
  }

  paymentFailuresOf(checkoutIds: readonly string[]) {
    return this.payments.failuresOfCheckouts(checkoutIds);
  }

  private maySee(actor: Actor, order: OrderRecord): boolean {
    return (
      isPlatformAdmin(actor) ||
      order.shopperUserId === actor.userId ||
      canManageMuseum(actor, order.museumId) ||
      (actor.role === 'BRAND_PARTNER' && !!actor.brandId && order.fulfilledByBrandId === actor.brandId)
    );
  }
}
