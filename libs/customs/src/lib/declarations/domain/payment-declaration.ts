import { createVerify, sign, type KeyObject } from 'node:crypto';
import { parseXml } from './ceb-xml';
import { yuan } from './ceb-messages';

/**
 * The payment record (CEB411) is declared to customs by the payment company, not by us: the
 * merchant asks it to, through its customs-declaration API, and it pushes the record to
 * customs itself. The shape here is Alipay's `alipay.acquire.customs` (form parameters,
 * RSA2-signed, XML answer); WeChat Pay's `/cgi-bin/mch/customs/customdeclareorder` is in
 * wechat-pay-declaration.ts, for orders paid with WeChat Pay.
 */
export interface PaymentDeclarationRequest {
  /** Ours, unique per declaration request (resends carry the same one). */
  outRequestNo: string;
  /** The payment company's transaction number (payTransactionId of the order). */
  tradeNo: string;
  /** The e-commerce enterprise the payment is declared for (the museum's registration). */
  merchantCustomsCode: string;
  merchantCustomsName: string;
  /** Fen. */
  amountMinor: number;
  /** The customs office the record goes to (Alipay customs_place, e.g. ZONGSHU for the GACC). */
  customsPlace: string;
  /** The orderer, for the payment company's identity check of the payer. */
  payerName: string;
  payerIdNumber: string;
  /** The amount's parts, for the APIs that take them (WeChat Pay: product_fee, transport_fee, duty). */
  breakdown?: { goodsMinor: number; freightMinor: number; taxMinor: number };
  /** An amendment of the declaration made before (a partial refund): WeChat Pay's action_type MODIFY. */
  modify?: boolean;
  /**
   * This order is one of several the payment paid for (a checkout split per seller and customs
   * mode): declared as a split of the payment, the order as its sub-order (Alipay is_split T
   * with sub_out_biz_no; WeChat Pay sub_order_no under the payment's out_trade_no).
   */
  split?: { paymentRef: string; subOrderNo: string } | null;
}

/** How the order was paid (payments.wallet_method): it picks the payment company that declares it. */
export type DeclaredPaymentMethod = 'ALIPAY' | 'WECHAT_PAY' | 'CARD';

export interface PaymentDeclarationAnswer {
  /** SUCCESS, or the failure (FAIL with its detail code). */
  resultCode: string;
  /** The payment company's declaration number (alipay_declare_no). */
  declareNo: string | null;
  /** The payer's real name as the payment company verified it, where it gives one. */
  payerName: string | null;
  /** Whether the payer's ID matched the identity sent (identity_check T/F), where it says. */
  identityMatch: boolean | null;
  errorInfo: string | null;
  /** The request itself was refused (is_success F: bad signature, missing argument): nothing was declared. */
  requestError: string | null;
  /** The answer as received (no ID number in it). */
  raw: string;
}

export const ALIPAY_CUSTOMS_SERVICE = 'alipay.acquire.customs';

/** Alipay's string to sign: the non-empty parameters but sign/sign_type, sorted, `k=v` joined by `&`. */
export function alipaySignContent(params: Readonly<Record<string, string>>): string {
  return Object.keys(params)
    .filter((k) => k !== 'sign' && k !== 'sign_type' && params[k] !== '')
    .sort()
    .map((k) => `${k}=${params[k]}`)
    .join('&');
}

/** The request's form parameters, signed RSA2 (SHA256withRSA) with the merchant's key. */
export function alipayCustomsParams(r: PaymentDeclarationRequest, partner: string, key: KeyObject | null): Record<string, string> {
  const params: Record<string, string> = {
    service: ALIPAY_CUSTOMS_SERVICE,
    partner,
    _input_charset: 'utf-8',
    out_request_no: r.outRequestNo,
    trade_no: r.tradeNo,
    merchant_customs_code: r.merchantCustomsCode,
    merchant_customs_name: r.merchantCustomsName,
    amount: yuan(r.amountMinor),
    customs_place: r.customsPlace,
    is_split: r.split ? 'T' : 'F',
    buyer_name: r.payerName,
    buyer_id_no: r.payerIdNumber,
  };
  if (r.split) params['sub_out_biz_no'] = r.split.subOrderNo;
  if (key) {
    params['sign_type'] = 'RSA2';
    params['sign'] = sign('sha256', Buffer.from(alipaySignContent(params), 'utf8'), key).toString('base64');
  }
  return params;
}

