import { pathTo, reasonFor, targetOf, type FulfilmentFacts } from './fulfilment-state';

const docs = (order: string, payment = 'ACCEPTED', waybill = 'ACCEPTED', info: string | null = null): FulfilmentFacts['documents'] => [
  { document: 'ORDER', status: order as never, info },
  { document: 'PAYMENT', status: payment as never, info: payment === 'REJECTED' ? 'payer mismatch' : null },
  { document: 'WAYBILL', status: waybill as never, info: null },
];
const shipment = (status: string) => ({ status: status as never, logisticsNo: 'LX1', carrierCode: 'CARRIER' });

describe('fulfilment state', () => {
  it('derives the order status from what customs and the carrier said', () => {
    expect(targetOf({ documents: [], shipment: null })).toBe('PAID');
    expect(targetOf({ documents: docs('ACCEPTED', 'PENDING'), shipment: null })).toBe('PAID');
    expect(targetOf({ documents: docs('ACCEPTED'), shipment: null })).toBe('CUSTOMS_SUBMITTED');
    const cleared = { documents: docs('CLEARED', 'ACCEPTED', 'ACCEPTED', '放行'), shipment: shipment('WAYBILL_ISSUED') };
    expect(targetOf(cleared)).toBe('CLEARED');
    expect(reasonFor('CLEARED', cleared)).toBe('customs released the parcel (放行)');
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
