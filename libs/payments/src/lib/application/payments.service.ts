import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Prisma, SqlTx, Tx } from '@vitrine/shared/data-access';
import { CLOSED_DISPUTE_STATUSES, acceptsEvidence, isDisputeClosed, nextDisputeStatus } from '../domain/dispute-status';
import type { VerifiedConnectEvent } from '../domain/connect-event';
import type { PaymentEvent, VerifiedPaymentEvent } from '../domain/payment-event';
import { PaymentsError, PaymentsErrorCode } from '../domain/payments-error';
import { PaymentRepository, type DisputeRecord, type PaymentFailureRecord, type PaymentRecord, type RefundRecord } from '../infrastructure/payment.repository';
import { StripeGateway, type ChargeFee, type ConnectedAccountSnapshot, type TransferReceipt, type WalletAction, type WalletMethod } from '../infrastructure/stripe.gateway';

/** One evidence file, uploaded to Stripe (purpose dispute_evidence) and named in the evidence by `field`. */
export interface DisputeEvidenceFile {
  field: 'receipt' | 'shipping_documentation' | 'customer_communication' | 'uncategorized_file';
  filename: string;
  contentType: string;
  data: Buffer;
}

export interface PaymentHandle {
  paymentIntentId: string;
  clientSecret: string;
  amountMinor: number;
  currency: string;
  /** The payment row as written or read, when this call had it (a caller may answer from it without reading it again). */
  record?: PaymentRecord;
  /** false: ensurePaymentIntent's `onlyIf` did not hold, nothing was written (the intent pays for nothing). */
  recorded?: false;
}

/**
 * Payments through Stripe. State changes driven by webhooks happen inside the caller's
 * transaction (the orders that the payment pays for change in the same commit); calls to
 * Stripe happen outside any transaction.
 */
@Injectable()
export class PaymentsService {
  constructor(
    private readonly gateway: StripeGateway,
    private readonly payments: PaymentRepository,
  ) {}

  /**
   * The checkout's PaymentIntent, created once: Stripe's idempotency key is derived from the
   * checkout, so a retry (after a crash, a timeout or a concurrent duplicate) gets the same one.
   */
  /**
   * `onlyIf` (with `knownNew`): the row is written only if this SQL condition holds, checked in
   * the insert's own statement (placeOrder: the checkout was not withdrawn meanwhile, under its
   * row's key-share lock); when it does not, nothing is written and the answer has
   * `recorded: false` — the intent exists at Stripe and pays for nothing (the caller cancels it).
   */
  async ensurePaymentIntent(
    args: { checkoutId: string; amountMinor: number; currency: string; description: string },
    options: { knownNew?: boolean; onlyIf?: Prisma.Sql } = {},
  ): Promise<PaymentHandle> {
    const existing = options.knownNew ? null : await this.payments.findByCheckout(args.checkoutId);
    if (existing) return this.handle(existing);
    const intent = await this.gateway.createPaymentIntent({ ...args, idempotencyKey: `vitrine-checkout-${args.checkoutId}` });
    const data = {
      checkoutId: args.checkoutId,
      providerPaymentId: intent.id,
      clientSecret: intent.clientSecret,
      amountMinor: intent.amountMinor,
      currency: intent.currency,
    };
    if (options.knownNew && options.onlyIf) {
      const row = await this.payments.insertIfAbsentOnlyIf(data, options.onlyIf);
      return row ? this.handle(row) : { paymentIntentId: intent.id, clientSecret: intent.clientSecret, amountMinor: intent.amountMinor, currency: intent.currency, recorded: false };
    }
    return this.handle(await this.payments.insertIfAbsent(data));
  }

  findForCheckout(checkoutId: string): Promise<PaymentRecord | null> {
    return this.payments.findByCheckout(checkoutId);
  }

  findForCheckouts(checkoutIds: readonly string[]): Promise<PaymentRecord[]> {
    return checkoutIds.length ? this.payments.findByCheckouts(checkoutIds) : Promise.resolve([]);
  }

