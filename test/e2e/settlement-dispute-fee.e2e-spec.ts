import { randomUUID } from 'node:crypto';
import { createMuseum, createUser } from '@vitrine/shared/testing';
import { codeOf, type ApiHarness } from '../support/api-harness';
import { ADD_LINE, PLACE_ORDER, placeOrderInput, residentId, seedFx, seedShop, startCheckoutApi, type Shop } from '../support/checkout-fixtures';
import type { SpawnedProcess } from '../support/spawn-api';
import type { StripeLoopback } from '../support/stripe-loopback';
import { dropQueues, startWorker, until, waitForOutput } from '../support/worker-process';

const BALANCE = `{ sellerBalance { payable { amount currency } pending { amount currency } } }`;
const STATEMENT = `query($month: String!) { sellerStatement(month: $month) { csv currencies { currency closingPending closingPayable movements { account entryKind component orders amount } } } }`;
const LINES = `query($kind: String, $m: ID, $after: String, $from: DateTime, $to: DateTime) { sellerLedgerLines(kind: $kind, museumId: $m, after: $after, from: $from, to: $to, first: 10) { totalCount nodes { entryKind component amount { amount currency } orderNumber } } }`;

/**
 * Issue 21, the dispute fee: a lost dispute's Stripe fee (the dispute's balance transaction,
 * read from Stripe by the worker's job written with the dispute's entry) is posted once,
 * balanced, and borne by the sellers the dispute took from (ADR 0014); it shows in the seller's
 * balance, ledger lines and monthly statement (CSV). A won dispute posts no fee.
 */
