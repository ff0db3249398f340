import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { PaymentsService, type PaymentRecord } from '@vitrine/payments';
import type { OrderStatus, Tx } from '@vitrine/shared/data-access';
import { accrueOrderJob } from '@vitrine/licensing';
import { SettlementPostingService } from '@vitrine/settlement';
import { enqueueJob } from '@vitrine/shared/jobs';
import { NotFoundError, ValidationError, validate, canManageMuseum, type Actor } from '@vitrine/shared/kernel';
import { assertTransition } from '../domain/order-state-machine';
import { OrdersError, OrdersErrorCode } from '../domain/orders-error';
import { amendCustomsJob } from '../pipeline/pipeline.jobs';
import { countsAsRefunded, planLineRefund, refundOutstanding, type LineRefundPlan, type RefundableLine } from '../domain/refunds';
import type { OrderRecord } from '../infrastructure/order-tables';
import { OrderCheckoutRepository } from '../infrastructure/order-checkout.repository';
import { OrderQueryRepository } from '../infrastructure/order-query.repository';
import { TransactionRunner } from '../infrastructure/transaction-runner';

/** An order customs may have been sent (or be sent) and not released yet: a partial refund amends its declaration. */
const DECLARABLE: readonly OrderStatus[] = ['PAID', 'CUSTOMS_SUBMITTED'];

const refundSchema = z.object({
  orderId: z.string().uuid(),
  reason: z.string().trim().min(1).max(200),
  lines: z
    .array(z.object({ lineId: z.string().uuid(), quantity: z.number().int().min(1).max(10_000) }))
    .min(1)
    .max(100)
    .refine((ls) => new Set(ls.map((l) => l.lineId)).size === ls.length, 'names a line twice')
    .optional(),
  idempotencyKey: z.string().regex(/^[A-Za-z0-9_\-:.]{8,128}$/, 'must be 8 to 128 letters, digits or - _ : .').optional(),
});

type RefundInput = z.infer<typeof refundSchema>;

export interface RefundResult {
  order: OrderRecord;
  refundId: string;
  refundStatus: string;
  amount: number;
  /** The answer of an earlier request with the same idempotency key: no new refund was made. */
  replayed: boolean;
}

/**
 * A seller (or the operator) refunds one order through Stripe: in full, or some units of
 * some lines (their landed price: goods, freight share and tax, each taken cumulatively per
 * line, so the last unit of a line takes what is left of it). The order becomes REFUNDED
 * when Stripe's charge.refunded webhook confirms refunds covering it, or every unit of it,
 * which also gives the stock and the shopper's yearly quota back; a partial refund leaves
 * the order where it is and gives back to the quota the goods value of the units it returned
 * (order_line_refunds), and the pipeline declares and ships only what is left.
 * A REFUNDED order is refunded again only for what a refund Stripe reported failed left
 * unpaid (`refundAgain`).
 *
 * One transaction: the payment, then the order row, are locked (the webhook's lock order)
 * before the idempotency key is looked up and the units left are counted, so concurrent
 * refunds of one order queue: the second with the same key answers the first's refund, the
 * second for units the first took back is refused. Stripe's refund call runs under these
 * locks (ADR 0006): a refund is a rare back-office act, and only this order's payment events
 * wait for it.
 */
@Injectable()
export class RefundOrderService {
  constructor(
    private readonly orders: OrderQueryRepository,
    private readonly orderWrites: OrderCheckoutRepository,
    private readonly payments: PaymentsService,
    private readonly transactions: TransactionRunner,
    private readonly settlement: SettlementPostingService,
  ) {}

  async refund(
    actor: Actor,
    input: { orderId: string; reason: string; lines?: { lineId: string; quantity: number }[] | null; idempotencyKey?: string | null },
  ): Promise<RefundResult> {
    if (!z.string().uuid().safeParse(input.orderId).success) throw new NotFoundError('Order');
    const v = validate(refundSchema, { ...input, lines: input.lines ?? undefined, idempotencyKey: input.idempotencyKey ?? undefined }, 'input');
    const found = await this.orders.findOrder(v.orderId);
    if (!found || !canManageMuseum(actor, found.museumId)) throw new NotFoundError('Order');
    const lines = v.lines ? await this.orders.linesOf([found.id]) : [];
    const fingerprint = requestFingerprint(v);
    return this.transactions.run(async (tx) => {
      const payment = await this.payments.lockForCheckout(tx, found.checkoutId);
      const order = await this.orderWrites.lockOrder(tx, found.id);
      if (!order) throw new NotFoundError('Order');
      if (v.idempotencyKey) {
        const earlier = await this.orderWrites.findRefundRequest(tx, order.id, v.idempotencyKey);
        if (earlier && earlier.fingerprint !== fingerprint) {
          throw new OrdersError(OrdersErrorCode.IDEMPOTENCY_KEY_REUSED, 'This idempotency key was used for a different refund of this order', { field: 'input.idempotencyKey' });
        }
        if (earlier) return { order, refundId: earlier.providerRefundId, refundStatus: earlier.refundStatus, amount: earlier.amountMinor, replayed: true };
      }
      const result = order.status === 'REFUNDED' ? await this.refundAgain(tx, order, payment, v) : await this.refundOpen(tx, order, lines, v);
      if (v.idempotencyKey) {
        await this.orderWrites.recordRefundRequest(tx, { orderId: order.id, idempotencyKey: v.idempotencyKey, fingerprint, providerRefundId: result.refundId, amountMinor: result.amount, refundStatus: result.refundStatus });
      }
      // The refund's reversal in the ledger, in this transaction (the webhook finds it posted).
      await this.settlement.settleCheckout(tx, order.checkoutId);
      return result;
    });
  }