  /** Refunded (or pending) amount per order, outside any transaction (before issuing another refund). */
  refundedOf(orderIds: readonly string[]): Promise<Map<string, number>> {
    return this.payments.refundedForOrdersNow(orderIds);
  }

  /** Orders with a refund Stripe reported failed or cancelled, by id: at most `limit` after the order id `after`. */
  orderIdsWithFailedRefunds(limit: number, after: string | null = null): Promise<string[]> {
    return this.payments.orderIdsWithFailedRefunds(limit, after);
  }

  /** Refunds issued for these orders (or reported by Stripe with their metadata), oldest first. */
  refundsOfOrders(orderIds: readonly string[]): Promise<RefundRecord[]> {
    return orderIds.length ? this.payments.refundsOfOrders(orderIds) : Promise.resolve([]);
  }

  /** Disputes opened on the payments of these checkouts. */
  disputesOfCheckouts(checkoutIds: readonly string[]): Promise<(DisputeRecord & { checkoutId: string })[]> {
    return checkoutIds.length ? this.payments.disputesOfCheckouts(checkoutIds) : Promise.resolve([]);
  }

  /** Makes an unpaid intent unpayable; answers Stripe's status afterwards ('canceled', or 'succeeded' if it was too late). */
  /**
   * Starts (or shows again) a wallet payment of the intent: an intent already awaiting the
   * shopper's approval answers its next action; one awaiting a payment method (new, or after a
   * declined or cancelled attempt) is confirmed with the method. The idempotency key names the
   * attempt (the failed payment method before it), so a retry never confirms twice but a new
   * attempt after a decline does. Paid or processing intents need no action (null).
   */
  async walletAction(paymentIntentId: string, method: WalletMethod, returnUrl: string | null, options: { knownNew?: boolean } = {}): Promise<WalletAction | null> {
    const state = options.knownNew ? { status: 'requires_payment_method', action: null, lastFailedPaymentMethod: null } : await this.gateway.paymentIntentState(paymentIntentId);
    if (state.status === 'requires_action') return state.action;
    if (state.status !== 'requires_payment_method') return null;
    const attempt = state.lastFailedPaymentMethod ?? 'first';
    // Kept for customs: a wallet payment is declared by that wallet's company (libs/customs).
    await this.payments.recordWalletMethod(paymentIntentId, method);
    const confirmed = await this.gateway.confirmWalletPayment({ paymentIntentId, method, returnUrl, idempotencyKey: `vitrine-confirm-${paymentIntentId}-${method}-${attempt}` });
    return confirmed.action;
  }

  /** Stripe's fee on the intent's charge (its balance transaction); null while there is none yet. For settlement. */
  chargeFee(paymentIntentId: string): Promise<ChargeFee | null> {
    return this.gateway.chargeFee(paymentIntentId);
  }

  /** Stripe's dispute fee (from the dispute's balance transactions); null while it has none. */
  disputeFee(disputeId: string): Promise<{ feeMinor: number; currency: string } | null> {
    return this.gateway.disputeFee(disputeId);
  }

  /** Stripe Connect, for libs/settlement's payouts (bound in the apps): a seller's Express account, its onboarding link and status, transfers. */
  createConnectedAccount(args: { country: string; metadata: Record<string, string>; idempotencyKey: string }): Promise<ConnectedAccountSnapshot> {
    return this.gateway.createConnectedAccount(args);
  }

  connectedAccount(id: string): Promise<ConnectedAccountSnapshot> {
    return this.gateway.retrieveConnectedAccount(id);
  }

  accountOnboardingLink(args: { accountId: string; refreshUrl: string; returnUrl: string }): Promise<string> {
    return this.gateway.accountOnboardingLink(args);
  }

  transfer(args: { destination: string; amountMinor: number; currency: string; transferGroup: string | null; metadata: Record<string, string>; idempotencyKey: string }): Promise<{ id: string; destinationPaymentId: string | null }> {
    return this.gateway.createTransfer(args);
  }

