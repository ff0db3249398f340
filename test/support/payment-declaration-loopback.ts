import { randomUUID, type KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ALIPAY_CUSTOMS_SERVICE, DEV_WECHAT_PAY_CUSTOMS_KEY, WECHAT_PAY_CUSTOMS_PATH, buildXml, customsTime, parseWechatXml, verifyAlipaySignature, verifyWechatSignature, wechatSign, wechatXml, yuan } from '@vitrine/customs';

/**
 * A loopback stand-in for the payment company's customs-declaration API (Alipay's
 * `alipay.acquire.customs`: POST /gateway.do, form parameters signed RSA2, XML answer), for
 * tests, benchmarks and the dev sandbox. Like the real one it:
 * - checks the merchant's signature and the parameters (out_request_no, trade_no,
 *   merchant_customs_code of 10 characters, amount, customs_place, buyer_name/buyer_id_no);
 * - checks the identity sent against the payer it knows (`payer`, by default the identity
 *   sent) and answers identity_check T/F with the payer's verified name (buyer_name);
 * - declares the payment record (CEB411) to customs itself (`customs.receivePaymentRecord`),
 *   with the payer as it knows them, which customs then matches with the order;
 * - answers a request sent again (same out_request_no) with its first answer; one that
 *   changes the amount of a declaration it made (the merchant's modification, after a partial
 *   refund) declares the record again to customs as a change (appType 2) and answers anew
 *   (`modifications` counts them); sent again unchanged, it gets that answer;
 * - takes a payment that paid for several orders only as a split (is_split T, each order its
 *   sub_out_biz_no): a second order of the same trade_no declared unsplit is refused
 *   (TRADE_DECLARED_NOT_SPLIT, the loopback's name for it), and the CEB411 names the sub-order.
 * On the same port it also plays WeChat Pay's customs declaration
 * (POST /cgi-bin/mch/customs/customdeclareorder, `<xml>` signed MD5 or HMAC-SHA256 with the
 * merchant key `wechatKey`): a bad signature answers return_code FAIL (签名错误); it checks
 * the parameters (order_fee = product_fee + transport_fee + duty, fee_type CNY, cert_type
 * IDCARD), answers state SUBMITTED with cert_check_result SAME / DIFFERENT (never the
 * payer's name, as WeChat), verify_department and its trade id, and declares the CEB411 as
 * Tenpay; action_type MODIFY declares a change (appType 2); a split payment's orders come as
 * sub_order_no under the payment's out_trade_no, and a second order of one transaction_id
 * without sub_order_no is refused. `wechat` keeps what it took, by order (sub_order_no, else
 * out_trade_no).
 */
export interface PaymentRecordSink {
  receivePaymentRecord(head: Record<string, string>): void;
}

export interface PaymentDeclarationLoopbackOptions {
  /** The merchant's (platform's) public key: requests not signed with it are refused. */
  publicKey: KeyObject;
  /** Customs, which receives the payment records this company declares. */
  customs: PaymentRecordSink;
  /** Who really paid this order (out_request_no), when it is not the identity sent. */
  payer?: (outRequestNo: string) => { name: string; idNumber: string } | null;
  /** A reason to refuse this request (detail_error_code), or null. */
  refuse?: (outRequestNo: string) => string | null;
  /** WeChat Pay's merchant API key (default the dev sandbox's, DEV_WECHAT_PAY_CUSTOMS_KEY). */
  wechatKey?: string;
  port?: number;
}

export const PAYMENT_COMPANY = { code: '31222699S7', name: '支付宝(中国)网络技术有限公司' };
export const WECHAT_PAY_COMPANY = { code: '4403169D3W', name: '财付通支付科技有限公司' };

const WECHAT_REQUIRED = ['appid', 'mch_id', 'out_trade_no', 'transaction_id', 'customs', 'mch_customs_no', 'action_type', 'fee_type', 'order_fee', 'product_fee', 'transport_fee', 'duty', 'cert_type', 'cert_id', 'name', 'sign'];

const REQUIRED = ['service', 'partner', 'out_request_no', 'trade_no', 'merchant_customs_code', 'merchant_customs_name', 'amount', 'customs_place', 'buyer_name', 'buyer_id_no'];

export class PaymentDeclarationLoopback {
  readonly url: string;
  /** Every request taken, by out_request_no: its parameters (ID included: this is the payment company) and the answer given. */
  readonly declarations = new Map<string, { params: Record<string, string>; answer: string; identityCheck: 'T' | 'F' }>();
  readonly stats = { requests: 0, resends: 0, badSignatures: 0, modifications: 0 };
  /** WeChat Pay's requests taken, by out_trade_no: the latest parameters (ID included), every action_type seen, and the answer. */
  readonly wechat = new Map<string, { params: Record<string, string>; actions: string[]; answer: string; certCheck: 'SAME' | 'DIFFERENT' }>();
  readonly wechatStats = { requests: 0, badSignatures: 0, modifications: 0 };
  readonly wechatKey: string;

