import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback stand-in for the logistics company's API, for tests and benchmarks: waybill
 * numbers issued once per order number (asked again before the booking, the waybill takes the
 * parcel's new content: weight, goods, declared value), bookings once per waybill, and a tracking feed
 * (picked up, in transit, delivered) written as soon as a parcel is booked, read from a
 * cursor. Requests need the bearer API key; it can be told to fail or time out.
 */
export interface TrackingEventJson {
  eventId: string;
  logisticsNo: string;
  status: string;
  description: string;
  location: string | null;
  occurredAt: string;
}

export class CarrierLoopback {
  readonly url: string;
  /** Order number → waybill number. */
  readonly waybills = new Map<string, string>();
  /** Waybill number → the parcel as last described (weight, goods, declared value...) and how often it changed. */
  readonly parcels = new Map<string, { parcel: Record<string, unknown>; changes: number }>();
  /** Waybill number → booking reference, and how many booking calls named it. */
  readonly bookings = new Map<string, { bookingRef: string; bookedAt: string; calls: number }>();
  readonly events: TrackingEventJson[] = [];
  /** Return number (the platform's return id) → return waybill, and what was asked. */
  readonly returns = new Map<string, { logisticsNo: string; parcel: Record<string, unknown>; calls: number }>();
  readonly stats = { waybillCalls: 0, bookingCalls: 0, trackingCalls: 0, unauthorized: 0 };
  private failures = 0;
  private timeouts = 0;
  private readonly hanging = new Set<ServerResponse>();

  private constructor(
    private readonly server: Server,
    readonly apiKey: string,
    private readonly options: { deliver: boolean },
  ) {
    const { port } = server.address() as AddressInfo;
    this.url = `http://127.0.0.1:${port}`;
  }

  /** `deliver: false` books parcels without delivering them (tracking stops at picked up). */
  static async start(options: { apiKey?: string; deliver?: boolean; port?: number } = {}): Promise<CarrierLoopback> {
    let loopback: CarrierLoopback | null = null;
    const server = createServer((req, res) => void loopback!.handle(req, res));
    server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve, reject) => server.once('error', reject).listen(options.port ?? 0, '127.0.0.1', resolve));
    loopback = new CarrierLoopback(server, options.apiKey ?? 'carrier-test-key', { deliver: options.deliver ?? true });
    return loopback;
  }

  get env(): Record<string, string> {
    return { CARRIER_API_URL: this.url, CARRIER_API_KEY: this.apiKey };
  }

  /** The return parcel of this return number reaches the destination site: in transit, then arrived (on the tracking feed). */
  arriveReturn(returnNo: string, location = 'Ningbo bonded logistics centre'): void {
    const r = this.returns.get(returnNo);
    if (!r) throw new Error(`carrier loopback: no return waybill for ${returnNo}`);
    this.track(r.logisticsNo, 'IN_TRANSIT', 'Return in transit to the destination site');
    this.track(r.logisticsNo, 'ARRIVED', `Arrived at ${location}`, location);
  }

  failNext(n: number): void {
    this.failures = n;
  }

  timeoutNext(n: number): void {
    this.timeouts = n;
  }

  async close(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server.close(() => r()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const json = (status: number, body: unknown): void => void res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (req.headers.authorization !== `Bearer ${this.apiKey}`) {
      this.stats.unauthorized++;
      return json(401, { error: 'unauthorized' });
    }
    if (this.failures > 0) {
      this.failures--;
      return json(503, { error: 'try again later' });
    }
    if (this.timeouts > 0) {
      this.timeouts--;
      this.hanging.add(res);
      res.on('close', () => this.hanging.delete(res));
      return;
    }
    const url = new URL(req.url ?? '/', this.url);
    const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
    if (req.method === 'POST' && url.pathname === '/v1/waybills') {
      this.stats.waybillCalls++;
      const waybills = (body.parcels as { orderNo: string; weightGrams: number }[]).map((p) => {
        if (!p.orderNo || !(p.weightGrams > 0)) return null;
        let no = this.waybills.get(p.orderNo);
        if (!no) {
          no = `LX${randomBytes(6).toString('hex').toUpperCase()}CN`;
          this.waybills.set(p.orderNo, no);
        }
        const known = this.parcels.get(no);
        if (!known) this.parcels.set(no, { parcel: p, changes: 0 });
        else if (!this.bookings.has(no) && JSON.stringify(known.parcel) !== JSON.stringify(p)) this.parcels.set(no, { parcel: p, changes: known.changes + 1 });
        return { orderNo: p.orderNo, logisticsNo: no };
      });
      return json(200, { waybills: waybills.filter(Boolean) });
    }
    if (req.method === 'POST' && url.pathname === '/v1/shipments') {
      this.stats.bookingCalls++;
      const known = new Set(this.waybills.values());
      const shipments = (body.logisticsNos as string[]).filter((no) => known.has(no)).map((no) => {
        let booking = this.bookings.get(no);
        if (booking) booking.calls++;
        else {
          booking = { bookingRef: `BK-${randomBytes(4).toString('hex')}`, bookedAt: new Date().toISOString(), calls: 1 };
          this.bookings.set(no, booking);
          this.track(no, 'PICKED_UP', 'Picked up at the museum warehouse');
          this.track(no, 'IN_TRANSIT', 'Departed the origin hub');
          if (this.options.deliver) this.track(no, 'DELIVERED', 'Delivered to the consignee');
        }
        return { logisticsNo: no, bookingRef: booking.bookingRef, bookedAt: booking.bookedAt };
      });
      return json(200, { shipments });
    }
    if (req.method === 'POST' && url.pathname === '/v1/returns') {
      // Return pick-ups: one return waybill per return number, back to the destination site.
      const booked = (body.returns as Record<string, unknown>[]).map((p) => {
        const returnNo = String(p['returnNo'] ?? '');
        if (!returnNo || !p['destination'] || !(Number(p['weightGrams']) > 0)) return null;
        let r = this.returns.get(returnNo);
        if (r) r.calls++;
        else {
          r = { logisticsNo: `RT${randomBytes(6).toString('hex').toUpperCase()}CN`, parcel: p, calls: 1 };
          this.returns.set(returnNo, r);
          this.track(r.logisticsNo, 'PICKED_UP', 'Return picked up from the shopper');
        }
        return { returnNo, logisticsNo: r.logisticsNo };
      });
      return json(200, { returns: booked.filter(Boolean) });
    }
    if (req.method === 'GET' && url.pathname === '/v1/tracking') {
      this.stats.trackingCalls++;
      const from = Number(url.searchParams.get('cursor') || 0);
      const limit = Math.min(Number(url.searchParams.get('limit') || 100), 5000);
      const events = this.events.slice(from, from + limit);
      return json(200, { events, cursor: String(from + events.length) });
    }
    json(404, { error: 'not found' });
  }

  /** A tracking event for a waybill (tests may add their own). */
  track(logisticsNo: string, status: string, description: string, location: string | null = null): void {
    this.events.push({ eventId: `EV-${randomBytes(6).toString('hex')}`, logisticsNo, status, description, location, occurredAt: new Date().toISOString() });
  }
}
