import { Injectable } from '@nestjs/common';
import { PaymentsService } from '@vitrine/payments';
import { canManageMuseum, type Actor } from '@vitrine/shared/graphql';
import { NotFoundError } from '@vitrine/shared/kernel';
import { assertTransition } from '../domain/order-state-machine';
import { OrderRepository, type OrderRecord } from '../infrastructure/order.repository';

/**
 * A seller (or the operator) refunds one order in full through Stripe. The order becomes
 * REFUNDED when Stripe's charge.refunded webhook confirms it, which also gives the stock
 * and the shopper's yearly quota back.
 */
@Injectable()
export class RefundOrderService {
  constructor(
    private readonly orders: OrderRepository,
    private readonly payments: PaymentsService,
  ) {}

  async refund(actor: Actor, orderId: string, reason: string): Promise<{ order: OrderRecord; refundId: string; refundStatus: string }> {
    const order = await this.orders.findOrder(orderId);
    if (!order || !canManageMuseum(actor, order.museumId)) throw new NotFoundError('Order');
    assertTransition(order.status, 'REFUNDED');
    const refund = await this.payments.refund({
      checkoutId: order.checkoutId,
      orderId: order.id,
      amountMinor: order.totalMinor,
      reason: reason.slice(0, 200),
      idempotencyKey: `vitrine-refund-order-${order.id}`,
    });
    return { order, refundId: refund.refundId, refundStatus: refund.status };
  }
}
