import type { CartProblem } from '../api/buy';
import { checkoutProblems, dutiableOf, problemsOfLine, problemsOfOrder } from './limits';

const none = { variantId: null, available: null, museumId: null, customsMode: null, fulfilledByBrandId: null, limit: null, value: null, remaining: null };
const problems: CartProblem[] = [
  { ...none, code: 'OUT_OF_STOCK', lineIds: ['l1'], variantId: 'v1', available: 2 },
  { ...none, code: 'ORDER_LIMIT_EXCEEDED', lineIds: ['l1', 'l2'], museumId: 'm1', customsMode: '9610', limit: 500_000, value: 600_000 },
  { ...none, code: 'SINGLE_ITEM_OVER_LIMIT', lineIds: ['l3'], museumId: 'm1', customsMode: '9610', fulfilledByBrandId: 'b1', limit: 2_600_000, value: 2_700_000 },
  { ...none, code: 'ANNUAL_LIMIT_EXCEEDED', lineIds: ['l1', 'l2', 'l3'], limit: 2_600_000, value: 3_300_000, remaining: 2_600_000 },
];

describe('cart problems placed where they belong (the API decides them)', () => {
  it('an order limit goes to its seller order only: same museum, customs mode and fulfiller', () => {
    expect(problemsOfOrder(problems, { museumId: 'm1', customsMode: '9610', fulfilledByBrandId: null }).map((p) => p.code)).toEqual(['ORDER_LIMIT_EXCEEDED']);
    expect(problemsOfOrder(problems, { museumId: 'm1', customsMode: '9610', fulfilledByBrandId: 'b1' }).map((p) => p.code)).toEqual(['SINGLE_ITEM_OVER_LIMIT']);
    expect(problemsOfOrder(problems, { museumId: 'm1', customsMode: '1210', fulfilledByBrandId: null })).toEqual([]);
  });

  it('a line shows its own problems, not the order’s or the checkout’s; the yearly limit is the cart’s', () => {
    expect(problemsOfLine(problems, { id: 'l1', variantId: 'v1' }).map((p) => p.code)).toEqual(['OUT_OF_STOCK']);
    expect(problemsOfLine(problems, { id: 'l3', variantId: 'v3' })).toEqual([]);
    expect(checkoutProblems(problems).map((p) => p.code)).toEqual(['ANNUAL_LIMIT_EXCEEDED']);
  });

  it('the meter shows the order’s customs value as the API counts it', () => {
    expect(dutiableOf([{ dutiable: 10 }, { dutiable: 32 }])).toBe(42);
  });
});
