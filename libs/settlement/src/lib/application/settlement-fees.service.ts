import { Injectable } from '@nestjs/common';
import { PrismaService } from '@vitrine/shared/data-access';
import { disputeFeeEntry, feeEntry } from '../domain/posting-plan';
import { LedgerRepository } from '../infrastructure/ledger.repository';
import { SettlementSourcesRepository } from '../infrastructure/settlement-sources.repository';
import { StripeFeeReader } from './stripe-fee-reader';

/** Stripe has not written the charge's balance transaction yet: the job retries later. */
export class FeeNotYetAvailableError extends Error {}

export type FeeOutcome = 'posted' | 'already-posted' | 'not-paid' | 'no-fee';

/** Stripe fee reads a batch keeps in flight at once (Stripe limits an account's read requests a second). */
const STRIPE_READS_AT_ONCE = 8;

/**
 * Posts Stripe's fee on a paid checkout's charge (out of the money at Stripe: the platform's
 * expense, or the sellers' for orders whose storefront's terms pass fees on, feeEntry), once: the entry's key is the balance transaction (`fee:<txn_…>`), and a checkout
 * whose fee is in the ledger is not asked about again. Run by the `settlement.stripe-fee` job,
 * which the posting of a paid order writes to the outbox in the payment event's transaction;
 * the job's handler hands the checkouts of the jobs running at once to `postFees` together.
 */
@Injectable()
export class SettlementFeesService {
  constructor(
    private readonly sources: SettlementSourcesRepository,
    private readonly ledger: LedgerRepository,
    private readonly prisma: PrismaService,
    private readonly reader: StripeFeeReader,
  ) {}

  /** One checkout's fee (`postFees` of one): throws what its read or its posting threw. */
  async postFee(checkoutId: string): Promise<FeeOutcome> {
    const outcome = (await this.postFees([checkoutId])).get(checkoutId)!;
    if (outcome instanceof Error) throw outcome;
    return outcome;
  }

  /**
   * The fees of several checkouts, each posted once, in one read of their payments and one
   * transaction for their entries (issue 23: one checkout at a time, the job cost the worker
   * about 4 ms of CPU, ten statements on Prisma's client and a transaction for each). Answers
   * each checkout's outcome, or the error of its own Stripe read (FeeNotYetAvailableError while
   * Stripe has no balance transaction yet), which fails that checkout only: the others are
   * posted. An error of the transaction throws (nothing of it is written), for the caller to
   * run the checkouts again, each alone if need be. Run twice, at once or one after the other,
   * a checkout's fee is written once (its payment's lock, the entry's unique event key).
   */
  async postFees(checkoutIds: readonly string[]): Promise<Map<string, FeeOutcome | Error>> {
    const ids = [...new Set(checkoutIds)];
    const out = new Map<string, FeeOutcome | Error>(ids.map((id) => [id, 'not-paid']));
    const toRead: { checkoutId: string; providerPaymentId: string }[] = [];
    for (const p of await this.sources.feeStatesOf(ids)) {
      if (p.status !== 'SUCCEEDED' || out.get(p.checkoutId) !== 'not-paid') continue;
      if (p.feePosted) out.set(p.checkoutId, 'already-posted');
      else toRead.push(p);
    }
    const fees: { checkoutId: string; fee: { balanceTransactionId: string; feeMinor: number; currency: string } }[] = [];
    await inPool(toRead, STRIPE_READS_AT_ONCE, async ({ checkoutId, providerPaymentId }) => {
      try {
        const fee = await this.reader.feeOf(providerPaymentId);
        if (!fee) out.set(checkoutId, new FeeNotYetAvailableError(`no balance transaction yet for the charge of checkout ${checkoutId}`));
        else if (fee.feeMinor === 0) out.set(checkoutId, 'no-fee');
        else fees.push({ checkoutId, fee });
      } catch (error) {
        out.set(checkoutId, error as Error);
      }
    });
    if (!fees.length) return out;
    // Where each fee falls: each paid order's part on the platform, or on its sellers when its
    // storefront's terms pass fees on, by what they are owed on it: read under the payments'
    // locks (taken in checkout order, as the catch-up takes them), so no refund or payment entry
    // of these checkouts is written in between. On node-postgres (sqlTransaction), not Prisma's
    // interactive transaction; each read planned for its batch's ids, as the catch-up's (a generic
    // plan of reads joined through other contexts' relations may scan whole tables).
    const checkouts = fees.map((f) => f.checkoutId);
    const written = await this.prisma.sqlTransaction(async (tx) => {
      await tx.$executeRaw`SET LOCAL plan_cache_mode = force_custom_plan`;
      await this.sources.lockPayments(tx, checkouts);
      const terms = await this.sources.feeTermsOf(tx, checkouts);
      const linesOf = groupBy(await this.ledger.orderLines(tx, terms.map((t) => t.orderId)), (l) => l.orderId ?? '');
      const termsOf = groupBy(terms, (t) => t.checkoutId);
      const at = new Date();
      const entries = fees.map(({ checkoutId, fee }) =>
        feeEntry({
          balanceTransactionId: fee.balanceTransactionId,
          checkoutId,
          feeMinor: fee.feeMinor,
          currency: fee.currency,
          at,
          orders: (termsOf.get(checkoutId) ?? []).map((t) => ({ orderId: t.orderId, passToSellers: t.passStripeFees, lines: linesOf.get(t.orderId) ?? [] })),
        }),
      );
      return this.ledger.insertEntries(tx, uniqueBy(entries, (e) => e.eventKey));
    });
    for (const { checkoutId, fee } of fees) out.set(checkoutId, written.has(`fee:${fee.balanceTransactionId}`) ? 'posted' : 'already-posted');
    return out;
  }

