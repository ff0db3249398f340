import { randomBytes } from 'node:crypto';
import { createMuseum, createUser } from '@vitrine/shared/testing';
import { codeOf, startApi, type ApiHarness } from '../support/api-harness';
import { watchStatements } from '../support/sql-counter';
import { CarrierLoopback } from '../support/carrier-loopback';
import { CustomsLoopback } from '../support/customs-loopback';
import { seedPaidOrders, signingKeys, statusCounts, type PaidOrders } from '../support/pipeline-fixtures';
import { dropQueues, startWorker, until, waitForOutput } from '../support/worker-process';

/**
 * A museum that hands cleared parcels to the carrier itself (its storefront's autoBookCarrier
 * off): the real worker declares and clears its orders and then waits; the manager's
 * shipOrder, over GraphQL, records the hand-over and enqueues the booking in one
 * transaction; the worker books the parcel (retrying a carrier failure, whose reason the
 * manager sees) and the order becomes SHIPPED. Nothing else is booked, by the settler or by
 * the sweep, and orders that are not cleared, or not the manager's, are refused.
 */
describe('shipping an order by hand', () => {
  let api: ApiHarness;
  let customs: CustomsLoopback;
  let carrier: CarrierLoopback;
  let orders: PaidOrders;
  let tokens: { a: string; b: string };
  const keys = signingKeys();
  const prefix = `test-ship-${randomBytes(4).toString('hex')}`;

  const SHIP = `mutation($o: ID!) { shipOrder(orderId: $o) { orderId status shipment { status handoverRequests handoverRequestedAt lastError bookingAttempts } } }`;
  const FULFILMENT = `query($o: ID!) { orderFulfilment(orderId: $o) { status awaitingHandover shipment { status logisticsNo bookingRef lastError bookingAttempts handoverRequests } } }`;
  const SETTING = `mutation($i: UpdateStorefrontInput!) { updateStorefront(input: $i) { autoBookCarrier } }`;
  const bookingJobs = () => api.db.prisma.outboxMessage.count({ where: { name: 'book-shipment' } });

  beforeAll(async () => {
    api = await startApi();
    customs = await CustomsLoopback.start({ publicKey: keys.publicKey });
    carrier = await CarrierLoopback.start({ deliver: false });
    orders = await seedPaidOrders(api.db.prisma, 2, { withStock: true });
    const other = await createMuseum(api.db.prisma);
    tokens = {
      a: await api.login((await createUser(api.db.prisma, 'MUSEUM_MANAGER', { museumIds: [orders.museumId] })).email),
      b: await api.login((await createUser(api.db.prisma, 'MUSEUM_MANAGER', { museumIds: [other.id] })).email),
    };
  });
  afterAll(async () => {
    await customs.close();
    await carrier.close();
    await dropQueues(prefix);
    await api.close();
  });

  it('lets a manager switch automatic booking off for their storefront only', async () => {
    expect(codeOf(await api.gql(SETTING, { i: { museumId: orders.museumId, autoBookCarrier: false } }, tokens.b))).toBe('NOT_FOUND');
    expect((await api.db.prisma.storefront.findUniqueOrThrow({ where: { museumId: orders.museumId } })).autoBookCarrier).toBe(true);
    expect(codeOf(await api.gql(SETTING, { i: { museumId: orders.museumId, autoBookCarrier: 'no' } }, tokens.a))).toBe('BAD_USER_INPUT');
    const r = await api.gql(SETTING, { i: { museumId: orders.museumId, autoBookCarrier: false } }, tokens.a);
    expect(r.errors).toBeUndefined();
    expect(r.data.updateStorefront.autoBookCarrier).toBe(false);
    // Other edits keep it.
    await api.gql(SETTING, { i: { museumId: orders.museumId, story: { en: 'Our shop' } } }, tokens.a);
    expect((await api.db.prisma.storefront.findUniqueOrThrow({ where: { museumId: orders.museumId } })).autoBookCarrier).toBe(false);
  });

  it('refuses an order customs has not cleared, another museum’s order and garbage ids, writing nothing', async () => {
    const early = await api.gql(SHIP, { o: orders.orderIds[0] }, tokens.a);
    expect(codeOf(early)).toBe('ORDER_NOT_READY_TO_SHIP');
    expect(early.errors![0].message).toMatch(/customs has not released the order \(it is paid\)/);
    expect(early.errors![0].extensions!['status']).toBe('PAID');
    expect(codeOf(await api.gql(SHIP, { o: orders.orderIds[0] }, tokens.b))).toBe('NOT_FOUND');
    expect(codeOf(await api.gql(SHIP, { o: 'not-an-id' }, tokens.a))).toBe('NOT_FOUND');
    expect(codeOf(await api.gql(SHIP, { o: orders.orderIds[0] }, null))).toBe('UNAUTHENTICATED');
    expect(await bookingJobs()).toBe(0);
  });

  it('keeps cleared parcels until the manager ships one, then books it through the worker and shows a failed attempt’s reason', async () => {
    // Sweeps every 300 ms (they must not book either); no tracking polls, so the carrier's
    // one failure below is the booking's.
    const worker = startWorker({
      DATABASE_URL: api.db.url,
      QUEUE_PREFIX: prefix,
      ...customs.env,
      PIPELINE_SWEEP_MS: '300',
      CARRIER_TRACKING_POLL_MS: '600000',
      JOB_BACKOFF_CAP_MS: '1000',
      ...carrier.env,
      ...keys.env,
    });
    try {
      await waitForOutput(worker, /worker ready/);
      await until('both orders cleared', async () => (await statusCounts(api.db.prisma, orders.orderIds))['CLEARED'] === 2, 60_000, worker);
      // A few sweeps later, still waiting for the museum.
      await new Promise((r) => setTimeout(r, 1_500));
      expect(await statusCounts(api.db.prisma, orders.orderIds)).toEqual({ CLEARED: 2 });
      expect(carrier.stats.bookingCalls).toBe(0);
      expect(await bookingJobs()).toBe(0);
      const waiting = await api.gql(FULFILMENT, { o: orders.orderIds[0] }, tokens.a);
      expect(waiting.data.orderFulfilment).toMatchObject({ status: 'CLEARED', awaitingHandover: true, shipment: { status: 'WAYBILL_ISSUED', handoverRequests: 0 } });

      carrier.failNext(1);
      const shipped = await api.gql(SHIP, { o: orders.orderIds[0] }, tokens.a);
      expect(shipped.errors).toBeUndefined();
      expect(shipped.data.shipOrder).toMatchObject({ orderId: orders.orderIds[0], status: 'CLEARED', shipment: { status: 'WAYBILL_ISSUED', handoverRequests: 1 } });
      expect(Date.parse(shipped.data.shipOrder.shipment.handoverRequestedAt)).toBeGreaterThan(Date.now() - 60_000);
      const request = await api.db.prisma.shipment.findUniqueOrThrow({ where: { orderId: orders.orderIds[0] } });
      const manager = await api.db.prisma.user.findFirstOrThrow({ where: { memberships: { some: { museumId: orders.museumId } } } });
      expect(request.handoverRequestedBy).toBe(manager.id);
      expect(await api.db.prisma.outboxMessage.findMany({ where: { name: 'book-shipment' }, select: { jobId: true } })).toEqual([{ jobId: `book-shipment.${orders.orderIds[0]}.h1` }]);

      // The carrier's refusal is kept and shown; the job's retry books the parcel.
      await until('the failed booking recorded', async () => (await api.db.prisma.shipment.findUniqueOrThrow({ where: { orderId: orders.orderIds[0] } })).bookingAttempts >= 1, 30_000, worker);
      await until('the order shipped', async () => (await statusCounts(api.db.prisma, [orders.orderIds[0]]))['SHIPPED'] === 1, 30_000, worker);
      const view = await api.gql(FULFILMENT, { o: orders.orderIds[0] }, tokens.a);
      expect(view.data.orderFulfilment).toMatchObject({ status: 'SHIPPED', awaitingHandover: false, shipment: { status: 'BOOKED', lastError: null, bookingAttempts: 2, handoverRequests: 1 } });
      expect(view.data.orderFulfilment.shipment.bookingRef).toMatch(/^BK-/);
      expect(carrier.bookings.get(view.data.orderFulfilment.shipment.logisticsNo)!.calls).toBe(1);
      // The loopback counts the calls it answered: the refused one is the first bookingAttempt.
      expect(carrier.stats.bookingCalls).toBe(1);

      // The other parcel still waits; a shipped one cannot be shipped again.
      await new Promise((r) => setTimeout(r, 700));
      expect(await statusCounts(api.db.prisma, [orders.orderIds[1]])).toEqual({ CLEARED: 1 });
      expect(carrier.bookings.size).toBe(1);
      const again = await api.gql(SHIP, { o: orders.orderIds[0] }, tokens.a);
      expect(codeOf(again)).toBe('ORDER_NOT_READY_TO_SHIP');
      expect(again.errors![0].message).toMatch(/already with the carrier/);
      expect((await api.db.prisma.shipment.findUniqueOrThrow({ where: { orderId: orders.orderIds[0] } })).handoverRequests).toBe(1);
    } finally {
      await worker.stop('SIGTERM');
    }
    const history = await api.db.prisma.orderStatusChange.findMany({ where: { orderId: orders.orderIds[0] }, orderBy: { id: 'asc' }, select: { toStatus: true } });
    expect(history.map((h) => h.toStatus).slice(-3)).toEqual(['CUSTOMS_SUBMITTED', 'CLEARED', 'SHIPPED']);
    // The shopper follows the parcels of their orders (two statements for any page of orders).
    const shopper = await createUser(api.db.prisma, 'SHOPPER');
    const stranger = await createUser(api.db.prisma, 'SHOPPER');
    await api.db.prisma.order.updateMany({ where: { id: { in: orders.orderIds } }, data: { shopperUserId: shopper.id } });
    const MINE = `query { myOrders(first: 10) { nodes { id status parcel { logisticsNo status bookedAt events { status description } } } } }`;
    const counter = watchStatements(api.db.name);
    const mine = await api.gql(MINE, {}, await api.login(shopper.email));
    const withParcel = counter.take().length;
    await api.gql(`query { myOrders(first: 10) { nodes { id status } } }`, {}, await api.login(shopper.email));
    const withoutParcel = counter.take().length;
    counter.restore();
    expect(mine.errors).toBeUndefined();
    const byId = new Map(mine.data.myOrders.nodes.map((o: { id: string }) => [o.id, o]));
    const manager = await api.gql(`query($o: ID!) { orderFulfilment(orderId: $o) { shipment { logisticsNo status events { status description } } } }`, { o: orders.orderIds[0] }, tokens.a);
    const shipment = manager.data.orderFulfilment.shipment;
    expect(byId.get(orders.orderIds[0])).toMatchObject({ status: 'SHIPPED', parcel: { logisticsNo: shipment.logisticsNo, status: 'BOOKED', events: shipment.events } });
    expect(Date.parse((byId.get(orders.orderIds[0]) as { parcel: { bookedAt: string } }).parcel.bookedAt)).toBeGreaterThan(0);
    expect(byId.get(orders.orderIds[1])).toMatchObject({ status: 'CLEARED', parcel: { status: 'WAYBILL_ISSUED', bookedAt: null, events: [] } });
    expect(withParcel - withoutParcel).toBeLessThanOrEqual(2);
    expect((await api.gql(MINE, {}, await api.login(stranger.email))).data.myOrders.nodes).toEqual([]);

    // The units left the ledger once, as SHIP movements of the shipped order only.
    expect(await api.db.prisma.stockMovement.count({ where: { kind: 'SHIP', reference: orders.orderIds[0] } })).toBe(1);
    expect(await api.db.prisma.stockMovement.count({ where: { kind: 'SHIP', reference: orders.orderIds[1] } })).toBe(0);
  }, 120_000);
});