  private async refundOpen(tx: Tx, order: OrderRecord, lines: readonly RefundableLine[], v: RefundInput): Promise<RefundResult> {
    assertTransition(order.status, 'REFUNDED');
    const already = (await this.payments.refundedByOrder(tx, [order.id])).get(order.id) ?? 0;
    const remaining = order.totalMinor - already;
    let amount = remaining;
    let returned: LineRefundPlan['returned'] = [];
    if (v.lines) {
      const plan = planLineRefund(lines, await this.orders.refundedLines(order.id, tx), v.lines, remaining);
      if (plan.problems.length) throw new ValidationError(plan.problems);
      // Customs is inspecting what was declared: the declaration cannot be amended any more, so
      // refunded units would still be released and shipped. Nothing is refunded or written.
      if (order.status === 'HELD' && plan.amountMinor < remaining) {
        throw new OrdersError(OrdersErrorCode.ORDER_HELD_BY_CUSTOMS, 'Customs is inspecting this order: refund the whole order, or these units once customs has decided (they come back as a return)', { field: 'input.lines' });
      }
      ({ amountMinor: amount, returned } = plan);
    }
    const failed = await this.payments.failedRefundsOf(tx, order.id);
    const refund = await this.payments.refund(
      { checkoutId: order.checkoutId, orderId: order.id, amountMinor: amount, reason: v.reason, idempotencyKey: refundKey(order.id, already, v, failed) },
      tx,
    );
    // The returned units give their goods value back to the buyer's yearly quota while the
    // order stays paid (a refund covering the order makes it REFUNDED, which gives back all).
    // Licensed lines' royalties are reversed for the units returned (licensing's accrue-order
    // job, through the outbox of this transaction so it cannot be lost).
    if (countsAsRefunded(refund.status) && returned.length) {
      await this.orderWrites.recordLineRefunds(tx, returned.map((r) => ({ ...r, orderId: order.id, providerRefundId: refund.refundId })));
      await enqueueJob(tx, accrueOrderJob, { orderId: order.id, event: `refund-${refund.refundId}` });
      // Customs may have the order already: its declaration is amended to what is left.
      if (DECLARABLE.includes(order.status)) await enqueueJob(tx, amendCustomsJob, { orderId: order.id, refundId: refund.refundId, refundedAt: new Date().toISOString() });
    }
    return { order, refundId: refund.refundId, refundStatus: refund.status, amount, replayed: false };
  }

  /**
   * A REFUNDED order is refunded again only for what a refund Stripe reported failed or
   * cancelled left unpaid (`refundOutstanding`), in full: the money alone. Its stock, yearly
   * quota, customs declaration and royalties were given back when it turned REFUNDED, so no
   * line refund is recorded and no job is queued; the charge.refunded that follows finds the
   * order already REFUNDED. Anything else on a REFUNDED order is refused as before.
   */
  private async refundAgain(tx: Tx, order: OrderRecord, payment: PaymentRecord | null, v: RefundInput): Promise<RefundResult> {
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
      { checkoutId: order.checkoutId, orderId: order.id, amountMinor: amount, reason: v.reason, idempotencyKey: refundKey(order.id, already, { ...v, lines: undefined }, failed) },
      tx,
    );
    return { order, refundId: refund.refundId, refundStatus: refund.status, amount, replayed: false };
  }
}

/** What makes two requests under one idempotency key the same request: reason and lines. */
function requestFingerprint(v: RefundInput): string {
  return createHash('sha256').update(JSON.stringify({ reason: v.reason, lines: v.lines ? canonicalLines(v.lines) : null })).digest('hex');
}

/**
 * Stripe's idempotency key. With the caller's key: derived from it, so a request retried after
 * its transaction failed (Stripe may have refunded already) gets the same Stripe refund, even
 * if other refunds of the order went through meanwhile. Without one, the key tells a retried
 * request from a new refund by the state it started from: same order, same amount already
 * refunded, same failed refunds, same lines → Stripe answers the refund it already made;
 * a refund Stripe reported failed is re-issued as a new one (`-f<failed>`).
 */
function refundKey(orderId: string, already: number, v: { lines?: readonly { lineId: string; quantity: number }[]; idempotencyKey?: string }, failed: number): string {
  if (v.idempotencyKey) return `vitrine-refund-order-${orderId}-k-${createHash('sha256').update(v.idempotencyKey).digest('hex').slice(0, 32)}`;
  const lines = v.lines;
  const detail = already || lines ? `-${already}-${digest(lines ?? [])}` : '';
  const retry = failed ? `-f${failed}` : '';
  return `vitrine-refund-order-${orderId}${detail}${retry}`;
}

function canonicalLines(lines: readonly { lineId: string; quantity: number }[]): string[] {
  return [...lines].sort((a, b) => a.lineId.localeCompare(b.lineId)).map((l) => `${l.lineId}:${l.quantity}`);
}

function digest(lines: readonly { lineId: string; quantity: number }[]): string {
  return createHash('sha256').update(canonicalLines(lines).join(',')).digest('hex').slice(0, 16);
}
