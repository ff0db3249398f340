import { Injectable, Logger } from '@nestjs/common';
import { PrismaService } from '@vitrine/shared/data-access';
import { ForbiddenError, NotFoundError, ValidationError, checkoutTransferGroup, type FieldIssue, isPlatformAdmin, type Actor } from '@vitrine/shared/kernel';
import { allocatePayout } from '../domain/payout-allocation';
import { payoutEntry } from '../domain/posting-plan';
import { LedgerRepository } from '../infrastructure/ledger.repository';
import { PayoutRepository, type PayoutAccountRow, type PayoutRow } from '../infrastructure/payout.repository';
import { PayoutProvider } from './payout-provider';
import { ownSeller, type SellerRef } from './seller-access';

export interface PayoutAccountView extends SellerRef {
  ready: boolean;
  chargesEnabled: boolean;
  detailsSubmitted: boolean;
  requirements: string[];
  bankPayoutStatus: string | null;
  bankPayoutFailureCode: string | null;
  /** The currency the seller is paid out in (its account's default currency). */
  payoutCurrency: string | null;
  onboardingUrl: string | null;
}

export interface PayoutRunResult {
  runKey: string;
  paid: PayoutRow[];
  skipped: (SellerRef & { currency: string; amountMinor: number; reason: 'NO_PAYOUT_ACCOUNT' | 'ACCOUNT_NOT_READY' })[];
  failed: (SellerRef & { payoutId: string; amountMinor: number; currency: string; checkoutId: string | null; transferGroup: string })[];
}

const RUN_KEY = /^[A-Za-z0-9_.:-]{1,64}$/;

function httpUrl(v: string, path: string): FieldIssue | null {
  try {
    const u = new URL(v);
    return u.protocol === 'http:' || u.protocol === 'https:' ? null : { path, message: 'must be an http(s) URL' };
  } catch {
    return { path, message: 'must be an http(s) URL' };
  }
}

/**
 * Seller payouts through Stripe Connect. A seller connects an Express account (created once,
 * under a key derived from the seller) and finishes Stripe's onboarding; its status is kept
 * from Stripe's account.updated (ConnectEventsService), and read from Stripe when connecting
 * and before each payout. The operator's payout run transfers each
 * seller's payable balance (orders past their return window, less refunds, disputes and earlier
 * payouts) to its account, one transfer per checkout whose money it pays (`allocatePayout`),
 * under the checkout's transfer group, the one its PaymentIntent carries: each transfer is a
 * `seller_payouts` row written under the account's
 * row lock before Stripe is called (so two runs never pay the same money), made under the
 * idempotency key `vitrine-payout-<row>` (a run that fails midway resumes without paying
 * twice), and posted to the ledger (`payout:<row>`) in the transaction that marks it PAID.
 * A seller without a ready account keeps accruing; a negative balance is carried.
 */
@Injectable()
export class PayoutsService {
  private readonly logger = new Logger(PayoutsService.name);

  constructor(
    private readonly payouts: PayoutRepository,
    private readonly ledger: LedgerRepository,
    private readonly provider: PayoutProvider,
    private readonly prisma: PrismaService,
  ) {}

  async connect(actor: Actor, q: { museumId?: string | null; brandId?: string | null; returnUrl: string; refreshUrl: string }): Promise<PayoutAccountView> {
    const problems = [httpUrl(q.returnUrl, 'returnUrl'), httpUrl(q.refreshUrl, 'refreshUrl')].filter((p): p is FieldIssue => !!p);
    if (problems.length) throw new ValidationError(problems);
    const seller = ownSeller(actor, q);
    const country = await this.payouts.sellerCountry(seller);
    if (!country) throw new NotFoundError('Seller');
    let row = await this.payouts.account(seller);
    if (!row) {
      const acct = await this.provider.createAccount({
        country,
        metadata: { vitrine_seller_type: seller.sellerType, vitrine_seller_id: seller.sellerId },
        idempotencyKey: `vitrine-connect-${seller.sellerType.toLowerCase()}-${seller.sellerId}`,
      });
      await this.payouts.insertAccount(seller, acct.id);
      row = (await this.payouts.account(seller))!;
    }
    const refreshed = await this.refresh(row);
    const onboardingUrl = refreshed.ready ? null : await this.provider.onboardingLink({ accountId: row.stripeAccountId, refreshUrl: q.refreshUrl, returnUrl: q.returnUrl });
    return { ...refreshed, onboardingUrl };
  }

