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
 * Stripe would send, signed with the SDK's generateTestHeaderString.
 */

type Json = Record<string, unknown>;

export interface LoopbackRequest {
  method: string;
  path: string;
  idempotencyKey: string | null;
  replayed: boolean;
  params: Json;
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

export interface StripeLoopback {
  /** Environment for an app under test (host, port, protocol, keys). */
  env: Record<string, string>;
  secretKey: string;
  webhookSecret: string;
  requests: LoopbackRequest[];
  paymentIntents: Map<string, Json>;
  refunds: Map<string, Json>;
  /** The next n requests answer this HTTP status (500: the SDK retries with the same key). */
  failNext(n: number, status?: number): void;
  succeed(paymentIntentId: string): StripeEventLike;
  fail(paymentIntentId: string, declineCode?: string): StripeEventLike;
  /** Cancels as Stripe would on its own (e.g. a dashboard action) and returns the event. */
  cancel(paymentIntentId: string, reason?: string): StripeEventLike;
  /** Refunds (all, or amount) and returns the charge.refunded event. */
  refund(paymentIntentId: string, amount?: number, metadata?: Json): StripeEventLike;
  /** The charge.refunded event of the charge as it stands (after refunds made through the API). */
  refunded(paymentIntentId: string): StripeEventLike;
  dispute(paymentIntentId: string, reason?: string): StripeEventLike;
  /**
   * The refund fails (or is cancelled) as Stripe reports it later: its amount goes back to
   * the charge's refundable balance; answers the `refund.updated` event (or `type`).
   */
  failRefund(refundId: string, status?: 'failed' | 'canceled', type?: 'refund.updated' | 'refund.failed' | 'charge.refund.updated'): StripeEventLike;
  /** Body and headers of a signed webhook delivery of the event. */
  sign(event: StripeEventLike, options?: { secret?: string; timestamp?: number }): { body: string; headers: Record<string, string> };
  /** POSTs the signed event to `${baseUrl}/webhooks/stripe` and answers the HTTP status. */
  deliver(baseUrl: string, event: StripeEventLike): Promise<number>;
  close(): Promise<void>;
}

const API_VERSION = Stripe.API_VERSION;
const now = () => Math.floor(Date.now() / 1000);
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

const stripeError = (status: number, type: string, message: string, code?: string, param?: string) => ({
  status,
  body: { error: { type, message, ...(code ? { code } : {}), ...(param ? { param } : {}), request_log_url: null } },
});

export async function startStripeLoopback(): Promise<StripeLoopback> {
  const secretKey = `sk_test_loopback_${randomBytes(8).toString('hex')}`;
  const webhookSecret = `whsec_loopback_${randomBytes(16).toString('hex')}`;
  const paymentIntents = new Map<string, Json>();
  const charges = new Map<string, Json>();
  const refunds = new Map<string, Json>();
  const idempotency = new Map<string, { fingerprint: string; status: number; body: Json }>();
  const requests: LoopbackRequest[] = [];
  let failures: { left: number; status: number } = { left: 0, status: 500 };

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

  function route(method: string, path: string, p: Json): { status: number; body: Json } {
    let m: RegExpExecArray | null;
    if (method === 'POST' && path === '/v1/payment_intents') return createIntent(p);
    if ((m = /^\/v1\/payment_intents\/([^/]+)$/.exec(path)) && method === 'GET') {
      const pi = paymentIntents.get(m[1]);
      return pi ? { status: 200, body: pi } : stripeError(404, 'invalid_request_error', `No such payment_intent: '${m[1]}'`, 'resource_missing', 'intent');
    }
    if ((m = /^\/v1\/payment_intents\/([^/]+)\/cancel$/.exec(path)) && method === 'POST') return cancelIntent(m[1], p);
    if (method === 'POST' && path === '/v1/refunds') return createRefund(p);
    if ((m = /^\/v1\/refunds\/([^/]+)$/.exec(path)) && method === 'GET') {
      const r = refunds.get(m[1]);
      return r ? { status: 200, body: r } : stripeError(404, 'invalid_request_error', `No such refund: '${m[1]}'`, 'resource_missing', 'id');
    }
    return stripeError(404, 'invalid_request_error', `Unrecognized request URL (${method}: ${path}).`);
  }

  function handle(req: IncomingMessage, res: ServerResponse, raw: string) {
    const send = (status: number, body: Json, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', 'request-id': id('req'), 'stripe-version': API_VERSION, ...headers });
      res.end(JSON.stringify(body));
    };
    const url = new URL(req.url ?? '/', 'http://loopback');
    const key = (req.headers['idempotency-key'] as string | undefined) ?? null;
    const params = req.method === 'GET' ? parseStripeForm(url.searchParams.toString()) : parseStripeForm(raw);
    const entry: LoopbackRequest = { method: req.method ?? 'GET', path: url.pathname, idempotencyKey: key, replayed: false, params };
    requests.push(entry);
    if (req.headers.authorization !== `Bearer ${secretKey}`) {
      return send(401, stripeError(401, 'invalid_request_error', 'Invalid API Key provided').body);
    }
    if (failures.left > 0) {
      failures.left--;
      return send(failures.status, stripeError(failures.status, 'api_error', 'Simulated outage').body);
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
      const result = route(entry.method, url.pathname, params);
      // Stripe stores the answer of every request that reached its business logic.
      idempotency.set(key, { fingerprint, status: result.status, body: structuredClone(result.body) });
      return send(result.status, result.body, { 'idempotency-key': key });
    }
    const result = route(entry.method, url.pathname, params);
    return send(result.status, result.body);
  }

  const server: Server = createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (raw += chunk));
    req.on('end', () => handle(req, res, raw));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

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
    secretKey,
    webhookSecret,
    requests,
    paymentIntents,
    refunds,
    env: {
      STRIPE_SECRET_KEY: secretKey,
      STRIPE_WEBHOOK_SECRET: webhookSecret,
      STRIPE_API_HOST: '127.0.0.1',
      STRIPE_API_PORT: String(port),
      STRIPE_API_PROTOCOL: 'http',
    },
    failNext(n, status = 500) {
      failures = { left: n, status };
    },
    succeed(piId) {
      const pi = intent(piId);
      if (pi['status'] === 'canceled') throw new Error('loopback: a canceled intent cannot succeed');
      const chId = id('ch');
      charges.set(chId, {
        id: chId,
        object: 'charge',
        amount: pi['amount'],
        amount_captured: pi['amount'],
        amount_refunded: 0,
        currency: pi['currency'],
        metadata: pi['metadata'],
        paid: true,
        payment_intent: piId,
        refunded: false,
        refunds: { object: 'list', data: [], has_more: false, url: `/v1/charges/${chId}/refunds` },
        status: 'succeeded',
      });
      Object.assign(pi, { status: 'succeeded', amount_received: pi['amount'], latest_charge: chId, payment_method: id('pm') });
      return event('payment_intent.succeeded', pi);
    },
    fail(piId, declineCode = 'insufficient_funds') {
      const pi = intent(piId);
      Object.assign(pi, {
        status: 'requires_payment_method',
        last_payment_error: { type: 'card_error', code: 'card_declined', decline_code: declineCode, message: 'Your card has insufficient funds.' },
      });
      return event('payment_intent.payment_failed', pi);
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
    dispute(piId, reason = 'fraudulent') {
      const pi = intent(piId);
      const charge = chargeOf(pi);
      return event('charge.dispute.created', {
        id: id('dp'),
        object: 'dispute',
        amount: charge['amount'],
        charge: charge['id'],
        created: now(),
        currency: charge['currency'],
        payment_intent: piId,
        reason,
        status: 'needs_response',
        metadata: {},
      });
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
