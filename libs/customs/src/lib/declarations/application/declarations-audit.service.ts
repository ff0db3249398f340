import { Injectable } from '@nestjs/common';
import type { CustomsDocument, CustomsMessageStatus } from '@vitrine/shared/data-access';
import { NotFoundError, managedMuseumScope, type Actor } from '@vitrine/shared/kernel';
import { CustomsMessageRepository, type MessageAuditRow } from '../infrastructure/customs-message.repository';

export interface CustomsMessageView {
  id: string;
  orderId: string;
  museumId: string;
  orderNo: string;
  document: CustomsDocument;
  messageType: string;
  senderCode: string;
  businessNo: string;
  status: CustomsMessageStatus;
  /** A declaration list's numbers from customs' receipt (CEB622); null until given. */
  preNo: string | null;
  invtNo: string | null;
  /** The entry as sent, ID number masked. */
  xml: string;
  attempts: number;
  firstSentAt: Date | null;
  lastSentAt: Date | null;
  lastError: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface CustomsReceiptView {
  id: string;
  messageId: string;
  status: CustomsMessageStatus | null;
  returnStatus: string;
  returnInfo: string;
  returnTime: string;
  receivedAt: Date;
}

export interface CustomsAmendmentView {
  id: string;
  messageId: string;
  status: string;
  /** The entry as sent, ID number masked. */
  xml: string;
  returnInfo: string | null;
  createdAt: Date;
  answeredAt: Date | null;
}

export interface CustomsTransmissionView {
  id: string;
  messageType: string;
  entries: number;
  sentAt: Date;
  finishedAt: Date;
  outcome: string;
  error: string | null;
}

const view = (r: MessageAuditRow): CustomsMessageView => ({
  id: r.id,
  orderId: r.orderId,
  museumId: r.museumId,
  orderNo: r.orderNo,
  document: r.document,
  messageType: r.messageType,
  senderCode: r.senderCode,
  businessNo: r.businessNo,
  status: r.status,
  preNo: r.preNo,
  invtNo: r.invtNo,
  xml: r.xmlMasked,
  attempts: r.attempts,
  firstSentAt: r.firstSentAt,
  lastSentAt: r.lastSentAt,
  lastError: r.lastError,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
});

/** The customs audit trail as managers (their museums only) and operators read it. */
@Injectable()
export class DeclarationsAuditService {
  constructor(private readonly messages: CustomsMessageRepository) {}

  async list(actor: Actor, q: { museumId?: string | null; orderId?: string | null; status?: CustomsMessageStatus | null; take: number; after?: [string, string] | null }) {
    const scope = managedMuseumScope(actor);
    if (q.museumId && scope !== 'ALL' && !scope.includes(q.museumId)) throw new NotFoundError('Museum');
    const museumIds = q.museumId ? [q.museumId] : scope;
    const { rows, total } = await this.messages.list({ museumIds, orderId: q.orderId ?? undefined, status: q.status ?? undefined, take: q.take, after: q.after });
    return { rows: rows.map(view), total };
  }

  /** Every message of one order; the caller has checked the order is the actor's to see. */
  async ofOrder(orderId: string): Promise<CustomsMessageView[]> {
    return (await this.messages.messagesOfOrder(orderId)).map(view);
  }

  /** Amendments of these messages (after partial refunds in customs), oldest first. */
  async amendments(messageIds: readonly string[]): Promise<CustomsAmendmentView[]> {
    if (!messageIds.length) return [];
    return (await this.messages.amendmentsAuditOf(messageIds)).map((a) => ({ id: a.id, messageId: a.messageId, status: a.status, xml: a.xmlMasked, returnInfo: a.returnInfo, createdAt: a.createdAt, answeredAt: a.answeredAt }));
  }

  async receipts(messageIds: readonly string[]): Promise<CustomsReceiptView[]> {
    return (await this.messages.receiptsOf(messageIds)).map((r) => ({
      id: r.id.toString(),
      messageId: r.messageId,
      status: r.status,
      returnStatus: r.returnStatus,
      returnInfo: r.returnInfo,
      returnTime: r.returnTime,
      receivedAt: r.receivedAt,
    }));
  }

  /** The transmissions that carried each message (one per attempt), per message id. */
  async transmissions(messageIds: readonly string[]): Promise<Map<string, CustomsTransmissionView[]>> {
    const rows = await this.messages.transmissionsOf(messageIds);
    const wanted = new Set(messageIds);
    const result = new Map<string, CustomsTransmissionView[]>(messageIds.map((id) => [id, []]));
    for (const t of rows) {
      const v = { id: t.id, messageType: t.messageType, entries: t.messageIds.length, sentAt: t.sentAt, finishedAt: t.finishedAt, outcome: t.outcome, error: t.error };
      for (const id of t.messageIds) if (wanted.has(id)) result.get(id)!.push(v);
    }
    return result;
  }
}
