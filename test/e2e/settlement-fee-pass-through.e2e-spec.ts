import { randomUUID } from 'node:crypto';
import { createUser } from '@vitrine/shared/testing';
import { codeOf, type ApiHarness } from '../support/api-harness';
import { ADD_LINE, PLACE_ORDER, licenseAfterSale, placeOrderInput, residentId, seedFx, seedShop, setStock, startCheckoutApi, type Shop } from '../support/checkout-fixtures';
import type { StripeLoopback } from '../support/stripe-loopback';
import { dropQueues, startWorker, until, waitForOutput } from '../support/worker-process';

jest.setTimeout(180_000);

/**
 * Issue 21, Stripe's fees where they fall: the operator's storefront terms may pass them on to
 * the sellers (setCommissionRates' passStripeFees: operator only, a non-boolean refused with
 * nothing written, kept by a later rate change that does not name it). A checkout placed under
 * terms that pass fees on has its charge's fee (read from Stripe's balance transaction by the
 * worker's settlement.stripe-fee job) charged to its sellers — the museum and the brand that
 * ships the co-branded line, in proportion to what each is owed — even after the operator turned
 * the terms off; a checkout placed after that leaves the fee to the platform. Every entry
 * balances per currency, the ledger as a whole sums to zero, and Stripe clearing is what
 * shoppers paid less fees. A setting cannot be edited in the database (the orders' snapshot).
 */
const SET_RATES = `mutation($i: SetCommissionRatesInput!) { setCommissionRates(input: $i) { id defaultRateBps passStripeFees } }`;
const RATES = `query($s: ID!) { commissionSettings(storefrontId: $s) { id defaultRateBps passStripeFees } }`;
const BALANCE = `query($m: ID, $b: ID) { sellerBalance(museumId: $m, brandId: $b) { pending { amount currency } payable { amount currency } } }`;
const PLATFORM = `{ platformLedger { sellers { payable { amount } pending { amount } } taxOwedToCustoms { amount } commissionRevenue { amount } stripeClearing { amount } stripeFees { amount } } }`;