  /** The transfer's payment on its connected account (py_…), null while Stripe has none. */
  transferDestinationPayment(transferId: string): Promise<string | null> {
    return this.gateway.transferDestinationPayment(transferId);
  }

  /** The balance transactions a connected account's bank payout carried (type and source of each). */
  payoutBalanceTransactions(accountId: string, payoutId: string): Promise<{ id: string; type: string; source: string | null }[]> {
    return this.gateway.payoutBalanceTransactions(accountId, payoutId);
  }

  /** Every reversal of a transfer (its events embed only the 10 newest). */
  transferReversals(transferId: string): Promise<{ id: string; amountMinor: number; currency: string }[]> {
    return this.gateway.transferReversals(transferId);
  }

  /** What the transfer's connected account received, in its currency at Stripe's rate (null while Stripe has none). */
  transferReceipt(transferId: string): Promise<TransferReceipt | null> {
    return this.gateway.transferReceipt(transferId);
  }

  /** Reverses (part of) a transfer to a connected account; `refused` with Stripe's code when Stripe will not. */
  reverseTransfer(args: { transferId: string; amountMinor: number; metadata: Record<string, string>; idempotencyKey: string }) {
    return this.gateway.createTransferReversal(args);
  }

  cancelIntent(paymentIntentId: string): Promise<string> {
    return this.gateway.cancelPaymentIntent(paymentIntentId, `vitrine-cancel-${paymentIntentId}`);
  }

  /** The platform endpoint's payment event (any transfer.* event reads as IGNORED here). */
  async verifyWebhook(rawBody: Buffer | undefined, signature: string | undefined): Promise<VerifiedPaymentEvent> {
    const v = await this.gateway.verifyWebhook(rawBody, signature);
    return v.connect ? { eventId: v.verified.eventId, type: v.verified.type, checkoutId: null, event: { kind: 'IGNORED', type: v.verified.type } } : v.verified;
  }

  /** The platform endpoint's event: a payment event, or a transfer's (transfer.*: a Connect event, for settlement). */
  verifyPlatformWebhook(rawBody: Buffer | undefined, signature: string | undefined): Promise<{ connect: false; verified: VerifiedPaymentEvent } | { connect: true; verified: VerifiedConnectEvent }> {
    return this.gateway.verifyWebhook(rawBody, signature);
  }

  /** A Connect endpoint event, verified with the Connect signing secret. */
  verifyConnectWebhook(rawBody: Buffer | undefined, signature: string | undefined): Promise<VerifiedConnectEvent> {
    return this.gateway.verifyConnectWebhook(rawBody, signature);
  }

  /** Records a Connect event's id (same table as payment events: Stripe's event ids are unique); false when already processed. */
  claimConnectEvent(tx: SqlTx, e: VerifiedConnectEvent): Promise<boolean> {
    return this.payments.claimEvent(tx, e.eventId, e.type, null);
  }

  /** Records the event id; false when it was already processed (the caller then does nothing). */
  claimEvent(tx: SqlTx, e: VerifiedPaymentEvent): Promise<boolean> {
    const pi = 'paymentIntentId' in e.event ? e.event.paymentIntentId : null;
    return this.payments.claimEvent(tx, e.eventId, e.type, pi);
  }

  lockByIntent(tx: SqlTx, paymentIntentId: string): Promise<PaymentRecord | null> {
    return this.payments.findByProviderIdForUpdate(tx, paymentIntentId);
  }

  /**
   * Locks the checkout's payment for the caller's transaction: refunds of its orders, and the
   * webhook events of the payment (which lock it first too), queue one behind the other.
   */
  lockForCheckout(tx: SqlTx, checkoutId: string): Promise<PaymentRecord | null> {
    return this.payments.findByCheckoutForUpdate(tx, checkoutId);
  }

