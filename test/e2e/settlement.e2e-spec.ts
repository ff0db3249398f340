import { randomUUID } from 'node:crypto';
import { RoyaltyAccrualService } from '@vitrine/licensing';
import { FeeNotYetAvailableError, PayoutsService, SettlementFeesService, SettlementPostingService } from '@vitrine/settlement';
import { createBrand, createMuseum, createUser } from '@vitrine/shared/testing';
import { codeOf, type ApiHarness } from '../support/api-harness';
import { ADD_LINE, PLACE_ORDER, licenseAfterSale, placeOrderInput, residentId, seedFx, seedShop, setStock, startCheckoutApi, type Shop } from '../support/checkout-fixtures';
import { withSettlementJobs } from '../support/settlement-jobs';
import type { StripeLoopback } from '../support/stripe-loopback';
import { dropQueues, startWorker, until, waitForOutput } from '../support/worker-process';

/**
 * Issue 21 over HTTP: the operator's commission per storefront (validated, operator only,
 * snapshotted per order line at checkout), the ledger posted by Stripe's webhooks and by
 * refundOrder in their transactions (a paid checkout of a museum's own product and a
 * co-branded product the brand ships; a refund of the brand's order; a lost dispute), each
 * event once however often it is delivered, balances for each seller and for the operator, the
 * split on the order, and every tenant trying to read what is not theirs.
 */
const SET_RATES = `mutation($i: SetCommissionRatesInput!) { setCommissionRates(input: $i) { id storefrontId defaultRateBps categoryRates { category rateBps } effectiveFrom } }`;
const RATES = `query($s: ID!) { commissionSettings(storefrontId: $s) { id defaultRateBps categoryRates { category rateBps } } }`;
const BALANCE = `query($m: ID, $b: ID) { sellerBalance(museumId: $m, brandId: $b) { sellerType sellerId payable { amount currency } pending { amount currency } } }`;
const PLATFORM = `{ platformLedger { sellers { sellerType sellerId payable { amount currency } pending { amount currency } } taxOwedToCustoms { amount currency }
  commissionRevenue { amount currency } stripeClearing { amount currency } stripeFees { amount currency } } }`;
const ORDER = `query($id: ID!) { order(id: $id) { id total taxTotal goodsTotal shippingTotal insuranceTotal
  settlement { parties { account ownerType ownerId component amount { amount currency } } lines { event entryKind account ownerId component amount { amount currency } } } } }`;
const REFUND = `mutation($id: ID!, $reason: String!) { refundOrder(id: $id, reason: $reason) { refundId refundStatus amount } }`;

const cny = (amount: number) => [{ amount, currency: 'CNY' }];

