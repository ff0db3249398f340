import { randomBytes } from 'node:crypto';
import { Queue } from 'bullmq';
import { bullConnectionFromEnv } from '@vitrine/shared/jobs';
import { returnTime } from '@vitrine/customs';
import type { ApiHarness } from '../support/api-harness';
import { CarrierLoopback } from '../support/carrier-loopback';
import { ADD_LINE, PLACE_ORDER, placeOrderInput, residentId, seedFx, seedShop, startCheckoutApi, type Shop } from '../support/checkout-fixtures';
import { CustomsLoopback } from '../support/customs-loopback';
import { signingKeys } from '../support/pipeline-fixtures';
import type { StripeLoopback } from '../support/stripe-loopback';
import { dropQueues, startWorker, until, waitForOutput } from '../support/worker-process';

/**
 * A refund while customs still has the order (declared and accepted, not released): the
 * worker withdraws the order declaration (a signed CEB311 with appType 3, which the customs
 * loopback checks), the pipeline stops there (a clearance arriving afterwards moves nothing
 * and no parcel is booked), the units go back on sale and the shopper's yearly quota is
 * given back.
 */
describe('refund while the order is in customs', () => {
  let api: ApiHarness;
  let stripe: StripeLoopback;
  let close: () => Promise<void>;
  let customs: CustomsLoopback;
  let carrier: CarrierLoopback;
  let shop: Shop;
  const keys = signingKeys();
  const prefix = `test-withdraw-${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    // A yearly quota of 300 CNY: one order of 201 CNY fits, a second one only once the first is refunded.
    ({ api, stripe, close } = await startCheckoutApi({ QUEUE_PREFIX: prefix, CBEC_ANNUAL_LIMIT_MINOR: '30000' }));
    await seedFx(api.db.prisma, '7.8000');
    shop = await seedShop(api.db.prisma, { prices: [2_500], stock: 20 });
    // Customs accepts the three documents but takes its time to release the parcel.
    customs = await CustomsLoopback.start({ publicKey: keys.publicKey, defer: () => true });
    carrier = await CarrierLoopback.start();
  });
  afterAll(async () => {
    await customs.close();
    await carrier.close();
    await close();
    await dropQueues(prefix);
    delete process.env['QUEUE_PREFIX'];
    delete process.env['CBEC_ANNUAL_LIMIT_MINOR'];
  });

  async function checkout(key: string, id?: string) {
    const added: any = await api.gql(ADD_LINE, { i: { variantId: shop.variants[0]!.id, quantity: 1, cartToken: null } });
    return api.gql(PLACE_ORDER, { i: placeOrderInput(added.data.addCartLine.cart.id, key, { cartToken: added.data.addCartLine.cartToken, ...(id ? { id } : {}) }) });
  }

  it('withdraws the declaration, stops the pipeline, returns the stock and the quota', async () => {
    const placed: any = await checkout(`withdraw-${prefix}`);
    expect(placed.errors).toBeUndefined();
    const order = placed.data.placeOrder.orders[0];
    const paymentIntentId = placed.data.placeOrder.payment.paymentIntentId;
    expect(await stripe.deliver(api.baseUrl, stripe.succeed(paymentIntentId))).toBe(200);
    const status = async () => (await api.db.prisma.order.findUniqueOrThrow({ where: { id: order.id } })).status;

    const worker = startWorker({ DATABASE_URL: api.db.url, QUEUE_PREFIX: prefix, ...customs.env, ...carrier.env, ...keys.env });
    try {
      await waitForOutput(worker, /worker ready/);
      await until('the order submitted to customs', async () => (await status()) === 'CUSTOMS_SUBMITTED', 60_000, worker);
      // The quota is taken while customs has the order.
      expect((await checkout(`withdraw-second-${prefix}`)).errors?.[0]?.extensions?.['code']).toBe('ANNUAL_LIMIT_EXCEEDED');

      expect(await stripe.deliver(api.baseUrl, stripe.refund(paymentIntentId))).toBe(200);
      expect(await status()).toBe('REFUNDED');
      await until('the declaration withdrawn', async () => (await api.db.prisma.customsMessage.findUniqueOrThrow({ where: { orderId_document_subject: { orderId: order.id, document: 'ORDER', subject: '' } } })).status === 'WITHDRAWN', 30_000, worker);

      // Customs got a signed withdrawal naming the order, without lines or identity.
      const withdrawal = customs.withdrawalOf(order.number)!;
      expect(withdrawal).toMatchObject({ 'ceb:appType': '3', 'ceb:orderNo': order.number, 'ceb:orderType': 'I', 'ceb:appStatus': '2' });
      expect(withdrawal['ceb:note']).toMatch(/refunded/);
      expect(customs.stats.badSignatures).toBe(0);
      // Customs will not release it now; even a clearance receipt sent anyway moves nothing.
      customs.decide(order.number);
      expect(customs.feed.filter((r) => r.orderNo === order.number)).toEqual([]);
      customs.feed.push({ guid: randomBytes(16).toString('hex'), businessNo: order.number, orderNo: order.number, returnStatus: '800', returnTime: returnTime(new Date()), returnInfo: '放行' });
      await until('the late receipt read', async () => (await api.db.prisma.customsReceipt.count({ where: { message: { orderId: order.id }, returnStatus: '800' } })) === 1, 30_000, worker);
      await new Promise((r) => setTimeout(r, 500));
    } finally {
      await worker.stop('SIGTERM');
    }

    expect(await status()).toBe('REFUNDED');
    const history = await api.db.prisma.orderStatusChange.findMany({ where: { orderId: order.id }, orderBy: { id: 'asc' }, select: { toStatus: true } });
    expect(history.map((h) => h.toStatus)).toEqual(['PENDING_PAYMENT', 'PAID', 'CUSTOMS_SUBMITTED', 'REFUNDED']);
    expect((await api.db.prisma.customsMessage.findMany({ where: { orderId: order.id }, orderBy: { document: 'asc' }, select: { document: true, status: true } })).map((m) => `${m.document}:${m.status}`)).toEqual([
      'ORDER:WITHDRAWN',
      'PAYMENT:ACCEPTED',
      'WAYBILL:ACCEPTED',
      'INVENTORY:WITHDRAWN',
    ]);
    // The withdrawal is in the audit trail: its transmission and customs' answer.
    const orderMessage = await api.db.prisma.customsMessage.findUniqueOrThrow({ where: { orderId_document_subject: { orderId: order.id, document: 'ORDER', subject: '' } }, include: { receipts: { orderBy: { id: 'asc' } } } });
    expect(orderMessage.receipts.map((r) => [r.returnStatus, r.status])).toEqual([
      ['120', 'ACCEPTED'],
      ['120', 'WITHDRAWN'],
    ]);
    // The late clearance landed on the declaration list, withdrawn with the order: it moved nothing.
    const list = await api.db.prisma.customsMessage.findUniqueOrThrow({ where: { orderId_document_subject: { orderId: order.id, document: 'INVENTORY', subject: '' } }, include: { receipts: { orderBy: { id: 'asc' } } } });
    expect(list.receipts.map((r) => [r.returnStatus, r.status])).toEqual([
      ['120', 'ACCEPTED'],
      ['800', 'CLEARED'],
    ]);
    expect(await api.db.prisma.customsTransmission.count({ where: { messageIds: { has: orderMessage.id } } })).toBe(2);
    // No parcel booked.
    expect(carrier.bookings.size).toBe(0);
    expect(await api.db.prisma.shipment.findUniqueOrThrow({ where: { orderId: order.id }, select: { status: true } })).toEqual({ status: 'WAYBILL_ISSUED' });
    expect(await api.db.prisma.outboxMessage.count({ where: { jobId: `book-shipment.${order.id}` } })).toBe(0);
    // The unit is back on sale, the ledger adds up.
    const ledger = await api.db.prisma.stockMovement.findMany({ where: { locationId: shop.locationId }, orderBy: { id: 'asc' }, select: { kind: true, onHandDelta: true, reservedDelta: true } });
    expect(ledger.map((m) => [m.kind, m.onHandDelta, m.reservedDelta])).toEqual([
      ['RECEIPT', 20, 0],
      ['RESERVE', 0, 1],
      ['COMMIT', 0, 0],
      ['RELEASE', 0, -1],
    ]);
    expect(await api.db.prisma.stockLevel.findMany({ where: { locationId: shop.locationId }, select: { onHand: true, reserved: true } })).toEqual([{ onHand: 20, reserved: 0 }]);
    // The yearly quota is back: the same shopper may order again.
    const again: any = await checkout(`withdraw-third-${prefix}`);
    expect(again.errors).toBeUndefined();
  }, 150_000);

  it('refunded before its declaration: nothing is declared, the withdrawal finds nothing to withdraw and ends', async () => {
    const placed: any = await checkout(`withdraw-early-${prefix}`, residentId(4321));
    expect(placed.errors).toBeUndefined();
    const order = placed.data.placeOrder.orders[0];
    const paymentIntentId = placed.data.placeOrder.payment.paymentIntentId;
    expect(await stripe.deliver(api.baseUrl, stripe.succeed(paymentIntentId))).toBe(200);
    expect(await stripe.deliver(api.baseUrl, stripe.refund(paymentIntentId))).toBe(200);
    expect((await api.db.prisma.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe('REFUNDED');

    // A short carrier timeout: the wait for a declaration possibly in flight is two of them.
    const worker = startWorker({ DATABASE_URL: api.db.url, QUEUE_PREFIX: prefix, ...customs.env, CARRIER_TIMEOUT_MS: '500', ...carrier.env, ...keys.env });
    const queue = new Queue('order-pipeline', { connection: bullConnectionFromEnv(), prefix });
    const done = async (jobId: string) => (await (await queue.getJob(jobId))?.isCompleted()) ?? false;
    try {
      await waitForOutput(worker, /worker ready/);
      await until('the declaration step and the withdrawal done', async () => (await done(`declare-customs.${order.id}`)) && (await done(`withdraw-customs.${order.id}`)), 60_000, worker);
    } finally {
      await queue.close();
      await worker.stop('SIGTERM');
    }
    expect(await api.db.prisma.customsMessage.count({ where: { orderId: order.id } })).toBe(0);
    expect(customs.accepted.has(order.number)).toBe(false);
    expect(carrier.waybills.has(order.number)).toBe(false);
    expect(await api.db.prisma.stockReservation.findMany({ where: { ownerId: order.id }, select: { status: true } })).toEqual([{ status: 'RELEASED' }]);
  }, 120_000);
});