  /** A succeeded payment stays succeeded whatever arrives later. */
  markSucceeded(tx: SqlTx, payment: PaymentRecord): Promise<boolean> {
    return this.payments.setStatus(tx, payment.id, 'SUCCEEDED', ['SUCCEEDED']);
  }

  /**
   * How a succeeded payment was paid, as Stripe confirms it: from the event when it says,
   * else from the intent's latest charge (asked of Stripe, outside any transaction). Null when
   * Stripe cannot be asked now; the method placeOrder recorded then stands.
   */
  async confirmedMethod(eventId: string, event: { paymentIntentId: string; paymentMethodType: string | null }): Promise<string | null> {
    if (event.paymentMethodType) return event.paymentMethodType;
    // A redelivered event changes nothing: Stripe is not asked again.
    if (await this.payments.eventProcessed(eventId)) return null;
    try {
      return await this.gateway.paidWith(event.paymentIntentId);
    } catch {
      return null;
    }
  }

  /**
   * Keeps Stripe's confirmed method as the payment's wallet method (payments.wallet_method),
   * which picks the payment company that declares the payment to customs. Answers what was
   * recorded before when Stripe's fact differs from it (placeOrder's choice, or nothing), else null.
   */
  async recordConfirmedMethod(tx: Tx, payment: PaymentRecord, method: string): Promise<{ before: string | null } | null> {
    if (payment.walletMethod === method) return null;
    await this.payments.setWalletMethod(tx, payment.id, method);
    return { before: payment.walletMethod };
  }

  markFailed(tx: SqlTx, payment: PaymentRecord): Promise<boolean> {
    return this.payments.setStatus(tx, payment.id, 'FAILED', ['SUCCEEDED', 'CANCELED', 'FAILED']);
  }

  markCanceled(tx: SqlTx, payment: PaymentRecord): Promise<boolean> {
    return this.payments.setStatus(tx, payment.id, 'CANCELED', ['SUCCEEDED', 'CANCELED']);
  }

  /** Records refunds reported on the charge; answers the cumulative refunded amount. */
  async recordRefunds(
    tx: SqlTx,
    payment: PaymentRecord,
    e: { amountRefundedMinor: number; currency: string; refunds: { id: string; amountMinor: number; status: string; orderId: string | null }[] },
  ): Promise<number> {
    for (const r of e.refunds) {
      await this.payments.upsertRefund(tx, { paymentId: payment.id, providerRefundId: r.id, amountMinor: r.amountMinor, currency: e.currency, status: r.status, orderId: r.orderId, reason: null });
    }
    return this.payments.raiseRefunded(tx, payment.id, e.amountRefundedMinor);
  }

  /**
   * Stripe reports a refund failed or cancelled: recorded so (once, under the payment's lock)
   * and the payment's refunded amount lowered. Null when it was already recorded so.
   */
  async recordRefundFailed(
    tx: SqlTx,
    payment: PaymentRecord,
    e: { refundId: string; status: string; amountMinor: number; currency: string; orderId: string | null },
  ): Promise<{ orderId: string | null; amountMinor: number } | null> {
    const before = await this.payments.failRefund(tx, { paymentId: payment.id, providerRefundId: e.refundId, amountMinor: e.amountMinor, currency: e.currency, status: e.status, orderId: e.orderId });
    if (!before) return null;
    await this.payments.raiseRefunded(tx, payment.id, 0);
    return { orderId: before.orderId, amountMinor: before.amountMinor };
  }

  /** How many refunds of the order Stripe reported failed or cancelled (a new refund after one is a new request). */
  failedRefundsOf(tx: Tx, orderId: string): Promise<number> {
    return this.payments.failedRefundsOf(tx, orderId);
  }

  /** Refunded amount per order: refunds the platform issued for an order, or Stripe reported with its metadata. */
  refundedByOrder(tx: Tx, orderIds: readonly string[]): Promise<Map<string, number>> {
    return this.payments.refundedForOrders(tx, orderIds);
  }

