import { Injectable } from '@nestjs/common';
import { PrismaService, type Tx } from '@vitrine/shared/data-access';

/** A text about to be sent: the row, its order's number and recipient phone. */
export interface PendingReturnSms {
  id: string;
  step: string;
  locale: string;
  params: Record<string, string>;
  status: string;
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

/** Guests' return texts (`return_sms`): plain data access, no rules. */
@Injectable()
export class ReturnSmsRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** The text with its order's number and phone, its row locked for the rest of the transaction (one sender at a time). */
  async lockForSend(tx: Tx, id: string, now: Date, waitMs: number): Promise<PendingReturnSms | null> {
    const rows = await tx.$queryRaw<PendingReturnSms[]>`
      SELECT s.id::text AS id, s.step, s.locale, s.params, s.status, o.number AS "orderNo", o.recipient_phone AS phone,
             EXISTS (SELECT 1 FROM return_sms e WHERE e.return_id = s.return_id AND e.status = 'PENDING'
                       AND (e.created_at, e.id) < (s.created_at, s.id) AND e.created_at > ${new Date(now.getTime() - waitMs)}) AS "earlierPending"
      FROM return_sms s JOIN orders o ON o.id = s.order_id
      WHERE s.id = ${id}::uuid FOR UPDATE OF s`;
    return rows[0] ?? null;
  }

  async markSent(tx: Tx, id: string, at: Date, sent: { template: string; messageId: string; requestId: string | null }): Promise<void> {
    await tx.returnSms.update({ where: { id }, data: { status: 'SENT', attempts: { increment: 1 }, template: sent.template, messageId: sent.messageId, requestId: sent.requestId, lastError: null, sentAt: at } });
  }

  /** A try the gateway refused (or did not answer): counted with its error; still PENDING, or `status` (FAILED after the last try, UNDELIVERABLE when none can succeed). */
  async markRefused(tx: Tx, id: string, refused: { template: string | null; error: string; requestId: string | null; status?: 'FAILED' | 'UNDELIVERABLE' }): Promise<void> {
    await tx.returnSms.update({
      where: { id },
      data: { attempts: { increment: 1 }, template: refused.template, requestId: refused.requestId, lastError: refused.error.slice(0, 500), ...(refused.status ? { status: refused.status } : {}) },
    });
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
