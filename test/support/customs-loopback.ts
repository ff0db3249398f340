import { randomUUID, type KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildAcknowledgement, buildReceiptFeed, parseResidentId, parseXml, returnTime, verifyXml, type CebDocument, type CustomsReturn } from '@vitrine/customs';
import { PaymentDeclarationLoopback, type PaymentDeclarationLoopbackOptions } from './payment-declaration-loopback';

/**
 * A loopback stand-in for China's customs data exchange (the 单一窗口 / DXP endpoint), for
 * tests and benchmarks. It does what customs does with the documents of a cross-border
 * order, in memory:
 * - checks each message's RSA-SHA256 signature and each entry's fields (schema, ID number
 *   checksum, sums), answering every entry with a return: 120 accepted or 100 refused;
 * - answers an entry sent again (same guid) with the return it already gave, and refuses
 *   another entry for an order number it already accepted;
 * - takes the order (CEB311), waybill (CEB511) and declaration list (CEB621) from the
 *   platform, and the payment record (CEB411) only from the payment company (its own loopback,
 *   `paymentCompany`, started alongside: a CEB411 posted by the platform is refused, 403);
 * - once all four of an order are in, matches the order, payment and waybill the list names
 *   (三单对碰: names, ID number, amounts within 5 %, payer = orderer, per-order and yearly
 *   limits; the list's seller, buyer and waybill the order's) and answers the declaration
 *   list on its feed (CEB622): 800 released, or 500 held with the reason;
 * - takes withdrawals (a CEB311 entry with appType 3: head fields only, the reason in note)
 *   of orders not released yet: the order is never cleared and a later declaration of it is
 *   refused; a withdrawal of a released order is refused (100);
 * - takes amendments (appType 2, 变更: the order, waybill or declaration list whole again, with
 *   a guid of its own) of a document it accepted, until the order is released or withdrawn:
 *   what it holds is replaced and the matching (and the yearly limit) uses the new content; the
 *   payment company amends its payment record the same way (`amendments` keeps them all);
 * - gives each decided declaration list its numbers on the CEB622 receipt (preNo, and invtNo
 *   once released), which a return declaration (CEB625) must name;
 * - can be told to time out, fail, hold particular orders, or leave them undecided (`defer`)
 *   until `decide` is called.
 */

type Entry = Record<string, any>;
const DOC_OF: Record<string, CebDocument> = { CEB311: 'ORDER', CEB411: 'PAYMENT', CEB511: 'WAYBILL', CEB621: 'INVENTORY', CEB625: 'RETURN' };
const ROOT: Record<CebDocument, { root: string; entry: string; head: string; lines?: string }> = {
  ORDER: { root: 'ceb:CEB311Message', entry: 'ceb:Order', head: 'ceb:OrderHead', lines: 'ceb:OrderList' },
  PAYMENT: { root: 'ceb:CEB411Message', entry: 'ceb:Payment', head: 'ceb:PaymentHead' },
  WAYBILL: { root: 'ceb:CEB511Message', entry: 'ceb:Logistics', head: 'ceb:LogisticsHead' },
  INVENTORY: { root: 'ceb:CEB621Message', entry: 'ceb:Inventory', head: 'ceb:InventoryHead', lines: 'ceb:InventoryList' },
  RETURN: { root: 'ceb:CEB625Message', entry: 'ceb:InvtRefund', head: 'ceb:InvtRefundHead', lines: 'ceb:InvtRefundList' },
};
const PER_ORDER_LIMIT = 5000;
const YEARLY_LIMIT = 26000;

const money = /^-?\d{1,13}(\.\d{1,2})?$/;
const cents = (s: string) => Math.round(Number(s) * 100);

function required(e: Entry, fields: string[], problems: string[]): void {
  for (const f of fields) if (e[`ceb:${f}`] === undefined || String(e[`ceb:${f}`]).trim() === '') problems.push(`${f} is required`);
}

function checkId(value: string, field: string, problems: string[]): void {
  if (!parseResidentId(String(value ?? ''), new Date()).ok) problems.push(`${field} is not a valid resident ID number`);
}

