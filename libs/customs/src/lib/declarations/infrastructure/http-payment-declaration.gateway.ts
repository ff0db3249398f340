import type { KeyObject } from 'node:crypto';
import { httpExchange, type HttpAnswer, type HttpExchangeError } from '@vitrine/shared/data-access';
import {
  ALIPAY_CUSTOMS_SERVICE,
  PaymentDeclarationTransmissionError,
  alipayCustomsParams,
  maskedRequest,
  parseAlipayCustomsAnswer,
  type PaymentDeclarationAnswer,
  type PaymentDeclarationGateway,
  type PaymentDeclarationRequest,
} from '../domain/payment-declaration';

/**
 * The payment company's customs-declaration API over HTTP, in Alipay's shape: POST
 * <PAYMENT_DECLARATION_URL>/gateway.do with the form parameters of alipay.acquire.customs,
 * signed RSA2, answered in XML. Every failure to get a readable answer is a
 * PaymentDeclarationTransmissionError (the same request is sent again later).
 */
export class HttpPaymentDeclarationGateway implements PaymentDeclarationGateway {
  readonly service = ALIPAY_CUSTOMS_SERVICE;

  constructor(
    private readonly baseUrl: string,
    private readonly partner: string,
    private readonly key: KeyObject | null,
    private readonly timeoutMs: number,
  ) {}

  maskRequest(request: PaymentDeclarationRequest, idMasked: string): string {
    return maskedRequest(alipayCustomsParams(request, this.partner, null), idMasked);
  }

  async declare(request: PaymentDeclarationRequest, idMasked: string): Promise<{ answer: PaymentDeclarationAnswer; requestMasked: string }> {
    const params = alipayCustomsParams(request, this.partner, this.key);
    const requestMasked = maskedRequest(params, idMasked);
    const fail = (outcome: string, message: string) => new PaymentDeclarationTransmissionError(outcome, message, requestMasked);
    let res: HttpAnswer;
    try {
      res = await httpExchange(`${this.baseUrl}/gateway.do`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
        body: new URLSearchParams(params).toString(),
        timeoutMs: this.timeoutMs,
      });
    } catch (error) {
      const e = error as HttpExchangeError;
      if (e.phase === 'body') throw fail('TIMEOUT', `the payment company's answer was cut short: ${e.message}`);
      if (e.timedOut) throw fail('TIMEOUT', `the payment company did not answer within ${this.timeoutMs} ms`);
      throw fail('NETWORK_ERROR', `the payment company is unreachable: ${e.message}`);
    }
    const body = res.text;
    if (!res.ok) throw fail(`HTTP_${res.status}`, `the payment company answered ${res.status}: ${body.slice(0, 300)}`);
    let answer: PaymentDeclarationAnswer;
    try {
      answer = parseAlipayCustomsAnswer(body);
    } catch (error) {
      throw fail('UNREADABLE_ANSWER', `unreadable answer from the payment company: ${(error as Error).message}`);
    }
    // The request was not taken (signature, arguments): nothing declared, so it stays to be sent again.
    if (answer.requestError) throw fail('REQUEST_REFUSED', `the payment company refused the request: ${answer.requestError}`);
    return { answer, requestMasked };
  }
}
