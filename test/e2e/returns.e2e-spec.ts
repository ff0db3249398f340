import { createUser } from '@vitrine/shared/testing';
import type { ApiHarness } from '../support/api-harness';
import type { CarrierLoopback } from '../support/carrier-loopback';
import { ADD_LINE, PLACE_ORDER, placeOrderInput, residentId, seedShop, type Shop } from '../support/checkout-fixtures';
import type { CustomsLoopback } from '../support/customs-loopback';
import { startPipeline, type PipelineHarness } from '../support/pipeline-harness';
import type { StripeLoopback } from '../support/stripe-loopback';
import { startWorker, until } from '../support/worker-process';

const RETURN_FIELDS = `id status reason lines { lineId quantity acceptedQuantity sellable } returnLogisticsNo late customsStatus refundAmount decisionComment arrivalDeadline history { kind detail }`;
const REQUEST = `mutation($i: RequestReturnInput!) { requestReturn(input: $i) { ${RETURN_FIELDS} } }`;
const DECIDE = `mutation($id: ID!, $accept: Boolean!, $comment: String!) { decideReturn(returnId: $id, accept: $accept, comment: $comment) { ${RETURN_FIELDS} } }`;
const INSPECT = `mutation($i: InspectReturnInput!) { inspectReturn(input: $i) { ${RETURN_FIELDS} } }`;
const ORDER = `query($id: ID!) { order(id: $id) { id status returnDeadline history { to } returns { ${RETURN_FIELDS} } } }`;
// What each line may still return, decided by after-sales (requestReturn's rule).
const RETURNABLE = `query($id: ID!) { order(id: $id) { lines { id returnableQuantity } } }`;
const QUOTA = `query($i: AnnualQuotaInput!) { remainingAnnualQuota(input: $i) { used { amount } } }`;
const LIST = `query($m: ID, $late: Boolean) { museumReturns(museumId: $m, late: $late, first: 20) { totalCount nodes { id status late } } }`;
const NOTICES = `{ myNotices { kind message orderId } }`;

/**
 * Returns as a shopper, a museum and the worker see them: an order taken to DELIVERED by the
 * real worker through the customs and carrier loopbacks, then returned in two parts (a
 * damaged unit accepted, inspected, restocked and refunded with its shipping share; another
 * line refused), bad requests refused with nothing written, a late request refused, and a
 * return whose goods are not at the site by its deadline flagged by the worker. The worker
 * declares each accepted return to customs (CEB625); the yearly quota gives the returned unit
 * back when customs accepts it, once (the refund does not give it back again).
 */
