import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { CustomsMessageStatus, SqlTx } from '@vitrine/shared/data-access';
import { PiiVault } from '../../infrastructure/pii-vault';
import {
  APP_TYPE_AMEND,
  type AppType,
  MAX_ENTRIES_PER_MESSAGE,
  MESSAGE_TYPE,
  buildMessage,
  buildWithdrawalMessage,
  businessNo,
  maskedEntryXml,
  type CebDocument,
  type Declaration,
  type Enterprise,
  type InventoryDeclaration,
  type OrderDeclaration,
  type OrderWithdrawal,
  type PaymentDeclaration,
  type ReturnDeclaration,
  type WaybillDeclaration,
} from '../domain/ceb-messages';
import { returnTime, statusOfReturn, type CustomsReturn } from '../domain/ceb-receipts';
import { signXml, stableGuid } from '../domain/ceb-xml';
import { CUSTOMS_GATEWAY, CustomsTransmissionError, type CustomsGateway } from '../domain/customs-gateway';
import { WITHDRAWABLE, nextMessageStatus } from '../domain/message-status';
import {
  PAYMENT_DECLARATION_GATEWAY,
  PaymentDeclarationTransmissionError,
  WECHAT_PAY_DECLARATION_GATEWAY,
  payerMismatch,
  type DeclaredPaymentMethod,
  type PaymentDeclarationGateway,
  type PaymentDeclarationRequest,
} from '../domain/payment-declaration';
import { CustomsMessageRepository, type AmendmentRow, type Exchange, type MessageRow, type NewMessage, type NewPaymentDeclaration, type ReceiptRow, type SealedIdentity, type Transition } from '../infrastructure/customs-message.repository';
import { DECLARATIONS_CONFIG, type DeclarationsConfig } from './declarations-config';

/** What the orders pipeline knows of one paid order; the ID number is looked up here, at send time. */
export interface DeclarationRequest {
  orderId: string;
  museumId: string;
  identityId: string;
  /** The seller: the museum's own customs registration (its storefront's), the e-commerce enterprise of every document. */
  ebc: Enterprise;
  order: Omit<OrderDeclaration, 'guid' | 'ebp' | 'ebc' | 'pay' | 'buyerIdNumber' | 'appTime'>;
  /** What the payment company is asked to declare (payerName: the orderer, for its identity check). */
  payment: Omit<PaymentDeclaration, 'guid' | 'orderNo' | 'ebp' | 'pay' | 'payerIdNumber' | 'appTime'> & {
    /** How it was paid: WeChat Pay's are declared by WeChat Pay, Alipay's and cards' by Alipay (PAYMENT_DECLARATION_URL). */
    method?: DeclaredPaymentMethod;
    /**
     * The payment's own reference (its checkout) when it paid for this order and others: the
     * payment company is asked to declare this order as a split of the payment (拆单).
     */
    splitOf?: string | null;
  };
  waybill: Omit<WaybillDeclaration, 'guid' | 'orderNo' | 'appTime'> & { logistics: Enterprise };
  /** The declaration list: its trade mode and each order line's HS code (same order as `order.lines`). */
  inventory: { tradeMode: InventoryDeclaration['tradeMode']; hsCodes: readonly string[] };
}

export type DeclarationOutcome =
  | { state: 'ACCEPTED' }
  | { state: 'REJECTED'; reason: string }
  | { state: 'FAILED'; error: Error };

/** A return of released goods to declare (CEB625): what the orders pipeline knows of it. */
export interface ReturnDeclarationRequest {
  returnId: string;
  orderId: string;
  museumId: string;
  orderNo: string;
  ebc: Enterprise;
  logistics: Enterprise;
  /** The return waybill. */
  logisticsNo: string;
  reason: string;
  /** Each returned line: its place in the order's lines (gnum, from 1), HS code, name and units. */
  lines: { gnum: number; hsCode: string; itemName: string; qty: number }[];
}

/** What became of the withdrawal of one order's declaration. */
export type WithdrawalOutcome =
  /** Customs took the withdrawal (now or before). */
  | { state: 'WITHDRAWN' }
  /** No declaration of the order is on file with customs (never declared, or refused). */
  | { state: 'NOTHING_DECLARED' }
  /** Customs refused the withdrawal, or had released the parcel already. */
  | { state: 'REFUSED'; reason: string }
  /** No answer yet (or a declaration possibly still in flight): try again later. */
  | { state: 'FAILED'; error: Error };

/** What became of the amendment of one order's declaration to what is left of it (a partial refund). */
export type AmendmentOutcome =
  /** Customs and the payment company hold what is left (now or before). */
  | { state: 'AMENDED' }
  /** No declaration on file to amend (never sent, refused, or withdrawn): the declaration step sends what is left. */
  | { state: 'NOTHING_DECLARED' }
  /** Too late (released or held) or refused by customs or the payment company. */
  | { state: 'REFUSED'; reason: string }
  /** Not acknowledged yet, or no answer: try again later. */
  | { state: 'FAILED'; error: Error };

/** A clearance receipt that moved an order's declaration. */
export interface ClearanceOutcome {
  orderId: string;
  status: 'CLEARED' | 'HELD' | 'REJECTED';
  reason: string;
}

const DOCUMENTS: readonly CebDocument[] = ['ORDER', 'PAYMENT', 'WAYBILL', 'INVENTORY'];
/** The documents we send to customs ourselves (signed); the payment record comes from the payment company. */
const CUSTOMS_DOCUMENTS: readonly CebDocument[] = ['ORDER', 'WAYBILL', 'INVENTORY'];
const DONE: readonly CustomsMessageStatus[] = ['ACCEPTED', 'CLEARED', 'HELD'];
const receiptKey = (r: CustomsReturn) => `${r.guid}:${r.returnStatus}:${r.returnTime}`;

