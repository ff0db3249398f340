import { Injectable } from '@nestjs/common';
import { PaymentsError, PaymentsErrorCode } from '@vitrine/payments';
import { NotFoundError, type Actor } from '@vitrine/shared/kernel';
import { OrdersError, OrdersErrorCode } from '../domain/orders-error';
import type { CheckoutRecord, OrderRecord } from '../infrastructure/order-tables';
import { OrderQueryRepository } from '../infrastructure/order-query.repository';
import { CartService } from './cart.service';
import { ReservationExpiryService } from './reservation-expiry.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The shopper gives up an unpaid checkout (a declined card no longer does it for them): the
 * intent is cancelled at Stripe, then the orders and their held stock, as the hold's expiry
 * would. Only the checkout's own shopper, or the guest holding its cart's token; anyone
 * else gets NOT_FOUND.
 */
@Injectable()
export class AbandonCheckoutService {
  constructor(
    private readonly orders: OrderQueryRepository,
    private readonly carts: CartService,
    private readonly expiry: ReservationExpiryService,
  ) {}

  async abandon(actor: Actor | null, checkoutId: string, cartToken: string | null, now = new Date()): Promise<{ checkout: CheckoutRecord; orders: OrderRecord[] }> {
    const checkout = UUID.test(checkoutId) ? await this.orders.findCheckout(checkoutId) : null;
    if (!checkout || !(await this.owns(actor, checkout, cartToken))) throw new NotFoundError('Checkout');
    const before = await this.orders.ordersOfCheckout(checkout.id);
    if (!before.some((o) => o.status === 'PENDING_PAYMENT')) throw new OrdersError(OrdersErrorCode.INVALID_TRANSITION, 'Only a checkout awaiting payment can be abandoned');
    const r = await this.expiry.cancelUnpaid(checkout.id, 'abandoned by the shopper', now, () => true);
    if (r === 'UNREACHABLE') throw new PaymentsError(PaymentsErrorCode.PAYMENT_PROVIDER_UNAVAILABLE, 'The payment provider could not be reached; try again');
    if (r === 'PAID_OR_PROCESSING') throw new OrdersError(OrdersErrorCode.PAYMENT_IN_PROGRESS, 'The payment already went through or is being processed');
    return { checkout, orders: await this.orders.ordersOfCheckout(checkout.id) };
  }

  private async owns(actor: Actor | null, checkout: CheckoutRecord, cartToken: string | null): Promise<boolean> {
    if (checkout.shopperUserId) return !!actor && actor.userId === checkout.shopperUserId;
    if (!cartToken) return false;
    const cart = await this.carts.guestCart(cartToken);
    return !!cart && cart.id === checkout.cartId;
  }
}
