import { Injectable, Logger } from '@nestjs/common';
import type { Prisma } from '@vitrine/shared/data-access';
import { StockService } from '@vitrine/inventory';
import { PaymentsService, type PaymentRecord } from '@vitrine/payments';
import { PromotionsPricingService } from '@vitrine/promotions';
import { CheckoutWithdrawalRepository } from '../infrastructure/checkout-withdrawal.repository';
import { TransactionRunner } from '../infrastructure/transaction-runner';
import { CartReopening } from './cart-reopening.service';

/**
 * Undoes a checkout whose PaymentIntent could not be created (Stripe unreachable): nobody was
 * told its orders, nobody can pay them, so they must not hold stock for the hold time nor keep
 * the shopper's cart closed. In one transaction, under the checkout's row lock: the stock goes
 * back, the checkout and its orders are deleted and the cart opens again, so the same request
 * (same key) places it afresh once Stripe answers. A payment recorded meanwhile by a concurrent
 * request for the same checkout wins: the checkout stays and that payment is the answer.
 */
@Injectable()
export class CheckoutWithdrawal {
  private readonly logger = new Logger(CheckoutWithdrawal.name);

  constructor(
    private readonly tx: TransactionRunner,
    private readonly repo: CheckoutWithdrawalRepository,
    private readonly payments: PaymentsService,
    private readonly stock: StockService,
    private readonly promotions: PromotionsPricingService,
    private readonly carts: CartReopening,
  ) {}

  /** Answers the payment that kept the checkout, or null once it is withdrawn (now or before). */
  async withdraw(checkoutId: string): Promise<PaymentRecord | null> {
    return this.tx.run(async (tx) => {
      // Checkout row, then payment, then orders, cart, stock last (docs/adr/0006).
      const locked = await this.repo.lockCheckout(tx, checkoutId);
      if (!locked) return null;
      const payment = await this.payments.lockForCheckout(tx, checkoutId);
      if (payment) return payment;
      await this.carts.reopen(tx, locked.cartId);
      const units = await this.stock.releaseHeld(tx, locked.orderIds, 'checkout withdrawn: payment provider unavailable');
      await this.promotions.release(tx, [checkoutId]);
      await this.repo.deleteCheckout(tx, checkoutId, locked.orderIds);
      this.logger.warn(`checkout ${checkoutId} withdrawn (no PaymentIntent): ${locked.orderIds.length} orders, ${units} units released`);
      return null;
    });
  }

  stillPlaced(checkoutId: string): Promise<boolean> {
    return this.repo.stillPlaced(checkoutId);
  }

  /** The same check as a condition of the payment's insert (one statement, the row key-share locked in it). */
  stillPlacedCondition(checkoutId: string): Prisma.Sql {
    return this.repo.stillPlacedCondition(checkoutId);
  }
}
