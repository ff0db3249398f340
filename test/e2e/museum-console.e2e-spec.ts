import { createMuseum, createUser } from '@vitrine/shared/testing';
import { codeOf, type ApiHarness } from '../support/api-harness';
import { ADD_LINE, PLACE_ORDER, placeOrderInput, seedFx, seedShop, setStock, startCheckoutApi, type Shop } from '../support/checkout-fixtures';
import { ORDER_TOTAL_MINOR, seedPaidOrders } from '../support/pipeline-fixtures';
import { watchStatements } from '../support/sql-counter';
import type { StripeLoopback } from '../support/stripe-loopback';

jest.setTimeout(60_000);

const DASHBOARD = `query($m: ID, $tz: String, $t: Int, $f: Int) {
  museumDashboard(museumId: $m, timeZone: $tz, lowStockThreshold: $t, lowStockFirst: $f) {
    timeZone today { day orders totalCny goodsCny totalEur goodsEur } month { month orders totalCny totalEur goodsEur }
    daily { day orders totalCny } ordersByStatus { status count } heldAtCustoms
    lowStock { threshold totalCount levels { sku locationCode available productName { en zhCN } } } } }`;
const ORDERS = `query($m: ID, $f: OrderFilterInput, $s: OrderSort, $first: Int, $after: String) {
  museumOrders(museumId: $m, filter: $f, sort: $s, first: $first, after: $after) {
    nodes { id number total createdAt } pageInfo { endCursor hasNextPage } totalCount } }`;
const MOVEMENTS = `query($l: ID!, $v: ID!, $first: Int, $after: String) {
  stockMovements(locationId: $l, variantId: $v, first: $first, after: $after) {
    nodes { id kind onHandDelta reservedDelta reference note } pageInfo { endCursor hasNextPage } totalCount } }`;

