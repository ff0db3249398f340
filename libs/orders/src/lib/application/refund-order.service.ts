import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { PaymentsService, type PaymentRecord } from '@vitrine/payments';
import type { Tx } from '@vitrine/shared/data-access';
import { accrueOrderJob } from '@vitrine/licensing';
import { enqueueJob } from '@vitrine/shared/jobs';
import { canManageMuseum, type Actor } from '@vitrine/shared/graphql';
import { NotFoundError, ValidationError, validate } from '@vitrine/shared/kernel';
import { assertTransition } from '../domain/order-state-machine';
import { countsAsRefunded, planLineRefund, refundOutstanding, type LineRefundPlan } from '../domain/refunds';
import { OrderRepository, type OrderRecord } from '../infrastructure/order.repository';
import { TransactionRunner } from '../infrastructure/transaction-runner';

const refundSchema = z.object({
  orderId: z.string().uuid(),
  reason: z.string().trim().min(1).max(200),
  lines: z
    .array(z.object({ lineId: z.string().uuid(), quantity: z.number().int().min(1).max(10_000) }))
    .min(1)
    .max(100)
    .refine((ls) => new Set(ls.map((l) => l.lineId)).size === ls.length, 'names a line twice')
    .optional(),
});

/**
 * A seller (or the operator) refunds one order through Stripe: in full, or some units of
 * some lines (their landed price: goods, freight share and tax). The order becomes REFUNDED
 * when Stripe's charge.refunded webhook confirms refunds covering it, which also gives the
 * stock and the shopper's yearly quota back; a partial refund leaves the order where it is
 * and gives back to the quota the goods value of the units it returned (order_line_refunds).
 * A REFUNDED order is refunded again only for what a refund Stripe reported failed left
 * unpaid (`refundAgain`).
 *
 * One transaction: the payment, then the order row, are locked (the webhook's lock order)
 * before the units left are counted, so concurrent refunds of one order queue and the second
 * sees what the first returned. Stripe's refund call runs under these locks (ADR 0006): a
 * refund is a rare back-office act, and only this order's payment events wait for it.
 */
@Injectable()
export class RefundOrderService {
  constructor(
    private readonly orders: OrderRepository,
    private readonly payments: PaymentsService,
    private readonly transactions: TransactionRunner,
  ) {}

  async refund(
    actor: Actor,
    input: { orderId: string; reason: string; lines?: { lineId: string; quantity: number }[] | null },
  ): Promise<{ order: OrderRecord; refundId: string; refundStatus: string; amount: number }> {
    if (!z.string().uuid().safeParse(input.orderId).success) throw new NotFoundError('Order');
    const v = validate(refundSchema, { ...input, lines: input.lines ?? undefined }, 'input');
    const found = await this.orders.findOrder(v.orderId);
    if (!found || !canManageMuseum(actor, found.museumId)) throw new NotFoundError('Order');
    const lines = v.lines ? await this.orders.linesOf([found.id]) : [];
    return this.transactions.run(async (tx) => {
      const payment = await this.payments.lockForCheckout(tx, found.checkoutId);
      const order = await this.orders.lockOrder(tx, found.id);
      if (!order) throw new NotFoundError('Order');
      if (order.status === 'REFUNDED') return this.refundAgain(tx, order, payment, v);
      assertTransition(order.status, 'REFUNDED');
      const already = (await this.payments.refundedByOrder(tx, [order.id])).get(order.id) ?? 0;
      const remaining = order.totalMinor - already;
      let amount = remaining;
      let returned: LineRefundPlan['returned'] = [];
      if (v.lines) {
        const plan = planLineRefund(lines, await this.orders.refundedUnits(order.id, tx), v.lines, remaining);
        if (plan.problems.length) throw new ValidationError(plan.problems);
        ({ amountMinor: amount, returned } = plan);
      }
      const failed = await this.payments.failedRefundsOf(tx, order.id);
      const refund = await this.payments.refund(
        { checkoutId: order.checkoutId, orderId: order.id, amountMinor: amount, reason: v.reason, idempotencyKey: refundKey(order.id, already, v.lines, failed) },
        tx,
      );
      // The returned units give their goods value back to the buyer's yearly quota while the
      // order stays paid (a refund covering the order makes it REFUNDED, which gives back all).
      // Licensed lines' royalties are reversed for the units returned (licensing's accrue-order
      // job, through the outbox of this transaction so it cannot be lost).
      if (countsAsRefunded(refund.status) && returned.length) {
        await this.orders.recordLineRefunds(tx, returned.map((r) => ({ ...r, orderId: order.id, providerRefundId: refund.refundId })));
        await enqueueJob(tx, accrueOrderJob, { orderId: order.id, event: `refund-${refund.refundId}` });
      }
      return { order, refundId: refund.refundId, refundStatus: refund.status, amount };
    });
  }

  /**
   * A REFUNDED order is refunded again only for what a refund Stripe reported failed or
   * cancelled left unpaid (`refundOutstanding`), in full: the money alone. Its stock, yearly
   * quota, customs declaration and royalties were given back when it turned REFUNDED, so no
   * line refund is recorded and no job is queued; the charge.refunded that follows finds the
   * order already REFUNDED. Anything else on a REFUNDED order is refused as before.
   */
  private async refundAgain(tx: Tx, order: OrderRecord, payment: PaymentRecord | null, v: { reason: string; lines?: { lineId: string; quantity: number }[] }) {
    const already = (await this.payments.refundedByOrder(tx, [order.id])).get(order.id) ?? 0;
    const failed = await this.payments.failedRefundsOf(tx, order.id);
    const amount = refundOutstanding({
      status: order.status,
      totalMinor: order.totalMinor,
      refundedMinor: already,
      failedRefunds: failed,
      paymentRoomMinor: payment ? payment.amountMinor - payment.amountRefundedMinor : 0,
    });
    // Nothing owed: refused as any refund of a REFUNDED order always was (INVALID_TRANSITION).
    if (!amount) assertTransition(order.status, 'REFUNDED');
    if (v.lines) throw new ValidationError([{ path: 'input.lines', message: 'an order already refunded is refunded again in full of what is outstanding, without lines' }]);
    const refund = await this.payments.refund(
      { checkoutId: order.checkoutId, orderId: order.id, amountMinor: amount, reason: v.reason, idempotencyKey: refundKey(order.id, already, undefined, failed) },
      tx,
    );
    return { order, refundId: refund.refundId, refundStatus: refund.status, amount };
  }
}

/**
 * The key tells a retried request from a new refund: same order, same amount already
 * refunded, same failed refunds, same lines → Stripe answers the refund it already made.
 * A refund Stripe reported failed is re-issued as a new one (`-f<failed>`).
 */
function refundKey(orderId: string, already: number, lines: readonly { lineId: string; quantity: number }[] | undefined, failed: number): string {
  const detail = already || lines ? `-${already}-${digest(lines ?? [])}` : '';
  const retry = failed ? `-f${failed}` : '';
  return `vitrine-refund-order-${orderId}${detail}${retry}`;
}

function digest(lines: readonly { lineId: string; quantity: number }[]): string {
  const canonical = [...lines].sort((a, b) => a.lineId.localeCompare(b.lineId)).map((l) => `${l.lineId}:${l.quantity}`);
  return createHash('sha256').update(canonical.join(',')).digest('hex').slice(0, 16);
}