async function inPool<T>(items: readonly T[], size: number, fn: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  await Promise.all(Array.from({ length: Math.min(size, queue.length) }, async () => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) await fn(item);
  }));
}

/**
 * The documents of each order, to customs and back: the order (CEB311), waybill (CEB511) and
 * declaration list (CEB621) in signed envelopes to customs, and the payment record asked of
 * the payment company (PaymentDeclarationGateway), which declares it to customs itself. Each
 * document is one message row per order, created once with a guid derived from (order,
 * document) and its audit copy (ID masked); every entry still pending is sent, in envelopes
 * of up to 100 entries per document kind (one request per order to the payment company). A
 * resend after a timeout carries the same guid (the same out_request_no), so it is answered
 * with the first answer: one accepted message per order and document, however often it is
 * sent. The resident ID number is decrypted just before sending and lives only in the
 * outgoing text. A payer the payment company verified as someone other than the orderer
 * holds the payment document (HELD, with the reason): customs would not release the parcel.
 */
@Injectable()
export class DeclarationsService {
  private readonly logger = new Logger(DeclarationsService.name);

  constructor(
    private readonly messages: CustomsMessageRepository,
    private readonly vault: PiiVault,
    @Inject(CUSTOMS_GATEWAY) private readonly gateway: CustomsGateway,
    @Inject(PAYMENT_DECLARATION_GATEWAY) private readonly alipay: PaymentDeclarationGateway,
    @Inject(WECHAT_PAY_DECLARATION_GATEWAY) private readonly wechatPay: PaymentDeclarationGateway,
    @Inject(DECLARATIONS_CONFIG) private readonly config: DeclarationsConfig,
  ) {}

  async declare(requests: readonly DeclarationRequest[]): Promise<Map<string, DeclarationOutcome>> {
    const byOrder = new Map(requests.map((r) => [r.orderId, r]));
    const existing = await this.messages.messagesOf([...byOrder.keys()]);
    const count = new Map<string, number>();
    for (const m of existing) count.set(m.orderId, (count.get(m.orderId) ?? 0) + 1);
    const missing = requests.filter((r) => (count.get(r.orderId) ?? 0) < DOCUMENTS.length);
    const identityIds = [...new Set(requests.filter((r) => missing.includes(r) || existing.some((m) => m.orderId === r.orderId && m.status === 'PENDING')).map((r) => r.identityId))];
    // Read once: the masked number for the audit copies, the sealed one for the wire.
    const identities = new Map((identityIds.length ? await this.messages.sealedIdentities(identityIds) : []).map((i) => [i.id, i]));
    const rows = [...existing, ...(missing.length ? await this.createMessages(missing, existing, identities) : [])];

    const pending = rows.filter((m) => m.status === 'PENDING');
    if (pending.length) {
      const ordersOf = new Map<string, Set<string>>();
      for (const m of pending) {
        if (m.document === 'WAYBILL') continue;
        const identityId = byOrder.get(m.orderId)!.identityId;
        ordersOf.set(identityId, (ordersOf.get(identityId) ?? new Set()).add(m.orderId));
      }
      const ids = await this.revealIds(ordersOf, identities);
      const envelopes: { document: CebDocument; entries: { row: MessageRow; declaration: Declaration }[] }[] = [];
      for (const document of CUSTOMS_DOCUMENTS) {
        const entries = pending.filter((m) => m.document === document).map((row) => ({ row, declaration: this.declaration(document, byOrder.get(row.orderId)!, row.createdAt, ids) }));
        for (let i = 0; i < entries.length; i += MAX_ENTRIES_PER_MESSAGE) envelopes.push({ document, entries: entries.slice(i, i + MAX_ENTRIES_PER_MESSAGE) });
      }
      const payments = pending.filter((m) => m.document === 'PAYMENT');
      const exchanges: Exchange[] = [];
      await Promise.all([
        inPool(envelopes, this.config.sendConcurrency, async (e) => void exchanges.push(await this.transmit(e.document, e.entries))),
        inPool(payments, this.config.sendConcurrency, async (row) => {
          const r = byOrder.get(row.orderId)!;
          const idMasked = identities.get(r.identityId)?.idMasked ?? '';
          exchanges.push(await this.askPaymentCompany(row, r, ids, idMasked));
        }),
      ]);
      // Every exchange of the batch in one transaction; the rows in memory follow what it moved.
      const moved = await this.messages.recordExchanges(exchanges);
      const byId = new Map(rows.map((m) => [m.id, m]));
      for (const m of moved) byId.get(m.id)!.status = m.status;
      for (const x of exchanges) for (const id of x.transmission.messageIds) if (byId.get(id)!.status === 'PENDING') byId.get(id)!.lastError = x.transmission.error;
      // Moved by someone else meanwhile (a concurrent run): read them again rather than guess.
      if (moved.length < exchanges.reduce((n, x) => n + x.transitions.length, 0)) return this.outcomes(requests, await this.messages.messagesOf([...byOrder.keys()]));
    }
    return this.outcomes(requests, rows);
  }

