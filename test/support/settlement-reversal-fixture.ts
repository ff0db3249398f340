import { randomUUID } from 'node:crypto';
import { SettlementPostingService } from '@vitrine/settlement';
import { createUser } from '@vitrine/shared/testing';
import type { ApiHarness } from './api-harness';
import { ADD_LINE, PLACE_ORDER, placeOrderInput, residentId, seedFx, seedShop, startCheckoutApi, type Shop } from './checkout-fixtures';
import type { StripeLoopback } from './stripe-loopback';
import type { SpawnedProcess } from './spawn-api';
import { dropQueues, startWorker, waitForOutput } from './worker-process';

/**
 * What the transfer-reversal e2e specs (refunds and lost disputes of paid-out money) start from:
 * the API with the Stripe loopback, one museum's shop (two variants, CNY at 7.8), its manager,
 * the operator, a shopper, and a worker on its own queue prefix; and the way they make a paid
 * order past its return window (its shares payable, posted by the catch-up).
 */
export interface ReversalFixture {
  api: ApiHarness;
  stripe: StripeLoopback;
  worker: SpawnedProcess;
  shop: Shop;
  manager: string;
  operator: string;
  shopper: string;
  close(): Promise<void>;
}

export async function startReversalFixture(tag: string): Promise<ReversalFixture> {
  const { api, stripe, close } = await startCheckoutApi();
  const prisma = api.db.prisma;
  await seedFx(prisma, '7.8000');
  const shop = await seedShop(prisma, { prices: [2_000, 3_000], stock: 50 });
  const manager = await api.login((await createUser(prisma, 'MUSEUM_MANAGER', { museumIds: [shop.museumId] })).email);
  const operator = await api.login((await createUser(prisma, 'PLATFORM_ADMIN')).email);
  const shopper = await api.login((await createUser(prisma, 'SHOPPER')).email);
  const prefix = `test-${tag}-${randomUUID().slice(0, 8)}`;
  const worker = startWorker({ DATABASE_URL: api.db.url, QUEUE_PREFIX: prefix });
  await waitForOutput(worker, /worker ready/, 120_000);
  return {
    api,
    stripe,
    worker,
    shop,
    manager,
    operator,
    shopper,
    async close() {
      await worker.stop('SIGTERM');
      await dropQueues(prefix);
      await close();
    },
  };
}

/** A paid order of `quantity` units of a variant (resident id number `n`), released by customs 31 days ago: past its return window, its shares payable. */
export async function payableOrder(f: ReversalFixture, variant: number, quantity: number, n: number): Promise<{ id: string; checkoutId: string; pi: string; lines: { id: string }[] }> {
  const r: any = await f.api.gql(ADD_LINE, { i: { variantId: f.shop.variants[variant]!.id, quantity, cartToken: null } }, f.shopper);
  expect(r.errors).toBeUndefined();
  const placed: any = await f.api.gql(PLACE_ORDER, { i: placeOrderInput(r.data.addCartLine.cart.id, `rev-${n}-${randomUUID().slice(0, 8)}`, { id: residentId(n) }) }, f.shopper);
  expect(placed.errors).toBeUndefined();
  const pi = placed.data.placeOrder.payment.paymentIntentId as string;
  expect(await f.stripe.deliver(f.api.baseUrl, f.stripe.succeed(pi))).toBe(200);
  const order = { ...placed.data.placeOrder.orders[0], checkoutId: placed.data.placeOrder.id as string, pi };
  await f.api.db.prisma.orderStatusChange.create({ data: { orderId: order.id, fromStatus: 'CUSTOMS_SUBMITTED', toStatus: 'CLEARED', reason: 'test: released', createdAt: new Date(Date.now() - 31 * 86_400_000) } });
  await f.api.app.get(SettlementPostingService, { strict: false }).catchUp();
  return order;
}

/** Event keys of entries whose lines do not sum to zero in a currency (none, when the ledger balances). */
export function unbalancedEntries(api: ApiHarness) {
  return api.db.prisma.$queryRaw<{ k: string }[]>`
    SELECT e.event_key AS k FROM settlement_journal_entries e JOIN settlement_journal_lines l ON l.entry_id = e.id GROUP BY e.event_key, l.currency HAVING sum(l.amount_minor) <> 0`;
}