  /**
   * Posts Stripe's fee on a lost dispute once (`dispute-fee:<dp_…>`), borne by the sellers the
   * dispute took from (disputeFeeEntry). Run by the `settlement.dispute-fee` job, written to the
   * outbox with the dispute's `dispute-lost:` entry.
   */
  async postDisputeFee(disputeId: string): Promise<'posted' | 'already-posted' | 'not-lost' | 'no-fee'> {
    if ((await this.ledger.entryWithAccounts(`dispute-fee:${disputeId}`)) !== null) return 'already-posted';
    const lost = await this.ledger.entryWithAccounts(`dispute-lost:${disputeId}`);
    if (!lost) return 'not-lost';
    const fee = await this.reader.disputeFeeOf(disputeId);
    if (!fee) throw new FeeNotYetAvailableError(`no balance transaction yet for dispute ${disputeId}`);
    if (fee.feeMinor <= 0) return 'no-fee';
    const entry = disputeFeeEntry({ disputeId, checkoutId: lost.checkoutId, feeMinor: fee.feeMinor, currency: fee.currency, at: new Date(), sellerDebits: lost.lines });
    const written = await this.prisma.$transaction((tx) => this.ledger.insertEntry(tx, entry));
    return written ? 'posted' : 'already-posted';
  }
}

function groupBy<T>(xs: readonly T[], key: (x: T) => string): Map<string, T[]> {
  const by = new Map<string, T[]>();
  for (const x of xs) {
    const k = key(x);
    const list = by.get(k);
    if (list) list.push(x);
    else by.set(k, [x]);
  }
  return by;
}

/** The first of each key: two checkouts never share a balance transaction, but one statement must not carry an event key twice. */
function uniqueBy<T>(xs: readonly T[], key: (x: T) => string): T[] {
  const seen = new Set<string>();
  return xs.filter((x) => !seen.has(key(x)) && seen.add(key(x)));
}

/** Runs `work` over `items`, at most `size` at once. */
async function inPool<T>(items: readonly T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const run = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, run));
}
