import fc from 'fast-check';
import {
  NOTHING_REFUNDED,
  countsAsRefunded,
  coveredByRefunds,
  everyUnitRefunded,
  linesLeft,
  outstandingOf,
  planLineRefund,
  refundOutstanding,
  refundedPerLine,
  refundedTotal,
  type LineRefunded,
  type RefundableLine,
  type ReturnedUnits,
} from './refunds';

describe('refunds', () => {
  it('counts succeeded and pending refunds, never failed or cancelled ones', () => {
    expect(['succeeded', 'pending', 'failed', 'canceled', 'requires_action'].map(countsAsRefunded)).toEqual([true, true, false, false, false]);
    expect(
      refundedTotal([
        { status: 'succeeded', amountMinor: 1_000 },
        { status: 'failed', amountMinor: 5_000 },
        { status: 'pending', amountMinor: 250 },
      ]),
    ).toBe(1_250);
    expect(refundedTotal([])).toBe(0);
  });

  it('plans a line refund against the units each line has left, each amount taken cumulatively', () => {
    const lines = [{ id: 'a', quantity: 3, totalMinor: 1_000, goodsMinor: 900, taxMinor: 82 }];
    const one = { units: 1, amountMinor: 333, goodsMinor: 300, taxMinor: 27 };
    expect(planLineRefund(lines, new Map([['a', one]]), [{ lineId: 'a', quantity: 1 }], 10_000)).toEqual({
      amountMinor: 334,
      returned: [{ orderLineId: 'a', quantity: 1, amountMinor: 334, goodsMinor: 300, taxMinor: 28 }],
      problems: [],
    });
    const two = { units: 2, amountMinor: 667, goodsMinor: 600, taxMinor: 55 };
    expect(planLineRefund(lines, new Map([['a', two]]), [{ lineId: 'a', quantity: 2 }, { lineId: 'z', quantity: 1 }], 10_000).problems).toEqual([
      { path: 'input.lines.0.quantity', message: 'at most 1' },
      { path: 'input.lines.1.lineId', message: 'is not a line of this order' },
    ]);
    expect(planLineRefund(lines, new Map(), [{ lineId: 'a', quantity: 3 }], 500).amountMinor).toBe(500);
  });

  it('the last unit takes what is left of the line: 3 × 1 unit of 753.88 CNY give back 753.88, tax included', () => {
    const lines = [{ id: 'a', quantity: 3, totalMinor: 75_388, goodsMinor: 60_300, taxMinor: 6_288 }];
    let done = new Map<string, LineRefunded>();
    const amounts: number[] = [];
    for (let i = 0; i < 3; i++) {
      const plan = planLineRefund(lines, done, [{ lineId: 'a', quantity: 1 }], 75_388 - amounts.reduce((a, b) => a + b, 0));
      expect(plan.problems).toEqual([]);
      amounts.push(plan.amountMinor);
      done = refundedPerLine([...[...done.values()].map((d) => ({ orderLineId: 'a', quantity: d.units, amountMinor: d.amountMinor, goodsMinor: d.goodsMinor, taxMinor: d.taxMinor })), { ...plan.returned[0]! }]);
    }
    expect(amounts).toEqual([25_129, 25_130, 25_129]);
    expect(done.get('a')).toEqual({ units: 3, amountMinor: 75_388, goodsMinor: 60_300, taxMinor: 6_288 });
    expect(everyUnitRefunded(lines, done)).toBe(true);
    expect(linesLeft(lines, done)).toEqual([]);
  });

  it('what is left of a partly refunded line: units, goods, tax and freight less what its refunds gave back', () => {
    const lines = [{ id: 'a', quantity: 3, totalMinor: 75_388, goodsMinor: 60_300, taxMinor: 6_288 }];
    const done = new Map([['a', { units: 1, amountMinor: 25_129, goodsMinor: 20_100, taxMinor: 2_096 }]]);
    expect(linesLeft(lines, done)).toEqual([{ id: 'a', quantity: 2, totalMinor: 50_259, goodsMinor: 40_200, taxMinor: 4_192, freightMinor: 5_867 }]);
    expect(everyUnitRefunded(lines, done)).toBe(false);
  });

  it('property: over random whole, line, unit and failed refunds, no line gives back more than it cost, everything refunded is exactly the total, the state matches what is left', () => {
    const line = fc
      .record({ quantity: fc.integer({ min: 1, max: 6 }), unit: fc.integer({ min: 1, max: 200_000 }), freight: fc.integer({ min: 0, max: 9_000 }), taxBps: fc.integer({ min: 0, max: 3_000 }) })
      .map(({ quantity, unit, freight, taxBps }) => {
        const goodsMinor = unit * quantity;
        const taxMinor = Math.round(((goodsMinor + freight) * taxBps) / 10_000);
        return { quantity, goodsMinor, taxMinor, totalMinor: goodsMinor + freight + taxMinor };
      });
    // Failures are rarer than refunds, so that sequences do reach "every unit refunded".
    const fails = fc.nat(5).map((n) => n === 0);
    const op = fc.oneof(
      { arbitrary: fc.record({ kind: fc.constant('lines' as const), picks: fc.array(fc.record({ line: fc.nat(), units: fc.integer({ min: 1, max: 3 }) }), { minLength: 1, maxLength: 3 }), fails }), weight: 3 },
      { arbitrary: fc.record({ kind: fc.constant('unit' as const), line: fc.nat(), fails }), weight: 6 },
      { arbitrary: fc.record({ kind: fc.constant('whole' as const), fails }), weight: 1 },
      { arbitrary: fc.record({ kind: fc.constant('failLater' as const), which: fc.nat() }), weight: 1 },
    );
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 3 }), fc.array(op, { maxLength: 30 }), (raw, ops) => {
        const lines: RefundableLine[] = raw.map((l, i) => ({ id: `l${i}`, ...l }));
        const total = lines.reduce((a, l) => a + l.totalMinor, 0);
        type Refund = { amount: number; counts: boolean; rows: ReturnedUnits[] };
        const refunds: Refund[] = [];
        let status: 'PAID' | 'REFUNDED' = 'PAID';
        let anyFailed = false;
        let anyWhole = false;
        const counted = () => refunds.filter((r) => r.counts);
        const refundedMoney = () => counted().reduce((a, r) => a + r.amount, 0);
        const perLine = () => refundedPerLine(counted().flatMap((r) => r.rows));
        const issue = (amount: number, rows: ReturnedUnits[], fails: boolean) => {
          // payments.refund refuses nothing to refund; Stripe may report a refund failed at once.
          if (amount <= 0) return;
          refunds.push({ amount, rows: fails ? [] : rows, counts: !fails });
          anyFailed ||= fails;
        };
        for (const o of ops) {
          if (status === 'REFUNDED') break;
          const remaining = total - refundedMoney();
          if (o.kind === 'whole') {
            anyWhole ||= !o.fails && remaining > 0;
            issue(remaining, [], o.fails);
          } else if (o.kind === 'failLater') {
            const live = counted();
            if (live.length) {
              live[o.which % live.length]!.counts = false;
              anyFailed = true;
            }
          } else {
            const picks = o.kind === 'unit' ? [{ line: o.line, units: 1 }] : o.picks;
            const requested = [...new Map(picks.map((p) => [lines[p.line % lines.length]!.id, p.units])).entries()].map(([lineId, quantity]) => ({ lineId, quantity }));
            const before = perLine();
            const plan = planLineRefund(lines, before, requested, remaining);
            for (const r of requested) {
              const l = lines.find((x) => x.id === r.lineId)!;
              const tooMany = r.quantity > l.quantity - (before.get(l.id)?.units ?? 0);
              expect(plan.problems.some((p) => p.message.startsWith('at most'))).toBe(plan.problems.length > 0);
              if (tooMany) expect(plan.problems.length).toBeGreaterThan(0);
            }
            if (!plan.problems.length) {
              expect(plan.amountMinor).toBeLessThanOrEqual(Math.max(0, remaining));
              expect(plan.returned.reduce((a, r) => a + r.amountMinor, 0)).toBe(plan.amountMinor);
              issue(plan.amountMinor, plan.returned, o.fails);
            }
          }
          // Never more back than paid, per line and for the order.
          const done = perLine();
          for (const l of lines) {
            const d = done.get(l.id) ?? NOTHING_REFUNDED;
            expect(d.units).toBeLessThanOrEqual(l.quantity);
            expect(d.amountMinor).toBeLessThanOrEqual(l.totalMinor);
            expect(d.goodsMinor).toBeLessThanOrEqual(l.goodsMinor);
            expect(d.taxMinor).toBeLessThanOrEqual(l.taxMinor);
          }
          expect(refundedMoney()).toBeLessThanOrEqual(total);
          const every = everyUnitRefunded(lines, done);
          // Everything refunded unit by unit returns exactly what was paid, line by line, tax too.
          if (every && !anyFailed) {
            expect(refundedMoney()).toBe(total);
            if (!anyWhole) for (const l of lines) expect(done.get(l.id)).toEqual({ units: l.quantity, amountMinor: l.totalMinor, goodsMinor: l.goodsMinor, taxMinor: l.taxMinor });
          }
          // The state follows what is left.
          const left = linesLeft(lines, done);
          expect(left.length === 0).toBe(every);
          for (const x of left) {
            const l = lines.find((y) => y.id === x.id)!;
            const d = done.get(l.id) ?? NOTHING_REFUNDED;
            expect([x.quantity, x.totalMinor, x.goodsMinor, x.taxMinor]).toEqual([l.quantity - d.units, l.totalMinor - d.amountMinor, l.goodsMinor - d.goodsMinor, l.taxMinor - d.taxMinor]);
            expect(x.freightMinor).toBeGreaterThanOrEqual(0);
          }
          if (coveredByRefunds({ totalMinor: total, refundedMinor: refundedMoney(), wholeChargeRefunded: false, everyUnitRefunded: every })) status = 'REFUNDED';
          expect(status === 'REFUNDED').toBe(every || refundedMoney() >= total);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('property: every unit refunded one by one, in any order, returns each line exactly', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ quantity: fc.integer({ min: 1, max: 7 }), totalMinor: fc.integer({ min: 7, max: 900_000 }), taxPart: fc.double({ min: 0, max: 0.3, noNaN: true }) }), { minLength: 1, maxLength: 4 }),
        fc.infiniteStream(fc.nat()),
        (raw, picks) => {
          const lines: RefundableLine[] = raw.map((l, i) => ({ id: `l${i}`, quantity: l.quantity, totalMinor: l.totalMinor, goodsMinor: Math.floor(l.totalMinor * 0.7), taxMinor: Math.floor(l.totalMinor * l.taxPart) }));
          const total = lines.reduce((a, l) => a + l.totalMinor, 0);
          const rows: ReturnedUnits[] = [];
          const it = picks[Symbol.iterator]();
          while (!everyUnitRefunded(lines, refundedPerLine(rows))) {
            const open = lines.filter((l) => (refundedPerLine(rows).get(l.id)?.units ?? 0) < l.quantity);
            const l = open[it.next().value % open.length]!;
            const paid = rows.reduce((a, r) => a + r.amountMinor, 0);
            const plan = planLineRefund(lines, refundedPerLine(rows), [{ lineId: l.id, quantity: 1 }], total - paid);
            expect(plan.problems).toEqual([]);
            rows.push(...plan.returned);
          }
          expect(rows.reduce((a, r) => a + r.amountMinor, 0)).toBe(total);
          const done = refundedPerLine(rows);
          for (const l of lines) expect(done.get(l.id)).toEqual({ units: l.quantity, amountMinor: l.totalMinor, goodsMinor: l.goodsMinor, taxMinor: l.taxMinor });
        },
      ),
    );
  });

  it('owes a REFUNDED order what a failed refund left unpaid, capped by what the payment can still refund', () => {
    const refunded = { status: 'REFUNDED', totalMinor: 10_000, refundedMinor: 0, failedRefunds: 1, paymentRoomMinor: 10_000 };
    expect(refundOutstanding(refunded)).toBe(10_000);
    // A failed partial refund after an order refunded in full by two refunds.
    expect(refundOutstanding({ ...refunded, refundedMinor: 7_000 })).toBe(3_000);
    // Refunded again (pending or succeeded): nothing owed.
    expect(refundOutstanding({ ...refunded, refundedMinor: 10_000, failedRefunds: 2 })).toBe(0);
    // Paid back from the Stripe dashboard (a refund naming no order): the payment has no room left.
    expect(refundOutstanding({ ...refunded, paymentRoomMinor: 0 })).toBe(0);
    expect(refundOutstanding({ ...refunded, paymentRoomMinor: 4_000 })).toBe(4_000);
    // No failed refund: a REFUNDED order refunded from the dashboard owes nothing, whatever its own refunds say.
    expect(refundOutstanding({ ...refunded, failedRefunds: 0 })).toBe(0);
    // Not REFUNDED: the ordinary refund path applies.
    for (const status of ['PAID', 'CUSTOMS_SUBMITTED', 'HELD', 'DELIVERED', 'CANCELLED']) expect(refundOutstanding({ ...refunded, status })).toBe(0);
  });

  it('outstandingOf reads the owed amount from an order\'s own refunds and its payment', () => {
    const order = { status: 'REFUNDED', totalMinor: 10_000 };
    const payment = { amountMinor: 25_000, amountRefundedMinor: 12_000 };
    const failed = { status: 'failed', amountMinor: 10_000 };
    expect(outstandingOf(order, [failed], payment)).toBe(10_000);
    // Part given back by a later refund that went through: only the rest is owed.
    expect(outstandingOf(order, [failed, { status: 'succeeded', amountMinor: 4_000 }], payment)).toBe(6_000);
    // Capped by what the payment can still refund; nothing without a payment or without a failed refund.
    expect(outstandingOf(order, [failed], { amountMinor: 25_000, amountRefundedMinor: 22_000 })).toBe(3_000);
    expect(outstandingOf(order, [failed], null)).toBe(0);
    expect(outstandingOf(order, [{ status: 'succeeded', amountMinor: 10_000 }], payment)).toBe(0);
    expect(outstandingOf({ status: 'PAID', totalMinor: 10_000 }, [failed], payment)).toBe(0);
  });
});
