import { createUser } from '@vitrine/shared/testing';
import { codeOf, type ApiHarness, type GqlResult } from '../support/api-harness';
import { ADD_LINE, placeOrderInput, residentId, seedFx, seedShop, startCheckoutApi, type Shop } from '../support/checkout-fixtures';

jest.setTimeout(120_000);

const FREE_SHIPPING = JSON.stringify({ '9610': { brackets: [{ maxGrams: 100_000, feeMinor: 0 }], perExtraKgMinor: 0 }, '1210': { brackets: [{ maxGrams: 100_000, feeMinor: 0 }], perExtraKgMinor: 0 } });
// EUR 40.00 → 322 CNY (× 7.8 × 1.03, whole yuan up), no freight: two reach a 500 CNY minimum spend.
const A1 = 32_200;

const CREATE = `mutation($i: PromotionInput!) { createPromotion(input: $i) { id code status } }`;
const ARCHIVE = `mutation($id: ID!) { archivePromotion(id: $id) { id status } }`;
const CART_PROMO = `id goodsTotal discountTotal coupon { code problem } promotions { promotionId code amount lineIds } lines { id variantId }`;
const CART = `query($t: String, $c: String) { cart(cartToken: $t, couponCode: $c) { ${CART_PROMO} } }`;
const APPLY = `mutation($t: String, $c: String!) { applyCartCoupon(cartToken: $t, code: $c) { ${CART_PROMO} } }`;
const PLACE = `mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { id orders { museumId discountTotal lines { variantId discount } } } }`;

const day = 86_400_000;
const window = () => ({ startsAt: new Date(Date.now() - day).toISOString(), endsAt: new Date(Date.now() + 30 * day).toISOString() });

/**
 * Coupon codes end to end (issue 22), the cases promotions e2e leaves out: a code not started,
 * a minimum spend not met, an archived coupon, a coupon scoped to products, codes typed in
 * lower case with spaces, a coupon that expires between the cart and placeOrder, a total usage
 * limit used up one checkout after another, the per-shopper limit counted by account (another
 * resident ID does not get around it), another storefront's coupon at placeOrder, and a cart
 * that reports a coupon's problem instead of failing. Every refusal has its stable code and
 * writes nothing: no checkout, no use, no redemption.
 */
