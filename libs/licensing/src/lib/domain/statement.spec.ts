import fc from 'fast-check';
import { addMonths } from './periods';
import { computeStatement, type EntryTotals, type StatementTerms } from './statement';

const zero: EntryTotals = { entryCount: 0, units: 0, netSalesMinor: 0, royaltyMinor: 0 };

function runStatements(terms: StatementTerms, first: string, royalties: number[]) {
  let prior = 0;
  return royalties.map((royaltyMinor, i) => {
    const s = computeStatement({ periodStart: addMonths(first, i), terms, priorCumulativeRoyaltyMinor: prior, totals: { ...zero, royaltyMinor, entryCount: 1 } });
    prior = s.cumulativeRoyaltyMinor;
    return s;
  });
}

describe('monthly statements', () => {
  const terms: StatementTerms = { advanceMinor: 1000, minimumGuaranteeMinor: 5000, termEnd: '2026-03-31' };

  it('recoups the advance first, then bills royalty, then the shortfall at the end of the term', () => {
    const [jan, feb, mar, apr] = runStatements(terms, '2026-01-01', [600, 700, 800, 3000]);
    expect(jan).toMatchObject({ periodEnd: '2026-01-31', advanceRecoupedMinor: 600, advanceRemainingMinor: 400, amountPayableMinor: 0, minimumGuaranteeShortfallMinor: 0 });
    expect(feb).toMatchObject({ advanceRecoupedMinor: 400, advanceRemainingMinor: 0, amountPayableMinor: 300 });
    // March holds the term's end: cumulative royalty 2100 < MG 5000 ⇒ shortfall 2900.
    expect(mar).toMatchObject({ cumulativeRoyaltyMinor: 2100, minimumGuaranteeShortfallMinor: 2900, amountPayableMinor: 800 + 2900 });
    // Sell-off sales in April are absorbed by the shortfall already billed, then billed above it.
    expect(apr).toMatchObject({ cumulativeRoyaltyMinor: 5100, minimumGuaranteeShortfallMinor: -2900, amountPayableMinor: 100 });
  });

  it('bills over the life of an agreement max(advance, royalty, MG once ended) (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 0, max: 2_000_000 }),
        fc.integer({ min: 0, max: 24 }),
        fc.array(fc.integer({ min: 0, max: 200_000 }), { minLength: 1, maxLength: 30 }),
        (advance, mg, endIndex, accruals) => {
          const first = '2026-01-01';
          const t: StatementTerms = { advanceMinor: advance, minimumGuaranteeMinor: mg, termEnd: addMonths(first, endIndex + 1).replace(/-01$/, '-01') };
          // Some months reverse part of earlier royalty, never more than accrued so far.
          let cumulative = 0;
          const royalties = accruals.map((a, i) => {
            const r = i % 4 === 3 ? -Math.min(cumulative, a) : a;
            cumulative += r;
            return r;
          });
          const statements = runStatements(t, first, royalties);
          const last = statements[statements.length - 1]!;
          const sum = (k: 'royaltyMinor' | 'amountPayableMinor' | 'advanceRecoupedMinor' | 'minimumGuaranteeShortfallMinor') => statements.reduce((s, x) => s + x[k], 0);
          expect(sum('royaltyMinor')).toBe(last.cumulativeRoyaltyMinor);
          expect(sum('advanceRecoupedMinor')).toBe(Math.min(advance, last.cumulativeRoyaltyMinor));
          const ended = t.termEnd < addMonths(last.periodStart, 1);
          expect(sum('amountPayableMinor') + advance).toBe(Math.max(advance, last.cumulativeRoyaltyMinor, ended ? mg : 0));
          for (const s of statements) expect(s.advanceRemainingMinor).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });
});
