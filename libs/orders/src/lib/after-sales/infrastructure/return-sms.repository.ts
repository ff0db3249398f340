import { Injectable } from '@nestjs/common';
import { PrismaService, type Tx, type SqlTx } from '@vitrine/shared/data-access';

/** A text about to be sent: the row, its order's number and recipient phone. */
export interface PendingReturnSms {
  id: string;
  step: string;
  locale: string;
  params: Record<string, string>;
  status: string;
  /** When the try in flight (SENDING) was claimed. */
  claimedAt: Date | null;
  orderNo: string;
  phone: string | null;
  /** Whether an earlier text of the same return, written less than `waitMs` before now, is still unsent. */
  earlierPending: boolean;
}

export interface ReturnSmsRecord {
  id: string;
  returnId: string;
  step: string;
  locale: string;
  status: string;
  attempts: number;
  template: string | null;
  messageId: string | null;
  requestId: string | null;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
}

/** A text or a notice sent to the shopper about a return, with the order's phone (texts) and the checkout's language. */
export interface ShopperMessageRecord {
  returnId: string;
  channel: 'SMS' | 'NOTICE';
  step: string;
  locale: string;
  /** SMS: PENDING, SENDING, SENT, FAILED, UNDELIVERABLE. A notice: DELIVERED (in the shopper's notices) or READ. */
  status: string;
  at: Date;
  sentAt: Date | null;
  /** SMS: the order's recipient phone as stored (masked before it leaves the service). */
  phone: string | null;
  template: string | null;
  params: unknown;
  /** A notice still stored as a sentence (before notices were codes); '' otherwise. */
  message: string;
  attempts: number;
  lastError: string | null;
}

/** Guests' return texts (`return_sms`): plain data access, no rules. */
@Injectable()
export class ReturnSmsRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** The text with its order's number and phone, its row locked for the rest of the transaction (one sender at a time). */
  async lockForSend(tx: SqlTx, id: string, now: Date, waitMs: number): Promise<PendingReturnSms | null> {
    const rows = await tx.$queryRaw<PendingReturnSms[]>`
      SELECT s.id::text AS id, s.step, s.locale, s.params, s.status, s.claimed_at AS "claimedAt", o.number AS "orderNo", o.recipient_phone AS phone,
             EXISTS (SELECT 1 FROM return_sms e WHERE e.return_id = s.return_id AND e.status IN ('PENDING', 'SENDING')
                       AND (e.created_at, e.id) < (s.created_at, s.id) AND e.created_at > ${new Date(now.getTime() - waitMs)}) AS "earlierPending"
      FROM return_sms s JOIN orders o ON o.id = s.order_id
      WHERE s.id = ${id}::uuid FOR UPDATE OF s`;
    return rows[0] ?? null;
  }

  /** A try claimed (committed before the gateway is called): SENDING since `at`, counted. */
  async claim(tx: Tx, id: string, at: Date, template: string): Promise<void> {
    await tx.returnSms.update({ where: { id }, data: { status: 'SENDING', claimedAt: at, attempts: { increment: 1 }, template } });
  }

  /** The claimed try's outcome, if that claim is still the row's (a later claim's outcome is its own); false when it was not. */
  async settleClaim(
    id: string,
    claimedAt: Date,
    outcome:
      | { status: 'SENT'; at: Date; messageId: string; requestId: string | null; note?: string }
      | { status: 'PENDING' | 'SENDING' | 'FAILED'; error: string; requestId: string | null; claimedAt?: Date },
  ): Promise<boolean> {
    // A SENDING outcome may put back an earlier claim's time (`claimedAt`): the try that may have sent.
    const data =
      outcome.status === 'SENT'
        ? { status: 'SENT', messageId: outcome.messageId, requestId: outcome.requestId, lastError: outcome.note ?? null, sentAt: outcome.at }
        : { status: outcome.status, requestId: outcome.requestId, lastError: outcome.error.slice(0, 500), ...(outcome.claimedAt ? { claimedAt: outcome.claimedAt } : {}) };
    const { count } = await this.prisma.returnSms.updateMany({ where: { id, status: 'SENDING', claimedAt }, data });
    return count === 1;
  }

  /** A try the gateway refused (or did not answer): counted with its error; still PENDING, or `status` (FAILED after the last try, UNDELIVERABLE when none can succeed). */
  async markRefused(tx: Tx, id: string, refused: { template: string | null; error: string; requestId: string | null; status?: 'FAILED' | 'UNDELIVERABLE' }): Promise<void> {
    await tx.returnSms.update({
      where: { id },
      data: { attempts: { increment: 1 }, template: refused.template, requestId: refused.requestId, lastError: refused.error.slice(0, 500), ...(refused.status ? { status: refused.status } : {}) },
    });
  }

  /**
   * What was sent to the shoppers of these returns, texts and notices, oldest first: one statement
   * for any number of returns (the console's list and page load them through one DataLoader).
   */
  async sentToShoppers(returnIds: readonly string[]): Promise<ShopperMessageRecord[]> {
    if (!returnIds.length) return [];
    return this.prisma.$queryRaw<ShopperMessageRecord[]>`
      SELECT m.* FROM (
        SELECT s.return_id::text AS "returnId", 'SMS' AS channel, s.step, s.locale, s.status, s.created_at AS at, s.sent_at AS "sentAt",
               o.recipient_phone AS phone, s.template, s.params, '' AS message, s.attempts, s.last_error AS "lastError", s.id::text AS k
        FROM return_sms s JOIN orders o ON o.id = s.order_id
        WHERE s.return_id = ANY(${[...returnIds]}::uuid[])
        UNION ALL
        SELECT n.return_id::text, 'NOTICE', n.kind, c.locale, CASE WHEN n.read_at IS NULL THEN 'DELIVERED' ELSE 'READ' END, n.created_at, n.created_at,
               NULL, NULL, n.params, n.message, 1, NULL, n.id::text
        FROM shopper_notices n JOIN orders o ON o.id = n.order_id JOIN checkouts c ON c.id = o.checkout_id
        WHERE n.return_id = ANY(${[...returnIds]}::uuid[])
      ) m
      ORDER BY m.at, m.channel, m.k`;
  }

  ofReturns(returnIds: readonly string[]): Promise<ReturnSmsRecord[]> {
    if (!returnIds.length) return Promise.resolve([]);
    return this.prisma.returnSms.findMany({
      where: { returnId: { in: [...returnIds] } },
      select: { id: true, returnId: true, step: true, locale: true, status: true, attempts: true, template: true, messageId: true, requestId: true, lastError: true, createdAt: true, sentAt: true },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    });
  }
}
