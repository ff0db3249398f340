import { Injectable } from '@nestjs/common';
import { PrismaService, type CustomsDocument, type CustomsMessageStatus, type Prisma, type SqlTx } from '@vitrine/shared/data-access';
import { recordPiiAccess, type PiiAccess } from '../../infrastructure/pii-access-audit';
import type { PaymentDeclarationAnswer, PaymentDeclarationRequest } from '../domain/payment-declaration';

export interface MessageRow {
  id: string;
  orderId: string;
  museumId: string;
  orderNo: string;
  document: CustomsDocument;
  status: CustomsMessageStatus;
  businessNo: string;
  createdAt: Date;
  lastSentAt: Date | null;
  lastError: string | null;
  /** A declaration list's numbers from customs' receipts (CEB622), once given. */
  preNo?: string | null;
  invtNo?: string | null;
}

export interface NewMessage {
  id: string;
  orderId: string;
  museumId: string;
  orderNo: string;
  document: CustomsDocument;
  messageType: string;
  senderCode: string;
  businessNo: string;
  xmlMasked: string;
  createdAt: Date;
}

/** The payment company's side of a payment document: our request (ID masked). */
export interface NewPaymentDeclaration {
  messageId: string;
  provider: string;
  request: PaymentDeclarationRequest;
  requestMasked: string;
}

export interface SealedIdentity {
  id: string;
  idHash: string;
  /** Null once destroyed (retention); never for an identity a live order uses. */
  idCiphertext: string | null;
  idMasked: string;
}

export interface ReceiptRow {
  messageId: string;
  receiptKey: string;
  status: CustomsMessageStatus | null;
  returnStatus: string;
  returnInfo: string;
  returnTime: string;
}

export interface Transition {
  id: string;
  from: CustomsMessageStatus;
  to: CustomsMessageStatus;
}

export interface TransmissionRow {
  id: string;
  messageType: string;
  messageIds: string[];
  sentAt: Date;
  finishedAt: Date;
  outcome: string;
  error: string | null;
}

/** One exchange with customs: the transmission and what its answer says. */
export interface Exchange {
  transmission: TransmissionRow;
  receipts: ReceiptRow[];
  transitions: Transition[];
  /** An exchange with the payment company: the request as sent (masked) and its answer. */
  payment?: { messageId: string; requestMasked: string; answer: PaymentDeclarationAnswer };
}

/** An amendment (appType 2) of one document: the content it declares (digest, then `.`generation) and what came of it. */
export interface AmendmentRow {
  id: string;
  messageId: string;
  digest: string;
  status: 'PENDING' | 'ACCEPTED' | 'REJECTED';
  returnInfo: string | null;
  createdAt: Date;
}

export interface MessageAuditRow extends MessageRow {
  preNo: string | null;
  invtNo: string | null;
  messageType: string;
  senderCode: string;
  xmlMasked: string;
  attempts: number;
  firstSentAt: Date | null;
  lastSentAt: Date | null;
  updatedAt: Date;
}

const messageSelect = {
  id: true,
  orderId: true,
  museumId: true,
  orderNo: true,
  document: true,
  status: true,
  businessNo: true,
  createdAt: true,
  lastError: true,
} as const satisfies Prisma.CustomsMessageSelect;

const auditSelect = { ...messageSelect, messageType: true, senderCode: true, xmlMasked: true, attempts: true, firstSentAt: true, lastSentAt: true, updatedAt: true, preNo: true, invtNo: true } as const;

/** Data access for the customs audit trail: messages, receipts, transmissions. No rules here. */
@Injectable()
export class CustomsMessageRepository {
  constructor(private readonly prisma: PrismaService) {}

  messagesOf(orderIds: readonly string[]): Promise<MessageRow[]> {
    if (!orderIds.length) return Promise.resolve([]);
    return this.prisma.sql.$queryRaw`
      SELECT id, order_id AS "orderId", museum_id AS "museumId", order_no AS "orderNo", document, status, business_no AS "businessNo",
        created_at AS "createdAt", last_sent_at AS "lastSentAt", last_error AS "lastError", pre_no AS "preNo", invt_no AS "invtNo"
      FROM customs_messages WHERE order_id = ANY(${[...orderIds]}::uuid[]) AND document <> 'RETURN'`;
  }