  /**
   * Withdraws the order declarations of these orders (refunded before release): one signed
   * CEB311 message with appType 3 per 100 orders, each entry with a guid of its own derived
   * from the order, so a resend is the same withdrawal. An accepted withdrawal makes the
   * order message WITHDRAWN (final: a later clearance receipt moves nothing); the exchange is
   * a transmission row and customs' answer a receipt, as for every message. A declaration
   * sent less than two customs timeouts ago may still be in flight: it is left for a retry.
   */
  async withdraw(requests: readonly { orderId: string; reason: string; ebc: Enterprise }[], now = new Date()): Promise<Map<string, WithdrawalOutcome>> {
    const result = new Map<string, WithdrawalOutcome>();
    const all = await this.messages.messagesOf(requests.map((r) => r.orderId));
    const orderMessages = new Map(all.filter((m) => m.document === 'ORDER').map((m) => [m.orderId, m]));
    // Customs releases the declaration list: once it has, there is nothing left to withdraw.
    const lists = new Map(all.filter((m) => m.document === 'INVENTORY').map((m) => [m.orderId, m]));
    const released = new Set([...lists.values()].filter((m) => m.status === 'CLEARED').map((m) => m.orderId));
    const inFlightSince = new Date(now.getTime() - 2 * this.config.timeoutMs);
    const due: { row: MessageRow; list?: MessageRow; withdrawal: OrderWithdrawal }[] = [];
    for (const r of requests) {
      const m = orderMessages.get(r.orderId);
      if (!m || m.status === 'REJECTED') result.set(r.orderId, { state: 'NOTHING_DECLARED' });
      else if (m.status === 'WITHDRAWN') result.set(r.orderId, { state: 'WITHDRAWN' });
      else if (m.status === 'CLEARED' || released.has(r.orderId)) result.set(r.orderId, { state: 'REFUSED', reason: `customs released order ${m.orderNo} before its withdrawal` });
      else if (m.status === 'PENDING' && (m.lastSentAt ?? m.createdAt) > inFlightSince) result.set(r.orderId, { state: 'FAILED', error: new Error(`the declaration of order ${m.orderNo} may still be in flight`) });
      else if (WITHDRAWABLE.includes(m.status)) {
        due.push({ row: m, list: lists.get(r.orderId), withdrawal: { guid: stableGuid(`${r.orderId}:ORDER:WITHDRAW`), orderNo: m.orderNo, ebp: this.config.ebp, ebc: r.ebc, reason: r.reason, appTime: now } });
      }
    }
    if (!due.length) return result;
    const exchanges: Exchange[] = [];
    const batches = [];
    for (let i = 0; i < due.length; i += MAX_ENTRIES_PER_MESSAGE) batches.push(due.slice(i, i + MAX_ENTRIES_PER_MESSAGE));
    await inPool(batches, this.config.sendConcurrency, async (batch) => void exchanges.push(await this.transmitWithdrawals(batch)));
    const moved = new Set((await this.messages.recordExchanges(exchanges)).filter((m) => m.status === 'WITHDRAWN').map((m) => m.orderId));
    for (const x of exchanges) {
      const answered = new Map(x.receipts.map((r) => [r.messageId, r]));
      for (const { row } of due.filter((d) => x.transmission.messageIds.includes(d.row.id))) {
        const receipt = answered.get(row.id);
        if (moved.has(row.orderId)) result.set(row.orderId, { state: 'WITHDRAWN' });
        // Taken by customs while the message moved (a receipt meanwhile): the retry records it.
        else if (receipt?.status === 'WITHDRAWN') result.set(row.orderId, { state: 'FAILED', error: new Error(`the withdrawal of order ${row.orderNo} crossed another change; recording it again`) });
        else if (receipt) result.set(row.orderId, { state: 'REFUSED', reason: `customs refused the withdrawal of order ${row.orderNo}: ${receipt.returnInfo}` });
        else result.set(row.orderId, { state: 'FAILED', error: new Error(`customs has not answered the withdrawal of order ${row.orderNo}: ${x.transmission.error ?? 'no answer'}`) });
      }
    }
    return result;
  }

