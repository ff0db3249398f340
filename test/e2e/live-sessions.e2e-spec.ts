import type { AddressInfo } from 'node:net';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createUser } from '@vitrine/shared/testing';
import { createApp } from '../../apps/api/src/app/create-app';
import { codeOf, type ApiHarness, type GqlResult } from '../support/api-harness';
import { ADD_LINE, PLACE_ORDER, placeOrderInput, residentId, seedFx, seedShop, startCheckoutApi, type Shop } from '../support/checkout-fixtures';
import { openSse, type SseClient } from '../support/sse-client';

jest.setTimeout(120_000);

const SESSION_FIELDS = `id museumId title streamUrl phase pinnedProductId productIds
  products { productId name priceMinor available variants { variantId priceMinor available } }
  flashPrices { productId priceMinor endsAt } announcements { id body }`;
const SCHEDULE = `mutation($i: ScheduleLiveSessionInput!) { scheduleLiveSession(input: $i) { ${SESSION_FIELDS} } }`;
const PIN = `mutation($i: PinLiveProductInput!) { pinLiveProduct(input: $i) { id pinnedProductId } }`;
const FLASH = `mutation($i: StartLiveFlashPriceInput!) { startLiveFlashPrice(input: $i) { productId priceMinor startsAt endsAt } }`;
const ANNOUNCE = `mutation($i: PostLiveAnnouncementInput!) { postLiveAnnouncement(input: $i) { id body } }`;
const BAG = `mutation($i: SetLiveSessionBagInput!) { setLiveSessionBag(input: $i) { id productIds } }`;
const ADD_LIVE = `mutation($i: AddLiveCartLineInput!) { addLiveCartLine(input: $i) { cartId cartToken variantId quantity unitPriceMinor currency } }`;
const MANAGED = `query($id: ID!) { managedLiveSession(id: $id) { id sales { productId name orders units revenueMinor } } }`;
const CART = `query($t: String) { cart(cartToken: $t) { id lines { variantId unitPrice } } }`;

