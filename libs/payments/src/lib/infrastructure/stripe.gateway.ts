import { Injectable, Logger } from '@nestjs/common';
import type Stripe from 'stripe';
import { toConnectEvent, type VerifiedConnectEvent } from '../domain/connect-event';
import { CHECKOUT_METADATA_KEY, paymentMethodTypeOf, toPaymentEvent, type VerifiedPaymentEvent } from '../domain/payment-event';
import { PaymentsError, PaymentsErrorCode } from '../domain/payments-error';
import { checkoutTransferGroup } from '@vitrine/shared/kernel';
import type { StripeSettings } from './stripe-settings';

export interface IntentSnapshot {
  id: string;
  clientSecret: string;
  status: string;
  amountMinor: number;
  currency: string;
}

/** A wallet method the API confirms server-side (card goes through Stripe.js with the client secret). */
export type WalletMethod = 'alipay' | 'wechat_pay';

/**
 * What the shopper must do next to pay, from the intent's `next_action`: Alipay answers
 * `alipay_handle_redirect` (older API versions `redirect_to_url`), WeChat Pay (client web)
 * `wechat_pay_display_qr_code` with a hosted page showing the QR code and the QR's data.
 */
export interface WalletAction {
  type: 'REDIRECT' | 'QR_CODE';
  redirectUrl: string | null;
  qrCodeUrl: string | null;
  qrCodeData: string | null;
}

export interface IntentState {
  status: string;
  action: WalletAction | null;
  /** The payment method of the last failed attempt, if any (each attempt confirms afresh). */
  lastFailedPaymentMethod: string | null;
}

export interface DisputeSnapshot {
  id: string;
  status: string;
  evidenceDueBy: Date | null;
}

export interface RefundSnapshot {
  id: string;
  status: string;
  amountMinor: number;
  currency: string;
}

/** Stripe's processing fee on a charge, from its balance transaction. */
export interface ChargeFee {
  balanceTransactionId: string;
  feeMinor: number;
  currency: string;
}

/** A Stripe Connect account as payouts need it. */
export interface ConnectedAccountSnapshot {
  id: string;
  chargesEnabled: boolean;
  payoutsEnabled: boolean;
  detailsSubmitted: boolean;
  currentlyDue: string[];
  /** The currency the account is paid out in (Stripe converts transfers into it on arrival). */
  defaultCurrency: string | null;
}

/** What a transfer's connected account received: Stripe's destination payment, converted at Stripe's rate when its currency differs. */
export interface TransferReceipt {
  amountMinor: number;
  currency: string;
  /** Stripe's exchange_rate (units of `currency` per unit of the transfer's), as Stripe gave it; null when no conversion. */
  exchangeRate: string | null;
}

/**
 * The only code that talks to Stripe, through the official SDK. Every write carries an
 * idempotency key derived from our own ids, so a retry (ours or the SDK's) never charges,
 * cancels or refunds twice. Stripe's errors never travel further than this class.
 */
@Injectable()
export class StripeGateway {
  private readonly logger = new Logger(StripeGateway.name);
  private sdk: Promise<{ client: Stripe; errors: typeof Stripe.errors }> | null = null;

  constructor(private readonly settings: StripeSettings) {}

  /**
   * The SDK's client, made on first use: the SDK is 219 modules (~0.1 s of CPU to load in each
   * Jest test file, issue 23) that an API or worker making no payment call does not load.
   */
  private stripe(): Promise<{ client: Stripe; errors: typeof Stripe.errors }> {
    this.sdk ??= import('stripe').then(({ default: StripeSdk }) => ({
      client: new StripeSdk(this.settings.secretKey, {
        host: this.settings.host,
        port: this.settings.port,
        protocol: this.settings.protocol,
        maxNetworkRetries: this.settings.maxNetworkRetries,
        timeout: this.settings.timeoutMs,
        telemetry: false,
        appInfo: { name: 'vitrine' },
      }),
      errors: StripeSdk.errors,
    }));
    return this.sdk;
  }

