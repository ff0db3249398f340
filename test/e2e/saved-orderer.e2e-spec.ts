import { createUser } from '@vitrine/shared/testing';
import { codeOf, type ApiHarness } from '../support/api-harness';
import { ADD_LINE, PLACE_ORDER, placeOrderInput, residentId, seedFx, seedShop, startCheckoutApi, type Shop } from '../support/checkout-fixtures';
import type { StripeLoopback } from '../support/stripe-loopback';

jest.setTimeout(90_000);

const SAVED = `{ ordererIdentities { id residentIdMasked ordererName numberStored } }`;
const NAME = '李雷';

/**
 * Issue 17, checkout with a saved orderer identity: a shopper who ordered with an ID number
 * places the next order by the identity's id (PlaceOrderInput.orderer.savedIdentityId); the API
 * uses the stored number (audited, never answered). Anyone else, a guest, or both the id and a
 * number: refused at the field with nothing written.
 */
describe('placeOrder with a saved orderer identity', () => {
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

  async function cartOf(token: string | null): Promise<{ cartId: string; cartToken: string | null }> {
    const r: any = await api.gql(`mutation($i: CartLineInput!) { addCartLine(input: $i) { cartToken cart { id } } }`, { i: { variantId: shop.variants[0]!.id, quantity: 1 } }, token ?? undefined);
    expect(r.errors).toBeUndefined();
    return { cartId: r.data.addCartLine.cart.id, cartToken: r.data.addCartLine.cartToken };
  }
  const counts = async () => ({ checkouts: await api.db.prisma.checkout.count(), orders: await api.db.prisma.order.count(), audit: await api.db.prisma.piiAccessAudit.count() });
  const bySaved = (cartId: string, key: string, savedIdentityId: string, extra: Record<string, unknown> = {}) => {
    const input = placeOrderInput(cartId, key, extra);
    const person = { name: NAME, savedIdentityId };
    return { ...input, orderer: person, payer: person };
  };

  it('places the order with the stored number, tells the name only to its shopper, and refuses anyone else at the field', async () => {
    const shopper = await createUser(api.db.prisma, 'SHOPPER');
    const me = await api.login(shopper.email);
    const id = residentId(9401);
    const first: any = await api.gql(ADD_LINE, { i: { variantId: shop.variants[0]!.id, quantity: 1 } }, me);
    const placed: any = await api.gql(PLACE_ORDER, { i: placeOrderInput(first.data.addCartLine.cart.id, 'saved-first', { id, name: NAME }) }, me);
    expect(placed.errors).toBeUndefined();
    expect(await stripe.deliver(api.baseUrl, stripe.succeed(placed.data.placeOrder.payment.paymentIntentId))).toBe(200);

    const saved: any = await api.gql(SAVED, {}, me);
    expect(saved.errors).toBeUndefined();
    expect(saved.data.ordererIdentities).toEqual([{ id: expect.any(String), residentIdMasked: `${id.slice(0, 3)}***********${id.slice(-4)}`, ordererName: NAME, numberStored: true }]);
    const identityId: string = saved.data.ordererIdentities[0].id;
    expect(JSON.stringify(saved)).not.toContain(id);

    // Another shopper, a guest: refused at the field, nothing written, nothing decrypted.
    const otherShopper = await createUser(api.db.prisma, 'SHOPPER');
    const other = await api.login(otherShopper.email);
    const before = await counts();
    const theirs = await cartOf(other);
    const refused: any = await api.gql(PLACE_ORDER, { i: bySaved(theirs.cartId, 'saved-other', identityId) }, other);
    expect(codeOf(refused)).toBe('NOT_FOUND');
    expect(refused.errors[0].extensions.field).toBe('input.orderer.savedIdentityId');
    const guest = await cartOf(null);
    const guestRefused: any = await api.gql(PLACE_ORDER, { i: bySaved(guest.cartId, 'saved-guest', identityId, { cartToken: guest.cartToken }) });
    expect(codeOf(guestRefused)).toBe('NOT_FOUND');
    expect(await counts()).toEqual(before);
    // The other shopper is not told the name either.
    expect(((await api.gql(SAVED, {}, other)) as any).data.ordererIdentities).toEqual([]);

    // The number and the saved identity both: VALIDATION_FAILED at the field, nothing written.
    const mine = await cartOf(me);
    const both: any = await api.gql(PLACE_ORDER, { i: { ...bySaved(mine.cartId, 'saved-both', identityId), orderer: { name: NAME, residentId: id, savedIdentityId: identityId } } }, me);
    expect(codeOf(both)).toBe('VALIDATION_FAILED');
    expect(both.errors[0].extensions.fields.map((f: { path: string }) => f.path)).toEqual(['input.orderer.savedIdentityId']);
    expect(await counts()).toEqual(before);

    // Its own shopper: placed with the stored number, under the same identity, the decryption audited.
    const ok: any = await api.gql(PLACE_ORDER, { i: bySaved(mine.cartId, 'saved-mine', identityId) }, me);
    expect(ok.errors).toBeUndefined();
    const orders = await api.db.prisma.order.findMany({ where: { checkoutId: ok.data.placeOrder.id }, select: { identityId: true, ordererName: true } });
    expect(orders).toEqual([{ identityId, ordererName: NAME }]);
    const audit = await api.db.prisma.piiAccessAudit.findMany({ where: { identityId, purpose: 'CHECKOUT_SAVED_IDENTITY' }, select: { actor: true } });
    expect(audit).toEqual([{ actor: `user:${shopper.id}` }]);
    expect(JSON.stringify(ok)).not.toContain(id);
  });

  it('refuses a saved identity whose number was destroyed, at the field, with nothing written', async () => {
    const shopper = await createUser(api.db.prisma, 'SHOPPER');
    const me = await api.login(shopper.email);
    const first: any = await api.gql(ADD_LINE, { i: { variantId: shop.variants[0]!.id, quantity: 1 } }, me);
    const placed: any = await api.gql(PLACE_ORDER, { i: placeOrderInput(first.data.addCartLine.cart.id, 'saved-purged-first', { id: residentId(9402), name: NAME }) }, me);
    expect(placed.errors).toBeUndefined();
    const identityId: string = ((await api.gql(SAVED, {}, me)) as any).data.ordererIdentities[0].id;
    // Retention destroyed the ciphertext (the row, masked form and hash stay).
    await api.db.prisma.customsIdentity.update({ where: { id: identityId }, data: { idCiphertext: null, purgedAt: new Date() } });
    const mine = await cartOf(me);
    const before = await counts();
    const refused: any = await api.gql(PLACE_ORDER, { i: bySaved(mine.cartId, 'saved-purged', identityId) }, me);
    expect(codeOf(refused)).toBe('NOT_FOUND');
    expect(refused.errors[0].extensions.field).toBe('input.orderer.savedIdentityId');
    expect(await counts()).toEqual(before);
  });
});