  /**
   * Amends the declaration of an order customs still has (accepted, not released) to what is
   * left of it after a partial refund (`r` is built from what is left): the order (CEB311),
   * waybill (CEB511) and declaration list (CEB621) are sent again whole with appType 2
   * (变更), and the payment company is asked to declare the new amount under the same request
   * number (its modification of the record it pushed). Each amendment is a
   * `customs_amendments` row per document and content (its guid derived from both), with
   * its masked audit copy; the exchange is a transmission and a receipt like every message.
   * A retry resends the same entries and gets customs' first answers; once all four are
   * accepted it sends nothing. The message statuses are not moved by an amendment's answer.
   */
  async amend(r: DeclarationRequest, now = new Date()): Promise<AmendmentOutcome> {
    const rows = await this.messages.messagesOf([r.orderId]);
    const list = rows.find((m) => m.document === 'INVENTORY');
    if (!rows.some((m) => m.document === 'ORDER') || rows.some((m) => m.status === 'REJECTED' || m.status === 'WITHDRAWN')) return { state: 'NOTHING_DECLARED' };
    if (list?.status === 'CLEARED') return { state: 'REFUSED', reason: `customs released order ${r.order.orderNo} before its amendment` };
    if (rows.some((m) => m.status === 'HELD')) return { state: 'REFUSED', reason: `customs holds order ${r.order.orderNo}: its declaration cannot be amended` };
    if (rows.length < DOCUMENTS.length || rows.some((m) => m.status === 'PENDING')) {
      return { state: 'FAILED', error: new Error(`the declaration of order ${r.order.orderNo} is not acknowledged yet: amended once it is`) };
    }
    const digest = contentDigest(r);
    // Each message's latest amendment is what customs holds (or is being told); one declaring
    // another content is followed by a new one. The generation (n) keeps a content declared
    // again later (a refund Stripe then reports failed) from being taken for the old amendment.
    const current = async () => {
      const latest = new Map<string, AmendmentRow>();
      const count = new Map<string, number>();
      for (const a of await this.messages.amendmentsOf(rows.map((m) => m.id))) {
        latest.set(a.messageId, a);
        count.set(a.messageId, (count.get(a.messageId) ?? 0) + 1);
      }
      return { latest, count };
    };
    let { latest, count } = await current();
    const identities = new Map((await this.messages.sealedIdentities([r.identityId])).map((i) => [i.id, i]));
    const idMasked = identities.get(r.identityId)?.idMasked;
    if (!idMasked) throw new Error(`order ${r.orderId}: its identity record is missing`);
    const stale = rows.filter((m) => latest.get(m.id)?.digest.split('.')[0] !== digest);
    if (stale.length) {
      const masked = new Map([[r.identityId, idMasked]]);
      await this.messages.insertAmendments(
        stale.map((m) => {
          const n = count.get(m.id) ?? 0;
          const id = stableGuid(`${m.id}:AMEND:${digest}:${n}`);
          const xmlMasked =
            m.document === 'PAYMENT'
              ? this.paymentCompanyOf(r).maskRequest(this.paymentRequest(r, idMasked, true), idMasked)
              : maskedEntryXml(this.declaration(m.document, r, now, masked, id));
          return { id, messageId: m.id, digest: `${digest}.${n}`, xmlMasked, createdAt: now };
        }),
      );
      ({ latest, count } = await current());
    }
    const amendments = rows.map((m) => latest.get(m.id)).filter((a): a is AmendmentRow => a?.digest.split('.')[0] === digest);
    const settled = () => amendmentOutcome(r.order.orderNo, amendments);
    const pending = amendments.filter((a) => a.status === 'PENDING');
    if (!pending.length || amendments.some((a) => a.status === 'REJECTED')) return settled();

    const byId = new Map(rows.map((m) => [m.id, m]));
    const ids = await this.revealIds(new Map([[r.identityId, new Set([r.orderId])]]), identities, 'worker:amend-customs');
    const exchanges = await Promise.all(
      pending.map(async (a) => {
        const row = byId.get(a.messageId)!;
        const x = row.document === 'PAYMENT' ? await this.askPaymentCompany(row, r, ids, idMasked, true) : await this.transmit(row.document, [{ row, declaration: this.declaration(row.document, r, a.createdAt, ids, a.id) }]);
        // An amendment's answer is about the amendment: the declaration keeps its own status.
        return { amendment: a, exchange: { ...x, transitions: [] } };
      }),
    );
    await this.messages.recordExchanges(exchanges.map((e) => e.exchange));
    const answers = exchanges.flatMap(({ amendment, exchange }) => {
      const receipt = exchange.receipts[0];
      if (!receipt?.status) return [];
      return [{ id: amendment.id, status: receipt.status === 'ACCEPTED' ? ('ACCEPTED' as const) : ('REJECTED' as const), returnInfo: receipt.returnInfo }];
    });
    await this.messages.answerAmendments(answers);
    for (const a of answers) Object.assign(amendments.find((x) => x.id === a.id)!, { status: a.status, returnInfo: a.returnInfo });
    const outcome = settled();
    if (outcome.state === 'FAILED') {
      const error = exchanges.find((e) => e.exchange.transmission.error)?.exchange.transmission.error;
      return { state: 'FAILED', error: new Error(`the amendment of order ${r.order.orderNo} is not answered yet: ${error ?? 'no answer'}`) };
    }
    return outcome;
  }

  /**
   * Declares a return to customs (CEB625, 退货申请单): one message row per return (guid derived
   * from the order and the return, subject = the return), audit copy, signed envelope,
   * transmission and receipt like every document. It names the order's declaration list,
   * which customs must have released. A resend is the same entry, answered with its first
   * receipt: ACCEPTED once customs took the return (120), REJECTED with its reason (100),
   * FAILED when there is no answer yet (the caller retries).
   */
  async declareReturn(r: ReturnDeclarationRequest, now = new Date()): Promise<DeclarationOutcome> {
    let row = await this.messages.returnMessage(r.orderId, r.returnId);
    if (!row) {
      const list = (await this.messages.messagesOf([r.orderId])).find((m) => m.document === 'INVENTORY');
      if (!list || list.status !== 'CLEARED') return { state: 'REJECTED', reason: `order ${r.orderNo}: customs has not released its declaration list` };
      const declaration = this.returnDeclaration(r, list, now);
      await this.messages.insertReturnMessage({
        id: declaration.entry.guid,
        orderId: r.orderId,
        museumId: r.museumId,
        orderNo: r.orderNo,
        document: 'RETURN',
        subject: r.returnId,
        messageType: MESSAGE_TYPE.RETURN,
        senderCode: r.ebc.code,
        businessNo: businessNo(declaration),
        xmlMasked: maskedEntryXml(declaration),
        createdAt: now,
      });
      row = (await this.messages.returnMessage(r.orderId, r.returnId))!;
    }
    if (row.status === 'PENDING') {
      const list = (await this.messages.messagesOf([r.orderId])).find((m) => m.document === 'INVENTORY')!;
      const exchange = await this.transmit('RETURN', [{ row, declaration: this.returnDeclaration(r, list, row.createdAt) }]);
      await this.messages.recordExchanges([exchange]);
      row = (await this.messages.returnMessage(r.orderId, r.returnId))!;
    }
    if (row.status === 'ACCEPTED') return { state: 'ACCEPTED' };
    if (row.status === 'REJECTED') {
      const [receipt] = await this.messages.latestReceipts([row.id]);
      return { state: 'REJECTED', reason: `${MESSAGE_TYPE.RETURN}: ${receipt?.returnInfo ?? 'rejected'}` };
    }
    return { state: 'FAILED', error: new Error(`customs has not acknowledged the return declaration of ${r.returnId}: ${row.lastError ?? 'no answer yet'}`) };
  }