function checkOrder(o: Entry, lines: Entry[]): string[] {
  const p: string[] = [];
  required(o, ['guid', 'appType', 'appTime', 'appStatus', 'orderType', 'orderNo', 'ebpCode', 'ebpName', 'ebcCode', 'ebcName', 'goodsValue', 'freight', 'discount', 'taxTotal', 'acturalPaid', 'currency', 'buyerRegNo', 'buyerName', 'buyerIdType', 'buyerIdNumber', 'payCode', 'payTransactionId', 'consignee', 'consigneeTelephone', 'consigneeAddress'], p);
  if (o['ceb:appType'] !== '1' && o['ceb:appType'] !== '2') p.push('appType must be 1 (new declaration) or 2 (change)');
  if (!/^\d{14}$/.test(o['ceb:appTime'] ?? '')) p.push('appTime must be YYYYMMDDhhmmss');
  if (o['ceb:orderType'] !== 'I') p.push('orderType must be I (import)');
  if (o['ceb:currency'] !== '142') p.push('currency must be 142');
  if (o['ceb:buyerIdType'] !== '1') p.push('buyerIdType must be 1');
  checkId(o['ceb:buyerIdNumber'], 'buyerIdNumber', p);
  for (const f of ['goodsValue', 'freight', 'discount', 'taxTotal', 'acturalPaid']) if (!money.test(o[`ceb:${f}`] ?? '')) p.push(`${f} must be an amount with at most 2 decimals`);
  if (!lines.length) p.push('an order has at least one OrderList');
  let sum = 0;
  lines.forEach((l, i) => {
    required(l, ['gnum', 'itemNo', 'itemName', 'unit', 'qty', 'price', 'totalPrice', 'currency', 'country'], p);
    if (l['ceb:gnum'] !== String(i + 1)) p.push(`OrderList ${i + 1}: gnum must count from 1`);
    if (!/^[1-9]\d*$/.test(l['ceb:qty'] ?? '')) p.push(`OrderList ${i + 1}: qty must be a positive whole number`);
    if (l['ceb:currency'] !== '142') p.push(`OrderList ${i + 1}: currency must be 142`);
    if (!/^\d{3}$/.test(l['ceb:country'] ?? '')) p.push(`OrderList ${i + 1}: country must be a customs country code`);
    if (Math.abs(cents(l['ceb:totalPrice']) - cents(l['ceb:price']) * Number(l['ceb:qty'])) > 1) p.push(`OrderList ${i + 1}: totalPrice is not qty × price`);
    sum += cents(l['ceb:totalPrice']);
  });
  if (Math.abs(sum - cents(o['ceb:goodsValue'])) > 1) p.push('goodsValue is not the sum of totalPrice');
  const paid = cents(o['ceb:goodsValue']) + cents(o['ceb:freight']) - cents(o['ceb:discount']) + cents(o['ceb:taxTotal']);
  if (Math.abs(paid - cents(o['ceb:acturalPaid'])) > 1) p.push('acturalPaid is not goodsValue + freight - discount + taxTotal');
  return p;
}

function checkWithdrawal(o: Entry): string[] {
  const p: string[] = [];
  required(o, ['guid', 'appType', 'appTime', 'appStatus', 'orderType', 'orderNo', 'ebpCode', 'ebpName', 'ebcCode', 'ebcName', 'note'], p);
  if (!/^\d{14}$/.test(o['ceb:appTime'] ?? '')) p.push('appTime must be YYYYMMDDhhmmss');
  if (o['ceb:orderType'] !== 'I') p.push('orderType must be I (import)');
  if (o['ceb:appStatus'] !== '2') p.push('appStatus must be 2 (declared)');
  // A withdrawal names the order; it carries neither lines nor the buyer's identity.
  if (o['ceb:buyerIdNumber'] !== undefined) p.push('a withdrawal must not carry buyerIdNumber');
  return p;
}

function checkPayment(e: Entry): string[] {
  const p: string[] = [];
  required(e, ['guid', 'appType', 'appTime', 'appStatus', 'payCode', 'payName', 'payTransactionId', 'orderNo', 'ebpCode', 'ebpName', 'payerIdType', 'payerIdNumber', 'payerName', 'amountPaid', 'currency', 'payTime'], p);
  if (e['ceb:payerIdType'] !== '1') p.push('payerIdType must be 1');
  checkId(e['ceb:payerIdNumber'], 'payerIdNumber', p);
  if (!money.test(e['ceb:amountPaid'] ?? '')) p.push('amountPaid must be an amount');
  if (e['ceb:currency'] !== '142') p.push('currency must be 142');
  return p;
}

