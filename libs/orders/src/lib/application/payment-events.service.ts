import { Injectable, Logger } from '@nestjs/common';
import { StockService } from '@vitrine/inventory';
import { PaymentsService, type PaymentEvent, type PaymentRecord, type VerifiedPaymentEvent } from '@vitrine/payments';
import type { Tx, SqlTx } from '@vitrine/shared/data-access';
import { enqueueJob } from '@vitrine/shared/jobs';
import { assertUnreachable } from '@vitrine/shared/kernel';
import { accrueOrderJob } from '@vitrine/licensing';
import { PromotionsPricingService } from '@vitrine/promotions';
import { SettlementPostingService } from '@vitrine/settlement';
import { canTransition, type OrderStatus } from '../domain/order-state-machine';
import { OrdersError, OrdersErrorCode } from '../domain/orders-error';
import { coveredByRefunds } from '../domain/refunds';
import type { OrderRecord } from '../infrastructure/order-tables';
import { OrderCheckoutRepository } from '../infrastructure/order-checkout.repository';
import { OrderQueryRepository } from '../infrastructure/order-query.repository';
import { TransactionRunner } from '../infrastructure/transaction-runner';
import { CartReopening } from './cart-reopening.service';
import { amendCustomsJob, declareCustomsJob, withdrawCustomsJob } from '../pipeline/pipeline.jobs';

export type WebhookOutcome = 'processed' | 'duplicate' | 'ignored';

/** Statuses whose units are still in the warehouse: a refund puts them back on sale. */
const UNSHIPPED: readonly OrderStatus[] = ['PAID', 'CUSTOMS_SUBMITTED', 'HELD'];
/** Statuses in which customs may have the order undecided: its declaration follows what is paid for. */
const AMENDABLE: readonly OrderStatus[] = ['PAID', 'CUSTOMS_SUBMITTED'];

/**
 * Applies Stripe's webhook events to orders and stock. Each event is processed once: its id
 * is claimed in the same transaction as its effects, and the payment row is locked, so
 * repeated, concurrent and out-of-order deliveries of one payment's events serialise and
 * every change is conditional on the state it starts from (a paid order never goes back).
 * Calls to Stripe (cancel, late refund) run after the commit.
 */
@Injectable()
export class PaymentEventsService {
  private readonly logger = new Logger(PaymentEventsService.name);

  constructor(
    private readonly payments: PaymentsService,
    private readonly orders: OrderQueryRepository,
    private readonly orderWrites: OrderCheckoutRepository,
    private readonly stock: StockService,
    private readonly tx: TransactionRunner,
    private readonly settlement: SettlementPostingService,
    private readonly promotions: PromotionsPricingService,
    private readonly reopening: CartReopening,
  ) {}