describe('settlement: the fee of a lost dispute', () => {
  let api: ApiHarness;
  let stripe: StripeLoopback;
  let close: () => Promise<void>;
  let worker: SpawnedProcess;
  let shop: Shop;
  let manager: string;
  let shopper: string;
  const prefix = `test-dispfee-${randomUUID().slice(0, 8)}`;
  jest.setTimeout(180_000);

  beforeAll(async () => {
    ({ api, stripe, close } = await startCheckoutApi());
    const prisma = api.db.prisma;
    await seedFx(prisma, '7.8000');
    shop = await seedShop(prisma, { prices: [2_000], stock: 20 });
    manager = await api.login((await createUser(prisma, 'MUSEUM_MANAGER', { museumIds: [shop.museumId] })).email);
    shopper = await api.login((await createUser(prisma, 'SHOPPER')).email);
    worker = startWorker({ DATABASE_URL: api.db.url, QUEUE_PREFIX: prefix });
    await waitForOutput(worker, /worker ready/, 120_000);
  });
  afterAll(async () => {
    await worker?.stop('SIGTERM');
    await dropQueues(prefix);
    await close();
  });

  async function paid(n: number) {
    const r: any = await api.gql(ADD_LINE, { i: { variantId: shop.variants[0]!.id, quantity: 2, cartToken: null } }, shopper);
    expect(r.errors).toBeUndefined();
    const placed: any = await api.gql(PLACE_ORDER, { i: placeOrderInput(r.data.addCartLine.cart.id, `dispfee-${n}`, { id: residentId(n) }) }, shopper);
    expect(placed.errors).toBeUndefined();
    const pi = placed.data.placeOrder.payment.paymentIntentId as string;
    expect(await stripe.deliver(api.baseUrl, stripe.succeed(pi))).toBe(200);
    return { pi, order: placed.data.placeOrder.orders[0] };
  }
  const pendingOwed = async () => ((await api.gql(BALANCE, {}, manager)) as any).data.sellerBalance.pending[0]?.amount ?? 0;

  it('posts a lost dispute’s fee once, on the seller, balanced; it shows in the ledger lines and the statement; a won dispute posts none', async () => {
    const { pi, order } = await paid(7801);
    const before = await pendingOwed();
    const opened = stripe.dispute(pi, 'product_not_received');
    expect(await stripe.deliver(api.baseUrl, opened)).toBe(200);
    const disputeId = (opened.data as any).object.id as string;
    const fee = Number(((opened.data as any).object.balance_transactions[0] as any).fee);
    expect(fee).toBe(10_000);
    const closed = stripe.closeDispute(disputeId, 'lost');
    expect(await stripe.deliver(api.baseUrl, closed)).toBe(200);
    expect(await stripe.deliver(api.baseUrl, { ...closed, id: `${closed.id}_again` })).toBe(200);
    // The balance after the dispute, and whether the worker had already posted the fee by then
    // (it may be that quick): read between two looks at the fee's entry that agree.
    const feePosted = async () => (await api.db.prisma.settlementJournalEntry.count({ where: { eventKey: `dispute-fee:${disputeId}` } })) === 1;
    let afterDispute = 0;
    let feeIn = false;
    for (let agreed = false; !agreed; ) {
      const seenBefore = await feePosted();
      afterDispute = await pendingOwed();
      feeIn = await feePosted();
      agreed = seenBefore === feeIn;
    }
    expect(afterDispute).toBeLessThan(before);

    // The worker reads the fee from the dispute's balance transaction and posts it once.
    await until('the dispute fee posted', feePosted, 90_000, worker);
    const entry = await api.db.prisma.settlementJournalEntry.findUniqueOrThrow({ where: { eventKey: `dispute-fee:${disputeId}` }, include: { lines: { include: { account: true } } } });
    expect(entry.kind).toBe('DISPUTE_FEE');
    expect(entry.lines.map((l) => [l.account.kind, l.account.ownerId, l.orderId, l.component, Number(l.amountMinor)]).sort()).toEqual(
      [
        ['SELLER_PENDING', shop.museumId, order.id, 'FEE', fee],
        ['STRIPE_CLEARING', null, null, 'FEE', -fee],
      ].sort(),
    );
    expect(await pendingOwed()).toBe(afterDispute - (feeIn ? 0 : fee));
    expect(await api.db.prisma.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM outbox_messages WHERE job_id = ${`settlement.dispute-fee.${disputeId}`}`).toEqual([{ n: 1n }]);

    // The seller reads it: a ledger line of kind DISPUTE_FEE and a statement movement (CSV too).
    const lines: any = await api.gql(LINES, { kind: 'DISPUTE_FEE' }, manager);
    expect(lines.errors).toBeUndefined();
    expect(lines.data.sellerLedgerLines).toEqual({ totalCount: 1, nodes: [{ entryKind: 'DISPUTE_FEE', component: 'FEE', amount: { amount: -fee, currency: 'CNY' }, orderNumber: order.number }] });
    // Bad input: stable codes; another museum's lines: NOT_FOUND.
    expect(codeOf(await api.gql(LINES, { kind: 'NOT_A_KIND' }, manager))).toBe('VALIDATION_FAILED');
    expect(codeOf(await api.gql(LINES, { after: 'bm90LWEtY3Vyc29y' }, manager))).toBe('VALIDATION_FAILED');
    expect(codeOf(await api.gql(LINES, { from: '2026-12-02T00:00:00Z', to: '2026-12-01T00:00:00Z' }, manager))).toBe('VALIDATION_FAILED');
    expect(codeOf(await api.gql(LINES, { m: (await createMuseum(api.db.prisma)).id }, manager))).toBe('NOT_FOUND');
    expect(codeOf(await api.gql(LINES, {}, shopper))).toBe('FORBIDDEN');
    const month = new Date().toISOString().slice(0, 7);
    const st: any = await api.gql(STATEMENT, { month }, manager);
    expect(st.errors).toBeUndefined();
    const c = st.data.sellerStatement.currencies[0];
    expect(c.movements).toContainEqual({ account: 'SELLER_PENDING', entryKind: 'DISPUTE_FEE', component: 'FEE', orders: 1, amount: -fee });
    expect(c.closingPending).toBe(await pendingOwed());
    expect(st.data.sellerStatement.csv).toContain(`,MOVEMENT,SELLER_PENDING,DISPUTE_FEE,FEE,1,${-fee}`);

    // A won dispute: no fee posted, no job.
    const other = await paid(7802);
    const wonOpened = stripe.dispute(other.pi, 'fraudulent');
    expect(await stripe.deliver(api.baseUrl, wonOpened)).toBe(200);
    const wonId = (wonOpened.data as any).object.id as string;
    expect(await stripe.deliver(api.baseUrl, stripe.closeDispute(wonId, 'won'))).toBe(200);
    await new Promise((r) => setTimeout(r, 2_000));
    expect(await api.db.prisma.settlementJournalEntry.count({ where: { eventKey: `dispute-fee:${wonId}` } })).toBe(0);
    expect(await api.db.prisma.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM outbox_messages WHERE job_id = ${`settlement.dispute-fee.${wonId}`}`).toEqual([{ n: 0n }]);
    // Every entry balances.
    expect(await api.db.prisma.$queryRaw`SELECT e.event_key FROM settlement_journal_entries e JOIN settlement_journal_lines l ON l.entry_id = e.id GROUP BY e.event_key, l.currency HAVING sum(l.amount_minor) <> 0`).toEqual([]);
  });
});
