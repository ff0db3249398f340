import fc from 'fast-check';
import { sumsByCurrency } from './ledger';
import { remittanceInputProblems, remittanceRefusal, taxRemittanceEntry } from './tax-remittance';

describe('tax remittances to customs', () => {
  it('names every malformed input: reference, amount, currency', () => {
    expect(remittanceInputProblems({ reference: 'CUS-2026-11/001', amountMinor: 1, currency: 'CNY' })).toEqual([]);
    expect(remittanceInputProblems({ reference: 'bad ref!', amountMinor: 0, currency: 'cny' }).map((p) => p.path)).toEqual(['reference', 'amount', 'currency']);
    expect(remittanceInputProblems({ reference: 'x'.repeat(65), amountMinor: 1.5, currency: 'CNY' }).map((p) => p.path)).toEqual(['reference', 'amount']);
  });

  it('refuses a currency no tax was collected in, and more than is owed (nothing left, too)', () => {
    const owed = new Map([['CNY', 10_000], ['EUR', 0]]);
    expect(remittanceRefusal({ reference: 'r', amountMinor: 100, currency: 'EUR' }, owed)).toEqual({ code: 'REMITTANCE_EXCEEDS_OWED', owedMinor: 0 });
    expect(remittanceRefusal({ reference: 'r', amountMinor: 100, currency: 'USD' }, owed)).toEqual({ code: 'CURRENCY_MISMATCH', owedMinor: 0 });
    expect(remittanceRefusal({ reference: 'r', amountMinor: 10_001, currency: 'CNY' }, owed)).toEqual({ code: 'REMITTANCE_EXCEEDS_OWED', owedMinor: 10_000 });
    expect(remittanceRefusal({ reference: 'r', amountMinor: 10_000, currency: 'CNY' }, owed)).toBeNull();
  });

  it('over any sequence of remittances, each accepted one balances and the tax owed never goes below zero', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.array(fc.integer({ min: 1, max: 400_000 }), { maxLength: 12 }), (collected, asks) => {
        let owed = collected;
        asks.forEach((amountMinor, i) => {
          const r = { reference: `r${i}`, amountMinor, currency: 'CNY' };
          const refusal = remittanceRefusal(r, new Map([['CNY', owed]]));
          if (refusal) {
            expect(refusal).toEqual({ code: 'REMITTANCE_EXCEEDS_OWED', owedMinor: owed });
            expect(amountMinor).toBeGreaterThan(owed);
            return;
          }
          const e = taxRemittanceEntry(r, new Date(0));
          expect(sumsByCurrency(e.lines).size).toBe(0);
          expect(e.eventKey).toBe(`tax-remittance:r${i}`);
          // The liability (a credit balance) goes down by what is remitted.
          owed -= e.lines.filter((l) => l.account.kind === 'TAX_PAYABLE').reduce((a, l) => a + l.amountMinor, 0);
          expect(owed).toBeGreaterThanOrEqual(0);
        });
      }),
    );
  });
});
