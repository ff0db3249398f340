import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { PaymentsService } from '@vitrine/payments';
import { accrueOrderJob } from '@vitrine/licensing';
import { enqueueJob } from '@vitrine/shared/jobs';
import { canManageMuseum, type Actor } from '@vitrine/shared/graphql';
import { NotFoundError, ValidationError, validate } from '@vitrine/shared/kernel';
import { assertTransition } from '../domain/order-state-machine';
import { countsAsRefunded } from '../domain/refunds';
import { OrderRepository, type OrderRecord } from '../infrastructure/order.repository';
import { TransactionRunner } from '../infrastructure/transaction-runner';

/** Stripe refund statuses that give money back (a failed or cancelled one gives nothing). */

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
    const order = await this.orders.findOrder(v.orderId);
    if (!order || !canManageMuseum(actor, order.museumId)) throw new NotFoundError('Order');
    assertTransition(order.status, 'REFUNDED');
    const already = (await this.payments.refundedOf([order.id])).get(order.id) ?? 0;
    const remaining = order.totalMinor - already;
    let amount = remaining;
    const returned: { orderLineId: string; quantity: number; goodsMinor: number }[] = [];
    if (v.lines) {
      const [lines, refundedUnits] = await Promise.all([this.orders.linesOf([order.id]), this.orders.refundedUnits(order.id)]);
      const byId = new Map(lines.map((l) => [l.id, l]));
      const fields: { path: string; message: string }[] = [];
      amount = 0;
      v.lines.forEach((r, i) => {
        const line = byId.get(r.lineId);
        const before = refundedUnits.get(r.lineId) ?? 0;
        if (!line) fields.push({ path: `input.lines.${i}.lineId`, message: 'is not a line of this order' });
        else if (r.quantity > line.quantity - before) fields.push({ path: `input.lines.${i}.quantity`, message: `at most ${line.quantity - before}` });
        else {
          amount += Math.round((line.totalMinor * r.quantity) / line.quantity);
          // Goods value of these units, taken cumulatively so a line's partial refunds add up to its goods exactly.
          const share = (units: number) => Math.round((line.goodsMinor * units) / line.quantity);
          returned.push({ orderLineId: line.id, quantity: r.quantity, goodsMinor: share(before + r.quantity) - share(before) });
        }
      });
      if (fields.length) throw new ValidationError(fields);
      amount = Math.min(amount, remaining);
    }
    // The key tells a retried request from a new refund: same order, same amount already
    // refunded, same lines → Stripe answers the refund it already made.
    const detail = already || v.lines ? `-${already}-${digest(v.lines ?? [])}` : '';
    const refund = await this.payments.refund({
      checkoutId: order.checkoutId,
      orderId: order.id,
      amountMinor: amount,
      reason: v.reason,
      idempotencyKey: `vitrine-refund-order-${order.id}${detail}`,
    });
    // The returned units give their goods value back to the buyer's yearly quota while the
    // order stays paid (a refund covering the order makes it REFUNDED, which gives back all).
    // Licensed lines' royalties are reversed for the units returned (licensing's accrue-order job,
    // written in the same transaction so it cannot be lost).
    if (countsAsRefunded(refund.status) && returned.length) {
      await this.transactions.run(async (tx) => {
        await this.orders.recordLineRefunds(tx, returned.map((r) => ({ ...r, orderId: order.id, providerRefundId: refund.refundId })));
        await enqueueJob(tx, accrueOrderJob, { orderId: order.id, event: `refund-${refund.refundId}` });
      });
    }
    return { order, refundId: refund.refundId, refundStatus: refund.status, amount };
  }
}

function digest(lines: readonly { lineId: string; quantity: number }[]): string {
  const canonical = [...lines].sort((a, b) => a.lineId.localeCompare(b.lineId)).map((l) => `${l.lineId}:${l.quantity}`);
  return createHash('sha256').update(canonical.join(',')).digest('hex').slice(0, 16);
}
