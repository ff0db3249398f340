import { createUser } from '@vitrine/shared/testing';
import { codeOf, type ApiHarness } from '../support/api-harness';
import { ADD_LINE, PLACE_ORDER, placeOrderInput, residentId, seedFx, seedShop, startCheckoutApi, type Shop } from '../support/checkout-fixtures';
import type { StripeLoopback } from '../support/stripe-loopback';

const CREATE = `mutation($i: PromotionInput!) { createPromotion(input: $i) { id fundedBy } }`;
const ORDER = `query($id: ID!) { order(id: $id) { id currency discountTotal lines { discount platformDiscount }
  settlement { parties { account ownerType ownerId component amount { amount currency } } discounts { promotionId name kind code fundedBy amount { amount currency } } } } }`;
const PLATFORM = `{ platformLedger { platformPromotions { amount currency } } }`;

const day = 86_400_000;
const window = () => ({ startsAt: new Date(Date.now() - day).toISOString(), endsAt: new Date(Date.now() + 30 * day).toISOString() });

/**
 * Issue 21 with #22's promotions: the order's split says who funds each discount. A museum's
 * coupon is the museum's (its goods are sold for less: nothing in the ledger pays it back); a
 * platform-wide promotion is the platform's, which pays the seller the difference from its
 * PLATFORM_PROMOTIONS account. Order.settlement.discounts lists each promotion with its funder and
 * amount, the parties show the platform's promotion share, and the operator's platform ledger
 * totals it. A shopper sees no split; another museum's manager not the order.
 */
describe('settlement: who funds each discount on the order’s split', () => {
  let api: ApiHarness;
  let stripe: StripeLoopback;
  let close: () => Promise<void>;
  let shop: Shop;
  let manager: string;
  let otherManager: string;
  let operator: string;
  let shopper: string;

  beforeAll(async () => {
    ({ api, stripe, close } = await startCheckoutApi());
    const prisma = api.db.prisma;
    await seedFx(prisma, '7.8000');
    shop = await seedShop(prisma, { prices: [2_500, 4_000], stock: 50 });
    const other = await seedShop(prisma, { prices: [1_000], stock: 5 });
    manager = await api.login((await createUser(prisma, 'MUSEUM_MANAGER', { museumIds: [shop.museumId] })).email);
    otherManager = await api.login((await createUser(prisma, 'MUSEUM_MANAGER', { museumIds: [other.museumId] })).email);
    operator = await api.login((await createUser(prisma, 'PLATFORM_ADMIN')).email);
    shopper = await api.login((await createUser(prisma, 'SHOPPER')).email);
  });
  afterAll(async () => {
    await close();
  });

  it('lists each promotion with its funder; the platform’s share is its PLATFORM_PROMOTIONS party and in the platform ledger', async () => {
    const coupon: any = await api.gql(CREATE, { i: { ...window(), museumId: shop.museumId, kind: 'COUPON', name: 'Musée 10 %', code: 'MUSEE10', discountType: 'PERCENT', percentBps: 1_000 } }, manager);
    expect(coupon.errors).toBeUndefined();
    expect(coupon.data.createPromotion.fundedBy).toBe('MUSEUM');
    const platform: any = await api.gql(CREATE, { i: { ...window(), museumId: null, kind: 'THRESHOLD', name: '平台满100减10', tiers: [{ minMinor: 10_000, offMinor: 1_000 }] } }, operator);
    expect(platform.errors).toBeUndefined();
    expect(platform.data.createPromotion.fundedBy).toBe('PLATFORM');

    const r: any = await api.gql(ADD_LINE, { i: { variantId: shop.variants[1]!.id, quantity: 2, cartToken: null } }, shopper);
    expect(r.errors).toBeUndefined();
    const placed: any = await api.gql(PLACE_ORDER, { i: placeOrderInput(r.data.addCartLine.cart.id, 'promo-split', { id: residentId(8900), couponCode: 'MUSEE10' }) }, shopper);
    expect(placed.errors).toBeUndefined();
    expect(await stripe.deliver(api.baseUrl, stripe.succeed(placed.data.placeOrder.payment.paymentIntentId))).toBe(200);
    const orderId = placed.data.placeOrder.orders[0].id as string;

    const seen: any = await api.gql(ORDER, { id: orderId }, manager);
    expect(seen.errors).toBeUndefined();
    const o = seen.data.order;
    const platformShare = o.lines.reduce((s: number, l: any) => s + l.platformDiscount, 0);
    expect(platformShare).toBe(1_000);
    const discounts = o.settlement.discounts as any[];
    expect(discounts.map((d) => [d.name, d.fundedBy]).sort()).toEqual([
      ['Musée 10 %', 'MUSEUM'],
      ['平台满100减10', 'PLATFORM'],
    ]);
    expect(discounts.find((d) => d.fundedBy === 'MUSEUM')).toMatchObject({ kind: 'COUPON', code: 'MUSEE10', promotionId: coupon.data.createPromotion.id });
    expect(discounts.find((d) => d.fundedBy === 'PLATFORM')).toMatchObject({ kind: 'THRESHOLD', code: null, amount: { amount: platformShare, currency: 'CNY' } });
    expect(discounts.reduce((s, d) => s + d.amount.amount, 0)).toBe(o.discountTotal);
    // The platform pays its share (a debit of its promotions account: negative as a party's share); nothing is posted for the museum's coupon.
    const promo = o.settlement.parties.filter((p: any) => p.account === 'PLATFORM_PROMOTIONS');
    expect(promo).toEqual([{ account: 'PLATFORM_PROMOTIONS', ownerType: 'PLATFORM', ownerId: null, component: 'PROMOTION', amount: { amount: -platformShare, currency: 'CNY' } }]);
    expect(((await api.gql(PLATFORM, {}, operator)) as any).data.platformLedger.platformPromotions).toEqual([{ amount: platformShare, currency: 'CNY' }]);

    // The operator sees the same; a shopper no split; another museum's manager not the order; the platform ledger is the operator's.
    expect(((await api.gql(ORDER, { id: orderId }, operator)) as any).data.order.settlement.discounts).toHaveLength(2);
    expect(((await api.gql(ORDER, { id: orderId }, shopper)) as any).data.order.settlement).toBeNull();
    expect(codeOf(await api.gql(ORDER, { id: orderId }, otherManager))).toBe('NOT_FOUND');
    expect(codeOf(await api.gql(PLATFORM, {}, manager))).toBe('FORBIDDEN');
  });
});