  /**
   * One PaymentIntent in CNY payable by card, Alipay or WeChat Pay (web). API version
   * 2026-10-28.endive (SDK 23) names the request field `allowed_payment_method_types`; the
   * intent still answers the usable ones in `payment_method_types`.
   */
  async createPaymentIntent(args: { checkoutId: string; amountMinor: number; currency: string; description: string; idempotencyKey: string }): Promise<IntentSnapshot> {
    const pi = await this.call('create payment intent', (stripe) =>
      stripe.paymentIntents.create(
        {
          amount: args.amountMinor,
          currency: args.currency.toLowerCase(),
          allowed_payment_method_types: ['card', 'alipay', 'wechat_pay'],
          payment_method_options: { wechat_pay: { client: 'web' } },
          description: args.description,
          metadata: { [CHECKOUT_METADATA_KEY]: args.checkoutId },
          // The payout run's transfers of this checkout's money carry the same group.
          transfer_group: checkoutTransferGroup(args.checkoutId),
        },
        { idempotencyKey: args.idempotencyKey },
      ),
    );
    return this.intent(pi);
  }

  /**
   * Confirms the intent with a new Alipay or WeChat Pay payment method (payment_method_data):
   * the intent turns requires_action and its next_action says where the shopper approves.
   * `return_url` is where Alipay sends the shopper back (WeChat Pay's QR flow has none).
   */
  async confirmWalletPayment(args: { paymentIntentId: string; method: WalletMethod; returnUrl: string | null; idempotencyKey: string }): Promise<IntentState> {
    const pi = await this.call('confirm payment intent', (stripe) =>
      stripe.paymentIntents.confirm(
        args.paymentIntentId,
        {
          payment_method_data: { type: args.method },
          ...(args.method === 'alipay' && args.returnUrl ? { return_url: args.returnUrl } : {}),
        },
        { idempotencyKey: args.idempotencyKey },
      ),
    );
    return this.state(pi);
  }

  /** How a succeeded intent was paid: its latest charge's payment_method_details.type (card, alipay, wechat_pay); null without a charge. */
  async paidWith(paymentIntentId: string): Promise<string | null> {
    const pi = await this.call('retrieve payment intent', (stripe) => stripe.paymentIntents.retrieve(paymentIntentId, { expand: ['latest_charge'] }));
    return paymentMethodTypeOf(pi as unknown as Record<string, unknown>);
  }

  async paymentIntentState(id: string): Promise<IntentState> {
    return this.state(await this.call('retrieve payment intent', (stripe) => stripe.paymentIntents.retrieve(id)));
  }

  private state(pi: Stripe.PaymentIntent): IntentState {
    const failedPm = pi.last_payment_error?.payment_method;
    return { status: pi.status, action: walletAction(pi.next_action), lastFailedPaymentMethod: failedPm ? (typeof failedPm === 'string' ? failedPm : failedPm.id) : null };
  }

  /**
   * Stripe's fee on the intent's charge, from the charge's balance transaction (null while the
   * intent has no charge or the charge no balance transaction yet).
   */
  async chargeFee(paymentIntentId: string): Promise<ChargeFee | null> {
    // One request: the intent with its latest charge and that charge's balance transaction expanded
    // (the worker reads one per paid checkout: a second request for the charge cost ~0.4 ms of its CPU).
    const pi = await this.call('retrieve payment intent', (stripe) => stripe.paymentIntents.retrieve(paymentIntentId, { expand: ['latest_charge.balance_transaction'] }));
    const charge = pi.latest_charge;
    if (!charge || typeof charge === 'string') return null;
    const txn = charge.balance_transaction;
    if (!txn || typeof txn === 'string') return null;
    return { balanceTransactionId: txn.id, feeMinor: txn.fee, currency: txn.currency.toUpperCase() };
  }