describe('coupon codes', () => {
  let api: ApiHarness;
  let close: () => Promise<void>;
  let shopA: Shop;
  let shopB: Shop;
  let managerA: string;
  let managerB: string;

  beforeAll(async () => {
    ({ api, close } = await startCheckoutApi({ SHIPPING_RATES_JSON: FREE_SHIPPING }));
    await seedFx(api.db.prisma, '7.8000');
    shopA = await seedShop(api.db.prisma, { prices: [2_500, 4_000], stock: 200 });
    shopB = await seedShop(api.db.prisma, { prices: [3_000], stock: 200 });
    managerA = await api.login((await createUser(api.db.prisma, 'MUSEUM_MANAGER', { museumIds: [shopA.museumId] })).email);
    managerB = await api.login((await createUser(api.db.prisma, 'MUSEUM_MANAGER', { museumIds: [shopB.museumId] })).email);
  });
  afterAll(() => close?.());

  const coupon = async (token: string, museumId: string, code: string, over: Record<string, unknown> = {}) => {
    const r: any = await api.gql(CREATE, { i: { museumId, kind: 'COUPON', name: code, code, discountType: 'AMOUNT', amountOffMinor: 1_000, ...window(), ...over } }, token);
    expect(r.errors).toBeUndefined();
    return r.data.createPromotion as { id: string; code: string; status: string };
  };

  /** A cart of these lines: a guest's (token) or a signed-in shopper's (auth). */
  async function cartOf(lines: { variantId: string; quantity: number }[], auth: string | null = null) {
    let token: string | null = null;
    let cartId = '';
    for (const line of lines) {
      const r: any = await api.gql(ADD_LINE, { i: { ...line, cartToken: token } }, auth);
      expect(r.errors).toBeUndefined();
      token = auth ? null : (r.data.addCartLine.cartToken ?? token);
      cartId = r.data.addCartLine.cart.id;
    }
    return { token, cartId, auth };
  }
  type Cart = Awaited<ReturnType<typeof cartOf>>;
  const apply = (c: Cart, code: string) => api.gql(APPLY, { t: c.token, c: code }, c.auth);
  const place = (c: Cart, key: string, id: string, couponCode: string): Promise<GqlResult> =>
    api.gql(PLACE, { i: placeOrderInput(c.cartId, `${key}-${c.cartId}`, { cartToken: c.token, id, couponCode }) }, c.auth);
  /** Nothing written by a refused checkout: no checkout of the cart, no use, no redemption. */
  const untouched = async (c: Cart, promotionId: string, uses = 0) => {
    expect(await api.db.prisma.checkout.count({ where: { cartId: c.cartId } })).toBe(0);
    expect((await api.db.prisma.promotion.findUniqueOrThrow({ where: { id: promotionId } })).usedCount).toBe(uses);
    expect(await api.db.prisma.promotionRedemption.count({ where: { promotionId, releasedAt: null } })).toBe(uses);
  };

  it('refuses a code not started, under its minimum spend, archived or malformed; a scoped coupon covers its products only; codes are read in any case', async () => {
    const future = await coupon(managerA, shopA.museumId, 'SOON-10', { startsAt: new Date(Date.now() + day).toISOString() });
    expect(future.status).toBe('SCHEDULED');
    const min = await coupon(managerA, shopA.museumId, 'MIN500', { minSpendMinor: 50_000 });
    const gone = await coupon(managerA, shopA.museumId, 'GONE-NOW');
    expect(((await api.gql(ARCHIVE, { id: gone.id }, managerA)) as any).data.archivePromotion.status).toBe('ARCHIVED');
    const scoped = await coupon(managerA, shopA.museumId, 'SCARF-5', { amountOffMinor: 500, productIds: [shopA.variants[1]!.productId] });

    const cart = await cartOf([{ variantId: shopA.variants[0]!.id, quantity: 1 }]);
    for (const [code, expected] of [
      ['soon-10', 'COUPON_NOT_STARTED'],
      ['MIN500', 'COUPON_MIN_SPEND_NOT_MET'],
      ['GONE-NOW', 'COUPON_INVALID'],
      ['x', 'COUPON_INVALID'],
      ['SCARF-5', 'COUPON_NOT_APPLICABLE'],
    ] as const) {
      const r = await apply(cart, code);
      expect([code, codeOf(r)]).toEqual([code, expected]);
    }
    expect((await apply(cart, 'MIN500')).errors![0]!.extensions).toMatchObject({ field: 'code' });
    // The cart itself answers, with the coupon's problem and the price without it.
    const viewed: any = await api.gql(CART, { t: cart.token, c: 'soon-10' });
    expect(viewed.errors).toBeUndefined();
    expect(viewed.data.cart).toMatchObject({ coupon: { code: 'SOON-10', problem: 'COUPON_NOT_STARTED' }, discountTotal: 0, promotions: [] });
    // placeOrder with any of them: the same codes, nothing written.
    for (const [code, expected] of [
      ['SOON-10', 'COUPON_NOT_STARTED'],
      ['MIN500', 'COUPON_MIN_SPEND_NOT_MET'],
      ['GONE-NOW', 'COUPON_INVALID'],
    ] as const) {
      const r = await place(cart, `refused-${code}`, residentId(5_001), code);
      expect([code, codeOf(r)]).toEqual([code, expected]);
    }
    await untouched(cart, future.id);
    await untouched(cart, min.id);
    await untouched(cart, gone.id);

    // Scoped: with its product in the cart, only that line is discounted; typed in lower case with spaces.
    const both = await cartOf([
      { variantId: shopA.variants[0]!.id, quantity: 1 },
      { variantId: shopA.variants[1]!.id, quantity: 1 },
    ]);
    const applied: any = await apply(both, '  scarf-5 ');
    expect(applied.errors).toBeUndefined();
    const line1 = applied.data.applyCartCoupon.lines.find((l: any) => l.variantId === shopA.variants[1]!.id).id;
    expect(applied.data.applyCartCoupon.promotions).toEqual([{ promotionId: scoped.id, code: 'SCARF-5', amount: 500, lineIds: [line1] }]);
    const placed: any = await place(both, 'scoped', residentId(5_002), 'scarf-5');
    expect(placed.errors).toBeUndefined();
    const lines = placed.data.placeOrder.orders[0].lines;
    expect(lines.map((l: any) => [l.variantId, l.discount]).sort()).toEqual(
      [
        [shopA.variants[0]!.id, 0],
        [shopA.variants[1]!.id, 500],
      ].sort(),
    );
    expect((await api.db.prisma.promotion.findUniqueOrThrow({ where: { id: scoped.id } })).usedCount).toBe(1);
    // Its minimum spend reached, MIN500 applies (2 × 322 CNY of goods).
    const big = await cartOf([{ variantId: shopA.variants[1]!.id, quantity: 2 }]);
    const bigCart = ((await apply(big, 'min500')) as any).data.applyCartCoupon;
    expect(bigCart.goodsTotal).toBe(2 * A1);
    expect(bigCart.promotions.map((p: any) => [p.code, p.amount])).toContainEqual(['MIN500', 1_000]);
  });

  it('a coupon that expires between the cart and placeOrder is refused at placeOrder, nothing written', async () => {
    const c = await coupon(managerA, shopA.museumId, 'LASTDAY');
    const cart = await cartOf([{ variantId: shopA.variants[0]!.id, quantity: 1 }]);
    const ok: any = await apply(cart, 'LASTDAY');
    expect(ok.data.applyCartCoupon.promotions.map((p: any) => p.code)).toEqual(['LASTDAY']);
    // The day ends while the shopper fills in the checkout form.
    await api.db.prisma.promotion.update({ where: { id: c.id }, data: { endsAt: new Date(Date.now() - 1_000) } });
    const r = await place(cart, 'expired', residentId(5_010), 'LASTDAY');
    expect(codeOf(r)).toBe('COUPON_EXPIRED');
    expect(r.errors![0]!.extensions).toMatchObject({ field: 'input.couponCode' });
    await untouched(cart, c.id);
    expect(((await api.gql(CART, { t: cart.token, c: 'LASTDAY' })) as any).data.cart.coupon).toEqual({ code: 'LASTDAY', problem: 'COUPON_EXPIRED' });
    // Without it the same cart checks out at its full price.
    const plain: any = await api.gql(PLACE, { i: placeOrderInput(cart.cartId, `plain-${cart.cartId}`, { cartToken: cart.token, id: residentId(5_010) }) });
    expect(plain.errors).toBeUndefined();
    expect(plain.data.placeOrder.orders[0].discountTotal).toBe(0);
  });

  it('a total usage limit used up one checkout after another: the next cart and checkout are told COUPON_EXHAUSTED', async () => {
    const c = await coupon(managerA, shopA.museumId, 'TWOONLY', { totalLimit: 2 });
    for (let i = 0; i < 2; i++) {
      const cart = await cartOf([{ variantId: shopA.variants[0]!.id, quantity: 1 }]);
      const r: any = await place(cart, `two-${i}`, residentId(5_020 + i), 'TWOONLY');
      expect(r.errors).toBeUndefined();
      expect(r.data.placeOrder.orders[0].discountTotal).toBe(1_000);
    }
    const third = await cartOf([{ variantId: shopA.variants[0]!.id, quantity: 1 }]);
    expect(codeOf(await apply(third, 'TWOONLY'))).toBe('COUPON_EXHAUSTED');
    expect(((await api.gql(CART, { t: third.token, c: 'TWOONLY' })) as any).data.cart.coupon.problem).toBe('COUPON_EXHAUSTED');
    expect(codeOf(await place(third, 'two-3', residentId(5_029), 'TWOONLY'))).toBe('COUPON_EXHAUSTED');
    await untouched(third, c.id, 2);
  });

  it('the per-shopper limit counts the account: another resident ID on the same account is refused, another account with a new ID is not', async () => {
    const c = await coupon(managerA, shopA.museumId, 'TWICE', { perShopperLimit: 2 });
    const shopper = await api.login((await createUser(api.db.prisma, 'SHOPPER')).email);
    for (let i = 0; i < 2; i++) {
      const cart = await cartOf([{ variantId: shopA.variants[0]!.id, quantity: 1 }], shopper);
      const r: any = await place(cart, `twice-${i}`, residentId(5_030 + i), 'TWICE');
      expect(r.errors).toBeUndefined();
    }
    const third = await cartOf([{ variantId: shopA.variants[0]!.id, quantity: 1 }], shopper);
    // Known from the account as soon as the code is entered, and again at placeOrder with a third ID number.
    expect(codeOf(await apply(third, 'TWICE'))).toBe('COUPON_LIMIT_REACHED');
    expect(codeOf(await place(third, 'twice-3', residentId(5_039), 'TWICE'))).toBe('COUPON_LIMIT_REACHED');
    await untouched(third, c.id, 2);
    // Someone else, with their own ID number, still can.
    const other = await api.login((await createUser(api.db.prisma, 'SHOPPER')).email);
    const theirs = await cartOf([{ variantId: shopA.variants[0]!.id, quantity: 1 }], other);
    expect(((await place(theirs, 'other', residentId(5_040), 'TWICE')) as any).errors).toBeUndefined();
    expect((await api.db.prisma.promotion.findUniqueOrThrow({ where: { id: c.id } })).usedCount).toBe(3);
  });

  it('another storefront’s coupon: refused at placeOrder for a cart without its products; in a mixed cart it discounts its own storefront’s lines only', async () => {
    const b = await coupon(managerB, shopB.museumId, 'BONLY-8', { amountOffMinor: 800 });
    const onlyA = await cartOf([{ variantId: shopA.variants[0]!.id, quantity: 1 }]);
    const r = await place(onlyA, 'wrong-shop', residentId(5_050), 'BONLY-8');
    expect(codeOf(r)).toBe('COUPON_NOT_APPLICABLE');
    expect(r.errors![0]!.extensions).toMatchObject({ field: 'input.couponCode' });
    await untouched(onlyA, b.id);

    const mixed = await cartOf([
      { variantId: shopA.variants[0]!.id, quantity: 1 },
      { variantId: shopB.variants[0]!.id, quantity: 1 },
    ]);
    const placed: any = await place(mixed, 'mixed', residentId(5_051), 'bonly-8');
    expect(placed.errors).toBeUndefined();
    const byMuseum = Object.fromEntries(placed.data.placeOrder.orders.map((o: any) => [o.museumId, o.discountTotal]));
    expect(byMuseum).toEqual({ [shopA.museumId]: 0, [shopB.museumId]: 800 });
    expect(await api.db.prisma.promotionRedemption.findMany({ where: { promotionId: b.id }, select: { museumId: true, amountMinor: true } })).toEqual([{ museumId: shopB.museumId, amountMinor: 800 }]);
  });
});