describe('settlement: Stripe’s fees passed on by a storefront’s terms', () => {
  let api: ApiHarness;
  let stripe: StripeLoopback;
  let close: () => Promise<void>;
  let shop: Shop;
  let brandId: string;
  let storefrontId: string;
  const tokens: Record<'operator' | 'manager' | 'brand' | 'shopper', string> = {} as never;

  beforeAll(async () => {
    ({ api, stripe, close } = await startCheckoutApi());
    const prisma = api.db.prisma;
    await seedFx(prisma, '7.8000');
    shop = await seedShop(prisma, { prices: [12_000, 5_000], stock: 20 });
    await licenseAfterSale(prisma, shop.museumId, shop.variants[0]!.productId);
    brandId = (await prisma.licensedProduct.findUniqueOrThrow({ where: { productId: shop.variants[0]!.productId } })).fulfilledByBrandId;
    const brandLocation = await prisma.stockLocation.create({ data: { brandId, code: `BR-${randomUUID().slice(0, 6)}`, name: 'Atelier', kind: 'EU_WAREHOUSE', priority: 1 } });
    await setStock(prisma, brandLocation.id, shop.variants[0]!.id, 20);
    storefrontId = (await prisma.storefront.findUniqueOrThrow({ where: { museumId: shop.museumId } })).id;
    tokens.operator = await api.login((await createUser(prisma, 'PLATFORM_ADMIN')).email);
    tokens.manager = await api.login((await createUser(prisma, 'MUSEUM_MANAGER', { museumIds: [shop.museumId] })).email);
    tokens.brand = await api.login((await createUser(prisma, 'BRAND_PARTNER', { brandId })).email);
    tokens.shopper = await api.login((await createUser(prisma, 'SHOPPER')).email);
  });
  afterAll(() => close());

  async function placeAndPay(key: string, n: number) {
    let token: string | null = null;
    let cartId = '';
    for (const variant of [0, 1]) {
      const r: any = await api.gql(ADD_LINE, { i: { variantId: shop.variants[variant]!.id, quantity: 1, cartToken: token } });
      expect(r.errors).toBeUndefined();
      token = r.data.addCartLine.cartToken ?? token;
      cartId = r.data.addCartLine.cart.id;
    }
    const placed: any = await api.gql(PLACE_ORDER, { i: placeOrderInput(cartId, key, { cartToken: token, id: residentId(n) }) });
    expect(placed.errors).toBeUndefined();
    const pi = placed.data.placeOrder.payment.paymentIntentId as string;
    expect(await stripe.deliver(api.baseUrl, stripe.succeed(pi))).toBe(200);
    return { checkout: placed.data.placeOrder, pi };
  }

  const feeOf = (pi: string) => {
    const charge = String(stripe.paymentIntents.get(pi)!['latest_charge']);
    const txn = [...stripe.balanceTransactions.values()].find((t) => t['source'] === charge)!;
    return { id: String(txn['id']), fee: Number(txn['fee']) };
  };
  const feeLines = async (checkoutId: string) =>
    (
      await api.db.prisma.settlementJournalEntry.findMany({
        where: { checkoutId, kind: 'FEE' },
        select: { eventKey: true, lines: { select: { orderId: true, component: true, amountMinor: true, currency: true, account: { select: { kind: true, ownerType: true, ownerId: true } } } } },
      })
    ).flatMap((e) => e.lines.map((l) => ({ eventKey: e.eventKey, kind: l.account.kind, ownerType: l.account.ownerType, ownerId: l.account.ownerId, orderId: l.orderId, component: l.component, amount: Number(l.amountMinor), currency: l.currency })));

  it('the operator sets the terms: validated, operator only, nothing written when refused, kept by a rate change that does not name them', async () => {
    const before = await api.db.prisma.commissionSetting.count();
    const bad = await api.gql(SET_RATES, { i: { storefrontId, defaultRateBps: 1_000, categoryRates: [], passStripeFees: 'yes' } }, tokens.operator);
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    expect(codeOf(await api.gql(SET_RATES, { i: { storefrontId, defaultRateBps: -5, categoryRates: [], passStripeFees: true } }, tokens.operator))).toBe('INVALID_COMMISSION_RATE');
    for (const who of ['manager', 'brand', 'shopper'] as const) {
      expect(codeOf(await api.gql(SET_RATES, { i: { storefrontId, defaultRateBps: 1_000, categoryRates: [], passStripeFees: true } }, tokens[who]))).toBe('FORBIDDEN');
    }
    expect(await api.db.prisma.commissionSetting.count()).toBe(before);
    expect(((await api.gql(RATES, { s: storefrontId }, tokens.operator)) as any).data.commissionSettings).toEqual({ id: null, defaultRateBps: 0, passStripeFees: false });

    const set: any = await api.gql(SET_RATES, { i: { storefrontId, defaultRateBps: 1_000, categoryRates: [], passStripeFees: true } }, tokens.operator);
    expect(set.errors).toBeUndefined();
    expect(set.data.setCommissionRates).toMatchObject({ defaultRateBps: 1_000, passStripeFees: true });
    const kept: any = await api.gql(SET_RATES, { i: { storefrontId, defaultRateBps: 1_200, categoryRates: [] } }, tokens.operator);
    expect(kept.data.setCommissionRates).toMatchObject({ defaultRateBps: 1_200, passStripeFees: true });
    expect(((await api.gql(RATES, { s: storefrontId }, tokens.operator)) as any).data.commissionSettings).toMatchObject({ defaultRateBps: 1_200, passStripeFees: true });
  });

  it('books the fee of a checkout placed under pass-through terms to its sellers (even after the terms changed), and of a later one to the platform', async () => {
    const passed = await placeAndPay(`fees-on-${randomUUID()}`, 9501);
    // The operator turns pass-through off: the first checkout keeps the terms it was placed under.
    expect(((await api.gql(SET_RATES, { i: { storefrontId, defaultRateBps: 1_200, categoryRates: [], passStripeFees: false } }, tokens.operator)) as any).data.setCommissionRates.passStripeFees).toBe(false);
    const kept = await placeAndPay(`fees-off-${randomUUID()}`, 9502);
    const museumBefore: any = (await api.gql(BALANCE, {}, tokens.manager)).data.sellerBalance;
    const brandBefore: any = (await api.gql(BALANCE, {}, tokens.brand)).data.sellerBalance;

    const prefix = `test-fees-${randomUUID().slice(0, 8)}`;
    const worker = startWorker({ DATABASE_URL: api.db.url, QUEUE_PREFIX: prefix });
    try {
      await waitForOutput(worker, /worker ready/);
      await until('both charges’ fees posted', async () => (await feeLines(passed.checkout.id)).length > 0 && (await feeLines(kept.checkout.id)).length > 0, 120_000, worker);
    } finally {
      await worker.stop('SIGTERM');
      await dropQueues(prefix);
    }

    // Passed on: no platform expense; the museum's and the brand's orders each bear their part, on the sellers owed on them.
    const p = feeOf(passed.pi);
    expect(p.fee).toBeGreaterThan(0);
    const on = await feeLines(passed.checkout.id);
    expect(new Set(on.map((l) => l.eventKey))).toEqual(new Set([`fee:${p.id}`]));
    expect(on.filter((l) => l.kind === 'STRIPE_FEES')).toEqual([]);
    expect(on.filter((l) => l.kind === 'STRIPE_CLEARING').map((l) => l.amount)).toEqual([-p.fee]);
    const sellers = on.filter((l) => l.kind === 'SELLER_PENDING');
    expect(sellers.every((l) => l.component === 'FEE' && l.amount > 0 && l.currency === 'CNY' && l.orderId)).toBe(true);
    expect(sellers.reduce((a, l) => a + l.amount, 0)).toBe(p.fee);
    const museumFee = sellers.filter((l) => l.ownerType === 'MUSEUM' && l.ownerId === shop.museumId).reduce((a, l) => a + l.amount, 0);
    const brandFee = sellers.filter((l) => l.ownerType === 'BRAND' && l.ownerId === brandId).reduce((a, l) => a + l.amount, 0);
    expect(museumFee).toBeGreaterThan(0);
    expect(brandFee).toBeGreaterThan(0);
    expect(museumFee + brandFee).toBe(p.fee);
    // Each order's part is in proportion to what it paid (largest remainder: within a fen).
    const orders = passed.checkout.orders as any[];
    const paid = orders.reduce((a, o) => a + o.total, 0);
    for (const o of orders) {
      const part = sellers.filter((l) => l.orderId === o.id).reduce((a, l) => a + l.amount, 0);
      expect(Math.abs(part * paid - p.fee * o.total)).toBeLessThanOrEqual(paid);
    }

    // Kept: the platform's expense, nothing on the sellers.
    const k = feeOf(kept.pi);
    expect((await feeLines(kept.checkout.id)).map((l) => [l.kind, l.amount]).sort()).toEqual([
      ['STRIPE_CLEARING', -k.fee],
      ['STRIPE_FEES', k.fee],
    ]);

    // The sellers' balances went down by exactly their part; the platform's fees are only the kept checkout's.
    const museumAfter: any = (await api.gql(BALANCE, {}, tokens.manager)).data.sellerBalance;
    const brandAfter: any = (await api.gql(BALANCE, {}, tokens.brand)).data.sellerBalance;
    expect(museumAfter.pending[0].amount).toBe(museumBefore.pending[0].amount - museumFee);
    expect(brandAfter.pending[0].amount).toBe(brandBefore.pending[0].amount - brandFee);
    const l: any = (await api.gql(PLATFORM, {}, tokens.operator)).data.platformLedger;
    const sum = (xs: { amount: number }[]) => xs.reduce((a, x) => a + x.amount, 0);
    expect(sum(l.stripeFees)).toBe(k.fee);
    const shoppersPaid = [...passed.checkout.orders, ...kept.checkout.orders].reduce((a: number, o: any) => a + o.total, 0);
    expect(sum(l.stripeClearing)).toBe(shoppersPaid - p.fee - k.fee);
    const owed = l.sellers.reduce((a: number, s: any) => a + sum(s.payable) + sum(s.pending), 0);
    expect(sum(l.stripeClearing)).toBe(owed + sum(l.commissionRevenue) + sum(l.taxOwedToCustoms) - sum(l.stripeFees));

    // Every entry balances per currency, and so the ledger as a whole.
    const unbalanced = await api.db.prisma.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM (SELECT entry_id FROM settlement_journal_lines GROUP BY entry_id, currency HAVING sum(amount_minor) <> 0) x`;
    expect(unbalanced).toEqual([{ n: 0n }]);

    // The seller's statement shows the fee it bore.
    const st: any = await api.gql(`query($month: String!) { sellerStatement(month: $month) { currencies { movements { entryKind component amount } } } }`, { month: new Date().toISOString().slice(0, 7) }, tokens.manager);
    expect(st.data.sellerStatement.currencies[0].movements).toEqual(expect.arrayContaining([{ entryKind: 'FEE', component: 'FEE', amount: -museumFee }]));
  });

  it('a setting, the terms orders were placed under, cannot be edited or deleted', async () => {
    await expect(api.db.prisma.$executeRaw`UPDATE commission_settings SET pass_stripe_fees = NOT pass_stripe_fees`).rejects.toThrow(/append-only/);
    await expect(api.db.prisma.$executeRaw`DELETE FROM commission_settings`).rejects.toThrow(/append-only/);
  });
});