  private constructor(
    private readonly server: Server,
    private readonly options: PaymentDeclarationLoopbackOptions,
  ) {
    this.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    this.wechatKey = options.wechatKey ?? DEV_WECHAT_PAY_CUSTOMS_KEY;
  }

  static async start(options: PaymentDeclarationLoopbackOptions): Promise<PaymentDeclarationLoopback> {
    let loopback: PaymentDeclarationLoopback | null = null;
    const server = createServer((req, res) => void loopback!.handle(req, res));
    await new Promise<void>((resolve, reject) => server.once('error', reject).listen(options.port ?? 0, '127.0.0.1', resolve));
    loopback = new PaymentDeclarationLoopback(server, options);
    return loopback;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server.close(() => r()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const path = new URL(req.url ?? '/', this.url).pathname;
    if (req.method === 'POST' && path === WECHAT_PAY_CUSTOMS_PATH) {
      return void res.writeHead(200, { 'content-type': 'text/xml; charset=utf-8' }).end(this.wechatAnswer(Buffer.concat(chunks).toString('utf8')));
    }
    if (req.method !== 'POST' || path !== '/gateway.do') return void res.writeHead(404).end();
    const params = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
    res.writeHead(200, { 'content-type': 'text/xml; charset=utf-8' }).end(this.answer(params));
  }

  private answer(params: Record<string, string>): string {
    this.stats.requests++;
    const failed = (error: string) => buildXml({ alipay: { is_success: 'F', error } });
    if (!verifyAlipaySignature(params, this.options.publicKey)) {
      this.stats.badSignatures++;
      return failed('ILLEGAL_SIGN');
    }
    if (params['service'] !== ALIPAY_CUSTOMS_SERVICE) return failed('ILLEGAL_SERVICE');
    const missing = REQUIRED.filter((f) => !params[f]?.trim());
    if (missing.length) return failed(`ILLEGAL_ARGUMENT:${missing.join(',')}`);
    const no = params['out_request_no'];
    if (params['is_split'] === 'T' && !params['sub_out_biz_no']?.trim()) return failed('ILLEGAL_ARGUMENT:sub_out_biz_no');
    const known = this.declarations.get(no);
    const modified = known && known.identityCheck === 'T' && known.params['amount'] !== params['amount'] && known.params['trade_no'] === params['trade_no'] && known.answer.includes('SUCCESS');
    if (known && !modified) {
      this.stats.resends++;
      return known.answer;
    }
    if (modified) this.stats.modifications++;
    const response = (fields: Record<string, string>) =>
      buildXml({ alipay: { is_success: 'T', response: { alipay: fields }, sign_type: 'RSA2' } });
    let refusal = this.options.refuse?.(no) ?? null;
    if (!refusal && !/^[0-9A-Z]{10}$/.test(params['merchant_customs_code'])) refusal = 'MERCHANT_CUSTOMS_CODE_INVALID';
    // One trade paid for several orders: each must come as a split of it.
    const sameTrade = [...this.declarations].filter(([other, d]) => other !== no && d.params['trade_no'] === params['trade_no'] && d.answer.includes('SUCCESS'));
    if (!refusal && sameTrade.length && (params['is_split'] !== 'T' || sameTrade.some(([, d]) => d.params['is_split'] !== 'T'))) refusal = 'TRADE_DECLARED_NOT_SPLIT';
    if (!refusal && !/^\d{1,13}(\.\d{1,2})?$/.test(params['amount'])) refusal = 'AMOUNT_INVALID';
    if (refusal) {
      const answer = response({ result_code: 'FAIL', detail_error_code: refusal, detail_error_des: refusal, out_request_no: no, trade_no: params['trade_no'] });
      this.declarations.set(no, { params, answer, identityCheck: 'F' });
      return answer;
    }
    const payer = this.options.payer?.(no) ?? { name: params['buyer_name'], idNumber: params['buyer_id_no'] };
    const identityCheck = payer.name === params['buyer_name'] && payer.idNumber === params['buyer_id_no'] ? 'T' : 'F';
    const declareNo = `2026${randomUUID().replace(/-/g, '').slice(0, 16)}`;
    const answer = response({
      result_code: 'SUCCESS',
      trade_no: params['trade_no'],
      alipay_declare_no: declareNo,
      out_request_no: no,
      identity_check: identityCheck,
      buyer_name: payer.name,
    });
    this.declarations.set(no, { params, answer, identityCheck });
    // The payment company's own declaration to customs (CEB411), with the payer as it knows them.
    const now = new Date();
    this.options.customs.receivePaymentRecord({
      'ceb:guid': randomUUID().toUpperCase(),
      'ceb:appType': modified ? '2' : '1',
      'ceb:appTime': customsTime(now),
      'ceb:appStatus': '2',
      'ceb:payCode': PAYMENT_COMPANY.code,
      'ceb:payName': PAYMENT_COMPANY.name,
      'ceb:payTransactionId': params['trade_no'],
      'ceb:orderNo': params['is_split'] === 'T' ? params['sub_out_biz_no'] : no,
      'ceb:ebpCode': params['merchant_customs_code'],
      'ceb:ebpName': params['merchant_customs_name'],
      'ceb:payerIdType': '1',
      'ceb:payerIdNumber': payer.idNumber,
      'ceb:payerName': payer.name,
      'ceb:telephone': '',
      'ceb:amountPaid': params['amount'],
      'ceb:currency': '142',
      'ceb:payTime': customsTime(now),
      'ceb:note': `declared on the request of ${params['merchant_customs_code']} (${declareNo})`,
    });
    return answer;
  }
  private wechatAnswer(body: string): string {
    this.wechatStats.requests++;
    const reply = (fields: Record<string, string>) => {
      const signed = { ...fields, nonce_str: randomUUID().replace(/-/g, '') };
      return wechatXml({ ...signed, sign: wechatSign(signed, this.wechatKey) });
    };
    const refused = (msg: string) => wechatXml({ return_code: 'FAIL', return_msg: msg });
    let params: Record<string, string>;
    try {
      params = parseWechatXml(body);
    } catch {
      return refused('XML格式错误');
    }
    if (!verifyWechatSignature(params, this.wechatKey)) {
      this.wechatStats.badSignatures++;
      return refused('签名错误');
    }
    const missing = WECHAT_REQUIRED.filter((f) => !params[f]?.trim());
    if (missing.length) return refused(`缺少参数: ${missing.join(',')}`);
    // The order: a split payment's sub-order, else the payment's own order.
    const no = params['sub_order_no'] || params['out_trade_no'];
    const base = { return_code: 'SUCCESS', return_msg: 'OK', appid: params['appid'], mch_id: params['mch_id'], out_trade_no: params['out_trade_no'], ...(params['sub_order_no'] ? { sub_order_no: params['sub_order_no'] } : {}), transaction_id: params['transaction_id'] };
    const fen = (k: string) => (/^\d+$/.test(params[k]) ? Number(params[k]) : NaN);
    let problem: string | null = this.options.refuse?.(no) ?? null;
    if (!problem && !['ADD', 'MODIFY'].includes(params['action_type'])) problem = 'PARAM_ERROR: action_type';
    if (!problem && (params['fee_type'] !== 'CNY' || params['cert_type'] !== 'IDCARD')) problem = 'PARAM_ERROR: fee_type / cert_type';
    if (!problem && !(fen('order_fee') > 0 && fen('order_fee') === fen('product_fee') + fen('transport_fee') + fen('duty'))) problem = 'PARAM_ERROR: order_fee';
    const known = this.wechat.get(no);
    const sameTransaction = [...this.wechat].some(([other, d]) => other !== no && d.params['transaction_id'] === params['transaction_id'] && (!d.params['sub_order_no'] || !params['sub_order_no']));
    if (!problem && sameTransaction) problem = 'PARAM_ERROR: this transaction paid for another order: declare each as its sub_order_no';
    if (!problem && params['action_type'] === 'ADD' && known) {
      return known.answer;
    }
    if (!problem && params['action_type'] === 'MODIFY' && !known) problem = 'ORDER_NOT_EXIST';
    if (problem) return reply({ ...base, result_code: 'FAIL', err_code: problem, err_code_des: problem, state: 'FAIL' });
    const modified = params['action_type'] === 'MODIFY';
    if (modified) this.wechatStats.modifications++;
    const payer = this.options.payer?.(no) ?? { name: params['name'], idNumber: params['cert_id'] };
    const certCheck = payer.name === params['name'] && payer.idNumber === params['cert_id'] ? 'SAME' : 'DIFFERENT';
    const answer = reply({ ...base, result_code: 'SUCCESS', state: 'SUBMITTED', modify_time: customsTime(new Date()), cert_check_result: certCheck, verify_department: 'UNIONPAY', verify_department_trade_id: `4200${randomUUID().replace(/-/g, '').slice(0, 20)}` });
    this.wechat.set(no, { params, actions: [...(known?.actions ?? []), params['action_type']], answer, certCheck });
    const now = new Date();
    this.options.customs.receivePaymentRecord({
      'ceb:guid': randomUUID().toUpperCase(),
      'ceb:appType': modified ? '2' : '1',
      'ceb:appTime': customsTime(now),
      'ceb:appStatus': '2',
      'ceb:payCode': WECHAT_PAY_COMPANY.code,
      'ceb:payName': WECHAT_PAY_COMPANY.name,
      'ceb:payTransactionId': params['transaction_id'],
      'ceb:orderNo': no,
      'ceb:ebpCode': params['mch_customs_no'],
      'ceb:ebpName': params['mch_customs_no'],
      'ceb:payerIdType': '1',
      'ceb:payerIdNumber': payer.idNumber,
      'ceb:payerName': payer.name,
      'ceb:telephone': '',
      'ceb:amountPaid': yuan(fen('order_fee')),
      'ceb:currency': '142',
      'ceb:payTime': customsTime(now),
      'ceb:note': `declared by WeChat Pay on the request of ${params['mch_id']} (${params['customs']})`,
    });
    return answer;
  }
}