  /** The amendments of these messages, oldest first. */
  amendmentsOf(messageIds: readonly string[]): Promise<AmendmentRow[]> {
    if (!messageIds.length) return Promise.resolve([]);
    return this.prisma.sql.$queryRaw`
      SELECT id, message_id AS "messageId", digest, status, return_info AS "returnInfo", created_at AS "createdAt"
      FROM customs_amendments WHERE message_id = ANY(${[...messageIds]}::uuid[]) ORDER BY created_at, digest`;
  }

  /** The amendments of these messages as the audit trail shows them, oldest first. */
  amendmentsAuditOf(messageIds: readonly string[]) {
    return this.prisma.customsAmendment.findMany({
      where: { messageId: { in: [...messageIds] } },
      orderBy: [{ createdAt: 'asc' }, { digest: 'asc' }],
      select: { id: true, messageId: true, status: true, xmlMasked: true, returnInfo: true, createdAt: true, answeredAt: true },
    });
  }

  /** Inserts the amendments not there yet (one per message, content and generation: a retry finds the first). */
  async insertAmendments(rows: readonly { id: string; messageId: string; digest: string; xmlMasked: string; createdAt: Date }[]): Promise<void> {
    if (!rows.length) return;
    await this.prisma.sql.$executeRaw`
      INSERT INTO customs_amendments (id, message_id, digest, xml_masked, created_at)
      SELECT * FROM unnest(${rows.map((r) => r.id)}::uuid[], ${rows.map((r) => r.messageId)}::uuid[], ${rows.map((r) => r.digest)}::text[],
        ${rows.map((r) => r.xmlMasked)}::text[], ${rows.map((r) => r.createdAt)}::timestamptz[])
      ON CONFLICT DO NOTHING`;
  }

  /** Records what customs (or the payment company) answered to pending amendments; a decided one stays as it is. */
  async answerAmendments(answers: readonly { id: string; status: 'ACCEPTED' | 'REJECTED'; returnInfo: string }[]): Promise<void> {
    if (!answers.length) return;
    await this.prisma.sql.$executeRaw`
      UPDATE customs_amendments AS a SET status = u.status, return_info = u.info, answered_at = now()
      FROM unnest(${answers.map((a) => a.id)}::uuid[], ${answers.map((a) => a.status)}::text[], ${answers.map((a) => a.returnInfo)}::text[]) AS u(id, status, info)
      WHERE a.id = u.id AND a.status = 'PENDING'`;
  }

  /** The declaration of one return (CEB625), if created. */
  async returnMessage(orderId: string, returnId: string): Promise<MessageRow | null> {
    const rows = await this.prisma.sql.$queryRaw<MessageRow[]>`
      SELECT id, order_id AS "orderId", museum_id AS "museumId", order_no AS "orderNo", document, status, business_no AS "businessNo",
        created_at AS "createdAt", last_sent_at AS "lastSentAt", last_error AS "lastError"
      FROM customs_messages WHERE order_id = ${orderId}::uuid AND document = 'RETURN' AND subject = ${returnId}`;
    return rows[0] ?? null;
  }

  /** Inserts a return's declaration unless there is one (one per return); returns whether it inserted it. */
  async insertReturnMessage(row: NewMessage & { subject: string }): Promise<boolean> {
    const n = await this.prisma.sql.$executeRaw`
      INSERT INTO customs_messages (id, order_id, museum_id, order_no, document, subject, message_type, sender_code, business_no, xml_masked, created_at, updated_at)
      VALUES (${row.id}::uuid, ${row.orderId}::uuid, ${row.museumId}::uuid, ${row.orderNo}, 'RETURN', ${row.subject}, ${row.messageType}, ${row.senderCode}, ${row.businessNo}, ${row.xmlMasked}, ${row.createdAt}, ${row.createdAt})
      ON CONFLICT DO NOTHING`;
    return n > 0;
  }

