import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';

/**
 * A loopback stand-in for api.stripe.com, for tests: the real `stripe` SDK is pointed at it
 * (STRIPE_API_HOST / PORT / PROTOCOL) and it answers PaymentIntent and Refund requests in
 * Stripe's JSON format, honouring Idempotency-Key like Stripe does (same key + same
 * parameters → the first answer replayed; same key + other parameters → idempotency_error).
 * Tests then move intents along (succeed, fail, refund, dispute) and get the webhook event
 * Stripe would send, signed with the SDK's generateTestHeaderString. Disputes take evidence as
 * Stripe does: POST /v1/disputes/:id (form-encoded `evidence[...]`, `submit`) and evidence
 * files through POST /v1/files (multipart, `purpose=dispute_evidence`), which the SDK sends to
 * files.stripe.com unless an instance host (STRIPE_API_HOST) overrides it, as here.
 *
 * It is also the Stripe sandbox `npm start` runs (scripts/dev-gateways.ts): PaymentIntents
 * confirmed with `payment_method_data[type]=alipay|wechat_pay` (or card) answer the next_action
 * Stripe answers (alipay_handle_redirect, wechat_pay_display_qr_code; redirect_to_url for card)
 * pointing at the sandbox wallet page (GET /sandbox/wallet/:payment_intent), where the shopper
 * plays the wallet: Pay, Fail (declined) or Cancel each send the signed webhook to `webhookUrl`
 * and then go back to the return_url, if one was given, as Stripe does.
 */

type Json = Record<string, unknown>;

export interface LoopbackRequest {
  method: string;
  path: string;
  idempotencyKey: string | null;
  replayed: boolean;
  params: Json;
  /** The Stripe-Account header (a call made on a connected account), null without one. */
  stripeAccount: string | null;
}

export interface StripeEventLike {
  id: string;
  object: 'event';
  api_version: string;
  created: number;
  livemode: false;
  pending_webhooks: number;
  request: { id: string | null; idempotency_key: string | null };
  type: string;
  data: { object: Json };
}

export interface StripeLoopbackOptions {
  /** 0 (default): any free port. */
  port?: number;
  /** Keys to accept / sign with (default: generated). */
  secretKey?: string;
  /**
   * The publishable key (default: generated): as with Stripe, it only reads and confirms a
   * PaymentIntent together with its client_secret (what Stripe.js does in the browser).
   */
  publishableKey?: string;
  webhookSecret?: string;
  /** The Connect endpoint's signing secret (default: generated). */
  connectWebhookSecret?: string;
  /** Where the wallet page delivers its webhooks (the API's /webhooks/stripe); settable later. */
  webhookUrl?: string | null;
  /** Stripe's processing fee on a charge, in basis points of its amount (default 340, HALF_UP to the minor unit). */
  feeBps?: number;
  /** Stripe's dispute fee, in minor units of the dispute's currency, on the dispute's balance transaction (default 10000: ¥100). */
  disputeFeeMinor?: number;
  /**
   * Stripe's conversion rates for transfers to a connected account whose default currency is
   * another (`'cny:eur'`: EUR per CNY), as its destination payment's balance transaction shows
   * them (`exchange_rate`). Default: cny:eur 0.128, cny:gbp 0.11, cny:usd 0.138.
   */
  fxRates?: Record<string, number>;
}

export interface StripeLoopback {
  /** Environment for an app under test (host, port, protocol, keys). */
  env: Record<string, string>;
  /** http://127.0.0.1:port */
  url: string;
  /** Where the wallet page's buttons deliver their signed webhook (null: nowhere, the page says so). */
  webhookUrl: string | null;
  /** The sandbox wallet page of an intent. */
  walletUrl(paymentIntentId: string): string;
  secretKey: string;
  /** Confirms (and reads) a PaymentIntent with its client_secret only, as Stripe.js does. */
  publishableKey: string;
  webhookSecret: string;
  /** Signs the Connect endpoint's events (connected accounts': account.updated, payout.*). */
  connectWebhookSecret: string;
  requests: LoopbackRequest[];
  paymentIntents: Map<string, Json>;
  refunds: Map<string, Json>;
  disputes: Map<string, Json>;
  /** The balance transaction of each charge (its fee), as GET /v1/balance_transactions/:id answers it. */
  balanceTransactions: Map<string, Json>;
  /** Stripe Connect: connected accounts (Express), and transfers to them. */
  accounts: Map<string, Json>;
  transfers: Map<string, Json>;
  /** The transfers whose reversals were listed (GET /v1/transfers/:id/reversals), one entry per page asked. */
  listedReversals: string[];
  /**
   * Each connected account's available balance (minor units): transfers in, reversals and
   * paid bank payouts out. A reversal asked through the API beyond it is refused
   * (balance_insufficient), as Stripe refuses to reverse what the account no longer holds.
   */
  accountBalances: Map<string, number>;
  /** The seller finishes Express onboarding: payouts enabled, nothing due; answers the account.updated event. */
  completeOnboarding(accountId: string): StripeEventLike;
  /** account.updated of the connected account as it stands now (after `changes`), with its `account`: for the Connect endpoint. */
  accountUpdated(accountId: string, changes?: Json): StripeEventLike;
  /**
   * Reverses (part of) a transfer as POST /v1/transfers/:id/reversals does (the money comes
   * back from the connected account) and answers the platform's event of the transfer as it
   * stands: transfer.reversed (or transfer.updated). Stripe sends it to the platform endpoint.
   */
  reverseTransfer(transferId: string, amount?: number, type?: 'transfer.reversed' | 'transfer.updated'): StripeEventLike;
  /**
   * The connected account's automatic payout to its bank: it takes the account's available
   * balance (every balance transaction available and not paid out yet: transfers' payments py_…,
   * reversals, the money of a payout that failed), and answers payout.paid or payout.failed,
   * with its `account`, for the Connect endpoint. GET /v1/balance_transactions?payout=po_… (with
   * the account's Stripe-Account header) lists what it took, and the payout's own transaction.
   * A failed payout's money comes back as a `payout_failure` transaction (its source the payout),
   * which the next payout takes. `amount` (in the transfers' currency, `currency`) only sets the
   * event's amount and what leaves `accountBalances`; by default, what it took.
   */
  bankPayout(accountId: string, status: 'paid' | 'failed', amount?: number, currency?: string): StripeEventLike;
  /** The payout's status changes later (e.g. paid, then failed as Stripe may report): answers the event of the payout as it stands. */
  bankPayoutUpdated(payoutId: string, status: 'paid' | 'failed'): StripeEventLike;
  /** Bank payouts made (po_… → the payout object), and the balance transactions each took. */
  bankPayouts: Map<string, Json>;
  payoutTransactions(payoutId: string): Json[];
  /**
   * The transfer's money is still pending on the connected account (its destination payment's
   * balance transaction, as Stripe holds funds until available_on): a bank payout does not take
   * it until `releaseFunds`.
   */
  holdFunds(destinationPaymentId: string): void;
  releaseFunds(destinationPaymentId: string): void;
  /** Files uploaded through POST /v1/files, with their bytes. */
  files: Map<string, Json & { data: Buffer }>;
  /** The next n requests answer this HTTP status (500: the SDK retries with the same key). */
  failNext(n: number, status?: number): void;
  /** The next n requests to this path (e.g. /v1/transfers) answer this HTTP status; others are served. */
  failNextTo(path: string, n: number, status?: number): void;
  /**
   * The shopper pays: the intent succeeds with a charge whose payment_method_details.type is the
   * method the intent was confirmed with (card without one), or `options.paidWith` (the shopper
   * paid another way than the API confirmed, e.g. on a second tab). The event names the charge
   * by id, as Stripe's does.
   */
  succeed(paymentIntentId: string, options?: { paidWith?: string }): StripeEventLike;
  fail(paymentIntentId: string, declineCode?: string): StripeEventLike;
  /** Cancels as Stripe would on its own (e.g. a dashboard action) and returns the event. */
  cancel(paymentIntentId: string, reason?: string): StripeEventLike;
  /** Refunds (all, or amount) and returns the charge.refunded event. */
  refund(paymentIntentId: string, amount?: number, metadata?: Json): StripeEventLike;
  /** The charge.refunded event of the charge as it stands (after refunds made through the API). */
  refunded(paymentIntentId: string): StripeEventLike;
  /** Opens a dispute on the intent's charge (its evidence due in `dueInSeconds`, 7 days by default; `amount` of the charge by default). */
  dispute(paymentIntentId: string, reason?: string, options?: { dueInSeconds?: number; amount?: number }): StripeEventLike;
  /** The bank decides: charge.dispute.closed with status won or lost. */
  closeDispute(disputeId: string, status: 'won' | 'lost'): StripeEventLike;
  /** charge.dispute.updated of the dispute as it stands (e.g. under_review after evidence). */
  disputeUpdated(disputeId: string): StripeEventLike;
  /**
   * The refund fails (or is cancelled) as Stripe reports it later: its amount goes back to
   * the charge's refundable balance; answers the `refund.updated` event (or `type`).
   */
  failRefund(refundId: string, status?: 'failed' | 'canceled', type?: 'refund.updated' | 'refund.failed' | 'charge.refund.updated'): StripeEventLike;
  /** Body and headers of a signed webhook delivery of the event. */
  sign(event: StripeEventLike, options?: { secret?: string; timestamp?: number }): { body: string; headers: Record<string, string> };
  /** POSTs the signed event to `${baseUrl}/webhooks/stripe` and answers the HTTP status. */
  deliver(baseUrl: string, event: StripeEventLike): Promise<number>;
  /** POSTs the event signed with the Connect secret to `${baseUrl}/webhooks/stripe-connect` and answers the HTTP status. */
  deliverConnect(baseUrl: string, event: StripeEventLike, options?: { secret?: string }): Promise<number>;
  close(): Promise<void>;
}

