/**
 * The logistics company as the pipeline sees it: it issues a waybill number for a parcel
 * (the number goes to customs in the CEB511 waybill), takes the booking once customs has
 * released the order, and reports tracking events. Every call is idempotent on its side:
 * the same order number gets the same waybill, the same waybill is booked once.
 */
export interface ParcelRequest {
  orderNo: string;
  /** 9610 direct mail or 1210 bonded. */
  customsMode: string;
  consigneeName: string;
  consigneePhone: string;
  province: string;
  city: string;
  district: string;
  street: string;
  postalCode: string;
  weightGrams: number;
  goodsDescription: string;
  /** Fen. */
  declaredValueMinor: number;
}

export const TRACKING_STATUSES = ['PICKED_UP', 'IN_TRANSIT', 'ARRIVED', 'OUT_FOR_DELIVERY', 'DELIVERED', 'EXCEPTION'] as const;
export type TrackingStatus = (typeof TRACKING_STATUSES)[number];

export interface TrackingEvent {
  eventId: string;
  logisticsNo: string;
  status: TrackingStatus;
  description: string;
  location: string | null;
  occurredAt: Date;
}

export interface CarrierGateway {
  /** Order number → waybill number (logisticsNo). */
  createWaybills(parcels: readonly ParcelRequest[]): Promise<Map<string, string>>;
  /** Waybill number → the carrier's booking reference. */
  bookShipments(logisticsNos: readonly string[]): Promise<Map<string, { bookingRef: string; bookedAt: Date }>>;
  /** Events after `cursor` ('' for the start), oldest first. */
  trackingEvents(cursor: string, limit: number): Promise<{ events: TrackingEvent[]; cursor: string }>;
}

export const CARRIER_GATEWAY = Symbol('CARRIER_GATEWAY');

export class CarrierError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CarrierError';
  }
}