function checkInventory(v: Entry, lines: Entry[]): string[] {
  const p: string[] = [];
  required(v, ['guid', 'appType', 'appTime', 'appStatus', 'orderNo', 'ebpCode', 'ebpName', 'ebcCode', 'ebcName', 'logisticsNo', 'logisticsCode', 'logisticsName', 'copNo', 'assureCode', 'ieFlag', 'declTime', 'customsCode', 'portCode', 'ieDate', 'buyerIdType', 'buyerIdNumber', 'buyerName', 'buyerTelephone', 'consigneeAddress', 'agentCode', 'agentName', 'tradeMode', 'trafMode', 'country', 'freight', 'insuredFee', 'currency', 'packNo', 'grossWeight', 'netWeight'], p);
  if (v['ceb:appType'] !== '1' && v['ceb:appType'] !== '2') p.push('appType must be 1 (new declaration) or 2 (change)');
  if (v['ceb:ieFlag'] !== 'I') p.push('ieFlag must be I (import)');
  if (!['9610', '1210'].includes(v['ceb:tradeMode'])) p.push('tradeMode must be 9610 or 1210');
  if (!/^\d{4}$/.test(v['ceb:customsCode'] ?? '') || !/^\d{4}$/.test(v['ceb:portCode'] ?? '')) p.push('customsCode and portCode must be customs codes of 4 digits');
  if (!/^[0-9A-Z]{10}$/.test(v['ceb:ebcCode'] ?? '') || !/^[0-9A-Z]{10}$/.test(v['ceb:ebpCode'] ?? '')) p.push('ebpCode and ebcCode must be customs registrations of 10 characters');
  if (v['ceb:buyerIdType'] !== '1') p.push('buyerIdType must be 1');
  checkId(v['ceb:buyerIdNumber'], 'buyerIdNumber', p);
  if (v['ceb:currency'] !== '142') p.push('currency must be 142');
  if (!lines.length) p.push('a declaration list has at least one InventoryList');
  lines.forEach((l, i) => {
    required(l, ['gnum', 'itemNo', 'itemName', 'gcode', 'gname', 'gmodel', 'country', 'currency', 'qty', 'qty1', 'unit', 'unit1', 'price', 'totalPrice'], p);
    if (l['ceb:gnum'] !== String(i + 1)) p.push(`InventoryList ${i + 1}: gnum must count from 1`);
    if (!/^\d{10}$/.test(l['ceb:gcode'] ?? '')) p.push(`InventoryList ${i + 1}: gcode must be a 10-digit commodity code`);
    if (!/^[1-9]\d*$/.test(l['ceb:qty'] ?? '')) p.push(`InventoryList ${i + 1}: qty must be a positive whole number`);
    if (Math.abs(cents(l['ceb:totalPrice']) - cents(l['ceb:price']) * Number(l['ceb:qty'])) > 1) p.push(`InventoryList ${i + 1}: totalPrice is not qty × price`);
  });
  return p;
}

/** A return (CEB625): of a released order, naming its declaration list, at most the units it listed per line. */
function checkReturn(h: Entry, lines: Entry[], state: Accepted): string[] {
  const p: string[] = [];
  required(h, ['guid', 'appType', 'appTime', 'appStatus', 'customsCode', 'orderNo', 'ebpCode', 'ebpName', 'ebcCode', 'ebcName', 'logisticsNo', 'logisticsCode', 'logisticsName', 'copNo', 'preNo', 'invtNo', 'agentCode', 'agentName', 'reason'], p);
  if (h['ceb:appType'] !== '1') p.push('appType must be 1 (new declaration)');
  if (!state.released || !state.inventory) return [...p, `${h['ceb:orderNo']} was not released: nothing to return`];
  const list = state.inventory;
  if (h['ceb:preNo'] !== state.preNo || h['ceb:invtNo'] !== state.invtNo) p.push('invtNo/preNo do not name the released declaration list (the numbers on its CEB622 receipt)');
  if (h['ceb:ebcCode'] !== list.head['ceb:ebcCode']) p.push('the return’s e-commerce enterprise is not the list’s');
  if (h['ceb:logisticsNo'] === list.head['ceb:logisticsNo']) p.push('a return travels under a return waybill of its own');
  if (!lines.length) p.push('a return has at least one InvtRefundList');
  lines.forEach((l, i) => {
    required(l, ['gnum', 'gcode', 'gname', 'qty', 'unit'], p);
    const listed = list.lines[Number(l['ceb:gnum']) - 1];
    if (!listed) p.push(`InvtRefundList ${i + 1}: gnum ${l['ceb:gnum']} is not a line of the declaration list`);
    else if (listed['ceb:gcode'] !== l['ceb:gcode']) p.push(`InvtRefundList ${i + 1}: gcode is not the listed line's`);
    else if (!/^[1-9]\d*$/.test(l['ceb:qty'] ?? '') || Number(l['ceb:qty']) > Number(listed['ceb:qty'])) p.push(`InvtRefundList ${i + 1}: qty must be 1 to the ${listed['ceb:qty']} units listed`);
  });
  return p;
}