const API_VERSION = Stripe.API_VERSION;
const now = () => Math.floor(Date.now() / 1000);
/** The default currency Stripe gives a connected account of a country. */
const COUNTRY_CURRENCY: Record<string, string> = { FR: 'eur', DE: 'eur', IT: 'eur', ES: 'eur', NL: 'eur', BE: 'eur', AT: 'eur', PT: 'eur', IE: 'eur', GB: 'gbp', US: 'usd', CN: 'cny', HK: 'hkd', JP: 'jpy' };
const DEFAULT_FX: Record<string, number> = { 'cny:eur': 0.128, 'cny:gbp': 0.11, 'cny:usd': 0.138 };
const id = (prefix: string) => `${prefix}_${randomBytes(12).toString('hex')}`;

/** Stripe's form encoding (`a[b][0]=c`) back into objects and arrays. */
export function parseStripeForm(body: string): Json {
  const root: Json = {};
  for (const [rawKey, value] of new URLSearchParams(body)) {
    const parts = rawKey.replace(/\]/g, '').split('[');
    let node: Json = root;
    parts.forEach((part, i) => {
      if (i === parts.length - 1) {
        node[part] = value;
        return;
      }
      const nextIsIndex = /^\d+$/.test(parts[i + 1]);
      node[part] ??= nextIsIndex ? [] : {};
      node = node[part] as Json;
    });
  }
  return root;
}

interface MultipartPart {
  name: string;
  filename: string | null;
  contentType: string | null;
  data: Buffer;
}

/** multipart/form-data as the SDK sends it (one part per field, files with a filename and type). */
export function parseMultipart(body: Buffer, boundary: string): MultipartPart[] {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: MultipartPart[] = [];
  let at = body.indexOf(delimiter);
  while (at !== -1) {
    const start = at + delimiter.length;
    if (body.subarray(start, start + 2).toString() === '--') break;
    const next = body.indexOf(delimiter, start);
    if (next === -1) break;
    const part = body.subarray(start + 2, next - 2); // after CRLF, before the CRLF preceding the next delimiter
    const split = part.indexOf('\r\n\r\n');
    const head = part.subarray(0, split).toString('utf8');
    const name = /name="([^"]*)"/i.exec(head)?.[1] ?? '';
    const filename = /filename="([^"]*)"/i.exec(head)?.[1] ?? null;
    const contentType = /content-type:\s*([^\r\n]+)/i.exec(head)?.[1]?.trim() ?? null;
    parts.push({ name, filename, contentType, data: part.subarray(split + 4) });
    at = next;
  }
  return parts;
}

const stripeError = (status: number, type: string, message: string, code?: string, param?: string) => ({
  status,
  body: { error: { type, message, ...(code ? { code } : {}), ...(param ? { param } : {}), request_log_url: null } },
});