  /**
   * The seller's payout account as Stripe last reported it (account.updated through the
   * Connect webhook, or the reads of connect and of each transfer): no call to Stripe.
   * Null before it connected one.
   */
  async account(actor: Actor, q: { museumId?: string | null; brandId?: string | null }): Promise<PayoutAccountView | null> {
    const row = await this.payouts.account(ownSeller(actor, q));
    return row ? { ...view(row), onboardingUrl: null } : null;
  }

  async payoutsOf(actor: Actor, q: { museumId?: string | null; brandId?: string | null }) {
    return this.payouts.payoutsOf(ownSeller(actor, q));
  }

  async run(actor: Actor, runKey: string): Promise<PayoutRunResult> {
    if (!isPlatformAdmin(actor)) throw new ForbiddenError('Only the platform operator runs payouts');
    if (!RUN_KEY.test(runKey)) throw new ValidationError([{ path: 'runKey', message: 'must be 1 to 64 letters, digits or _ . : -' }]);
    return this.runAs(runKey);
  }

  /** The worker's scheduled run: one run key per UTC day. */
  runScheduled(now: Date): Promise<PayoutRunResult> {
    return this.runAs(`scheduled-${now.toISOString().slice(0, 10)}`);
  }

  private async runAs(runKey: string): Promise<PayoutRunResult> {
    const result: PayoutRunResult = { runKey, paid: [], skipped: [], failed: [] };
    // Payouts a run left PENDING (Stripe did not answer, the process died) go first, under their own key.
    for (const p of await this.payouts.pendingPayouts()) await this.transfer(p, result);
    // Transfers made whose receipt (what the seller got in its currency, at Stripe's rate) Stripe did not give then.
    for (const p of await this.payouts.withoutReceipt(100)) await this.receipt(p.id, p.stripeTransferId);
    const owed = (await this.ledger.balances({ kinds: ['SELLER_PAYABLE'] })).filter((b) => b.ownerId && b.balanceMinor < 0);
    for (const b of owed) {
      const seller: SellerRef = { sellerType: b.ownerType as 'MUSEUM' | 'BRAND', sellerId: b.ownerId! };
      const row = await this.payouts.account(seller);
      if (!row) {
        result.skipped.push({ ...seller, currency: b.currency, amountMinor: -b.balanceMinor, reason: 'NO_PAYOUT_ACCOUNT' });
        continue;
      }
      if (!(await this.refresh(row)).ready) {
        result.skipped.push({ ...seller, currency: b.currency, amountMinor: -b.balanceMinor, reason: 'ACCOUNT_NOT_READY' });
        continue;
      }
      const payouts = await this.prisma.$transaction(async (tx) => {
        await this.payouts.account(seller, tx, true);
        const existing = await this.payouts.payoutsOfRun(tx, runKey, seller, b.currency);
        if (existing.length) return existing.filter((p) => p.status === 'PENDING');
        const [balance] = await this.ledger.balancesIn(tx, { kinds: ['SELLER_PAYABLE'], owners: [{ ownerType: seller.sellerType, ownerId: seller.sellerId }] }, b.currency);
        const amount = -(balance?.balanceMinor ?? 0) - (await this.payouts.pendingMinor(tx, seller, b.currency));
        // One transfer per checkout whose money it pays, each under the checkout's transfer group.
        const parts = allocatePayout(amount, await this.payouts.owedByCheckout(tx, seller, b.currency));
        const rows: PayoutRow[] = [];
        for (const part of parts) {
          rows.push(
            await this.payouts.insertPayout(tx, {
              runKey,
              ...seller,
              stripeAccountId: row.stripeAccountId,
              amountMinor: part.amountMinor,
              currency: b.currency,
              checkoutId: part.checkoutId,
              transferGroup: part.checkoutId ? checkoutTransferGroup(part.checkoutId) : '',
            }),
          );
        }
        return rows;
      });
      for (const payout of payouts) await this.transfer(payout, result);
    }
    return result;
  }

