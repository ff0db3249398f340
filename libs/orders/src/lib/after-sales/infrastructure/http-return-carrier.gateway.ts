/**
 * The logistics company's return booking, in the wire style of its other endpoints:
 * POST /v1/returns with the platform's bearer key; the same return number gets the same
 * return waybill, so a retried booking books nothing twice.
 */
export interface ReturnParcel {
  /** The return's id: the carrier's idempotency key. */
  returnNo: string;
  orderNo: string;
  /** The outbound waybill of the order, when known. */
  originalLogisticsNo: string | null;
  /** Where the goods go back to: the original customs-supervised site (returnDestination: a 1210 order's bonded warehouse, a 9610 order's supervised site at the port of entry). */
  destination: string;
  pickupName: string;
  pickupPhone: string;
  pickupAddress: string;
  weightGrams: number;
}

export const RETURN_CARRIER = Symbol('RETURN_CARRIER');

export interface ReturnCarrier {
  /** The logistics company's customs registration (CARRIER_CUSTOMS_CODE, CARRIER_NAME), for the return declaration. */
  readonly enterprise: { code: string; name: string };
  bookReturns(parcels: readonly ReturnParcel[]): Promise<Map<string, string>>;
}

export class HttpReturnCarrierGateway implements ReturnCarrier {
  readonly enterprise: { code: string; name: string };

  constructor(private readonly config: { url: string; apiKey: string; timeoutMs: number; code: string; name: string }) {
    this.enterprise = { code: config.code, name: config.name };
  }

  async bookReturns(parcels: readonly ReturnParcel[]): Promise<Map<string, string>> {
    let res: Response;
    try {
      res = await fetch(`${this.config.url}/v1/returns`, {
        method: 'POST',
        headers: { authorization: `Bearer ${this.config.apiKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({ returns: parcels }),
        signal: AbortSignal.timeout(this.config.timeoutMs),
      });
    } catch (error) {
      throw new Error(`carrier unreachable or too slow: ${(error as Error).message}`);
    }
    const text = await res.text().catch(() => '');
    if (!res.ok) throw new Error(`carrier answered ${res.status}: ${text.slice(0, 300)}`);
    const body = JSON.parse(text) as { returns: { returnNo: string; logisticsNo: string }[] };
    return new Map(body.returns.map((r) => [r.returnNo, r.logisticsNo]));
  }
}
