import { RoyaltyAccrualService } from '@vitrine/licensing';
import { createUser } from '@vitrine/shared/testing';
import type { ApiHarness } from '../support/api-harness';
import { ADD_LINE, PLACE_ORDER, licenseAfterSale, placeOrderInput, residentId, seedFx, seedShop, startCheckoutApi, type Shop } from '../support/checkout-fixtures';
import type { StripeLoopback } from '../support/stripe-loopback';

jest.setTimeout(90_000);

const RETURN_FIELDS = `id status refundAmount lines { lineId quantity acceptedQuantity }`;
const REQUEST = `mutation($i: RequestReturnInput!) { requestReturn(input: $i) { ${RETURN_FIELDS} } }`;
const DECIDE = `mutation($id: ID!, $accept: Boolean!, $comment: String!) { decideReturn(returnId: $id, accept: $accept, comment: $comment) { ${RETURN_FIELDS} } }`;
const MARK = `mutation($id: ID!) { markReturnReceived(returnId: $id) { id receivedAt } }`;
const INSPECT = `mutation($i: InspectReturnInput!) { inspectReturn(input: $i) { ${RETURN_FIELDS} } }`;

/** 40.00 EUR at 7.8 × 1.03, whole yuan up: 322 CNY a unit. */
const A = 32_200;

/**
 * Issue 20: "royalties are reversed for co-branded lines" of a return. A licensed line of five
 * units, released and delivered (status changes written as the worker writes them), returns two: once inspected and refunded, the refund queues
 * licensing's accrue-order job in the return's own transaction (outbox), and that job (run here
 * by hand, as the worker would) leaves three units in the royalty ledger; run again, nothing
 * moves. A return refused by the museum reverses nothing.
 */