  private async transfer(p: PayoutRow, result: PayoutRunResult): Promise<void> {
    let transferId: string;
    let destinationPaymentId: string | null;
    try {
      ({ id: transferId, destinationPaymentId } = await this.provider.transfer({
        destination: p.stripeAccountId,
        amountMinor: p.amountMinor,
        currency: p.currency,
        transferGroup: p.transferGroup || null,
        metadata: { vitrine_payout_id: p.id, vitrine_seller_type: p.sellerType, vitrine_seller_id: p.sellerId, ...(p.checkoutId ? { vitrine_checkout_id: p.checkoutId } : {}) },
        idempotencyKey: `vitrine-payout-${p.id}`,
      }));
    } catch (error) {
      this.logger.warn(`payout ${p.id} to ${p.sellerType} ${p.sellerId} not made (${(error as Error).message}); it stays PENDING for the next run`);
      result.failed.push({ sellerType: p.sellerType, sellerId: p.sellerId, payoutId: p.id, amountMinor: p.amountMinor, currency: p.currency, checkoutId: p.checkoutId, transferGroup: p.transferGroup });
      return;
    }
    const posted = await this.prisma.$transaction(async (tx) => {
      if (!(await this.payouts.markPaid(tx, p.id, transferId, destinationPaymentId))) return false;
      return this.ledger.insertEntry(tx, payoutEntry({ payoutId: p.id, checkoutId: p.checkoutId, sellerType: p.sellerType, sellerId: p.sellerId, amountMinor: p.amountMinor, currency: p.currency, at: new Date() }));
    });
    if (posted) result.paid.push({ ...p, status: 'PAID', stripeTransferId: transferId });
    await this.receipt(p.id, transferId);
  }

  /**
   * Records what the seller's account received of a transfer: Stripe converts it on arrival into
   * the account's payout currency; the amount (minor units) and Stripe's rate are kept on the
   * payout. Read after the transfer (Stripe's destination payment); a failed read is retried by
   * the next run, and the ledger does not wait for it (it stays in the ledger's currency).
   */
  private async receipt(payoutId: string, transferId: string): Promise<void> {
    try {
      const r = await this.provider.transferReceipt(transferId);
      if (r) await this.payouts.recordReceipt(payoutId, r);
    } catch (error) {
      this.logger.warn(`receipt of transfer ${transferId} (payout ${payoutId}) not read (${(error as Error).message}); the next run reads it`);
    }
  }

  private async refresh(row: PayoutAccountRow): Promise<Omit<PayoutAccountView, 'onboardingUrl'>> {
    const st = await this.provider.account(row.stripeAccountId);
    const fresh = { chargesEnabled: st.chargesEnabled, payoutsEnabled: st.payoutsEnabled, detailsSubmitted: st.detailsSubmitted, requirements: st.currentlyDue };
    // Taken at the start of this second: an account.updated of the same second (Stripe's `created` is in seconds) still applies.
    await this.payouts.updateStatus(row.stripeAccountId, { ...fresh, at: new Date(Math.floor(Date.now() / 1000) * 1000) });
    if (st.defaultCurrency) await this.payouts.setPayoutCurrency(row.stripeAccountId, st.defaultCurrency);
    return view({ ...row, ...fresh, payoutCurrency: st.defaultCurrency ?? row.payoutCurrency });
  }
}

function view(row: PayoutAccountRow): Omit<PayoutAccountView, 'onboardingUrl'> {
  return {
    sellerType: row.sellerType,
    sellerId: row.sellerId,
    ready: row.payoutsEnabled,
    chargesEnabled: row.chargesEnabled,
    detailsSubmitted: row.detailsSubmitted,
    requirements: row.requirements,
    bankPayoutStatus: row.bankPayoutStatus,
    bankPayoutFailureCode: row.bankPayoutFailureCode,
    payoutCurrency: row.payoutCurrency,
  };
}
