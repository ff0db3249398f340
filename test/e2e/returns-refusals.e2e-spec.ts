import { createUser } from '@vitrine/shared/testing';
import type { ApiHarness } from '../support/api-harness';
import type { CarrierLoopback } from '../support/carrier-loopback';
import { ADD_LINE, PLACE_ORDER, placeOrderInput, residentId, type Shop } from '../support/checkout-fixtures';
import type { CustomsLoopback } from '../support/customs-loopback';
import { startPipeline, type PipelineHarness } from '../support/pipeline-harness';
import type { StripeLoopback } from '../support/stripe-loopback';
import { startWorker, until } from '../support/worker-process';

const RETURN_FIELDS = `id status customsStatus refundAmount lines { lineId quantity acceptedQuantity } history { kind detail }`;
const REQUEST = `mutation($i: RequestReturnInput!) { requestReturn(input: $i) { ${RETURN_FIELDS} } }`;
const DECIDE = `mutation($id: ID!) { decideReturn(returnId: $id, accept: true, comment: "send it back") { ${RETURN_FIELDS} } }`;
const INSPECT = `mutation($i: InspectReturnInput!) { inspectReturn(input: $i) { ${RETURN_FIELDS} } }`;
const REFUND_AGAIN = `mutation($id: ID!) { refundReturn(returnId: $id) { ${RETURN_FIELDS} } }`;
const ORDER = `query($id: ID!) { order(id: $id) { id status returns { ${RETURN_FIELDS} } } }`;
const NAME = '王芳';
// A yearly quota of 3,000 CNY: an order of about 724 CNY fits, and a probe of 20 × 201 CNY does not.
const LIMIT = 300_000;

/**
 * Issue 20, returns that do not go as planned, through the real worker and the customs,
 * carrier and Stripe loopbacks:
 * - customs refuses the return declaration (CEB625 answered 100): the return says so (customs
 *   status REJECTED, the reason in its history, on the order the shopper and the museum read),
 *   and the refunded unit keeps counting against the shopper's yearly quota;
 * - Stripe fails the return's refund (unreachable, then a refund it reports failed later): the
 *   inspection stands, nothing is recorded as refunded and the quota is not given back; asking
 *   again (refundReturn) makes one new refund of the same amount and gives the unit back.
 */
