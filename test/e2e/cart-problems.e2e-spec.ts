import { createUser } from '@vitrine/shared/testing';
import type { ApiHarness } from '../support/api-harness';
import { PLACE_ORDER, placeOrderInput, residentId, seedFx, seedShop, setStock, startCheckoutApi, type Shop } from '../support/checkout-fixtures';

jest.setTimeout(120_000);

/**
 * Cart.problems over HTTP: what placeOrder would refuse, decided by placeOrder's own rules
 * (customs' orderLimitRefusal / annualLimitRefusal behind assertOrderLimits and
 * assertAnnualLimit, stock, listing), with the same code and the cart lines it concerns, so the
 * shop no longer decides "over the limit" itself. Each problem is then checked against placeOrder:
 * same code, same lines, nothing written.
 *
 * Prices are exact: EUR × 10 with no margin, 24 CNY of freight per seller order, and a yearly
 * limit configured at 10,000 CNY (the per-order limit stays 5,000 CNY).
 */
const ENV = {
  FX_MARGIN_BPS: '0',
  CBEC_ANNUAL_LIMIT_MINOR: '1000000',
  SHIPPING_RATES_JSON: JSON.stringify({
    '9610': { brackets: [{ maxGrams: 100_000, feeMinor: 2_400 }], perExtraKgMinor: 0 },
    '1210': { brackets: [{ maxGrams: 100_000, feeMinor: 2_400 }], perExtraKgMinor: 0 },
  }),
};
const FREIGHT = 2_400;
const ANNUAL = 1_000_000;
const PROBLEMS = 'problems { code lineIds variantId available museumId customsMode fulfilledByBrandId limit value remaining }';
const ADD = `mutation($i: CartLineInput!) { addCartLine(input: $i) { cart { id lines { id variantId } sellers { museumId customsMode } ${PROBLEMS} } } }`;
const CART = `{ cart { id ${PROBLEMS} } }`;