  /**
   * A declined attempt: the intent is back in requires_payment_method and stays payable with
   * another card or method; the attempt is counted and its codes kept for the shopper.
   */
  recordFailedAttempt(tx: SqlTx, payment: PaymentRecord, e: Pick<Extract<PaymentEvent, { kind: 'PAYMENT_FAILED' }>, 'failureCode' | 'declineCode'>, at: Date): Promise<boolean> {
    return this.payments.recordFailedAttempt(tx, payment.id, { failureCode: e.failureCode, declineCode: e.declineCode, at });
  }

  /** The last declined attempt of these checkouts' payments (those with one). */
  failuresOfCheckouts(checkoutIds: readonly string[]): Promise<PaymentFailureRecord[]> {
    return checkoutIds.length ? this.payments.failuresOfCheckouts(checkoutIds) : Promise.resolve([]);
  }

  /**
   * A dispute as Stripe reports it (created, updated, closed), under the payment's lock. Its
   * status only moves forward; the evidence due date is kept; closed lost, the amount the bank
   * took back is recorded. Answers the status before (null: new) and after.
   */
  async recordDispute(tx: Tx, payment: PaymentRecord, e: Extract<PaymentEvent, { kind: 'DISPUTE' }>, now: Date): Promise<{ before: string | null; after: string }> {
    const existing = await this.payments.findDisputeForUpdate(tx, e.disputeId);
    const status = nextDisputeStatus(existing?.status ?? null, e.status);
    const data = {
      amountMinor: e.amountMinor,
      reason: e.reason,
      status,
      evidenceDueBy: e.evidenceDueBy ?? existing?.evidenceDueBy ?? null,
      lostAmountMinor: status === 'lost' ? (existing?.lostAmountMinor || e.amountMinor) : 0,
      closedAt: isDisputeClosed(status) ? (existing?.closedAt ?? now) : null,
    };
    if (existing) await this.payments.updateDispute(tx, existing.id, data);
    else await this.payments.insertDispute(tx, { paymentId: payment.id, providerDisputeId: e.disputeId, currency: e.currency, ...data });
    return { before: existing?.status ?? null, after: status };
  }

  findDispute(id: string): Promise<(DisputeRecord & { checkoutId: string }) | null> {
    return this.payments.findDispute(id);
  }

  /** Disputes by id, `limit` at a time after `after`; `open`: those Stripe has not closed. */
  disputesPage(limit: number, after: string | null, open: boolean): Promise<(DisputeRecord & { checkoutId: string })[]> {
    return this.payments.disputesPage(limit, after, open, CLOSED_DISPUTE_STATUSES);
  }

  /** Refuses evidence Stripe would refuse: a closed dispute, evidence already submitted, or past its due date. */
  assertAcceptsEvidence(d: Pick<DisputeRecord, 'status' | 'evidenceDueBy'>, now: Date): void {
    if (isDisputeClosed(d.status)) throw new PaymentsError(PaymentsErrorCode.DISPUTE_CLOSED, 'The dispute is closed');
    if (!acceptsEvidence(d.status)) throw new PaymentsError(PaymentsErrorCode.DISPUTE_EVIDENCE_SUBMITTED, 'Evidence was already submitted; the dispute is under review');
    if (d.evidenceDueBy && d.evidenceDueBy.getTime() <= now.getTime()) throw new PaymentsError(PaymentsErrorCode.DISPUTE_EVIDENCE_PAST_DUE, 'The evidence due date has passed');
  }

  /** Uploads evidence files to Stripe (idempotent per dispute and content); answers the evidence fields naming them. */
  async uploadEvidenceFiles(disputeId: string, files: readonly DisputeEvidenceFile[]): Promise<Record<string, string>> {
    const named: Record<string, string> = {};
    for (const f of files) {
      const digest = createHash('sha256').update(f.field).update('\0').update(f.filename).update('\0').update(f.data).digest('hex').slice(0, 40);
      named[f.field] = await this.gateway.uploadDisputeFile({ filename: f.filename, contentType: f.contentType, data: f.data, idempotencyKey: `vitrine-dispute-file-${disputeId}-${digest}` });
    }
    return named;
  }

