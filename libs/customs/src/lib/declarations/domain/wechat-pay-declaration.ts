import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { buildXml, parseXml } from './ceb-xml';
import type { PaymentDeclarationAnswer, PaymentDeclarationRequest } from './payment-declaration';

/**
 * WeChat Pay's customs declaration (订单附加信息提交, v2 API): XML POSTed to
 * `/cgi-bin/mch/customs/customdeclareorder`, signed with the merchant's API key (MD5 by
 * default, HMAC-SHA256 when `sign_type` says so), answered in XML with return_code,
 * result_code, state and cert_check_result. WeChat Pay pushes the payment record (CEB411) to
 * customs itself. Amounts are whole fen.
 */
export const WECHAT_PAY_CUSTOMS_SERVICE = 'wechatpay.customdeclareorder';
export const WECHAT_PAY_CUSTOMS_PATH = '/cgi-bin/mch/customs/customdeclareorder';

export type WechatSignType = 'MD5' | 'HMAC-SHA256';

export interface WechatMerchant {
  appid: string;
  mchId: string;
  /** The merchant API key the requests are signed with. */
  key: string;
}

/** WeChat Pay v2's string to sign: the non-empty parameters but sign, sorted by name, `k=v` joined by `&`, then `&key=<key>`. */
export function wechatSignContent(params: Readonly<Record<string, string>>, key: string): string {
  const a = Object.keys(params)
    .filter((k) => k !== 'sign' && params[k] !== '')
    .sort()
    .map((k) => `${k}=${params[k]}`)
    .join('&');
  return `${a}&key=${key}`;
}

/** The signature, upper-case hex: MD5 of the content, or HMAC-SHA256 keyed with the merchant key. */
export function wechatSign(params: Readonly<Record<string, string>>, key: string, type: WechatSignType = 'MD5'): string {
  const content = wechatSignContent(params, key);
  const digest = type === 'HMAC-SHA256' ? createHmac('sha256', key).update(content, 'utf8') : createHash('md5').update(content, 'utf8');
  return digest.digest('hex').toUpperCase();
}

export function verifyWechatSignature(params: Readonly<Record<string, string>>, key: string): boolean {
  const given = params['sign'];
  if (!given) return false;
  const type: WechatSignType = params['sign_type'] === 'HMAC-SHA256' ? 'HMAC-SHA256' : 'MD5';
  const expected = Buffer.from(wechatSign(params, key, type));
  const actual = Buffer.from(given.toUpperCase());
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/** WeChat Pay's out_trade_no of a payment from its reference (a checkout's uuid): at most 32 characters, letters and digits. */
export function wechatOutTradeNo(paymentRef: string): string {
  return paymentRef.replace(/[^0-9A-Za-z]/g, '').slice(0, 32);
}

/**
 * The request's parameters, signed: ADD the first time, MODIFY for an amendment (a partial
 * refund: what is left). order_fee = product_fee + transport_fee + duty, all in fen; duty
 * carries the order's cross-border taxes.
 */
export function wechatCustomsParams(r: PaymentDeclarationRequest, m: WechatMerchant, signed = true): Record<string, string> {
  const b = r.breakdown ?? { goodsMinor: r.amountMinor, freightMinor: 0, taxMinor: 0 };
  const params: Record<string, string> = {
    appid: m.appid,
    mch_id: m.mchId,
    // The payment's merchant order number; a split payment's orders are its sub-orders.
    out_trade_no: r.split ? wechatOutTradeNo(r.split.paymentRef) : r.outRequestNo,
    transaction_id: r.tradeNo,
    // WeChat's customs office code (NINGBO, ZHENGZHOU_BS, SHANGHAI_ZS, ...).
    customs: r.customsPlace,
    mch_customs_no: r.merchantCustomsCode,
    action_type: r.modify ? 'MODIFY' : 'ADD',
    fee_type: 'CNY',
    order_fee: String(r.amountMinor),
    product_fee: String(b.goodsMinor),
    transport_fee: String(b.freightMinor),
    duty: String(b.taxMinor),
    cert_type: 'IDCARD',
    cert_id: r.payerIdNumber.trim(),
    name: r.payerName.trim(),
  };
  if (r.split) params['sub_order_no'] = r.split.subOrderNo;
  if (signed) params['sign'] = wechatSign(params, m.key);
  return params;
}

/** The parameters as WeChat takes them: `<xml><k>v</k>...</xml>`. */
export function wechatXml(params: Readonly<Record<string, string>>): string {
  return buildXml({ xml: { ...params } });
}

/** Reads a WeChat `<xml>` document into its flat parameters; throws on something that is not one. */
export function parseWechatXml(xml: string): Record<string, string> {
  const root = parseXml<{ xml?: Record<string, unknown> }>(xml).xml;
  if (!root || typeof root !== 'object') throw new Error('expected an <xml> document');
  return Object.fromEntries(Object.entries(root).map(([k, v]) => [k, typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v)]));
}

/** The request as the audit trail keeps it: the payer's ID masked, no signature. */
export function maskedWechatRequest(params: Readonly<Record<string, string>>, idMasked: string): string {
  const { sign: _s, ...rest } = params;
  return wechatXml({ ...rest, cert_id: idMasked });
}

/**
 * Reads WeChat's answer. return_code FAIL is a refused request (signature, parameters):
 * nothing declared. result_code FAIL, or state FAIL / EXCEPT, is a refused declaration.
 * WeChat does not give the payer's name back: only whether the identity sent matched the
 * payer it knows (cert_check_result SAME / DIFFERENT / UNCHECKED), so payerName is null.
 */
export function parseWechatCustomsAnswer(xml: string): PaymentDeclarationAnswer {
  const a = parseWechatXml(xml);
  if (a['return_code'] !== 'SUCCESS' && a['return_code'] !== 'FAIL') throw new Error('expected an <xml> answer with return_code');
  if (a['return_code'] === 'FAIL') {
    const error = a['return_msg'] || 'refused';
    return { resultCode: 'FAIL', declareNo: null, payerName: null, identityMatch: null, errorInfo: error, requestError: error, raw: xml };
  }
  const state = a['state'] ?? '';
  const ok = a['result_code'] === 'SUCCESS' && state !== 'FAIL' && state !== 'EXCEPT';
  const check = a['cert_check_result'];
  const department = a['verify_department'] ? `${a['verify_department']}:${a['verify_department_trade_id'] ?? ''}` : null;
  return {
    resultCode: ok ? 'SUCCESS' : `FAIL:${a['err_code'] || state || 'UNKNOWN'}`,
    declareNo: ok ? (department ?? (a['transaction_id'] || null)) : null,
    payerName: null,
    identityMatch: check === 'SAME' ? true : check === 'DIFFERENT' ? false : null,
    errorInfo: ok ? null : a['err_code_des'] || a['err_code'] || `state ${state || 'unknown'}`,
    requestError: null,
    raw: xml,
  };
}