describe('returns refused by customs, refunds that fail', () => {
  let api: ApiHarness;
  let stripe: StripeLoopback;
  let h: PipelineHarness;
  let customs: CustomsLoopback;
  let carrier: CarrierLoopback;
  let worker: ReturnType<typeof startWorker>;
  let shop: Shop;
  let manager: string;
  let prefix: string;
  const refusedByCustoms = new Set<string>();

  beforeAll(async () => {
    h = await startPipeline('return-refusals', {
      apiEnv: { CBEC_ANNUAL_LIMIT_MINOR: String(LIMIT) },
      shop: { prices: [2_500, 4_000], stock: 100 },
      customs: {
        // A return's copNo is its id without dashes, upper-cased.
        rejectRule: (document, copNo) => (document === 'RETURN' && refusedByCustoms.has(copNo) ? '退货商品与申报清单不符 (goods not as listed)' : null),
      },
      worker: {},
    });
    ({ api, stripe, shop, customs, carrier, prefix, worker } = h as Required<PipelineHarness>);
    manager = await api.login((await createUser(api.db.prisma, 'MUSEUM_MANAGER', { museumIds: [shop.museumId] })).email);
  }, 180_000);
  afterAll(() => h?.close());

  async function deliveredOrder(shopper: string, id: string, key: string) {
    let cartId = '';
    for (const line of [{ variantId: shop.variants[0]!.id, quantity: 2 }, { variantId: shop.variants[1]!.id, quantity: 1 }]) {
      const r: any = await api.gql(ADD_LINE, { i: { ...line, cartToken: null } }, shopper);
      expect(r.errors).toBeUndefined();
      cartId = r.data.addCartLine.cart.id;
    }
    const placed: any = await api.gql(PLACE_ORDER, { i: placeOrderInput(cartId, `${key}-${prefix}`, { id, name: NAME }) }, shopper);
    expect(placed.errors).toBeUndefined();
    const order = placed.data.placeOrder.orders[0];
    expect(await stripe.deliver(api.baseUrl, stripe.succeed(placed.data.placeOrder.payment.paymentIntentId))).toBe(200);
    await until('the order delivered', async () => (await api.db.prisma.order.findUniqueOrThrow({ where: { id: order.id } })).status === 'DELIVERED', 60_000, worker);
    return { order, paymentIntentId: placed.data.placeOrder.payment.paymentIntentId as string };
  }

  let probes = 0;
  /**
   * What the yearly quota counts for this identity, as checkout reports it refusing an order too
   * big for what is left (ANNUAL_LIMIT_EXCEEDED's `remaining`; nothing is written).
   */
  const quotaUsed = async (_shopper: string, id: string) => {
    const added: any = await api.gql(ADD_LINE, { i: { variantId: shop.variants[0]!.id, quantity: 20, cartToken: null } });
    const r: any = await api.gql(PLACE_ORDER, { i: placeOrderInput(added.data.addCartLine.cart.id, `probe-${probes++}-${prefix}`, { cartToken: added.data.addCartLine.cartToken, id, name: NAME }) });
    expect(r.errors?.[0]?.extensions?.code).toBe('ANNUAL_LIMIT_EXCEEDED');
    return LIMIT - (r.errors[0].extensions.remaining as number);
  };
  const returnRow = (id: string) => api.db.prisma.orderReturn.findUniqueOrThrow({ where: { id } });
  /** An accepted return of one unit of the order's first line, its waybill booked by the worker. */
  async function acceptedReturn(shopper: string, order: any, reason: string, refuse = false) {
    const line = order.lines[0];
    const asked: any = await api.gql(REQUEST, { i: { orderId: order.id, reason, photoUrls: [], lines: [{ lineId: line.id, quantity: 1 }] } }, shopper);
    expect(asked.errors).toBeUndefined();
    const ret = asked.data.requestReturn;
    if (refuse) refusedByCustoms.add(ret.id.replace(/-/g, '').toUpperCase());
    const accepted: any = await api.gql(DECIDE, { id: ret.id }, manager);
    expect(accepted.errors).toBeUndefined();
    await until('the return waybill booked', async () => (await returnRow(ret.id)).returnLogisticsNo !== null, 30_000, worker);
    return { ret, line };
  }

  it('customs refuses the return declaration: the return says so and the quota keeps the unit, even once it is refunded', async () => {
    const shopper = await api.login((await createUser(api.db.prisma, 'SHOPPER')).email);
    const id = residentId(7701);
    const { order, paymentIntentId } = await deliveredOrder(shopper, id, 'customs-refused');
    const used0 = await quotaUsed(shopper, id);
    const { ret, line } = await acceptedReturn(shopper, order, 'CHANGED_MIND', true);
    await until('customs refuses the return', async () => (await returnRow(ret.id)).customsStatus === 'REJECTED', 30_000, worker);

    // The CEB625 and customs' refusal are on file.
    const message = await api.db.prisma.customsMessage.findUniqueOrThrow({ where: { orderId_document_subject: { orderId: order.id, document: 'RETURN', subject: ret.id } }, include: { receipts: true } });
    expect(message.status).toBe('REJECTED');
    expect(message.receipts.map((r) => [r.returnStatus, r.returnInfo])).toEqual([['100', expect.stringContaining('goods not as listed')]]);
    expect(customs.returnsAccepted.has(ret.id)).toBe(false);

    // The carrier never reports it arrived; the seller has it and marks it received (twice: the second changes nothing).
    const MARK = `mutation($id: ID!) { markReturnReceived(returnId: $id) { id receivedAt } }`;
    const stranger = await api.login((await createUser(api.db.prisma, 'MUSEUM_MANAGER', { museumIds: [] })).email);
    expect(((await api.gql(MARK, { id: ret.id }, stranger)) as any).errors[0].extensions.code).toBe('NOT_FOUND');
    expect((await returnRow(ret.id)).receivedAt).toBeNull();
    const marked: any = await api.gql(MARK, { id: ret.id }, manager);
    expect(marked.errors).toBeUndefined();
    expect((await api.gql(MARK, { id: ret.id }, manager) as any).data.markReturnReceived.receivedAt).toBe(marked.data.markReturnReceived.receivedAt);
    // Inspected and refunded all the same (the seller has the goods back): the unit stays in the quota.
    const inspected: any = await api.gql(INSPECT, { i: { returnId: ret.id, lines: [{ lineId: line.id, acceptedQuantity: 1, sellable: true }] } }, manager);
    expect(inspected.errors).toBeUndefined();
    expect(inspected.data.inspectReturn.status).toBe('REFUNDED');
    expect(await stripe.deliver(api.baseUrl, stripe.refunded(paymentIntentId))).toBe(200);
    expect(await quotaUsed(shopper, id)).toBe(used0);

    // The order tells the shopper and the museum: the return refused by customs, with the reason.
    for (const token of [shopper, manager]) {
      const view: any = await api.gql(ORDER, { id: order.id }, token);
      expect(view.errors).toBeUndefined();
      expect(view.data.order.status).toBe('DELIVERED');
      const [r] = view.data.order.returns;
      expect(r).toMatchObject({ id: ret.id, status: 'REFUNDED', customsStatus: 'REJECTED' });
      expect(r.history.map((h: any) => h.kind)).toEqual(['REQUESTED', 'ACCEPTED', 'WAYBILL', 'CUSTOMS_REJECTED', 'RECEIVED', 'INSPECTED', 'REFUNDED']);
      expect(r.history.find((h: any) => h.kind === 'CUSTOMS_REJECTED').detail).toContain('goods not as listed');
    }
    // Not declared again: a refused declaration is final.
    await new Promise((r) => setTimeout(r, 1_000));
    expect(await api.db.prisma.customsTransmission.count({ where: { messageIds: { has: message.id } } })).toBe(1);
  }, 180_000);

  it('Stripe fails the refund (down, then reported failed later): the inspection stands, the quota is back from customs acceptance on, asking again refunds once', async () => {
    const shopper = await api.login((await createUser(api.db.prisma, 'SHOPPER')).email);
    const id = residentId(7702);
    const { order, paymentIntentId } = await deliveredOrder(shopper, id, 'refund-fails');
    const used0 = await quotaUsed(shopper, id);
    const { ret, line } = await acceptedReturn(shopper, order, 'DAMAGED');
    await until('customs accepts the return', async () => (await returnRow(ret.id)).customsStatus === 'ACCEPTED', 30_000, worker);
    // Customs accepted the return: the unit leaves the yearly quota now, before any refund (domain.md, Returns).
    const restored = await quotaUsed(shopper, id);
    expect(restored).toBeLessThan(used0);
    // Customs' numbers of the released declaration list (its CEB622 receipt) are kept, shown on the order, and name the list in the CEB625.
    const issued = customs.accepted.get(order.number)!;
    expect(issued.invtNo).toMatch(/^\d{8}I\d{9}$/);
    const list = await api.db.prisma.customsMessage.findUniqueOrThrow({ where: { orderId_document_subject: { orderId: order.id, document: 'INVENTORY', subject: '' } } });
    expect({ invtNo: list.invtNo, preNo: list.preNo }).toEqual({ invtNo: issued.invtNo, preNo: issued.preNo });
    const shown: any = await api.gql(`query($id: ID!) { orderFulfilment(orderId: $id) { customsMessages { document invtNo preNo } } }`, { id: order.id }, manager);
    expect(shown.errors).toBeUndefined();
    expect(shown.data.orderFulfilment.customsMessages.find((m: any) => m.document === 'INVENTORY')).toEqual({ document: 'INVENTORY', invtNo: issued.invtNo, preNo: issued.preNo });
    expect(shown.data.orderFulfilment.customsMessages.find((m: any) => m.document === 'ORDER')).toMatchObject({ invtNo: null, preNo: null });
    expect(customs.returnsAccepted.get(ret.id.replace(/-/g, '').toUpperCase())!.head).toMatchObject({ 'ceb:invtNo': issued.invtNo, 'ceb:preNo': issued.preNo });
    const stripeRefunds = () => [...stripe.refunds.values()].filter((r) => r['payment_intent'] === paymentIntentId);
    const lineRefunds = () => api.db.prisma.orderLineRefund.count({ where: { orderId: order.id, cancelledAt: null } });

    // The carrier reports the parcel arrived at the site: inspection may start.
    carrier.arriveReturn(ret.id);
    await until('the return parcel arrived', async () => (await returnRow(ret.id)).receivedAt !== null, 30_000, worker);
    // Stripe is down while the parcel is inspected: the inspection (and restock) stands, no refund is recorded.
    stripe.failNext(100, 503);
    const inspected: any = await api.gql(INSPECT, { i: { returnId: ret.id, lines: [{ lineId: line.id, acceptedQuantity: 1, sellable: false }] } }, manager);
    stripe.failNext(0);
    expect(inspected.errors?.[0]?.extensions?.code).toBe('PAYMENT_PROVIDER_UNAVAILABLE');
    expect(await returnRow(ret.id)).toMatchObject({ status: 'INSPECTED', refundAmountMinor: null });
    expect(stripeRefunds()).toHaveLength(0);
    expect(await lineRefunds()).toBe(0);
    expect(await quotaUsed(shopper, id)).toBe(restored);
    const movement = await api.db.prisma.stockMovement.findFirstOrThrow({ where: { reference: ret.id } });
    expect(movement).toMatchObject({ kind: 'RETURN', onHandDelta: 0 });

    // Asked again: one refund; the quota, given back by customs, does not move again.
    const again: any = await api.gql(REFUND_AGAIN, { id: ret.id }, manager);
    expect(again.errors).toBeUndefined();
    expect(again.data.refundReturn.status).toBe('REFUNDED');
    const amount = again.data.refundReturn.refundAmount as number;
    expect(amount).toBeGreaterThan(0);
    expect(stripeRefunds().map((r) => [r['amount'], r['status']])).toEqual([[amount, 'succeeded']]);
    expect(await lineRefunds()).toBe(1);
    expect(await quotaUsed(shopper, id)).toBe(restored);
    // Asked once more: nothing owed, refused, no second refund.
    expect(((await api.gql(REFUND_AGAIN, { id: ret.id }, manager)) as any).errors[0].extensions.code).toBe('INVALID_RETURN_STATE');
    expect(stripeRefunds()).toHaveLength(1);

    // Then Stripe reports that refund failed (the card was closed): the return owes the shopper again.
    const refundId = (await returnRow(ret.id)).refundId!;
    expect(await stripe.deliver(api.baseUrl, stripe.failRefund(refundId, 'failed'))).toBe(200);
    expect(await lineRefunds()).toBe(0);
    // Customs has the unit back whatever Stripe says of the money: the quota stays restored.
    expect(await quotaUsed(shopper, id)).toBe(restored);
    const retried: any = await api.gql(REFUND_AGAIN, { id: ret.id }, manager);
    expect(retried.errors).toBeUndefined();
    expect(retried.data.refundReturn).toMatchObject({ status: 'REFUNDED', refundAmount: amount });
    expect(stripeRefunds().map((r) => r['amount'])).toEqual([amount, amount]);
    expect(new Set(stripeRefunds().map((r) => r['id'])).size).toBe(2);
    expect(await lineRefunds()).toBe(1);
    expect(await quotaUsed(shopper, id)).toBe(restored);
    const history = (await returnRow(ret.id)) && ((await api.gql(ORDER, { id: order.id }, shopper)) as any).data.order.returns[0].history.map((h: any) => h.kind);
    expect(history).toEqual(['REQUESTED', 'ACCEPTED', 'WAYBILL', 'CUSTOMS_ACCEPTED', 'ARRIVED', 'INSPECTED', 'REFUND_FAILED', 'REFUNDED', 'REFUND_FAILED', 'REFUNDED']);
  }, 180_000);
});