  async handle(e: VerifiedPaymentEvent): Promise<WebhookOutcome> {
    let followUps: (() => Promise<unknown>)[] = [];
    // How a succeeded payment was really paid, from Stripe (asked outside the transaction when the event does not say).
    const paidWith = e.event.kind === 'PAYMENT_SUCCEEDED' ? await this.payments.confirmedMethod(e.eventId, e.event) : null;
    const outcome = await this.tx.run(async (tx): Promise<WebhookOutcome> => {
      followUps = [];
      if (!(await this.payments.claimEvent(tx, e))) return 'duplicate';
      const event = e.event;
      if (event.kind === 'IGNORED') return 'ignored';
      const payment = await this.payments.lockByIntent(tx, event.paymentIntentId);
      if (!payment) {
        // Ours (by metadata) but not visible yet: refuse so Stripe delivers it again.
        if (e.checkoutId) throw new OrdersError(OrdersErrorCode.PAYMENT_NOT_YET_KNOWN, 'Payment not recorded yet');
        return 'ignored';
      }
      const orders = await this.orders.ordersOfCheckout(payment.checkoutId, tx);
      const now = new Date();
      switch (event.kind) {
        case 'PAYMENT_SUCCEEDED':
          followUps = await this.succeeded(tx, payment, orders, now, paidWith);
          break;
        case 'PAYMENT_FAILED':
          // One declined attempt does not end the checkout: Stripe leaves the intent in
          // requires_payment_method, payable with another card or Alipay until the hold
          // expires (ReservationExpiryService) or the shopper abandons it (abandonCheckout).
          // The orders stay PENDING_PAYMENT with their stock held; the attempt is recorded.
          if (await this.payments.recordFailedAttempt(tx, payment, event, now)) {
            this.logger.log(`payment attempt of checkout ${payment.checkoutId} declined (${event.reason ?? 'no code'}); the intent stays payable`);
          }
          break;
        case 'PAYMENT_CANCELED': {
          if (payment.status === 'SUCCEEDED') break;
          await this.payments.markCanceled(tx, payment);
          const reason = 'payment cancelled';
          const cancelled = await this.orderWrites.transition(tx, orders.map((o) => o.id), 'PENDING_PAYMENT', 'CANCELLED', reason, now);
          // Nothing of the checkout will be paid: its cart is the shopper's again (CartReopening).
          if (cancelled.length) await this.reopening.reopen(tx, (await this.orders.findCheckout(payment.checkoutId))!.cartId);
          await this.stock.releaseHeld(tx, cancelled, reason);
          if (cancelled.length) await this.promotions.release(tx, [payment.checkoutId], now);
          break;
        }
        case 'CHARGE_REFUNDED': {
          // Stripe reports the cumulative refund of the charge; which order a partial refund
          // was for comes from the refunds we issued (or their metadata when listed).
          // An order is refunded once its refunds cover it, or every unit of it (refundOrder's
          // line refunds, each line's last unit taking what is left of the line).
          const refunded = await this.payments.recordRefunds(tx, payment, event);
          const perOrder = await this.payments.refundedByOrder(tx, orders.map((o) => o.id));
          const everyUnit = await this.orders.everyUnitRefunded(tx, orders.map((o) => o.id));
          const whole = refunded >= payment.amountMinor;
          const covered = (o: OrderRecord) => coveredByRefunds({ totalMinor: o.totalMinor, refundedMinor: perOrder.get(o.id) ?? 0, wholeChargeRefunded: whole, everyUnitRefunded: everyUnit.has(o.id) });
          await this.refundOrders(tx, orders.filter(covered), now);
          break;
        }
        case 'REFUND_FAILED':
          await this.refundFailed(tx, payment, event, orders, now);
          break;
        case 'DISPUTE': {
          // Kept with its evidence due date; the museums of the checkout's orders see it in
          // the console (museumDisputes, the order's disputes). Lost: the bank took the
          // amount back, recorded on the dispute and attributed to the orders by amount.
          const { before, after } = await this.payments.recordDispute(tx, payment, event, now);
          if (before !== after) this.logger.warn(`dispute ${event.disputeId} on checkout ${payment.checkoutId}: ${before ?? 'opened'} -> ${after}`);
          break;
        }
        default:
          assertUnreachable(event);
      }
      // The ledger posts what this event changed (a paid order's split, a refund, a failed
      // refund, a lost dispute) in the same transaction, once per event (docs/adr/0014).
      await this.settlement.settleCheckout(tx, payment.checkoutId);
      return 'processed';
    });
    for (const f of followUps) {
      await f().catch((error: unknown) => this.logger.warn(`follow-up of ${e.type} ${e.eventId} failed: ${(error as Error).message}`));
    }
    return outcome;
  }

