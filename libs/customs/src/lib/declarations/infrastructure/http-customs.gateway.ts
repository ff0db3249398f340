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
    });
    try {
      return parseAcknowledgement(document, body);
    } catch (error) {
      throw new CustomsTransmissionError('UNREADABLE_ANSWER', `unreadable acknowledgement: ${(error as Error).message}`);
    }
  }

  async receipts(cursor: string, limit: number): Promise<{ returns: CustomsReturn[]; cursor: string }> {
    const body = await this.exchange(`${this.baseUrl}/ceb/receipts?cursor=${encodeURIComponent(cursor)}&limit=${limit}`, { method: 'GET' });
    try {
      return parseReceiptFeed(body);
    } catch (error) {
      throw new CustomsTransmissionError('UNREADABLE_ANSWER', `unreadable receipt feed: ${(error as Error).message}`);
    }
  }

  private async exchange(url: string, init: RequestInit): Promise<string> {
    let res: Response;
    try {
      res = await fetch(url, { ...init, signal: AbortSignal.timeout(this.timeoutMs) });
    } catch (error) {
      const e = error as Error;
      if (e.name === 'TimeoutError' || e.name === 'AbortError') throw new CustomsTransmissionError('TIMEOUT', `customs did not answer within ${this.timeoutMs} ms`);
      throw new CustomsTransmissionError('NETWORK_ERROR', `customs unreachable: ${e.message}`);
    }
    let body: string;
    try {
      body = await res.text();
    } catch (error) {
      throw new CustomsTransmissionError('TIMEOUT', `customs answer cut short: ${(error as Error).message}`);
    }
    if (!res.ok) throw new CustomsTransmissionError(`HTTP_${res.status}`, `customs answered ${res.status}: ${body.slice(0, 300)}`);
    return body;
  }
}
