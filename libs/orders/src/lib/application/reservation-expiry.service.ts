import { Injectable, Logger } from '@nestjs/common';
import { StockService } from '@vitrine/inventory';
import { PaymentsService } from '@vitrine/payments';
import { PromotionsPricingService } from '@vitrine/promotions';
import type { OrderRecord } from '../infrastructure/order-tables';
import { OrderCheckoutRepository } from '../infrastructure/order-checkout.repository';
import { OrderQueryRepository } from '../infrastructure/order-query.repository';
import { TransactionRunner } from '../infrastructure/transaction-runner';
import { CartReopening } from './cart-reopening.service';

export interface ExpiryReport {
  checkouts: number;
  cancelledOrders: number;
  releasedUnits: number;
  /** Checkouts left for a later run: Stripe says paid or processing, or could not be reached. */
  skipped: number;
}

/**
 * Releases the stock of orders left unpaid past their hold, and gives the cart back. Stripe is asked to cancel the
 * intent first: once it is cancelled it can no longer succeed, so no payment can land on
 * an order whose stock went back on sale; an intent Stripe reports as paid is left to its
 * webhook. Safe to run concurrently and repeatedly (the worker calls it on a schedule).
 */
@Injectable()
export class ReservationExpiryService {
  private readonly logger = new Logger(ReservationExpiryService.name);

  constructor(
    private readonly orders: OrderQueryRepository,
    private readonly orderWrites: OrderCheckoutRepository,
    private readonly payments: PaymentsService,
    private readonly stock: StockService,
    private readonly tx: TransactionRunner,
    private readonly promotions: PromotionsPricingService,
    private readonly carts: CartReopening,
  ) {}

  async expireReservations(now: Date = new Date(), limit = 100): Promise<ExpiryReport> {
    const report: ExpiryReport = { checkouts: 0, cancelledOrders: 0, releasedUnits: 0, skipped: 0 };
    for (const checkoutId of await this.orders.expiredCheckoutIds(now, limit)) {
      const r = await this.cancelUnpaid(checkoutId, 'payment hold expired', now, (o) => o.holdExpiresAt <= now);
      if (typeof r === 'string') {
        report.skipped++;
        continue;
      }
      report.cancelledOrders += r.cancelled.length;
      report.releasedUnits += r.units;
      report.checkouts++;
    }
    return report;
  }

  /**
   * Cancels a checkout's unpaid orders (those `due`): the intent is cancelled at Stripe first
   * (a declined attempt leaves it payable, so this is what makes it unpayable), then the orders
   * and their held stock, under the payment's lock. PAID_OR_PROCESSING when Stripe says the
   * intent is paid or processing (its webhook decides), UNREACHABLE when Stripe could not be asked.
   */
  async cancelUnpaid(
    checkoutId: string,
    reason: string,
    now: Date,
    due: (o: OrderRecord) => boolean,
  ): Promise<{ cancelled: string[]; units: number } | 'PAID_OR_PROCESSING' | 'UNREACHABLE'> {
    const payment = await this.payments.findForCheckout(checkoutId);
    if (payment && payment.status !== 'CANCELED' && payment.status !== 'FAILED') {
      const status = await this.payments.cancelIntent(payment.providerPaymentId).catch((error: unknown) => {
        this.logger.warn(`could not cancel the intent of checkout ${checkoutId}: ${(error as Error).message}`);
        return null;
      });
      if (status === null) return 'UNREACHABLE';
      if (status !== 'canceled') return 'PAID_OR_PROCESSING';
    }
    return this.tx.run(async (tx) => {
      // Payment row first, then orders: the order in which the webhook locks them.
      const locked = payment ? await this.payments.lockByIntent(tx, payment.providerPaymentId) : null;
      const all = await this.orders.ordersOfCheckout(checkoutId, tx);
      const pending = all.filter((o) => o.status === 'PENDING_PAYMENT' && due(o)).map((o) => o.id);
      const cancelled = await this.orderWrites.transition(tx, pending, 'PENDING_PAYMENT', 'CANCELLED', reason, now);
      // Nothing of the checkout will be paid now: its cart is the shopper's again, as it was.
      const done = new Set(cancelled);
      if (cancelled.length && all.every((o) => done.has(o.id) || o.status === 'CANCELLED')) {
        const checkout = await this.orders.findCheckout(checkoutId);
        if (checkout) await this.carts.reopen(tx, checkout.cartId);
      }
      const units = await this.stock.releaseHeld(tx, cancelled, reason);
      if (locked) await this.payments.markCanceled(tx, locked);
      // Its coupons and promotions' uses come back (an unpaid checkout used nothing).
      if (cancelled.length) await this.promotions.release(tx, [checkoutId], now);
      return { cancelled, units };
    });
  }
}