/** What a museum manager's console reads and does beyond the basics: figures, search, refunds, the stock ledger. */
describe('museum console API: dashboard, order search, refunds per line, stock ledger', () => {
  let api: ApiHarness;
  let stripe: StripeLoopback;
  let close: () => Promise<void>;
  let shop: Shop;

  beforeAll(async () => {
    ({ api, stripe, close } = await startCheckoutApi());
    await seedFx(api.db.prisma, '7.8000');
    shop = await seedShop(api.db.prisma, { prices: [2_500, 4_000], stock: 30 });
  });
  afterAll(() => close());

  async function managerOf(...museumIds: string[]) {
    const user = await createUser(api.db.prisma, 'MUSEUM_MANAGER', { museumIds });
    return api.login(user.email);
  }

  it('adds up paid, not refunded sales today and this month in CNY and EUR, orders per state and low stock, in a fixed number of queries', async () => {
    const paid = await seedPaidOrders(api.db.prisma, 4);
    // One refunded and one held: the refunded one is no sale, the held one still is.
    await api.db.prisma.order.update({ where: { id: paid.orderIds[0] }, data: { status: 'REFUNDED', refundedAt: new Date() } });
    await api.db.prisma.order.update({ where: { id: paid.orderIds[1] }, data: { status: 'HELD' } });
    const location = await api.db.prisma.stockLocation.findFirstOrThrow({ where: { museumId: paid.museumId } });
    const variant = await api.db.prisma.productVariant.findFirstOrThrow({ where: { museumId: paid.museumId } });
    await setStock(api.db.prisma, location.id, variant.id, 3);
    const token = await managerOf(paid.museumId);

    const sql = watchStatements(api.db.name);
    try {
      const r = await api.gql(DASHBOARD, { m: paid.museumId, tz: 'UTC', t: 5, f: 10 }, token);
      expect(r.errors).toBeUndefined();
      const d = r.data.museumDashboard;
      const eur = Math.round(ORDER_TOTAL_MINOR / 7.8);
      expect(d.today).toMatchObject({ day: new Date().toISOString().slice(0, 10), orders: 3, totalCny: 3 * ORDER_TOTAL_MINOR, totalEur: 3 * eur });
      expect(d.today.goodsEur).toBeGreaterThan(0);
      expect(d.month).toMatchObject({ month: new Date().toISOString().slice(0, 7), orders: 3, totalCny: 3 * ORDER_TOTAL_MINOR });
      expect(d.daily).toHaveLength(30);
      expect(d.daily.reduce((s: number, x: { orders: number }) => s + x.orders, 0)).toBe(3);
      const byStatus = Object.fromEntries(d.ordersByStatus.map((c: { status: string; count: number }) => [c.status, c.count]));
      expect(byStatus).toMatchObject({ PAID: 2, HELD: 1, REFUNDED: 1, PENDING_PAYMENT: 0 });
      expect(d.heldAtCustoms).toBe(1);
      expect(d.lowStock).toMatchObject({ threshold: 5, totalCount: 1, levels: [{ sku: variant.sku, locationCode: location.code, available: 3, productName: { en: 'Postcards' } }] });
      // Aggregates, not order pages: the same few statements whatever the number of orders.
      const statements = sql.take().filter((q) => !/^(BEGIN|COMMIT|ROLLBACK)/i.test(q.trim()));
      expect(statements.length).toBeLessThanOrEqual(6);
      expect(statements.filter((q) => /FROM "?public"?\."?orders"?\s/i.test(q) && !/count|sum/i.test(q))).toEqual([]);
    } finally {
      sql.restore();
    }

    // Another museum's manager, a bad time zone, a page too large.
    const outsider = await managerOf((await createMuseum(api.db.prisma)).id);
    expect(codeOf(await api.gql(DASHBOARD, { m: paid.museumId, tz: 'UTC' }, outsider))).toBe('NOT_FOUND');
    expect(codeOf(await api.gql(DASHBOARD, { m: paid.museumId, tz: 'Mars/Olympus' }, token))).toBe('VALIDATION_FAILED');
    expect(codeOf(await api.gql(DASHBOARD, { m: paid.museumId, f: 101 }, token))).toBe('VALIDATION_FAILED');
    // Without a museum: all the manager's museums; the outsider's own museum has nothing.
    const own = await api.gql(DASHBOARD, {}, outsider);
    expect(own.data.museumDashboard.today.orders).toBe(0);
  });

  it('searches, filters by state and dates, and sorts orders on the server, with cursors that follow the sort', async () => {
    const paid = await seedPaidOrders(api.db.prisma, 3, { prefix: 'VTSEARCH' });
    await api.db.prisma.order.update({ where: { id: paid.orderIds[2] }, data: { totalMinor: 99_000, goodsMinor: 99_000 - 5_093, status: 'SHIPPED' } });
    await api.db.prisma.order.update({ where: { id: paid.orderIds[0] }, data: { totalMinor: 1_000, goodsMinor: 1_000, shippingMinor: 0, taxMinor: 0, createdAt: new Date('2026-01-15T10:00:00Z') } });
    const token = await managerOf(paid.museumId);
    const list = async (vars: Record<string, unknown>) => {
      const r = await api.gql(ORDERS, { m: paid.museumId, ...vars }, token);
      expect(r.errors).toBeUndefined();
      return r.data.museumOrders;
    };

    expect((await list({ f: { search: 'vtsearch-000002' } })).nodes.map((o: { number: string }) => o.number)).toEqual(['VTSEARCH-000002']);
    expect((await list({ f: { search: '王芳' } })).totalCount).toBe(3);
    expect((await list({ f: { search: '%' } })).totalCount).toBe(0);
    expect((await list({ f: { status: 'SHIPPED' } })).nodes.map((o: { id: string }) => o.id)).toEqual([paid.orderIds[2]]);
    const january = await list({ f: { createdFrom: '2026-01-01T00:00:00Z', createdBefore: '2026-02-01T00:00:00Z' } });
    expect(january.nodes.map((o: { id: string }) => o.id)).toEqual([paid.orderIds[0]]);

    // By total, one per page: the cursor carries the total.
    const seen: number[] = [];
    let after: string | null = null;
    for (let i = 0; i < 3; i++) {
      const page: { nodes: { total: number }[]; pageInfo: { endCursor: string; hasNextPage: boolean } } = await list({ s: 'TOTAL_DESC', first: 1, after });
      seen.push(page.nodes[0]!.total);
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual([99_000, ORDER_TOTAL_MINOR, 1_000]);
    expect((await list({ s: 'TOTAL_ASC', first: 3 })).nodes.map((o: { total: number }) => o.total)).toEqual([1_000, ORDER_TOTAL_MINOR, 99_000]);
    expect((await list({ s: 'OLDEST', first: 1 })).nodes[0].id).toBe(paid.orderIds[0]);

    // A creation-time cursor is refused under a total sort; bad filters write nothing and say why.
    const newest = await list({ first: 1 });
    expect(codeOf(await api.gql(ORDERS, { m: paid.museumId, s: 'TOTAL_ASC', after: newest.pageInfo.endCursor }, token))).toBe('VALIDATION_FAILED');
    expect(codeOf(await api.gql(ORDERS, { m: paid.museumId, f: { search: 'x'.repeat(101) } }, token))).toBe('VALIDATION_FAILED');
  });

  it('refunds some units of a line of a paid order through Stripe, lists the refund on the order, and refuses more than the line holds', async () => {
    let token: string | null = null;
    let cartId = '';
    for (const line of [
      { variantId: shop.variants[0]!.id, quantity: 3 },
      { variantId: shop.variants[1]!.id, quantity: 1 },
    ]) {
      const r: any = await api.gql(ADD_LINE, { i: { ...line, cartToken: token } });
      token = r.data.addCartLine.cartToken ?? token;
      cartId = r.data.addCartLine.cart.id;
    }
    const placed: any = await api.gql(PLACE_ORDER, { i: placeOrderInput(cartId, 'console-partial-refund', { cartToken: token }) });
    expect(placed.errors).toBeUndefined();
    expect(await stripe.deliver(api.baseUrl, stripe.succeed(placed.data.placeOrder.payment.paymentIntentId))).toBe(200);
    const order = placed.data.placeOrder.orders[0];
    const manager = await managerOf(shop.museumId);
    const LINES = `query($id: ID!) { order(id: $id) { status total refundedTotal lines { id sku quantity total variantId } refunds { amount status reason currency } disputes { id } } }`;
    const before: any = await api.gql(LINES, { id: order.id }, manager);
    const line = before.data.order.lines.find((l: { variantId: string }) => l.variantId === shop.variants[0]!.id);
    const REFUND = `mutation($id: ID!, $reason: String!, $lines: [RefundLineInput!]) { refundOrder(id: $id, reason: $reason, lines: $lines) { refundId refundStatus amount order { status } } }`;

    // More units than the line holds, an unknown line, an empty reason: refused, nothing sent to Stripe.
    const refundsBefore = stripe.refunds.size;
    const tooMany = await api.gql(REFUND, { id: order.id, reason: 'damaged', lines: [{ lineId: line.id, quantity: 4 }] }, manager);
    expect(codeOf(tooMany)).toBe('VALIDATION_FAILED');
    expect(tooMany.errors?.[0]?.extensions?.['fields']).toEqual([{ path: 'input.lines.0.quantity', message: 'at most 3' }]);
    expect(codeOf(await api.gql(REFUND, { id: order.id, reason: 'damaged', lines: [{ lineId: order.id, quantity: 1 }] }, manager))).toBe('VALIDATION_FAILED');
    expect(codeOf(await api.gql(REFUND, { id: order.id, reason: '  ', lines: [{ lineId: line.id, quantity: 1 }] }, manager))).toBe('VALIDATION_FAILED');
    expect(stripe.refunds.size).toBe(refundsBefore);

    const expected = Math.round(line.total / 3);
    const r = await api.gql(REFUND, { id: order.id, reason: 'one scarf damaged', lines: [{ lineId: line.id, quantity: 1 }] }, manager);
    expect(r.errors).toBeUndefined();
    expect(r.data.refundOrder).toMatchObject({ amount: expected, order: { status: 'PAID' } });
    expect(stripe.refunds.get(r.data.refundOrder.refundId)).toMatchObject({ amount: expected, metadata: { vitrine_order_id: order.id } });

    const after: any = await api.gql(LINES, { id: order.id }, manager);
    expect(after.data.order).toMatchObject({ status: 'PAID', refundedTotal: expected, refunds: [{ amount: expected, reason: 'one scarf damaged', currency: 'CNY' }], disputes: [] });

    // Another museum's manager cannot refund it, nor learn that it exists.
    const outsider = await managerOf((await createMuseum(api.db.prisma)).id);
    expect(codeOf(await api.gql(REFUND, { id: order.id, reason: 'x' }, outsider))).toBe('NOT_FOUND');

    // The rest of the order: what is left, not the whole total again.
    const rest = await api.gql(REFUND, { id: order.id, reason: 'customer returned everything' }, manager);
    expect(rest.data.refundOrder.amount).toBe(order.total - expected);
  });

  it('shows SKU and product name on levels, the ledger of a variant page by page, and one location by id; other museums get NOT_FOUND', async () => {
    const token = await managerOf(shop.museumId);
    const variant = shop.variants[1]!.id;
    const SET = `mutation($i: SetStockLevelInput!) { setStockLevel(input: $i) { onHand variant { sku productName { en } } } }`;
    for (const onHand of [40, 38]) {
      const r = await api.gql(SET, { i: { locationId: shop.locationId, variantId: variant, onHand, note: `count ${onHand}` } }, token);
      expect(r.errors).toBeUndefined();
      expect(r.data.setStockLevel.variant.sku).toBeTruthy();
    }
    const levels = await api.gql(`query($l: ID!) { stockLevels(locationId: $l, first: 10) { nodes { variantId variant { sku productId } } } }`, { l: shop.locationId }, token);
    const skus = await api.db.prisma.productVariant.findMany({ where: { museumId: shop.museumId }, select: { id: true, sku: true } });
    for (const n of levels.data.stockLevels.nodes) expect(n.variant.sku).toBe(skus.find((s) => s.id === n.variantId)!.sku);

    const first = await api.gql(MOVEMENTS, { l: shop.locationId, v: variant, first: 1 }, token);
    expect(first.errors).toBeUndefined();
    expect(first.data.stockMovements.nodes).toEqual([expect.objectContaining({ kind: 'ADJUSTMENT', onHandDelta: -2, note: 'count 38' })]);
    const second = await api.gql(MOVEMENTS, { l: shop.locationId, v: variant, first: 1, after: first.data.stockMovements.pageInfo.endCursor }, token);
    expect(second.data.stockMovements.nodes[0]).toMatchObject({ kind: 'ADJUSTMENT', note: 'count 40' });
    // The ledger adds up to the level.
    const all = await api.gql(MOVEMENTS, { l: shop.locationId, v: variant, first: 100 }, token);
    const level = await api.db.prisma.stockLevel.findUniqueOrThrow({ where: { variantId_locationId: { variantId: variant, locationId: shop.locationId } } });
    expect(all.data.stockMovements.totalCount).toBe(all.data.stockMovements.nodes.length);
    expect(all.data.stockMovements.nodes.reduce((s: number, m: { onHandDelta: number }) => s + m.onHandDelta, 0)).toBe(level.onHand);
    expect(all.data.stockMovements.nodes.reduce((s: number, m: { reservedDelta: number }) => s + m.reservedDelta, 0)).toBe(level.reserved);

    const LOCATION = `query($id: ID!) { stockLocation(id: $id) { id code kind customsMode } }`;
    expect((await api.gql(LOCATION, { id: shop.locationId }, token)).data.stockLocation).toMatchObject({ id: shop.locationId, customsMode: '9610' });
    const outsider = await managerOf((await createMuseum(api.db.prisma)).id);
    expect(codeOf(await api.gql(LOCATION, { id: shop.locationId }, outsider))).toBe('NOT_FOUND');
    expect(codeOf(await api.gql(LOCATION, { id: 'not-a-uuid' }, token))).toBe('NOT_FOUND');
    expect(codeOf(await api.gql(MOVEMENTS, { l: shop.locationId, v: variant }, outsider))).toBe('NOT_FOUND');
    expect(codeOf(await api.gql(MOVEMENTS, { l: shop.locationId, v: variant, first: 101 }, token))).toBe('VALIDATION_FAILED');
    expect(codeOf(await api.gql(MOVEMENTS, { l: shop.locationId, v: variant, after: 'bad' }, token))).toBe('VALIDATION_FAILED');
  });
});
