import { randomUUID } from 'node:crypto';
import Stripe from 'stripe';
import { SettlementPostingService } from '@vitrine/settlement';
import { createUser } from '@vitrine/shared/testing';
import { codeOf, type ApiHarness } from '../support/api-harness';
import { ADD_LINE, PLACE_ORDER, placeOrderInput, residentId, seedFx, seedShop, startCheckoutApi, type Shop } from '../support/checkout-fixtures';
import type { StripeLoopback } from '../support/stripe-loopback';

const BALANCE = `query($m: ID) { sellerBalance(museumId: $m) { payable { amount currency } pending { amount currency } notPaidOut { amount currency } } }`;
const CONNECT = `mutation($r: String!) { connectPayoutAccount(returnUrl: $r, refreshUrl: $r) { ready } }`;
const RUN = `mutation($k: String!) { runPayouts(runKey: $k) { paid { id amount { amount currency } stripeTransferId checkoutId transferGroup } failed { id } } }`;
const PAYOUTS = `query($m: ID) { sellerPayouts(museumId: $m) { id status stripeTransferId checkoutId transferGroup amount { amount currency } received { amount currency } exchangeRate
  bankStatus bankFailureCode bankFailureMessage } }`;
const ACCOUNT = `{ payoutAccount { ready payoutCurrency } }`;

/**
 * Issue 21: transfers carry the checkout's transfer group — the group the checkout's
 * PaymentIntent was created with — one transfer per checkout whose money a payout pays; the
 * Stripe loopback checks the group over the wire (it refuses a group no succeeded intent has,
 * and transfers beyond what the group's charges received). A payout the connected account
 * fails to make to its bank (payout.failed on the Connect endpoint) shows on the transfers it
 * carried (FAILED, with Stripe's code and message) and on the seller's balance as not paid out,
 * until a later bank payout carries the money (payout.paid). The seller is paid in its payout
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
  let n = 8800;
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
  });
  afterAll(async () => {
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

  it('shows a bank payout that failed on the transfers it carried and as not paid out on the balance, once; a later paid one clears it', async () => {
    const before = await payouts();
    expect(before.every((p) => p.bankStatus === null)).toBe(true);
    const transferred = before.reduce((s, p) => s + p.amount.amount, 0);
    const entries = await api.db.prisma.settlementJournalEntry.count();

    // The connected account's payout to its bank fails: Stripe's payout.failed on the Connect endpoint (and again, and under another id).
    const failed = stripe.bankPayout(accountId, 'failed', transferred);
    expect(await stripe.deliverConnect(api.baseUrl, failed)).toBe(200);
    expect(await stripe.deliverConnect(api.baseUrl, failed)).toBe(200);
    expect(await stripe.deliverConnect(api.baseUrl, { ...failed, id: `${failed.id}_again` })).toBe(200);
    const after = await payouts();
    expect(after).toHaveLength(before.length);
    for (const p of after) {
      expect(p).toMatchObject({ status: 'PAID', bankStatus: 'FAILED', bankFailureCode: 'account_closed', bankFailureMessage: 'The bank account has been closed.' });
    }
    // The balance: nothing payable (the money left the platform with the transfers), all of it not paid out. The ledger is untouched.
    expect(await balance()).toMatchObject({ payable: [{ amount: 0, currency: 'CNY' }], notPaidOut: [{ amount: transferred, currency: 'CNY' }] });
    expect(await api.db.prisma.settlementJournalEntry.count()).toBe(entries);
    // The operator sees it on the seller in the platform ledger.
    const platform: any = await api.gql(`{ platformLedger { sellers { sellerId notPaidOut { amount currency } } } }`, {}, operator);
    expect(platform.data.platformLedger.sellers.find((x: any) => x.sellerId === shop.museumId).notPaidOut).toEqual([{ amount: transferred, currency: 'CNY' }]);
    // Another museum's manager sees neither.
    expect(codeOf(await api.gql(PAYOUTS, { m: shop.museumId }, otherManager))).toBe('NOT_FOUND');
    expect(codeOf(await api.gql(BALANCE, { m: shop.museumId }, otherManager))).toBe('NOT_FOUND');
    expect((await balance(otherManager)).notPaidOut).toEqual([]);

    // A transfer made after that bank payout was created (Stripe's seconds) is not in it.
    await new Promise((r) => setTimeout(r, 1_100));
    const c = await payableCheckout(1, 2);
    const run: any = await api.gql(RUN, { k: 'grp-run-3' }, operator);
    expect(run.data.runPayouts.paid).toEqual([expect.objectContaining({ checkoutId: c.id, transferGroup: `vitrine-checkout-${c.id}` })]);
    const fresh = run.data.runPayouts.paid[0];
    expect((await payouts()).find((p) => p.id === fresh.id)).toMatchObject({ bankStatus: null, bankFailureCode: null });
    // A receipt Stripe did not give (the read failed after the transfer) stays unknown, and a later run reads it; nothing is transferred again.
    const received = (await payouts()).find((p) => p.id === fresh.id)!.received;
    expect(received).toEqual({ amount: Math.round(fresh.amount.amount * 0.128), currency: 'EUR' });
    await api.db.prisma.$executeRaw`UPDATE seller_payouts SET received_minor = NULL, received_currency = NULL, exchange_rate = NULL WHERE id = ${fresh.id}::uuid`;
    const transfersBefore = stripe.transfers.size;
    stripe.failNextTo(`/v1/transfers/${fresh.stripeTransferId}`, 10);
    expect(((await api.gql(RUN, { k: 'grp-run-4' }, operator)) as any).data.runPayouts).toMatchObject({ paid: [], failed: [] });
    expect((await payouts()).find((p) => p.id === fresh.id)).toMatchObject({ received: null, exchangeRate: null });
    stripe.failNextTo(`/v1/transfers/${fresh.stripeTransferId}`, 0);
    expect(((await api.gql(RUN, { k: 'grp-run-5' }, operator)) as any).data.runPayouts.paid).toEqual([]);
    expect((await payouts()).find((p) => p.id === fresh.id)).toMatchObject({ received, exchangeRate: '0.128' });
    expect(stripe.transfers.size).toBe(transfersBefore);
    expect((await balance()).notPaidOut).toEqual([{ amount: transferred, currency: 'CNY' }]);

    // The seller mends its bank details; Stripe's next payout carries all of it: PAID, nothing left not paid out.
    const paid = stripe.bankPayout(accountId, 'paid', transferred + fresh.amount.amount);
    expect(await stripe.deliverConnect(api.baseUrl, paid)).toBe(200);
    for (const p of await payouts()) expect(p).toMatchObject({ bankStatus: 'PAID', bankFailureCode: null, bankFailureMessage: null });
    expect((await balance()).notPaidOut).toEqual([]);
    // The failure delivered late under a new id (older than the paid one) changes nothing.
    expect(await stripe.deliverConnect(api.baseUrl, { ...failed, id: `${failed.id}_late`, created: paid.created - 1 })).toBe(200);
    expect((await balance()).notPaidOut).toEqual([]);
  });
});
