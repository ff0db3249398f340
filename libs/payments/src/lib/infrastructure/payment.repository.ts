import { Injectable } from '@nestjs/common';
import { Prisma, PrismaService, type PaymentStatus, type SqlTx, type Tx } from '@vitrine/shared/data-access';

export interface PaymentRecord {
  id: string;
  checkoutId: string;
  providerPaymentId: string;
  clientSecret: string;
  amountMinor: number;
  currency: string;
  status: PaymentStatus;
  amountRefundedMinor: number;
  /** How the intent was paid: the wallet placeOrder confirmed it with (alipay, wechat_pay), replaced on success by Stripe's confirmed type (card, alipay, wechat_pay); null before. */
  walletMethod: string | null;
}

/** The last declined attempt of a payment still awaiting one. */
export interface PaymentFailureRecord {
  checkoutId: string;
  failedAttempts: number;
  lastFailureCode: string | null;
  lastDeclineCode: string | null;
  lastFailedAt: Date;
}

export interface RefundRecord {
  id: string;
  paymentId: string;
  providerRefundId: string;
  amountMinor: number;
  currency: string;
  status: string;
  orderId: string | null;
  reason: string | null;
  createdAt: Date;
}

export interface DisputeRecord {
  id: string;
  paymentId: string;
  providerDisputeId: string;
  amountMinor: number;
  currency: string;
  reason: string;
  status: string;
  evidenceDueBy: Date | null;
  evidenceSubmittedAt: Date | null;
  lostAmountMinor: number;
  closedAt: Date | null;
  createdAt: Date;
}

const disputeSelect = {
  id: true,
  paymentId: true,
  providerDisputeId: true,
  amountMinor: true,
  currency: true,
  reason: true,
  status: true,
  evidenceDueBy: true,
  evidenceSubmittedAt: true,
  lostAmountMinor: true,
  closedAt: true,
  createdAt: true,
} as const;

const paymentSelect = {
  id: true,
  checkoutId: true,
  providerPaymentId: true,
  clientSecret: true,
  amountMinor: true,
  currency: true,
  status: true,
  amountRefundedMinor: true,
  walletMethod: true,
} as const;

const paymentColumns = Prisma.raw(
  'id, checkout_id AS "checkoutId", provider_payment_id AS "providerPaymentId", client_secret AS "clientSecret", amount_minor AS "amountMinor", currency, status, amount_refunded_minor AS "amountRefundedMinor", wallet_method AS "walletMethod"',
);

@Injectable()
export class PaymentRepository {
  constructor(private readonly prisma: PrismaService) {}

  findByCheckout(checkoutId: string): Promise<PaymentRecord | null> {
    return this.prisma.payment.findUnique({ where: { checkoutId }, select: paymentSelect });
  }

  /** The wallet the shopper confirms the intent with (the latest attempt's). */
  async recordWalletMethod(providerPaymentId: string, method: string): Promise<void> {
    await this.prisma.sql.$executeRaw`UPDATE payments SET wallet_method = ${method} WHERE provider_payment_id = ${providerPaymentId}`;
  }

  /** The method Stripe confirmed the payment with, in the caller's transaction (the payment is locked). */
  async setWalletMethod(tx: Tx, paymentId: string, method: string): Promise<void> {
    await tx.payment.update({ where: { id: paymentId }, data: { walletMethod: method } });
  }

  findByCheckouts(checkoutIds: readonly string[]): Promise<PaymentRecord[]> {
    return this.prisma.sql.$queryRaw<PaymentRecord[]>`
      SELECT id, checkout_id AS "checkoutId", provider_payment_id AS "providerPaymentId", client_secret AS "clientSecret",
             amount_minor AS "amountMinor", currency, status, amount_refunded_minor AS "amountRefundedMinor", wallet_method AS "walletMethod"
      FROM payments WHERE checkout_id = ANY(${[...checkoutIds]}::uuid[])`;
  }

  /** Locks the payment row for the rest of the caller's transaction. */
  async findByProviderIdForUpdate(tx: SqlTx, providerPaymentId: string): Promise<PaymentRecord | null> {
    const rows = await tx.$queryRaw<PaymentRecord[]>`
      SELECT id, checkout_id AS "checkoutId", provider_payment_id AS "providerPaymentId", client_secret AS "clientSecret",
             amount_minor AS "amountMinor", currency, status, amount_refunded_minor AS "amountRefundedMinor", wallet_method AS "walletMethod"
      FROM payments WHERE provider_payment_id = ${providerPaymentId} FOR UPDATE`;
    return rows[0] ?? null;
  }