describe('live sessions: schedule, host actions, SSE across two API processes, flash price at checkout, sales', () => {
  let api: ApiHarness;
  let close: () => Promise<void>;
  let second: NestExpressApplication;
  let secondUrl: string;
  let louvre: Shop;
  let orsay: Shop;
  let louvreToken: string;
  let orsayToken: string;
  let sessionId: string;
  const viewers: SseClient[] = [];

  beforeAll(async () => {
    ({ api, close } = await startCheckoutApi({ LIVE_STOCK_POLL_MS: '200' }));
    // A second API process on the same database and Redis: viewers on either see every change.
    second = await createApp();
    await second.listen(0, '127.0.0.1');
    secondUrl = `http://127.0.0.1:${(second.getHttpServer().address() as AddressInfo).port}`;
    await seedFx(api.db.prisma, '7.8000');
    louvre = await seedShop(api.db.prisma, { prices: [2_500, 4_000, 1_000], stock: 12 });
    orsay = await seedShop(api.db.prisma, { prices: [1_200], stock: 5 });
    const lm = await createUser(api.db.prisma, 'MUSEUM_MANAGER', { museumIds: [louvre.museumId] });
    const om = await createUser(api.db.prisma, 'MUSEUM_MANAGER', { museumIds: [orsay.museumId] });
    louvreToken = await api.login(lm.email);
    orsayToken = await api.login(om.email);
  });
  afterAll(async () => {
    for (const v of viewers) v.close();
    await second.close();
    await close();
  });

  const p = () => api.db.prisma;
  const gqlAt = async (baseUrl: string, query: string, variables: Record<string, unknown>, token: string | null = null): Promise<GqlResult> => {
    const res = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data: any; errors?: GqlResult['errors'] };
    return { status: res.status, data: body.data ?? null, errors: body.errors };
  };
  const schedule = (over: Record<string, unknown> = {}, token = louvreToken) =>
    api.gql(
      SCHEDULE,
      {
        i: {
          museumId: louvre.museumId,
          title: '卢浮宫夜场直播',
          streamUrl: 'https://live.douyin.example/room/123',
          startsAt: new Date(Date.now() - 60_000).toISOString(),
          endsAt: new Date(Date.now() + 3600_000).toISOString(),
          productIds: [louvre.variants[0]!.productId, louvre.variants[1]!.productId],
          ...over,
        },
      },
      token,
    );

  it('schedules a session with its bag; another museum’s product, another museum and bad input are refused with nothing written', async () => {
    const foreign = await schedule({ productIds: [louvre.variants[0]!.productId, orsay.variants[0]!.productId] });
    expect(codeOf(foreign)).toBe('PRODUCT_NOT_IN_MUSEUM');
    expect(foreign.errors![0]!.extensions!['productIds']).toEqual([orsay.variants[0]!.productId]);
    expect(codeOf(await schedule({}, orsayToken))).toBe('NOT_FOUND');
    const bad = await schedule({ title: ' ' });
    expect(codeOf(bad)).toBe('VALIDATION_FAILED');
    expect(bad.errors![0]!.extensions!['fields'].map((f: any) => f.path).sort()).toEqual(['input.title']);
    expect(codeOf(await schedule({ streamUrl: 'http://insecure.example' }))).toBe('STREAM_URL_NOT_ALLOWED');
    expect(codeOf(await schedule({ endsAt: new Date(Date.now() - 120_000).toISOString(), startsAt: new Date(Date.now() - 180_000).toISOString() }))).toBe('VALIDATION_FAILED');
    expect(await p().liveSession.count()).toBe(0);

    const ok = await schedule();
    expect(ok.errors).toBeUndefined();
    const s = ok.data.scheduleLiveSession;
    sessionId = s.id;
    expect(s).toMatchObject({ phase: 'LIVE', pinnedProductId: null, productIds: [louvre.variants[0]!.productId, louvre.variants[1]!.productId] });
    // 25.00 EUR at 7.8 with the default margin, rounded up to the yuan; 12 units in stock.
    expect(s.products[0]).toMatchObject({ productId: louvre.variants[0]!.productId, available: 12 });
    expect(s.products[0].priceMinor % 100).toBe(0);
    expect(await p().liveSessionProduct.count({ where: { sessionId } })).toBe(2);
  });

  it('keeps other museums’ managers out of the session (NOT_FOUND), and the bag to the museum’s own products', async () => {
    const pid = louvre.variants[0]!.productId;
    expect(codeOf(await api.gql(PIN, { i: { sessionId, productId: pid } }, orsayToken))).toBe('NOT_FOUND');
    expect(codeOf(await api.gql(FLASH, { i: { sessionId, productId: pid, priceMinor: 100, durationSeconds: 60 } }, orsayToken))).toBe('NOT_FOUND');
    expect(codeOf(await api.gql(ANNOUNCE, { i: { sessionId, body: 'hi' } }, orsayToken))).toBe('NOT_FOUND');
    expect(codeOf(await api.gql(BAG, { i: { sessionId, productIds: [] } }, orsayToken))).toBe('NOT_FOUND');
    expect(codeOf(await api.gql(MANAGED, { id: sessionId }, orsayToken))).toBe('NOT_FOUND');
    const list = await api.gql(`{ managedLiveSessions { nodes { id } } }`, {}, orsayToken);
    expect(list.data.managedLiveSessions.nodes).toEqual([]);
    expect(codeOf(await api.gql(BAG, { i: { sessionId, productIds: [orsay.variants[0]!.productId] } }, louvreToken))).toBe('PRODUCT_NOT_IN_MUSEUM');
    expect(codeOf(await api.gql(PIN, { i: { sessionId, productId: louvre.variants[2]!.productId } }, louvreToken))).toBe('PRODUCT_NOT_IN_BAG');
    expect(codeOf(await api.gql(PIN, { i: { sessionId, productId: pid } }, null))).toBe('UNAUTHENTICATED');
    const row = await p().liveSession.findUniqueOrThrow({ where: { id: sessionId }, include: { products: true, announcements: true } });
    expect([row.pinnedProductId, row.products.length, row.announcements.length]).toEqual([null, 2, 0]);
  });

  it('streams pin, announcement, flash and stock to viewers of both API processes, whichever process the host used', async () => {
    viewers.push(await openSse(`${api.baseUrl}/live/${sessionId}/events`), await openSse(`${secondUrl}/live/${sessionId}/events`));
    for (const v of viewers) {
      const snap = await v.next((e) => e.event === 'snapshot');
      expect(snap.data.state.products.map((x: any) => x.available)).toEqual([12, 12]);
    }
    const pid = louvre.variants[1]!.productId;
    // The pin through the second process, the announcement through the first.
    expect((await gqlAt(secondUrl, PIN, { i: { sessionId, productId: pid } }, louvreToken)).errors).toBeUndefined();
    expect((await api.gql(ANNOUNCE, { i: { sessionId, body: '  前 100 名下单送明信片  ' } }, louvreToken)).errors).toBeUndefined();
    for (const v of viewers) {
      expect((await v.next((e) => e.event === 'pin')).data.productId).toBe(pid);
      expect((await v.next((e) => e.event === 'announcement')).data.announcement.body).toBe('前 100 名下单送明信片');
    }
    // Stock changed outside any live action (the manager's stock level): pushed by the per-session watch.
    const SET_STOCK = `mutation($i: SetStockLevelInput!) { setStockLevel(input: $i) { onHand } }`;
    const set = await gqlAt(secondUrl, SET_STOCK, { i: { variantId: louvre.variants[1]!.id, locationId: louvre.locationId, onHand: 9 } }, louvreToken);
    expect(set.errors).toBeUndefined();
    for (const v of viewers) {
      const stock = await v.next((e) => e.event === 'stock' && e.data.products.some((x: any) => x.productId === pid && x.available === 9));
      // Only what moved (the watch's first reading, if it comes now, names the unchanged product too).
      for (const x of stock.data.products) expect(x).toEqual(x.productId === pid ? { productId: pid, available: 9 } : { productId: louvre.variants[0]!.productId, available: 12 });
    }
    // A viewer joining now gets it all in the snapshot.
    const late = await openSse(`${secondUrl}/live/${sessionId}/events`);
    viewers.push(late);
    const snap = (await late.next((e) => e.event === 'snapshot')).data.state;
    expect(snap.pinnedProductId).toBe(pid);
    expect(snap.announcements[0].body).toBe('前 100 名下单送明信片');
    expect(snap.products.find((x: any) => x.productId === pid).available).toBe(9);
    // Unknown session: 404, no stream.
    expect((await fetch(`${api.baseUrl}/live/00000000-0000-4000-8000-000000000000/events`)).status).toBe(404);
  });

  it('prices a line added from the live page at the flash price until it expires, snapshots it on the order, and attributes the order', async () => {
    const v = louvre.variants[0]!;
    const listPrice = (await api.gql(`query($id: ID!) { liveSession(id: $id) { products { productId priceMinor } } }`, { id: sessionId })).data.liveSession.products[0].priceMinor;
    expect(codeOf(await api.gql(FLASH, { i: { sessionId, productId: v.productId, priceMinor: listPrice, durationSeconds: 60 } }, louvreToken))).toBe('FLASH_PRICE_NOT_BELOW_PRICE');
    expect(codeOf(await api.gql(FLASH, { i: { sessionId, productId: louvre.variants[2]!.productId, priceMinor: 100, durationSeconds: 60 } }, louvreToken))).toBe('PRODUCT_NOT_IN_BAG');
    expect(codeOf(await api.gql(FLASH, { i: { sessionId, productId: v.productId, priceMinor: 100, durationSeconds: 5 } }, louvreToken))).toBe('VALIDATION_FAILED');
    expect(await p().liveFlashPrice.count()).toBe(0);

    const flashPrice = listPrice - 5_000;
    const started = await gqlAt(secondUrl, FLASH, { i: { sessionId, productId: v.productId, priceMinor: flashPrice, durationSeconds: 12 } }, louvreToken);
    expect(started.errors).toBeUndefined();
    const endsAt = new Date(started.data.startLiveFlashPrice.endsAt).getTime();
    for (const viewer of viewers) {
      const f = await viewer.next((e) => e.event === 'flash');
      expect(f.data.flash).toMatchObject({ productId: v.productId, priceMinor: flashPrice, endsAt: started.data.startLiveFlashPrice.endsAt });
    }

    // From the live page: the flash price. The same variant added in an ordinary cart: the list price.
    const live = await api.gql(ADD_LIVE, { i: { sessionId, variantId: v.id, quantity: 1 } });
    expect(live.errors).toBeUndefined();
    expect(live.data.addLiveCartLine).toMatchObject({ unitPriceMinor: flashPrice, currency: 'CNY', quantity: 1 });
    const { cartId, cartToken } = live.data.addLiveCartLine;
    const plain = await api.gql(ADD_LINE, { i: { variantId: v.id, quantity: 1 } });
    expect(plain.data.addCartLine.cart.lines[0].unitPrice).toBe(listPrice);
    // Not in the bag: refused, nothing added.
    expect(codeOf(await api.gql(ADD_LIVE, { i: { sessionId, variantId: louvre.variants[2]!.id, quantity: 1, cartToken } }))).toBe('PRODUCT_NOT_IN_BAG');
    expect(codeOf(await api.gql(ADD_LIVE, { i: { sessionId, variantId: orsay.variants[0]!.id, quantity: 1, cartToken } }))).toBe('PRODUCT_NOT_IN_BAG');

    // A second live cart, to check out after the flash price has ended.
    const late = await api.gql(ADD_LIVE, { i: { sessionId, variantId: v.id, quantity: 2 } });
    expect(late.data.addLiveCartLine.unitPriceMinor).toBe(flashPrice);

    const placed = await api.gql(PLACE_ORDER, { i: placeOrderInput(cartId, 'live-order-1', { cartToken, id: residentId(101) }) });
    expect(placed.errors).toBeUndefined();
    const order = placed.data.placeOrder.orders[0];
    expect(order.lines[0]).toMatchObject({ variantId: v.id, unitPrice: flashPrice, goods: flashPrice });
    const line = await p().orderLine.findFirstOrThrow({ where: { orderId: order.id } });
    expect(line.unitPriceMinor).toBe(flashPrice);
    expect(await p().liveSessionOrder.findMany({ select: { orderId: true, sessionId: true } })).toEqual([{ orderId: order.id, sessionId }]);
    // The reservation is a stock change: 12 → 11 on every viewer's page.
    for (const viewer of viewers) await viewer.next((e) => e.event === 'stock' && e.data.products.some((x: any) => x.productId === v.productId && x.available === 11));

    // The console's sales, during the session.
    const sales = await gqlAt(secondUrl, MANAGED, { id: sessionId }, louvreToken);
    expect(sales.data.managedLiveSession.sales).toEqual([{ productId: v.productId, name: expect.any(String), orders: 1, units: 1, revenueMinor: flashPrice }]);

    // After the window: the live cart is back at the list price, and so is its order.
    await new Promise((r) => setTimeout(r, Math.max(0, endsAt - Date.now()) + 300));
    const cart = await api.gql(CART, { t: late.data.addLiveCartLine.cartToken });
    expect(cart.data.cart.lines[0].unitPrice).toBe(listPrice);
    const after = await api.gql(PLACE_ORDER, { i: placeOrderInput(late.data.addLiveCartLine.cartId, 'live-order-2', { cartToken: late.data.addLiveCartLine.cartToken, id: residentId(102) }) });
    expect(after.errors).toBeUndefined();
    expect(after.data.placeOrder.orders[0].lines[0]).toMatchObject({ unitPrice: listPrice, quantity: 2 });
    const final = await api.gql(MANAGED, { id: sessionId }, louvreToken);
    expect(final.data.managedLiveSession.sales).toEqual([{ productId: v.productId, name: expect.any(String), orders: 2, units: 3, revenueMinor: flashPrice + 2 * listPrice }]);
  });
  it('keeps a guest’s live lines live when the guest signs in and the cart merges: flash price and attribution follow', async () => {
    const v = louvre.variants[1]!;
    const listPrice = (await api.gql(`query($id: ID!) { liveSession(id: $id) { products { productId priceMinor } } }`, { id: sessionId })).data.liveSession.products.find((x: any) => x.productId === v.productId).priceMinor;
    const flash = listPrice - 1_000;
    expect((await api.gql(FLASH, { i: { sessionId, productId: v.productId, priceMinor: flash, durationSeconds: 120 } }, louvreToken)).errors).toBeUndefined();
    const guest = await api.gql(ADD_LIVE, { i: { sessionId, variantId: v.id, quantity: 1 } });
    expect(guest.data.addLiveCartLine.unitPriceMinor).toBe(flash);
    const shopper = await createUser(p(), 'SHOPPER');
    const shopperToken = await api.login(shopper.email);
    const merged = await api.gql(`mutation($t: String!) { mergeGuestCart(cartToken: $t) { cart { id lines { variantId unitPrice } } } }`, { t: guest.data.addLiveCartLine.cartToken }, shopperToken);
    expect(merged.errors).toBeUndefined();
    expect(merged.data.mergeGuestCart.cart.lines).toEqual([{ variantId: v.id, unitPrice: flash }]);
    const placed = await api.gql(PLACE_ORDER, { i: placeOrderInput(merged.data.mergeGuestCart.cart.id, 'live-order-merged', { id: residentId(103) }) }, shopperToken);
    expect(placed.errors).toBeUndefined();
    const order = placed.data.placeOrder.orders[0];
    expect(order.lines[0]).toMatchObject({ variantId: v.id, unitPrice: flash });
    expect(await p().liveSessionOrder.count({ where: { orderId: order.id, sessionId } })).toBe(1);
  });
});
