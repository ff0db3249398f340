import { RoyaltyAccrualService } from '@vitrine/licensing';
import { ReservationExpiryService } from '@vitrine/orders';
import { createUser } from '@vitrine/shared/testing';
import type { ApiHarness } from '../support/api-harness';
import { ADD_LINE, ORDER_FIELDS, licenseAfterSale, placeOrderInput, residentId, seedShop, type Shop } from '../support/checkout-fixtures';
import type { CustomsLoopback } from '../support/customs-loopback';
import { startPipeline, type PipelineHarness } from '../support/pipeline-harness';
import type { StripeLoopback } from '../support/stripe-loopback';
import { until } from '../support/worker-process';

jest.setTimeout(300_000);

const FREE_SHIPPING = JSON.stringify({ '9610': { brackets: [{ maxGrams: 100_000, feeMinor: 0 }], perExtraKgMinor: 0 }, '1210': { brackets: [{ maxGrams: 100_000, feeMinor: 0 }], perExtraKgMinor: 0 } });
// EUR 25.00 → 201 CNY, 40.00 → 322 CNY, 30.00 → 242 CNY (× 7.8 × 1.03, whole yuan up); no freight.
const [A0, A1, B0] = [20_100, 32_200, 24_200];

const PROMO_FIELDS = `id museumId kind name code tiers { minMinor offMinor } every discountType percentBps amountOffMinor minSpendMinor fundedBy
  perShopperLimit totalLimit usedCount discountGivenMinor productIds startsAt endsAt status`;
const CREATE = `mutation($i: PromotionInput!) { createPromotion(input: $i) { ${PROMO_FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $i: PromotionInput!) { updatePromotion(id: $id, input: $i) { ${PROMO_FIELDS} } }`;
const GET = `query($id: ID!) { promotion(id: $id) { ${PROMO_FIELDS} } }`;
const LIST = `query($m: ID, $p: Boolean) { promotions(museumId: $m, platformOnly: $p) { id name usedCount } }`;
const CART_PROMO = `id discountTotal goodsTotal taxTotal total coupon { code problem }
  promotions { promotionId name kind museumId code fundedBy amount lineIds }
  sellers { museumId goods discount tax total lines { id variantId goods discount dutiable tax total } }`;
const CART = `query($t: String, $c: String) { cart(cartToken: $t, couponCode: $c) { ${CART_PROMO} } }`;
const APPLY = `mutation($t: String, $c: String!) { applyCartCoupon(cartToken: $t, code: $c) { ${CART_PROMO} } }`;
const PLACE = `mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { id total payment { paymentIntentId } orders { ${ORDER_FIELDS} discountTotal lines { id variantId quantity goods discount platformDiscount dutiable tax total } } } }`;
const REFUND = `mutation($id: ID!, $lines: [RefundLineInput!], $key: String) { refundOrder(id: $id, reason: "returned", lines: $lines, idempotencyKey: $key) { amount refundStatus } }`;

const day = 86_400_000;
const window = () => ({ startsAt: new Date(Date.now() - day).toISOString(), endsAt: new Date(Date.now() + 30 * day).toISOString() });
const halfUp = (n: number, rateNum: bigint, rateDen: bigint) => Number((2n * BigInt(n) * rateNum + rateDen) / (2n * rateDen));
// 9.1 % = 91 / 1000
const tax = (dutiable: number) => halfUp(dutiable, 91n, 1000n);
const cents = (yuan: string) => Math.round(Number(yuan) * 100);

/**
 * Issue 22, promotions end to end, over GraphQL against the real API, PostgreSQL, the worker
 * and the customs loopback: managers' and the operator's promotions (tenancy), the cart's best
 * combination and coupon refusals, placeOrder's snapshot, the CEB311 discount, royalties net of
 * the discount, a unit refund's share, and the coupon's total limit under concurrent checkouts.
 */