describe('Cart.problems: the cart says what placeOrder would refuse', () => {
  let api: ApiHarness;
  let close: () => Promise<void>;
  let a: Shop;
  let b: Shop;
  const saved: Record<string, string | undefined> = {};
  let ids = 7400;

  beforeAll(async () => {
    for (const k of Object.keys(ENV)) saved[k] = process.env[k];
    ({ api, close } = await startCheckoutApi(ENV));
    await seedFx(api.db.prisma, '10.0000');
    // 2,500 CNY; a 5,624 CNY vase; a 12,000 CNY statue (above the whole yearly limit); 100 CNY
    a = await seedShop(api.db.prisma, { prices: [25_000, 56_240, 120_000, 1_000], stock: 5 });
    // 4,500 CNY at another museum
    b = await seedShop(api.db.prisma, { prices: [45_000], stock: 5 });
  });
  afterAll(async () => {
    await close();
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });

  const p = () => api.db.prisma;
  const written = async () => ({ checkouts: await p().checkout.count(), orders: await p().order.count(), reserved: (await p().stockLevel.aggregate({ _sum: { reserved: true } }))._sum.reserved });
  const shopper = async () => api.login((await createUser(p(), 'SHOPPER')).email);
  async function cart(lines: { variantId: string; quantity: number }[], token: string) {
    let view: any = null;
    for (const line of lines) {
      const r: any = await api.gql(ADD, { i: line }, token);
      expect(r.errors).toBeUndefined();
      view = r.data.addCartLine.cart;
    }
    return view;
  }
  /** placeOrder's answer for the cart, and that it wrote nothing. */
  async function refusal(cartId: string, token: string) {
    const before = await written();
    const r: any = await api.gql(PLACE_ORDER, { i: placeOrderInput(cartId, `cart-problems-${ids}`, { id: residentId(ids++), name: '王芳' }) }, token);
    expect(await written()).toEqual(before);
    return r.errors?.[0]?.extensions;
  }
  const none = { variantId: null, available: null, fulfilledByBrandId: null };

  it('a seller order above the per-order limit: ORDER_LIMIT_EXCEEDED on that order, with its lines, limit and value; the other order is fine', async () => {
    const me = await shopper();
    const view = await cart([{ variantId: a.variants[0]!.id, quantity: 2 }, { variantId: b.variants[0]!.id, quantity: 1 }], me);
    const lineA = view.lines.find((l: any) => l.variantId === a.variants[0]!.id).id;
    expect(view.problems).toEqual([{ ...none, code: 'ORDER_LIMIT_EXCEEDED', lineIds: [lineA], museumId: a.museumId, customsMode: '9610', limit: 500_000, value: 500_000 + FREIGHT, remaining: null }]);
    // The query reads the same; placeOrder refuses with the same code and lines.
    expect(((await api.gql(CART, {}, me)) as any).data.cart.problems).toEqual(view.problems);
    expect(await refusal(view.id, me)).toMatchObject({ code: 'ORDER_LIMIT_EXCEEDED', limit: 500_000, dutiableValue: 500_000 + FREIGHT, lines: [lineA] });
  });

  it('one indivisible item above the per-order limit alone in its order is no problem (general trade); one above the whole yearly limit is SINGLE_ITEM_OVER_LIMIT', async () => {
    const me = await shopper();
    expect((await cart([{ variantId: a.variants[1]!.id, quantity: 1 }], me)).problems).toEqual([]);
    const other = await shopper();
    const statue = await cart([{ variantId: a.variants[2]!.id, quantity: 1 }], other);
    expect(statue.problems).toEqual([
      { ...none, code: 'SINGLE_ITEM_OVER_LIMIT', lineIds: [statue.lines[0].id], museumId: a.museumId, customsMode: '9610', limit: ANNUAL, value: 1_200_000 + FREIGHT, remaining: null },
      // The statue alone is also above what any identity may import in a year.
      { ...none, code: 'ANNUAL_LIMIT_EXCEEDED', lineIds: [statue.lines[0].id], museumId: null, customsMode: null, limit: ANNUAL, value: 1_200_000 + FREIGHT, remaining: ANNUAL },
    ]);
    expect(await refusal(statue.id, other)).toMatchObject({ code: 'SINGLE_ITEM_OVER_LIMIT', lines: [statue.lines[0].id] });
  });

  it('two orders each within the per-order limit but together above the yearly limit: ANNUAL_LIMIT_EXCEEDED naming every line', async () => {
    const me = await shopper();
    const view = await cart([{ variantId: a.variants[1]!.id, quantity: 1 }, { variantId: b.variants[0]!.id, quantity: 1 }], me);
    const requested = 562_400 + FREIGHT + 450_000 + FREIGHT;
    expect(view.problems).toEqual([{ ...none, code: 'ANNUAL_LIMIT_EXCEEDED', lineIds: view.lines.map((l: any) => l.id), museumId: null, customsMode: null, limit: ANNUAL, value: requested, remaining: ANNUAL }]);
    expect(await refusal(view.id, me)).toMatchObject({ code: 'ANNUAL_LIMIT_EXCEEDED', requested, limit: ANNUAL });
  });

  it('stock run short and a product taken off sale: OUT_OF_STOCK with what is left, NOT_LISTABLE_FOR_CHINA, each at its line', async () => {
    const me = await shopper();
    const view = await cart([{ variantId: a.variants[3]!.id, quantity: 3 }], me);
    expect(view.problems).toEqual([]);
    await setStock(p(), a.locationId, a.variants[3]!.id, 1);
    const short: any = await api.gql(CART, {}, me);
    expect(short.data.cart.problems).toEqual([{ ...none, code: 'OUT_OF_STOCK', lineIds: [view.lines[0].id], variantId: a.variants[3]!.id, available: 1, museumId: null, customsMode: null, limit: null, value: null, remaining: null }]);
    expect((await refusal(view.id, me)).code).toBe('OUT_OF_STOCK');
    await setStock(p(), a.locationId, a.variants[3]!.id, 5);

    await p().product.update({ where: { id: a.variants[3]!.productId }, data: { status: 'ARCHIVED' } });
    try {
      const gone: any = await api.gql(CART, {}, me);
      expect(gone.data.cart.problems).toEqual([{ ...none, code: 'NOT_LISTABLE_FOR_CHINA', lineIds: [view.lines[0].id], variantId: a.variants[3]!.id, museumId: null, customsMode: null, limit: null, value: null, remaining: null }]);
      expect((await refusal(view.id, me)).code).toBe('NOT_LISTABLE_FOR_CHINA');
    } finally {
      await p().product.update({ where: { id: a.variants[3]!.productId }, data: { status: 'PUBLISHED' } });
    }
    // Back on sale and in stock: no problem, and placeOrder takes it.
    expect(((await api.gql(CART, {}, me)) as any).data.cart.problems).toEqual([]);
    const placed: any = await api.gql(PLACE_ORDER, { i: placeOrderInput(view.id, 'cart-problems-ok', { id: residentId(ids++), name: '王芳' }) }, me);
    expect(placed.errors).toBeUndefined();
  });
});
