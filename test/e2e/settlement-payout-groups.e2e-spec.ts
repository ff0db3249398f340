import { randomUUID } from 'node:crypto';
import Stripe from 'stripe';
import { SettlementPostingService } from '@vitrine/settlement';
import { createUser } from '@vitrine/shared/testing';
import { codeOf, type ApiHarness } from '../support/api-harness';
import { ADD_LINE, PLACE_ORDER, placeOrderInput, residentId, seedFx, seedShop, startCheckoutApi, type Shop } from '../support/checkout-fixtures';
import type { StripeLoopback } from '../support/stripe-loopback';
import type { SpawnedProcess } from '../support/spawn-api';
import { dropQueues, startWorker, until, waitForOutput } from '../support/worker-process';

const BALANCE = `query($m: ID) { sellerBalance(museumId: $m) { payable { amount currency } pending { amount currency } notPaidOut { amount currency } } }`;
const CONNECT = `mutation($r: String!) { connectPayoutAccount(returnUrl: $r, refreshUrl: $r) { ready } }`;
const RUN = `mutation($k: String!) { runPayouts(runKey: $k) { paid { id amount { amount currency } stripeTransferId checkoutId transferGroup } failed { id } } }`;
const PAYOUTS = `query($m: ID) { sellerPayouts(museumId: $m) { id status stripeTransferId checkoutId transferGroup amount { amount currency } received { amount currency } exchangeRate
  bankStatus bankFailureCode bankFailureMessage paidAt } }`;
const ACCOUNT = `{ payoutAccount { ready payoutCurrency } }`;

/**
 * Issue 21: transfers carry the checkout's transfer group — the group the checkout's
 * PaymentIntent was created with — one transfer per checkout whose money a payout pays; the
 * Stripe loopback checks the group over the wire (it refuses a group no succeeded intent has,
 * and transfers beyond what the group's charges received). A payout the connected account
 * fails to make to its bank (payout.failed on the Connect endpoint) shows on the transfers it
 * carried (FAILED, with Stripe's code and message) and on the seller's balance as not paid out,
 * until a later bank payout carries the money (payout.paid). Which transfers a bank payout
 * carried is what Stripe lists as its balance transactions (their sources: the transfers'
 * destination payments), read by the worker's settlement.bank-payout job, not guessed by time:
 * a transfer made before the payout whose funds were still pending is not in it. The seller is paid in its payout
 * currency (its account's default currency, EUR for a French museum): Stripe converts each
 * transfer on arrival, and what it received and Stripe's rate are recorded on the transfer.
 */