  /**
   * Locks the dispute, checks it still takes evidence, submits the evidence at Stripe and
   * records the submission, in the caller's transaction. Refused: nothing written.
   */
  async submitDisputeEvidence(tx: Tx, disputeId: string, evidence: Record<string, string>, userId: string, now: Date): Promise<DisputeRecord> {
    const d = await this.payments.lockDispute(tx, disputeId);
    if (!d) throw new PaymentsError(PaymentsErrorCode.DISPUTE_CLOSED, 'The dispute is closed');
    this.assertAcceptsEvidence(d, now);
    const key = createHash('sha256').update(JSON.stringify(Object.entries(evidence).sort())).digest('hex').slice(0, 40);
    const r = await this.gateway.submitDisputeEvidence(d.providerDisputeId, evidence, `vitrine-dispute-evidence-${d.id}-${key}`);
    if (!r.accepted) {
      this.assertAcceptsEvidence({ status: nextDisputeStatus(d.status, r.status), evidenceDueBy: r.evidenceDueBy ?? d.evidenceDueBy }, now);
      throw new PaymentsError(PaymentsErrorCode.DISPUTE_EVIDENCE_PAST_DUE, 'Stripe no longer accepts evidence for this dispute');
    }
    const status = nextDisputeStatus(d.status, r.status);
    await this.payments.updateDispute(tx, d.id, {
      amountMinor: d.amountMinor,
      reason: d.reason,
      status,
      evidenceDueBy: r.evidenceDueBy ?? d.evidenceDueBy,
      lostAmountMinor: d.lostAmountMinor,
      closedAt: d.closedAt,
      evidenceSubmittedAt: now,
      evidenceSubmittedBy: userId,
    });
    return { ...d, status, evidenceSubmittedAt: now };
  }

  /**
   * Refunds part or all of a checkout's payment at Stripe (idempotent per key) and records
   * the refund; the charge.refunded webhook confirms it later. Inside a transaction that has
   * locked the payment (`lockForCheckout`), the refund is recorded in it; the status answered
   * is the one recorded (a refund Stripe already reported failed stays failed).
   */
  async refund(
    args: { checkoutId: string; orderId: string | null; amountMinor: number; reason: string; idempotencyKey: string },
    tx?: SqlTx,
  ): Promise<{ refundId: string; status: string }> {
    const payment = tx ? await this.payments.findByCheckoutForUpdate(tx, args.checkoutId) : await this.payments.findByCheckout(args.checkoutId);
    if (!payment || payment.status !== 'SUCCEEDED' || args.amountMinor <= 0 || args.amountMinor > payment.amountMinor - payment.amountRefundedMinor) {
      throw new PaymentsError(PaymentsErrorCode.REFUND_NOT_POSSIBLE, 'Nothing can be refunded for this amount');
    }
    const refund = await this.gateway.createRefund({
      paymentIntentId: payment.providerPaymentId,
      amountMinor: args.amountMinor,
      orderId: args.orderId,
      reason: args.reason,
      idempotencyKey: args.idempotencyKey,
    });
    const status = tx
      ? await this.payments.upsertRefund(tx, { paymentId: payment.id, providerRefundId: refund.id, amountMinor: refund.amountMinor, currency: refund.currency, status: refund.status, orderId: args.orderId, reason: args.reason })
      : await this.payments.upsertRefundOutsideTx(payment.id, refund, args.orderId, args.reason);
    return { refundId: refund.id, status };
  }

  private handle(p: PaymentRecord): PaymentHandle {
    return { paymentIntentId: p.providerPaymentId, clientSecret: p.clientSecret, amountMinor: p.amountMinor, currency: p.currency, record: p };
  }
}