  /** Stripe Connect: an Express account for a seller, once per idempotency key. */
  async createConnectedAccount(args: { country: string; metadata: Record<string, string>; idempotencyKey: string }): Promise<ConnectedAccountSnapshot> {
    const acct = await this.call('create account', (stripe) =>
      stripe.accounts.create({ type: 'express', country: args.country, capabilities: { transfers: { requested: true } }, metadata: args.metadata }, { idempotencyKey: args.idempotencyKey }),
    );
    return connected(acct);
  }

  async retrieveConnectedAccount(id: string): Promise<ConnectedAccountSnapshot> {
    return connected(await this.call('retrieve account', (stripe) => stripe.accounts.retrieve(id)));
  }

  /** The Express onboarding link of the account (single use, short-lived). */
  async accountOnboardingLink(args: { accountId: string; refreshUrl: string; returnUrl: string }): Promise<string> {
    const link = await this.call('create account link', (stripe) => stripe.accountLinks.create({ account: args.accountId, refresh_url: args.refreshUrl, return_url: args.returnUrl, type: 'account_onboarding' }));
    return link.url;
  }

  /**
   * What the connected account received of a transfer: its destination payment's balance
   * transaction (read on the connected account), in the account's default currency at Stripe's
   * rate. Null while Stripe has none.
   */
  async transferReceipt(transferId: string): Promise<TransferReceipt | null> {
    const tr = await this.call('retrieve transfer', (stripe) => stripe.transfers.retrieve(transferId));
    const paymentId = typeof tr.destination_payment === 'string' ? tr.destination_payment : (tr.destination_payment?.id ?? null);
    const account = typeof tr.destination === 'string' ? tr.destination : (tr.destination?.id ?? null);
    if (!paymentId || !account) return null;
    const py = await this.call('retrieve destination payment', (stripe) => stripe.charges.retrieve(paymentId, { expand: ['balance_transaction'] }, { stripeAccount: account }));
    const bt = py.balance_transaction;
    if (!bt || typeof bt === 'string') return null;
    return { amountMinor: bt.amount, currency: bt.currency.toUpperCase(), exchangeRate: bt.exchange_rate == null ? null : String(bt.exchange_rate) };
  }

  /**
   * Moves money from the platform's balance to a connected account, once per idempotency key.
   * Answers the transfer with its payment on the connected account (destination_payment, py_…),
   * which a bank payout's balance transactions name as their source.
   */
  async createTransfer(args: { destination: string; amountMinor: number; currency: string; transferGroup: string | null; metadata: Record<string, string>; idempotencyKey: string }): Promise<{ id: string; destinationPaymentId: string | null }> {
    const tr = await this.call('create transfer', (stripe) =>
      stripe.transfers.create(
        { destination: args.destination, amount: args.amountMinor, currency: args.currency.toLowerCase(), ...(args.transferGroup ? { transfer_group: args.transferGroup } : {}), metadata: args.metadata },
        { idempotencyKey: args.idempotencyKey },
      ),
    );
    return { id: tr.id, destinationPaymentId: idOf(tr.destination_payment) };
  }

  /** The transfer's payment on the connected account (destination_payment), null while Stripe has none. */
  async transferDestinationPayment(transferId: string): Promise<string | null> {
    const tr = await this.call('retrieve transfer', (stripe) => stripe.transfers.retrieve(transferId));
    return idOf(tr.destination_payment);
  }

  /**
   * What a connected account's payout to its bank carried: its balance transactions
   * (GET /v1/balance_transactions?payout=po_… on the connected account, every page, 100 a
   * page), each one's type and source.
   */
  async payoutBalanceTransactions(accountId: string, payoutId: string): Promise<{ id: string; type: string; source: string | null }[]> {
    const out: { id: string; type: string; source: string | null }[] = [];
    const { client } = await this.stripe();
    try {
      for await (const bt of client.balanceTransactions.list({ payout: payoutId, limit: 100 }, { stripeAccount: accountId })) {
        out.push({ id: bt.id, type: bt.type, source: idOf(bt.source) });
      }
    } catch (error) {
      throw this.unavailable('list payout balance transactions', error);
    }
    return out;
  }

