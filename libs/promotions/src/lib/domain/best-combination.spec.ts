import fc from 'fast-check';
import { allocateLargestRemainder } from './allocation';
import { applyPromotions, bestCombination, discountOf, type LineForPromotion, type PromotionRule } from './best-combination';

const M1 = '11111111-1111-4111-8111-111111111111';
const M2 = '22222222-2222-4222-8222-222222222222';

function rule(over: Partial<PromotionRule> & Pick<PromotionRule, 'id'>): PromotionRule {
  return { museumId: M1, kind: 'THRESHOLD', name: over.id, code: null, fundedBy: 'MUSEUM', tiers: [], every: false, discountType: null, percentBps: null, amountOffMinor: null, minSpendMinor: 0, productIds: null, ...over };
}

const lineArb = fc.record({
  museumId: fc.constantFrom(M1, M2),
  productId: fc.constantFrom('p1', 'p2', 'p3'),
  goodsMinor: fc.integer({ min: 1, max: 2_000_000 }),
});
const linesArb = fc.array(lineArb, { minLength: 1, maxLength: 6 }).map((ls) => ls.map((l, i): LineForPromotion => ({ ...l, ref: `l${i}` })));
const ruleArb = fc
  .record({
    museumId: fc.constantFrom<string | null>(M1, M2, null),
    kind: fc.constantFrom<'THRESHOLD' | 'COUPON'>('THRESHOLD', 'COUPON'),
    min: fc.integer({ min: 1, max: 500_000 }),
    off: fc.integer({ min: 1, max: 3_000_000 }),
    every: fc.boolean(),
    percent: fc.boolean(),
    bps: fc.integer({ min: 1, max: 9_900 }),
    products: fc.option(fc.subarray(['p1', 'p2', 'p3']), { nil: null }),
  });
const rulesArb = fc.array(ruleArb, { maxLength: 6 }).map((rs) =>
  rs.map((r, i) =>
    rule({
      id: `r${i}`,
      museumId: r.museumId,
      kind: r.kind,
      fundedBy: r.museumId === null ? 'PLATFORM' : 'MUSEUM',
      tiers: r.kind === 'THRESHOLD' ? [{ minMinor: r.min, offMinor: r.off }] : [],
      every: r.kind === 'THRESHOLD' && r.every,
      discountType: r.kind === 'COUPON' ? (r.percent ? 'PERCENT' : 'AMOUNT') : null,
      percentBps: r.percent ? r.bps : null,
      amountOffMinor: r.percent ? null : r.off,
      minSpendMinor: r.kind === 'COUPON' ? r.min : 0,
      productIds: r.products,
    }),
  ),
);

describe('allocateLargestRemainder', () => {
  it('sums to the total exactly, and no share exceeds its weight when the total fits (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5_000_000 }), { minLength: 1, maxLength: 12 }), fc.double({ min: 0, max: 1, noNaN: true }), (weights, f) => {
        const sum = weights.reduce((a, w) => a + w, 0);
        const total = Math.floor(sum * f);
        const shares = allocateLargestRemainder(total, weights);
        expect(shares.reduce((a, s) => a + s, 0)).toBe(total);
        shares.forEach((s, i) => {
          expect(s).toBeGreaterThanOrEqual(0);
          if (sum > 0) expect(s).toBeLessThanOrEqual(weights[i]!);
        });
      }),
    );
  });

  it('gives the leftover fen to the largest remainders, ties to the earlier line', () => {
    expect(allocateLargestRemainder(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocateLargestRemainder(3_000, [29_900, 9_900, 200])).toEqual([2_243, 742, 15]);
  });
});

describe('discountOf', () => {
  it('30 off every 300, tiers, coupons', () => {
    expect(discountOf(rule({ id: 'a', tiers: [{ minMinor: 30_000, offMinor: 3_000 }], every: true }), 95_000, 95_000)).toBe(9_000);
    expect(discountOf(rule({ id: 'b', tiers: [{ minMinor: 20_000, offMinor: 2_000 }, { minMinor: 50_000, offMinor: 8_000 }] }), 60_000, 60_000)).toBe(8_000);
    expect(discountOf(rule({ id: 'b', tiers: [{ minMinor: 20_000, offMinor: 2_000 }, { minMinor: 50_000, offMinor: 8_000 }] }), 19_999, 19_999)).toBe(0);
    expect(discountOf(rule({ id: 'c', kind: 'COUPON', discountType: 'PERCENT', percentBps: 1_000, minSpendMinor: 10_000 }), 20_000, 17_000)).toBe(1_700);
    expect(discountOf(rule({ id: 'c', kind: 'COUPON', discountType: 'AMOUNT', amountOffMinor: 5_000, minSpendMinor: 10_000 }), 9_999, 9_999)).toBe(0);
  });
});