  /** Inserts the messages not there yet (and the payment company's side of payment documents); returns the ids it inserted. */
  async insertMessages(rows: readonly NewMessage[], payments: readonly NewPaymentDeclaration[] = []): Promise<string[]> {
    if (!rows.length) return [];
    return this.prisma.sqlTransaction(async (tx) => {
      const ids = await this.insertMessageRows(tx, rows);
      const fresh = new Set(ids);
      const mine = payments.filter((p) => fresh.has(p.messageId));
      if (mine.length) {
        await tx.$executeRaw`
          INSERT INTO customs_payment_declarations (message_id, provider, out_request_no, trade_no, merchant_customs_code, customs_place, amount_minor, request_masked)
          SELECT * FROM unnest(${mine.map((p) => p.messageId)}::uuid[], ${mine.map((p) => p.provider)}::text[], ${mine.map((p) => p.request.outRequestNo)}::text[],
            ${mine.map((p) => p.request.tradeNo)}::text[], ${mine.map((p) => p.request.merchantCustomsCode)}::text[], ${mine.map((p) => p.request.customsPlace)}::text[],
            ${mine.map((p) => p.request.amountMinor)}::int[], ${mine.map((p) => p.requestMasked)}::text[])
          ON CONFLICT DO NOTHING`;
      }
      return ids;
    });
  }

