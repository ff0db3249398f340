import { createUser } from '@vitrine/shared/testing';
import { codeOf, type ApiHarness } from '../support/api-harness';
import { ADD_LINE, PLACE_ORDER, placeOrderInput, residentId, type Shop } from '../support/checkout-fixtures';
import type { CustomsLoopback } from '../support/customs-loopback';
import { startPipeline, type PipelineHarness } from '../support/pipeline-harness';
import type { StripeLoopback } from '../support/stripe-loopback';
import { startWorker, until, waitForOutput } from '../support/worker-process';

const ORDER = `query($id: ID!) { order(id: $id) { id status history { from to reason } } }`;

/**
 * The payment company verifies who paid: when its answer names someone other than the
 * orderer, the real worker holds the order (HELD, never shipped) and the order's history
 * says why, as the museum's manager reads it over GraphQL.
 */
describe('payer not the orderer', () => {
  let api: ApiHarness;
  let stripe: StripeLoopback;
  let h: PipelineHarness;
  let customs: CustomsLoopback;
  let shop: Shop;
  let prefix: string;
  const ORDERER = { id: residentId(6101), name: '李娜' };
  const PAYER = { idNumber: residentId(6102), name: '王伟' };

  beforeAll(async () => {
    h = await startPipeline('payer', {
      shop: { prices: [2_500], stock: 10 },
      // The payment company knows the card holder as someone else.
      customs: { paymentCompany: { payer: () => PAYER } },
    });
    ({ api, stripe, shop, customs, prefix } = h as Required<PipelineHarness>);
  }, 120_000);
  afterAll(() => h?.close());

  it('holds the order with the reason in its history, shown to the museum manager; nothing shipped', async () => {
    const shopper = await api.login((await createUser(api.db.prisma, 'SHOPPER')).email);
    const added: any = await api.gql(ADD_LINE, { i: { variantId: shop.variants[0]!.id, quantity: 1, cartToken: null } }, shopper);
    expect(added.errors).toBeUndefined();
    const placed: any = await api.gql(PLACE_ORDER, { i: placeOrderInput(added.data.addCartLine.cart.id, `payer-${prefix}`, ORDERER) }, shopper);
    expect(placed.errors).toBeUndefined();
    const order = placed.data.placeOrder.orders[0];
    expect(await stripe.deliver(api.baseUrl, stripe.succeed(placed.data.placeOrder.payment.paymentIntentId))).toBe(200);

    const worker = startWorker(h.workerEnv());
    try {
      await waitForOutput(worker, /worker ready/);
      await until('the order held', async () => (await api.db.prisma.order.findUniqueOrThrow({ where: { id: order.id } })).status === 'HELD', 60_000, worker);
      // A few more sweeps: it stays held, no parcel booked.
      await new Promise((r) => setTimeout(r, 2_000));
    } finally {
      await worker.stop('SIGTERM');
    }
    // The payment company was asked with the orderer's identity and answered with its own payer.
    const asked = customs.paymentCompany.declarations.get(order.number)!;
    expect(asked.params['buyer_name']).toBe(ORDERER.name);

    const manager = await api.login((await createUser(api.db.prisma, 'MUSEUM_MANAGER', { museumIds: [shop.museumId] })).email);
    const seen: any = await api.gql(ORDER, { id: order.id }, manager);
    expect(seen.errors).toBeUndefined();
    expect(seen.data.order.status).toBe('HELD');
    const held = seen.data.order.history.at(-1);
    expect(held).toMatchObject({ from: 'CUSTOMS_SUBMITTED', to: 'HELD' });
    expect(held.reason).toContain('the payer is not the orderer');
    // Never the payer's ID number in the history.
    expect(held.reason).not.toContain(PAYER.idNumber);
    expect(seen.data.order.history.map((h: { to: string }) => h.to)).toEqual(['PENDING_PAYMENT', 'PAID', 'CUSTOMS_SUBMITTED', 'HELD']);
    // The units never left: nothing shipped from the ledger, still reserved.
    expect(await api.db.prisma.stockMovement.count({ where: { kind: 'SHIP', variantId: shop.variants[0]!.id } })).toBe(0);
    expect(await api.db.prisma.order.findUniqueOrThrow({ where: { id: order.id }, select: { status: true } })).toEqual({ status: 'HELD' });

    // Another museum's manager: NOT_FOUND.
    const stranger = await api.login((await createUser(api.db.prisma, 'MUSEUM_MANAGER', { museumIds: [] })).email);
    expect(codeOf(await api.gql(ORDER, { id: order.id }, stranger))).toBe('NOT_FOUND');
  }, 180_000);
});
