import { allowHsCodes, createMuseum, createProduct, createUser } from '@vitrine/shared/testing';
import { codeOf, type GqlResult } from '../support/api-harness';
import type { ApiHarness } from '../support/api-harness';
import { ADD_LINE, CART_FIELDS, PLACE_ORDER, placeOrderInput, residentId, seedFx, seedShop, startCheckoutApi, type Shop } from '../support/checkout-fixtures';

const PUBLISH = `mutation($id: ID!) { publishProduct(id: $id) { id status } }`;
const BULK = `mutation($ids: [ID!]!) { bulkSetProductStatus(ids: $ids, status: PUBLISHED) { updated failed { id code } } }`;
const REGISTER = `mutation($i: UpdateStorefrontInput!) { updateStorefront(input: $i) { customsCode customsName } }`;

const ext = (r: GqlResult) => r.errors?.[0]?.extensions as Record<string, unknown> | undefined;

/**
 * Every declaration names the museum as the e-commerce enterprise by its customs code: a museum
 * without one may not list for China nor sell there. Publishing answers
 * CUSTOMS_REGISTRATION_MISSING and leaves the product a draft; adding its item to a cart or
 * placing a cart holding one answers the same code naming the line and the seller, and writes
 * nothing (no order, no reservation, no payment, the cart still open).
 */
describe('selling to China needs the museum’s customs registration', () => {
  let api: ApiHarness;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ api, close } = await startCheckoutApi());
    await seedFx(api.db.prisma, '7.8000');
  }, 120_000);
  afterAll(() => close());

  it('publishing a product of an unregistered museum is refused, nothing written; once registered it publishes', async () => {
    const p = api.db.prisma;
    const museum = await createMuseum(p, { customsCode: null });
    const manager = await api.login((await createUser(p, 'MUSEUM_MANAGER', { museumIds: [museum.id] })).email);
    await allowHsCodes(p, ['6214']);
    const a = await createProduct(p, museum.id, { status: 'DRAFT', variants: [{ priceMinor: 2_000, hsCode: '621410' }] });
    const b = await createProduct(p, museum.id, { status: 'DRAFT', variants: [{ priceMinor: 3_000, hsCode: '621410' }] });
    const before = await p.product.findMany({ where: { museumId: museum.id }, orderBy: { id: 'asc' }, select: { id: true, status: true, publishedAt: true, updatedAt: true } });

    const refused = await api.gql(PUBLISH, { id: a.id }, manager);
    expect(codeOf(refused)).toBe('CUSTOMS_REGISTRATION_MISSING');
    expect(ext(refused)).toMatchObject({ museumIds: [museum.id] });
    const bulk = await api.gql(BULK, { ids: [a.id, b.id] }, manager);
    expect(bulk.errors).toBeUndefined();
    expect(bulk.data.bulkSetProductStatus.updated).toEqual([]);
    expect(bulk.data.bulkSetProductStatus.failed.map((f: { code: string }) => f.code)).toEqual(['CUSTOMS_REGISTRATION_MISSING', 'CUSTOMS_REGISTRATION_MISSING']);
    expect(await p.product.findMany({ where: { museumId: museum.id }, orderBy: { id: 'asc' }, select: { id: true, status: true, publishedAt: true, updatedAt: true } })).toEqual(before);

    // Registered by its manager: the same product now publishes (the registration was the only reason).
    const reg = await api.gql(REGISTER, { i: { museumId: museum.id, customsCode: '3120269999', customsName: 'Test Museum Cross-border Trading' } }, manager);
    expect(reg.errors).toBeUndefined();
    const published = await api.gql(PUBLISH, { id: a.id }, manager);
    expect(published.errors).toBeUndefined();
    expect(published.data.publishProduct.status).toBe('PUBLISHED');
  });

  it('a cart with an item of a museum that lost its registration: addCartLine and placeOrder answer CUSTOMS_REGISTRATION_MISSING naming the line and seller, nothing written', async () => {
    const p = api.db.prisma;
    const registered: Shop = await seedShop(p, { prices: [2_000], stock: 10 });
    const unregistered: Shop = await seedShop(p, { prices: [3_000, 3_500], stock: 10 });
    const shopper = await api.login((await createUser(p, 'SHOPPER')).email);
    const add = (variantId: string) => api.gql(ADD_LINE, { i: { variantId, quantity: 1, cartToken: null } }, shopper);

    // Both lines added while the second museum was registered.
    expect((await add(registered.variants[0]!.id)).errors).toBeUndefined();
    const added = await add(unregistered.variants[0]!.id);
    expect(added.errors).toBeUndefined();
    const cart = added.data.addCartLine.cart;
    const line = cart.lines.find((l: { variantId: string }) => l.variantId === unregistered.variants[0]!.id);
    // Its registration withdrawn (an operator clears it: both fields go together).
    await p.storefront.update({ where: { museumId: unregistered.museumId }, data: { customsCode: null, customsName: null } });

    // The cart warns before checkout: the line's problem names the missing registration (the other line has none).
    const viewed = await api.gql(`query { cart { ${CART_FIELDS} } }`, {}, shopper);
    expect(viewed.errors).toBeUndefined();
    expect(viewed.data.cart.problems).toEqual([{ code: 'CUSTOMS_REGISTRATION_MISSING', lineIds: [line.id], variantId: unregistered.variants[0]!.id, available: null }]);

    const items = () => p.cartItem.findMany({ where: { cartId: cart.id }, orderBy: { id: 'asc' }, select: { id: true, variantId: true, quantity: true } });
    const itemsBefore = await items();
    const addRefused = await add(unregistered.variants[1]!.id);
    expect(codeOf(addRefused)).toBe('CUSTOMS_REGISTRATION_MISSING');
    expect(ext(addRefused)).toMatchObject({ museumIds: [unregistered.museumId], variantIds: [unregistered.variants[1]!.id] });
    expect(await items()).toEqual(itemsBefore);

    const counts = async () => ({
      orders: await p.order.count(),
      checkouts: await p.checkout.count(),
      payments: await p.payment.count(),
      reserved: (await p.stockLevel.aggregate({ _sum: { reserved: true } }))._sum.reserved,
      movements: await p.stockMovement.count({ where: { kind: 'RESERVE' } }),
    });
    const before = await counts();
    const placed = await api.gql(PLACE_ORDER, { i: placeOrderInput(cart.id, `reg-missing-${cart.id}`, { id: residentId(8101), name: '张伟' }) }, shopper);
    expect(codeOf(placed)).toBe('CUSTOMS_REGISTRATION_MISSING');
    expect(ext(placed)).toMatchObject({ museumIds: [unregistered.museumId], lines: [line.id], variantIds: [unregistered.variants[0]!.id] });
    expect(await counts()).toEqual(before);
    expect((await p.cart.findUniqueOrThrow({ where: { id: cart.id } })).status).toBe('OPEN');

    // Registered again: the same cart places (the registration was the only reason).
    await p.storefront.update({ where: { museumId: unregistered.museumId }, data: { customsCode: '3120268888', customsName: 'Back in business Trading' } });
    expect((await api.gql(`query { cart { problems { code } } }`, {}, shopper)).data.cart.problems).toEqual([]);
    const again = await api.gql(PLACE_ORDER, { i: placeOrderInput(cart.id, `reg-again-${cart.id}`, { id: residentId(8101), name: '张伟' }) }, shopper);
    expect(again.errors).toBeUndefined();
    expect(again.data.placeOrder.orders.map((o: { museumId: string }) => o.museumId).sort()).toEqual([registered.museumId, unregistered.museumId].sort());
  });
});