  /** The checkout's payment, locked for the rest of the caller's transaction (refunds of its orders queue here). */
  async findByCheckoutForUpdate(tx: SqlTx, checkoutId: string): Promise<PaymentRecord | null> {
    const rows = await tx.$queryRaw<PaymentRecord[]>`
      SELECT id, checkout_id AS "checkoutId", provider_payment_id AS "providerPaymentId", client_secret AS "clientSecret",
             amount_minor AS "amountMinor", currency, status, amount_refunded_minor AS "amountRefundedMinor", wallet_method AS "walletMethod"
      FROM payments WHERE checkout_id = ${checkoutId}::uuid FOR UPDATE`;
    return rows[0] ?? null;
  }

  /** First writer wins; a concurrent duplicate finds the existing row. */
  async insertIfAbsent(data: { checkoutId: string; providerPaymentId: string; clientSecret: string; amountMinor: number; currency: string }): Promise<PaymentRecord> {
    // On every checkout: straight to node-postgres (PrismaService.sql).
    const rows = await this.prisma.sql.$queryRaw<PaymentRecord[]>`
      INSERT INTO payments (id, checkout_id, provider_payment_id, client_secret, amount_minor, currency)
      VALUES (gen_random_uuid(), ${data.checkoutId}::uuid, ${data.providerPaymentId}, ${data.clientSecret}, ${data.amountMinor}, ${data.currency})
      ON CONFLICT DO NOTHING
      RETURNING ${paymentColumns}`;
    return rows[0] ?? this.prisma.payment.findUniqueOrThrow({ where: { checkoutId: data.checkoutId }, select: paymentSelect });
  }

  /**
   * The same, written only if `onlyIf` (a boolean SQL expression from the caller, e.g. "the
   * checkout still exists", which may lock what it reads) holds, in the same statement; null
   * when it does not (nothing written).
   */
  async insertIfAbsentOnlyIf(
    data: { checkoutId: string; providerPaymentId: string; clientSecret: string; amountMinor: number; currency: string },
    onlyIf: Prisma.Sql,
  ): Promise<PaymentRecord | null> {
    const rows = await this.prisma.sql.$queryRaw<(Partial<PaymentRecord> & { recordable: boolean })[]>`
      WITH ok AS MATERIALIZED (SELECT ${onlyIf} AS recordable),
      ins AS (
        INSERT INTO payments (id, checkout_id, provider_payment_id, client_secret, amount_minor, currency)
        SELECT gen_random_uuid(), ${data.checkoutId}::uuid, ${data.providerPaymentId}::text, ${data.clientSecret}::text, ${data.amountMinor}::int, ${data.currency}::text
        FROM ok WHERE ok.recordable
        ON CONFLICT DO NOTHING
        RETURNING ${paymentColumns}
      )
      SELECT ins.*, ok.recordable FROM ok LEFT JOIN ins ON true`;
    const row = rows[0];
    if (!row?.recordable) return null;
    if (row.id) {
      const { recordable: _r, ...payment } = row;
      return payment as PaymentRecord;
    }
    return this.prisma.payment.findUniqueOrThrow({ where: { checkoutId: data.checkoutId }, select: paymentSelect });
  }

  /** True the first time this event id is seen; later (or concurrent) deliveries get false. */
  /** Whether this event was already applied (a redelivery); read outside any transaction. */
  async eventProcessed(eventId: string): Promise<boolean> {
    return (await this.prisma.processedPaymentEvent.count({ where: { eventId } })) > 0;
  }

  async claimEvent(tx: SqlTx, eventId: string, type: string, providerPaymentId: string | null): Promise<boolean> {
    const inserted = await tx.$executeRaw`
      INSERT INTO processed_payment_events (event_id, type, provider_payment_id) VALUES (${eventId}, ${type}, ${providerPaymentId})
      ON CONFLICT (event_id) DO NOTHING`;
    return inserted === 1;
  }

  async setStatus(tx: SqlTx, id: string, status: PaymentStatus, unlessIn: readonly PaymentStatus[]): Promise<boolean> {
    const updated = await tx.$executeRaw`
      UPDATE payments SET status = ${status}::"PaymentStatus", updated_at = now()
      WHERE id = ${id}::uuid AND NOT (status::text = ANY(${[...unlessIn]}::text[]))`;
    return updated === 1;
  }

  /**
   * Stripe reports the cumulative refunded amount; keeping the maximum makes late events
   * harmless. Once a refund of the payment has failed, a late report may still count it, so
   * the amount is then capped by the refunds that count (succeeded or pending).
   */
  async raiseRefunded(tx: SqlTx, id: string, cumulativeMinor: number): Promise<number> {
    const rows = await tx.$queryRaw<{ amount: number }[]>`
      UPDATE payments p SET amount_refunded_minor = LEAST(
          GREATEST(p.amount_refunded_minor, LEAST(${cumulativeMinor}, p.amount_minor)),
          COALESCE((SELECT CASE WHEN bool_or(r.status IN ('failed', 'canceled'))
                                THEN COALESCE(SUM(r.amount_minor) FILTER (WHERE r.status IN ('succeeded', 'pending')), 0) END
                      FROM payment_refunds r WHERE r.payment_id = p.id), p.amount_minor)),
        updated_at = now()
      WHERE p.id = ${id}::uuid RETURNING amount_refunded_minor AS amount`;
    return rows[0]!.amount;
  }

