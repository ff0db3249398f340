import fc from 'fast-check';
import { divRound } from '@vitrine/shared/kernel';
import { commissionOn, commissionRateProblems } from './commission';
import { assertBalanced, compact, lineKey, sumsByCurrency, type EntryLine } from './ledger';
import { SettlementError } from './settlement-error';
import { largestRemainder, orderPaidEntry, proportionalReversal } from './split';

const museum = '00000000-0000-4000-8000-000000000001';
const brand = '00000000-0000-4000-8000-0000000000b1';
const at = new Date('2026-12-06T00:00:00Z');

describe('the split of a paid order', () => {
  // A co-branded scarf (966.00 CNY, commission 15 %, royalty 10 %) shipped by the brand, and a
  // museum's own poster (120.00 CNY, default 12 %) in one order: freight 60.00, tax 104.46.
  const order = {
    orderId: 'o1',
    checkoutId: 'c1',
    museumId: museum,
    shipper: { type: 'BRAND' as const, id: brand },
    currency: 'CNY',
    shippingMinor: 6_000,
    insuranceMinor: 0,
    taxMinor: 10_446,
    totalMinor: 96_600 + 12_000 + 6_000 + 10_446,
    lines: [
      { goodsMinor: 96_600, commissionRateBps: 1_500, fulfiller: { type: 'BRAND' as const, id: brand }, royaltyMinor: 9_660 },
      { goodsMinor: 12_000, commissionRateBps: 1_200, fulfiller: { type: 'MUSEUM' as const, id: museum }, royaltyMinor: 0 },
    ],
  };

  it('gives the brand goods less commission less royalty, the museum the royalty and its own goods less commission (pending until the return window closes), customs the tax, the shipper the freight', () => {
    const e = orderPaidEntry(order, at);
    assertBalanced(e);
    const amount = (kind: string, owner: string | null, component: string) => e.lines.find((l) => l.account.kind === kind && l.account.ownerId === owner && l.component === component)?.amountMinor ?? 0;
    expect(amount('STRIPE_CLEARING', null, 'PAYMENT')).toBe(125_046);
    expect(amount('TAX_PAYABLE', null, 'TAX')).toBe(-10_446);
    expect(amount('PLATFORM_COMMISSION', null, 'COMMISSION')).toBe(-(14_490 + 1_440));
    expect(amount('SELLER_PENDING', brand, 'GOODS')).toBe(-(96_600 - 14_490 - 9_660));
    expect(amount('SELLER_PENDING', brand, 'FREIGHT')).toBe(-6_000);
    expect(amount('SELLER_PENDING', museum, 'ROYALTY')).toBe(-9_660);
    expect(amount('SELLER_PENDING', museum, 'GOODS')).toBe(-(12_000 - 1_440));
    expect(e.eventKey).toBe('order-paid:o1');
  });

  it('reverses a third, then the rest, landing every line exactly on zero', () => {
    const paid = orderPaidEntry(order, at).lines;
    const third = proportionalReversal(paid, new Map(), 41_682);
    expect(sumsByCurrency(third).size).toBe(0);
    expect(third.find((l) => l.component === 'PAYMENT')!.amountMinor).toBe(-41_682);
    expect(third.find((l) => l.component === 'TAX')!.amountMinor).toBe(3_482);
    const before = new Map(third.map((l) => [`${l.account.kind}:${l.account.ownerType}${l.account.ownerId ? `:${l.account.ownerId}` : ''}|${l.component}|o1|CNY`, l.amountMinor]));
    const rest = proportionalReversal(paid, before, order.totalMinor);
    for (const l of paid) {
      const back = [...third, ...rest].filter((x) => x.account.kind === l.account.kind && x.account.ownerId === l.account.ownerId && x.component === l.component).reduce((a, x) => a + x.amountMinor, 0);
      expect(l.amountMinor + back).toBe(0);
    }
  });

  it('refuses an unbalanced entry with UNBALANCED_ENTRY', () => {
    const e = orderPaidEntry({ ...order, totalMinor: order.totalMinor + 1 }, at);
    expect(() => assertBalanced(e)).toThrow(SettlementError);
    expect(() => assertBalanced(e)).toThrow(/does not balance: 1 CNY/);
  });

  it('splits by largest remainder, exactly', () => {
    expect(largestRemainder([1, 1, 1], 2, 3)).toEqual([1, 1, 0]);
    expect(largestRemainder([50, 30, 20], 7, 100)).toEqual([4, 2, 1]);
    expect(largestRemainder([120, -20], 50, 100)).toEqual([60, -10]);
  });
});