  private async insertMessageRows(tx: SqlTx, rows: readonly NewMessage[]): Promise<string[]> {
    const inserted = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO customs_messages (id, order_id, museum_id, order_no, document, message_type, sender_code, business_no, xml_masked, created_at, updated_at)
      SELECT id, o, mu, no, d::"CustomsDocument", mt, sc, b, x, c, c
      FROM unnest(${rows.map((r) => r.id)}::uuid[], ${rows.map((r) => r.orderId)}::uuid[], ${rows.map((r) => r.museumId)}::uuid[], ${rows.map((r) => r.orderNo)}::text[],
        ${rows.map((r) => r.document)}::text[], ${rows.map((r) => r.messageType)}::text[], ${rows.map((r) => r.senderCode)}::text[], ${rows.map((r) => r.businessNo)}::text[],
        ${rows.map((r) => r.xmlMasked)}::text[], ${rows.map((r) => r.createdAt)}::timestamptz[]) AS v(id, o, mu, no, d, mt, sc, b, x, c)
      ON CONFLICT DO NOTHING
      RETURNING id`;
    return inserted.map((r) => r.id);
  }

  /** The sealed resident ID numbers of these identities (decrypted by the caller, never stored elsewhere). */
  sealedIdentities(identityIds: readonly string[]): Promise<SealedIdentity[]> {
    return this.prisma.sql.$queryRaw`
      SELECT id, id_hash AS "idHash", id_ciphertext AS "idCiphertext", id_masked AS "idMasked" FROM customs_identities WHERE id = ANY(${[...identityIds]}::uuid[])`;
  }

  /** The audit rows of the decryptions about to happen (pii_access_audit, append-only). */
  auditReveals(access: PiiAccess, entries: readonly { identityId: string; orderIds: readonly string[] }[]): Promise<void> {
    return recordPiiAccess(this.prisma.sql, access, entries);
  }

  /**
   * Exchanges with customs, in one transaction: the transmissions, the attempt on each
   * message, the receipts and what they changed (returned: the messages moved).
   *
   * A message's attempt and the move its receipt asks for are one UPDATE, so one new row
   * version per message and exchange (PostgreSQL copies the whole row on every update). The
   * move happens only if the message is still where the receipt found it; a message counts as
   * moved when it ends in the state the receipt asked for (whoever put it there: the outcome
   * is the same).
   */
  recordExchanges(exchanges: readonly Exchange[]): Promise<{ id: string; orderId: string; status: CustomsMessageStatus }[]> {
    const ts = exchanges.map((x) => x.transmission);
    const moves = new Map<string, Transition>();
    const strays: Transition[] = [];
    for (const t of exchanges.flatMap((x) => x.transitions)) {
      if (moves.has(t.id)) strays.push(t);
      else moves.set(t.id, t);
    }
    const attempts = ts.flatMap((t) => t.messageIds.map((id) => ({ id, sentAt: t.sentAt, error: t.error, move: moves.get(id) })));
    const attempted = new Set(attempts.map((a) => a.id));
    for (const t of moves.values()) if (!attempted.has(t.id)) strays.push(t);
    const touched = [...new Set([...attempted, ...strays.map((t) => t.id)])];
    return this.prisma.sqlTransaction(async (tx) => {
      // Locked in id order first, as every settling step locks an order's documents (lockDocuments,
      // lockedStates): an UPDATE … FROM unnest locks its rows in no set order, and a receipts page
      // settling the same orders meanwhile (customs may clear a list before its acknowledgement is
      // recorded) deadlocked with it, failing the whole batch (bench:pipeline, under load).
      if (touched.length) await tx.$executeRaw`SELECT 1 FROM customs_messages WHERE id = ANY(${touched}::uuid[]) ORDER BY id FOR UPDATE`;
      await tx.$executeRaw`
        INSERT INTO customs_transmissions (id, message_type, message_ids, sent_at, finished_at, outcome, error)
        SELECT t.id, t.message_type, t.message_ids, t.sent_at, t.finished_at, t.outcome, t.error
        FROM json_populate_recordset(NULL::customs_transmissions, ${JSON.stringify(ts.map(transmissionJson))}::json) t`;
      const updated = attempts.length
        ? await tx.$queryRaw<{ id: string; orderId: string; status: CustomsMessageStatus; wanted: string | null }[]>`
            UPDATE customs_messages AS m SET attempts = attempts + 1, first_sent_at = coalesce(first_sent_at, u.at), last_sent_at = u.at, last_error = u.error,
              status = CASE WHEN m.status::text = u.prev THEN u.next::"CustomsMessageStatus" ELSE m.status END, updated_at = now()
            FROM unnest(${attempts.map((a) => a.id)}::uuid[], ${attempts.map((a) => a.sentAt)}::timestamptz[], ${attempts.map((a) => a.error)}::text[],
              ${attempts.map((a) => a.move?.from ?? null)}::text[], ${attempts.map((a) => a.move?.to ?? null)}::text[]) AS u(id, at, error, prev, next)
            WHERE m.id = u.id
            RETURNING m.id, m.order_id AS "orderId", m.status, u.next AS wanted`
        : [];
      await this.insertReceipts(tx, exchanges.flatMap((x) => x.receipts));
      const answers = exchanges.flatMap((x) => (x.payment ? [x.payment] : []));
      if (answers.length) {
        await tx.$executeRaw`
          UPDATE customs_payment_declarations AS p SET request_masked = u.req, answer_raw = u.raw, result_code = u.code, declare_no = u.no,
            payer_name_verified = u.payer, identity_match = u.matched, answered_at = now()
          FROM unnest(${answers.map((a) => a.messageId)}::uuid[], ${answers.map((a) => a.requestMasked)}::text[], ${answers.map((a) => a.answer.raw)}::text[],
            ${answers.map((a) => a.answer.resultCode)}::text[], ${answers.map((a) => a.answer.declareNo)}::text[], ${answers.map((a) => a.answer.payerName)}::text[],
            ${answers.map((a) => a.answer.identityMatch)}::boolean[]) AS u(id, req, raw, code, no, payer, matched)
          WHERE p.message_id = u.id`;
      }
      const moved = updated.filter((r) => r.wanted !== null && r.status === r.wanted).map(({ id, orderId, status }) => ({ id, orderId, status }));
      return [...moved, ...(await this.applyTransitions(tx, strays))];
    });
  }

  /** Stores receipts not seen before and returns their keys (a receipt read twice is stored once). */
  async insertReceipts(tx: SqlTx, receipts: readonly ReceiptRow[]): Promise<Set<string>> {
    if (!receipts.length) return new Set();
    const rows = await tx.$queryRaw<{ key: string }[]>`
      INSERT INTO customs_receipts (message_id, receipt_key, status, return_status, return_info, return_time)
      SELECT * FROM unnest(${receipts.map((r) => r.messageId)}::uuid[], ${receipts.map((r) => r.receiptKey)}::text[],
        ${receipts.map((r) => r.status)}::text[]::"CustomsMessageStatus"[], ${receipts.map((r) => r.returnStatus)}::text[],
        ${receipts.map((r) => r.returnInfo)}::text[], ${receipts.map((r) => r.returnTime)}::text[])
      ON CONFLICT (receipt_key) DO NOTHING
      RETURNING receipt_key AS key`;
    return new Set(rows.map((r) => r.key));
  }

  /** Keeps the numbers customs gave a declaration list (the first given stays: a receipt read again changes nothing). */
  async recordListNumbers(tx: SqlTx, numbers: readonly { id: string; preNo: string | null; invtNo: string | null }[]): Promise<void> {
    if (!numbers.length) return;
    await tx.$executeRaw`
      UPDATE customs_messages AS m SET pre_no = coalesce(m.pre_no, u.pre), invt_no = coalesce(m.invt_no, u.invt), updated_at = now()
      FROM unnest(${numbers.map((n) => n.id)}::uuid[], ${numbers.map((n) => n.preNo)}::text[], ${numbers.map((n) => n.invtNo)}::text[]) AS u(id, pre, invt)
      WHERE m.id = u.id AND (m.pre_no IS NULL AND u.pre IS NOT NULL OR m.invt_no IS NULL AND u.invt IS NOT NULL)`;
  }

  /** Moves each message only if it is still in `from` (a concurrent or repeated receipt moves nothing); returns the ones moved. */
  async applyTransitions(tx: SqlTx, transitions: readonly Transition[]): Promise<{ id: string; orderId: string; status: CustomsMessageStatus }[]> {
    if (!transitions.length) return [];
    return tx.$queryRaw`
      UPDATE customs_messages AS m SET status = u.next::"CustomsMessageStatus", updated_at = now()
      FROM unnest(${transitions.map((t) => t.id)}::uuid[], ${transitions.map((t) => t.from)}::text[], ${transitions.map((t) => t.to)}::text[]) AS u(id, prev, next)
      WHERE m.id = u.id AND m.status::text = u.prev
      RETURNING m.id, m.order_id AS "orderId", m.status`;
  }

  /**
   * The declaration lists (CEB621) customs knows by these order numbers. Every document of those orders
   * is locked (in id order, as `lockedStates` does) for the clearance being applied.
   */
  async orderMessagesByNo(tx: SqlTx, orderNos: readonly string[]): Promise<{ id: string; orderId: string; orderNo: string; status: CustomsMessageStatus }[]> {
    if (!orderNos.length) return [];
    const rows = await tx.$queryRaw<{ id: string; orderId: string; orderNo: string; status: CustomsMessageStatus; document: CustomsDocument }[]>`
      SELECT id, order_id AS "orderId", order_no AS "orderNo", status, document FROM customs_messages
      WHERE order_id IN (SELECT order_id FROM customs_messages WHERE order_no = ANY(${[...orderNos]}::text[]))
      ORDER BY id FOR UPDATE`;
    // Customs clears (or holds) the declaration list.
    return rows.filter((r) => r.document === 'INVENTORY');
  }

  /** Order ids by order number (no lock). */
  async orderIdsByNo(orderNos: readonly string[]): Promise<string[]> {
    if (!orderNos.length) return [];
    const rows = await this.prisma.sql.$queryRaw<{ orderId: string }[]>`
      SELECT order_id AS "orderId" FROM customs_messages WHERE order_no = ANY(${[...orderNos]}::text[]) AND document = 'ORDER'`;
    return rows.map((r) => r.orderId);
  }

  /**
   * The documents of these orders with the return info of their latest receipt, locked until
   * the caller's transaction ends: whoever settles an order's status from them works on
   * what the others committed.
   */
  lockedStates(tx: SqlTx, orderIds: readonly string[]): Promise<{ orderId: string; document: Exclude<CustomsDocument, 'RETURN'>; status: CustomsMessageStatus; info: string | null }[]> {
    if (!orderIds.length) return Promise.resolve([]);
    return tx.$queryRaw`
      SELECT m.order_id AS "orderId", m.document, m.status,
        CASE WHEN m.status IN ('CLEARED', 'HELD', 'REJECTED')
          THEN (SELECT r.return_info FROM customs_receipts r WHERE r.message_id = m.id ORDER BY r.id DESC LIMIT 1) END AS info
      FROM customs_messages m WHERE m.order_id = ANY(${[...orderIds]}::uuid[]) AND m.document <> 'RETURN' ORDER BY m.id FOR UPDATE OF m`;
  }

  /** Locks the documents of these orders (id order) without reading them. */
  async lockDocuments(tx: SqlTx, orderIds: readonly string[]): Promise<void> {
    if (orderIds.length) await tx.$executeRaw`SELECT 1 FROM customs_messages WHERE order_id = ANY(${[...orderIds]}::uuid[]) ORDER BY id FOR UPDATE`;
  }

  /** The latest receipt of each message (the reason of a rejection or hold). */
  latestReceipts(messageIds: readonly string[]): Promise<{ messageId: string; returnStatus: string; returnInfo: string }[]> {
    if (!messageIds.length) return Promise.resolve([]);
    return this.prisma.$queryRaw`
      SELECT DISTINCT ON (message_id) message_id AS "messageId", return_status AS "returnStatus", return_info AS "returnInfo"
      FROM customs_receipts WHERE message_id = ANY(${[...messageIds]}::uuid[]) ORDER BY message_id, id DESC`;
  }

  // Audit trail reads.

  async list(q: { museumIds: readonly string[] | 'ALL'; orderId?: string; status?: CustomsMessageStatus; take: number; after?: [string, string] | null }): Promise<{ rows: MessageAuditRow[]; total: number }> {
    const where: Prisma.CustomsMessageWhereInput = {
      ...(q.museumIds === 'ALL' ? {} : { museumId: { in: [...q.museumIds] } }),
      ...(q.orderId ? { orderId: q.orderId } : {}),
      ...(q.status ? { status: q.status } : {}),
    };
    const keyset: Prisma.CustomsMessageWhereInput | null = q.after
      ? { OR: [{ createdAt: { lt: new Date(q.after[0]) } }, { createdAt: new Date(q.after[0]), id: { lt: q.after[1] } }] }
      : null;
    const [rows, total] = await Promise.all([
      this.prisma.customsMessage.findMany({
        where: keyset ? { AND: [where, keyset] } : where,
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take: q.take + 1,
        select: auditSelect,
      }),
      this.prisma.customsMessage.count({ where }),
    ]);
    return { rows, total };
  }

  messagesOfOrder(orderId: string): Promise<MessageAuditRow[]> {
    return this.prisma.customsMessage.findMany({ where: { orderId }, orderBy: { document: 'asc' }, select: auditSelect });
  }

  receiptsOf(messageIds: readonly string[]): Promise<(ReceiptRow & { id: bigint; receivedAt: Date })[]> {
    return this.prisma.customsReceipt.findMany({
      where: { messageId: { in: [...messageIds] } },
      orderBy: { id: 'asc' },
      select: { id: true, messageId: true, receiptKey: true, status: true, returnStatus: true, returnInfo: true, returnTime: true, receivedAt: true },
    });
  }

  transmissionsOf(messageIds: readonly string[]): Promise<TransmissionRow[]> {
    if (!messageIds.length) return Promise.resolve([]);
    return this.prisma.$queryRaw`
      SELECT id, message_type AS "messageType", message_ids::text[] AS "messageIds", sent_at AS "sentAt", finished_at AS "finishedAt", outcome, error
      FROM customs_transmissions WHERE message_ids && ${[...messageIds]}::uuid[] ORDER BY sent_at`;
  }
}

/** A transmission as the JSON record of its row (instants in UTC, as Prisma stores them). */
function transmissionJson(t: TransmissionRow) {
  return { id: t.id, message_type: t.messageType, message_ids: t.messageIds, sent_at: t.sentAt.toISOString(), finished_at: t.finishedAt.toISOString(), outcome: t.outcome, error: t.error ?? null };
}