  /**
   * Records a refund as Stripe reports it and answers the status kept. A failed or cancelled
   * refund stays so: a stale report (or a replayed creation answer) never makes it count again.
   */
  async upsertRefund(tx: SqlTx, data: { paymentId: string; providerRefundId: string; amountMinor: number; currency: string; status: string; orderId: string | null; reason: string | null }): Promise<string> {
    const rows = await tx.$queryRaw<{ status: string }[]>`
      INSERT INTO payment_refunds (id, payment_id, provider_refund_id, amount_minor, currency, status, order_id, reason)
      VALUES (gen_random_uuid(), ${data.paymentId}::uuid, ${data.providerRefundId}, ${data.amountMinor}, ${data.currency}, ${data.status}, ${data.orderId}::uuid, ${data.reason})
      ON CONFLICT (provider_refund_id) DO UPDATE SET
        status = CASE WHEN payment_refunds.status IN ('failed', 'canceled') THEN payment_refunds.status ELSE EXCLUDED.status END,
        order_id = COALESCE(EXCLUDED.order_id, payment_refunds.order_id),
        updated_at = now()
      RETURNING status`;
    return rows[0]!.status;
  }

  /**
   * Stripe reports a refund failed or cancelled: the row turns so (created if Stripe's report
   * comes first) and answers what it was before, or null when it was already failed or
   * cancelled (nothing to take back). Under the payment's lock, so once only.
   */
  async failRefund(
    tx: SqlTx,
    data: { paymentId: string; providerRefundId: string; amountMinor: number; currency: string; status: string; orderId: string | null },
  ): Promise<{ orderId: string | null; amountMinor: number; previousStatus: string | null } | null> {
    const before = await tx.$queryRaw<{ status: string; orderId: string | null; amountMinor: number }[]>`
      SELECT status, order_id::text AS "orderId", amount_minor AS "amountMinor" FROM payment_refunds WHERE provider_refund_id = ${data.providerRefundId} FOR UPDATE`;
    const row = before[0];
    if (row && (row.status === 'failed' || row.status === 'canceled')) return null;
    await this.upsertRefund(tx, { ...data, reason: null });
    return { orderId: row?.orderId ?? data.orderId, amountMinor: row?.amountMinor ?? data.amountMinor, previousStatus: row?.status ?? null };
  }

  async upsertRefundOutsideTx(paymentId: string, refund: { id: string; status: string; amountMinor: number; currency: string }, orderId: string | null, reason: string): Promise<string> {
    return this.upsertRefund(this.prisma, { paymentId, providerRefundId: refund.id, amountMinor: refund.amountMinor, currency: refund.currency, status: refund.status, orderId, reason });
  }

  /** A declined attempt on a payment not yet paid nor cancelled; false otherwise. */
  async recordFailedAttempt(tx: SqlTx, id: string, data: { failureCode: string | null; declineCode: string | null; at: Date }): Promise<boolean> {
    const updated = await tx.$executeRaw`
      UPDATE payments SET failed_attempts = failed_attempts + 1, last_failure_code = ${data.failureCode}, last_decline_code = ${data.declineCode},
        last_failed_at = ${data.at}, updated_at = now()
      WHERE id = ${id}::uuid AND status::text NOT IN ('SUCCEEDED', 'CANCELED')`;
    return updated === 1;
  }

  async failuresOfCheckouts(checkoutIds: readonly string[]): Promise<PaymentFailureRecord[]> {
    const rows = await this.prisma.payment.findMany({
      where: { checkoutId: { in: [...checkoutIds] }, failedAttempts: { gt: 0 } },
      select: { checkoutId: true, failedAttempts: true, lastFailureCode: true, lastDeclineCode: true, lastFailedAt: true },
    });
    return rows.filter((r): r is PaymentFailureRecord => r.lastFailedAt !== null);
  }

  /** The dispute row, locked for the caller's transaction (under the payment's lock for webhooks). */
  async findDisputeForUpdate(tx: Tx, providerDisputeId: string): Promise<DisputeRecord | null> {
    const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM payment_disputes WHERE provider_dispute_id = ${providerDisputeId} FOR UPDATE`;
    return rows[0] ? tx.paymentDispute.findUnique({ where: { id: rows[0].id }, select: disputeSelect }) : null;
  }

  async lockDispute(tx: Tx, id: string): Promise<DisputeRecord | null> {
    const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM payment_disputes WHERE id = ${id}::uuid FOR UPDATE`;
    return rows[0] ? tx.paymentDispute.findUnique({ where: { id }, select: disputeSelect }) : null;
  }

