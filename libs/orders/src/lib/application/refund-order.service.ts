import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { PaymentsService } from '@vitrine/payments';
import { canManageMuseum, type Actor } from '@vitrine/shared/graphql';
import { NotFoundError, ValidationError, validate } from '@vitrine/shared/kernel';
import { assertTransition } from '../domain/order-state-machine';
import { OrderRepository, type OrderRecord } from '../infrastructure/order.repository';

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
 * stock and the shopper's yearly quota back; a partial refund leaves the order where it is.
 */
@Injectable()
export class RefundOrderService {
  constructor(
    private readonly orders: OrderRepository,
    private readonly payments: PaymentsService,
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
    if (v.lines) {
      const lines = new Map((await this.orders.linesOf([order.id])).map((l) => [l.id, l]));
      const fields: { path: string; message: string }[] = [];
      amount = 0;
      v.lines.forEach((r, i) => {
        const line = lines.get(r.lineId);
        if (!line) fields.push({ path: `input.lines.${i}.lineId`, message: 'is not a line of this order' });
        else if (r.quantity > line.quantity) fields.push({ path: `input.lines.${i}.quantity`, message: `at most ${line.quantity}` });
        else amount += Math.round((line.totalMinor * r.quantity) / line.quantity);
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
    return { order, refundId: refund.refundId, refundStatus: refund.status, amount };
  }
}

function digest(lines: readonly { lineId: string; quantity: number }[]): string {
  const canonical = [...lines].sort((a, b) => a.lineId.localeCompare(b.lineId)).map((l) => `${l.lineId}:${l.quantity}`);
  return createHash('sha256').update(canonical.join(',')).digest('hex').slice(0, 16);
}