  private async succeeded(tx: Tx, payment: PaymentRecord, orders: OrderRecord[], now: Date, paidWith: string | null): Promise<(() => Promise<unknown>)[]> {
    await this.payments.markSucceeded(tx, payment);
    // The payment company that declares the payment to customs follows how Stripe says it was
    // paid, not the wallet placeOrder was told (the shopper may have paid another way since).
    const changed = paidWith ? await this.payments.recordConfirmedMethod(tx, payment, paidWith) : null;
    if (changed?.before) this.logger.warn(`checkout ${payment.checkoutId}: placed for ${changed.before}, paid with ${paidWith} as Stripe confirms; declared as ${paidWith}`);
    const paid = await this.orderWrites.transition(tx, orders.map((o) => o.id), 'PENDING_PAYMENT', 'PAID', 'payment succeeded', now);
    await this.stock.commit(tx, paid);
    // The paid order moves on at once: customs declaration (the pipeline's sweep is the safety
    // net) and royalties of licensed lines, queued in this transaction through the outbox.
    // placeOrder puts every line of a licensed product in its brand's order, so an order no
    // brand fulfils has no licensed line and no accrual job (the worker's job would find nothing
    // to book). A product licensed after the order was placed is booked by the reconcile that
    // runs before each monthly statement, or by the order's refund job.
    const licensed = new Set(orders.filter((o) => o.fulfilledByBrandId !== null).map((o) => o.id));
    for (const orderId of paid) {
      await enqueueJob(tx, declareCustomsJob, { orderId });
      if (licensed.has(orderId)) await enqueueJob(tx, accrueOrderJob, { orderId, event: 'paid' });
    }
    // A refund reported before the success (events out of order) applies now.
    if (payment.amountRefundedMinor >= payment.amountMinor) {
      await this.refundOrders(tx, (await this.orders.ordersOfCheckout(payment.checkoutId, tx)), now);
    }
    // Paid after its hold ran out and its stock was released: give the money back.
    return orders
      .filter((o) => o.status === 'CANCELLED')
      .map((o) => () =>
        this.payments.refund({ checkoutId: payment.checkoutId, orderId: o.id, amountMinor: o.totalMinor, reason: 'paid after cancellation', idempotencyKey: `vitrine-late-payment-${o.id}` }),
      );
  }

  /**
   * Stripe reports a refund failed or cancelled: no money went back, so what it gave back is
   * taken back, once (the refund row turns failed under the payment's lock; a replay finds it
   * so). Its units count as sold again for the yearly quota and the units left to refund, the
   * order's refunded amount drops, and licensing accrues the reversed royalties back (outbox,
   * this transaction). An order already REFUNDED stays so, its quota and royalties too: its
   * stock went back on sale and its customs declaration was withdrawn; the failed refund shows
   * in its `refunds`, `refundedTotal` and `refundOutstanding` and is logged, for the seller to
   * refund again (refundOrder pays back what is outstanding, and only that).
   */
  private async refundFailed(tx: Tx, payment: PaymentRecord, event: Extract<PaymentEvent, { kind: 'REFUND_FAILED' }>, orders: OrderRecord[], now: Date): Promise<void> {
    const failed = await this.payments.recordRefundFailed(tx, payment, event);
    if (!failed) return;
    const open = orders.filter((o) => o.status !== 'REFUNDED').map((o) => o.id);
    for (const orderId of await this.orderWrites.cancelLineRefunds(tx, event.refundId, open, now)) {
      await enqueueJob(tx, accrueOrderJob, { orderId, event: `refund-failed-${event.refundId}` });
      // Its units are paid for again: a declaration customs still has is amended to include them.
      if (AMENDABLE.includes(orders.find((o) => o.id === orderId)!.status)) {
        await enqueueJob(tx, amendCustomsJob, { orderId, refundId: `failed-${event.refundId}`, refundedAt: now.toISOString() });
      }
    }
    // A return's refund: its history says so, and refundReturn asks again.
    await this.orderWrites.noteReturnRefundFailed(tx, event.refundId, event.status);
    for (const o of orders.filter((x) => x.status === 'REFUNDED' && x.id === failed.orderId)) {
      this.logger.warn(`refund ${event.refundId} of order ${o.number} ${event.status} after the order was refunded; refund it again from the console (refundOrder)`);
    }
  }

  private async refundOrders(tx: SqlTx, orders: OrderRecord[], now: Date): Promise<void> {
    const byStatus = new Map<OrderStatus, string[]>();
    for (const o of orders) if (canTransition(o.status, 'REFUNDED')) byStatus.set(o.status, [...(byStatus.get(o.status) ?? []), o.id]);
    for (const [status, ids] of byStatus) {
      const moved = await this.orderWrites.transition(tx, ids, status, 'REFUNDED', 'refunded', now);
      if (UNSHIPPED.includes(status)) await this.stock.releaseAll(tx, moved, 'refunded');
      for (const orderId of moved) {
        await enqueueJob(tx, accrueOrderJob, { orderId, event: 'refunded' });
        // Not released yet: customs must not release a parcel nobody paid for.
        if (UNSHIPPED.includes(status)) await enqueueJob(tx, withdrawCustomsJob, { orderId });
      }
    }
  }
}