describe('returns', () => {
  let api: ApiHarness;
  let stripe: StripeLoopback;
  let h: PipelineHarness;
  let customs: CustomsLoopback;
  let carrier: CarrierLoopback;
  let worker: ReturnType<typeof startWorker>;
  let shop: Shop;
  let manager: string;
  let otherManager: string;
  let prefix: string;
  const ID = residentId(7301);
  const NAME = '王芳';

  beforeAll(async () => {
    h = await startPipeline('returns', { shop: { prices: [2_500, 4_000], stock: 20 }, worker: { RETURNS_SWEEP_MS: '300' } });
    ({ api, stripe, shop, customs, carrier, prefix, worker } = h as Required<PipelineHarness>);
    manager = await api.login((await createUser(api.db.prisma, 'MUSEUM_MANAGER', { museumIds: [shop.museumId] })).email);
    otherManager = await api.login((await createUser(api.db.prisma, 'MUSEUM_MANAGER', { museumIds: [] })).email);
  }, 180_000);
  afterAll(() => h?.close());

  async function deliveredOrder(shopper: string, key: string, lines = [{ variantId: shop.variants[0]!.id, quantity: 2 }, { variantId: shop.variants[1]!.id, quantity: 1 }]) {
    let cartId = '';
    for (const line of lines) {
      const r: any = await api.gql(ADD_LINE, { i: { ...line, cartToken: null } }, shopper);
      expect(r.errors).toBeUndefined();
      cartId = r.data.addCartLine.cart.id;
    }
    const placed: any = await api.gql(PLACE_ORDER, { i: placeOrderInput(cartId, `${key}-${prefix}`, { id: ID, name: NAME }) }, shopper);
    expect(placed.errors).toBeUndefined();
    const order = placed.data.placeOrder.orders[0];
    expect(await stripe.deliver(api.baseUrl, stripe.succeed(placed.data.placeOrder.payment.paymentIntentId))).toBe(200);
    // Declared, released, shipped and delivered by the real worker through the customs, payment-company and carrier loopbacks.
    await until('the order delivered', async () => (await api.db.prisma.order.findUniqueOrThrow({ where: { id: order.id } })).status === 'DELIVERED', 60_000, worker);
    return { order, paymentIntentId: placed.data.placeOrder.payment.paymentIntentId as string };
  }

  const returnRows = () => api.db.prisma.orderReturn.count();
  const returnable = async (orderId: string, token: string) => {
    const r: any = await api.gql(RETURNABLE, { id: orderId }, token);
    expect(r.errors).toBeUndefined();
    return Object.fromEntries(r.data.order.lines.map((l: any) => [l.id, l.returnableQuantity]));
  };
  const quotaUsed = async (shopper: string) => ((await api.gql(QUOTA, { i: { residentId: ID, name: NAME } }, shopper)) as any).data.remainingAnnualQuota.used.amount as number;

  it('a partial return accepted, inspected, restocked and refunded; another refused; bad and late requests refused; the quota back only once customs accepts', async () => {
    const shopper = await api.login((await createUser(api.db.prisma, 'SHOPPER')).email);
    const stranger = await api.login((await createUser(api.db.prisma, 'SHOPPER')).email);
    const { order, paymentIntentId } = await deliveredOrder(shopper, 'ret-a');
    const [line0, line1] = order.lines as any[];

    // The deadline: 30 days after customs released the order.
    const cleared = await api.db.prisma.orderStatusChange.findFirstOrThrow({ where: { orderId: order.id, toStatus: 'CLEARED' } });
    const view: any = await api.gql(ORDER, { id: order.id }, shopper);
    expect(new Date(view.data.order.returnDeadline).getTime()).toBe(cleared.createdAt.getTime() + 30 * 86_400_000);

    // Bad requests: a stable code each, nothing written.
    const ask = (token: string, lines: { lineId: string; quantity: number }[], reason = 'DAMAGED') =>
      api.gql(REQUEST, { i: { orderId: order.id, reason, photoUrls: ['https://img.example/damaged.jpg'], lines } }, token) as Promise<any>;
    expect((await ask(stranger, [{ lineId: line0.id, quantity: 1 }])).errors[0].extensions.code).toBe('NOT_FOUND');
    const tooMany = await ask(shopper, [{ lineId: line0.id, quantity: 3 }]);
    expect(tooMany.errors[0].extensions).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'input.lines.0.quantity', message: 'at most 2' }] });
    expect((await ask(shopper, [{ lineId: line0.id, quantity: 1 }], 'BORED')).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(await returnRows()).toBe(0);
    expect(await returnable(order.id, shopper)).toEqual({ [line0.id]: 2, [line1.id]: 1 });
    // Another shopper cannot read it through the order either.
    expect(((await api.gql(RETURNABLE, { id: order.id }, stranger)) as any).errors[0].extensions.code).toBe('NOT_FOUND');

    // One damaged unit of line 0.
    const used0 = await quotaUsed(shopper);
    const asked = await ask(shopper, [{ lineId: line0.id, quantity: 1 }]);
    expect(asked.errors).toBeUndefined();
    const ret = asked.data.requestReturn;
    expect(ret).toMatchObject({ status: 'REQUESTED', reason: 'DAMAGED', customsStatus: 'NOT_DECLARED' });
    // The goods must be back at the customs-supervised site within 45 days of release (RETURN_ARRIVAL_DAYS).
    expect(new Date(ret.arrivalDeadline).getTime()).toBe(cleared.createdAt.getTime() + 45 * 86_400_000);
    // The same units again: ALREADY_RETURNED, nothing written.
    expect((await ask(shopper, [{ lineId: line0.id, quantity: 2 }])).errors[0].extensions.code).toBe('ALREADY_RETURNED');
    expect(await returnRows()).toBe(1);
    // The open return holds its unit: one left on line 0, and asking for that one more would pass (checked below).
    expect(await returnable(order.id, shopper)).toEqual({ [line0.id]: 1, [line1.id]: 1 });

    // Another museum's manager cannot see it; the museum's manager accepts it and the worker books the return waybill.
    expect(((await api.gql(DECIDE, { id: ret.id, accept: true, comment: 'ok' }, otherManager)) as any).errors[0].extensions.code).toBe('NOT_FOUND');
    const accepted: any = await api.gql(DECIDE, { id: ret.id, accept: true, comment: 'Sorry about that: send it back' }, manager);
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data.decideReturn.status).toBe('ACCEPTED');
    expect(((await api.gql(DECIDE, { id: ret.id, accept: false, comment: 'again' }, manager)) as any).errors[0].extensions.code).toBe('INVALID_RETURN_STATE');
    await until('the return waybill booked', async () => (await api.db.prisma.orderReturn.findUniqueOrThrow({ where: { id: ret.id } })).returnLogisticsNo !== null, 30_000, worker);
    // With its waybill the worker declares the return to customs (CEB625); once customs accepts
    // it, and only then, the unit's dutiable value leaves the yearly quota (domain.md, Returns).
    await until('customs accepts the return', async () => (await api.db.prisma.orderReturn.findUniqueOrThrow({ where: { id: ret.id } })).customsStatus === 'ACCEPTED', 30_000, worker);
    const declared = [...customs.returnsAccepted.values()];
    expect(declared).toHaveLength(1);
    expect(declared[0].lines).toHaveLength(1);
    // Accepted by customs, not yet received nor refunded: the unit is already back in the quota.
    const restored = used0 - (line0.dutiable - Math.round(line0.dutiable / 2));
    expect(await quotaUsed(shopper)).toBe(restored);
    const booked = carrier.returns.get(ret.id)!;
    // A 9610 order (direct mail from the museum's warehouse abroad) goes back to the supervised site of
    // the port of entry it was cleared at (the customs office's, NINGBO here), not to that warehouse.
    const warehouse = await api.db.prisma.stockLocation.findUniqueOrThrow({ where: { id: shop.locationId } });
    expect(warehouse.kind).toBe('EU_WAREHOUSE');
    expect(booked.parcel).toMatchObject({ orderNo: order.number, destination: 'NINGBO-CBEC-SITE' });
    expect((await api.db.prisma.orderReturn.findUniqueOrThrow({ where: { id: ret.id } })).returnLogisticsNo).toBe(booked.logisticsNo);

    // Not inspected before the parcel is back: RETURN_NOT_RECEIVED, nothing written. The carrier then reports it arrived.
    const early: any = await api.gql(INSPECT, { i: { returnId: ret.id, comment: 'too soon', lines: [{ lineId: line0.id, acceptedQuantity: 1, sellable: true }] } }, manager);
    expect(early.errors[0].extensions.code).toBe('RETURN_NOT_RECEIVED');
    expect(await api.db.prisma.orderReturn.findUniqueOrThrow({ where: { id: ret.id } })).toMatchObject({ status: 'ACCEPTED', receivedAt: null, inspectedAt: null });
    carrier.arriveReturn(ret.id, 'Ningbo cross-border e-commerce supervised site');
    await until('the return parcel arrived', async () => (await api.db.prisma.orderReturn.findUniqueOrThrow({ where: { id: ret.id } })).receivedAt !== null, 30_000, worker);

    // Inspected at the site: sellable, but in China until re-exported, so the warehouse abroad does not
    // count it on hand yet (its ledger says where it is); the refund is goods + tax + its shipping share (seller's fault).
    const onHand = async () => (await api.db.prisma.stockLevel.findUniqueOrThrow({ where: { variantId_locationId: { variantId: line0.variantId, locationId: shop.locationId } } })).onHand;
    const before = await onHand();
    const inspected: any = await api.gql(INSPECT, { i: { returnId: ret.id, comment: 'cracked box', lines: [{ lineId: line0.id, acceptedQuantity: 1, sellable: true }] } }, manager);
    expect(inspected.errors).toBeUndefined();
    const freight0 = line0.total - line0.goods - line0.tax;
    const unit = Math.round(line0.goods / 2) + Math.round(line0.tax / 2) + Math.round(freight0 / 2);
    expect(inspected.data.inspectReturn).toMatchObject({ status: 'REFUNDED', refundAmount: unit, lines: [{ acceptedQuantity: 1, sellable: true }] });
    expect(await onHand()).toBe(before);
    const movement = await api.db.prisma.stockMovement.findFirstOrThrow({ where: { reference: ret.id } });
    expect(movement).toMatchObject({ kind: 'RETURN', locationId: shop.locationId, onHandDelta: 0, reservedDelta: 0, note: 'returned: 1 sellable, held at NINGBO-CBEC-SITE until re-exported here' });
    const atStripe = [...stripe.refunds.values()].filter((r) => r['payment_intent'] === paymentIntentId);
    expect(atStripe.map((r) => r['amount'])).toEqual([unit]);
    expect(await stripe.deliver(api.baseUrl, stripe.refunded(paymentIntentId))).toBe(200);
    expect((await api.db.prisma.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe('DELIVERED');
    // Refunded: the quota, given back when customs accepted the return, does not move again.
    expect(await quotaUsed(shopper)).toBe(restored);

    // A second return on the same order: line 1, changed mind, refused.
    const second: any = await ask(shopper, [{ lineId: line1.id, quantity: 1 }], 'CHANGED_MIND');
    expect(second.errors).toBeUndefined();
    const refused: any = await api.gql(DECIDE, { id: second.data.requestReturn.id, accept: false, comment: 'Opened and used' }, manager);
    expect(refused.data.decideReturn).toMatchObject({ status: 'REFUSED', decisionComment: 'Opened and used' });
    // Inspected returns hold what was accepted (1 of line 0), refused ones nothing.
    expect(await returnable(order.id, shopper)).toEqual({ [line0.id]: 1, [line1.id]: 1 });
    // The manager reads the same figures on the order.
    expect(await returnable(order.id, manager)).toEqual({ [line0.id]: 1, [line1.id]: 1 });

    expect(await quotaUsed(shopper)).toBe(restored);

    // The shopper sees every step on the order and in their notices.
    const after: any = await api.gql(ORDER, { id: order.id }, shopper);
    expect(after.data.order.returns.map((r: any) => r.status)).toEqual(['REFUNDED', 'REFUSED']);
    expect(after.data.order.returns[0].history.map((h: any) => h.kind)).toEqual(['REQUESTED', 'ACCEPTED', 'WAYBILL', 'CUSTOMS_ACCEPTED', 'ARRIVED', 'INSPECTED', 'REFUNDED']);
    const notices: any = await api.gql(NOTICES, {}, shopper);
    expect(notices.data.myNotices.map((n: any) => n.kind)).toEqual(['REFUSED', 'REQUESTED', 'REFUNDED', 'INSPECTED', 'ARRIVED', 'CUSTOMS_ACCEPTED', 'WAYBILL', 'ACCEPTED', 'REQUESTED']);
    expect(((await api.gql(NOTICES, {}, stranger)) as any).data.myNotices).toEqual([]);
    // The console's list: the museum's manager sees both, another manager none.
    expect(((await api.gql(LIST, { m: shop.museumId }, manager)) as any).data.museumReturns.totalCount).toBe(2);
    expect(((await api.gql(LIST, { m: shop.museumId }, otherManager)) as any).errors[0].extensions.code).toBe('NOT_FOUND');

    // The rest of line 0 can still be returned; then the window closes (release moved 31 days back).
    const third: any = await ask(shopper, [{ lineId: line0.id, quantity: 1 }], 'WRONG_ITEM');
    expect(third.errors).toBeUndefined();
    expect(await returnable(order.id, shopper)).toEqual({ [line0.id]: 0, [line1.id]: 1 });
    await api.db.prisma.orderStatusChange.update({ where: { id: cleared.id }, data: { createdAt: new Date(Date.now() - 31 * 86_400_000) } });
    const count = await returnRows();
    const late: any = await ask(shopper, [{ lineId: line1.id, quantity: 1 }]);
    expect(late.errors[0].extensions.code).toBe('RETURN_WINDOW_CLOSED');
    expect(await returnRows()).toBe(count);

    // The third return accepted but its goods not at the site by the deadline: the worker flags it.
    expect(((await api.gql(DECIDE, { id: third.data.requestReturn.id, accept: true, comment: 'send it' }, manager)) as any).errors).toBeUndefined();
    await api.db.prisma.orderReturn.update({ where: { id: third.data.requestReturn.id }, data: { arrivalDeadline: new Date(Date.now() - 1000) } });
    await until('the late return flagged', async () => (await api.db.prisma.orderReturn.findUniqueOrThrow({ where: { id: third.data.requestReturn.id } })).lateAt !== null, 30_000, worker);
    const flagged: any = await api.gql(LIST, { m: shop.museumId, late: true }, manager);
    expect(flagged.data.museumReturns.nodes).toEqual([{ id: third.data.requestReturn.id, status: 'ACCEPTED', late: true }]);
  }, 240_000);

  it('a 1210 return goes back to the bonded warehouse the order left, and is back on sale there when the museum says so', async () => {
    const bonded = await seedShop(api.db.prisma, { prices: [3_000], stock: 10, kind: 'BONDED_WAREHOUSE_CN' });
    const bondedManager = await api.login((await createUser(api.db.prisma, 'MUSEUM_MANAGER', { museumIds: [bonded.museumId] })).email);
    const shopper = await api.login((await createUser(api.db.prisma, 'SHOPPER')).email);
    const { order } = await deliveredOrder(shopper, 'ret-1210', [{ variantId: bonded.variants[0]!.id, quantity: 2 }]);
    expect(order.customsMode).toBe('1210');
    const line = order.lines[0];
    const asked: any = await api.gql(REQUEST, { i: { orderId: order.id, reason: 'WRONG_ITEM', photoUrls: ['https://img.example/wrong.jpg'], lines: [{ lineId: line.id, quantity: 1 }] } }, shopper);
    expect(asked.errors).toBeUndefined();
    const id = asked.data.requestReturn.id;
    expect(((await api.gql(DECIDE, { id, accept: true, comment: 'send it back' }, bondedManager)) as any).errors).toBeUndefined();
    await until('the return waybill booked', async () => (await api.db.prisma.orderReturn.findUniqueOrThrow({ where: { id } })).returnLogisticsNo !== null, 30_000, worker);
    const location = await api.db.prisma.stockLocation.findUniqueOrThrow({ where: { id: bonded.locationId } });
    expect(carrier.returns.get(id)!.parcel).toMatchObject({ orderNo: order.number, destination: location.code });
    carrier.arriveReturn(id);
    await until('the return parcel arrived', async () => (await api.db.prisma.orderReturn.findUniqueOrThrow({ where: { id } })).receivedAt !== null, 30_000, worker);
    const level = () => api.db.prisma.stockLevel.findUniqueOrThrow({ where: { variantId_locationId: { variantId: line.variantId, locationId: bonded.locationId } } });
    const before = (await level()).onHand;
    const inspected: any = await api.gql(INSPECT, { i: { returnId: id, comment: 'as new', lines: [{ lineId: line.id, acceptedQuantity: 1, sellable: true }] } }, bondedManager);
    expect(inspected.errors).toBeUndefined();
    expect((await level()).onHand).toBe(before + 1);
    expect(await api.db.prisma.stockMovement.findFirstOrThrow({ where: { reference: id } })).toMatchObject({ kind: 'RETURN', locationId: bonded.locationId, onHandDelta: 1, note: 'returned: 1 back on sale' });
  }, 180_000);
});