describe('settlement: commission, the split of paid orders, refunds and disputes in the ledger', () => {
  let api: ApiHarness;
  let stripe: StripeLoopback;
  let close: () => Promise<void>;
  let shop: Shop;
  let brandId: string;
  let storefrontId: string;
  const tokens: Record<'operator' | 'manager' | 'otherManager' | 'brand' | 'otherBrand' | 'shopper', string> = {} as never;

  beforeAll(async () => {
    ({ api, stripe, close } = await startCheckoutApi());
    const prisma = api.db.prisma;
    await seedFx(prisma, '7.8000');
    shop = await seedShop(prisma, { prices: [12_000, 3_000, 5_000], stock: 20 });
    // Product 0: co-branded, fulfilled by the brand from its own stock (10 % royalty, CNY); 1 and 2: the museum's own posters.
    await licenseAfterSale(prisma, shop.museumId, shop.variants[0]!.productId);
    brandId = (await prisma.licensedProduct.findUniqueOrThrow({ where: { productId: shop.variants[0]!.productId } })).fulfilledByBrandId;
    const brandLocation = await prisma.stockLocation.create({ data: { brandId, code: `BR-${randomUUID().slice(0, 6)}`, name: 'Atelier', kind: 'EU_WAREHOUSE', priority: 1 } });
    await setStock(prisma, brandLocation.id, shop.variants[0]!.id, 20);
    await prisma.product.updateMany({ where: { id: { in: [shop.variants[1]!.productId, shop.variants[2]!.productId] } }, data: { category: 'posters' } });
    storefrontId = (await prisma.storefront.findUniqueOrThrow({ where: { museumId: shop.museumId } })).id;
    const other = await createMuseum(prisma);
    const otherBrand = await createBrand(prisma);
    tokens.operator = await api.login((await createUser(prisma, 'PLATFORM_ADMIN')).email);
    tokens.manager = await api.login((await createUser(prisma, 'MUSEUM_MANAGER', { museumIds: [shop.museumId] })).email);
    tokens.otherManager = await api.login((await createUser(prisma, 'MUSEUM_MANAGER', { museumIds: [other.id] })).email);
    tokens.brand = await api.login((await createUser(prisma, 'BRAND_PARTNER', { brandId })).email);
    tokens.otherBrand = await api.login((await createUser(prisma, 'BRAND_PARTNER', { brandId: otherBrand.id })).email);
    tokens.shopper = await api.login((await createUser(prisma, 'SHOPPER')).email);
  });
  afterAll(async () => {
    await close();
  });

  async function placeAndPay(key: string, lines: { variant: number; quantity: number }[], n: number, shopper: string | null = null) {
    let token: string | null = null;
    let cartId = '';
    for (const l of lines) {
      const r: any = await api.gql(ADD_LINE, { i: { variantId: shop.variants[l.variant]!.id, quantity: l.quantity, cartToken: token } }, shopper);
      expect(r.errors).toBeUndefined();
      token = r.data.addCartLine.cartToken ?? token;
      cartId = r.data.addCartLine.cart.id;
    }
    const placed: any = await api.gql(PLACE_ORDER, { i: placeOrderInput(cartId, key, { cartToken: token, id: residentId(n) }) }, shopper);
    expect(placed.errors).toBeUndefined();
    const pi = placed.data.placeOrder.payment.paymentIntentId as string;
    const paid = stripe.succeed(pi);
    expect(await stripe.deliver(api.baseUrl, paid)).toBe(200);
    return { checkout: placed.data.placeOrder, pi, paid };
  }

  const ledgerCount = async () => Number((await api.db.prisma.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM settlement_journal_entries`)[0]!.n);

  it('refuses bad rates and non-operators with stable codes, writing nothing', async () => {
    const before = await api.db.prisma.commissionSetting.count();
    for (const [i, field] of [
      [{ storefrontId, defaultRateBps: -1, categoryRates: [] }, 'input.defaultRateBps'],
      [{ storefrontId, defaultRateBps: 1_000, categoryRates: [{ category: 'posters', rateBps: 10_001 }] }, 'input.categoryRates.0.rateBps'],
    ] as const) {
      const r = await api.gql(SET_RATES, { i }, tokens.operator);
      expect(codeOf(r)).toBe('INVALID_COMMISSION_RATE');
      expect(r.errors![0]!.extensions!['fields']).toEqual([expect.objectContaining({ path: field })]);
    }
    expect(codeOf(await api.gql(SET_RATES, { i: { storefrontId: randomUUID(), defaultRateBps: 100, categoryRates: [] } }, tokens.operator))).toBe('NOT_FOUND');
    for (const who of ['manager', 'brand', 'shopper'] as const) {
      expect(codeOf(await api.gql(SET_RATES, { i: { storefrontId, defaultRateBps: 0, categoryRates: [] } }, tokens[who]))).toBe('FORBIDDEN');
      expect(codeOf(await api.gql(RATES, { s: storefrontId }, tokens[who]))).toBe('FORBIDDEN');
    }
    expect(codeOf(await api.gql(SET_RATES, { i: { storefrontId, defaultRateBps: 0, categoryRates: [] } }))).toBe('UNAUTHENTICATED');
    expect(await api.db.prisma.commissionSetting.count()).toBe(before);
    const unset: any = await api.gql(RATES, { s: storefrontId }, tokens.operator);
    expect(unset.data.commissionSettings).toEqual({ id: null, defaultRateBps: 0, categoryRates: [] });
  });

  it('posts a paid checkout’s split once, in the webhook’s transaction, at the rates of its checkout', async () => {
    const set: any = await api.gql(SET_RATES, { i: { storefrontId, defaultRateBps: 1_500, categoryRates: [{ category: 'posters', rateBps: 1_000 }] } }, tokens.operator);
    expect(set.errors).toBeUndefined();
    expect(set.data.setCommissionRates).toMatchObject({ defaultRateBps: 1_500, categoryRates: [{ category: 'posters', rateBps: 1_000 }] });

    const { checkout, paid } = await placeAndPay('settle-1', [{ variant: 0, quantity: 1 }, { variant: 1, quantity: 2 }], 9101);
    // The operator changes the rates after the checkout: the order keeps the ones it was placed under.
    expect((await api.gql(SET_RATES, { i: { storefrontId, defaultRateBps: 5_000, categoryRates: [] } }, tokens.operator)).errors).toBeUndefined();
    // Stripe delivers the same event again, and the same payment once more under another id: nothing posted twice.
    expect(await stripe.deliver(api.baseUrl, paid)).toBe(200);
    expect(await stripe.deliver(api.baseUrl, { ...paid, id: `${paid.id}_again` })).toBe(200);

    const orders = checkout.orders as any[];
    expect(orders).toHaveLength(2);
    const brandOrder = orders.find((o) => o.lines[0].variantId === shop.variants[0]!.id);
    const museumOrder = orders.find((o) => o.lines[0].variantId === shop.variants[1]!.id);
    const entries = await api.db.prisma.settlementJournalEntry.findMany({ where: { checkoutId: checkout.id }, select: { eventKey: true, kind: true } });
    expect(entries.map((e) => e.eventKey).sort()).toEqual([`order-paid:${brandOrder.id}`, `order-paid:${museumOrder.id}`].sort());
    // Licensing's accrual is queued with the payment for the co-branded order only: the museum's
    // own order has no licensed line, and its job would find nothing to book.
    const accruals = await api.db.prisma.outboxMessage.findMany({
      where: { name: 'accrue-order', OR: [brandOrder.id, museumOrder.id].map((id) => ({ jobId: { startsWith: `licensing.accrue-order.${id}.` } })) },
      select: { jobId: true },
    });
    expect(accruals.map((m) => m.jobId)).toEqual([`licensing.accrue-order.${brandOrder.id}.paid`]);
    const rates = await api.db.prisma.orderLineCommission.findMany({ where: { orderId: { in: [brandOrder.id, museumOrder.id] } }, select: { orderId: true, category: true, rateBps: true } });
    expect(rates.sort((a, b) => a.rateBps - b.rateBps)).toEqual([
      { orderId: museumOrder.id, category: 'posters', rateBps: 1_000 },
      { orderId: brandOrder.id, category: 'scarves', rateBps: 1_500 },
    ]);

    // Brand order: goods g, commission 15 %, royalty 10 % (licensing's rule), freight to the brand which ships it.
    const g = brandOrder.goodsTotal as number;
    const commission = Math.round(g * 0.15);
    const royalty = Math.round(g * 0.1);
    const split: any = await api.gql(ORDER, { id: brandOrder.id }, tokens.manager);
    expect(split.errors).toBeUndefined();
    const party = (account: string, owner: string | null, component: string) =>
      split.data.order.settlement.parties.find((p: any) => p.account === account && p.ownerId === owner && p.component === component)?.amount.amount;
    // Sellers' shares are owed but pending: the order is within its return window.
    expect(party('SELLER_PENDING', brandId, 'GOODS')).toBe(g - commission - royalty);
    expect(party('SELLER_PENDING', brandId, 'FREIGHT')).toBe(brandOrder.shippingTotal + brandOrder.insuranceTotal);
    expect(party('SELLER_PENDING', shop.museumId, 'ROYALTY')).toBe(royalty);
    expect(party('PLATFORM_COMMISSION', null, 'COMMISSION')).toBe(commission);
    expect(party('TAX_PAYABLE', null, 'TAX')).toBe(brandOrder.taxTotal);
    // The royalty is the one licensing accrues for the line (CNY agreement): one rule.
    const accrued = await api.app.get(RoyaltyAccrualService, { strict: false }).accrueOrder(brandOrder.id);
    expect(accrued.accrued).toBe(1);
    const royaltyEntry = await api.db.prisma.royaltyLedgerEntry.findFirstOrThrow({ where: { orderId: brandOrder.id, kind: 'ACCRUAL' } });
    expect(royaltyEntry.royaltyMinor).toBe(royalty);

    // Museum order: its own posters at 10 %, freight to the museum.
    const mg = museumOrder.goodsTotal as number;
    const mc = Math.round(mg * 0.1);
    const museumOwed = mg - mc + museumOrder.shippingTotal + museumOrder.insuranceTotal + royalty;
    const brandOwed = g - commission - royalty + brandOrder.shippingTotal + brandOrder.insuranceTotal;
    expect((await api.gql(BALANCE, {}, tokens.manager)).data).toEqual({ sellerBalance: { sellerType: 'MUSEUM', sellerId: shop.museumId, payable: [], pending: cny(museumOwed) } });
    expect((await api.gql(BALANCE, {}, tokens.brand)).data).toEqual({ sellerBalance: { sellerType: 'BRAND', sellerId: brandId, payable: [], pending: cny(brandOwed) } });
    const platform: any = await api.gql(PLATFORM, {}, tokens.operator);
    expect(platform.errors).toBeUndefined();
    expect(platform.data.platformLedger).toMatchObject({
      taxOwedToCustoms: cny(brandOrder.taxTotal + museumOrder.taxTotal),
      commissionRevenue: cny(commission + mc),
      stripeClearing: cny(checkout.total),
      stripeFees: [],
    });
    expect(museumOwed + brandOwed + commission + mc + brandOrder.taxTotal + museumOrder.taxTotal).toBe(checkout.total);
  });

  it('reverses a refund of the brand’s order in refundOrder’s transaction, once, whatever Stripe reports after', async () => {
    const museumBefore: any = await api.gql(BALANCE, {}, tokens.manager);
    const brandBefore: any = await api.gql(BALANCE, {}, tokens.brand);
    const { checkout, pi } = await placeAndPay('settle-2', [{ variant: 0, quantity: 1 }, { variant: 2, quantity: 1 }], 9102);
    const brandOrder = (checkout.orders as any[]).find((o) => o.lines[0].variantId === shop.variants[0]!.id);
    const refund: any = await api.gql(REFUND, { id: brandOrder.id, reason: 'damaged' }, tokens.manager);
    expect(refund.errors).toBeUndefined();
    expect(refund.data.refundOrder.amount).toBe(brandOrder.total);
    // Posted with the refund, before Stripe says anything more.
    expect(await api.db.prisma.settlementJournalEntry.count({ where: { eventKey: `refund:${refund.data.refundOrder.refundId}`, kind: 'REFUND' } })).toBe(1);
    const entriesAfterRefund = await ledgerCount();
    // Stripe confirms the refund (twice): the reversal is already posted.
    const refunded = stripe.refunded(pi);
    expect(await stripe.deliver(api.baseUrl, refunded)).toBe(200);
    expect(await stripe.deliver(api.baseUrl, refunded)).toBe(200);
    expect(await ledgerCount()).toBe(entriesAfterRefund);

    const split: any = await api.gql(ORDER, { id: brandOrder.id }, tokens.brand);
    expect(split.errors).toBeUndefined();
    for (const p of split.data.order.settlement.parties) expect([p.account, p.component, p.amount.amount]).toEqual([p.account, p.component, 0]);
    expect(split.data.order.settlement.lines.map((l: any) => l.entryKind)).toEqual(expect.arrayContaining(['ORDER_PAID', 'REFUND']));
    // The brand is back where it was before this checkout; the museum keeps its own order's share only.
    expect((await api.gql(BALANCE, {}, tokens.brand)).data).toEqual(brandBefore.data);
    const museumAfter: any = await api.gql(BALANCE, {}, tokens.manager);
    const museumOrder = (checkout.orders as any[]).find((o) => o.id !== brandOrder.id);
    const museumShare = museumOrder.goodsTotal - Math.round(museumOrder.goodsTotal * 0.5) + museumOrder.shippingTotal + museumOrder.insuranceTotal;
    expect(museumAfter.data.sellerBalance.pending).toEqual(cny(museumBefore.data.sellerBalance.pending[0].amount + museumShare));

    // A refund Stripe reports failed gives the split back, once.
    const refundId = refund.data.refundOrder.refundId as string;
    const failed = stripe.failRefund(refundId, 'failed');
    expect(await stripe.deliver(api.baseUrl, failed)).toBe(200);
    expect(await stripe.deliver(api.baseUrl, failed)).toBe(200);
    const keys = (await api.db.prisma.settlementJournalEntry.findMany({ where: { checkoutId: checkout.id }, select: { eventKey: true } })).map((e) => e.eventKey);
    expect(keys.filter((k) => k === `refund-failed:${refundId}`)).toHaveLength(1);
    expect((await api.gql(BALANCE, {}, tokens.brand)).data.sellerBalance.pending[0].amount).toBeGreaterThan(brandBefore.data.sellerBalance.pending[0].amount);
  });

  it('takes a lost dispute back from the sellers in proportion, once', async () => {
    const before: any = await api.gql(BALANCE, {}, tokens.manager);
    const { checkout, pi } = await placeAndPay('settle-3', [{ variant: 2, quantity: 1 }], 9103);
    expect((await api.gql(BALANCE, {}, tokens.manager)).data.sellerBalance.pending[0].amount).toBeGreaterThan(before.data.sellerBalance.pending[0].amount);
    const opened = stripe.dispute(pi, 'fraudulent');
    expect(await stripe.deliver(api.baseUrl, opened)).toBe(200);
    const disputeId = (opened.data as any).object.id as string;
    const closed = stripe.closeDispute(disputeId, 'lost');
    expect(await stripe.deliver(api.baseUrl, closed)).toBe(200);
    expect(await stripe.deliver(api.baseUrl, { ...closed, id: `${closed.id}_again` })).toBe(200);
    const keys = (await api.db.prisma.settlementJournalEntry.findMany({ where: { checkoutId: checkout.id }, select: { eventKey: true } })).map((e) => e.eventKey).sort();
    expect(keys).toEqual([`dispute-lost:${disputeId}`, `order-paid:${checkout.orders[0].id}`].sort());
    // The whole charge was lost: the museum is back where it was before this checkout.
    expect((await api.gql(BALANCE, {}, tokens.manager)).data).toEqual(before.data);
  });

  it('posts once under concurrent deliveries: the same success under six event ids at once, then charge.refunded four times at once after refundOrder', async () => {
    let token: string | null = null;
    let cartId = '';
    for (const v of [0, 2]) {
      const r: any = await api.gql(ADD_LINE, { i: { variantId: shop.variants[v]!.id, quantity: 1, cartToken: token } });
      token = r.data.addCartLine.cartToken ?? token;
      cartId = r.data.addCartLine.cart.id;
    }
    const placed: any = await api.gql(PLACE_ORDER, { i: placeOrderInput(cartId, 'settle-race', { cartToken: token, id: residentId(9108) }) });
    expect(placed.errors).toBeUndefined();
    const pi = placed.data.placeOrder.payment.paymentIntentId as string;
    const paid = stripe.succeed(pi);
    const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => stripe.deliver(api.baseUrl, { ...paid, id: `${paid.id}_${i}` })));
    expect(answers.every((a) => a === 200)).toBe(true);
    const keysOf = async () => (await api.db.prisma.settlementJournalEntry.findMany({ where: { checkoutId: placed.data.placeOrder.id }, select: { eventKey: true } })).map((e) => e.eventKey).sort();
    const orders = placed.data.placeOrder.orders as any[];
    expect(await keysOf()).toEqual(orders.map((o) => `order-paid:${o.id}`).sort());
    // A refund of one order while Stripe's report of it arrives several times at once.
    const refund: any = await api.gql(REFUND, { id: orders[0].id, reason: 'race' }, tokens.manager);
    expect(refund.errors).toBeUndefined();
    const refunded = stripe.refunded(pi);
    await Promise.all(Array.from({ length: 4 }, (_, i) => stripe.deliver(api.baseUrl, { ...refunded, id: `${refunded.id}_${i}` })));
    expect(await keysOf()).toEqual([...orders.map((o) => `order-paid:${o.id}`), `refund:${refund.data.refundOrder.refundId}`].sort());
    const rows = await api.db.prisma.$queryRaw<{ orderId: string; reversed: number }[]>`
      SELECT l.order_id::text AS "orderId", (-sum(l.amount_minor))::int AS reversed FROM settlement_journal_lines l JOIN settlement_journal_entries e ON e.id = l.entry_id
       WHERE e.kind = 'REFUND' AND l.component = 'PAYMENT' AND e.checkout_id = ${placed.data.placeOrder.id}::uuid GROUP BY l.order_id`;
    expect(rows).toEqual([{ orderId: orders[0].id, reversed: orders[0].total }]);
  });

  it('keeps every tenant to its own balances and splits', async () => {
    const order = (await api.db.prisma.order.findFirstOrThrow({ where: { museumId: shop.museumId, fulfilledByBrandId: null } })).id;
    const cases: [string, string, Record<string, unknown>, string][] = [
      ['otherManager', BALANCE, { m: shop.museumId }, 'NOT_FOUND'],
      ['otherManager', BALANCE, { b: brandId }, 'NOT_FOUND'],
      ['brand', BALANCE, { m: shop.museumId }, 'NOT_FOUND'],
      ['otherBrand', BALANCE, { b: brandId }, 'NOT_FOUND'],
      ['manager', BALANCE, { b: brandId }, 'NOT_FOUND'],
      ['manager', BALANCE, { m: 'not-a-uuid' }, 'NOT_FOUND'],
      ['shopper', BALANCE, {}, 'FORBIDDEN'],
      ['manager', PLATFORM, {}, 'FORBIDDEN'],
      ['brand', PLATFORM, {}, 'FORBIDDEN'],
      ['otherManager', ORDER, { id: order }, 'NOT_FOUND'],
    ];
    for (const [who, query, vars, code] of cases) {
      const r = await api.gql(query, vars, tokens[who as keyof typeof tokens]);
      expect([who, JSON.stringify(vars), codeOf(r)]).toEqual([who, JSON.stringify(vars), code]);
      expect(r.data?.sellerBalance ?? r.data?.platformLedger ?? r.data?.order ?? null).toBeNull();
    }
    expect(codeOf(await api.gql(BALANCE, {}))).toBe('UNAUTHENTICATED');
    // The operator reads any seller by id; the other museum has nothing.
    expect((await api.gql(BALANCE, { b: brandId }, tokens.operator)).data.sellerBalance.sellerId).toBe(brandId);
    // A shopper sees their own order but not its split; its museum's manager and the operator do.
    const { checkout } = await placeAndPay('settle-shopper', [{ variant: 2, quantity: 1 }], 9104, tokens.shopper);
    const own: any = await api.gql(ORDER, { id: checkout.orders[0].id }, tokens.shopper);
    expect(own.errors).toBeUndefined();
    expect(own.data.order).toMatchObject({ id: checkout.orders[0].id, settlement: null });
    for (const who of ['manager', 'operator'] as const) {
      const seen: any = await api.gql(ORDER, { id: checkout.orders[0].id }, tokens[who]);
      expect(seen.data.order.settlement.lines.length).toBeGreaterThan(0);
    }
    expect(codeOf(await api.gql(ORDER, { id: checkout.orders[0].id }, tokens.brand))).toBe('NOT_FOUND');
  });

  it('catches up, once, with orders paid without going through the webhook (seeded or older than the ledger)', async () => {
    // An order placed and then marked paid straight in the database, as the demo seed writes them.
    let token: string | null = null;
    const added: any = await api.gql(ADD_LINE, { i: { variantId: shop.variants[1]!.id, quantity: 1, cartToken: token } });
    token = added.data.addCartLine.cartToken;
    const placed: any = await api.gql(PLACE_ORDER, { i: placeOrderInput(added.data.addCartLine.cart.id, 'settle-seeded', { cartToken: token, id: residentId(9105) }) });
    expect(placed.errors).toBeUndefined();
    const order = placed.data.placeOrder.orders[0];
    await api.db.prisma.order.update({ where: { id: order.id }, data: { status: 'PAID', paidAt: new Date() } });
    await api.db.prisma.payment.updateMany({ where: { checkoutId: placed.data.placeOrder.id }, data: { status: 'SUCCEEDED' } });
    const posting = api.app.get(SettlementPostingService, { strict: false });
    const first = await posting.catchUp();
    expect(first.entries).toBeGreaterThanOrEqual(1);
    expect(await api.db.prisma.settlementJournalEntry.count({ where: { eventKey: `order-paid:${order.id}` } })).toBe(1);
    expect(await posting.catchUp()).toEqual({ checkouts: 0, entries: 0 });
  });

  it('makes an order’s shares payable once its return window closed with no return open, and takes a later refund from the payable balance', async () => {
    const before: any = await api.gql(BALANCE, {}, tokens.manager);
    const { checkout } = await placeAndPay('settle-window', [{ variant: 1, quantity: 1 }], 9106);
    const order = checkout.orders[0];
    const owed = (await api.gql(BALANCE, {}, tokens.manager)).data.sellerBalance.pending[0].amount - before.data.sellerBalance.pending[0].amount;
    expect(owed).toBeGreaterThan(0);
    const posting = api.app.get(SettlementPostingService, { strict: false });
    // Not released by customs yet: nothing becomes payable.
    await posting.catchUp();
    expect(await api.db.prisma.settlementJournalEntry.count({ where: { eventKey: `order-payable:${order.id}` } })).toBe(0);
    // Released 31 days ago (RETURN_WINDOW_DAYS is 30) but a return is still open: still pending.
    await api.db.prisma.orderStatusChange.create({ data: { orderId: order.id, fromStatus: 'CUSTOMS_SUBMITTED', toStatus: 'CLEARED', reason: 'test: released', createdAt: new Date(Date.now() - 31 * 86_400_000) } });
    await api.db.prisma.order.update({ where: { id: order.id }, data: { status: 'DELIVERED' } });
    const shopperId = (await createUser(api.db.prisma, 'SHOPPER')).id;
    const open = await api.db.prisma.$queryRaw<{ id: string }[]>`
      INSERT INTO order_returns (id, order_id, museum_id, shopper_user_id, reason, photo_urls, status, released_at, request_deadline, arrival_deadline)
      VALUES (gen_random_uuid(), ${order.id}::uuid, ${shop.museumId}::uuid, ${shopperId}::uuid, 'CHANGED_MIND', '{}', 'REQUESTED', now() - interval '31 days', now() - interval '1 day', now() + interval '14 days')
      RETURNING id::text`;
    await posting.catchUp();
    expect(await api.db.prisma.settlementJournalEntry.count({ where: { eventKey: `order-payable:${order.id}` } })).toBe(0);
    // The return is refused: the order can no longer be returned, its shares become payable, once.
    await api.db.prisma.$executeRaw`UPDATE order_returns SET status = 'REFUSED' WHERE id = ${open[0]!.id}::uuid`;
    expect((await posting.catchUp()).entries).toBe(1);
    expect(await posting.catchUp()).toEqual({ checkouts: 0, entries: 0 });
    const after: any = await api.gql(BALANCE, {}, tokens.manager);
    expect(after.data.sellerBalance.pending).toEqual(before.data.sellerBalance.pending);
    expect(after.data.sellerBalance.payable).toEqual(cny((before.data.sellerBalance.payable[0]?.amount ?? 0) + owed));
    // A refund after that is taken from what is payable (it may go negative; nothing disappears).
    const refund: any = await api.gql(REFUND, { id: order.id, reason: 'goodwill' }, tokens.manager);
    expect(refund.errors).toBeUndefined();
    const refunded: any = await api.gql(BALANCE, {}, tokens.manager);
    expect(refunded.data.sellerBalance.payable).toEqual(cny(before.data.sellerBalance.payable[0]?.amount ?? 0));
    expect(refunded.data.sellerBalance.pending).toEqual(before.data.sellerBalance.pending);
  });

  it('states a seller’s month: opening, movements, closing = the balance, as CSV too; another tenant gets NOT_FOUND', async () => {
    const STATEMENT = `query($month: String!, $m: ID, $b: ID) { sellerStatement(month: $month, museumId: $m, brandId: $b) { sellerType sellerId month csv
      currencies { currency openingPending openingPayable closingPending closingPayable movements { account entryKind component orders amount } deductions { entryKind component orders amount } } } }`;
    const month = new Date().toISOString().slice(0, 7);
    for (const who of ['manager', 'brand'] as const) {
      const balance: any = (await api.gql(BALANCE, {}, tokens[who])).data.sellerBalance;
      const r: any = await api.gql(STATEMENT, { month }, tokens[who]);
      expect(r.errors).toBeUndefined();
      const st = r.data.sellerStatement;
      expect(st.currencies).toHaveLength(1);
      const c = st.currencies[0];
      // A fresh database: everything was written this month.
      expect([c.openingPending, c.openingPayable]).toEqual([0, 0]);
      expect(c.closingPending).toBe(balance.pending[0]?.amount ?? 0);
      expect(c.closingPayable).toBe(balance.payable[0]?.amount ?? 0);
      expect(c.closingPending).toBeGreaterThan(0);
      const sum = (account: string) => c.movements.filter((m: any) => m.account === account).reduce((a: number, m: any) => a + m.amount, 0);
      expect(sum('SELLER_PENDING')).toBe(c.closingPending);
      expect(c.movements).toEqual(expect.arrayContaining([expect.objectContaining({ account: 'SELLER_PENDING', entryKind: 'ORDER_PAID', component: who === 'brand' ? 'GOODS' : 'ROYALTY' })]));
      const csv = st.csv.trim().split('\r\n');
      expect(csv[0]).toBe('seller_type,seller_id,month,currency,row,account,entry_kind,component,orders,amount_minor');
      expect(csv).toContain(`${st.sellerType},${st.sellerId},${month},CNY,CLOSING,SELLER_PENDING,,,,${c.closingPending}`);
      expect(csv.length).toBe(1 + 4 + c.movements.length + c.deductions.length);
      // What was taken from the seller's goods: the brand's sales paid commission and the museum's royalty; the museum here only received royalties.
      for (const d of c.deductions) expect(csv).toContain(`${st.sellerType},${st.sellerId},${month},CNY,DEDUCTED,${d.component === 'COMMISSION' ? 'PLATFORM_COMMISSION' : 'MUSEUM_ROYALTY'},${d.entryKind},${d.component},${d.orders},${d.amount}`);
      if (who === 'brand') expect(c.deductions.map((d: any) => `${d.entryKind} ${d.component}`)).toEqual(expect.arrayContaining(['ORDER_PAID COMMISSION', 'ORDER_PAID ROYALTY']));
    }
    const earlier: any = await api.gql(STATEMENT, { month: '2026-01' }, tokens.manager);
    expect(earlier.data.sellerStatement.currencies).toEqual([]);
    expect(codeOf(await api.gql(STATEMENT, { month: '2026-13' }, tokens.manager))).toBe('VALIDATION_FAILED');
    expect(codeOf(await api.gql(STATEMENT, { month, m: shop.museumId }, tokens.otherManager))).toBe('NOT_FOUND');
    expect(codeOf(await api.gql(STATEMENT, { month, b: brandId }, tokens.otherBrand))).toBe('NOT_FOUND');
    expect(codeOf(await api.gql(STATEMENT, { month }, tokens.shopper))).toBe('FORBIDDEN');
  });

  it('pays a seller’s payable balance to its Stripe Connect account once it is ready; a run that fails midway resumes without paying twice', async () => {
    const CONNECT = `mutation($r: String!, $f: String!, $m: ID, $b: ID) { connectPayoutAccount(returnUrl: $r, refreshUrl: $f, museumId: $m, brandId: $b) { sellerType sellerId ready detailsSubmitted requirements onboardingUrl } }`;
    const ACCOUNT = `query($m: ID, $b: ID) { payoutAccount(museumId: $m, brandId: $b) { ready requirements onboardingUrl } }`;
    const RUN = `mutation($k: String!) { runPayouts(runKey: $k) { runKey paid { id sellerType sellerId amount { amount currency } status stripeTransferId } skipped { sellerType sellerId payable { amount } reason } failed { id amount { amount } status checkoutId transferGroup } } }`;
    const PAYOUTS = `{ sellerPayouts { id runKey amount { amount currency } status stripeTransferId } }`;
    const urls = { r: 'https://console.example.test/payouts/done', f: 'https://console.example.test/payouts/again' };

    // Bad input and other tenants: nothing created at Stripe.
    const accountsBefore = stripe.accounts.size;
    expect(codeOf(await api.gql(CONNECT, { ...urls, r: 'javascript:alert(1)' }, tokens.manager))).toBe('VALIDATION_FAILED');
    expect(codeOf(await api.gql(CONNECT, { ...urls, m: shop.museumId }, tokens.otherManager))).toBe('NOT_FOUND');
    expect(codeOf(await api.gql(CONNECT, { ...urls, b: brandId }, tokens.otherBrand))).toBe('NOT_FOUND');
    expect(codeOf(await api.gql(CONNECT, urls, tokens.shopper))).toBe('FORBIDDEN');
    expect(codeOf(await api.gql(RUN, { k: 'run-x' }, tokens.manager))).toBe('FORBIDDEN');
    expect(codeOf(await api.gql(RUN, { k: 'bad key!' }, tokens.operator))).toBe('VALIDATION_FAILED');
    expect(stripe.accounts.size).toBe(accountsBefore);

    // The museum connects (twice: one account), not ready until Stripe's onboarding is done.
    const first: any = await api.gql(CONNECT, urls, tokens.manager);
    expect(first.errors).toBeUndefined();
    expect(first.data.connectPayoutAccount).toMatchObject({ sellerType: 'MUSEUM', sellerId: shop.museumId, ready: false, detailsSubmitted: false });
    expect(first.data.connectPayoutAccount.requirements.length).toBeGreaterThan(0);
    expect(first.data.connectPayoutAccount.onboardingUrl).toMatch(/\/sandbox\/onboarding\/acct_/);
    expect((await api.gql(CONNECT, urls, tokens.manager)).data.connectPayoutAccount.ready).toBe(false);
    expect(stripe.accounts.size).toBe(accountsBefore + 1);
    const acct = [...stripe.accounts.values()].find((a: any) => a.metadata.vitrine_seller_id === shop.museumId)!;
    expect(acct).toMatchObject({ type: 'express', country: 'FR', metadata: { vitrine_seller_type: 'MUSEUM' } });

    // An order past its return window makes money payable.
    const { checkout, pi } = await placeAndPay('settle-payout', [{ variant: 1, quantity: 2 }], 9109);
    // The checkout's PaymentIntent carries its transfer group, over the wire.
    const group = `vitrine-checkout-${checkout.id}`;
    expect(stripe.requests.filter((q) => q.method === 'POST' && q.path === '/v1/payment_intents' && q.params['transfer_group'] === group)).toHaveLength(1);
    expect(stripe.paymentIntents.get(pi)!['transfer_group']).toBe(group);
    const order = checkout.orders[0];
    await api.db.prisma.orderStatusChange.create({ data: { orderId: order.id, fromStatus: 'CUSTOMS_SUBMITTED', toStatus: 'CLEARED', reason: 'test: released', createdAt: new Date(Date.now() - 31 * 86_400_000) } });
    await api.app.get(SettlementPostingService, { strict: false }).catchUp();
    const payable = (await api.gql(BALANCE, {}, tokens.manager)).data.sellerBalance.payable[0].amount as number;
    expect(payable).toBeGreaterThan(0);

    // Not ready: the run skips the museum with its reason, which keeps accruing; nothing is written for it.
    const rowsBefore = await api.db.prisma.sellerPayout.count();
    const entriesBefore = await ledgerCount();
    const skipped: any = await api.gql(RUN, { k: 'run-1' }, tokens.operator);
    expect(skipped.errors).toBeUndefined();
    expect(skipped.data.runPayouts.paid).toEqual([]);
    expect(skipped.data.runPayouts.skipped).toContainEqual({ sellerType: 'MUSEUM', sellerId: shop.museumId, payable: { amount: payable }, reason: 'ACCOUNT_NOT_READY' });
    expect(stripe.transfers.size).toBe(0);
    expect(stripe.requests.filter((q) => q.method === 'POST' && q.path === '/v1/transfers')).toHaveLength(0);
    expect(await api.db.prisma.sellerPayout.count()).toBe(rowsBefore);
    expect(await ledgerCount()).toBe(entriesBefore);
    expect((await api.gql(BALANCE, {}, tokens.manager)).data.sellerBalance.payable).toEqual(cny(payable));

    // Stripe tells the Connect endpoint the onboarding is done: the account is ready, read without asking Stripe.
    const reads = () => stripe.requests.filter((q) => q.method === 'GET' && q.path === `/v1/accounts/${acct['id']}`).length;
    const readsBefore = reads();
    expect(await stripe.deliverConnect(api.baseUrl, stripe.completeOnboarding(String(acct['id'])))).toBe(200);
    expect((await api.gql(ACCOUNT, {}, tokens.manager)).data.payoutAccount).toEqual({ ready: true, requirements: [], onboardingUrl: null });
    expect(reads()).toBe(readsBefore);

    // Stripe fails the transfer (every retry of the SDK): the payout stays PENDING, nothing posted.
    stripe.failNextTo('/v1/transfers', 10);
    const failed: any = await api.gql(RUN, { k: 'run-2' }, tokens.operator);
    expect(failed.errors).toBeUndefined();
    expect(failed.data.runPayouts.failed).toEqual([expect.objectContaining({ amount: { amount: payable }, status: 'PENDING', checkoutId: checkout.id, transferGroup: group })]);
    expect(stripe.transfers.size).toBe(0);
    expect((await api.gql(BALANCE, {}, tokens.manager)).data.sellerBalance.payable[0].amount).toBe(payable);
    stripe.failNextTo('/v1/transfers', 0);

    // The next run resumes that payout under its own key, and pays nothing more; a third pays nothing.
    const resumed: any = await api.gql(RUN, { k: 'run-3' }, tokens.operator);
    expect(resumed.errors).toBeUndefined();
    expect(resumed.data.runPayouts.paid).toEqual([expect.objectContaining({ sellerType: 'MUSEUM', sellerId: shop.museumId, amount: { amount: payable, currency: 'CNY' }, status: 'PAID' })]);
    expect((await api.gql(RUN, { k: 'run-3' }, tokens.operator)).data.runPayouts.paid).toEqual([]);
    expect((await api.gql(RUN, { k: 'run-4' }, tokens.operator)).data.runPayouts.paid).toEqual([]);
    const transfers = [...stripe.transfers.values()];
    expect(transfers).toHaveLength(1);
    expect(transfers[0]).toMatchObject({ destination: acct['id'], amount: payable, currency: 'cny', transfer_group: group, metadata: { vitrine_checkout_id: checkout.id } });
    // Sent over the wire under the checkout's group (every attempt: the failed ones and the one Stripe made).
    const sent = stripe.requests.filter((q) => q.method === 'POST' && q.path === '/v1/transfers');
    expect(sent.length).toBeGreaterThan(1);
    for (const q of sent) expect(q.params['transfer_group']).toBe(group);
    const payoutId = failed.data.runPayouts.failed[0].id;
    expect(await api.db.prisma.settlementJournalEntry.count({ where: { eventKey: `payout:${payoutId}`, kind: 'PAYOUT' } })).toBe(1);
    expect((await api.gql(BALANCE, {}, tokens.manager)).data.sellerBalance.payable).toEqual(cny(0));
    expect((await api.gql(PAYOUTS, {}, tokens.manager)).data.sellerPayouts).toEqual([
      { id: payoutId, runKey: 'run-2', amount: { amount: payable, currency: 'CNY' }, status: 'PAID', stripeTransferId: transfers[0]!['id'] },
    ]);
    expect((await api.gql(PAYOUTS, {}, tokens.brand)).data.sellerPayouts).toEqual([]);
    // The worker's scheduled run (one key per UTC day) finds nothing left to pay.
    const scheduled = await api.app.get(PayoutsService, { strict: false }).runScheduled(new Date('2026-12-07T04:00:00Z'));
    expect(scheduled).toMatchObject({ runKey: 'scheduled-2026-12-07', paid: [], failed: [] });
    expect(stripe.transfers.size).toBe(1);
  });

  it('applies Connect webhooks once: account status, a transfer reversal back into the seller’s balance, bank payouts; a bad signature writes nothing', async () => {
    const ACCOUNT = `query($m: ID, $b: ID) { payoutAccount(museumId: $m, brandId: $b) { ready chargesEnabled detailsSubmitted requirements bankPayoutStatus bankPayoutFailureCode } }`;
    const PAYOUTS = `{ sellerPayouts { id status stripeTransferId amount { amount currency } reversed { amount currency } } }`;
    const prisma = api.db.prisma;
    const acct = [...stripe.accounts.values()].find((a: any) => a.metadata.vitrine_seller_id === shop.museumId)!;
    const accountId = String(acct['id']);
    const processed = () => prisma.processedPaymentEvent.count();
    const snapshot = async () => ({
      account: await prisma.sellerPayoutAccount.findUniqueOrThrow({ where: { stripeAccountId: accountId }, select: { payoutsEnabled: true, chargesEnabled: true, detailsSubmitted: true, requirements: true, bankPayoutId: true, bankPayoutStatus: true } }),
      reversals: await prisma.sellerPayoutReversal.count(),
      entries: await ledgerCount(),
      processed: await processed(),
    });

    // Stripe disables payouts (new requirements due): stored from the event, no call to Stripe; the replay changes nothing.
    const readsBefore = stripe.requests.filter((q) => q.path.startsWith('/v1/accounts/')).length;
    const due = stripe.accountUpdated(accountId, { payouts_enabled: false, requirements: { currently_due: ['individual.verification.document'], disabled_reason: 'requirements.past_due' } });
    expect(await stripe.deliverConnect(api.baseUrl, due)).toBe(200);
    expect((await api.gql(ACCOUNT, {}, tokens.manager)).data.payoutAccount).toEqual({
      ready: false, chargesEnabled: true, detailsSubmitted: true, requirements: ['individual.verification.document'], bankPayoutStatus: null, bankPayoutFailureCode: null,
    });
    const ready = stripe.accountUpdated(accountId, { payouts_enabled: true, requirements: { currently_due: [], disabled_reason: null } });
    expect(await stripe.deliverConnect(api.baseUrl, ready)).toBe(200);
    expect((await api.gql(ACCOUNT, {}, tokens.manager)).data.payoutAccount).toMatchObject({ ready: true, requirements: [] });
    // The older event delivered again (a replay: its id is known) and under a new id (late, out of order: older than the stored status) change nothing.
    const settled = await snapshot();
    expect(await stripe.deliverConnect(api.baseUrl, due)).toBe(200);
    expect(await stripe.deliverConnect(api.baseUrl, { ...due, id: `${due.id}_late`, created: due.created - 60 })).toBe(200);
    expect((await api.gql(ACCOUNT, {}, tokens.manager)).data.payoutAccount).toMatchObject({ ready: true, requirements: [] });
    expect({ ...(await snapshot()), processed: 0 }).toEqual({ ...settled, processed: 0 });
    expect(stripe.requests.filter((q) => q.path.startsWith('/v1/accounts/')).length).toBe(readsBefore);

    // A bad signature (the platform endpoint's secret on the Connect endpoint, or a forged one) is refused: 400, nothing written.
    const before = await snapshot();
    const disabling = stripe.accountUpdated(accountId, { payouts_enabled: false });
    expect(await stripe.deliverConnect(api.baseUrl, disabling, { secret: stripe.webhookSecret })).toBe(400);
    expect(await stripe.deliverConnect(api.baseUrl, disabling, { secret: 'whsec_forged' })).toBe(400);
    const [transfer] = [...stripe.transfers.values()];
    const transferId = String(transfer!['id']);
    const amount = Number(transfer!['amount']);
    const forgedReversal = stripe.reverseTransfer(transferId, 100);
    const forged = stripe.sign(forgedReversal, { secret: stripe.connectWebhookSecret });
    const res = await fetch(`${api.baseUrl}/webhooks/stripe`, { method: 'POST', headers: forged.headers, body: forged.body });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 'WEBHOOK_SIGNATURE_INVALID' });
    expect(await snapshot()).toEqual(before);
    Object.assign(acct, { payouts_enabled: true });

    // Stripe reverses part of the payout's transfer (the 100 above, then 250 more): transfer.reversed goes to the platform
    // endpoint, each reversal posted once — delivered again, under another id, and as transfer.updated.
    const balance = async () => (await api.gql(BALANCE, {}, tokens.manager)).data.sellerBalance.payable;
    const payableBefore = (await balance())[0].amount as number;
    const second = stripe.reverseTransfer(transferId, 250);
    expect(await stripe.deliver(api.baseUrl, second)).toBe(200);
    expect(await stripe.deliver(api.baseUrl, second)).toBe(200);
    expect(await stripe.deliver(api.baseUrl, { ...second, id: `${second.id}_again` })).toBe(200);
    expect(await stripe.deliver(api.baseUrl, { ...second, id: `${second.id}_updated`, type: 'transfer.updated' })).toBe(200);
    expect(await stripe.deliver(api.baseUrl, forgedReversal)).toBe(200);
    expect(await balance()).toEqual(cny(payableBefore + 350));
    const reversals = await prisma.sellerPayoutReversal.findMany({ select: { stripeReversalId: true, amountMinor: true, currency: true }, orderBy: { amountMinor: 'asc' } });
    expect(reversals.map((r) => ({ ...r, amountMinor: Number(r.amountMinor), currency: r.currency.trim() }))).toEqual([
      { stripeReversalId: expect.stringMatching(/^trr_/), amountMinor: 100, currency: 'CNY' },
      { stripeReversalId: expect.stringMatching(/^trr_/), amountMinor: 250, currency: 'CNY' },
    ]);
    // Each reversal is one balanced entry: clearing debited, the museum's payable credited.
    const lines = await prisma.$queryRaw<{ event_key: string; kind: string; account: string; amount: number; currency: string }[]>`
      SELECT e.event_key, e.kind, a.kind AS account, l.amount_minor::float8 AS amount, trim(l.currency) AS currency
        FROM settlement_journal_entries e JOIN settlement_journal_lines l ON l.entry_id = e.id JOIN settlement_accounts a ON a.id = l.account_id
       WHERE e.kind = 'TRANSFER_REVERSAL' ORDER BY e.event_key, a.kind`;
    expect(lines).toHaveLength(4);
    for (const r of reversals) {
      const mine = lines.filter((l) => l.event_key === `transfer-reversal:${r.stripeReversalId}`);
      expect(mine.map((l) => [l.account, l.amount, l.currency])).toEqual([
        ['SELLER_PAYABLE', -Number(r.amountMinor), 'CNY'],
        ['STRIPE_CLEARING', Number(r.amountMinor), 'CNY'],
      ]);
    }
    const payouts: any = await api.gql(PAYOUTS, {}, tokens.manager);
    expect(payouts.data.sellerPayouts).toEqual([expect.objectContaining({ stripeTransferId: transferId, amount: { amount, currency: 'CNY' }, reversed: { amount: 350, currency: 'CNY' } })]);
    expect(Number((await prisma.sellerPayout.findFirstOrThrow({ where: { stripeTransferId: transferId } })).reversedMinor)).toBe(350);
    // A third reversal delivered four times at once under four event ids (both endpoints): posted once.
    const third = stripe.reverseTransfer(transferId, 50);
    const codes = await Promise.all([
      stripe.deliver(api.baseUrl, third),
      stripe.deliver(api.baseUrl, { ...third, id: `${third.id}_b` }),
      stripe.deliverConnect(api.baseUrl, { ...third, id: `${third.id}_c` }),
      stripe.deliver(api.baseUrl, { ...third, id: `${third.id}_d`, type: 'transfer.updated' }),
    ]);
    expect(codes).toEqual([200, 200, 200, 200]);
    expect(await balance()).toEqual(cny(payableBefore + 400));
    expect(await prisma.settlementJournalEntry.count({ where: { kind: 'TRANSFER_REVERSAL' } })).toBe(3);
    expect(Number((await prisma.sellerPayout.findFirstOrThrow({ where: { stripeTransferId: transferId } })).reversedMinor)).toBe(400);
    // Eleven more reversals of 1 fen (14 in all): a transfer's event embeds only its 10 newest (has_more), so the
    // API lists them all from Stripe before posting. Stripe unreachable for that list: 503, nothing written, Stripe retries.
    const many = Array.from({ length: 11 }, () => stripe.reverseTransfer(transferId, 1));
    const latest = many[many.length - 1]!;
    expect((latest.data.object as any).reversals).toMatchObject({ has_more: true, total_count: 14 });
    expect((latest.data.object as any).reversals.data).toHaveLength(10);
    const listedBefore = stripe.listedReversals.length;
    stripe.failNextTo(`/v1/transfers/${transferId}/reversals`, 3, 500);
    const beforeOutage = await snapshot();
    expect(await stripe.deliver(api.baseUrl, latest)).toBe(503);
    expect(await snapshot()).toEqual(beforeOutage);
    expect(await stripe.deliver(api.baseUrl, { ...latest, id: `${latest.id}_retry` })).toBe(200);
    expect(stripe.listedReversals.slice(listedBefore)).toContain(transferId);
    expect(await balance()).toEqual(cny(payableBefore + 411));
    expect(await prisma.settlementJournalEntry.count({ where: { kind: 'TRANSFER_REVERSAL' } })).toBe(14);
    expect(Number((await prisma.sellerPayout.findFirstOrThrow({ where: { stripeTransferId: transferId } })).reversedMinor)).toBe(411);
    // A transfer that is not ours is acknowledged and ignored.
    expect(await stripe.deliver(api.baseUrl, { ...second, id: `${second.id}_foreign`, data: { object: { ...second.data.object, id: 'tr_not_ours', metadata: {} } } })).toBe(200);
    expect(await prisma.sellerPayoutReversal.count()).toBe(14);
    // Ours by its metadata but not recorded as paid: 503 (Stripe delivers it again), the event id not kept, nothing written.
    const early = { ...second, id: `${second.id}_early`, data: { object: { ...second.data.object, id: 'tr_not_recorded_yet', metadata: { vitrine_payout_id: randomUUID() } } } };
    const kept = await snapshot();
    expect(await stripe.deliver(api.baseUrl, early)).toBe(503);
    expect(await snapshot()).toEqual(kept);

    // The connected account pays out to its bank: recorded on the account, the newest wins; a failure shows with its code.
    const paidOut = stripe.bankPayout(accountId, 'paid', 1_000);
    expect(await stripe.deliverConnect(api.baseUrl, paidOut)).toBe(200);
    expect((await api.gql(ACCOUNT, {}, tokens.manager)).data.payoutAccount).toMatchObject({ bankPayoutStatus: 'paid', bankPayoutFailureCode: null });
    const failedOut = { ...stripe.bankPayout(accountId, 'failed', 1_000), created: paidOut.created + 1 };
    expect(await stripe.deliverConnect(api.baseUrl, failedOut)).toBe(200);
    expect(await stripe.deliverConnect(api.baseUrl, failedOut)).toBe(200);
    expect((await api.gql(ACCOUNT, {}, tokens.manager)).data.payoutAccount).toMatchObject({ bankPayoutStatus: 'failed', bankPayoutFailureCode: 'account_closed' });
    expect(await stripe.deliverConnect(api.baseUrl, { ...paidOut, id: `${paidOut.id}_late` })).toBe(200);
    expect((await api.gql(ACCOUNT, {}, tokens.manager)).data.payoutAccount).toMatchObject({ bankPayoutStatus: 'failed' });
    // Another seller's tenant sees none of it.
    expect(codeOf(await api.gql(ACCOUNT, { m: shop.museumId }, tokens.otherManager))).toBe('NOT_FOUND');
  });

  it('the database refuses an entry that does not balance, and any edit of the ledger', async () => {
    const prisma = api.db.prisma;
    const account = (await prisma.settlementAccount.findFirstOrThrow({ where: { kind: 'PLATFORM_COMMISSION' } })).id;
    await expect(
      prisma.$transaction(async (tx) => {
        const [e] = await tx.$queryRaw<{ id: string }[]>`INSERT INTO settlement_journal_entries (id, event_key, kind, occurred_at) VALUES (gen_random_uuid(), 'test:unbalanced', 'FEE', now()) RETURNING id::text`;
        await tx.$executeRaw`INSERT INTO settlement_journal_lines (entry_id, account_id, component, amount_minor, currency) VALUES (${e!.id}::uuid, ${account}::uuid, 'FEE', 1, 'CNY')`;
      }),
    ).rejects.toThrow(/does not balance/);
    expect(await prisma.settlementJournalEntry.count({ where: { eventKey: 'test:unbalanced' } })).toBe(0);
    await expect(prisma.$executeRaw`UPDATE settlement_journal_lines SET amount_minor = amount_minor + 1 WHERE id = (SELECT min(id) FROM settlement_journal_lines)`).rejects.toThrow(/append-only/);
    await expect(prisma.$executeRaw`DELETE FROM settlement_journal_entries`).rejects.toThrow(/append-only/);
    expect(await prisma.$queryRaw<{ k: string }[]>`SELECT e.event_key AS k FROM settlement_journal_entries e JOIN settlement_journal_lines l ON l.entry_id = e.id GROUP BY e.event_key, l.currency HAVING sum(l.amount_minor) <> 0`).toEqual([]);
  });
  it('posts Stripe’s fee on a paid charge from its balance transaction, through the worker’s job, once', async () => {
    const prefix = `test-settle-${randomUUID().slice(0, 8)}`;
    // A checkout paid before the fee jobs had a queue of their own: its job waits in the outbox for the settlement queue.
    const legacy = await placeAndPay('settle-fee-legacy', [{ variant: 2, quantity: 1 }], 9114);
    const legacyJob = `settlement.stripe-fee.${legacy.checkout.id}`;
    expect(await api.db.prisma.$executeRaw`UPDATE outbox_messages SET queue = 'settlement' WHERE job_id = ${legacyJob} AND queue = 'settlement-fees' AND dispatched_at IS NULL`).toBe(1);
    const worker = startWorker({ DATABASE_URL: api.db.url, QUEUE_PREFIX: prefix });
    try {
      await waitForOutput(worker, /worker ready/);
      const { checkout, pi } = await placeAndPay('settle-fee', [{ variant: 2, quantity: 1 }], 9107);
      const feeEntry = () => api.db.prisma.settlementJournalEntry.findMany({ where: { checkoutId: checkout.id, kind: 'FEE' }, select: { eventKey: true, lines: { select: { component: true, amountMinor: true, currency: true, account: { select: { kind: true } } } } } });
      await until('the fee of the charge posted', async () => (await feeEntry()).length === 1, 90_000, worker);
      await until('the fee of the checkout whose job went to the settlement queue posted', async () => (await api.db.prisma.settlementJournalEntry.count({ where: { checkoutId: legacy.checkout.id, kind: 'FEE' } })) === 1, 90_000, worker);
      const charge = String(stripe.paymentIntents.get(pi)!['latest_charge']);
      const txn = [...stripe.balanceTransactions.values()].find((t) => t['source'] === charge)!;
      expect(txn['fee']).toBe(Math.floor((checkout.total * 340 + 5_000) / 10_000));
      // Read in one request: the intent with its charge's balance transaction expanded, the charge never asked apart.
      expect(stripe.requests.filter((r) => r.method === 'GET' && r.path === `/v1/charges/${charge}`)).toEqual([]);
      expect(stripe.requests.some((r) => r.method === 'GET' && r.path === `/v1/payment_intents/${pi}` && Object.values((r.params['expand'] ?? {}) as object).includes('latest_charge.balance_transaction'))).toBe(true);
      const [entry] = await feeEntry();
      expect(entry!.eventKey).toBe(`fee:${txn['id']}`);
      expect(entry!.lines.map((l) => [l.account.kind, l.component, Number(l.amountMinor), l.currency]).sort()).toEqual([
        ['STRIPE_CLEARING', 'FEE', -Number(txn['fee']), 'CNY'],
        ['STRIPE_FEES', 'FEE', Number(txn['fee']), 'CNY'],
      ]);
      // The job was written once, in the payment's transaction; the fee is the platform's, not the sellers'.
      expect(await api.db.prisma.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM outbox_messages WHERE job_id = ${`settlement.stripe-fee.${checkout.id}`}`).toEqual([{ n: 1n }]);
      const platform: any = await api.gql(PLATFORM, {}, tokens.operator);
      const fees = platform.data.platformLedger.stripeFees[0].amount as number;
      expect(fees).toBeGreaterThanOrEqual(Number(txn['fee']));
      // Clearing is what Stripe holds: paid − refunded − lost − fees, whatever the order of events.
      const owed = (xs: any[]) => xs.reduce((a, x) => a + x.amount, 0);
      const l = platform.data.platformLedger;
      const sellers = l.sellers.reduce((a: number, x: any) => a + owed(x.payable) + owed(x.pending), 0);
      expect(owed(l.stripeClearing)).toBe(sellers + owed(l.commissionRevenue) + owed(l.taxOwedToCustoms) - fees);
    } finally {
      await worker.stop('SIGTERM');
      await dropQueues(prefix);
    }
  });

  it('posts the fees of several checkouts in one batch, each once when batches overlap or run again; a fee Stripe has not yet fails only its own checkout', async () => {
    const paid: Awaited<ReturnType<typeof placeAndPay>>[] = [];
    for (const [i, n] of [9111, 9112, 9113].entries()) paid.push(await placeAndPay(`settle-fee-batch-${i}`, [{ variant: 2, quantity: 1 }], n));
    const [a, b, c] = paid.map((p) => p.checkout.id as string) as [string, string, string];
    const txnOf = (pi: string) => [...stripe.balanceTransactions.values()].find((t) => t['source'] === String(stripe.paymentIntents.get(pi)!['latest_charge']))!;
    // Stripe has not written c's balance transaction yet.
    const late = txnOf(paid[2]!.pi);
    stripe.balanceTransactions.delete(String(late['id']));
    const unknown = randomUUID();
    const feeKeys = async () => (await api.db.prisma.settlementJournalEntry.findMany({ where: { checkoutId: { in: [a, b, c] }, kind: 'FEE' }, select: { checkoutId: true, eventKey: true } })).map((e) => [e.checkoutId, e.eventKey]).sort();
    const before = await ledgerCount();
    await withSettlementJobs(async (app) => {
      const fees = app.get(SettlementFeesService);
      // Two batches holding the same checkouts at once (a stalled job taken again by another worker), one checkout twice in a batch.
      const runs = await Promise.all([fees.postFees([a, b, c, unknown, a]), fees.postFees([b, a, c])]);
      for (const id of [a, b]) expect(runs.map((r) => r.get(id)).sort()).toEqual(['already-posted', 'posted']);
      for (const r of runs) expect(r.get(c)).toBeInstanceOf(FeeNotYetAvailableError);
      expect(runs[0].get(unknown)).toBe('not-paid');
      expect(await feeKeys()).toEqual([
        [a, `fee:${txnOf(paid[0]!.pi)['id']}`],
        [b, `fee:${txnOf(paid[1]!.pi)['id']}`],
      ].sort());
      // Stripe writes it; the job runs again with the others of its batch: only c's fee is new.
      stripe.balanceTransactions.set(String(late['id']), late);
      expect(Object.fromEntries(await fees.postFees([a, b, c]))).toEqual({ [a]: 'already-posted', [b]: 'already-posted', [c]: 'posted' });
      expect(Object.fromEntries(await fees.postFees([c, b]))).toEqual({ [c]: 'already-posted', [b]: 'already-posted' });
    });
    expect(await ledgerCount()).toBe(before + 3);
    expect((await feeKeys()).map(([checkout]) => checkout)).toEqual([a, b, c].sort());
    // Every fee entry balances, the platform's (the storefront's terms do not pass fees on).
    const lines = await api.db.prisma.settlementJournalLine.findMany({ where: { entry: { checkoutId: { in: [a, b, c] }, kind: 'FEE' } }, select: { amountMinor: true, account: { select: { kind: true } } } });
    expect(lines.reduce((sum, l) => sum + Number(l.amountMinor), 0)).toBe(0);
    expect(new Set(lines.map((l) => l.account.kind))).toEqual(new Set(['STRIPE_FEES', 'STRIPE_CLEARING']));
  });

  it('runs the jobs that post a Stripe fee and a lost dispute’s fee twice, and three at once, posting each once', async () => {
    const { checkout, pi } = await placeAndPay('settle-jobs-twice', [{ variant: 2, quantity: 1 }], 9110);
    const opened = stripe.dispute(pi, 'product_not_received');
    expect(await stripe.deliver(api.baseUrl, opened)).toBe(200);
    const disputeId = (opened.data as any).object.id as string;
    expect(await stripe.deliver(api.baseUrl, stripe.closeDispute(disputeId, 'lost'))).toBe(200);
    const before = await ledgerCount();
    await withSettlementJobs(async (app) => {
      const fees = app.get(SettlementFeesService);
      // What settlement.stripe-fee and settlement.dispute-fee do, as BullMQ may run them: at once (a stalled job taken again), then once more.
      expect((await Promise.all([1, 2, 3].map(() => fees.postFee(checkout.id)))).sort()).toEqual(['already-posted', 'already-posted', 'posted']);
      expect(await fees.postFee(checkout.id)).toBe('already-posted');
      expect((await Promise.all([1, 2, 3].map(() => fees.postDisputeFee(disputeId)))).sort()).toEqual(['already-posted', 'already-posted', 'posted']);
      expect(await fees.postDisputeFee(disputeId)).toBe('already-posted');
    });
    expect(await ledgerCount()).toBe(before + 2);
    const kinds = (await api.db.prisma.settlementJournalEntry.findMany({ where: { checkoutId: checkout.id }, select: { kind: true } })).map((e) => e.kind).sort();
    expect(kinds).toEqual(['DISPUTE_FEE', 'DISPUTE_LOST', 'FEE', 'ORDER_PAID']);
  });
});