  /**
   * Every reversal of a transfer (GET /v1/transfers/:id/reversals, every page, 100 a page): a
   * transfer's event embeds only the 10 newest.
   */
  async transferReversals(transferId: string): Promise<{ id: string; amountMinor: number; currency: string }[]> {
    const out: { id: string; amountMinor: number; currency: string }[] = [];
    const { client } = await this.stripe();
    try {
      for await (const r of client.transfers.listReversals(transferId, { limit: 100 })) out.push({ id: r.id, amountMinor: r.amount, currency: r.currency.toUpperCase() });
    } catch (error) {
      throw this.unavailable('list transfer reversals', error);
    }
    return out;
  }

  /**
   * Takes (part of) a transfer back from the connected account, once per idempotency key.
   * Stripe refusing it (the account no longer holds the money: balance_insufficient; nothing
   * left to reverse) answers `refused` with Stripe's code; an outage throws
   * PAYMENT_PROVIDER_UNAVAILABLE (the caller retries under the same key).
   */
  async createTransferReversal(args: { transferId: string; amountMinor: number; metadata: Record<string, string>; idempotencyKey: string }): Promise<{ id: string; amountMinor: number; currency: string } | { refused: string }> {
    const { client, errors } = await this.stripe();
    try {
      const r = await client.transfers.createReversal(args.transferId, { amount: args.amountMinor, metadata: args.metadata }, { idempotencyKey: args.idempotencyKey });
      return { id: r.id, amountMinor: r.amount, currency: r.currency.toUpperCase() };
    } catch (error) {
      if (error instanceof errors.StripeInvalidRequestError) return { refused: error.code ?? 'invalid_request' };
      throw this.unavailable('create transfer reversal', error);
    }
  }

  async retrievePaymentIntent(id: string): Promise<IntentSnapshot> {
    return this.intent(await this.call('retrieve payment intent', (stripe) => stripe.paymentIntents.retrieve(id)));
  }

  /**
   * Cancels an unpaid intent so it can no longer succeed. Answers the intent's status after
   * the attempt: a succeeded (or processing) intent cannot be cancelled and is reported as is.
   */
  async cancelPaymentIntent(id: string, idempotencyKey: string): Promise<string> {
    const { client, errors } = await this.stripe();
    try {
      const pi = await client.paymentIntents.cancel(id, {}, { idempotencyKey });
      return pi.status;
    } catch (error) {
      if (error instanceof errors.StripeInvalidRequestError) return (await this.retrievePaymentIntent(id)).status;
      throw this.unavailable('cancel payment intent', error);
    }
  }

  async createRefund(args: { paymentIntentId: string; amountMinor: number; orderId: string | null; reason: string; idempotencyKey: string }): Promise<RefundSnapshot> {
    const refund = await this.call('create refund', (stripe) =>
      stripe.refunds.create(
        {
          payment_intent: args.paymentIntentId,
          amount: args.amountMinor,
          metadata: { ...(args.orderId ? { vitrine_order_id: args.orderId } : {}), vitrine_reason: args.reason },
        },
        // The refund is asked for inside the transaction that holds the order (refundOrder,
        // 20 s): at most two attempts of 8 s, so a hanging Stripe ends in
        // PAYMENT_PROVIDER_UNAVAILABLE before the transaction's timeout, never after it.
        { idempotencyKey: args.idempotencyKey, timeout: Math.min(this.settings.timeoutMs, 8_000), maxNetworkRetries: Math.min(this.settings.maxNetworkRetries, 1) },
      ),
    );
    return { id: refund.id, status: refund.status ?? 'pending', amountMinor: refund.amount, currency: refund.currency.toUpperCase() };
  }