  private returnDeclaration(r: ReturnDeclarationRequest, list: MessageRow, appTime: Date): { document: 'RETURN'; entry: ReturnDeclaration } {
    return {
      document: 'RETURN',
      entry: {
        guid: stableGuid(`${r.orderId}:RETURN:${r.returnId}`),
        copNo: r.returnId.replace(/-/g, '').toUpperCase(),
        orderNo: r.orderNo,
        ebp: this.config.ebp,
        ebc: r.ebc,
        logistics: r.logistics,
        logisticsNo: r.logisticsNo,
        customsCode: this.config.office.districtCode,
        // Customs' own numbers of the released list (its receipt, CEB622); our copNo and entry guid when it gave none.
        invtNo: list.invtNo ?? list.businessNo,
        preNo: list.preNo ?? list.id.toUpperCase(),
        reason: r.reason,
        lines: r.lines.map((l) => ({ gnum: l.gnum, gcode: l.hsCode, itemName: l.itemName, qty: l.qty })),
        appTime,
      },
    };
  }

  /** Of these orders, those with a document not yet created or not yet acknowledged by customs. */
  async unfinished(orderIds: readonly string[]): Promise<Set<string>> {
    const rows = await this.messages.messagesOf(orderIds);
    const done = new Map<string, number>();
    for (const m of rows) if (m.status !== 'PENDING') done.set(m.orderId, (done.get(m.orderId) ?? 0) + 1);
    return new Set(orderIds.filter((id) => (done.get(id) ?? 0) < DOCUMENTS.length));
  }

  /** Reads clearance receipts after a cursor (outside any transaction: it is a remote call). */
  fetchClearances(cursor: string, limit: number): Promise<{ returns: CustomsReturn[]; cursor: string }> {
    return this.gateway.receipts(cursor, limit);
  }

  /**
   * Records clearance receipts in the caller's transaction and returns the orders they
   * moved (cleared, held with the reason, refused). A receipt read twice moves nothing.
   */
  async applyClearances(tx: SqlTx, returns: readonly CustomsReturn[]): Promise<ClearanceOutcome[]> {
    const messages = await this.messages.orderMessagesByNo(tx, [...new Set(returns.map((r) => r.orderNo))]);
    const byNo = new Map(messages.map((m) => [m.orderNo, m]));
    const receipts: ReceiptRow[] = [];
    for (const r of returns) {
      const message = byNo.get(r.orderNo);
      if (!message) {
        this.logger.warn(`clearance receipt for unknown order number ${r.orderNo} ignored`);
        continue;
      }
      receipts.push({ messageId: message.id, receiptKey: receiptKey(r), status: statusOfReturn(r.returnStatus), returnStatus: r.returnStatus, returnInfo: r.returnInfo, returnTime: r.returnTime });
    }
    // The list's numbers, as customs gives them (kept once; CEB625 names the list by them).
    const numbers = returns.flatMap((r) => {
      const message = byNo.get(r.orderNo);
      return message && (r.preNo || r.invtNo) ? [{ id: message.id, preNo: r.preNo ?? null, invtNo: r.invtNo ?? null }] : [];
    });
    await this.messages.recordListNumbers(tx, numbers);
    // Only receipts seen for the first time move anything: a feed read twice changes nothing.
    const fresh = await this.messages.insertReceipts(tx, receipts);
    const current = new Map(messages.map((m) => [m.id, m.status]));
    const transitions = new Map<string, Transition>();
    const reasons = new Map<string, string>();
    for (const r of receipts) {
      if (!fresh.has(r.receiptKey)) continue;
      const from = current.get(r.messageId)!;
      const next = nextMessageStatus(transitions.get(r.messageId)?.to ?? from, r.status);
      if (!next) continue;
      transitions.set(r.messageId, { id: r.messageId, from, to: next });
      reasons.set(r.messageId, r.returnInfo);
    }
    const moved = await this.messages.applyTransitions(tx, [...transitions.values()]);
    return moved.map((m) => ({ orderId: m.orderId, status: m.status as ClearanceOutcome['status'], reason: reasons.get(m.id) ?? '' }));
  }

  /** The orders these clearance receipts are about. */
  ordersOfReturns(returns: readonly CustomsReturn[]): Promise<string[]> {
    return this.messages.orderIdsByNo([...new Set(returns.map((r) => r.orderNo))]);
  }

  /** Each order's documents and what customs last said about them, locked for the caller's transaction. */
  documentStates(tx: SqlTx, orderIds: readonly string[]) {
    return this.messages.lockedStates(tx, orderIds);
  }

  /** Locks each order's documents for the caller's transaction (before it records something about them). */
  lockDocuments(tx: SqlTx, orderIds: readonly string[]): Promise<void> {
    return this.messages.lockDocuments(tx, orderIds);
  }