  async insertDispute(
    tx: Tx,
    data: { paymentId: string; providerDisputeId: string; amountMinor: number; currency: string; reason: string; status: string; evidenceDueBy: Date | null; lostAmountMinor: number; closedAt: Date | null },
  ): Promise<void> {
    await tx.paymentDispute.createMany({ data: [data], skipDuplicates: true });
  }

  async updateDispute(
    tx: Tx,
    id: string,
    data: { amountMinor: number; reason: string; status: string; evidenceDueBy: Date | null; lostAmountMinor: number; closedAt: Date | null; evidenceSubmittedAt?: Date; evidenceSubmittedBy?: string },
  ): Promise<void> {
    await tx.paymentDispute.update({ where: { id }, data: { ...data, updatedAt: new Date() } });
  }

  findDispute(id: string): Promise<(DisputeRecord & { checkoutId: string }) | null> {
    return this.prisma.paymentDispute
      .findUnique({ where: { id }, select: { ...disputeSelect, payment: { select: { checkoutId: true } } } })
      .then((d) => (d ? (({ payment, ...rest }) => ({ ...rest, checkoutId: payment.checkoutId }))(d) : null));
  }

  /** Disputes by id, at most `limit` after `after`; `open` keeps those not closed. */
  async disputesPage(limit: number, after: string | null, open: boolean, closedStatuses: readonly string[]): Promise<(DisputeRecord & { checkoutId: string })[]> {
    const rows = await this.prisma.paymentDispute.findMany({
      where: { ...(after ? { id: { gt: after } } : {}), ...(open ? { status: { notIn: [...closedStatuses] } } : {}) },
      orderBy: { id: 'asc' },
      take: limit,
      select: { ...disputeSelect, payment: { select: { checkoutId: true } } },
    });
    return rows.map(({ payment, ...d }) => ({ ...d, checkoutId: payment.checkoutId }));
  }

  refundsOfOrders(orderIds: readonly string[]): Promise<RefundRecord[]> {
    return this.prisma.paymentRefund.findMany({
      where: { orderId: { in: [...orderIds] } },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      select: { id: true, paymentId: true, providerRefundId: true, amountMinor: true, currency: true, status: true, orderId: true, reason: true, createdAt: true },
    });
  }

  /**
   * Orders with a refund Stripe reported failed or cancelled, by id, at most `limit` after the
   * order id `after` (keyset pages over the partial index payment_refunds_failed_order_id_idx).
   */
  async orderIdsWithFailedRefunds(limit: number, after: string | null = null): Promise<string[]> {
    const rows = await this.prisma.sql.$queryRaw<{ orderId: string }[]>`
      SELECT DISTINCT order_id AS "orderId" FROM payment_refunds
      WHERE status IN ('failed', 'canceled') AND order_id IS NOT NULL AND (${after}::uuid IS NULL OR order_id > ${after}::uuid)
      ORDER BY order_id LIMIT ${limit}`;
    return rows.map((r) => r.orderId);
  }

  disputesOfCheckouts(checkoutIds: readonly string[]): Promise<(DisputeRecord & { checkoutId: string })[]> {
    return this.prisma.paymentDispute
      .findMany({
        where: { payment: { checkoutId: { in: [...checkoutIds] } } },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        select: { ...disputeSelect, payment: { select: { checkoutId: true } } },
      })
      .then((rows) => rows.map(({ payment, ...d }) => ({ ...d, checkoutId: payment.checkoutId })));
  }

  refundedForOrdersNow(orderIds: readonly string[]): Promise<Map<string, number>> {
    return this.refundedForOrders(this.prisma, orderIds);
  }

  /** Refunds of the order that Stripe reported failed or cancelled. */
  failedRefundsOf(tx: Tx, orderId: string): Promise<number> {
    return tx.paymentRefund.count({ where: { orderId, status: { in: ['failed', 'canceled'] } } });
  }

  /** Succeeded (or pending) refunds per order, as recorded when issued or reported. */
  async refundedForOrders(tx: Tx, orderIds: readonly string[]): Promise<Map<string, number>> {
    if (!orderIds.length) return new Map();
    const rows = await tx.paymentRefund.groupBy({
      by: ['orderId'],
      where: { orderId: { in: [...orderIds] }, status: { in: ['succeeded', 'pending'] } },
      _sum: { amountMinor: true },
    });
    return new Map(rows.filter((r) => r.orderId).map((r) => [r.orderId!, r._sum.amountMinor ?? 0]));
  }
}
