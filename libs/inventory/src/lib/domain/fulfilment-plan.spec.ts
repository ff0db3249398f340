import fc from 'fast-check';
import { aggregateDemand, customsModeOf, planFulfilment, planShipments, type LocationStock } from './fulfilment-plan';

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

describe('planShipments (one seller, split by stock location and so by customs mode)', () => {
  const loc = (locationId: string, priority: number, kind: LocationStock['kind'], available: Record<string, number>): LocationStock => ({
    locationId,
    priority,
    kind,
    available: new Map(Object.entries(available)),
  });
  const demandOf = (...lines: [string, string, number][]) => aggregateDemand(lines.map(([ref, variantId, quantity]) => ({ ref, variantId, quantity })));
  const paris = (available: Record<string, number>) => loc('paris', 1, 'EU_WAREHOUSE', available);
  const ningbo = (available: Record<string, number>) => loc('ningbo', 2, 'BONDED_WAREHOUSE_CN', available);

  it('keeps one parcel when one location covers everything (by priority, as planFulfilment)', () => {
    expect(planShipments(demandOf(['l1', 'a', 1], ['l2', 'b', 1]), [ningbo({ a: 5, b: 5 }), paris({ a: 5, b: 5 })])).toEqual({
      ok: true,
      shortages: [],
      shipments: [{ locationId: 'paris', kind: 'EU_WAREHOUSE', customsMode: '9610', variantIds: ['a', 'b'] }],
    });
  });

  it('splits an item stocked only in Paris and one stocked only in Ningbo into a 9610 and a 1210 parcel', () => {
    expect(planShipments(demandOf(['l1', 'a', 2], ['l2', 'b', 1]), [paris({ a: 3 }), ningbo({ b: 4 })])).toEqual({
      ok: true,
      shortages: [],
      shipments: [
        // An even split: bonded first.
        { locationId: 'ningbo', kind: 'BONDED_WAREHOUSE_CN', customsMode: '1210', variantIds: ['b'] },
        { locationId: 'paris', kind: 'EU_WAREHOUSE', customsMode: '9610', variantIds: ['a'] },
      ],
    });
  });

  it('sends an item stocked in both with the larger group of the seller’s other items', () => {
    // a, a2: Paris only; b: Ningbo only; c: both. Paris covers 3, Ningbo 2: c ships from Paris.
    const plan = planShipments(demandOf(['l1', 'a', 1], ['l2', 'a2', 1], ['l3', 'b', 1], ['l4', 'c', 1]), [paris({ a: 1, a2: 1, c: 1 }), ningbo({ b: 1, c: 1 })]);
    expect(plan.shipments).toEqual([
      { locationId: 'paris', kind: 'EU_WAREHOUSE', customsMode: '9610', variantIds: ['a', 'a2', 'c'] },
      { locationId: 'ningbo', kind: 'BONDED_WAREHOUSE_CN', customsMode: '1210', variantIds: ['b'] },
    ]);
    // And with the bonded parcel when the groups are even (a: Paris, b: Ningbo, c: both).
    const even = planShipments(demandOf(['l1', 'a', 1], ['l3', 'b', 1], ['l4', 'c', 1]), [paris({ a: 1, c: 1 }), ningbo({ b: 1, c: 1 })]);
    expect(even.shipments).toEqual([
      { locationId: 'ningbo', kind: 'BONDED_WAREHOUSE_CN', customsMode: '1210', variantIds: ['b', 'c'] },
      { locationId: 'paris', kind: 'EU_WAREHOUSE', customsMode: '9610', variantIds: ['a'] },
    ]);
  });

  it('never splits one variant across locations: what no single location covers is short', () => {
    const plan = planShipments(demandOf(['l1', 'a', 3], ['l2', 'b', 1]), [paris({ a: 2, b: 1 }), ningbo({ a: 2 })]);
    expect(plan).toEqual({
      ok: false,
      shipments: [{ locationId: 'paris', kind: 'EU_WAREHOUSE', customsMode: '9610', variantIds: ['b'] }],
      shortages: [{ variantId: 'a', requested: 3, available: 2, lines: ['l1'] }],
    });
    expect(planShipments(demandOf(['l1', 'a', 1]), [])).toEqual({ ok: false, shipments: [], shortages: [{ variantId: 'a', requested: 1, available: 0, lines: ['l1'] }] });
  });

  it('assigns every variant once, to a location holding enough of it, and is independent of the input order', () => {
    const variants = ['a', 'b', 'c', 'd', 'e'];
    const stock = fc.record({ a: fc.nat(3), b: fc.nat(3), c: fc.nat(3), d: fc.nat(3), e: fc.nat(3) });
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...variants), fc.integer({ min: 1, max: 3 })), { minLength: 1, maxLength: 6 }), stock, stock, stock, (lines, s1, s2, s3) => {
        const locations = [loc('eu1', 1, 'EU_WAREHOUSE', s1), loc('cn', 2, 'BONDED_WAREHOUSE_CN', s2), loc('eu2', 3, 'EU_WAREHOUSE', s3)];
        const demand = demandOf(...lines.map(([v, q], i): [string, string, number] => [`l${i}`, v, q]));
        const plan = planShipments(demand, locations);
        const shipped = plan.shipments.flatMap((s) => s.variantIds);
        expect(new Set(shipped).size).toBe(shipped.length);
        expect([...shipped, ...plan.shortages.map((s) => s.variantId)].sort()).toEqual(demand.map((d) => d.variantId));
        for (const s of plan.shipments) {
          const l = locations.find((x) => x.locationId === s.locationId)!;
          expect(s.customsMode).toBe(customsModeOf(l.kind));
          for (const v of s.variantIds) expect(l.available.get(v) ?? 0).toBeGreaterThanOrEqual(demand.find((d) => d.variantId === v)!.quantity);
        }
        expect(planShipments(demand, [...locations].reverse())).toEqual(plan);
        expect(plan.ok).toBe(plan.shortages.length === 0);
      }),
    );
  });
});