describe('settlement: transfer groups per checkout, and bank payouts that fail', () => {
  let api: ApiHarness;
  let stripe: StripeLoopback;
  let close: () => Promise<void>;
  let shop: Shop;
  let manager: string;
  let otherManager: string;
  let operator: string;
  let shopper: string;
  let accountId: string;
  let worker: SpawnedProcess;
  const prefix = `test-bank-payout-${randomUUID().slice(0, 8)}`;
  let n = 8800;
  jest.setTimeout(300_000);
  const checkouts: { id: string; pi: string; total: number }[] = [];

  beforeAll(async () => {
    ({ api, stripe, close } = await startCheckoutApi());
    const prisma = api.db.prisma;
    await seedFx(prisma, '7.8000');
    shop = await seedShop(prisma, { prices: [2_000, 3_000], stock: 50 });
    const other = await seedShop(prisma, { prices: [1_000], stock: 5 });
    manager = await api.login((await createUser(prisma, 'MUSEUM_MANAGER', { museumIds: [shop.museumId] })).email);
    otherManager = await api.login((await createUser(prisma, 'MUSEUM_MANAGER', { museumIds: [other.museumId] })).email);
    operator = await api.login((await createUser(prisma, 'PLATFORM_ADMIN')).email);
    shopper = await api.login((await createUser(prisma, 'SHOPPER')).email);
    // The bank-payout job runs in the worker; Stripe's failed reads retry through the job's backoff (capped short here), not the SDK's.
    worker = startWorker({ DATABASE_URL: api.db.url, QUEUE_PREFIX: prefix, STRIPE_MAX_NETWORK_RETRIES: '0', JOB_BACKOFF_CAP_MS: '500' });
    await waitForOutput(worker, /worker ready/, 120_000);
  });
  afterAll(async () => {
    await worker?.stop('SIGTERM');
    await dropQueues(prefix);
    await close();
  });

  /** A paid checkout of `quantity` units of a variant, past its return window (the museum's shares payable). */
  async function payableCheckout(variant: number, quantity: number) {
    const r: any = await api.gql(ADD_LINE, { i: { variantId: shop.variants[variant]!.id, quantity, cartToken: null } }, shopper);
    expect(r.errors).toBeUndefined();
    const placed: any = await api.gql(PLACE_ORDER, { i: placeOrderInput(r.data.addCartLine.cart.id, `grp-${n}`, { id: residentId(n++) }) }, shopper);
    expect(placed.errors).toBeUndefined();
    const pi = placed.data.placeOrder.payment.paymentIntentId as string;
    expect(await stripe.deliver(api.baseUrl, stripe.succeed(pi))).toBe(200);
    const order = placed.data.placeOrder.orders[0];
    await api.db.prisma.orderStatusChange.create({ data: { orderId: order.id, fromStatus: 'CUSTOMS_SUBMITTED', toStatus: 'CLEARED', reason: 'test: released', createdAt: new Date(Date.now() - 31 * 86_400_000) } });
    await api.app.get(SettlementPostingService, { strict: false }).catchUp();
    const c = { id: placed.data.placeOrder.id as string, pi, total: placed.data.placeOrder.total as number };
    checkouts.push(c);
    return c;
  }
  const balance = async (token = manager) => ((await api.gql(BALANCE, {}, token)) as any).data.sellerBalance;
  const payouts = async () => ((await api.gql(PAYOUTS, {}, manager)) as any).data.sellerPayouts as any[];

  it('pays one transfer per checkout, each under the transfer group its PaymentIntent was created with, checked by the loopback over the wire', async () => {
    const a = await payableCheckout(0, 2);
    const b = await payableCheckout(1, 1);
    // Each checkout's PaymentIntent was created with its group (the request as the loopback received it).
    for (const c of [a, b]) {
      const created = stripe.requests.filter((q) => q.method === 'POST' && q.path === '/v1/payment_intents' && (q.params['metadata'] as any)?.vitrine_checkout_id === c.id);
      expect(created.map((q) => q.params['transfer_group'])).toEqual([`vitrine-checkout-${c.id}`]);
    }
    expect((await api.gql(CONNECT, { r: 'https://console.example.test/settlement' }, manager)).errors).toBeUndefined();
    accountId = String([...stripe.accounts.values()].find((x: any) => x.metadata.vitrine_seller_id === shop.museumId)!['id']);
    expect(await stripe.deliverConnect(api.baseUrl, stripe.completeOnboarding(accountId))).toBe(200);
    const owed = (await balance()).payable[0].amount as number;
    expect(owed).toBeGreaterThan(0);

    const run: any = await api.gql(RUN, { k: 'grp-run-1' }, operator);
    expect(run.errors).toBeUndefined();
    const paid = run.data.runPayouts.paid as any[];
    expect(paid.map((p) => p.checkoutId).sort()).toEqual([a.id, b.id].sort());
    expect(paid.reduce((s, p) => s + p.amount.amount, 0)).toBe(owed);
    expect((await balance()).payable).toEqual([{ amount: 0, currency: 'CNY' }]);
    const sent = stripe.requests.filter((q) => q.method === 'POST' && q.path === '/v1/transfers' && !q.replayed);
    expect(sent).toHaveLength(2);
    for (const p of paid) {
      const pi = stripe.paymentIntents.get(checkouts.find((c) => c.id === p.checkoutId)!.pi)!;
      expect(p.transferGroup).toBe(pi['transfer_group']);
      // The request Stripe received, and the transfer it made: the PaymentIntent's group, never more than the charge.
      const q = sent.find((x) => (x.params['metadata'] as any)?.vitrine_payout_id === p.id)!;
      expect(q.params).toMatchObject({ transfer_group: pi['transfer_group'], amount: String(p.amount.amount), currency: 'cny', destination: accountId });
      expect(stripe.transfers.get(p.stripeTransferId)).toMatchObject({ transfer_group: pi['transfer_group'], amount: p.amount.amount });
      expect(p.amount.amount).toBeLessThanOrEqual(Number(pi['amount_received']));
    }
    // Each payout entry is posted under the checkout it carried, balanced.
    const entries = await api.db.prisma.settlementJournalEntry.findMany({ where: { eventKey: { in: paid.map((p) => `payout:${p.id}`) } }, select: { eventKey: true, checkoutId: true } });
    expect(entries.map((e) => e.checkoutId).sort()).toEqual([a.id, b.id].sort());
    // Paid in the museum's payout currency: the transfer (in the ledger's CNY) arrived as EUR at Stripe's rate, recorded on each transfer in minor units.
    expect(((await api.gql(ACCOUNT, {}, manager)) as any).data.payoutAccount).toEqual({ ready: true, payoutCurrency: 'EUR' });
    const listed = await payouts();
    expect(listed).toHaveLength(2);
    for (const p of listed) {
      const tr = stripe.transfers.get(p.stripeTransferId)!;
      const txn = [...stripe.balanceTransactions.values()].find((t) => t['source'] === tr['destination_payment'])!;
      expect(txn).toMatchObject({ currency: 'eur', exchange_rate: 0.128 });
      expect(p.received).toEqual({ amount: Math.round(p.amount.amount * 0.128), currency: 'EUR' });
      expect(p.received.amount).toBe(txn['amount']);
      expect(Number.isSafeInteger(p.received.amount)).toBe(true);
      expect(p.exchangeRate).toBe('0.128');
    }
    // Read from Stripe on the connected account (its destination payment), once per transfer.
    const reads = stripe.requests.filter((q) => q.method === 'GET' && /^\/v1\/charges\/py_/.test(q.path));
    expect(reads).toHaveLength(2);
    // A second run pays nothing more.
    expect(((await api.gql(RUN, { k: 'grp-run-2' }, operator)) as any).data.runPayouts.paid).toEqual([]);

    // The loopback's check: a group no succeeded PaymentIntent has, or beyond what the charge received, is refused.
    const sdk = new Stripe(stripe.secretKey, { host: '127.0.0.1', port: Number(new URL(stripe.url).port), protocol: 'http', maxNetworkRetries: 0 });
    await expect(sdk.transfers.create({ amount: 100, currency: 'cny', destination: accountId, transfer_group: `vitrine-checkout-${randomUUID()}` })).rejects.toMatchObject({ code: 'transfer_group_unknown' });
    await expect(sdk.transfers.create({ amount: a.total, currency: 'cny', destination: accountId, transfer_group: `vitrine-checkout-${a.id}` })).rejects.toMatchObject({ code: 'transfer_group_exceeded' });
  });

  it('marks exactly the transfers a bank payout carried, by its balance transactions read by the worker (not by time): failed, re-delivered, carried again after a failed read, failed later', async () => {
    const prisma = api.db.prisma;
    const before = await payouts();
    expect(before.every((p) => p.bankStatus === null)).toBe(true);
    // Each transfer's payment on the connected account (Stripe's destination_payment) was stored when it was made.
    const stored = await prisma.sellerPayout.findMany({ where: { id: { in: before.map((p) => p.id) } }, select: { id: true, stripeTransferId: true, destinationPaymentId: true } });
    for (const r of stored) expect(r.destinationPaymentId).toBe(stripe.transfers.get(r.stripeTransferId!)!['destination_payment']);
    const [held, carried] = before;
    const paymentOf = (p: any) => String(stripe.transfers.get(p.stripeTransferId)!['destination_payment']);
    // (the worker posts Stripe's fees meanwhile: those entries are not the bank payout's)
    const notFees = { NOT: { eventKey: { startsWith: 'fee:' } } };
    const entries = await prisma.settlementJournalEntry.count({ where: notFees });
    const matched = (po: string, status: string) => until(`bank payout ${po} matched ${status}`, async () => (await prisma.sellerBankPayout.findUnique({ where: { stripePayoutId: po } }))?.matchedStatus === status, 90_000, worker);

    // One transfer's money is still pending on the connected account: the bank payout Stripe makes now does not take it,
    // though that transfer was made before the payout was created (the time rule counted it in).
    stripe.holdFunds(paymentOf(held));
    const failed = stripe.bankPayout(accountId, 'failed');
    expect(stripe.payoutTransactions(String(failed.data.object['id'])).map((t) => t['source'])).toEqual([paymentOf(carried)]);
    expect(Math.floor(Date.parse(held.paidAt) / 1000)).toBeLessThanOrEqual(Number(failed.data.object['created']));
    const failedId = String(failed.data.object['id']);
    expect(await stripe.deliverConnect(api.baseUrl, failed)).toBe(200);
    // Re-delivered, and under another event id: recorded once, one job.
    expect(await stripe.deliverConnect(api.baseUrl, failed)).toBe(200);
    expect(await stripe.deliverConnect(api.baseUrl, { ...failed, id: `${failed.id}_again` })).toBe(200);
    await matched(failedId, 'failed');
    // The worker asked Stripe on the connected account for that payout's balance transactions.
    const lists = stripe.requests.filter((q) => q.method === 'GET' && q.path === '/v1/balance_transactions' && q.params['payout'] === failedId);
    expect(lists.length).toBeGreaterThanOrEqual(1);
    for (const q of lists) expect(q).toMatchObject({ stripeAccount: accountId, params: { payout: failedId, limit: '100' } });
    expect(await prisma.outboxMessage.count({ where: { jobId: { startsWith: `settlement.bank-payout.${failedId}.` } } })).toBe(1);
    const listed = await payouts();
    expect(listed.find((p) => p.id === carried.id)).toMatchObject({ status: 'PAID', bankStatus: 'FAILED', bankFailureCode: 'account_closed', bankFailureMessage: 'The bank account has been closed.' });
    expect(listed.find((p) => p.id === held.id)).toMatchObject({ status: 'PAID', bankStatus: null, bankFailureCode: null });
    // The balance: nothing payable, the failed payout's transfer not paid out (the pending one is not said to be). The ledger is untouched.
    expect(await balance()).toMatchObject({ payable: [{ amount: 0, currency: 'CNY' }], notPaidOut: [{ amount: carried.amount.amount, currency: 'CNY' }] });
    expect(await prisma.settlementJournalEntry.count({ where: notFees })).toBe(entries);
    // The operator sees it on the seller in the platform ledger.
    const platform: any = await api.gql(`{ platformLedger { sellers { sellerId notPaidOut { amount currency } } } }`, {}, operator);
    expect(platform.data.platformLedger.sellers.find((x: any) => x.sellerId === shop.museumId).notPaidOut).toEqual([{ amount: carried.amount.amount, currency: 'CNY' }]);
    // Another museum's manager sees neither.
    expect(codeOf(await api.gql(PAYOUTS, { m: shop.museumId }, otherManager))).toBe('NOT_FOUND');
    expect(codeOf(await api.gql(BALANCE, { m: shop.museumId }, otherManager))).toBe('NOT_FOUND');
    expect((await balance(otherManager)).notPaidOut).toEqual([]);

    // A transfer made after that bank payout is not in it.
    const c = await payableCheckout(1, 2);
    const run: any = await api.gql(RUN, { k: 'grp-run-3' }, operator);
    expect(run.data.runPayouts.paid).toEqual([expect.objectContaining({ checkoutId: c.id, transferGroup: `vitrine-checkout-${c.id}` })]);
    const fresh = run.data.runPayouts.paid[0];
    expect((await payouts()).find((p) => p.id === fresh.id)).toMatchObject({ bankStatus: null, bankFailureCode: null });
    // A receipt Stripe did not give (the read failed after the transfer) stays unknown, and a later run reads it; nothing is transferred again.
    const received = (await payouts()).find((p) => p.id === fresh.id)!.received;
    expect(received).toEqual({ amount: Math.round(fresh.amount.amount * 0.128), currency: 'EUR' });
    await prisma.$executeRaw`UPDATE seller_payouts SET received_minor = NULL, received_currency = NULL, exchange_rate = NULL WHERE id = ${fresh.id}::uuid`;
    const transfersBefore = stripe.transfers.size;
    stripe.failNextTo(`/v1/transfers/${fresh.stripeTransferId}`, 10);
    expect(((await api.gql(RUN, { k: 'grp-run-4' }, operator)) as any).data.runPayouts).toMatchObject({ paid: [], failed: [] });
    expect((await payouts()).find((p) => p.id === fresh.id)).toMatchObject({ received: null, exchangeRate: null });
    stripe.failNextTo(`/v1/transfers/${fresh.stripeTransferId}`, 0);
    expect(((await api.gql(RUN, { k: 'grp-run-5' }, operator)) as any).data.runPayouts.paid).toEqual([]);
    expect((await payouts()).find((p) => p.id === fresh.id)).toMatchObject({ received, exchangeRate: '0.128' });
    expect(stripe.transfers.size).toBe(transfersBefore);
    expect((await balance()).notPaidOut).toEqual([{ amount: carried.amount.amount, currency: 'CNY' }]);

    // The seller mends its bank details and the held money becomes available; Stripe's next payout takes all of it:
    // the failed payout's money back (payout_failure, its source the failed payout), the held transfer's and the fresh one's.
    // The first two reads of its balance transactions fail: the job retries with backoff and then records it.
    stripe.releaseFunds(paymentOf(held));
    const listsBefore = stripe.requests.filter((q) => q.path === '/v1/balance_transactions').length;
    stripe.failNextTo('/v1/balance_transactions', 2, 500);
    const paid = stripe.bankPayout(accountId, 'paid');
    const paidId = String(paid.data.object['id']);
    expect(stripe.payoutTransactions(paidId).map((t) => [t['type'], t['source']]).sort()).toEqual(
      [['payout_failure', failedId], ['payment', paymentOf(held)], ['payment', String(stripe.transfers.get(fresh.stripeTransferId)!['destination_payment'])]].sort(),
    );
    expect(await stripe.deliverConnect(api.baseUrl, paid)).toBe(200);
    await matched(paidId, 'paid');
    expect(stripe.requests.filter((q) => q.path === '/v1/balance_transactions').length - listsBefore).toBeGreaterThanOrEqual(3);
    await waitForOutput(worker, /list payout balance transactions failed/, 10_000);
    for (const p of await payouts()) expect(p).toMatchObject({ bankStatus: 'PAID', bankFailureCode: null, bankFailureMessage: null });
    expect((await balance()).notPaidOut).toEqual([]);
    const bankIds = await prisma.sellerPayout.findMany({ where: { stripeAccountId: accountId }, select: { bankPayoutId: true } });
    expect(new Set(bankIds.map((r) => r.bankPayoutId))).toEqual(new Set([paidId]));
    // The failure delivered late under a new id (older than the paid one) changes nothing.
    expect(await stripe.deliverConnect(api.baseUrl, { ...failed, id: `${failed.id}_late`, created: paid.created - 1 })).toBe(200);
    await new Promise((r) => setTimeout(r, 1_000));
    expect((await balance()).notPaidOut).toEqual([]);

    // Stripe reports the paid payout failed after all (a later event): every transfer it carried is not paid out again.
    await new Promise((r) => setTimeout(r, 1_100));
    const paidThenFailed = stripe.bankPayoutUpdated(paidId, 'failed');
    expect(await stripe.deliverConnect(api.baseUrl, paidThenFailed)).toBe(200);
    await matched(paidId, 'failed');
    for (const p of await payouts()) expect(p).toMatchObject({ bankStatus: 'FAILED', bankFailureCode: 'account_closed' });
    const total = (await payouts()).reduce((sum, p) => sum + p.amount.amount, 0);
    expect((await balance()).notPaidOut).toEqual([{ amount: total, currency: 'CNY' }]);
    // Its payout.paid delivered again under a new id (older than the failure) changes nothing.
    expect(await stripe.deliverConnect(api.baseUrl, { ...paid, id: `${paid.id}_late` })).toBe(200);
    await new Promise((r) => setTimeout(r, 1_000));
    expect((await balance()).notPaidOut).toEqual([{ amount: total, currency: 'CNY' }]);
  });

  it('the loopback lists a payout’s balance transactions as Stripe does: on the connected account only, newest first, by type, in pages', async () => {
    const sdk = new Stripe(stripe.secretKey, { host: '127.0.0.1', port: Number(new URL(stripe.url).port), protocol: 'http', maxNetworkRetries: 0 });
    const po = [...stripe.bankPayouts.keys()].at(-1)!;
    const all: Stripe.BalanceTransaction[] = [];
    for await (const t of sdk.balanceTransactions.list({ payout: po, limit: 1 }, { stripeAccount: accountId })) all.push(t);
    // What the payout took, and its own transaction, each once (pages of one, starting_after the last).
    expect(all.map((t) => t.type).sort()).toEqual(['payment', 'payment', 'payout', 'payout_failure']);
    expect(new Set(all.map((t) => t.id)).size).toBe(all.length);
    const pages = stripe.requests.filter((q) => q.path === '/v1/balance_transactions' && q.params['limit'] === '1');
    expect(pages.length).toBe(all.length);
    expect(pages.slice(1).map((q) => q.params['starting_after'])).toEqual(all.slice(0, -1).map((t) => t.id));
    const first = await sdk.balanceTransactions.list({ payout: po, limit: 2 }, { stripeAccount: accountId });
    expect(first).toMatchObject({ object: 'list', has_more: true, url: '/v1/balance_transactions' });
    expect(first.data).toHaveLength(2);
    expect((await sdk.balanceTransactions.list({ payout: po, type: 'payment', limit: 100 }, { stripeAccount: accountId })).data.map((t) => t.source).sort()).toEqual(
      all.filter((t) => t.type === 'payment').map((t) => t.source).sort(),
    );
    // Not the platform's payout: without the connected account's header, Stripe does not know it.
    await expect(sdk.balanceTransactions.list({ payout: po })).rejects.toMatchObject({ statusCode: 404, code: 'resource_missing' });
    await expect(sdk.balanceTransactions.list({ payout: po, limit: 101 }, { stripeAccount: accountId })).rejects.toMatchObject({ statusCode: 400 });
  });
});
