import { httpExchange, type HttpAnswer } from '@vitrine/shared/data-access';
import { CarrierError, TRACKING_STATUSES, type CarrierGateway, type ParcelRequest, type TrackingEvent, type TrackingStatus } from '../domain/carrier-gateway';

/**
 * The logistics company's JSON API: POST /v1/waybills, POST /v1/shipments, GET /v1/tracking,
 * with the platform's API key as a bearer token.
 */
export class HttpCarrierGateway implements CarrierGateway {
  constructor(private readonly config: { url: string; apiKey: string; timeoutMs: number }) {}

  async createWaybills(parcels: readonly ParcelRequest[]): Promise<Map<string, string>> {
    const body = await this.call<{ waybills: { orderNo: string; logisticsNo: string }[] }>('POST', '/v1/waybills', { parcels });
    return new Map(body.waybills.map((w) => [w.orderNo, w.logisticsNo]));
  }

  async bookShipments(logisticsNos: readonly string[]): Promise<Map<string, { bookingRef: string; bookedAt: Date }>> {
    const body = await this.call<{ shipments: { logisticsNo: string; bookingRef: string; bookedAt: string }[] }>('POST', '/v1/shipments', { logisticsNos });
    return new Map(body.shipments.map((s) => [s.logisticsNo, { bookingRef: s.bookingRef, bookedAt: new Date(s.bookedAt) }]));
  }

  async trackingEvents(cursor: string, limit: number): Promise<{ events: TrackingEvent[]; cursor: string }> {
    const body = await this.call<{ events: (Omit<TrackingEvent, 'occurredAt'> & { occurredAt: string })[]; cursor: string }>(
      'GET',
      `/v1/tracking?cursor=${encodeURIComponent(cursor)}&limit=${limit}`,
    );
    return {
      cursor: body.cursor,
      events: body.events.map((e) => {
        if (!TRACKING_STATUSES.includes(e.status as TrackingStatus)) throw new CarrierError(`unknown tracking status ${e.status}`);
        return { ...e, location: e.location ?? null, occurredAt: new Date(e.occurredAt) };
      }),
    };
  }

  private async call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    let res: HttpAnswer;
    try {
      res = await httpExchange(`${this.config.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${this.config.apiKey}`, ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
        timeoutMs: this.config.timeoutMs,
      });
    } catch (error) {
      throw new CarrierError(`carrier unreachable or too slow: ${(error as Error).message}`);
    }
    const text = res.text;
    if (!res.ok) throw new CarrierError(`carrier answered ${res.status}: ${text.slice(0, 300)}`);
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new CarrierError('carrier answer is not JSON');
    }
  }
}