export async function startStripeLoopback(options: StripeLoopbackOptions = {}): Promise<StripeLoopback> {
  const secretKey = options.secretKey ?? `sk_test_loopback_${randomBytes(8).toString('hex')}`;
  const publishableKey = options.publishableKey ?? `pk_test_loopback_${randomBytes(8).toString('hex')}`;
  // (the dispute helper's own `options` shadows these)
  const disputeFeeOptions = options;
  const webhookSecret = options.webhookSecret ?? `whsec_loopback_${randomBytes(16).toString('hex')}`;
  const connectWebhookSecret = options.connectWebhookSecret ?? `whsec_loopback_connect_${randomBytes(16).toString('hex')}`;
  /** return_url given at confirmation, per intent (WeChat Pay's next action has no field for it). */
  const returnUrls = new Map<string, string>();
  /** The payment method type of the intent's current attempt. */
  const methods = new Map<string, string>();
  let baseUrl = '';
  const walletUrl = (piId: string) => `${baseUrl}/sandbox/wallet/${piId}`;
  const paymentIntents = new Map<string, Json>();
  const charges = new Map<string, Json>();
  const balanceTransactions = new Map<string, Json>();
  const accounts = new Map<string, Json>();
  const transfers = new Map<string, Json>();
  const listedReversals: string[] = [];
  const accountBalances = new Map<string, number>();
  /** Each connected account's balance transactions (ids, oldest first), and the bank payout that took each. */
  const accountTxns = new Map<string, string[]>();
  const paidOutBy = new Map<string, string>();
  /** What a connected account's transaction is worth in the transfers' currency (accountBalances' unit). */
  const platformAmounts = new Map<string, number>();
  const bankPayouts = new Map<string, Json>();
  const payoutTxns = new Map<string, string[]>();
  const refunds = new Map<string, Json>();
  const disputes = new Map<string, Json>();
  const files = new Map<string, Json & { data: Buffer }>();
  const idempotency = new Map<string, { fingerprint: string; status: number; body: Json }>();
  const requests: LoopbackRequest[] = [];
  let failures: { left: number; status: number } = { left: 0, status: 500 };
  const pathFailures = new Map<string, { left: number; status: number }>();

  function createIntent(p: Json): { status: number; body: Json } {
    const amount = Number(p['amount']);
    if (!Number.isSafeInteger(amount) || amount < 1) return stripeError(400, 'invalid_request_error', 'Invalid positive integer', 'parameter_invalid_integer', 'amount');
    if (typeof p['currency'] !== 'string') return stripeError(400, 'invalid_request_error', 'Missing required param: currency.', 'parameter_missing', 'currency');
    const types = (p['allowed_payment_method_types'] ?? p['payment_method_types'] ?? ['card']) as string[];
    const options = (p['payment_method_options'] ?? {}) as Json;
    if (types.includes('wechat_pay') && (options['wechat_pay'] as Json | undefined)?.['client'] === undefined) {
      return stripeError(400, 'invalid_request_error', 'payment_method_options[wechat_pay][client] is required for wechat_pay', 'parameter_missing', 'payment_method_options[wechat_pay][client]');
    }
    const piId = id('pi');
    const pi: Json = {
      id: piId,
      object: 'payment_intent',
      amount,
      amount_capturable: 0,
      amount_received: 0,
      allowed_payment_method_types: types,
      automatic_payment_methods: null,
      cancellation_reason: null,
      canceled_at: null,
      capture_method: 'automatic',
      client_secret: `${piId}_secret_${randomBytes(12).toString('hex')}`,
      confirmation_method: 'automatic',
      created: now(),
      currency: String(p['currency']).toLowerCase(),
      customer: null,
      description: p['description'] ?? null,
      excluded_payment_method_types: null,
      last_payment_error: null,
      latest_charge: null,
      livemode: false,
      metadata: p['metadata'] ?? {},
      next_action: null,
      payment_method: null,
      payment_method_options: options,
      payment_method_types: types,
      status: 'requires_payment_method',
      transfer_group: typeof p['transfer_group'] === 'string' ? p['transfer_group'] : null,
    };
    paymentIntents.set(piId, pi);
    return { status: 200, body: pi };
  }

  function cancelIntent(piId: string, p: Json): { status: number; body: Json } {
    const pi = paymentIntents.get(piId);
    if (!pi) return stripeError(404, 'invalid_request_error', `No such payment_intent: '${piId}'`, 'resource_missing', 'intent');
    if (pi['status'] === 'canceled') return { status: 200, body: pi };
    if (pi['status'] === 'succeeded' || pi['status'] === 'processing') {
      return stripeError(
        400,
        'invalid_request_error',
        `You cannot cancel this PaymentIntent because it has a status of ${pi['status']}.`,
        'payment_intent_unexpected_state',
      );
    }
    Object.assign(pi, { status: 'canceled', canceled_at: now(), cancellation_reason: p['cancellation_reason'] ?? 'requested_by_customer' });
    return { status: 200, body: pi };
  }

  /**
   * Confirmation with a new payment method (payment_method_data[type]) or a test card
   * (payment_method=pm_card_*): the intent awaits the shopper's approval on the wallet page,
   * with the next_action Stripe answers for the method.
   */
  function confirmIntent(piId: string, p: Json): { status: number; body: Json } {
    const pi = paymentIntents.get(piId);
    if (!pi) return stripeError(404, 'invalid_request_error', `No such payment_intent: '${piId}'`, 'resource_missing', 'intent');
    if (!['requires_payment_method', 'requires_confirmation', 'requires_action'].includes(String(pi['status']))) {
      return stripeError(400, 'invalid_request_error', `You cannot confirm this PaymentIntent because it has a status of ${pi['status']}.`, 'payment_intent_unexpected_state');
    }
    const data = p['payment_method_data'] as Json | undefined;
    const type = data ? String(data['type'] ?? '') : typeof p['payment_method'] === 'string' && String(p['payment_method']).startsWith('pm_card_') ? 'card' : '';
    if (!type) return stripeError(400, 'invalid_request_error', 'You must provide a payment method to confirm this PaymentIntent.', 'payment_intent_unexpected_state', 'payment_method');
    if (!(pi['payment_method_types'] as string[]).includes(type)) {
      return stripeError(400, 'invalid_request_error', `The payment method type "${type}" is invalid for this PaymentIntent.`, 'payment_intent_invalid_parameter', 'payment_method_data[type]');
    }
    const returnUrl = typeof p['return_url'] === 'string' ? p['return_url'] : null;
    if (returnUrl !== null && (!/^https?:\/\//i.test(returnUrl) || !URL.canParse(returnUrl))) return stripeError(400, 'invalid_request_error', 'Not a valid URL', 'url_invalid', 'return_url');
    if (type === 'alipay' && !returnUrl) return stripeError(400, 'invalid_request_error', 'A return_url is required to confirm an Alipay PaymentIntent.', 'parameter_missing', 'return_url');
    if (returnUrl) returnUrls.set(piId, returnUrl);
    else returnUrls.delete(piId);
    const page = walletUrl(piId);
    const next_action =
      type === 'alipay'
        ? { type: 'alipay_handle_redirect', alipay_handle_redirect: { native_data: null, native_url: null, return_url: returnUrl, url: page } }
        : type === 'wechat_pay'
          ? {
              type: 'wechat_pay_display_qr_code',
              wechat_pay_display_qr_code: {
                data: page,
                hosted_instructions_url: page,
                image_data_url: `data:image/svg+xml;base64,${Buffer.from(qrSvg(page)).toString('base64')}`,
                image_url_png: `${page}/qr.svg`,
                image_url_svg: `${page}/qr.svg`,
              },
            }
          : { type: 'redirect_to_url', redirect_to_url: { return_url: returnUrl, url: page } };
    Object.assign(pi, { status: 'requires_action', payment_method: id('pm'), next_action, last_payment_error: null, confirmation_method: 'automatic' });
    methods.set(piId, type);
    return { status: 200, body: pi };
  }

  function chargeOf(pi: Json): Json {
    const chId = pi['latest_charge'] as string;
    return charges.get(chId)!;
  }

  function createRefund(p: Json): { status: number; body: Json } {
    const pi = paymentIntents.get(String(p['payment_intent']));
    if (!pi) return stripeError(404, 'invalid_request_error', `No such payment_intent: '${p['payment_intent']}'`, 'resource_missing', 'payment_intent');
    if (pi['status'] !== 'succeeded') return stripeError(400, 'invalid_request_error', 'This PaymentIntent does not have a successful charge to refund.', 'charge_not_refundable');
    const charge = chargeOf(pi);
    const left = Number(charge['amount']) - Number(charge['amount_refunded']);
    const amount = p['amount'] === undefined ? left : Number(p['amount']);
    if (!Number.isSafeInteger(amount) || amount < 1 || amount > left) {
      return stripeError(400, 'invalid_request_error', `Refund amount (${amount}) is greater than unrefunded amount on charge (${left})`, 'amount_too_large', 'amount');
    }
    const refund: Json = {
      id: id('re'),
      object: 'refund',
      amount,
      charge: charge['id'],
      created: now(),
      currency: pi['currency'],
      metadata: p['metadata'] ?? {},
      payment_intent: pi['id'],
      reason: p['reason'] ?? null,
      status: 'succeeded',
    };
    refunds.set(String(refund['id']), refund);
    charge['amount_refunded'] = Number(charge['amount_refunded']) + amount;
    charge['refunded'] = charge['amount_refunded'] === charge['amount'];
    (charge['refunds'] as { data: Json[] }).data.unshift(refund);
    return { status: 200, body: refund };
  }

  /** A transaction on a connected account's balance (`platformAmount`: its worth in the transfers' currency). */
  function onAccount(accountId: string, txnId: string, platformAmount: number): void {
    const list = accountTxns.get(accountId) ?? [];
    list.push(txnId);
    accountTxns.set(accountId, list);
    platformAmounts.set(txnId, platformAmount);
  }

  /**
   * GET /v1/balance_transactions as Stripe answers it: the account's (Stripe-Account) or the
   * platform's, newest first, filtered by `payout` (what that automatic payout took, and its
   * own transaction) and `type`, `limit` (1..100, default 10) and `starting_after` /
   * `ending_before` cursors, in Stripe's list format.
   */
  function listBalanceTransactions(p: Json, stripeAccount: string | null): { status: number; body: Json } {
    let ids: string[];
    if (p['payout'] !== undefined) {
      const po = bankPayouts.get(String(p['payout']));
      if (!po || po['_account'] !== stripeAccount) return stripeError(404, 'invalid_request_error', `No such payout: '${String(p['payout'])}'`, 'resource_missing', 'payout');
      ids = [...payoutTxns.get(String(po['id']))!, String(po['balance_transaction'])];
    } else if (stripeAccount) {
      if (!accounts.has(stripeAccount)) return stripeError(403, 'invalid_request_error', `The provided key does not have access to account '${stripeAccount}' (or that account does not exist).`, 'account_invalid');
      ids = accountTxns.get(stripeAccount) ?? [];
    } else {
      const connected = new Set([...accountTxns.values()].flat());
      ids = [...balanceTransactions.keys()].filter((t) => !connected.has(t));
    }
    let list = ids.map((t) => balanceTransactions.get(t)!).reverse();
    if (p['type'] !== undefined) list = list.filter((t) => t['type'] === p['type']);
    const limit = p['limit'] === undefined ? 10 : Number(p['limit']);
    if (!Number.isInteger(limit) || limit < 1 || limit > 100) return stripeError(400, 'invalid_request_error', 'Invalid integer: must be between 1 and 100', 'parameter_invalid_integer', 'limit');
    let hasMore: boolean;
    if (p['ending_before'] !== undefined) {
      const at = list.findIndex((t) => t['id'] === p['ending_before']);
      if (at < 0) return stripeError(400, 'invalid_request_error', `No such balance_transaction: '${String(p['ending_before'])}'`, 'resource_missing', 'ending_before');
      const before = list.slice(0, at);
      hasMore = before.length > limit;
      list = before.slice(-limit);
    } else {
      if (p['starting_after'] !== undefined) {
        const at = list.findIndex((t) => t['id'] === p['starting_after']);
        if (at < 0) return stripeError(400, 'invalid_request_error', `No such balance_transaction: '${String(p['starting_after'])}'`, 'resource_missing', 'starting_after');
        list = list.slice(at + 1);
      }
      hasMore = list.length > limit;
      list = list.slice(0, limit);
    }
    return { status: 200, body: { object: 'list', data: list, has_more: hasMore, url: '/v1/balance_transactions' } };
  }

  function route(method: string, path: string, p: Json, stripeAccount: string | null = null): { status: number; body: Json } {
    let m: RegExpExecArray | null;
    if (method === 'POST' && path === '/v1/payment_intents') return createIntent(p);
    if ((m = /^\/v1\/payment_intents\/([^/]+)$/.exec(path)) && method === 'GET') {
      const pi = paymentIntents.get(m[1]);
      if (!pi) return stripeError(404, 'invalid_request_error', `No such payment_intent: '${m[1]}'`, 'resource_missing', 'intent');
      const expand = Object.values((p['expand'] ?? {}) as Record<string, string>);
      const deep = expand.includes('latest_charge.balance_transaction');
      if (!(deep || expand.includes('latest_charge')) || !pi['latest_charge']) return { status: 200, body: pi };
      // Stripe expands a path: the charge, then (latest_charge.balance_transaction) its balance transaction.
      const ch = charges.get(String(pi['latest_charge']));
      if (!ch) return { status: 200, body: pi };
      return { status: 200, body: { ...pi, latest_charge: deep ? { ...ch, balance_transaction: balanceTransactions.get(String(ch['balance_transaction'])) ?? null } : ch } };
    }
    if ((m = /^\/v1\/payment_intents\/([^/]+)\/cancel$/.exec(path)) && method === 'POST') return cancelIntent(m[1], p);
    if ((m = /^\/v1\/payment_intents\/([^/]+)\/confirm$/.exec(path)) && method === 'POST') return confirmIntent(m[1], p);
    if (method === 'POST' && path === '/v1/refunds') return createRefund(p);
    if ((m = /^\/v1\/refunds\/([^/]+)$/.exec(path)) && method === 'GET') {
      const r = refunds.get(m[1]);
      return r ? { status: 200, body: r } : stripeError(404, 'invalid_request_error', `No such refund: '${m[1]}'`, 'resource_missing', 'id');
    }
    if ((m = /^\/v1\/disputes\/([^/]+)$/.exec(path)) && method === 'GET') {
      const d = disputes.get(m[1]);
      return d ? { status: 200, body: d } : stripeError(404, 'invalid_request_error', `No such dispute: '${m[1]}'`, 'resource_missing', 'dispute');
    }
    if ((m = /^\/v1\/disputes\/([^/]+)$/.exec(path)) && method === 'POST') return updateDispute(m[1], p);
    if ((m = /^\/v1\/charges\/([^/]+)$/.exec(path)) && method === 'GET') {
      const ch = charges.get(m[1]);
      if (!ch) return stripeError(404, 'invalid_request_error', `No such charge: '${m[1]}'`, 'resource_missing', 'id');
      const expand = Object.values((p['expand'] ?? {}) as Record<string, string>);
      return { status: 200, body: expand.includes('balance_transaction') ? { ...ch, balance_transaction: balanceTransactions.get(String(ch['balance_transaction'])) ?? null } : ch };
    }
    if (method === 'POST' && path === '/v1/accounts') {
      const acct: Json = {
        id: id('acct'),
        object: 'account',
        type: p['type'] ?? 'express',
        country: p['country'] ?? 'FR',
        email: p['email'] ?? null,
        metadata: p['metadata'] ?? {},
        capabilities: { transfers: 'inactive' },
        // Stripe sets it from the country (the currency payouts reach the bank in).
        default_currency: typeof p['default_currency'] === 'string' ? String(p['default_currency']).toLowerCase() : (COUNTRY_CURRENCY[String(p['country'] ?? 'FR')] ?? 'eur'),
        charges_enabled: false,
        payouts_enabled: false,
        details_submitted: false,
        requirements: { currently_due: ['external_account', 'tos_acceptance.date', 'business_profile.url'], disabled_reason: 'requirements.past_due' },
        created: now(),
      };
      accounts.set(String(acct['id']), acct);
      return { status: 200, body: acct };
    }
    if ((m = /^\/v1\/accounts\/([^/]+)$/.exec(path)) && method === 'GET') {
      const acct = accounts.get(m[1]);
      return acct ? { status: 200, body: acct } : stripeError(404, 'invalid_request_error', `No such account: '${m[1]}'`, 'resource_missing', 'account');
    }
    if (method === 'POST' && path === '/v1/account_links') {
      if (!accounts.has(String(p['account']))) return stripeError(400, 'invalid_request_error', `No such account: '${p['account']}'`, 'resource_missing', 'account');
      return { status: 200, body: { object: 'account_link', created: now(), expires_at: now() + 300, url: `${baseUrl}/sandbox/onboarding/${p['account']}?return_url=${encodeURIComponent(String(p['return_url'] ?? ''))}` } };
    }
    if (method === 'POST' && path === '/v1/transfers') {
      const acct = accounts.get(String(p['destination']));
      if (!acct) return stripeError(400, 'invalid_request_error', `No such destination: '${p['destination']}'`, 'resource_missing', 'destination');
      if (!acct['payouts_enabled']) return stripeError(400, 'invalid_request_error', 'Your destination account needs to have at least one of the following capabilities enabled: transfers, crypto_transfers, legacy_payments', 'insufficient_capabilities_for_transfer');
      const amount = Number(p['amount']);
      if (!Number.isSafeInteger(amount) || amount < 1) return stripeError(400, 'invalid_request_error', 'Invalid positive integer', 'parameter_invalid_integer', 'amount');
      const refused = checkTransferGroup(p['transfer_group'], amount, String(p['currency'] ?? '').toLowerCase());
      if (refused) return refused;
      const tr: Json = {
        id: id('tr'),
        object: 'transfer',
        amount,
        amount_reversed: 0,
        currency: String(p['currency'] ?? '').toLowerCase(),
        destination: acct['id'],
        metadata: p['metadata'] ?? {},
        transfer_group: p['transfer_group'] ?? null,
        reversed: false,
        reversals: { object: 'list', data: [], has_more: false },
        created: now(),
      };
      // The payment the connected account receives, in its default currency: Stripe converts on arrival.
      const received = String(acct['default_currency'] ?? tr['currency']);
      const rate = received === tr['currency'] ? null : (disputeFeeOptions.fxRates ?? DEFAULT_FX)[`${tr['currency']}:${received}`];
      if (rate === undefined) return stripeError(400, 'invalid_request_error', `No conversion from ${String(tr['currency'])} to ${received} in this sandbox.`, 'currency_conversion_unavailable');
      const py: Json = { id: id('py'), object: 'charge', amount: rate == null ? amount : Math.round(amount * rate), currency: received, source_transfer: tr['id'], balance_transaction: id('txn'), created: now() };
      balanceTransactions.set(String(py['balance_transaction']), {
        id: py['balance_transaction'],
        object: 'balance_transaction',
        amount: py['amount'],
        currency: received,
        exchange_rate: rate,
        fee: 0,
        net: py['amount'],
        type: 'payment',
        reporting_category: 'charge',
        source: py['id'],
        status: 'available',
        available_on: now(),
        created: now(),
      });
      onAccount(String(acct['id']), String(py['balance_transaction']), amount);
      charges.set(String(py['id']), py);
      tr['destination_payment'] = py['id'];
      transfers.set(String(tr['id']), tr);
      accountBalances.set(String(acct['id']), (accountBalances.get(String(acct['id'])) ?? 0) + amount);
      return { status: 200, body: tr };
    }
    if ((m = /^\/v1\/transfers\/([^/]+)$/.exec(path)) && method === 'GET') {
      const tr = transfers.get(m[1]!);
      return tr ? { status: 200, body: transferView(tr) } : stripeError(404, 'invalid_request_error', `No such transfer: '${m[1]}'`, 'resource_missing', 'id');
    }
    if ((m = /^\/v1\/transfers\/([^/]+)\/reversals$/.exec(path)) && method === 'GET') {
      const tr = transfers.get(m[1]!);
      if (!tr) return stripeError(404, 'invalid_request_error', `No such transfer: '${m[1]}'`, 'resource_missing', 'id');
      // Stripe's list: newest first, `limit` 1..100 (default 10), `starting_after` a reversal id of the list.
      const all = (tr['reversals'] as { data: Json[] }).data;
      const limit = p['limit'] === undefined ? 10 : Number(p['limit']);
      if (!Number.isInteger(limit) || limit < 1 || limit > 100) return stripeError(400, 'invalid_request_error', 'Invalid integer: limit must be between 1 and 100', 'parameter_invalid_integer', 'limit');
      let from = 0;
      if (p['starting_after'] !== undefined) {
        const at = all.findIndex((r) => r['id'] === p['starting_after']);
        if (at < 0) return stripeError(400, 'invalid_request_error', `No such transfer reversal: '${String(p['starting_after'])}'`, 'resource_missing', 'starting_after');
        from = at + 1;
      }
      listedReversals.push(m[1]!);
      return { status: 200, body: { object: 'list', url: `/v1/transfers/${m[1]}/reversals`, has_more: from + limit < all.length, data: all.slice(from, from + limit) } };
    }
    if ((m = /^\/v1\/transfers\/([^/]+)\/reversals$/.exec(path)) && method === 'POST') {
      const tr = transfers.get(m[1]!);
      const wanted = p['amount'] === undefined ? (tr ? Number(tr['amount']) - Number(tr['amount_reversed']) : 0) : Number(p['amount']);
      const held = tr ? (accountBalances.get(String(tr['destination'])) ?? 0) : 0;
      if (tr && wanted > held) {
        return stripeError(400, 'invalid_request_error', `Insufficient funds in the connected account ${String(tr['destination'])} to reverse ${wanted} (available ${held}).`, 'balance_insufficient');
      }
      const r = reverse(m[1]!, p['amount'] === undefined ? undefined : Number(p['amount']), p['metadata'] as Json | undefined);
      if (!('error' in r)) accountBalances.set(String(tr!['destination']), held - Number(r.reversal['amount']));
      return 'error' in r ? r.error : { status: 200, body: r.reversal };
    }
    if (path === '/v1/balance_transactions' && method === 'GET') return listBalanceTransactions(p, stripeAccount);
    if ((m = /^\/v1\/balance_transactions\/([^/]+)$/.exec(path)) && method === 'GET') {
      const txn = balanceTransactions.get(m[1]);
      return txn ? { status: 200, body: txn } : stripeError(404, 'invalid_request_error', `No such balance transaction: '${m[1]}'`, 'resource_missing', 'id');
    }
    return stripeError(404, 'invalid_request_error', `Unrecognized request URL (${method}: ${path}).`);
  }

  /**
   * The loopback's check of a transfer's `transfer_group` (stricter than Stripe, which takes any
   * string): it must be the group of a PaymentIntent that succeeded, in the transfer's currency,
   * and the group's transfers (less their reversals) may not exceed what its intents received.
   * A transfer without a group is accepted, as Stripe does.
   */
  function checkTransferGroup(group: unknown, amount: number, currency: string): { status: number; body: Json } | null {
    if (group === undefined || group === null || group === '') return null;
    const intents = [...paymentIntents.values()].filter((pi) => pi['transfer_group'] === group && pi['status'] === 'succeeded');
    if (!intents.length) return stripeError(400, 'invalid_request_error', `No succeeded PaymentIntent has transfer_group '${String(group)}' (loopback check).`, 'transfer_group_unknown', 'transfer_group');
    if (intents.some((pi) => pi['currency'] !== currency)) return stripeError(400, 'invalid_request_error', `transfer_group '${String(group)}' was charged in another currency than ${currency} (loopback check).`, 'transfer_group_currency', 'currency');
    const received = intents.reduce((sum, pi) => sum + Number(pi['amount_received']), 0);
    const sent = [...transfers.values()].filter((t) => t['transfer_group'] === group).reduce((sum, t) => sum + Number(t['amount']) - Number(t['amount_reversed']), 0);
    if (sent + amount > received) {
      return stripeError(400, 'invalid_request_error', `Transfers of transfer_group '${String(group)}' (${sent + amount}) would exceed what its charges received (${received}) (loopback check).`, 'transfer_group_exceeded', 'amount');
    }
    return null;
  }

  /** A transfer reversal as Stripe makes it: at most what is left of the transfer. */
  function reverse(transferId: string, amount: number | undefined, metadata: Json | undefined): { reversal: Json } | { error: { status: number; body: Json } } {
    const tr = transfers.get(transferId);
    if (!tr) return { error: stripeError(404, 'invalid_request_error', `No such transfer: '${transferId}'`, 'resource_missing', 'id') };
    const left = Number(tr['amount']) - Number(tr['amount_reversed']);
    const amt = amount ?? left;
    if (!Number.isSafeInteger(amt) || amt < 1 || amt > left) return { error: stripeError(400, 'invalid_request_error', `Transfer ${transferId} has only ${left} left to reverse`, 'parameter_invalid_integer', 'amount') };
    const reversal: Json = { id: id('trr'), object: 'transfer_reversal', amount: amt, currency: tr['currency'], transfer: transferId, metadata: metadata ?? {}, created: now() };
    // On the connected account, the money leaves its balance as a refund of the transfer's payment.
    const paymentTxn = balanceTransactions.get(String(charges.get(String(tr['destination_payment']))?.['balance_transaction']));
    if (paymentTxn) {
      const rate = paymentTxn['exchange_rate'] as number | null;
      const refundTxn: Json = {
        id: id('txn'),
        object: 'balance_transaction',
        amount: -(rate == null ? amt : Math.round(amt * rate)),
        currency: paymentTxn['currency'],
        exchange_rate: rate,
        fee: 0,
        net: -(rate == null ? amt : Math.round(amt * rate)),
        type: 'payment_refund',
        reporting_category: 'refund',
        source: id('pyr'),
        status: 'available',
        available_on: now(),
        created: now(),
      };
      balanceTransactions.set(String(refundTxn['id']), refundTxn);
      onAccount(String(tr['destination']), String(refundTxn['id']), -amt);
    }
    tr['amount_reversed'] = Number(tr['amount_reversed']) + amt;
    tr['reversed'] = tr['amount_reversed'] === tr['amount'];
    const list = tr['reversals'] as { data: Json[]; total_count?: number };
    list.data.unshift(reversal);
    list.total_count = list.data.length;
    return { reversal };
  }

  const FILE_EVIDENCE = ['receipt', 'shipping_documentation', 'customer_communication', 'uncategorized_file', 'cancellation_policy', 'refund_policy', 'service_documentation', 'duplicate_charge_documentation', 'customer_signature'];

  function updateDispute(dpId: string, p: Json): { status: number; body: Json } {
    const d = disputes.get(dpId);
    if (!d) return stripeError(404, 'invalid_request_error', `No such dispute: '${dpId}'`, 'resource_missing', 'dispute');
    if (d['status'] !== 'needs_response' && d['status'] !== 'warning_needs_response') {
      return stripeError(400, 'invalid_request_error', `This dispute is already ${d['status'] === 'under_review' ? 'under review' : 'closed'} and cannot be updated.`);
    }
    const details = d['evidence_details'] as Json;
    if (Number(details['due_by']) <= now()) return stripeError(400, 'invalid_request_error', 'The evidence due date for this dispute has passed.');
    const evidence = (p['evidence'] ?? {}) as Record<string, string>;
    for (const field of FILE_EVIDENCE) {
      const v = evidence[field];
      if (v !== undefined && (!files.has(v) || files.get(v)!['purpose'] !== 'dispute_evidence')) {
        return stripeError(400, 'invalid_request_error', `No such file upload: '${v}'`, 'resource_missing', `evidence[${field}]`);
      }
    }
    Object.assign(d['evidence'] as Json, evidence);
    details['has_evidence'] = Object.keys(d['evidence'] as Json).some((k) => (d['evidence'] as Json)[k] !== null);
    if (p['submit'] === 'true') {
      details['submission_count'] = Number(details['submission_count']) + 1;
      d['status'] = d['status'] === 'warning_needs_response' ? 'warning_under_review' : 'under_review';
    }
    return { status: 200, body: d };
  }

  function createFile(parts: MultipartPart[]): { status: number; body: Json } {
    const purpose = parts.find((x) => x.name === 'purpose')?.data.toString('utf8');
    const file = parts.find((x) => x.name === 'file');
    if (!purpose) return stripeError(400, 'invalid_request_error', 'Missing required param: purpose.', 'parameter_missing', 'purpose');
    if (!file || !file.filename) return stripeError(400, 'invalid_request_error', 'Missing required param: file.', 'parameter_missing', 'file');
    if (purpose === 'dispute_evidence' && !['application/pdf', 'image/jpeg', 'image/png'].includes(file.contentType ?? '')) {
      return stripeError(400, 'invalid_request_error', 'Dispute evidence must be a PDF, JPEG or PNG file.', 'file_invalid', 'file');
    }
    const fileId = id('file');
    const body: Json = { id: fileId, object: 'file', created: now(), filename: file.filename, purpose, size: file.data.length, type: (file.contentType ?? '').split('/')[1] ?? null, url: null };
    files.set(fileId, { ...body, data: file.data });
    return { status: 200, body };
  }

  function handle(req: IncomingMessage, res: ServerResponse, body: Buffer) {
    if ((req.url ?? '').startsWith('/sandbox/')) {
      return void wallet(req, res).catch((error: unknown) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
        res.end(`sandbox wallet error: ${(error as Error).message}`);
      });
    }
    const send = (status: number, body: Json, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', 'request-id': id('req'), 'stripe-version': API_VERSION, ...headers });
      res.end(JSON.stringify(body));
    };
    const url = new URL(req.url ?? '/', 'http://loopback');
    const key = (req.headers['idempotency-key'] as string | undefined) ?? null;
    const multipart = /^multipart\/form-data;\s*boundary=(.+)$/i.exec(req.headers['content-type'] ?? '');
    const parts = multipart ? parseMultipart(body, multipart[1]!.replace(/^"|"$/g, '')) : null;
    const raw = parts
      ? // The boundary differs per request: the parameters are what Stripe compares.
        JSON.stringify(parts.map((x) => [x.name, x.filename, x.contentType, createHash('sha256').update(x.data).digest('hex')]))
      : body.toString('utf8');
    const params = req.method === 'GET' ? parseStripeForm(url.searchParams.toString()) : parts ? Object.fromEntries(parts.filter((x) => !x.filename).map((x) => [x.name, x.data.toString('utf8')])) : parseStripeForm(raw);
    const stripeAccount = (req.headers['stripe-account'] as string | undefined) ?? null;
    const dispatch = (): { status: number; body: Json } => (parts && entry.method === 'POST' && url.pathname === '/v1/files' ? createFile(parts) : route(entry.method, url.pathname, params, stripeAccount));
    const entry: LoopbackRequest = { method: req.method ?? 'GET', path: url.pathname, idempotencyKey: key, replayed: false, params, stripeAccount };
    requests.push(entry);
    if (req.headers.authorization === `Bearer ${publishableKey}`) {
      // Stripe.js's calls: a PaymentIntent read or confirmed with its client_secret, nothing else.
      const own = /^\/v1\/payment_intents\/([^/]+)(\/confirm)?$/.exec(url.pathname);
      if (!own || (own[2] ? req.method !== 'POST' : req.method !== 'GET')) {
        return send(401, stripeError(401, 'invalid_request_error', 'This API call cannot be made with a publishable API key. Please use a secret API key.').body);
      }
      const pi = paymentIntents.get(own[1]!);
      if (!pi || params['client_secret'] !== pi['client_secret']) return send(404, stripeError(404, 'invalid_request_error', `No such payment_intent: '${own[1]}'`, 'resource_missing', 'intent').body);
    } else if (req.headers.authorization !== `Bearer ${secretKey}`) {
      return send(401, stripeError(401, 'invalid_request_error', 'Invalid API Key provided').body);
    }
    if (failures.left > 0) {
      failures.left--;
      return send(failures.status, stripeError(failures.status, 'api_error', 'Simulated outage').body);
    }
    const onPath = pathFailures.get(url.pathname);
    if (onPath && onPath.left > 0) {
      onPath.left--;
      return send(onPath.status, stripeError(onPath.status, 'api_error', 'Simulated outage').body);
    }
    if (key && req.method === 'POST') {
      const fingerprint = createHash('sha256').update(`${url.pathname}\n${raw}`).digest('hex');
      const seen = idempotency.get(key);
      if (seen) {
        if (seen.fingerprint !== fingerprint) {
          return send(
            400,
            stripeError(400, 'idempotency_error', `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`).body,
          );
        }
        entry.replayed = true;
        return send(seen.status, seen.body, { 'idempotent-replayed': 'true', 'original-request': 'req_original' });
      }
      const result = dispatch();
      // Stripe stores the answer of every request that reached its business logic.
      idempotency.set(key, { fingerprint, status: result.status, body: structuredClone(result.body) });
      return send(result.status, result.body, { 'idempotency-key': key });
    }
    const result = dispatch();
    return send(result.status, result.body);
  }

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => handle(req, res, Buffer.concat(chunks)));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  baseUrl = `http://127.0.0.1:${port}`;

  /** The sandbox wallet: the page, its QR image, and the shopper's three answers. */
  async function wallet(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const html = (status: number, page: string, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...headers });
      res.end(page);
    };
    const url = new URL(req.url ?? '/', baseUrl);
    // Express onboarding (the account link's page): the seller submits, the account becomes ready, back to return_url.
    const onboarding = /^\/sandbox\/onboarding\/(acct_[A-Za-z0-9_]+)(\/complete)?$/.exec(url.pathname);
    if (onboarding) {
      const acct = accounts.get(onboarding[1]!);
      if (!acct) return html(404, walletPage({ title: 'Account not found', message: 'There is no such connected account in this sandbox.' }));
      const back = url.searchParams.get('return_url') ?? '';
      if (req.method === 'POST' && onboarding[2]) {
        Object.assign(acct, { charges_enabled: true, payouts_enabled: true, details_submitted: true, capabilities: { transfers: 'active' }, requirements: { currently_due: [], disabled_reason: null } });
        return /^https?:\/\//.test(back) ? html(303, '', { location: back }) : html(200, walletPage({ title: 'Stripe Express', message: 'Onboarding complete.' }));
      }
      const action = `/sandbox/onboarding/${escapeHtml(onboarding[1])}/complete?return_url=${encodeURIComponent(back)}`;
      return html(
        200,
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Stripe Express onboarding · sandbox</title></head><body style="font-family:sans-serif;max-width:480px;margin:48px auto">
<h1>Stripe Express · sandbox</h1><p>Account ${escapeHtml(onboarding[1])}: ${acct['payouts_enabled'] ? 'ready' : `still due: ${escapeHtml(((acct['requirements'] as Json)['currently_due'] as string[]).join(', '))}`}</p>
<form method="post" action="${action}"><button type="submit" id="finish-onboarding">Finish onboarding</button></form></body></html>`,
      );
    }
    const m = /^\/sandbox\/wallet\/([A-Za-z0-9_]+)(?:\/(pay|fail|cancel|qr\.svg))?$/.exec(url.pathname);
    const pi = m ? paymentIntents.get(m[1]!) : undefined;
    if (!m || !pi) return html(404, walletPage({ title: '找不到该付款 · Payment not found', message: '没有这笔付款。 · There is no such payment in this sandbox.' }));
    const piId = m[1]!;
    const action = m[2];
    const method = methods.get(piId) ?? 'card';
    if (req.method === 'GET' && action === 'qr.svg') {
      res.writeHead(200, { 'content-type': 'image/svg+xml' });
      return void res.end(qrSvg(walletUrl(piId)));
    }
    if (req.method === 'GET' && !action) {
      const waiting = pi['status'] === 'requires_action';
      return html(200, walletPage({ title: `${WALLET_NAMES[method] ?? method} · Stripe sandbox`, pi, method, buttons: waiting, message: waiting ? null : STATUS_TEXT[String(pi['status'])] ?? String(pi['status']) }));
    }
    if (req.method !== 'POST' || !action || action === 'qr.svg') return html(405, walletPage({ title: '405', message: '请使用页面上的按钮。 · Use the buttons on the page.' }), { allow: 'GET, POST' });
    if (pi['status'] !== 'requires_action') {
      return html(409, walletPage({ title: `${WALLET_NAMES[method] ?? method} · Stripe sandbox`, pi, method, buttons: false, message: `这笔付款不在等待确认。 · This payment is not awaiting approval (${STATUS_TEXT[String(pi['status'])] ?? String(pi['status'])}).` }));
    }
    const evt =
      action === 'pay'
        ? loopback.succeed(piId)
        : action === 'fail'
          ? loopback.fail(piId, 'insufficient_funds')
          : failAttempt(piId, { type: 'invalid_request_error', code: 'payment_intent_authentication_failure', message: 'The customer cancelled the payment in the wallet.' });
    const delivered = loopback.webhookUrl ? await deliverWithRetries(loopback.webhookUrl, evt) : null;
    if (delivered !== 200) {
      const why = delivered === null ? 'no webhook URL is set' : `the webhook answered ${delivered}`;
      return html(502, walletPage({ title: 'Webhook', pi, method, buttons: false, message: `已记录，但通知商户失败（${why}）。 · Recorded, but the shop was not notified (${why}).` }));
    }
    const back = returnUrls.get(piId);
    if (back) {
      const to = new URL(back);
      to.searchParams.set('payment_intent', piId);
      to.searchParams.set('payment_intent_client_secret', String(pi['client_secret']));
      to.searchParams.set('redirect_status', action === 'pay' ? 'succeeded' : 'failed');
      res.writeHead(303, { location: to.toString() });
      return void res.end();
    }
    return html(200, walletPage({ title: `${WALLET_NAMES[method] ?? method} · Stripe sandbox`, pi, method, buttons: false, message: STATUS_TEXT[String(pi['status'])] ?? String(pi['status']) }));
  }

  function failAttempt(piId: string, error: Json): StripeEventLike {
    const pi = paymentIntents.get(piId)!;
    const pm = pi['payment_method'] ? { id: pi['payment_method'], object: 'payment_method', type: methods.get(piId) ?? 'card' } : null;
    Object.assign(pi, { status: 'requires_payment_method', next_action: null, payment_method: null, last_payment_error: { ...error, payment_method: pm } });
    return event('payment_intent.payment_failed', pi);
  }

  async function deliverWithRetries(target: string, evt: StripeEventLike): Promise<number> {
    let status = 0;
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        const { body, headers } = loopback.sign(evt);
        const res = await fetch(target, { method: 'POST', headers, body, signal: AbortSignal.timeout(10_000) });
        await res.arrayBuffer();
        status = res.status;
        if (status === 200) return status;
      } catch {
        status = 0;
      }
      await new Promise((r) => setTimeout(r, 300 * (attempt + 1)));
    }
    return status;
  }

  /**
   * A transfer as Stripe answers it: its `reversals` embedded as a list's first page (the 10
   * newest, has_more beyond), the rest through GET /v1/transfers/:id/reversals.
   */
  const transferView = (tr: Json): Json => {
    const all = (tr['reversals'] as { data: Json[] }).data;
    return { ...tr, reversals: { object: 'list', url: `/v1/transfers/${String(tr['id'])}/reversals`, has_more: all.length > 10, total_count: all.length, data: all.slice(0, 10) } };
  };

  const event = (type: string, object: Json): StripeEventLike => ({
    id: id('evt'),
    object: 'event',
    api_version: API_VERSION,
    created: now(),
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
    data: { object: structuredClone(object) },
  });
  const intent = (piId: string) => {
    const pi = paymentIntents.get(piId);
    if (!pi) throw new Error(`loopback: no payment intent ${piId}`);
    return pi;
  };

  const loopback: StripeLoopback = {
    url: baseUrl,
    webhookUrl: options.webhookUrl ?? null,
    walletUrl,
    secretKey,
    publishableKey,
    webhookSecret,
    connectWebhookSecret,
    requests,
    paymentIntents,
    refunds,
    disputes,
    balanceTransactions,
    accounts,
    transfers,
    listedReversals,
    accountBalances,
    bankPayouts,
    files,
    env: {
      STRIPE_SECRET_KEY: secretKey,
      STRIPE_WEBHOOK_SECRET: webhookSecret,
      STRIPE_CONNECT_WEBHOOK_SECRET: connectWebhookSecret,
      STRIPE_API_HOST: '127.0.0.1',
      STRIPE_API_PORT: String(port),
      STRIPE_API_PROTOCOL: 'http',
      // For the shop: where Stripe.js's calls go in sandbox mode, and the key they carry.
      STRIPE_SANDBOX_URL: baseUrl,
      STRIPE_SANDBOX_PUBLISHABLE_KEY: publishableKey,
    },
    completeOnboarding(accountId) {
      const acct = accounts.get(accountId);
      if (!acct) throw new Error(`loopback: no account ${accountId}`);
      Object.assign(acct, { charges_enabled: true, payouts_enabled: true, details_submitted: true, capabilities: { transfers: 'active' }, requirements: { currently_due: [], disabled_reason: null } });
      return { ...event('account.updated', acct), account: accountId } as StripeEventLike;
    },
    accountUpdated(accountId, changes = {}) {
      const acct = accounts.get(accountId);
      if (!acct) throw new Error(`loopback: no account ${accountId}`);
      Object.assign(acct, changes);
      return { ...event('account.updated', acct), account: accountId } as StripeEventLike;
    },
    reverseTransfer(transferId, amount, type = 'transfer.reversed') {
      const r = reverse(transferId, amount, undefined);
      if ('error' in r) throw new Error(`loopback: ${JSON.stringify(r.error.body)}`);
      return event(type, transferView(transfers.get(transferId)!));
    },
    bankPayout(accountId, status, amount, currency) {
      const acct = accounts.get(accountId);
      if (!acct) throw new Error(`loopback: no account ${accountId}`);
      // What an automatic payout takes: the account's available balance not paid out yet.
      const taken = (accountTxns.get(accountId) ?? []).filter((t) => !paidOutBy.has(t) && balanceTransactions.get(t)!['status'] === 'available');
      const sum = taken.reduce((s, t) => s + Number(balanceTransactions.get(t)!['amount']), 0);
      const worth = taken.reduce((s, t) => s + (platformAmounts.get(t) ?? 0), 0);
      const poId = id('po');
      const payoutCurrency = String(acct['default_currency'] ?? 'cny');
      const poTxn: Json = { id: id('txn'), object: 'balance_transaction', amount: -sum, currency: payoutCurrency, fee: 0, net: -sum, type: 'payout', reporting_category: 'payout', source: poId, status: 'available', available_on: now(), created: now() };
      balanceTransactions.set(String(poTxn['id']), poTxn);
      onAccount(accountId, String(poTxn['id']), -worth);
      for (const t of [...taken, String(poTxn['id'])]) paidOutBy.set(t, poId);
      payoutTxns.set(poId, taken);
      // A paid payout leaves the connected account's Stripe balance for its bank.
      if (status === 'paid') accountBalances.set(accountId, (accountBalances.get(accountId) ?? 0) - (amount ?? worth));
      const po: Json = {
        id: poId,
        object: 'payout',
        amount: amount ?? sum,
        currency: currency ?? (amount === undefined ? payoutCurrency : 'cny'),
        status: 'in_transit',
        automatic: true,
        arrival_date: now(),
        balance_transaction: poTxn['id'],
        failure_balance_transaction: null,
        method: 'standard',
        failure_code: null,
        failure_message: null,
        created: now(),
        _account: accountId,
        _worth: worth,
        _out: amount ?? worth,
      };
      bankPayouts.set(poId, po);
      return loopback.bankPayoutUpdated(poId, status);
    },
    bankPayoutUpdated(payoutId, status) {
      const po = bankPayouts.get(payoutId);
      if (!po) throw new Error(`loopback: no bank payout ${payoutId}`);
      const accountId = String(po['_account']);
      if (status === 'failed' && po['status'] !== 'failed') {
        // The money comes back to the account's balance, as one transaction whose source is the payout: the next payout takes it.
        const back = -Number(balanceTransactions.get(String(po['balance_transaction']))!['amount']);
        const failTxn: Json = { id: id('txn'), object: 'balance_transaction', amount: back, currency: balanceTransactions.get(String(po['balance_transaction']))!['currency'], fee: 0, net: back, type: 'payout_failure', reporting_category: 'payout_reversal', source: payoutId, status: 'available', available_on: now(), created: now() };
        balanceTransactions.set(String(failTxn['id']), failTxn);
        onAccount(accountId, String(failTxn['id']), Number(po['_worth']));
        if (po['status'] === 'paid') accountBalances.set(accountId, (accountBalances.get(accountId) ?? 0) + Number(po['_out']));
        Object.assign(po, { failure_balance_transaction: failTxn['id'], failure_code: 'account_closed', failure_message: 'The bank account has been closed.' });
      }
      po['status'] = status;
      const { _account, _worth, _out, ...object } = po;
      return { ...event(`payout.${status}`, object), account: accountId } as StripeEventLike;
    },
    payoutTransactions(payoutId) {
      return (payoutTxns.get(payoutId) ?? []).map((t) => balanceTransactions.get(t)!);
    },
    holdFunds(paymentId) {
      const txn = balanceTransactions.get(String(charges.get(paymentId)?.['balance_transaction']));
      if (!txn) throw new Error(`loopback: no payment ${paymentId}`);
      Object.assign(txn, { status: 'pending', available_on: now() + 7 * 24 * 3600 });
    },
    releaseFunds(paymentId) {
      const txn = balanceTransactions.get(String(charges.get(paymentId)?.['balance_transaction']));
      if (!txn) throw new Error(`loopback: no payment ${paymentId}`);
      Object.assign(txn, { status: 'available', available_on: now() });
    },
    failNext(n, status = 500) {
      failures = { left: n, status };
    },
    failNextTo(path, n, status = 500) {
      pathFailures.set(path, { left: n, status });
    },
    succeed(piId, succeedOptions = {}) {
      const pi = intent(piId);
      const paidWith = succeedOptions.paidWith ?? methods.get(piId) ?? 'card';
      if (pi['status'] === 'canceled') throw new Error('loopback: a canceled intent cannot succeed');
      const chId = id('ch');
      // Stripe's fee, on the charge's balance transaction (net = amount - fee), as Stripe books it.
      const amount = Number(pi['amount']);
      const fee = Math.floor((amount * (options.feeBps ?? 340) + 5_000) / 10_000);
      const txnId = id('txn');
      balanceTransactions.set(txnId, {
        id: txnId,
        object: 'balance_transaction',
        amount,
        currency: pi['currency'],
        fee,
        fee_details: [{ amount: fee, application: null, currency: pi['currency'], description: 'Stripe processing fees', type: 'stripe_fee' }],
        net: amount - fee,
        source: chId,
        status: 'pending',
        type: 'charge',
        created: now(),
        available_on: now() + 7 * 24 * 3600,
      });
      charges.set(chId, {
        id: chId,
        object: 'charge',
        amount: pi['amount'],
        amount_captured: pi['amount'],
        amount_refunded: 0,
        balance_transaction: txnId,
        currency: pi['currency'],
        metadata: pi['metadata'],
        paid: true,
        payment_intent: piId,
        refunded: false,
        refunds: { object: 'list', data: [], has_more: false, url: `/v1/charges/${chId}/refunds` },
        payment_method_details: { type: paidWith, [paidWith]: {} },
        status: 'succeeded',
      });
      Object.assign(pi, { status: 'succeeded', amount_received: pi['amount'], latest_charge: chId, payment_method: pi['payment_method'] ?? id('pm'), next_action: null });
      return event('payment_intent.succeeded', pi);
    },
    fail(piId, declineCode = 'insufficient_funds') {
      intent(piId);
      const method = methods.get(piId) ?? 'card';
      // A wallet's decline comes back as the provider's decline; a card's as card_declined.
      return failAttempt(
        piId,
        method === 'card'
          ? { type: 'card_error', code: 'card_declined', decline_code: declineCode, message: 'Your card has insufficient funds.' }
          : { type: 'card_error', code: 'payment_method_provider_decline', decline_code: declineCode, message: `The payment was declined by ${WALLET_NAMES[method] ?? method}.` },
      );
    },
    cancel(piId, reason = 'abandoned') {
      const pi = intent(piId);
      const r = cancelIntent(piId, { cancellation_reason: reason });
      if (r.status !== 200) throw new Error(`loopback: cannot cancel ${piId}`);
      return event('payment_intent.canceled', pi);
    },
    refund(piId, amount, metadata = {}) {
      const r = createRefund({ payment_intent: piId, ...(amount !== undefined ? { amount } : {}), metadata });
      if (r.status !== 200) throw new Error(`loopback: cannot refund: ${JSON.stringify(r.body)}`);
      return event('charge.refunded', chargeOf(intent(piId)));
    },
    refunded(piId) {
      return event('charge.refunded', chargeOf(intent(piId)));
    },
    dispute(piId, reason = 'fraudulent', options = {}) {
      const pi = intent(piId);
      const charge = chargeOf(pi);
      const dpId = id('dp');
      // Stripe withdraws the disputed amount and charges its dispute fee in one balance transaction.
      const disputed = Number(options.amount ?? charge['amount']);
      const disputeFee = disputeFeeOptions.disputeFeeMinor ?? 10_000;
      const dTxn: Json = {
        id: id('txn'),
        object: 'balance_transaction',
        amount: -disputed,
        currency: charge['currency'],
        fee: disputeFee,
        fee_details: [{ amount: disputeFee, application: null, currency: charge['currency'], description: 'Dispute fee', type: 'stripe_fee' }],
        net: -disputed - disputeFee,
        source: dpId,
        status: 'available',
        type: 'adjustment',
        reporting_category: 'dispute',
        created: now(),
        available_on: now(),
      };
      balanceTransactions.set(String(dTxn['id']), dTxn);
      const d: Json = {
        id: dpId,
        object: 'dispute',
        amount: disputed,
        balance_transactions: [dTxn],
        charge: charge['id'],
        created: now(),
        currency: charge['currency'],
        evidence: Object.fromEntries(
          [...FILE_EVIDENCE, 'product_description', 'customer_name', 'customer_email_address', 'shipping_carrier', 'shipping_tracking_number', 'shipping_date', 'refund_policy_disclosure', 'uncategorized_text'].map((k) => [k, null]),
        ),
        evidence_details: { due_by: now() + (options.dueInSeconds ?? 7 * 24 * 3600), has_evidence: false, past_due: false, submission_count: 0 },
        is_charge_refundable: false,
        livemode: false,
        metadata: {},
        payment_intent: piId,
        reason,
        status: 'needs_response',
      };
      disputes.set(dpId, d);
      return event('charge.dispute.created', d);
    },
    closeDispute(dpId, status) {
      const d = disputes.get(dpId);
      if (!d) throw new Error(`loopback: no dispute ${dpId}`);
      d['status'] = status;
      return event('charge.dispute.closed', d);
    },
    disputeUpdated(dpId) {
      const d = disputes.get(dpId);
      if (!d) throw new Error(`loopback: no dispute ${dpId}`);
      return event('charge.dispute.updated', d);
    },
    failRefund(refundId, status = 'failed', type = 'refund.updated') {
      const refund = refunds.get(refundId);
      if (!refund) throw new Error(`loopback: no refund ${refundId}`);
      if (refund['status'] !== 'failed' && refund['status'] !== 'canceled') {
        const charge = charges.get(String(refund['charge']))!;
        charge['amount_refunded'] = Number(charge['amount_refunded']) - Number(refund['amount']);
        charge['refunded'] = false;
      }
      Object.assign(refund, { status, ...(status === 'failed' ? { failure_reason: 'expired_or_canceled_card' } : {}) });
      return event(type, refund);
    },
    sign(evt, options = {}) {
      const body = JSON.stringify(evt, null, 2);
      const header = Stripe.webhooks.generateTestHeaderString({ payload: body, secret: options.secret ?? webhookSecret, timestamp: options.timestamp });
      return { body, headers: { 'content-type': 'application/json', 'stripe-signature': header } };
    },
    async deliverConnect(baseUrl, evt, options = {}) {
      const { body, headers } = loopback.sign(evt, { secret: options.secret ?? connectWebhookSecret });
      const res = await fetch(`${baseUrl}/webhooks/stripe-connect`, { method: 'POST', headers, body });
      await res.arrayBuffer();
      return res.status;
    },
    async deliver(baseUrl, evt) {
      const { body, headers } = loopback.sign(evt);
      const res = await fetch(`${baseUrl}/webhooks/stripe`, { method: 'POST', headers, body });
      await res.arrayBuffer();
      return res.status;
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
  return loopback;
}

const WALLET_NAMES: Record<string, string> = { alipay: '支付宝 Alipay', wechat_pay: '微信支付 WeChat Pay', card: '银行卡 Card (3-D Secure)' };
const STATUS_TEXT: Record<string, string> = {
  succeeded: '支付成功 · Paid',
  requires_payment_method: '未支付：付款失败或已取消，可返回商店重试 · Not paid: declined or cancelled, go back to the shop to try again',
  canceled: '付款已关闭 · Payment closed (cancelled)',
  processing: '处理中 · Processing',
  requires_action: '等待确认 · Awaiting approval',
};

const escapeHtml = (v: unknown) => String(v).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Minor units of a currency with two decimals (CNY) as ¥1,234.50. */
function formatAmount(amount: number, currency: string): string {
  const major = (amount / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return currency.toLowerCase() === 'cny' ? `¥${major}` : `${major} ${currency.toUpperCase()}`;
}

/** The sandbox's stand-in for a QR code: not scannable, it names the page it stands for. */
function qrSvg(target: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="220" height="220" viewBox="0 0 220 220"><rect width="220" height="220" fill="#fff" stroke="#222" stroke-width="8"/><rect x="20" y="20" width="50" height="50" fill="#222"/><rect x="150" y="20" width="50" height="50" fill="#222"/><rect x="20" y="150" width="50" height="50" fill="#222"/><text x="110" y="112" font-size="14" text-anchor="middle" font-family="sans-serif">沙盒二维码 sandbox QR</text><text x="110" y="132" font-size="8" text-anchor="middle" font-family="monospace">${escapeHtml(target.slice(-32))}</text></svg>`;
}

/** The wallet page: mobile-first, zh-CN with English beside it, three form buttons (no script needed). */
function walletPage(args: { title: string; pi?: Json; method?: string; buttons?: boolean; message?: string | null }): string {
  const { pi, method = 'card', buttons = false, message = null } = args;
  const base = pi ? `/sandbox/wallet/${escapeHtml(pi['id'])}` : '';
  const amount = pi ? formatAmount(Number(pi['amount']), String(pi['currency'])) : '';
  const button = (action: string, label: string, cls: string) => `<form method="post" action="${base}/${action}"><button type="submit" name="action" value="${action}" class="${cls}">${label}</button></form>`;
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(args.title)}</title>
<style>
  body { margin: 0; font: 16px/1.5 -apple-system, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; background: #f4f5f7; color: #222; }
  main { max-width: 420px; margin: 0 auto; padding: 24px 16px; }
  .card { background: #fff; border-radius: 12px; padding: 20px; box-shadow: 0 1px 3px rgba(0,0,0,.1); }
  .sandbox { background: #fff3cd; border-radius: 8px; padding: 8px 12px; font-size: 14px; margin-bottom: 16px; }
  h1 { font-size: 20px; margin: 0 0 8px; }
  .amount { font-size: 36px; font-weight: 600; margin: 12px 0; }
  .en { color: #666; font-size: 14px; }
  form { margin: 12px 0 0; }
  button { width: 100%; min-height: 48px; border: 0; border-radius: 8px; font-size: 17px; cursor: pointer; }
  .pay { background: ${method === 'wechat_pay' ? '#07c160' : '#1677ff'}; color: #fff; }
  .fail { background: #fff; color: #c00; border: 1px solid #c00; }
  .cancel { background: #e9ecef; color: #222; }
  .qr { display: block; margin: 12px auto; width: 160px; height: 160px; }
  code { word-break: break-all; font-size: 12px; }
</style>
</head>
<body>
<main>
  <div class="sandbox">Stripe 沙盒：不会真实扣款 · Stripe sandbox: no real money moves</div>
  <div class="card">
    <h1>${escapeHtml(args.title)}</h1>
    ${pi ? `<div class="amount" data-amount="${escapeHtml(pi['amount'])}">${escapeHtml(amount)}</div>
    <div>${escapeHtml(pi['description'] ?? '')}</div>
    <div class="en"><code>${escapeHtml(pi['id'])}</code> · <span data-status>${escapeHtml(pi['status'])}</span></div>` : ''}
    ${pi && method === 'wechat_pay' && buttons ? `<img class="qr" alt="二维码 QR code" src="${base}/qr.svg"><div class="en">在真实环境中用微信扫码；沙盒中直接按下方按钮。 · In production the shopper scans this with WeChat; here, press a button below.</div>` : ''}
    ${message ? `<p role="status">${escapeHtml(message)}</p>` : ''}
    ${
      buttons
        ? button('pay', '确认付款 <span class="en" style="color:inherit">Pay</span>', 'pay') +
          button('fail', '模拟付款失败 <span class="en" style="color:inherit">Fail (declined)</span>', 'fail') +
          button('cancel', '取消 <span class="en">Cancel</span>', 'cancel')
        : ''
    }
  </div>
</main>
</body>
</html>
`;
}
