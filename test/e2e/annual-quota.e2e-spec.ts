import { createUser } from '@vitrine/shared/testing';
import { codeOf, type ApiHarness } from '../support/api-harness';
import { ADD_LINE, PLACE_ORDER, placeOrderInput, residentId, seedFx, seedShop, startCheckoutApi, type Shop } from '../support/checkout-fixtures';
import type { StripeLoopback } from '../support/stripe-loopback';

jest.setTimeout(90_000);

const QUOTA = `query($i: AnnualQuotaInput!) { remainingAnnualQuota(input: $i) { remaining { amount currency } limit { amount currency } used { amount currency } counted residentIdMasked } }`;
const REFUND = `mutation($id: ID!, $reason: String!, $lines: [RefundLineInput!]) { refundOrder(id: $id, reason: $reason, lines: $lines) { refundId } }`;
const LIMIT = 2_600_000;
/** 40.00 EUR at 7.8 × 1.03, whole yuan up. */
const A = 32_200;
const NAME = '王芳';
/** The quota counts dutiable value: 5 units (600 g) ship for 85 CNY, 2 units (240 g) for 60 CNY. */
const FIVE = 5 * A + 8_500;
const TWO = 2 * A + 6_000;

/**
 * remainingAnnualQuota: a shopper sees what checkout would let an identity still buy this
 * year, counted by checkout's own code, only for identities the account has ordered with
 * under that name; the ID number never comes back unmasked; calls are throttled.
 */
