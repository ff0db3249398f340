import { createUser } from '@vitrine/shared/testing';
import { codeOf, type ApiHarness } from '../support/api-harness';
import { ADD_LINE, PLACE_ORDER, placeOrderInput, seedFx, seedShop, startCheckoutApi, type Shop } from '../support/checkout-fixtures';

jest.setTimeout(60_000);

const MERGE = `mutation($t: String!) { mergeGuestCart(cartToken: $t) { leftOut { variantId quantity } cart { id status lines { variantId quantity } } } }`;
const CART = `query($t: String) { cart(cartToken: $t) { id status lines { variantId quantity } } }`;

describe('guest cart merged into the shopper’s cart at sign-in, over GraphQL', () => {
  let api: ApiHarness;
  let close: () => Promise<void>;
  let shop: Shop;

  beforeAll(async () => {
    ({ api, close } = await startCheckoutApi());
    await seedFx(api.db.prisma, '7.8000');
    shop = await seedShop(api.db.prisma, { prices: [1_000, 2_000, 3_000], stock: 500 });
  });
  afterAll(() => close());

  const p = () => api.db.prisma;
  const v = (i: number) => shop.variants[i]!.id;

  async function guestCart(lines: { variantId: string; quantity: number }[]) {
    let token: string | null = null;
    for (const line of lines) {
      const r: any = await api.gql(ADD_LINE, { i: { ...line, cartToken: token } });
      expect(r.errors).toBeUndefined();
      token = r.data.addCartLine.cartToken ?? token;
    }
    const cartId = (await api.gql(CART, { t: token })).data.cart.id as string;
    return { token: token!, cartId };
  }

  const linesOf = (cart: { lines: { variantId: string; quantity: number }[] }) =>
    Object.fromEntries(cart.lines.map((l) => [l.variantId, l.quantity]));

  /** Every cart and cart line, to prove a refusal wrote nothing. */
  const snapshot = async () => ({
    carts: await p().cart.findMany({ orderBy: { id: 'asc' }, select: { id: true, status: true, mergedIntoId: true, updatedAt: true } }),
    items: await p().cartItem.findMany({ orderBy: { id: 'asc' }, select: { id: true, cartId: true, variantId: true, quantity: true } }),
  });

  it('adds the guest lines to the shopper’s open cart (same variant: units add up), closes the guest cart, and a second merge changes nothing', async () => {
    const shopper = await createUser(p(), 'SHOPPER');
    const token = await api.login(shopper.email);
    // The shopper already had a cart from an earlier visit.
    await api.gql(ADD_LINE, { i: { variantId: v(0), quantity: 2 } }, token);
    await api.gql(ADD_LINE, { i: { variantId: v(1), quantity: 1 } }, token);
    const guest = await guestCart([
      { variantId: v(0), quantity: 3 },
      { variantId: v(2), quantity: 4 },
    ]);

    const r = await api.gql(MERGE, { t: guest.token }, token);
    expect(r.errors).toBeUndefined();
    const merged = r.data.mergeGuestCart;
    expect(merged.leftOut).toEqual([]);
    expect(merged.cart.status).toBe('OPEN');
    expect(linesOf(merged.cart)).toEqual({ [v(0)]: 5, [v(1)]: 1, [v(2)]: 4 });
    // The shopper's own cart now shows the merged lines; the guest cart is closed.
    expect(linesOf((await api.gql(CART, {}, token)).data.cart)).toEqual({ [v(0)]: 5, [v(1)]: 1, [v(2)]: 4 });
    expect((await api.gql(CART, { t: guest.token })).data.cart.status).toBe('MERGED');
    expect(await p().cart.findUniqueOrThrow({ where: { id: guest.cartId } })).toMatchObject({ status: 'MERGED', mergedIntoId: merged.cart.id });

    // Idempotent: merging the same token again, even concurrently, answers the same cart and writes nothing.
    const before = await snapshot();
    const again = await Promise.all([api.gql(MERGE, { t: guest.token }, token), api.gql(MERGE, { t: guest.token }, token)]);
    for (const a of again) {
      expect(a.errors).toBeUndefined();
      expect(a.data.mergeGuestCart.cart.id).toBe(merged.cart.id);
      expect(linesOf(a.data.mergeGuestCart.cart)).toEqual({ [v(0)]: 5, [v(1)]: 1, [v(2)]: 4 });
    }
    expect(await snapshot()).toEqual(before);

    // A guest adding to the merged cart's token starts a new guest cart instead of reopening it.
    const add = await api.gql(ADD_LINE, { i: { variantId: v(1), quantity: 1, cartToken: guest.token } });
    expect(add.data.addCartLine.cartToken).not.toBeNull();
    expect(add.data.addCartLine.cart.id).not.toBe(guest.cartId);
  });

  it('merges concurrent calls once, and never loses units the shopper or the guest adds at the same time', async () => {
    // Several rounds: the add and the merges lock the same cart and line rows, and a round
    // where their lock order crossed used to end in a deadlock (an internal error).
    for (let round = 0; round < 8; round++) {
      const shopper = await createUser(p(), 'SHOPPER');
      const token = await api.login(shopper.email);
      await api.gql(ADD_LINE, { i: { variantId: v(0), quantity: 1 } }, token);
      const guest = await guestCart([{ variantId: v(0), quantity: 2 }]);
      const [added, guestAdded, ...results] = await Promise.all([
        api.gql(ADD_LINE, { i: { variantId: v(0), quantity: 1 } }, token),
        // The guest's other tab adds to the guest cart while it is merged: the units land in
        // the guest cart before the merge takes them, or in a new guest cart after; never lost.
        api.gql(ADD_LINE, { i: { variantId: v(1), quantity: 1, cartToken: guest.token } }),
        ...Array.from({ length: 5 }, () => api.gql(MERGE, { t: guest.token }, token)),
      ]);
      expect(added.errors).toBeUndefined();
      expect(guestAdded.errors).toBeUndefined();
      for (const r of results) expect(r.errors).toBeUndefined();
      const lines = linesOf((await api.gql(CART, {}, token)).data.cart);
      if (guestAdded.data.addCartLine.cartToken) {
        // Added after the merge: a new guest cart holds the unit, the shopper's cart does not.
        expect(lines).toEqual({ [v(0)]: 4 });
        expect(linesOf(guestAdded.data.addCartLine.cart)).toEqual({ [v(1)]: 1 });
      } else {
        expect(lines).toEqual({ [v(0)]: 4, [v(1)]: 1 });
      }
      expect(await p().cart.count({ where: { userId: shopper.id, status: 'OPEN' } })).toBe(1);
    }
  });

  it('works right after sign-up, when the new shopper has no cart yet, and the merged cart checks out', async () => {
    const guest = await guestCart([{ variantId: v(1), quantity: 2 }]);
    const email = `new-shopper-${Date.now()}@example.test`;
    const reg = await api.gql(`mutation($i: RegisterShopperInput!) { registerShopper(input: $i) { id } }`, {
      i: { email, password: 'a-long-password-1', displayName: 'New Shopper' },
    });
    expect(reg.errors).toBeUndefined();
    const token = await api.login(email, 'a-long-password-1');
    const r = await api.gql(MERGE, { t: guest.token }, token);
    expect(r.errors).toBeUndefined();
    expect(linesOf(r.data.mergeGuestCart.cart)).toEqual({ [v(1)]: 2 });
    const placed = await api.gql(PLACE_ORDER, { i: placeOrderInput(r.data.mergeGuestCart.cart.id, 'merge-checkout-1') }, token);
    expect(placed.errors).toBeUndefined();
    expect(placed.data.placeOrder.orders[0].lines.map((l: any) => [l.variantId, l.quantity])).toEqual([[v(1), 2]]);
    // The guest token no longer checks anything out.
    expect(codeOf(await api.gql(PLACE_ORDER, { i: placeOrderInput(guest.cartId, 'merge-checkout-2', { cartToken: guest.token }) }))).toBe('CART_CLOSED');
  });

  it('caps units at what a line may hold and reports what was left out', async () => {
    const shopper = await createUser(p(), 'SHOPPER');
    const token = await api.login(shopper.email);
    await api.gql(ADD_LINE, { i: { variantId: v(0), quantity: 90 } }, token);
    const guest = await guestCart([{ variantId: v(0), quantity: 20 }]);
    const r = await api.gql(MERGE, { t: guest.token }, token);
    expect(r.errors).toBeUndefined();
    expect(linesOf(r.data.mergeGuestCart.cart)).toEqual({ [v(0)]: 99 });
    expect(r.data.mergeGuestCart.leftOut).toEqual([{ variantId: v(0), quantity: 11 }]);
  });

  it('NOT_FOUND for a wrong token or a guest cart another shopper merged; UNAUTHENTICATED for a guest; nothing written', async () => {
    const alice = await createUser(p(), 'SHOPPER');
    const bob = await createUser(p(), 'SHOPPER');
    const [aliceToken, bobToken] = [await api.login(alice.email), await api.login(bob.email)];
    await api.gql(ADD_LINE, { i: { variantId: v(2), quantity: 1 } }, bobToken);
    const guest = await guestCart([{ variantId: v(1), quantity: 1 }]);
    expect((await api.gql(MERGE, { t: guest.token }, aliceToken)).errors).toBeUndefined();

    const before = await snapshot();
    expect(codeOf(await api.gql(MERGE, { t: guest.token }, bobToken))).toBe('NOT_FOUND');
    expect(codeOf(await api.gql(MERGE, { t: 'not-a-token-of-ours' }, bobToken))).toBe('NOT_FOUND');
    expect(codeOf(await api.gql(MERGE, { t: guest.token }))).toBe('UNAUTHENTICATED');
    const bad = await api.gql(MERGE, { t: 'x'.repeat(101) }, bobToken);
    expect(bad.errors![0]!.extensions).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'cartToken' }] });
    expect(await snapshot()).toEqual(before);
    expect(linesOf((await api.gql(CART, {}, bobToken)).data.cart)).toEqual({ [v(2)]: 1 });
  });

  it('CART_CLOSED for a guest cart that was checked out', async () => {
    const shopper = await createUser(p(), 'SHOPPER');
    const token = await api.login(shopper.email);
    const guest = await guestCart([{ variantId: v(0), quantity: 1 }]);
    expect((await api.gql(PLACE_ORDER, { i: placeOrderInput(guest.cartId, 'merge-closed-1', { cartToken: guest.token }) })).errors).toBeUndefined();
    const before = await snapshot();
    expect(codeOf(await api.gql(MERGE, { t: guest.token }, token))).toBe('CART_CLOSED');
    expect(await snapshot()).toEqual(before);
  });
});