  /**
   * Uploads one evidence file (purpose dispute_evidence). The SDK sends it to files.stripe.com,
   * or to STRIPE_API_HOST when that is set (an instance host overrides every API base).
   */
  async uploadDisputeFile(args: { filename: string; contentType: string; data: Buffer; idempotencyKey: string }): Promise<string> {
    const file = await this.call('upload dispute evidence', (stripe) =>
      stripe.files.create({ purpose: 'dispute_evidence', file: { data: args.data, name: args.filename, type: args.contentType } }, { idempotencyKey: args.idempotencyKey }),
    );
    return file.id;
  }

  /**
   * Stripe's fees on a dispute (the dispute fee), from the dispute's balance transactions: one
   * when the money was withdrawn; a won dispute may add one that gives the fee back (negative).
   * Null while Stripe has written no balance transaction for it.
   */
  async disputeFee(id: string): Promise<{ feeMinor: number; currency: string } | null> {
    const d = await this.call('retrieve dispute', (stripe) => stripe.disputes.retrieve(id));
    if (!d.balance_transactions.length) return null;
    return { feeMinor: d.balance_transactions.reduce((sum, t) => sum + t.fee, 0), currency: d.balance_transactions[0]!.currency.toUpperCase() };
  }

  async retrieveDispute(id: string): Promise<DisputeSnapshot> {
    return this.dispute(await this.call('retrieve dispute', (stripe) => stripe.disputes.retrieve(id)));
  }

  /**
   * Submits the evidence (submit: true: Stripe sends it to the bank at once). Stripe refuses
   * evidence on a dispute no longer awaiting it: then the dispute as it stands is answered
   * with `accepted: false`.
   */
  async submitDisputeEvidence(id: string, evidence: Record<string, string>, idempotencyKey: string): Promise<DisputeSnapshot & { accepted: boolean }> {
    const { client, errors } = await this.stripe();
    try {
      const d = await client.disputes.update(
        id,
        { evidence: evidence as Stripe.DisputeUpdateParams.Evidence, submit: true },
        // Inside the transaction that holds the dispute: bounded like refunds.
        { idempotencyKey, timeout: Math.min(this.settings.timeoutMs, 8_000), maxNetworkRetries: Math.min(this.settings.maxNetworkRetries, 1) },
      );
      return { ...this.dispute(d), accepted: true };
    } catch (error) {
      if (error instanceof errors.StripeInvalidRequestError) return { ...(await this.retrieveDispute(id)), accepted: false };
      throw this.unavailable('submit dispute evidence', error);
    }
  }

  private dispute(d: Stripe.Dispute): DisputeSnapshot {
    const due = d.evidence_details?.due_by;
    return { id: d.id, status: d.status, evidenceDueBy: due ? new Date(due * 1000) : null };
  }

  /**
   * The platform endpoint's event (/webhooks/stripe, STRIPE_WEBHOOK_SECRET), signature checked
   * with the SDK against the raw body. Transfers live on the platform's account, so Stripe
   * sends transfer.* here, not to the Connect endpoint: those are read as Connect events.
   */
  async verifyWebhook(rawBody: Buffer | undefined, signature: string | undefined): Promise<{ connect: false; verified: VerifiedPaymentEvent } | { connect: true; verified: VerifiedConnectEvent }> {
    const event = await this.construct(rawBody, signature, this.settings.webhookSecret);
    if (event.type.startsWith('transfer.')) return { connect: true, verified: toConnectEvent(event as unknown as Parameters<typeof toConnectEvent>[0]) };
    return { connect: false, verified: toPaymentEvent(event as unknown as { id: string; type: string; data: { object: Record<string, unknown> } }) };
  }