describe('promotions', () => {
  let h: PipelineHarness;
  let api: ApiHarness;
  let stripe: StripeLoopback;
  let customs: CustomsLoopback;
  let shopA: Shop;
  let shopB: Shop;
  let managerA: string;
  let managerB: string;
  let operator: string;
  let prefix: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    // Customs accepts the documents and holds its decision: units may still be refunded (the declaration amended).
    h = await startPipeline('promo', { apiEnv: { SHIPPING_RATES_JSON: FREE_SHIPPING }, shop: { prices: [2_500, 4_000], stock: 500 }, customs: { defer: () => true } });
    ({ api, stripe, customs, prefix } = h);
    shopA = h.shop;
    shopB = await seedShop(api.db.prisma, { prices: [3_000], stock: 500 });
    managerA = await api.login((await createUser(api.db.prisma, 'MUSEUM_MANAGER', { museumIds: [shopA.museumId] })).email);
    managerB = await api.login((await createUser(api.db.prisma, 'MUSEUM_MANAGER', { museumIds: [shopB.museumId] })).email);
    operator = await api.login((await createUser(api.db.prisma, 'PLATFORM_ADMIN')).email);
  });
  afterAll(() => h?.close());

  const create = async (token: string, input: Record<string, unknown>) => {
    const r: any = await api.gql(CREATE, { i: { ...window(), ...input } }, token);
    expect(r.errors).toBeUndefined();
    return r.data.createPromotion;
  };

  async function cartOf(lines: { variantId: string; quantity: number }[]) {
    let token: string | null = null;
    let cartId = '';
    for (const line of lines) {
      const r: any = await api.gql(ADD_LINE, { i: { ...line, cartToken: token } });
      expect(r.errors).toBeUndefined();
      token = r.data.addCartLine.cartToken ?? token;
      cartId = r.data.addCartLine.cart.id;
    }
    return { token: token!, cartId };
  }

  it('managers create their storefront’s promotions, the operator platform-wide ones; nobody crosses into another museum', async () => {
    const every = await create(managerA, { museumId: shopA.museumId, kind: 'THRESHOLD', name: '每满300减30', tiers: [{ minMinor: 30_000, offMinor: 3_000 }], every: true });
    expect(every).toMatchObject({ museumId: shopA.museumId, fundedBy: 'MUSEUM', status: 'ACTIVE', usedCount: 0, productIds: null });
    ids['every'] = every.id;
    const coupon = await create(managerA, { museumId: shopA.museumId, kind: 'COUPON', name: 'Louvre 10 %', code: 'louvre10', discountType: 'PERCENT', percentBps: 1_000, perShopperLimit: 1 });
    expect(coupon).toMatchObject({ code: 'LOUVRE10', fundedBy: 'MUSEUM', perShopperLimit: 1 });
    ids['coupon'] = coupon.id;
    ids['couponB'] = (await create(managerB, { museumId: shopB.museumId, kind: 'COUPON', name: 'BM 5', code: 'BRITISH5', discountType: 'AMOUNT', amountOffMinor: 500 })).id;
    ids['expired'] = (
      await create(managerA, { museumId: shopA.museumId, kind: 'COUPON', name: 'Gone', code: 'GONE2025', discountType: 'AMOUNT', amountOffMinor: 500, startsAt: new Date(Date.now() - 10 * day).toISOString(), endsAt: new Date(Date.now() - day).toISOString() })
    ).id;
    const platform = await create(operator, { museumId: null, kind: 'THRESHOLD', name: '跨店满600减50', tiers: [{ minMinor: 60_000, offMinor: 5_000 }] });
    expect(platform).toMatchObject({ museumId: null, fundedBy: 'PLATFORM' });
    ids['platform'] = platform.id;

    // Another museum's manager: NOT_FOUND on A's promotion and A's list, FORBIDDEN platform-wide; nothing written.
    const before = await api.db.prisma.promotion.count();
    const seen: any = await api.gql(GET, { id: every.id }, managerB);
    expect(seen.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const edited: any = await api.gql(UPDATE, { id: every.id, i: { kind: 'THRESHOLD', name: 'hijack', tiers: [{ minMinor: 100, offMinor: 99 }], ...window() } }, managerB);
    expect(edited.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const listed: any = await api.gql(LIST, { m: shopA.museumId }, managerB);
    expect(listed.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const own: any = await api.gql(LIST, {}, managerB);
    expect(own.data.promotions.map((p: any) => p.id)).toEqual([ids['couponB']]);
    const intoA: any = await api.gql(CREATE, { i: { museumId: shopA.museumId, kind: 'COUPON', name: 'x', code: 'INTOA1', discountType: 'AMOUNT', amountOffMinor: 100, ...window() } }, managerB);
    expect(intoA.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const wide: any = await api.gql(CREATE, { i: { museumId: null, kind: 'THRESHOLD', name: 'x', tiers: [{ minMinor: 1_000, offMinor: 100 }], ...window() } }, managerB);
    expect(wide.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // Bad input and a taken code: stable codes, nothing written.
    const bad: any = await api.gql(CREATE, { i: { museumId: shopB.museumId, kind: 'THRESHOLD', name: 'x', tiers: [{ minMinor: 1_000, offMinor: 2_000 }], startsAt: window().endsAt, endsAt: window().startsAt } }, managerB);
    expect(bad.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    expect(bad.errors[0].extensions.fields.map((f: any) => f.path).sort()).toEqual(['input.endsAt', 'input.tiers.0.offMinor']);
    const taken: any = await api.gql(CREATE, { i: { museumId: shopB.museumId, kind: 'COUPON', name: 'x', code: 'Louvre10', discountType: 'AMOUNT', amountOffMinor: 100, ...window() } }, managerB);
    expect(taken.errors?.[0]?.extensions?.code).toBe('COUPON_CODE_TAKEN');
    expect(await api.db.prisma.promotion.count()).toBe(before);
    // The operator sees both museums' and the platform's.
    const all: any = await api.gql(LIST, {}, operator);
    expect(all.data.promotions.map((p: any) => p.id)).toEqual(expect.arrayContaining(Object.values(ids)));
  });

  let placed: any;
  let orderA: any;

  it('the cart picks the best combination, refuses bad coupons with stable codes, and placeOrder snapshots the discount per line', async () => {
    const { token, cartId } = await cartOf([
      { variantId: shopA.variants[0]!.id, quantity: 2 },
      { variantId: shopA.variants[1]!.id, quantity: 1 },
      { variantId: shopB.variants[0]!.id, quantity: 1 },
    ]);
    const goodsA = 2 * A0 + A1;
    const redemptions = () => api.db.prisma.promotionRedemption.count();
    for (const [code, expected] of [
      ['NOPE-123', 'COUPON_INVALID'],
      ['GONE2025', 'COUPON_EXPIRED'],
    ] as const) {
      const r: any = await api.gql(APPLY, { t: token, c: code });
      expect(r.errors?.[0]?.extensions?.code).toBe(expected);
    }
    // Museum B's coupon on a cart of A's lines only: NOT_APPLICABLE.
    const onlyA = await cartOf([{ variantId: shopA.variants[0]!.id, quantity: 1 }]);
    const notHere: any = await api.gql(APPLY, { t: onlyA.token, c: 'BRITISH5' });
    expect(notHere.errors?.[0]?.extensions?.code).toBe('COUPON_NOT_APPLICABLE');
    expect(await redemptions()).toBe(0);

    // Thresholds alone: A's "30 off every 300" twice (724 CNY of A's goods), the platform's 50 off from 600 (966 CNY in all).
    const plain: any = await api.gql(CART, { t: token });
    expect(plain.errors).toBeUndefined();
    expect(plain.data.cart.promotions.map((p: any) => [p.promotionId, p.amount, p.fundedBy])).toEqual([
      [ids['every'], 6_000, 'MUSEUM'],
      [ids['platform'], 5_000, 'PLATFORM'],
    ]);
    // With A's coupon: 10 % of what is left of A's lines after its threshold, B's line untouched by it.
    const applied: any = await api.gql(APPLY, { t: token, c: 'louvre10' });
    expect(applied.errors).toBeUndefined();
    const cart = applied.data.applyCartCoupon;
    const couponOff = Math.floor(((goodsA - 6_000) * 1_000) / 10_000);
    expect(cart.promotions.map((p: any) => [p.promotionId, p.amount])).toEqual([
      [ids['every'], 6_000],
      [ids['coupon'], couponOff],
      [ids['platform'], 5_000],
    ]);
    const couponLines = cart.promotions.find((p: any) => p.promotionId === ids['coupon']).lineIds;
    const bLine = cart.sellers.find((s: any) => s.museumId === shopB.museumId).lines[0];
    expect(couponLines).not.toContain(bLine.id);
    expect(cart.discountTotal).toBe(6_000 + couponOff + 5_000);
    expect(cart.coupon).toEqual({ code: 'LOUVRE10', problem: null });
    const lines = cart.sellers.flatMap((s: any) => s.lines);
    expect(lines.reduce((a: number, l: any) => a + l.discount, 0)).toBe(cart.discountTotal);
    for (const l of lines) {
      expect(l.dutiable).toBe(l.goods - l.discount);
      expect(l.tax).toBe(tax(l.dutiable));
    }
    expect(cart.total).toBe(cart.goodsTotal - cart.discountTotal + cart.taxTotal);

    const r: any = await api.gql(PLACE, { i: placeOrderInput(cartId, `promo-${prefix}`, { cartToken: token, id: residentId(2201), couponCode: 'LOUVRE10' }) });
    expect(r.errors).toBeUndefined();
    placed = r.data.placeOrder;
    orderA = placed.orders.find((o: any) => o.museumId === shopA.museumId);
    const orderB = placed.orders.find((o: any) => o.museumId === shopB.museumId);
    expect([orderA.goodsTotal, orderB.goodsTotal]).toEqual([goodsA, B0]);
    expect(orderA.discountTotal + orderB.discountTotal).toBe(cart.discountTotal);
    expect(placed.total).toBe(cart.total);
    for (const o of [orderA, orderB]) {
      expect(o.lines.reduce((a: number, l: any) => a + l.discount, 0)).toBe(o.discountTotal);
      for (const l of o.lines) expect([l.dutiable, l.tax, l.total]).toEqual([l.goods - l.discount, tax(l.goods - l.discount), l.goods - l.discount + tax(l.goods - l.discount)]);
      expect(o.total).toBe(o.goodsTotal - o.discountTotal + o.taxTotal);
    }
    // The platform-wide share is recorded as the platform's on each line and redemption.
    expect([...orderA.lines, ...orderB.lines].reduce((a: number, l: any) => a + l.platformDiscount, 0)).toBe(5_000);
    const rows = await api.db.prisma.promotionRedemption.findMany({ where: { checkoutId: placed.id }, orderBy: [{ promotionId: 'asc' }] });
    expect(rows.reduce((a, x) => a + x.amountMinor, 0)).toBe(cart.discountTotal);
    expect(rows.filter((x) => x.fundedBy === 'PLATFORM').reduce((a, x) => a + x.amountMinor, 0)).toBe(5_000);
    expect((await api.db.prisma.promotion.findUniqueOrThrow({ where: { id: ids['coupon']! } })).usedCount).toBe(1);
    const console: any = await api.gql(GET, { id: ids['coupon'] }, managerA);
    expect(console.data.promotion).toMatchObject({ usedCount: 1, discountGivenMinor: couponOff });

    // The same resident ID again with LOUVRE10 (one per shopper): refused, nothing written.
    const again = await cartOf([{ variantId: shopA.variants[1]!.id, quantity: 1 }]);
    const second: any = await api.gql(PLACE, { i: placeOrderInput(again.cartId, `promo-again-${prefix}`, { cartToken: again.token, id: residentId(2201), couponCode: 'LOUVRE10' }) });
    expect(second.errors?.[0]?.extensions?.code).toBe('COUPON_LIMIT_REACHED');
    expect(await api.db.prisma.checkout.count({ where: { cartId: again.cartId } })).toBe(0);
    expect((await api.db.prisma.promotion.findUniqueOrThrow({ where: { id: ids['coupon']! } })).usedCount).toBe(1);
  });

  it('declares the discount in the customs order (CEB311), accrues royalties net of it, and a unit refund returns its share', async () => {
    expect(await stripe.deliver(api.baseUrl, stripe.succeed(placed.payment.paymentIntentId))).toBe(200);
    await h.withWorker(async (worker) => {
      await until('the order declared to customs', async () => customs.accepted.get(orderA.number)?.order !== undefined, 120_000, worker);
    });
    const head = customs.accepted.get(orderA.number)!.order!.head;
    expect(cents(head['ceb:discount']!)).toBe(orderA.discountTotal);
    expect(cents(head['ceb:goodsValue']!)).toBe(orderA.goodsTotal);
    expect(cents(head['ceb:taxTotal']!)).toBe(orderA.taxTotal);
    expect(cents(head['ceb:acturalPaid']!)).toBe(orderA.total);

    // Royalties: the co-branded line's net sales are its goods less its discount share.
    const line0 = orderA.lines.find((l: any) => l.variantId === shopA.variants[0]!.id);
    await licenseAfterSale(api.db.prisma, shopA.museumId, shopA.variants[0]!.productId);
    const accrual = api.app.get(RoyaltyAccrualService, { strict: false });
    expect(await accrual.accrueOrder(orderA.id)).toMatchObject({ accrued: 1 });
    const [entry] = await api.db.prisma.royaltyLedgerEntry.findMany({ where: { orderLineId: line0.id } });
    expect([entry!.saleMinor, entry!.netSalesMinor, entry!.royaltyMinor]).toEqual([line0.goods - line0.discount, line0.goods - line0.discount, Math.round((line0.goods - line0.discount) / 10)]);

    // One of the line's 2 units refunded: what was paid for it (half its discounted total), its discount share recorded.
    const one: any = await api.gql(REFUND, { id: orderA.id, lines: [{ lineId: line0.id, quantity: 1 }], key: `promo-r1-${prefix}` }, managerA);
    expect(one.errors).toBeUndefined();
    expect(one.data.refundOrder.amount).toBe(Math.round(line0.total / 2));
    const [row] = await api.db.prisma.orderLineRefund.findMany({ where: { orderLineId: line0.id } });
    expect([row!.goodsMinor, row!.discountMinor, row!.amountMinor]).toEqual([A0, Math.round(line0.discount / 2), Math.round(line0.total / 2)]);
    // The rest of the order: every refund together gives back exactly what was paid for it.
    const rest = orderA.lines.map((l: any) => ({ lineId: l.id, quantity: l.id === line0.id ? 1 : l.quantity }));
    const all: any = await api.gql(REFUND, { id: orderA.id, lines: rest, key: `promo-r2-${prefix}` }, managerA);
    expect(all.errors).toBeUndefined();
    expect(one.data.refundOrder.amount + all.data.refundOrder.amount).toBe(orderA.total);
    const refunds = await api.db.prisma.orderLineRefund.findMany({ where: { orderId: orderA.id } });
    expect(refunds.reduce((a, x) => a + x.discountMinor, 0)).toBe(orderA.discountTotal);
    // Licensing reverses the refunded unit's net sales (goods less its discount share).
    await accrual.accrueOrder(orderA.id);
    const reversals = await api.db.prisma.royaltyLedgerEntry.findMany({ where: { orderLineId: line0.id, kind: 'REVERSAL' } });
    expect(reversals.reduce((a, x) => a + x.saleMinor, 0)).toBe(-(line0.goods - line0.discount));
  });

  it('concurrent checkouts never take more uses of a coupon than its total limit; an expired unpaid checkout gives its use back', async () => {
    // Variant 1: variant 0's product became co-branded above (licenseAfterSale), fulfilled from a brand's stock.
    const race = await create(managerA, { museumId: shopA.museumId, kind: 'COUPON', name: 'Race', code: 'RACE3', discountType: 'AMOUNT', amountOffMinor: 1_000, totalLimit: 3 });
    const carts = [];
    for (let i = 0; i < 8; i++) carts.push(await cartOf([{ variantId: shopA.variants[1]!.id, quantity: 1 }]));
    const answers: any[] = await Promise.all(
      carts.map((c, i) => api.gql(PLACE, { i: placeOrderInput(c.cartId, `race-${i}-${prefix}`, { cartToken: c.token, id: residentId(3300 + i), couponCode: 'RACE3' }) })),
    );
    const won = answers.filter((a) => !a.errors);
    const lost = answers.filter((a) => a.errors);
    expect([won.length, lost.map((a) => a.errors[0].extensions.code)]).toEqual([3, Array(5).fill('COUPON_EXHAUSTED')]);
    // 322 CNY: the storefront's 30 off every 300 and the coupon's 10 CNY stack.
    for (const w of won) expect(w.data.placeOrder.orders[0].discountTotal).toBe(3_000 + 1_000);
    // The database agrees: 3 uses, 3 checkouts redeemed, no checkout of the losers.
    expect((await api.db.prisma.promotion.findUniqueOrThrow({ where: { id: race.id } })).usedCount).toBe(3);
    expect(await api.db.prisma.promotionRedemption.count({ where: { promotionId: race.id, releasedAt: null } })).toBe(3);
    expect(await api.db.prisma.checkout.count({ where: { cartId: { in: carts.map((c) => c.cartId) } } })).toBe(3);
    // A loser's cart, still open, is told the coupon is used up.
    const loser = carts[answers.findIndex((a) => a.errors)]!;
    const full: any = await api.gql(APPLY, { t: loser.token, c: 'RACE3' });
    expect(full.errors?.[0]?.extensions?.code).toBe('COUPON_EXHAUSTED');

    // Their holds run out unpaid: the orders are cancelled and the uses come back.
    const expiry = api.app.get(ReservationExpiryService, { strict: false });
    await expiry.expireReservations(new Date(Date.now() + 3_600_000));
    expect((await api.db.prisma.promotion.findUniqueOrThrow({ where: { id: race.id } })).usedCount).toBe(0);
    expect(await api.db.prisma.promotionRedemption.count({ where: { promotionId: race.id, releasedAt: null } })).toBe(0);
    const late = await cartOf([{ variantId: shopA.variants[1]!.id, quantity: 1 }]);
    const next: any = await api.gql(PLACE, { i: placeOrderInput(late.cartId, `race-late-${prefix}`, { cartToken: late.token, id: residentId(3399), couponCode: 'RACE3' }) });
    expect(next.errors).toBeUndefined();
    expect(next.data.placeOrder.orders[0].discountTotal).toBe(3_000 + 1_000);
  });
});
