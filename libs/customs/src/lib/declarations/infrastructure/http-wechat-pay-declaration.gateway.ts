import { httpExchange, type HttpAnswer, type HttpExchangeError } from '@vitrine/shared/data-access';
import {
  PaymentDeclarationTransmissionError,
  type PaymentDeclarationAnswer,
  type PaymentDeclarationGateway,
  type PaymentDeclarationRequest,
} from '../domain/payment-declaration';
import {
  WECHAT_PAY_CUSTOMS_PATH,
  WECHAT_PAY_CUSTOMS_SERVICE,
  maskedWechatRequest,
  parseWechatCustomsAnswer,
  parseWechatXml,
  verifyWechatSignature,
  wechatCustomsParams,
  wechatXml,
  type WechatMerchant,
} from '../domain/wechat-pay-declaration';

/**
 * WeChat Pay's customs declaration over HTTP: POST <WECHAT_PAY_DECLARATION_URL>
 * /cgi-bin/mch/customs/customdeclareorder with the signed `<xml>` request, answered in XML.
 * Every failure to get a readable answer (an answer not signed with the merchant key
 * included), and a request WeChat refused (return_code FAIL: signature, parameters), is a
 * PaymentDeclarationTransmissionError: the same request is sent
 * again later, as Alipay's are.
 */
export class HttpWechatPayDeclarationGateway implements PaymentDeclarationGateway {
  readonly service = WECHAT_PAY_CUSTOMS_SERVICE;

  constructor(
    private readonly baseUrl: string,
    private readonly merchant: WechatMerchant,
    private readonly timeoutMs: number,
  ) {}

  maskRequest(request: PaymentDeclarationRequest, idMasked: string): string {
    return maskedWechatRequest(wechatCustomsParams(request, this.merchant, false), idMasked);
  }

  async declare(request: PaymentDeclarationRequest, idMasked: string): Promise<{ answer: PaymentDeclarationAnswer; requestMasked: string }> {
    const params = wechatCustomsParams(request, this.merchant);
    const requestMasked = maskedWechatRequest(params, idMasked);
    const fail = (outcome: string, message: string) => new PaymentDeclarationTransmissionError(outcome, message, requestMasked);
    let res: HttpAnswer;
    try {
      res = await httpExchange(`${this.baseUrl}${WECHAT_PAY_CUSTOMS_PATH}`, {
        method: 'POST',
        headers: { 'content-type': 'text/xml; charset=utf-8' },
        body: wechatXml(params),
        timeoutMs: this.timeoutMs,
      });
    } catch (error) {
      const e = error as HttpExchangeError;
      if (e.phase === 'body') throw fail('TIMEOUT', `WeChat Pay's answer was cut short: ${e.message}`);
      if (e.timedOut) throw fail('TIMEOUT', `WeChat Pay did not answer within ${this.timeoutMs} ms`);
      throw fail('NETWORK_ERROR', `WeChat Pay is unreachable: ${e.message}`);
    }
    const body = res.text;
    if (!res.ok) throw fail(`HTTP_${res.status}`, `WeChat Pay answered ${res.status}: ${body.slice(0, 300)}`);
    let answer: PaymentDeclarationAnswer;
    try {
      answer = parseWechatCustomsAnswer(body);
    } catch (error) {
      throw fail('UNREADABLE_ANSWER', `unreadable answer from WeChat Pay: ${(error as Error).message}`);
    }
    if (answer.requestError) throw fail('REQUEST_REFUSED', `WeChat Pay refused the request: ${answer.requestError}`);
    // WeChat signs what it answers to a request it took: an unsigned or forged answer is not one.
    if (!verifyWechatSignature(parseWechatXml(body), this.merchant.key)) throw fail('UNREADABLE_ANSWER', 'the answer from WeChat Pay is not signed with the merchant key');
    return { answer, requestMasked };
  }
}