describe('bestCombination', () => {
  it('discounts never exceed the goods: per line, per promotion and in total (property)', () => {
    fc.assert(
      fc.property(linesArb, rulesArb, (lines, rules) => {
        const coupon = rules.find((r) => r.kind === 'COUPON') ?? null;
        const out = bestCombination(lines, rules, coupon);
        const goods = lines.reduce((a, l) => a + l.goodsMinor, 0);
        expect(out.discountMinor).toBeLessThanOrEqual(goods);
        out.lines.forEach((d, i) => {
          expect(d.discountMinor).toBeGreaterThanOrEqual(0);
          expect(d.discountMinor).toBeLessThanOrEqual(lines[i]!.goodsMinor);
          expect(d.platformDiscountMinor).toBeGreaterThanOrEqual(0);
          expect(d.platformDiscountMinor).toBeLessThanOrEqual(d.discountMinor);
        });
      }),
    );
  });

  it('the allocation to lines sums to the discount to the fen, promotion by promotion (property)', () => {
    fc.assert(
      fc.property(linesArb, rulesArb, (lines, rules) => {
        const out = bestCombination(lines, rules, rules.find((r) => r.kind === 'COUPON') ?? null);
        expect(out.lines.reduce((a, l) => a + l.discountMinor, 0)).toBe(out.discountMinor);
        expect(out.applied.reduce((a, p) => a + p.amountMinor, 0)).toBe(out.discountMinor);
        for (const p of out.applied) expect([...p.perLine.values()].reduce((a, v) => a + v, 0)).toBe(p.amountMinor);
        const platform = out.applied.filter((p) => p.fundedBy === 'PLATFORM').reduce((a, p) => a + p.amountMinor, 0);
        expect(out.lines.reduce((a, l) => a + l.platformDiscountMinor, 0)).toBe(platform);
      }),
    );
  });

  it('stacking: at most one threshold per storefront, one coupon, one platform-wide; never worse than any single choice (property)', () => {
    fc.assert(
      fc.property(linesArb, rulesArb, (lines, rules) => {
        const coupon = rules.find((r) => r.kind === 'COUPON') ?? null;
        const out = bestCombination(lines, rules, coupon);
        const thresholds = out.applied.filter((a) => a.kind === 'THRESHOLD');
        const perGroup = new Map<string, number>();
        for (const a of thresholds) perGroup.set(a.museumId ?? 'PLATFORM', (perGroup.get(a.museumId ?? 'PLATFORM') ?? 0) + 1);
        expect([...perGroup.values()].every((n) => n === 1)).toBe(true);
        expect(out.applied.filter((a) => a.kind === 'COUPON').length).toBeLessThanOrEqual(1);
        for (const r of rules.filter((x) => x.kind === 'THRESHOLD')) expect(out.discountMinor).toBeGreaterThanOrEqual(applyPromotions(lines, [r]).discountMinor);
      }),
    );
  });

  it('a coupon of museum A takes nothing off museum B’s lines', () => {
    const lines: LineForPromotion[] = [
      { ref: 'a', museumId: M1, productId: 'p1', goodsMinor: 10_000 },
      { ref: 'b', museumId: M2, productId: 'p2', goodsMinor: 50_000 },
    ];
    const coupon = rule({ id: 'c', kind: 'COUPON', discountType: 'PERCENT', percentBps: 5_000, code: 'HALF' });
    const out = bestCombination(lines, [], coupon);
    expect(out.lines).toEqual([
      { ref: 'a', discountMinor: 5_000, platformDiscountMinor: 0 },
      { ref: 'b', discountMinor: 0, platformDiscountMinor: 0 },
    ]);
  });

  it('picks the better of two thresholds of one storefront, adds the coupon and the platform-wide one', () => {
    const lines: LineForPromotion[] = [
      { ref: 'a', museumId: M1, productId: 'p1', goodsMinor: 40_000 },
      { ref: 'b', museumId: M2, productId: 'p2', goodsMinor: 30_000 },
    ];
    const small = rule({ id: 'r1', tiers: [{ minMinor: 30_000, offMinor: 3_000 }], every: true });
    const big = rule({ id: 'r2', tiers: [{ minMinor: 40_000, offMinor: 5_000 }] });
    const platform = rule({ id: 'r3', museumId: null, fundedBy: 'PLATFORM', tiers: [{ minMinor: 60_000, offMinor: 6_000 }] });
    const coupon = rule({ id: 'r4', kind: 'COUPON', discountType: 'AMOUNT', amountOffMinor: 1_000, code: 'TEN' });
    const out = bestCombination(lines, [small, big, platform], coupon);
    expect(out.applied.map((a) => [a.promotionId, a.amountMinor])).toEqual([
      ['r2', 5_000],
      ['r4', 1_000],
      ['r3', 6_000],
    ]);
    expect(out.discountMinor).toBe(12_000);
    expect(out.lines.reduce((a, l) => a + l.platformDiscountMinor, 0)).toBe(6_000);
  });
});