  /** Creates the missing messages (audit copy with the masked ID) and returns them as they now stand. */
  private async createMessages(requests: readonly DeclarationRequest[], existing: readonly MessageRow[], identities: ReadonlyMap<string, SealedIdentity>): Promise<MessageRow[]> {
    const masked = new Map([...identities.values()].map((i) => [i.id, i.idMasked]));
    const have = new Set(existing.map((m) => `${m.orderId}:${m.document}`));
    const now = new Date();
    const rows: NewMessage[] = [];
    const payments: NewPaymentDeclaration[] = [];
    for (const r of requests) {
      const idMasked = masked.get(r.identityId);
      if (!idMasked) throw new Error(`order ${r.orderId}: its identity record is missing`);
      for (const document of DOCUMENTS) {
        if (have.has(`${r.orderId}:${document}`)) continue;
        const declaration = this.declaration(document, r, now, new Map([[r.identityId, idMasked]]));
        // The payment document is our request to the payment company (it declares the CEB411).
        let requestMasked: string | null = null;
        if (document === 'PAYMENT') {
          const ask = this.paymentRequest(r, idMasked);
          requestMasked = this.paymentCompanyOf(r).maskRequest(ask, idMasked);
          payments.push({ messageId: declaration.entry.guid, provider: this.paymentCompanyOf(r).service, request: ask, requestMasked });
        }
        rows.push({
          id: declaration.entry.guid,
          orderId: r.orderId,
          museumId: r.museumId,
          orderNo: r.order.orderNo,
          document,
          messageType: document === 'PAYMENT' ? this.paymentCompanyOf(r).service : MESSAGE_TYPE[document],
          senderCode: this.senderOf(declaration, r).code,
          businessNo: businessNo(declaration),
          xmlMasked: requestMasked ?? maskedEntryXml(declaration),
          createdAt: now,
        });
      }
    }
    const inserted = new Set(await this.messages.insertMessages(rows, payments));
    const fresh = rows.filter((r) => inserted.has(r.id)).map((r) => ({ id: r.id, orderId: r.orderId, museumId: r.museumId, orderNo: r.orderNo, document: r.document, status: 'PENDING' as const, businessNo: r.businessNo, createdAt: r.createdAt, lastSentAt: null, lastError: null }));
    // Another run created some meanwhile: take those as they stand.
    return fresh.length === rows.length ? fresh : [...fresh, ...(await this.messages.messagesOf([...new Set(rows.filter((r) => !inserted.has(r.id)).map((r) => r.orderId))])).filter((m) => !existing.some((e) => e.id === m.id))];
  }

  /** Who the document comes from: the museum (order, declaration list), the payment company, the logistics company. */
  private senderOf(d: Declaration, r: DeclarationRequest): Enterprise {
    switch (d.document) {
      case 'ORDER':
      case 'INVENTORY':
      case 'RETURN':
        return r.ebc;
      case 'PAYMENT':
        return this.payEnterpriseOf(r);
      case 'WAYBILL':
        return d.entry.logistics;
    }
  }

  /** The payment company that declares this order's payment: WeChat Pay for WECHAT_PAY, Alipay for ALIPAY and cards. */
  private paymentCompanyOf(r: DeclarationRequest): PaymentDeclarationGateway {
    return r.payment.method === 'WECHAT_PAY' ? this.wechatPay : this.alipay;
  }

  /** The payment enterprise the order names (CEB311 payCode): Tenpay for WeChat Pay, else CUSTOMS_PAY_CODE. */
  private payEnterpriseOf(r: DeclarationRequest): Enterprise {
    return r.payment.method === 'WECHAT_PAY' ? this.config.wechatPay.enterprise : this.config.payment;
  }

  /** What the payment company is asked to declare for this order (`modify`: an amendment of what it declared). */
  private paymentRequest(r: DeclarationRequest, payerIdNumber: string, modify = false): PaymentDeclarationRequest {
    return {
      breakdown: { goodsMinor: r.order.goodsValueMinor - r.order.discountMinor, freightMinor: r.order.freightMinor, taxMinor: r.order.taxTotalMinor },
      modify,
      outRequestNo: r.order.orderNo,
      tradeNo: r.payment.payTransactionId,
      merchantCustomsCode: r.ebc.code,
      merchantCustomsName: r.ebc.name,
      amountMinor: r.payment.amountPaidMinor,
      customsPlace: r.payment.method === 'WECHAT_PAY' ? this.config.office.wechatCustoms : this.config.office.alipayCustomsPlace,
      payerName: r.payment.payerName,
      payerIdNumber,
      split: r.payment.splitOf ? { paymentRef: r.payment.splitOf, subOrderNo: r.order.orderNo } : null,
    };
  }

  /**
   * Asks the payment company to declare one order's payment and turns its answer into an
   * exchange like customs' (transmission, receipt, transition): SUCCESS accepts the payment
   * document, unless the payer it verified is not the orderer (HELD with the reason); a
   * failure refuses it; no readable answer leaves it pending for a resend.
   */
  private async askPaymentCompany(row: MessageRow, r: DeclarationRequest, ids: ReadonlyMap<string, string>, idMasked: string, modify = false): Promise<Exchange> {
    const company = this.paymentCompanyOf(r);
    const sentAt = new Date();
    const id = ids.get(r.identityId);
    const transmission = { id: randomUUID(), messageType: company.service, messageIds: [row.id], sentAt, finishedAt: sentAt, outcome: 'ACKNOWLEDGED', error: null as string | null };
    if (!id) return { transmission: { ...transmission, outcome: 'NOT_SENT', error: `order ${r.orderId}: no resident ID available` }, receipts: [], transitions: [] };
    try {
      const { answer, requestMasked } = await company.declare(this.paymentRequest(r, id, modify), idMasked);
      const mismatch = answer.resultCode === 'SUCCESS' ? payerMismatch(r.order.buyerName, answer) : null;
      const status: CustomsMessageStatus = answer.resultCode !== 'SUCCESS' ? 'REJECTED' : mismatch ? 'HELD' : 'ACCEPTED';
      const info = answer.resultCode !== 'SUCCESS' ? `the payment company refused the declaration: ${answer.errorInfo ?? answer.resultCode}` : (mismatch ?? `declared by the payment company (${answer.declareNo ?? 'no number'})`);
      const receipt: ReceiptRow = { messageId: row.id, receiptKey: `${row.id}:${answer.resultCode}:${answer.declareNo ?? ''}`, status, returnStatus: answer.resultCode, returnInfo: info, returnTime: returnTime(new Date()) };
      const next = nextMessageStatus(row.status, status);
      return {
        transmission: { ...transmission, finishedAt: new Date() },
        receipts: [receipt],
        transitions: next ? [{ id: row.id, from: row.status, to: next }] : [],
        payment: { messageId: row.id, requestMasked, answer },
      };
    } catch (e) {
      const outcome = e instanceof PaymentDeclarationTransmissionError ? e.outcome : 'NETWORK_ERROR';
      return { transmission: { ...transmission, finishedAt: new Date(), outcome, error: (e as Error).message.slice(0, 500) }, receipts: [], transitions: [] };
    }
  }

