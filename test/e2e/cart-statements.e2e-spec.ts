import { codeOf, type ApiHarness } from '../support/api-harness';
import { createUser } from '@vitrine/shared/testing';
import { ADD_LINE, PLACE_ORDER, licenseAfterSale, placeOrderInput, seedFx, seedShop, startCheckoutApi, type Shop } from '../support/checkout-fixtures';
import { watchStatements } from '../support/sql-counter';

/**
 * The cart and checkout in SQL statements (issue 18): counted on the wire of every pg client
 * of the API process, BEGIN and COMMIT included, so that a change adding round trips to the
 * hottest shopper paths fails here rather than in a benchmark.
 */
describe('cart and checkout: SQL statements per request, and the cart rules in the one statement', () => {
  let api: ApiHarness;
  let close: () => Promise<void>;
  let shop: Shop;
  let sql: ReturnType<typeof watchStatements>;

  beforeAll(async () => {
    // The shop window's bound, as deployed: a cart's view may reuse who fulfils a product for it.
    ({ api, close } = await startCheckoutApi({ PUBLIC_CACHE_SECONDS: '30' }));
    await seedFx(api.db.prisma, '7.8000');
    shop = await seedShop(api.db.prisma, { prices: [2_500, 4_000], stock: 50 });
    sql = watchStatements(api.db.name);
    // Warm the process-wide caches (FX quote, who fulfils these products) as a running shop has them.
    for (const v of shop.variants) {
      const warm = await api.gql(ADD_LINE, { i: { variantId: v.id, quantity: 1 } });
      expect(warm.errors).toBeUndefined();
      // A checkout too: checkout's per-process lists (variants under a drop, live products) as
      // every running API holds them, read again every few seconds, not per checkout.
      const placed = await api.gql(PLACE_ORDER, { i: placeOrderInput(warm.data.addCartLine.cart.id, `stmt-warm-${v.id}`, { cartToken: warm.data.addCartLine.cartToken }) });
      expect(placed.errors).toBeUndefined();
    }
  });
  afterAll(async () => {
    sql.restore();
    process.env['PUBLIC_CACHE_SECONDS'] = '0';
    await close();
  });

  // Issue 18 asks for at most 3 statements an addCartLine and 12 a whole checkout; what this
  // code reaches is bounded here (docs/performance.md, "The cart"), so a round trip added fails.
  it('adds a line to a new guest cart in 3 statements, and a later line in 4', async () => {
    sql.take();
    const first = await api.gql(ADD_LINE, { i: { variantId: shop.variants[0]!.id, quantity: 1 } });
    expect(first.errors).toBeUndefined();
    const created = sql.take();
    const token = first.data.addCartLine.cartToken as string;
    expect(token).toBeTruthy();
    const again = await api.gql(ADD_LINE, { i: { variantId: shop.variants[1]!.id, quantity: 2, cartToken: token } });
    expect(again.errors).toBeUndefined();
    const added = sql.take();
    expect(again.data.addCartLine.cart.lines.map((l: { quantity: number }) => l.quantity)).toEqual([1, 2]);
    // The variant (with its seller's registration), the cart written in one statement, the stock
    // of its locations; who fulfils it comes from the view's cache (licensing was asked when the
    // product was first seen). A later line also reads the other lines' variants.
    expect(created.filter((s) => /INSERT INTO carts/.test(s))).toHaveLength(1);
    expect(created.filter((s) => /licensed_products/.test(s))).toEqual([]);
    expect(created.length).toBeLessThanOrEqual(3);
    expect(added.length).toBeLessThanOrEqual(4);
    expect([...created, ...added].filter((s) => /^(BEGIN|COMMIT)$/.test(s.trim()))).toEqual([]);
  });

  it('answers the shop\'s add to cart (`cartToken cart { id }`) in 1 statement, every cart rule kept (issue 18)', async () => {
    const SHOP_ADD = `mutation($i: CartLineInput!) { addCartLine(input: $i) { cartToken cart { id __typename } } }`;
    sql.take();
    const first = await api.gql(SHOP_ADD, { i: { variantId: shop.variants[0]!.id, quantity: 98 } });
    expect(first.errors).toBeUndefined();
    const created = sql.take();
    // The variant's sellability (with its seller's registration) read in the statement that writes
    // the cart: no stock read, no quote.
    expect(created).toHaveLength(1);
    expect(created.filter((s) => /INSERT INTO carts/.test(s))).toHaveLength(1);
    const { cartToken, cart } = first.data.addCartLine as { cartToken: string; cart: { id: string; __typename: string } };
    expect(cartToken).toBeTruthy();
    expect(cart.__typename).toBe('Cart');
    // The same cart through its token, within the 99-unit cap: 98 + 2 is refused and writes nothing.
    const over = await api.gql(SHOP_ADD, { i: { variantId: shop.variants[0]!.id, quantity: 2, cartToken } });
    expect(codeOf(over)).toBe('VALIDATION_FAILED');
    const more = await api.gql(SHOP_ADD, { i: { variantId: shop.variants[0]!.id, quantity: 1, cartToken } });
    expect(more.errors).toBeUndefined();
    expect(more.data.addCartLine).toEqual({ cartToken: null, cart: { id: cart.id, __typename: 'Cart' } });
    const view = await api.gql(`query($t: String) { cart(cartToken: $t) { id total lines { quantity } } }`, { t: cartToken });
    expect(view.data.cart.id).toBe(cart.id);
    expect(view.data.cart.lines.map((l: { quantity: number }) => l.quantity)).toEqual([99]);
    expect(view.data.cart.total).toBeGreaterThan(0);
    // Anything more than the id is answered priced, as before.
    const priced = await api.gql(`mutation($i: CartLineInput!) { addCartLine(input: $i) { cart { id total } } }`, { i: { variantId: shop.variants[1]!.id, quantity: 1, cartToken } });
    expect(priced.data.addCartLine.cart.total).toBeGreaterThan(view.data.cart.total);
  });

  it('refuses malformed input to the shop\'s add to cart as the input schema does, before any statement (issue 18: checked without zod on the hot path)', async () => {
    const SHOP_ADD = `mutation($i: CartLineInput!) { addCartLine(input: $i) { cartToken cart { id } } }`;
    const variantId = shop.variants[0]!.id;
    const cases: [Record<string, unknown>, string][] = [
      [{ variantId: 'not-a-uuid', quantity: 1 }, 'input.variantId'],
      // Hexadecimal in UUID form, but no RFC 9562 version: the schema's pattern refuses it.
      [{ variantId: '12345678-1234-0234-8234-123456789abc', quantity: 1 }, 'input.variantId'],
      [{ variantId, quantity: -1 }, 'input.quantity'],
      [{ variantId, quantity: 0 }, 'input.quantity'],
      [{ variantId, quantity: 1, cartToken: 'x'.repeat(101) }, 'input.cartToken'],
    ];
    for (const [input, path] of cases) {
      sql.take();
      const refused = await api.gql(SHOP_ADD, { i: input });
      expect([JSON.stringify(input), codeOf(refused)]).toEqual([JSON.stringify(input), 'VALIDATION_FAILED']);
      expect(refused.errors![0]!.extensions!['fields']).toEqual([expect.objectContaining({ path })]);
      expect(sql.take()).toEqual([]);
    }
  });

  it('checks out from an empty cart (add to cart, then placeOrder with the orders it answers) within a fixed count, fulfilment read live', async () => {
    sql.take();
    const add = await api.gql(ADD_LINE, { i: { variantId: shop.variants[0]!.id, quantity: 1 } });
    expect(add.errors).toBeUndefined();
    const cartId = add.data.addCartLine.cart.id as string;
    const placed = await api.gql(PLACE_ORDER, { i: placeOrderInput(cartId, 'stmt-count-1', { cartToken: add.data.addCartLine.cartToken }) });
    expect(placed.errors).toBeUndefined();
    expect(placed.data.placeOrder.orders).toHaveLength(1);
    const statements = sql.take();
    expect(statements.filter((s) => s.trim() === 'BEGIN')).toHaveLength(1);
    // placeOrder asks licensing who fulfils the lines, live (only a cart's view may reuse it), in
    // the statement that reads the variants.
    const fulfilment = statements.filter((s) => /licensed_products/.test(s));
    expect(fulfilment).toHaveLength(1);
    expect(fulfilment[0]).toMatch(/FROM product_variants/);
    // Each line's commission rate is snapshotted inside the orders' insert, not a statement of its own.
    const commissions = statements.filter((s) => /INSERT INTO order_line_commissions/.test(s));
    expect(commissions).toHaveLength(1);
    expect(commissions[0]).toMatch(/INSERT INTO order_lines/);
    const orderId = placed.data.placeOrder.orders[0].id as string;
    const lines = await api.db.prisma.orderLine.findMany({ where: { orderId }, select: { id: true } });
    const rates = await api.db.prisma.orderLineCommission.findMany({ where: { orderId }, select: { orderLineId: true } });
    expect(rates.map((r) => r.orderLineId).sort()).toEqual(lines.map((l) => l.id).sort());
    // addCartLine 3 (the variant, the cart written, the stock); placeOrder 6: the cart with its
    // variants (who fulfils them) and their stock wherever held, then BEGIN, the cart closed with the
    // identity, the orders with the quota read, the commissions and the stock's reservations and
    // claims, COMMIT, and the payment row.
    expect(statements).toHaveLength(9);
    // Inventory's reservations and claims ride on the orders' insert (StockService.reserveSql): no statement of their own.
    const claims = statements.filter((s) => /INSERT INTO stock_claims/.test(s));
    expect(claims).toHaveLength(1);
    expect(claims[0]).toMatch(/INSERT INTO checkouts/);
    // Inventory's stock read rides on the cart read (StockService.heldForCheckoutRider), before BEGIN:
    // outside the transaction, as the statement of its own it replaces.
    const cartRead = statements.findIndex((s) => /FROM carts c/.test(s) && /FROM product_variants/.test(s));
    expect(statements[cartRead]).toMatch(/FROM stock_levels s JOIN stock_locations l/);
    expect(cartRead).toBeLessThan(statements.findIndex((s) => s.trim() === 'BEGIN'));
    expect(statements.slice(cartRead + 1).filter((s) => /stock_levels/.test(s))).toEqual([]);

    // The shop's add to cart (`cartToken cart { id }`, as the shop and bench:drop send it) is 1
    // statement: from an empty cart to a placed order in 7 (issue 18; 9 before the stock read rode on
    // the cart read and the reservations on the orders' insert).
    sql.take();
    const shopAdd = await api.gql(`mutation($i: CartLineInput!) { addCartLine(input: $i) { cartToken cart { id } } }`, { i: { variantId: shop.variants[0]!.id, quantity: 1 } });
    expect(shopAdd.errors).toBeUndefined();
    const shopPlaced = await api.gql(PLACE_ORDER, { i: placeOrderInput(shopAdd.data.addCartLine.cart.id, 'stmt-count-2', { cartToken: shopAdd.data.addCartLine.cartToken }) });
    expect(shopPlaced.errors).toBeUndefined();
    expect(sql.take()).toHaveLength(7);
  });

  it('refuses a line past 99 units or a 51st line in the one statement, writing nothing', async () => {
    const many = await seedShop(api.db.prisma, { prices: Array.from({ length: 51 }, (_, i) => 1_000 + i), stock: 500 });
    const first = await api.gql(ADD_LINE, { i: { variantId: many.variants[0]!.id, quantity: 98 } });
    expect(first.errors).toBeUndefined();
    const token = first.data.addCartLine.cartToken as string;
    const cartId = first.data.addCartLine.cart.id as string;
    const updatedAt = async () => (await api.db.prisma.cart.findUniqueOrThrow({ where: { id: cartId } })).updatedAt.getTime();
    const tooMany = await api.gql(ADD_LINE, { i: { variantId: many.variants[0]!.id, quantity: 2, cartToken: token } });
    expect(codeOf(tooMany)).toBe('VALIDATION_FAILED');
    const untouched = await updatedAt();
    expect(tooMany.errors![0]!.extensions!['fields']).toEqual([expect.objectContaining({ path: 'input.quantity' })]);
    for (const v of many.variants.slice(1, 50)) {
      const r = await api.gql(ADD_LINE, { i: { variantId: v.id, quantity: 1, cartToken: token } });
      expect(r.errors).toBeUndefined();
    }
    const lines = () => api.db.prisma.cartItem.findMany({ where: { cartId }, select: { variantId: true, quantity: true } });
    const held = await lines();
    expect(held).toHaveLength(50);
    expect(await updatedAt()).toBeGreaterThan(untouched);
    const touched = await updatedAt();
    const fiftyFirst = await api.gql(ADD_LINE, { i: { variantId: many.variants[50]!.id, quantity: 1, cartToken: token } });
    expect(codeOf(fiftyFirst)).toBe('VALIDATION_FAILED');
    expect(fiftyFirst.errors![0]!.extensions!['fields']).toEqual([expect.objectContaining({ path: 'input.variantId' })]);
    // Nothing written by either refusal: the same lines, the first still at 98 units.
    expect(await lines()).toEqual(held);
    expect(held.find((l) => l.variantId === many.variants[0]!.id)?.quantity).toBe(98);
    expect(await updatedAt()).toBe(touched);
    // A unit more on a line already held is still allowed at 50 lines.
    const more = await api.gql(ADD_LINE, { i: { variantId: many.variants[0]!.id, quantity: 1, cartToken: token } });
    expect(more.errors).toBeUndefined();
    expect(more.data.addCartLine.cart.lines.find((l: { variantId: string }) => l.variantId === many.variants[0]!.id).quantity).toBe(99);
  });

  it('lets a cart view reuse who fulfils a product within the bound, until a back-office write clears it', async () => {
    const p = api.db.prisma;
    const other = await seedShop(p, { prices: [3_000, 3_100], stock: 10 });
    const FULFILLER = `mutation($i: CartLineInput!) { addCartLine(input: $i) { cart { sellers { fulfilledByBrandId } } } }`;
    const fulfiller = async () => {
      const r = await api.gql(FULFILLER, { i: { variantId: other.variants[0]!.id, quantity: 1 } });
      expect(r.errors).toBeUndefined();
      return r.data.addCartLine.cart.sellers[0].fulfilledByBrandId as string | null;
    };
    expect(await fulfiller()).toBeNull();
    // Licensed to a brand behind the API's back (as a job would): the view may keep the museum for the bound.
    await licenseAfterSale(p, other.museumId, other.variants[0]!.productId);
    const brandId = (await p.licensedProduct.findFirstOrThrow({ where: { productId: other.variants[0]!.productId } })).fulfilledByBrandId;
    expect(await fulfiller()).toBeNull();
    // Any back-office write clears the shop window's caches, this one included (here: another
    // product renamed; editing the licensed one itself would send it back to approval).
    const manager = await createUser(p, 'MUSEUM_MANAGER', { museumIds: [other.museumId] });
    const token = await api.login(manager.email);
    const write = await api.gql('mutation($i: UpdateProductInput!) { updateProduct(input: $i) { id } }', { i: { id: other.variants[1]!.productId, name: { en: 'Renamed' } } }, token);
    expect(write.errors).toBeUndefined();
    expect(await fulfiller()).toBe(brandId);
  });

  it('refuses a variant that may not be sold in the shop\'s one statement exactly as the priced add does, writing nothing (issue 18)', async () => {
    const SHOP_ADD = `mutation($i: CartLineInput!) { addCartLine(input: $i) { cartToken cart { id } } }`;
    const PRICED_ADD = `mutation($i: CartLineInput!) { addCartLine(input: $i) { cartToken cart { id total } } }`;
    const p = api.db.prisma;
    const fresh = async () => (await seedShop(p, { prices: [1_500], stock: 5 })).variants[0]!;
    const unpublished = await fresh();
    await p.product.update({ where: { id: unpublished.productId }, data: { status: 'DRAFT' } });
    // Blank as String.prototype.trim reads it: an ideographic space and a no-break space.
    const blankZhName = await fresh();
    await p.product.update({ where: { id: blankZhName.productId }, data: { nameZh: '\u3000\u00a0 \n' } });
    const blankZhDescription = await fresh();
    await p.product.update({ where: { id: blankZhDescription.productId }, data: { descriptionZh: '\ufeff\t' } });
    const offTheList = await fresh();
    await p.productVariant.update({ where: { id: offTheList.id }, data: { hsCode: '850511' } });
    const tooShort = await fresh();
    await p.productVariant.update({ where: { id: tooShort.id }, data: { hsCode: '6214.1' } });
    const closed = await fresh();
    await p.storefront.update({ where: { museumId: closed.museumId }, data: { status: 'CLOSED' } });
    const unregistered = await fresh();
    await p.storefront.update({ where: { museumId: unregistered.museumId }, data: { customsCode: null, customsName: null } });
    const cases: [string, string, string][] = [
      ['no such variant', '0b7c3a52-8d0e-4b8f-9f4e-4f3b2c1d0e9a', 'NOT_FOUND'],
      ['product unpublished', unpublished.id, 'NOT_FOUND'],
      ['zh-CN name blank', blankZhName.id, 'NOT_LISTABLE_FOR_CHINA'],
      ['zh-CN description blank', blankZhDescription.id, 'NOT_LISTABLE_FOR_CHINA'],
      ['HS code off the positive list', offTheList.id, 'NOT_LISTABLE_FOR_CHINA'],
      ['HS code of 5 digits', tooShort.id, 'NOT_LISTABLE_FOR_CHINA'],
      ['storefront closed', closed.id, 'NOT_LISTABLE_FOR_CHINA'],
      ['seller without customs registration', unregistered.id, 'CUSTOMS_REGISTRATION_MISSING'],
    ];
    const shopper = await api.login((await createUser(p, 'SHOPPER')).email);
    const carts = () => p.cart.count();
    const lines = () => p.cartItem.count();
    const before = { carts: await carts(), lines: await lines() };
    for (const [what, variantId, code] of cases) {
      for (const bearer of [undefined, shopper]) {
        const priced = await api.gql(PRICED_ADD, { i: { variantId, quantity: 1 } }, bearer);
        sql.take();
        const lean = await api.gql(SHOP_ADD, { i: { variantId, quantity: 1 } }, bearer);
        const statements = sql.take();
        expect([what, codeOf(lean)]).toEqual([what, code]);
        // The same message and extensions (code, variantIds, museumIds, field) as the priced add's.
        expect([what, lean.errors![0]!.message, lean.errors![0]!.extensions]).toEqual([what, priced.errors![0]!.message, priced.errors![0]!.extensions]);
        // A guest in one statement; a shopper in one too (no open cart is opened for a refused line).
        expect([what, statements.length]).toEqual([what, 1]);
      }
    }
    expect({ carts: await carts(), lines: await lines() }).toEqual(before);

    // An HS code written with dots is read by its digits, as the listing rules read it.
    const dotted = await fresh();
    await p.productVariant.update({ where: { id: dotted.id }, data: { hsCode: '6214.10' } });
    const added = await api.gql(SHOP_ADD, { i: { variantId: dotted.id, quantity: 1 } });
    expect(added.errors).toBeUndefined();
    // A signed-in shopper: the first line opens the cart (looked for by the statement, the cart
    // opened in one more, then written: 3, issue 18's bound), a later one is 1 statement.
    const newcomer = await api.login((await createUser(p, 'SHOPPER')).email);
    sql.take();
    const first = await api.gql(SHOP_ADD, { i: { variantId: dotted.id, quantity: 1 } }, newcomer);
    expect(first.errors).toBeUndefined();
    const opening = sql.take();
    expect(opening).toHaveLength(3);
    expect(opening.filter((s) => /INSERT INTO carts \(id, user_id, open_user_id/.test(s))).toHaveLength(1);
    expect(opening.filter((s) => /^(BEGIN|COMMIT)$/.test(s.trim()))).toEqual([]);
    const second = await api.gql(SHOP_ADD, { i: { variantId: shop.variants[1]!.id, quantity: 2 } }, newcomer);
    expect(second.errors).toBeUndefined();
    expect(sql.take()).toHaveLength(1);
    expect(second.data.addCartLine).toEqual({ cartToken: null, cart: { id: first.data.addCartLine.cart.id } });
    const view = await api.gql(`query { cart { id lines { quantity } } }`, {}, newcomer);
    expect(view.data.cart.id).toBe(first.data.addCartLine.cart.id);
    expect(view.data.cart.lines.map((l: { quantity: number }) => l.quantity).sort()).toEqual([1, 2]);

    // Two first adds of one shopper at the same moment open one cart between them, holding both lines.
    const racerUser = await createUser(p, 'SHOPPER');
    const racer = await api.login(racerUser.email);
    const both = await Promise.all(shop.variants.map((v) => api.gql(SHOP_ADD, { i: { variantId: v.id, quantity: 1 } }, racer)));
    expect(both.map((r) => r.errors)).toEqual([undefined, undefined]);
    expect(new Set(both.map((r) => r.data.addCartLine.cart.id)).size).toBe(1);
    const raced = await p.cart.findMany({ where: { userId: racerUser.id }, select: { status: true, items: { select: { quantity: true } } } });
    expect(raced).toEqual([{ status: 'OPEN', items: [{ quantity: 1 }, { quantity: 1 }] }]);
  });
});
