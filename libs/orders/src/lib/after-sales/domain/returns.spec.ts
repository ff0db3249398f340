import fc from 'fast-check';
import { refundedPerLine, type RefundableLine } from '../../domain/refunds';
import { checkReturnRequest, planReturnRefund, quotaHeld, RETURN_REASONS, returnableUnits, returnDestination, returnedGoodsHeldAt, type QuotaRefund, type ReturnReason } from './returns';

const lineArb = fc.record({ quantity: fc.integer({ min: 1, max: 6 }), goods: fc.integer({ min: 1, max: 500_000 }), tax: fc.integer({ min: 0, max: 100_000 }), freight: fc.integer({ min: 0, max: 20_000 }) });
const stepArb = fc.record({ line: fc.nat(), units: fc.integer({ min: 1, max: 6 }), reason: fc.constantFrom<ReturnReason>(...RETURN_REASONS), fails: fc.boolean(), customs: fc.boolean() });

describe('returns: refunds and the yearly quota', () => {
  it('returns never refund more than a line cost, nor its goods or tax, whatever the sequence and reasons', () => {
    fc.assert(
      fc.property(fc.array(lineArb, { minLength: 1, maxLength: 3 }), fc.array(stepArb, { maxLength: 12 }), (specs, steps) => {
        const lines: RefundableLine[] = specs.map((s, i) => ({ id: `l${i}`, quantity: s.quantity, goodsMinor: s.goods, taxMinor: s.tax, totalMinor: s.goods + s.tax + s.freight }));
        const total = lines.reduce((a, l) => a + l.totalMinor, 0);
        const rows: { orderLineId: string; quantity: number; amountMinor: number; goodsMinor: number; taxMinor: number }[] = [];
        for (const s of steps) {
          const line = lines[s.line % lines.length]!;
          const refunded = refundedPerLine(rows);
          const plan = planReturnRefund(lines, refunded, [{ lineId: line.id, quantity: s.units }], s.reason, total - rows.reduce((a, r) => a + r.amountMinor, 0));
          // A refund Stripe reported failed gives nothing back: its rows are not kept.
          if (!s.fails) rows.push(...plan.returned);
        }
        const per = refundedPerLine(rows);
        for (const l of lines) {
          const r = per.get(l.id);
          if (!r) continue;
          expect(r.units).toBeLessThanOrEqual(l.quantity);
          expect(r.amountMinor).toBeLessThanOrEqual(l.totalMinor);
          expect(r.goodsMinor).toBeLessThanOrEqual(l.goodsMinor);
          expect(r.taxMinor).toBeLessThanOrEqual(l.taxMinor);
          // Goods and tax come back whole once every unit is back.
          if (r.units === l.quantity) expect([r.goodsMinor, r.taxMinor]).toEqual([l.goodsMinor, l.taxMinor]);
        }
      }),
    );
  });

  it('the seller’s fault refunds the landed price of a whole line; the shopper’s leaves the freight', () => {
    const line: RefundableLine = { id: 'a', quantity: 3, goodsMinor: 75_388, taxMinor: 6_860, totalMinor: 75_388 + 6_860 + 1_001 };
    const damaged = planReturnRefund([line], new Map(), [{ lineId: 'a', quantity: 3 }], 'DAMAGED', 1e9);
    const changed = planReturnRefund([line], new Map(), [{ lineId: 'a', quantity: 3 }], 'CHANGED_MIND', 1e9);
    expect(damaged.amountMinor).toBe(line.totalMinor);
    expect(changed.amountMinor).toBe(line.goodsMinor + line.taxMinor);
  });

  it('the quota after any sequence of returns and refunds equals the quota recomputed from scratch: a return gives its units back when customs accepts it, refunded or not', () => {
    const quotaStep = fc.record({ line: fc.nat(), units: fc.integer({ min: 1, max: 6 }), outside: fc.boolean(), fails: fc.boolean(), customs: fc.boolean() });
    fc.assert(
      fc.property(fc.array(fc.record({ quantity: fc.integer({ min: 1, max: 6 }), dutiable: fc.integer({ min: 1, max: 2_600_000 }) }), { minLength: 1, maxLength: 3 }), fc.array(quotaStep, { maxLength: 12 }), (specs, steps) => {
        const refunds: QuotaRefund[][] = specs.map(() => []);
        const returned = specs.map(() => 0);
        // Units neither refunded outside a return nor returned yet; units refunded in all.
        const left = specs.map((s) => s.quantity);
        const refundedUnits = specs.map(() => 0);
        // Incremental: what each step does to the quota, as the shopper sees it.
        let incremental = specs.reduce((a, s) => a + s.dutiable, 0);
        const unitValue = (i: number, before: number, units: number) => Math.round((specs[i]!.dutiable * (specs[i]!.quantity - before)) / specs[i]!.quantity) - Math.round((specs[i]!.dutiable * (specs[i]!.quantity - before - units)) / specs[i]!.quantity);
        const gone = specs.map(() => 0);
        for (const s of steps) {
          const i = s.line % specs.length;
          const units = Math.min(s.units, left[i]!);
          if (!units) continue;
          if (s.outside) {
            // refundOrder's units: gone with the refund, unless Stripe reports it failed.
            if (s.fails) continue;
            left[i]! -= units;
            refunds[i]!.push({ units, cancelled: false, ofReturn: false, pendingCustoms: false });
            refundedUnits[i]! += units;
            incremental -= unitValue(i, gone[i]!, units);
            gone[i]! += units;
            continue;
          }
          // A return: declared to customs, refunded unless Stripe fails; its units come back only with customs' acceptance.
          left[i]! -= units;
          if (!s.fails) {
            refunds[i]!.push({ units, cancelled: false, ofReturn: true, pendingCustoms: !s.customs });
            refundedUnits[i]! += units;
          }
          if (s.customs) {
            returned[i]! += units;
            incremental -= unitValue(i, gone[i]!, units);
            gone[i]! += units;
          }
        }
        const lines = specs.map((s, i) => ({ quantity: s.quantity, dutiableMinor: s.dutiable, refunds: refunds[i]!, returnedUnits: returned[i]! }));
        const everyUnitRefunded = specs.every((s, i) => refundedUnits[i] === s.quantity);
        expect(quotaHeld({ refunded: everyUnitRefunded }, lines)).toBe(incremental);
        // Refunds Stripe later reports failed count their units again, except what customs took back with a return.
        const failedAll = lines.map((l) => ({ ...l, refunds: l.refunds.map((r) => ({ ...r, cancelled: true })) }));
        const afterCustoms = specs.reduce((a, s, i) => a + Math.round((s.dutiable * (s.quantity - returned[i]!)) / s.quantity), 0);
        expect(quotaHeld({ refunded: false }, failedAll)).toBe(afterCustoms);
      }),
    );
  });

  it('a request is checked against units bought, refunded and already being returned', () => {
    const lines = [{ id: 'a', quantity: 2 }];
    expect(checkReturnRequest(lines, new Map(), [], [{ lineId: 'a', quantity: 3 }]).problems).toEqual([{ path: 'input.lines.0.quantity', message: 'at most 2' }]);
    expect(checkReturnRequest(lines, new Map(), [{ orderLineId: 'a', status: 'REQUESTED', quantity: 1, acceptedQuantity: null }], [{ lineId: 'a', quantity: 2 }]).alreadyReturned).toEqual(['a']);
    expect(checkReturnRequest(lines, new Map(), [{ orderLineId: 'a', status: 'REFUSED', quantity: 2, acceptedQuantity: null }], [{ lineId: 'a', quantity: 2 }]).alreadyReturned).toEqual([]);
    expect(checkReturnRequest(lines, new Map([['a', 1]]), [], [{ lineId: 'a', quantity: 2 }]).alreadyReturned).toEqual(['a']);
    expect(checkReturnRequest(lines, new Map(), [], [{ lineId: 'b', quantity: 1 }]).problems[0]!.path).toBe('input.lines.0.lineId');
  });

  it('the units still returnable are what a request may ask for: open returns hold all they asked, inspected ones what was accepted, refused ones none, refunds outside returns count', () => {
    const lines = [
      { id: 'a', quantity: 3 },
      { id: 'b', quantity: 1 },
      { id: 'c', quantity: 2 },
    ];
    const earlier = [
      { orderLineId: 'a', status: 'REFUNDED' as const, quantity: 2, acceptedQuantity: 1 },
      { orderLineId: 'b', status: 'REFUSED' as const, quantity: 1, acceptedQuantity: null },
      { orderLineId: 'c', status: 'ACCEPTED' as const, quantity: 1, acceptedQuantity: null },
    ];
    const refunded = new Map([['c', 1]]);
    const left = returnableUnits(lines, refunded, earlier);
    expect(Object.fromEntries(left)).toEqual({ a: 2, b: 1, c: 0 });
    // The same rule decides the requests: up to what is left passes, one more is ALREADY_RETURNED.
    for (const l of lines) {
      const n = left.get(l.id)!;
      if (n > 0) expect(checkReturnRequest(lines, refunded, earlier, [{ lineId: l.id, quantity: n }]).alreadyReturned).toEqual([]);
      if (n + 1 <= l.quantity) expect(checkReturnRequest(lines, refunded, earlier, [{ lineId: l.id, quantity: n + 1 }]).alreadyReturned).toEqual([l.id]);
    }
  });

  it('sends a return back to its order’s customs-supervised site: a 1210 order’s bonded warehouse, a 9610 order’s site at the port of entry, not the warehouse abroad', () => {
    const sites = { directMailSite: 'NINGBO-CBEC-SITE' };
    expect(returnDestination({ customsMode: '1210', locationCode: 'NB-BONDED-1' }, sites)).toBe('NB-BONDED-1');
    expect(returnDestination({ customsMode: '9610', locationCode: 'WH-PARIS' }, sites)).toBe('NINGBO-CBEC-SITE');
    // Inspected there: a 1210 return's units are back where they left; a 9610 return's wait at the site to be re-exported.
    expect(returnedGoodsHeldAt({ customsMode: '1210' }, sites)).toBeNull();
    expect(returnedGoodsHeldAt({ customsMode: '9610' }, sites)).toBe('NINGBO-CBEC-SITE');
  });
});
