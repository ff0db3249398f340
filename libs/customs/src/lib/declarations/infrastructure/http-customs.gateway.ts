import { httpExchange, type HttpAnswer, type HttpExchangeError } from '@vitrine/shared/data-access';
import { MESSAGE_TYPE, type CebDocument } from '../domain/ceb-messages';
import { parseAcknowledgement, parseReceiptFeed, type CustomsReturn } from '../domain/ceb-receipts';
import { CustomsTransmissionError, type CustomsGateway } from '../domain/customs-gateway';

/**
 * The customs data exchange over HTTP: POST /ceb/messages/<CEB311|CEB411|CEB511> with the
 * signed XML, answered by the acknowledgement (CEB312/412/512); GET /ceb/receipts for the
 * clearance receipts. Every failure to get a readable answer is a CustomsTransmissionError.
 */
export class HttpCustomsGateway implements CustomsGateway {
  constructor(
    private readonly baseUrl: string,
    private readonly timeoutMs: number,
  ) {}

  async submit(document: CebDocument, signedXml: string): Promise<CustomsReturn[]> {
    const body = await this.exchange(`${this.baseUrl}/ceb/messages/${MESSAGE_TYPE[document]}`, {
      method: 'POST',
      headers: { 'content-type': 'application/xml; charset=utf-8' },
      body: signedXml,
      timeoutMs: this.timeoutMs,
    });
    try {
      return parseAcknowledgement(document, body);
    } catch (error) {
      throw new CustomsTransmissionError('UNREADABLE_ANSWER', `unreadable acknowledgement: ${(error as Error).message}`);
    }
  }

  async receipts(cursor: string, limit: number): Promise<{ returns: CustomsReturn[]; cursor: string }> {
    const body = await this.exchange(`${this.baseUrl}/ceb/receipts?cursor=${encodeURIComponent(cursor)}&limit=${limit}`, { method: 'GET', timeoutMs: this.timeoutMs });
    try {
      return parseReceiptFeed(body);
    } catch (error) {
      throw new CustomsTransmissionError('UNREADABLE_ANSWER', `unreadable receipt feed: ${(error as Error).message}`);
    }
  }

  private async exchange(url: string, init: Parameters<typeof httpExchange>[1]): Promise<string> {
    let res: HttpAnswer;
    try {
      res = await httpExchange(url, init);
    } catch (error) {
      const e = error as HttpExchangeError;
      if (e.phase === 'body') throw new CustomsTransmissionError('TIMEOUT', `customs answer cut short: ${e.message}`);
      if (e.timedOut) throw new CustomsTransmissionError('TIMEOUT', `customs did not answer within ${this.timeoutMs} ms`);
      throw new CustomsTransmissionError('NETWORK_ERROR', `customs unreachable: ${e.message}`);
    }
    if (!res.ok) throw new CustomsTransmissionError(`HTTP_${res.status}`, `customs answered ${res.status}: ${res.text.slice(0, 300)}`);
    return res.text;
  }
}
