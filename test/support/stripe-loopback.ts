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
  disputes: Map<string, Json>;
  /** Files uploaded through POST /v1/files, with their bytes. */
  files: Map<string, Json & { data: Buffer }>;
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

export async function startStripeLoopback(): Promise<StripeLoopback> {
  const secretKey = `sk_test_loopback_${randomBytes(8).toString('hex')}`;
  const webhookSecret = `whsec_loopback_${randomBytes(16).toString('hex')}`;
  const paymentIntents = new Map<string, Json>();
  const charges = new Map<string, Json>();
  const refunds = new Map<string, Json>();
  const disputes = new Map<string, Json>();
  const files = new Map<string, Json & { data: Buffer }>();
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
    if ((m = /^\/v1\/disputes\/([^/]+)$/.exec(path)) && method === 'GET') {
      const d = disputes.get(m[1]);
      return d ? { status: 200, body: d } : stripeError(404, 'invalid_request_error', `No such dispute: '${m[1]}'`, 'resource_missing', 'dispute');
    }
    if ((m = /^\/v1\/disputes\/([^/]+)$/.exec(path)) && method === 'POST') return updateDispute(m[1], p);
    return stripeError(404, 'invalid_request_error', `Unrecognized request URL (${method}: ${path}).`);
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
    const dispatch = (): { status: number; body: Json } => (parts && entry.method === 'POST' && url.pathname === '/v1/files' ? createFile(parts) : route(entry.method, url.pathname, params));
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
    disputes,
    files,
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
    dispute(piId, reason = 'fraudulent', options = {}) {
      const pi = intent(piId);
      const charge = chargeOf(pi);
      const dpId = id('dp');
      const d: Json = {
        id: dpId,
        object: 'dispute',
        amount: options.amount ?? charge['amount'],
        balance_transactions: [],
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