  /** The declaration of one document; `appTime` is the message's creation, so a resend is the same entry. */
  private declaration(document: CebDocument, r: DeclarationRequest, appTime: Date, idNumbers: ReadonlyMap<string, string>, amendment?: string): Declaration {
    // An amendment is an entry of its own (its guid) declaring the document again as a change.
    const guid = amendment ?? stableGuid(`${r.orderId}:${document}`);
    const appType: { appType?: AppType } = amendment ? { appType: APP_TYPE_AMEND } : {};
    const idNumber = () => {
      const id = idNumbers.get(r.identityId);
      if (!id) throw new Error(`order ${r.orderId}: no resident ID available`);
      return id;
    };
    switch (document) {
      case 'ORDER':
        return { document, entry: { ...r.order, guid, ebp: this.config.ebp, ebc: r.ebc, pay: this.payEnterpriseOf(r), buyerIdNumber: idNumber(), appTime, ...appType } };
      case 'PAYMENT':
        return { document, entry: { ...r.payment, guid, orderNo: r.order.orderNo, ebp: this.config.ebp, pay: this.payEnterpriseOf(r), payerIdNumber: idNumber(), appTime } };
      case 'WAYBILL':
        return { document, entry: { ...r.waybill, guid, orderNo: r.order.orderNo, appTime, ...appType } };
      case 'INVENTORY':
        return {
          document,
          entry: {
            guid,
            copNo: r.order.orderNo,
            orderNo: r.order.orderNo,
            ebp: this.config.ebp,
            ebc: r.ebc,
            agent: r.ebc,
            logistics: r.waybill.logistics,
            logisticsNo: r.waybill.logisticsNo,
            customsCode: this.config.office.districtCode,
            portCode: this.config.office.portCode,
            tradeMode: r.inventory.tradeMode,
            buyerName: r.order.buyerName,
            buyerIdNumber: idNumber(),
            buyerTelephone: r.order.buyerTelephone,
            consignee: r.order.consignee,
            consigneeAddress: r.order.consigneeAddress,
            freightMinor: r.waybill.freightMinor,
            insuredFeeMinor: r.waybill.insuredFeeMinor,
            grossWeightGrams: r.waybill.weightGrams,
            netWeightGrams: r.waybill.weightGrams,
            packNo: r.waybill.packNo,
            lines: r.order.lines.map((l, i) => ({ ...l, gcode: r.inventory.hsCodes[i] ?? '' })),
            appTime,
            ...appType,
          },
        };
      case 'RETURN':
        throw new Error('a return is declared by declareReturn');
    }
  }

  /** Opens the numbers the pending documents carry, each decryption audited first (identity, the orders it is for). */
  private async revealIds(ordersOf: ReadonlyMap<string, ReadonlySet<string>>, identities: ReadonlyMap<string, SealedIdentity>, actor = 'worker:declare-customs'): Promise<Map<string, string>> {
    const sealed = [...ordersOf.keys()].flatMap((id) => {
      const s = identities.get(id);
      return s?.idCiphertext ? [{ ...s, idCiphertext: s.idCiphertext }] : [];
    });
    await this.messages.auditReveals({ actor, purpose: 'CUSTOMS_DECLARATION' }, sealed.map((s) => ({ identityId: s.id, orderIds: [...ordersOf.get(s.id)!] })));
    return new Map(sealed.map((s) => [s.id, this.vault.decrypt(s.idCiphertext, s.idHash)]));
  }

  /** One signed envelope to customs and what came back; recorded by the caller. */
  private async transmit(document: CebDocument, entries: { row: MessageRow; declaration: Declaration }[]): Promise<Exchange> {
    const envelope = randomUUID();
    const xml = signXml(buildMessage(document, envelope, entries.map((e) => e.declaration), this.config.transfer), this.config.signingKey, { built: true });
    const sentAt = new Date();
    let returns: CustomsReturn[] = [];
    let outcome = 'ACKNOWLEDGED';
    let error: string | null = null;
    try {
      returns = await this.gateway.submit(document, xml);
    } catch (e) {
      outcome = e instanceof CustomsTransmissionError ? e.outcome : 'NETWORK_ERROR';
      error = (e as Error).message.slice(0, 500);
    }
    // By the entry's guid: the message's own, or an amendment's.
    const byGuid = new Map(entries.map((e) => [e.declaration.entry.guid.toLowerCase(), e.row]));
    const receipts: ReceiptRow[] = [];
    const transitions: Transition[] = [];
    for (const r of returns) {
      const row = byGuid.get(r.guid.toLowerCase());
      if (!row) continue;
      let incoming: CustomsMessageStatus | null;
      try {
        incoming = statusOfReturn(r.returnStatus);
      } catch {
        incoming = null;
      }
      receipts.push({ messageId: row.id, receiptKey: receiptKey(r), status: incoming, returnStatus: r.returnStatus, returnInfo: r.returnInfo, returnTime: r.returnTime });
      const next = nextMessageStatus(row.status, incoming);
      if (next) transitions.push({ id: row.id, from: row.status, to: next });
    }
    if (!error && receipts.length < entries.length) error = `customs acknowledged ${receipts.length} of ${entries.length} entries`;
    return {
      transmission: { id: envelope, messageType: MESSAGE_TYPE[document], messageIds: entries.map((e) => e.row.id), sentAt, finishedAt: new Date(), outcome, error },
      receipts,
      transitions,
    };
  }