  /** The Connect endpoint's events (connected accounts'), signed with their own secret (STRIPE_CONNECT_WEBHOOK_SECRET). */
  async verifyConnectWebhook(rawBody: Buffer | undefined, signature: string | undefined): Promise<VerifiedConnectEvent> {
    if (!this.settings.connectWebhookSecret) throw new PaymentsError(PaymentsErrorCode.WEBHOOK_SIGNATURE_INVALID, 'STRIPE_CONNECT_WEBHOOK_SECRET is not set: the Connect endpoint accepts no event');
    return toConnectEvent((await this.construct(rawBody, signature, this.settings.connectWebhookSecret)) as unknown as Parameters<typeof toConnectEvent>[0]);
  }

  private async construct(rawBody: Buffer | undefined, signature: string | undefined, secret: string): Promise<Stripe.Event> {
    if (!rawBody || !signature) throw new PaymentsError(PaymentsErrorCode.WEBHOOK_SIGNATURE_INVALID, 'Missing body or Stripe-Signature header');
    const { client } = await this.stripe();
    try {
      return client.webhooks.constructEvent(rawBody, signature, secret, this.settings.webhookToleranceSeconds);
    } catch {
      throw new PaymentsError(PaymentsErrorCode.WEBHOOK_SIGNATURE_INVALID, 'The webhook signature does not match');
    }
  }

  private intent(pi: Stripe.PaymentIntent): IntentSnapshot {
    return { id: pi.id, clientSecret: pi.client_secret ?? '', status: pi.status, amountMinor: pi.amount, currency: pi.currency.toUpperCase() };
  }

  private async call<T>(what: string, fn: (stripe: Stripe) => Promise<T>): Promise<T> {
    const { client } = await this.stripe();
    // The SDK formats its caller's stack synchronously before every request, for its own error
    // messages (replaced below): with source maps that was ~0.6 ms of CPU per checkout, so no
    // frames are captured while the request is issued.
    const limit = Error.stackTraceLimit;
    let pending: Promise<T>;
    Error.stackTraceLimit = 0;
    try {
      pending = fn(client);
    } catch (error) {
      pending = Promise.reject(error);
    } finally {
      Error.stackTraceLimit = limit;
    }
    try {
      return await pending;
    } catch (error) {
      throw this.unavailable(what, error);
    }
  }

  private unavailable(what: string, error: unknown): PaymentsError {
    const e = error as { type?: string; code?: string; statusCode?: number; requestId?: string };
    // Type, code and request id only: Stripe messages may echo request parameters.
    this.logger.warn(`stripe: ${what} failed (${e.type ?? 'error'} ${e.code ?? ''} ${e.statusCode ?? ''} ${e.requestId ?? ''})`);
    return new PaymentsError(PaymentsErrorCode.PAYMENT_PROVIDER_UNAVAILABLE, 'The payment provider could not be reached; try again');
  }
}

/** The id of an expandable field (an id, an object, or null). */
function idOf(v: string | { id: string } | null | undefined): string | null {
  return v == null ? null : typeof v === 'string' ? v : v.id;
}

function walletAction(next: Stripe.PaymentIntent.NextAction | null): WalletAction | null {
  if (!next) return null;
  const redirect = next.alipay_handle_redirect?.url ?? next.redirect_to_url?.url ?? null;
  if (redirect) return { type: 'REDIRECT', redirectUrl: redirect, qrCodeUrl: null, qrCodeData: null };
  const qr = next.wechat_pay_display_qr_code;
  if (qr) return { type: 'QR_CODE', redirectUrl: null, qrCodeUrl: qr.hosted_instructions_url ?? qr.image_url_png ?? null, qrCodeData: qr.data ?? null };
  return null;
}

function connected(a: Stripe.Account): ConnectedAccountSnapshot {
  return {
    id: a.id,
    chargesEnabled: a.charges_enabled ?? false,
    payoutsEnabled: a.payouts_enabled ?? false,
    detailsSubmitted: a.details_submitted ?? false,
    currentlyDue: a.requirements?.currently_due ?? [],
    defaultCurrency: a.default_currency ? a.default_currency.toUpperCase() : null,
  };
}