describe('remainingAnnualQuota', () => {
  let api: ApiHarness;
  let stripe: StripeLoopback;
  let close: () => Promise<void>;
  let shop: Shop;

  beforeAll(async () => {
    ({ api, stripe, close } = await startCheckoutApi());
    await seedFx(api.db.prisma, '7.8000');
    shop = await seedShop(api.db.prisma, { prices: [4_000], stock: 1_000 });
  });
  afterAll(() => close());

  const shopper = async () => api.login((await createUser(api.db.prisma, 'SHOPPER')).email);
  const cny = (amount: number) => ({ amount, currency: 'CNY' });

  async function place(token: string, units: number, key: string, id: string) {
    const r: any = await api.gql(ADD_LINE, { i: { variantId: shop.variants[0]!.id, quantity: units } }, token);
    expect(r.errors).toBeUndefined();
    return api.gql(PLACE_ORDER, { i: placeOrderInput(r.data.addCartLine.cart.id, key, { id, name: NAME }) }, token);
  }

  it('before and after a paid order, as checkout counts it; a partial refund gives back its units', async () => {
    const me = await shopper();
    const id = residentId(9101);
    const masked = `${id.slice(0, 3)}***********${id.slice(-4)}`;
    const before = await api.gql(QUOTA, { i: { residentId: id, name: NAME } }, me);
    expect(before.errors).toBeUndefined();
    expect(before.data.remainingAnnualQuota).toEqual({ remaining: cny(LIMIT), limit: cny(LIMIT), used: cny(0), counted: false, residentIdMasked: masked });

    const placed = await place(me, 5, 'aq-order-1', id);
    expect(placed.errors).toBeUndefined();
    const c = placed.data.placeOrder;
    expect(await stripe.deliver(api.baseUrl, stripe.succeed(c.payment.paymentIntentId))).toBe(200);
    const after = await api.gql(QUOTA, { i: { residentId: id.toLowerCase(), name: ` ${NAME} ` } }, me);
    expect(after.data.remainingAnnualQuota).toEqual({ remaining: cny(LIMIT - FIVE), limit: cny(LIMIT), used: cny(FIVE), counted: true, residentIdMasked: masked });
    expect(JSON.stringify(after)).not.toContain(id);

    // Refund 2 units: the query follows the quota, as checkout does.
    const manager = await api.login((await createUser(api.db.prisma, 'MUSEUM_MANAGER', { museumIds: [shop.museumId] })).email);
    const line = c.orders[0].lines[0];
    expect((await api.gql(REFUND, { id: c.orders[0].id, reason: 'two back', lines: [{ lineId: line.id, quantity: 2 }] }, manager)).errors).toBeUndefined();
    const refunded = await api.gql(QUOTA, { i: { residentId: id, name: NAME } }, me);
    // the 3 units kept hold 3/5 of the line's dutiable value (goods and their share of the shipping)
    expect(refunded.data.remainingAnnualQuota).toMatchObject({ remaining: cny(LIMIT - (FIVE * 3) / 5), used: cny((FIVE * 3) / 5), counted: true });
  });

  it('tells nothing of an identity the account has not ordered with under that name, whoever did', async () => {
    const owner = await shopper();
    const id = residentId(9102);
    const placed = await place(owner, 2, 'aq-order-2', id);
    expect(placed.errors).toBeUndefined();
    expect(await stripe.deliver(api.baseUrl, stripe.succeed(placed.data.placeOrder.payment.paymentIntentId))).toBe(200);
    const bare = { remaining: cny(LIMIT), limit: cny(LIMIT), used: cny(0), counted: false };
    // Another shopper who knows the ID number and the name, the owner with another name, and an unknown number answer alike.
    const other = await shopper();
    expect((await api.gql(QUOTA, { i: { residentId: id, name: NAME } }, other)).data.remainingAnnualQuota).toMatchObject(bare);
    expect((await api.gql(QUOTA, { i: { residentId: id, name: '李娜' } }, owner)).data.remainingAnnualQuota).toMatchObject(bare);
    expect((await api.gql(QUOTA, { i: { residentId: residentId(9199), name: NAME } }, owner)).data.remainingAnnualQuota).toMatchObject(bare);
    expect((await api.gql(QUOTA, { i: { residentId: id, name: NAME } }, owner)).data.remainingAnnualQuota).toMatchObject({ used: cny(TWO), counted: true });
    // Shoppers only: a guest signs in first, a museum manager may not ask.
    expect(codeOf(await api.gql(QUOTA, { i: { residentId: id, name: NAME } }))).toBe('UNAUTHENTICATED');
    const manager = await api.login((await createUser(api.db.prisma, 'MUSEUM_MANAGER', { museumIds: [shop.museumId] })).email);
    expect(codeOf(await api.gql(QUOTA, { i: { residentId: id, name: NAME } }, manager))).toBe('FORBIDDEN');
  });

  it('each saved orderer identity carries its quota (OrdererIdentity.annualQuota), the same figures as remainingAnnualQuota, for its shopper only', async () => {
    const SAVED = `{ ordererIdentities { id residentIdMasked annualQuota { remaining { amount currency } limit { amount currency } used { amount currency } counted residentIdMasked } } }`;
    const me = await shopper();
    const [first, second] = [residentId(9111), residentId(9112)];
    for (const [i, [id, units]] of ([[first, 5], [second, 2]] as const).entries()) {
      const placed = await place(me, units, `aq-saved-${i}`, id);
      expect(placed.errors).toBeUndefined();
      expect(await stripe.deliver(api.baseUrl, stripe.succeed(placed.data.placeOrder.payment.paymentIntentId))).toBe(200);
    }
    const saved = await api.gql(SAVED, {}, me);
    expect(saved.errors).toBeUndefined();
    const masked = (id: string) => `${id.slice(0, 3)}***********${id.slice(-4)}`;
    // Newest first: the second identity's two units, then the first's five.
    expect(saved.data.ordererIdentities.map((i: any) => ({ residentIdMasked: i.residentIdMasked, annualQuota: i.annualQuota }))).toEqual([
      { residentIdMasked: masked(second), annualQuota: { remaining: cny(LIMIT - TWO), limit: cny(LIMIT), used: cny(TWO), counted: true, residentIdMasked: masked(second) } },
      { residentIdMasked: masked(first), annualQuota: { remaining: cny(LIMIT - FIVE), limit: cny(LIMIT), used: cny(FIVE), counted: true, residentIdMasked: masked(first) } },
    ]);
    for (const id of [first, second]) {
      const asked = (await api.gql(QUOTA, { i: { residentId: id, name: NAME } }, me)).data.remainingAnnualQuota;
      expect(saved.data.ordererIdentities.find((i: any) => i.residentIdMasked === masked(id)).annualQuota).toEqual(asked);
    }
    // Another shopper has no saved identities; a museum manager and a guest may not ask.
    expect((await api.gql(SAVED, {}, await shopper())).data.ordererIdentities).toEqual([]);
    const manager = await api.login((await createUser(api.db.prisma, 'MUSEUM_MANAGER', { museumIds: [shop.museumId] })).email);
    expect(codeOf(await api.gql(SAVED, {}, manager))).toBe('FORBIDDEN');
    expect(codeOf(await api.gql(SAVED, {}))).toBe('UNAUTHENTICATED');
  });

  it('refuses an invalid ID number as checkout does, without echoing it', async () => {
    const me = await shopper();
    const bad = '110105194912310021'; // wrong check character
    const r = await api.gql(QUOTA, { i: { residentId: bad, name: NAME } }, me);
    expect(codeOf(r)).toBe('INVALID_RESIDENT_ID');
    expect(r.errors![0]!.extensions).toMatchObject({ field: 'input.residentId', problem: 'CHECK_CHARACTER' });
    expect(JSON.stringify(r)).not.toContain(bad);
    expect(r.data).toBeNull();
    const noName = await api.gql(QUOTA, { i: { residentId: residentId(9103), name: '  ' } }, me);
    expect(codeOf(noName)).toBe('VALIDATION_FAILED');
    expect(noName.errors![0]!.extensions!['fields']).toEqual([{ path: 'input.name', message: 'is required' }]);
  });

  it('is throttled per address and account: the sixth call within a minute is THROTTLED, another account still answered', async () => {
    const me = await shopper();
    const ask = (token: string, n: number) => api.gql(QUOTA, { i: { residentId: residentId(9200 + n), name: NAME } }, token);
    for (let n = 0; n < 5; n++) expect((await ask(me, n)).errors).toBeUndefined();
    const sixth = await ask(me, 5);
    expect(codeOf(sixth)).toBe('THROTTLED');
    expect(sixth.data).toBeNull();
    expect((await ask(await shopper(), 6)).errors).toBeUndefined();
  });
});
