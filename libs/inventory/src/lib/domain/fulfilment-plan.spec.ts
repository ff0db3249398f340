import fc from 'fast-check';
import { aggregateDemand, customsModeOf, planFulfilment, type LocationStock } from './fulfilment-plan';

describe('aggregateDemand', () => {
  it('counts two lines of one variant together and sorts by variant id', () => {
    expect(
      aggregateDemand([
        { ref: 'l1', variantId: 'b', quantity: 2 },
        { ref: 'l2', variantId: 'a', quantity: 1 },
        { ref: 'l3', variantId: 'b', quantity: 3 },
      ]),
    ).toEqual([
      { variantId: 'a', quantity: 1, refs: ['l2'] },
      { variantId: 'b', quantity: 5, refs: ['l1', 'l3'] },
    ]);
  });

  it('keeps the total quantity and yields a strictly sorted variant list', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ ref: fc.string(), variantId: fc.constantFrom('a', 'b', 'c', 'd'), quantity: fc.integer({ min: 1, max: 9 }) })), (lines) => {
        const demand = aggregateDemand(lines);
        expect(demand.reduce((a, d) => a + d.quantity, 0)).toBe(lines.reduce((a, l) => a + l.quantity, 0));
        for (let i = 1; i < demand.length; i++) expect(demand[i - 1].variantId < demand[i].variantId).toBe(true);
      }),
    );
  });

  it('refuses a non-positive quantity', () => {
    expect(() => aggregateDemand([{ ref: 'x', variantId: 'a', quantity: 0 }])).toThrow(RangeError);
  });
});

describe('planFulfilment', () => {
  const loc = (locationId: string, priority: number, kind: LocationStock['kind'], available: Record<string, number>): LocationStock => ({
    locationId,
    priority,
    kind,
    available: new Map(Object.entries(available)),
  });

  it('picks the first location by priority that covers every line, and its customs mode', () => {
    const demand = aggregateDemand([{ ref: 'l1', variantId: 'a', quantity: 2 }, { ref: 'l2', variantId: 'b', quantity: 1 }]);
    const bonded = loc('bonded', 1, 'BONDED_WAREHOUSE_CN', { a: 1, b: 5 });
    const eu = loc('eu', 2, 'EU_WAREHOUSE', { a: 2, b: 1 });
    expect(planFulfilment(demand, [eu, bonded])).toEqual({ ok: true, locationId: 'eu', kind: 'EU_WAREHOUSE', customsMode: '9610' });
    expect(planFulfilment(aggregateDemand([{ ref: 'l', variantId: 'b', quantity: 1 }]), [eu, bonded])).toMatchObject({ locationId: 'bonded', customsMode: '1210' });
  });

  it('reports the lines short at the location covering most', () => {
    const demand = aggregateDemand([{ ref: 'l1', variantId: 'a', quantity: 2 }, { ref: 'l2', variantId: 'a', quantity: 1 }, { ref: 'l3', variantId: 'b', quantity: 1 }]);
    expect(planFulfilment(demand, [loc('x', 1, 'EU_WAREHOUSE', { a: 2, b: 1 })])).toEqual({
      ok: false,
      shortages: [{ variantId: 'a', requested: 3, available: 2, lines: ['l1', 'l2'] }],
    });
    expect(planFulfilment(demand, [])).toMatchObject({ ok: false, shortages: [{ variantId: 'a' }, { variantId: 'b' }] });
  });

  it('maps locations to customs modes', () => {
    expect(customsModeOf('EU_WAREHOUSE')).toBe('9610');
    expect(customsModeOf('BONDED_WAREHOUSE_CN')).toBe('1210');
  });
});