function checkWaybill(e: Entry): string[] {
  const p: string[] = [];
  required(e, ['guid', 'appType', 'appTime', 'appStatus', 'logisticsCode', 'logisticsName', 'logisticsNo', 'orderNo', 'freight', 'insuredFee', 'currency', 'weight', 'packNo', 'consignee', 'consigneeAddress', 'consigneeTelephone'], p);
  if (e['ceb:appType'] !== '1' && e['ceb:appType'] !== '2') p.push('appType must be 1 (new declaration) or 2 (change)');
  if (!(Number(e['ceb:weight']) > 0)) p.push('weight must be above 0');
  if (e['ceb:currency'] !== '142') p.push('currency must be 142');
  return p;
}

const within5 = (a: number, b: number) => Math.abs(a - b) <= Math.max(1, 0.05 * Math.max(Math.abs(a), Math.abs(b)));

export interface CustomsLoopbackOptions {
  /** The platform's public key; messages not signed with it are refused whole (HTTP 400). */
  publicKey: KeyObject;
  /** A reason to hold this order at clearance (besides the real matching rules), or null. */
  holdRule?: (orderNo: string) => string | null;
  /** A reason to refuse this entry (besides the schema checks), or null. */
  rejectRule?: (document: CebDocument, businessNo: string) => string | null;
  /** Orders customs takes its time over: matched but no clearance receipt until `decide(orderNo)`. */
  defer?: (orderNo: string) => boolean;
  /** Port to listen on (default: any free port); the dev sandbox uses a fixed one. */
  port?: number;
  /** The payment company's loopback, started with customs (who paid, refusals, its port). */
  paymentCompany?: Omit<PaymentDeclarationLoopbackOptions, 'publicKey' | 'customs'>;
}

interface Accepted {
  order?: { head: Entry; lines: Entry[] };
  payment?: Entry;
  waybill?: Entry;
  inventory?: { head: Entry; lines: Entry[] };
  cleared?: boolean;
  /** The clearance receipt issued was 800 (released). */
  released?: boolean;
  /** The numbers customs gave the declaration list on its receipt: pre-entry (at the decision) and list number (on release). */
  preNo?: string;
  invtNo?: string;
  /** Withdrawn by the platform: never cleared, later declarations refused. */
  withdrawn?: { head: Entry; at: Date };
  deferred?: boolean;
}

export class CustomsLoopback {
  readonly url: string;
  /** Every entry return given, by document and guid (a resend gets the same one). */
  readonly returns = new Map<string, CustomsReturn>();
  /** Order number → accepted documents. */
  readonly accepted = new Map<string, Accepted>();
  /** How many times each (document, order number) was accepted: must never exceed 1. */
  readonly acceptances = new Map<string, number>();
  readonly feed: CustomsReturn[] = [];
  readonly stats = { messages: 0, entries: 0, badSignatures: 0, timeouts: 0, resends: 0, withdrawals: 0 };
  /** Returns (CEB625) accepted, by their copNo: the head and lines as sent. */
  readonly returnsAccepted = new Map<string, { head: Entry; lines: Entry[] }>();
  /** Amendments (appType 2) taken, in order: the document, order number and what it now holds. */
  readonly amendments: { document: CebDocument; orderNo: string; head: Entry; lines: Entry[] }[] = [];
  /** Requests received and not answered yet. */
  inFlight = 0;
  private timeouts: { left: number; processed: boolean } = { left: 0, processed: true };
  private failures: { left: number; status: number } = { left: 0, status: 503 };
  private delayMs = 0;
  private readonly hanging = new Set<ServerResponse>();
  private readonly yearly = new Map<string, number>();
  private listSeq = 0;
  /** The payment company declaring payment records here (started with customs). */
  paymentCompany!: PaymentDeclarationLoopback;