describe('commission rates', () => {
  it('rounds HALF_UP on the goods', () => {
    expect(commissionOn(12_345, 1_250)).toBe(1_543);
    expect(commissionOn(1, 5_000)).toBe(1);
    expect(commissionOn(0, 10_000)).toBe(0);
  });

  it('computes in doubles exactly what the rule computes in bigints, up to the largest safe goods', () => {
    const bigints = (goods: number, bps: number) => Number(divRound(BigInt(goods) * BigInt(bps), 10_000n, 'HALF_UP'));
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), fc.integer({ min: -10_000_000, max: 0 })), fc.integer({ min: 0, max: 10_000 }), (goods, bps) => {
        expect(commissionOn(goods, bps)).toBe(bigints(goods, bps));
      }),
      { numRuns: 5_000 },
    );
    // Halves and the edges of the doubles' precision.
    for (const [goods, bps] of [[5, 1_000], [15, 1_000], [25, 1_000], [900_719_925_474, 9_999], [900_719_925_474, 10_000], [Number.MAX_SAFE_INTEGER, 1], [Number.MAX_SAFE_INTEGER, 10_000]] as const) {
      expect(commissionOn(goods, bps)).toBe(bigints(goods, bps));
    }
  });

  it('names every bad rate: negative, over 100 %, fractional, a category twice', () => {
    expect(commissionRateProblems({ defaultRateBps: -1, categoryRates: [{ category: 'scarves', rateBps: 10_001 }, { category: 'scarves', rateBps: 1.5 }] })).toEqual([
      { path: 'input.defaultRateBps', message: 'must not be negative' },
      { path: 'input.categoryRates.0.rateBps', message: 'must be at most 10000 basis points (100 %)' },
      { path: 'input.categoryRates.1.category', message: 'names a category twice' },
      { path: 'input.categoryRates.1.rateBps', message: 'must be a whole number of basis points' },
    ]);
    expect(commissionRateProblems({ defaultRateBps: 10_000, categoryRates: [{ category: 'posters', rateBps: 0 }] })).toEqual([]);
  });
});

describe('compact', () => {
  /** The rule as it reads: lines keyed by lineKey, summed, in the order each key first appears, zero sums dropped. */
  const byKey = (lines: readonly EntryLine[]) => {
    const sums = new Map<string, EntryLine>();
    for (const l of lines) {
      const m = sums.get(lineKey(l));
      if (m) m.amountMinor += l.amountMinor;
      else sums.set(lineKey(l), { ...l, account: { ...l.account } });
    }
    return [...sums.values()].filter((l) => l.amountMinor !== 0);
  };
  const line: fc.Arbitrary<EntryLine> = fc.record({
    account: fc.record({
      kind: fc.constantFrom('SELLER_PENDING' as const, 'SELLER_PAYABLE' as const, 'PLATFORM_COMMISSION' as const),
      ownerType: fc.constantFrom('MUSEUM' as const, 'BRAND' as const, 'PLATFORM' as const),
      ownerId: fc.constantFrom(museum, brand, null),
    }),
    component: fc.constantFrom('GOODS' as const, 'ROYALTY' as const, 'FREIGHT' as const),
    orderId: fc.constantFrom('o1', 'o2', null, ''),
    amountMinor: fc.integer({ min: -5, max: 5 }),
    currency: fc.constantFrom('CNY', 'EUR'),
  });

  it('merges few lines (field by field) and many lines (by key) exactly as lineKey groups them, leaving its input as it was', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 80 }), (lines) => {
        const before = structuredClone(lines);
        expect(compact(lines)).toEqual(byKey(lines));
        expect(lines).toEqual(before);
      }),
      { numRuns: 2_000 },
    );
  });
});