  /** One signed envelope of withdrawals and what came back: 120 withdrawn, anything else refused. */
  private async transmitWithdrawals(entries: { row: MessageRow; list?: MessageRow; withdrawal: OrderWithdrawal }[]): Promise<Exchange> {
    const envelope = randomUUID();
    const xml = signXml(buildWithdrawalMessage(envelope, entries.map((e) => e.withdrawal), this.config.transfer), this.config.signingKey, { built: true });
    const sentAt = new Date();
    let returns: CustomsReturn[] = [];
    let outcome = 'ACKNOWLEDGED';
    let error: string | null = null;
    try {
      returns = await this.gateway.submit('ORDER', xml);
    } catch (e) {
      outcome = e instanceof CustomsTransmissionError ? e.outcome : 'NETWORK_ERROR';
      error = (e as Error).message.slice(0, 500);
    }
    const byGuid = new Map(entries.map((e) => [e.withdrawal.guid, e]));
    const receipts: ReceiptRow[] = [];
    const transitions: Transition[] = [];
    for (const r of returns) {
      const entry = byGuid.get(r.guid);
      if (!entry) continue;
      const { row, list } = entry;
      const withdrawn = r.returnStatus === '120';
      receipts.push({ messageId: row.id, receiptKey: receiptKey(r), status: withdrawn ? 'WITHDRAWN' : null, returnStatus: r.returnStatus, returnInfo: r.returnInfo, returnTime: r.returnTime });
      if (withdrawn) transitions.push({ id: row.id, from: row.status, to: 'WITHDRAWN' });
      // Customs releases no list of a withdrawn order: the list is withdrawn with it (a late clearance moves nothing).
      if (withdrawn && list && WITHDRAWABLE.includes(list.status)) transitions.push({ id: list.id, from: list.status, to: 'WITHDRAWN' });
    }
    if (!error && receipts.length < entries.length) error = `customs answered ${receipts.length} of ${entries.length} withdrawals`;
    return {
      transmission: { id: envelope, messageType: MESSAGE_TYPE.ORDER, messageIds: entries.map((e) => e.row.id), sentAt, finishedAt: new Date(), outcome, error },
      receipts,
      transitions,
    };
  }

  private async outcomes(requests: readonly DeclarationRequest[], rows: readonly MessageRow[]): Promise<Map<string, DeclarationOutcome>> {
    const rejected = rows.filter((m) => m.status === 'REJECTED');
    const reasons = new Map((await this.messages.latestReceipts(rejected.map((m) => m.id))).map((r) => [r.messageId, r.returnInfo]));
    const result = new Map<string, DeclarationOutcome>();
    for (const r of requests) {
      const mine = rows.filter((m) => m.orderId === r.orderId);
      const refused = mine.filter((m) => m.status === 'REJECTED');
      if (refused.length) {
        result.set(r.orderId, { state: 'REJECTED', reason: refused.map((m) => `${MESSAGE_TYPE[m.document]}: ${reasons.get(m.id) ?? 'rejected'}`).join('; ') });
      } else if (mine.length === DOCUMENTS.length && mine.every((m) => DONE.includes(m.status))) {
        result.set(r.orderId, { state: 'ACCEPTED' });
      } else {
        const waiting = mine.filter((m) => !DONE.includes(m.status));
        result.set(r.orderId, { state: 'FAILED', error: new Error(`customs has not acknowledged ${waiting.map((m) => MESSAGE_TYPE[m.document]).join(', ') || 'the declaration'}: ${waiting.find((m) => m.lastError)?.lastError ?? 'no answer yet'}`) });
      }
    }
    return result;
  }
}

/** What an amendment declares, for its idempotency: the lines, amounts, weight and the amount paid. */
function contentDigest(r: DeclarationRequest): string {
  const o = r.order;
  const content = {
    lines: o.lines.map((l) => [l.itemNo, l.qty, l.priceMinor, l.totalMinor]),
    amounts: [o.goodsValueMinor, o.freightMinor, o.discountMinor, o.taxTotalMinor, o.acturalPaidMinor],
    waybill: [r.waybill.logisticsNo, r.waybill.freightMinor, r.waybill.insuredFeeMinor, r.waybill.weightGrams],
    paid: r.payment.amountPaidMinor,
  };
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}

function amendmentOutcome(orderNo: string, amendments: readonly AmendmentRow[]): AmendmentOutcome {
  const refused = amendments.filter((a) => a.status === 'REJECTED');
  if (refused.length) return { state: 'REFUSED', reason: `the amendment of order ${orderNo} was refused: ${refused.map((a) => a.returnInfo ?? 'refused').join('; ')}` };
  if (amendments.length >= DOCUMENTS.length && amendments.every((a) => a.status === 'ACCEPTED')) return { state: 'AMENDED' };
  return { state: 'FAILED', error: new Error(`the amendment of order ${orderNo} is not answered yet`) };
}
