import fc from 'fast-check';
import { planCartMerge } from './cart-merge';

const limits = { maxCartLines: 3, maxLineQuantity: 10 };

describe('planCartMerge', () => {
  it('adds units of the same variant, opens lines for new ones, keeps untouched lines out of the plan', () => {
    const plan = planCartMerge(
      [
        { variantId: 'a', quantity: 2 },
        { variantId: 'b', quantity: 1 },
      ],
      [
        { variantId: 'a', quantity: 3 },
        { variantId: 'c', quantity: 4 },
      ],
      limits,
    );
    expect(plan).toEqual({
      set: [
        { variantId: 'a', quantity: 5 },
        { variantId: 'c', quantity: 4 },
      ],
      leftOut: [],
    });
  });

  it('caps a line at the units a line may hold and leaves out a new line when the cart is full', () => {
    const plan = planCartMerge(
      [
        { variantId: 'a', quantity: 8 },
        { variantId: 'b', quantity: 1 },
      ],
      [
        { variantId: 'a', quantity: 5 },
        { variantId: 'c', quantity: 1 },
        { variantId: 'd', quantity: 2 },
      ],
      limits,
    );
    expect(plan.set).toEqual([
      { variantId: 'a', quantity: 10 },
      { variantId: 'c', quantity: 1 },
    ]);
    expect(plan.leftOut).toEqual([
      { variantId: 'a', quantity: 3 },
      { variantId: 'd', quantity: 2 },
    ]);
  });

  it('never exceeds the limits and accounts for every guest unit (kept or left out)', () => {
    const line: fc.Arbitrary<{ variantId: string; quantity: number }> = fc.record({ variantId: fc.constantFrom('a', 'b', 'c', 'd', 'e'), quantity: fc.integer({ min: 1, max: 10 }) });
    const cart = fc.uniqueArray(line, { selector: (l) => l.variantId, maxLength: 3 });
    fc.assert(
      fc.property(cart, fc.uniqueArray(line, { selector: (l) => l.variantId, maxLength: 5 }), (target, guest) => {
        const plan = planCartMerge(target, guest, limits);
        const after = new Map(target.map((l) => [l.variantId, l.quantity]));
        for (const s of plan.set) after.set(s.variantId, s.quantity);
        expect(after.size).toBeLessThanOrEqual(limits.maxCartLines);
        for (const q of after.values()) expect(q).toBeLessThanOrEqual(limits.maxLineQuantity);
        const sum = (ls: { quantity: number }[]) => ls.reduce((a, l) => a + l.quantity, 0);
        expect(sum([...after.values()].map((quantity) => ({ quantity }))) + sum(plan.leftOut)).toBe(sum(target) + sum(guest));
      }),
    );
  });
});