describe('a return of a co-branded line reverses its royalties', () => {
  let api: ApiHarness;
  let stripe: StripeLoopback;
  let close: () => Promise<void>;
  let shop: Shop;
  let manager: string;
  let accrual: RoyaltyAccrualService;

  beforeAll(async () => {
    ({ api, stripe, close } = await startCheckoutApi());
    await seedFx(api.db.prisma, '7.8000');
    shop = await seedShop(api.db.prisma, { prices: [4_000], stock: 100 });
    manager = await api.login((await createUser(api.db.prisma, 'MUSEUM_MANAGER', { museumIds: [shop.museumId] })).email);
    accrual = api.app.get(RoyaltyAccrualService, { strict: false });
  });
  afterAll(() => close());

  const ledger = async (orderLineId: string) =>
    (await api.db.prisma.royaltyLedgerEntry.aggregate({ where: { orderLineId }, _sum: { units: true, saleMinor: true, royaltyMinor: true } }))._sum;

  /** Five units of the product, paid, then released and delivered as the worker records it. */
  async function deliveredOrder(shopper: string, key: string, n: number) {
    const r: any = await api.gql(ADD_LINE, { i: { variantId: shop.variants[0]!.id, quantity: 5, cartToken: null } }, shopper);
    expect(r.errors).toBeUndefined();
    const placed: any = await api.gql(PLACE_ORDER, { i: placeOrderInput(r.data.addCartLine.cart.id, key, { id: residentId(n) }) }, shopper);
    expect(placed.errors).toBeUndefined();
    expect(await stripe.deliver(api.baseUrl, stripe.succeed(placed.data.placeOrder.payment.paymentIntentId))).toBe(200);
    const order = placed.data.placeOrder.orders[0];
    const at = Date.now() - 2 * 86_400_000;
    await api.db.prisma.orderStatusChange.createMany({
      data: [
        { orderId: order.id, fromStatus: 'PAID', toStatus: 'CUSTOMS_SUBMITTED', reason: 'declared', createdAt: new Date(at) },
        { orderId: order.id, fromStatus: 'CUSTOMS_SUBMITTED', toStatus: 'CLEARED', reason: 'released', createdAt: new Date(at + 60_000) },
        { orderId: order.id, fromStatus: 'CLEARED', toStatus: 'SHIPPED', reason: 'booked', createdAt: new Date(at + 120_000) },
        { orderId: order.id, fromStatus: 'SHIPPED', toStatus: 'DELIVERED', reason: 'delivered', createdAt: new Date(at + 86_400_000) },
      ],
    });
    await api.db.prisma.order.update({ where: { id: order.id }, data: { status: 'DELIVERED' } });
    return { order, line: order.lines[0], paymentIntentId: placed.data.placeOrder.payment.paymentIntentId as string };
  }

  it('inspected and refunded: the returned units leave the royalty ledger, once; a refused return leaves it as it was', async () => {
    const shopper = await api.login((await createUser(api.db.prisma, 'SHOPPER')).email);
    const { order, line, paymentIntentId } = await deliveredOrder(shopper, 'rr-returned', 8201);
    const other = await deliveredOrder(shopper, 'rr-refused', 8202);
    // Licensed once sold (as refund-failed does: licensing first would make the brand, without stock here, the fulfiller).
    await licenseAfterSale(api.db.prisma, shop.museumId, shop.variants[0]!.productId);
    for (const o of [order, other.order]) await accrual.accrueOrder(o.id);
    expect(line.goods).toBe(5 * A);
    expect(await ledger(line.id)).toEqual({ units: 5, saleMinor: 5 * A, royaltyMinor: (5 * A) / 10 });

    const asked: any = await api.gql(REQUEST, { i: { orderId: order.id, reason: 'DAMAGED', photoUrls: [], lines: [{ lineId: line.id, quantity: 2 }] } }, shopper);
    expect(asked.errors).toBeUndefined();
    const id = asked.data.requestReturn.id as string;
    expect(((await api.gql(DECIDE, { id, accept: true, comment: 'send them back' }, manager)) as any).errors).toBeUndefined();
    expect(((await api.gql(MARK, { id }, manager)) as any).errors).toBeUndefined();
    // Nothing reversed before the refund: accepted and received units are still sold.
    await accrual.accrueOrder(order.id);
    expect(await ledger(line.id)).toEqual({ units: 5, saleMinor: 5 * A, royaltyMinor: (5 * A) / 10 });

    const inspected: any = await api.gql(INSPECT, { i: { returnId: id, lines: [{ lineId: line.id, acceptedQuantity: 2, sellable: true }] } }, manager);
    expect(inspected.errors).toBeUndefined();
    expect(inspected.data.inspectReturn.status).toBe('REFUNDED');
    // The reversal is queued with the refund, in its transaction.
    const refundId = (await api.db.prisma.orderReturn.findUniqueOrThrow({ where: { id } })).refundId!;
    expect(await api.db.prisma.outboxMessage.count({ where: { jobId: `licensing.accrue-order.${order.id}.refund-${refundId}` } })).toBe(1);
    expect(await stripe.deliver(api.baseUrl, stripe.refunded(paymentIntentId))).toBe(200);

    // The job as the worker runs it: three units left, royalty on three; run again, nothing moves.
    await accrual.accrueOrder(order.id);
    expect(await ledger(line.id)).toEqual({ units: 3, saleMinor: 3 * A, royaltyMinor: (3 * A) / 10 });
    await accrual.accrueOrder(order.id);
    expect(await ledger(line.id)).toEqual({ units: 3, saleMinor: 3 * A, royaltyMinor: (3 * A) / 10 });

    // A refused return of the same kind: nothing refunded, nothing queued, the ledger as it was.
    const refusedAsk: any = await api.gql(REQUEST, { i: { orderId: other.order.id, reason: 'CHANGED_MIND', photoUrls: [], lines: [{ lineId: other.line.id, quantity: 1 }] } }, shopper);
    expect(refusedAsk.errors).toBeUndefined();
    expect(((await api.gql(DECIDE, { id: refusedAsk.data.requestReturn.id, accept: false, comment: 'opened and used' }, manager)) as any).data.decideReturn.status).toBe('REFUSED');
    await accrual.accrueOrder(other.order.id);
    expect(await ledger(other.line.id)).toEqual({ units: 5, saleMinor: 5 * A, royaltyMinor: (5 * A) / 10 });
  });
});