export function verifyAlipaySignature(params: Readonly<Record<string, string>>, publicKey: KeyObject): boolean {
  if (params['sign_type'] !== 'RSA2' || !params['sign']) return false;
  return createVerify('sha256').update(alipaySignContent(params), 'utf8').verify(publicKey, params['sign'], 'base64');
}

/** The request as the audit trail keeps it: the payer's ID masked, no signature. */
export function maskedRequest(params: Readonly<Record<string, string>>, idMasked: string): string {
  const { sign: _s, sign_type: _t, ...rest } = params;
  return new URLSearchParams({ ...rest, buyer_id_no: idMasked }).toString();
}

type AlipayDoc = { alipay?: { is_success?: string; error?: string; response?: { alipay?: Record<string, string | undefined> } } };

/** Reads Alipay's XML answer; throws on something that is not one. */
export function parseAlipayCustomsAnswer(xml: string): PaymentDeclarationAnswer {
  const root = parseXml<AlipayDoc>(xml).alipay;
  if (!root || (root.is_success !== 'T' && root.is_success !== 'F')) throw new Error('expected an <alipay> answer with is_success');
  if (root.is_success === 'F') return { resultCode: 'FAIL', declareNo: null, payerName: null, identityMatch: null, errorInfo: root.error ?? 'refused', requestError: root.error ?? 'refused', raw: xml };
  const r = root.response?.alipay ?? {};
  const check = r['identity_check'];
  const resultCode = r['result_code'] ?? 'FAIL';
  return {
    resultCode: resultCode === 'SUCCESS' ? 'SUCCESS' : `FAIL:${r['detail_error_code'] ?? 'UNKNOWN'}`,
    declareNo: r['alipay_declare_no'] || null,
    payerName: r['buyer_name'] || null,
    identityMatch: check === 'T' ? true : check === 'F' ? false : null,
    errorInfo: resultCode === 'SUCCESS' ? null : (r['detail_error_des'] ?? r['detail_error_code'] ?? 'refused'),
    requestError: null,
    raw: xml,
  };
}

/**
 * Whether the payer the payment company verified is the orderer (customs releases a parcel
 * only when they are the same person): null when nothing says otherwise, else the reason.
 */
export function payerMismatch(ordererName: string, answer: Pick<PaymentDeclarationAnswer, 'payerName' | 'identityMatch'>): string | null {
  const reasons: string[] = [];
  if (answer.payerName !== null && answer.payerName.trim() !== ordererName.trim()) reasons.push(`the payment company verified the payer as ${answer.payerName}, the orderer is ${ordererName}`);
  if (answer.identityMatch === false) reasons.push('the payer’s ID number is not the orderer’s');
  return reasons.length ? `the payer is not the orderer: ${reasons.join('; ')}` : null;
}

/** The payment company's customs-declaration API as the platform sees it. */
export interface PaymentDeclarationGateway {
  /** Which API it speaks (the transmission's message type): e.g. alipay.acquire.customs. */
  readonly service: string;
  /** Asks the payment company to declare; resolves with its answer, or throws PaymentDeclarationTransmissionError. */
  declare(request: PaymentDeclarationRequest, idMasked: string): Promise<{ answer: PaymentDeclarationAnswer; requestMasked: string }>;
  /** The request as the audit trail keeps it (ID masked, unsigned), before it is sent. */
  maskRequest(request: PaymentDeclarationRequest, idMasked: string): string;
}

export class PaymentDeclarationTransmissionError extends Error {
  constructor(
    readonly outcome: string,
    message: string,
    readonly requestMasked: string,
  ) {
    super(message);
    this.name = 'PaymentDeclarationTransmissionError';
  }
}

export const PAYMENT_DECLARATION_GATEWAY = Symbol('PAYMENT_DECLARATION_GATEWAY');
/** WeChat Pay's customs declaration, for orders paid with WeChat Pay. */
export const WECHAT_PAY_DECLARATION_GATEWAY = Symbol('WECHAT_PAY_DECLARATION_GATEWAY');
