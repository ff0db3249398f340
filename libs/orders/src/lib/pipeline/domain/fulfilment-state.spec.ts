import { bookShipmentJob } from '../pipeline.jobs';
import { awaitsHandover, bookingDue, handoverRefusal, pathTo, reasonFor, targetOf, type FulfilmentFacts } from './fulfilment-state';

/** `list`: the declaration list (CEB621), which customs clears; the order message stays ACCEPTED. */
const docs = (list: string, payment = 'ACCEPTED', waybill = 'ACCEPTED', info: string | null = null): FulfilmentFacts['documents'] => [
  { document: 'ORDER', status: 'ACCEPTED', info: null },
  { document: 'PAYMENT', status: payment as never, info: payment === 'REJECTED' ? 'payer mismatch' : payment === 'HELD' ? 'the payer is not the orderer: 王伟' : null },
  { document: 'WAYBILL', status: waybill as never, info: null },
  { document: 'INVENTORY', status: list as never, info },
];
const shipment = (status: string) => ({ status: status as never, logisticsNo: 'LX1', carrierCode: 'CARRIER' });

describe('fulfilment state', () => {
  it('derives the order status from what customs and the carrier said', () => {
    expect(targetOf({ documents: [], shipment: null })).toBe('PAID');
    expect(targetOf({ documents: docs('ACCEPTED', 'PENDING'), shipment: null })).toBe('PAID');
    expect(targetOf({ documents: docs('ACCEPTED'), shipment: null })).toBe('CUSTOMS_SUBMITTED');
    const cleared = { documents: docs('CLEARED', 'ACCEPTED', 'ACCEPTED', '放行'), shipment: shipment('WAYBILL_ISSUED') };
    expect(targetOf(cleared)).toBe('CLEARED');
    expect(reasonFor('CLEARED', cleared)).toBe('customs released the declaration list (放行)');
    // Three documents in but no declaration list: not submitted yet.
    expect(targetOf({ documents: docs('ACCEPTED').filter((d) => d.document !== 'INVENTORY'), shipment: null })).toBe('PAID');
    // The payment company verified another payer: held, even if customs released the list.
    const otherPayer = { documents: docs('CLEARED', 'HELD'), shipment: shipment('WAYBILL_ISSUED') };
    expect([targetOf(otherPayer), reasonFor('HELD', otherPayer)]).toEqual(['HELD', 'held: the payer is not the orderer: 王伟']);
    const held = { documents: docs('HELD', 'ACCEPTED', 'ACCEPTED', '查验'), shipment: null };
    expect([targetOf(held), reasonFor('HELD', held)]).toEqual(['HELD', 'held by customs: 查验']);
    const refused = { documents: docs('ACCEPTED', 'REJECTED'), shipment: null };
    expect([targetOf(refused), reasonFor('HELD', refused)]).toEqual(['HELD', 'customs refused the payment declaration: payer mismatch']);
    expect(targetOf({ documents: docs('CLEARED'), shipment: shipment('IN_TRANSIT') })).toBe('SHIPPED');
    expect(targetOf({ documents: docs('CLEARED'), shipment: shipment('DELIVERED') })).toBe('DELIVERED');
  });

  it('walks the order state machine, forward only', () => {
    expect(pathTo('PAID', 'DELIVERED')).toEqual(['CUSTOMS_SUBMITTED', 'CLEARED', 'SHIPPED', 'DELIVERED']);
    expect(pathTo('PAID', 'HELD')).toEqual(['CUSTOMS_SUBMITTED', 'HELD']);
    expect(pathTo('HELD', 'CLEARED')).toEqual(['CLEARED']);
    expect(pathTo('CUSTOMS_SUBMITTED', 'CUSTOMS_SUBMITTED')).toEqual([]);
    expect(pathTo('SHIPPED', 'CLEARED')).toEqual([]);
    expect(pathTo('CLEARED', 'HELD')).toEqual([]);
    expect(pathTo('REFUNDED', 'DELIVERED')).toEqual([]);
    expect(pathTo('CANCELLED', 'CUSTOMS_SUBMITTED')).toEqual([]);
  });
});

describe('booking with the carrier', () => {
  it('is due for a cleared, unbooked parcel when the storefront books at once or the museum handed it over', () => {
    const base = { orderStatus: 'CLEARED' as const, shipment: 'WAYBILL_ISSUED' as const };
    expect(bookingDue({ ...base, autoBook: true, handedOver: false })).toBe(true);
    expect(bookingDue({ ...base, autoBook: false, handedOver: true })).toBe(true);
    expect(bookingDue({ ...base, autoBook: false, handedOver: false })).toBe(false);
    expect(bookingDue({ orderStatus: 'CUSTOMS_SUBMITTED', shipment: 'WAYBILL_ISSUED', autoBook: true, handedOver: true })).toBe(false);
    expect(bookingDue({ orderStatus: 'CLEARED', shipment: 'BOOKED', autoBook: true, handedOver: true })).toBe(false);
    expect(bookingDue({ orderStatus: 'REFUNDED', shipment: 'WAYBILL_ISSUED', autoBook: true, handedOver: true })).toBe(false);
    expect(bookingDue({ orderStatus: 'CLEARED', shipment: undefined, autoBook: true, handedOver: false })).toBe(false);
  });

  it('waits for the museum only when its storefront does not book at once and nobody handed the parcel over', () => {
    const base = { orderStatus: 'CLEARED' as const, shipment: 'WAYBILL_ISSUED' as const };
    expect(awaitsHandover({ ...base, autoBook: false, handedOver: false })).toBe(true);
    expect(awaitsHandover({ ...base, autoBook: false, handedOver: true })).toBe(false);
    expect(awaitsHandover({ ...base, autoBook: true, handedOver: false })).toBe(false);
    expect(awaitsHandover({ orderStatus: 'SHIPPED', shipment: 'BOOKED', autoBook: false, handedOver: false })).toBe(false);
  });

  it('says why a hand-over is refused, and nothing when it may go', () => {
    expect(handoverRefusal('CLEARED', 'WAYBILL_ISSUED')).toBeNull();
    expect(handoverRefusal('PAID', null)).toBe('customs has not released the order (it is paid)');
    expect(handoverRefusal('CUSTOMS_SUBMITTED', 'WAYBILL_ISSUED')).toBe('customs has not released the order (it is customs submitted)');
    expect(handoverRefusal('HELD', 'WAYBILL_ISSUED')).toMatch(/it is held/);
    expect(handoverRefusal('CLEARED', null)).toBe('the order has no waybill yet');
    expect(handoverRefusal('CLEARED', 'BOOKED')).toBe('the parcel is already with the carrier');
    expect(handoverRefusal('SHIPPED', 'IN_TRANSIT')).toBe('the parcel is already with the carrier');
    expect(handoverRefusal('REFUNDED', 'WAYBILL_ISSUED')).toMatch(/it is refunded/);
  });

  it('gives each hand-over a booking job of its own, apart from the automatic one', () => {
    const orderId = '7d0c5b8e-4a43-4c5e-9a53-2f4b6b1f2b11';
    expect(bookShipmentJob.jobId({ orderId })).toBe(`book-shipment.${orderId}`);
    expect(bookShipmentJob.jobId({ orderId, handover: 1 })).toBe(`book-shipment.${orderId}.h1`);
    expect(bookShipmentJob.jobId({ orderId, handover: 2 })).not.toBe(bookShipmentJob.jobId({ orderId, handover: 1 }));
  });
});