  private constructor(
    private readonly server: Server,
    private readonly options: CustomsLoopbackOptions,
  ) {
    const { port } = server.address() as AddressInfo;
    this.url = `http://127.0.0.1:${port}`;
  }

  static async start(options: CustomsLoopbackOptions): Promise<CustomsLoopback> {
    let loopback: CustomsLoopback | null = null;
    const server = createServer((req, res) => void loopback!.handle(req, res));
    server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve, reject) => server.once('error', reject).listen(options.port ?? 0, '127.0.0.1', resolve));
    loopback = new CustomsLoopback(server, options);
    loopback.paymentCompany = await PaymentDeclarationLoopback.start({ ...options.paymentCompany, publicKey: options.publicKey, customs: loopback });
    return loopback;
  }

  /** What a worker needs to reach customs and the payment company. */
  get env(): { CUSTOMS_GATEWAY_URL: string; PAYMENT_DECLARATION_URL: string; WECHAT_PAY_DECLARATION_URL: string; WECHAT_PAY_CUSTOMS_KEY: string } {
    return { CUSTOMS_GATEWAY_URL: this.url, PAYMENT_DECLARATION_URL: this.paymentCompany.url, WECHAT_PAY_DECLARATION_URL: this.paymentCompany.url, WECHAT_PAY_CUSTOMS_KEY: this.paymentCompany.wechatKey };
  }

  /**
   * A payment record (CEB411 head) the payment company declares (its own channel, not the
   * platform's): checked, kept once per order, and matched like the others.
   */
  receivePaymentRecord(h: Entry): void {
    this.stats.entries++;
    const orderNo = String(h['ceb:orderNo'] ?? '');
    const problems = checkPayment(h);
    const extra = this.options.rejectRule?.('PAYMENT', String(h['ceb:payTransactionId'] ?? ''));
    if (extra) problems.push(extra);
    const state = this.accepted.get(orderNo) ?? {};
    if (!problems.length && h['ceb:appType'] === '2' && state.payment && !state.released && !state.withdrawn && !(state.cleared && !state.deferred)) {
      state.payment = h;
      this.amendments.push({ document: 'PAYMENT', orderNo, head: h, lines: [] });
      return;
    }
    if (problems.length || state.payment || state.withdrawn) return;
    this.acceptances.set(`PAYMENT:${orderNo}`, (this.acceptances.get(`PAYMENT:${orderNo}`) ?? 0) + 1);
    state.payment = h;
    this.accepted.set(orderNo, state);
    this.clearIfComplete(orderNo, state, new Date());
  }

  /** The next n messages get no answer at all; `processed`: customs still took them in (the answer was lost). */
  timeoutNext(n: number, processed = true): void {
    this.timeouts = { left: n, processed };
  }

  /** The next n messages are answered with this HTTP status and not processed. */
  failNext(n: number, status = 503): void {
    this.failures = { left: n, status };
  }

  /** Every answer waits this long (a slow customs). */
  setDelay(ms: number): void {
    this.delayMs = ms;
  }

  /** The withdrawal customs took for this order (its head as sent), if any. */
  withdrawalOf(orderNo: string): Entry | null {
    return this.accepted.get(orderNo)?.withdrawn?.head ?? null;
  }

  /** Customs decides on a deferred order: its clearance receipt is issued now (none if it was withdrawn). */
  decide(orderNo: string): void {
    const state = this.accepted.get(orderNo);
    if (!state?.deferred) return;
    state.deferred = false;
    this.clearIfComplete(orderNo, state, new Date());
  }

  acceptedCount(document: CebDocument, orderNo: string): number {
    return this.acceptances.get(`${document}:${orderNo}`) ?? 0;
  }

  async close(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server.close(() => r()));
    await this.paymentCompany?.close();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    this.inFlight++;
    res.on('close', () => this.inFlight--);
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    if (this.delayMs) await new Promise((r) => setTimeout(r, this.delayMs));
    if (req.method === 'GET' && url.pathname === '/ceb/receipts') return this.receipts(url, res);
    const match = /^\/ceb\/messages\/(CEB311|CEB411|CEB511|CEB621|CEB625)$/.exec(url.pathname);
    if (req.method !== 'POST' || !match) return void res.writeHead(404).end();
    // The payment record is the payment company's to declare, on its own channel.
    if (match[1] === 'CEB411') return void res.writeHead(403, { 'content-type': 'text/plain' }).end('CEB411 is declared by the payment company, not the platform');
    if (this.failures.left > 0) {
      this.failures.left--;
      return void res.writeHead(this.failures.status, { 'content-type': 'text/plain' }).end('service unavailable');
    }
    const timeout = this.timeouts.left > 0;
    if (timeout) this.timeouts.left--;
    if (timeout && !this.timeouts.processed) return this.hang(res);
    const answer = this.message(DOC_OF[match[1]], body);
    if (timeout) return this.hang(res);
    res.writeHead(answer.status, { 'content-type': 'application/xml; charset=utf-8' }).end(answer.body);
  }

  private hang(res: ServerResponse): void {
    this.stats.timeouts++;
    this.hanging.add(res);
    res.on('close', () => this.hanging.delete(res));
  }

  private message(document: CebDocument, xml: string): { status: number; body: string } {
    this.stats.messages++;
    const signature = verifyXml(xml, this.options.publicKey);
    if (!signature.ok) {
      this.stats.badSignatures++;
      return { status: 400, body: `signature refused: ${signature.reason}` };
    }
    const { root, entry, head, lines: linesOf } = ROOT[document];
    const doc = parseXml<Record<string, any>>(xml, [entry, 'ceb:OrderList', 'ceb:InventoryList', 'ceb:InvtRefundList'])[root];
    if (!doc) return { status: 400, body: `expected ${root}` };
    const now = new Date();
    const returns: CustomsReturn[] = [];
    for (const e of (doc[entry] ?? []) as Entry[]) {
      this.stats.entries++;
      const h = (e[head] ?? {}) as Entry;
      const guid = String(h['ceb:guid'] ?? '').toLowerCase();
      const orderNo = String(h['ceb:orderNo'] ?? '');
      const business =
        document === 'ORDER' ? orderNo : document === 'PAYMENT' ? String(h['ceb:payTransactionId'] ?? '') : document === 'INVENTORY' || document === 'RETURN' ? String(h['ceb:copNo'] ?? '') : String(h['ceb:logisticsNo'] ?? '');
      const known = this.returns.get(`${document}:${guid}`);
      if (known) {
        this.stats.resends++;
        returns.push(known);
        continue;
      }
      if (document === 'ORDER' && h['ceb:appType'] === '3') {
        returns.push(this.withdrawal(guid, orderNo, h, now));
        continue;
      }
      const lines = linesOf ? ((e[linesOf] ?? []) as Entry[]) : [];
      if (document === 'RETURN') {
        returns.push(this.returnDeclaration(guid, business, orderNo, h, lines, now));
        continue;
      }
      const problems = document === 'ORDER' ? checkOrder(h, lines) : document === 'PAYMENT' ? checkPayment(h) : document === 'INVENTORY' ? checkInventory(h, lines) : checkWaybill(h);
      const extra = this.options.rejectRule?.(document, business);
      if (extra) problems.push(extra);
      const state = this.accepted.get(orderNo) ?? {};
      const slot = document === 'ORDER' ? 'order' : document === 'PAYMENT' ? 'payment' : document === 'INVENTORY' ? 'inventory' : 'waybill';
      const amending = h['ceb:appType'] === '2';
      if (!problems.length && amending) {
        if (!state[slot]) problems.push(`${orderNo} has no accepted ${document.toLowerCase()} declaration to change`);
        else if (state.released || (state.cleared && !state.deferred)) problems.push(`${orderNo} was decided already and can no longer be changed`);
        else if (document === 'WAYBILL' && h['ceb:logisticsNo'] !== state.waybill?.['ceb:logisticsNo']) problems.push('a waybill change keeps its waybill number');
        else if (document === 'INVENTORY' && h['ceb:copNo'] !== state.inventory?.head['ceb:copNo']) problems.push('a declaration list change keeps its copNo');
      } else if (!problems.length && state[slot]) problems.push(`${orderNo} already has an accepted ${document.toLowerCase()} declaration`);
      if (!problems.length && state.withdrawn) problems.push(`${orderNo} was withdrawn by the platform`);
      const r: CustomsReturn = {
        guid,
        businessNo: business,
        orderNo,
        returnStatus: problems.length ? '100' : '120',
        returnTime: returnTime(now),
        returnInfo: problems.length ? problems.join('; ') : '海关入库成功',
      };
      this.returns.set(`${document}:${guid}`, r);
      returns.push(r);
      if (problems.length) continue;
      if (amending) {
        if (document === 'ORDER') state.order = { head: h, lines };
        else if (document === 'INVENTORY') state.inventory = { head: h, lines };
        else state.waybill = h;
        this.amendments.push({ document, orderNo, head: h, lines });
        continue;
      }
      this.acceptances.set(`${document}:${orderNo}`, (this.acceptances.get(`${document}:${orderNo}`) ?? 0) + 1);
      if (document === 'ORDER') state.order = { head: h, lines };
      else if (document === 'INVENTORY') state.inventory = { head: h, lines };
      else if (document === 'PAYMENT') state.payment = h;
      else state.waybill = h;
      this.accepted.set(orderNo, state);
      this.clearIfComplete(orderNo, state, now);
    }
    return { status: 200, body: buildAcknowledgement(document, doc['@_guid'] ?? randomUUID(), returns) };
  }

  /** A return declaration (CEB625): 120 accepted (once per copNo) or 100 refused with the reasons. */
  private returnDeclaration(guid: string, copNo: string, orderNo: string, h: Entry, lines: Entry[], now: Date): CustomsReturn {
    const problems = checkReturn(h, lines, this.accepted.get(orderNo) ?? {});
    const extra = this.options.rejectRule?.('RETURN', copNo);
    if (extra) problems.push(extra);
    if (!problems.length && this.returnsAccepted.has(copNo)) problems.push(`return ${copNo} is already declared`);
    const r: CustomsReturn = { guid, businessNo: copNo, orderNo, returnStatus: problems.length ? '100' : '120', returnTime: returnTime(now), returnInfo: problems.length ? problems.join('; ') : '退货申请审核通过' };
    this.returns.set(`RETURN:${guid}`, r);
    if (!problems.length) {
      this.returnsAccepted.set(copNo, { head: h, lines });
      this.acceptances.set(`RETURN:${copNo}`, (this.acceptances.get(`RETURN:${copNo}`) ?? 0) + 1);
    }
    return r;
  }

  /** A withdrawal of an order declaration: taken unless customs released the parcel already. */
  private withdrawal(guid: string, orderNo: string, h: Entry, now: Date): CustomsReturn {
    this.stats.withdrawals++;
    const problems = checkWithdrawal(h);
    const state = this.accepted.get(orderNo) ?? {};
    if (!problems.length && state.released) problems.push(`${orderNo} was released already and can no longer be withdrawn`);
    const r: CustomsReturn = {
      guid,
      businessNo: orderNo,
      orderNo,
      returnStatus: problems.length ? '100' : '120',
      returnTime: returnTime(now),
      returnInfo: problems.length ? problems.join('; ') : state.order ? '撤单成功' : '撤单成功 (no declaration on file)',
    };
    this.returns.set(`ORDER:${guid}`, r);
    if (!problems.length) {
      state.withdrawn ??= { head: h, at: now };
      this.accepted.set(orderNo, state);
    }
    return r;
  }

  /** The declaration list and the three documents it names (三单对碰): all in, they must tell the same story. */
  private clearIfComplete(orderNo: string, s: Accepted, now: Date): void {
    if (!s.order || !s.payment || !s.waybill || !s.inventory || s.cleared || s.withdrawn) return;
    if (s.deferred !== false && this.options.defer?.(orderNo)) {
      s.deferred = true;
      return;
    }
    s.cleared = true;
    const o = s.order.head;
    const reasons: string[] = [];
    const v = s.inventory.head;
    if (v['ceb:ebcCode'] !== o['ceb:ebcCode']) reasons.push('the declaration list’s e-commerce enterprise is not the order’s seller');
    if (v['ceb:buyerName'] !== o['ceb:buyerName'] || v['ceb:buyerIdNumber'] !== o['ceb:buyerIdNumber']) reasons.push('the declaration list’s buyer is not the orderer');
    if (v['ceb:logisticsNo'] !== s.waybill['ceb:logisticsNo']) reasons.push('the declaration list names another waybill');
    const listed = s.inventory.lines.reduce((sum, l) => sum + cents(l['ceb:totalPrice']), 0);
    if (!within5(listed, cents(o['ceb:goodsValue']))) reasons.push('the declaration list’s goods differ from the order by more than 5 %');
    if (o['ceb:buyerName'] !== s.payment['ceb:payerName']) reasons.push('the payer is not the orderer (names differ)');
    if (o['ceb:buyerIdNumber'] !== s.payment['ceb:payerIdNumber']) reasons.push('the payer ID number is not the orderer’s');
    if (o['ceb:payTransactionId'] !== s.payment['ceb:payTransactionId']) reasons.push('the payment transaction is not the order’s');
    if (o['ceb:payCode'] !== s.payment['ceb:payCode']) reasons.push('the payment enterprise declaring the payment is not the order’s');
    if (!within5(cents(s.payment['ceb:amountPaid']), cents(o['ceb:acturalPaid']))) reasons.push('the amount paid differs from the order by more than 5 %');
    if (o['ceb:consignee'] !== s.waybill['ceb:consignee']) reasons.push('the waybill consignee is not the order’s');
    if (!within5(cents(s.waybill['ceb:freight']) + cents(s.waybill['ceb:insuredFee']), cents(o['ceb:freight']))) reasons.push('the waybill freight differs from the order by more than 5 %');
    // The limits count the dutiable value (goods + freight + insurance, the order's freight holding
    // both); a single indivisible item (one line of one unit) above the per-order limit is let through
    // (general-trade taxes) within the yearly limit.
    const dutiable = cents(o['ceb:goodsValue']) + cents(o['ceb:freight']);
    const single = s.order.lines.length === 1 && s.order.lines[0]!['ceb:qty'] === '1';
    if (dutiable > PER_ORDER_LIMIT * 100 && !single) reasons.push(`dutiable value above the ${PER_ORDER_LIMIT} CNY per-order limit`);
    const year = `${o['ceb:buyerIdNumber']}:${now.getUTCFullYear()}`;
    if ((this.yearly.get(year) ?? 0) + dutiable > YEARLY_LIMIT * 100) reasons.push(`the buyer's ${YEARLY_LIMIT} CNY yearly limit would be exceeded`);
    const rule = this.options.holdRule?.(orderNo);
    if (rule) reasons.push(rule);
    if (!reasons.length) this.yearly.set(year, (this.yearly.get(year) ?? 0) + dutiable);
    s.released = !reasons.length;
    // Customs' numbers for the list (18 digits: customs code, year, I for import, a sequence): pre-entry always, list number once released.
    const seq = String(++this.listSeq).padStart(9, '0');
    s.preNo = `${v['ceb:customsCode'] ?? '0000'}${now.getUTCFullYear()}I${seq}`.slice(0, 18);
    if (s.released) s.invtNo = `${v['ceb:portCode'] ?? '0000'}${now.getUTCFullYear()}I${seq}`.slice(0, 18);
    this.feed.push({
      guid: String(v['ceb:guid'] ?? randomUUID()).toLowerCase(),
      businessNo: String(v['ceb:copNo'] ?? orderNo),
      orderNo,
      returnStatus: reasons.length ? '500' : '800',
      returnTime: returnTime(now),
      returnInfo: reasons.length ? reasons.join('; ') : '放行',
      preNo: s.preNo,
      ...(s.invtNo ? { invtNo: s.invtNo } : {}),
    });
  }

  private receipts(url: URL, res: ServerResponse): void {
    const from = Number(url.searchParams.get('cursor') || 0);
    const limit = Math.min(Number(url.searchParams.get('limit') || 100), 5000);
    const slice = this.feed.slice(from, from + limit);
    res.writeHead(200, { 'content-type': 'application/xml; charset=utf-8' }).end(buildReceiptFeed(slice, String(from + slice.length)));
  }
}
