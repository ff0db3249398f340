/**
 * What the rest of the system needs to know from a Stripe webhook event, independent of the
 * SDK's types. Anything else is IGNORED (and still acknowledged).
 */
export type PaymentEvent =
  | {
      kind: 'PAYMENT_SUCCEEDED';
      paymentIntentId: string;
      amountMinor: number;
      currency: string;
      /**
       * How the shopper actually paid, as Stripe confirms it (card, alipay, wechat_pay): the
       * latest charge's payment_method_details.type when the event carries the charge, else the
       * intent's payment_method_types when it allows one type only; null when the event does not
       * tell (the intent allows several and names its charge by id), then asked of Stripe.
       */
      paymentMethodType: string | null;
    }
  | {
      /** One declined attempt: the intent goes back to requires_payment_method and stays payable. */
      kind: 'PAYMENT_FAILED';
      paymentIntentId: string;
      /** The decline code, else the error code (kept for the order's history and logs). */
      reason: string | null;
      failureCode: string | null;
      declineCode: string | null;
    }
  | { kind: 'PAYMENT_CANCELED'; paymentIntentId: string; reason: string | null }
  | {
      kind: 'CHARGE_REFUNDED';
      paymentIntentId: string;
      chargeId: string;
      /** Cumulative refunded amount of the charge, as Stripe reports it. */
      amountRefundedMinor: number;
      amountMinor: number;
      currency: string;
      refunds: { id: string; amountMinor: number; status: string; orderId: string | null }[];
    }
  | {
      /** Stripe reports a refund failed or cancelled: the money never went back, what it gave back is taken back. */
      kind: 'REFUND_FAILED';
      paymentIntentId: string;
      refundId: string;
      status: 'failed' | 'canceled';
      amountMinor: number;
      currency: string;
      orderId: string | null;
    }
  | {
      /** charge.dispute.created / updated / closed: the dispute as Stripe reports it now. */
      kind: 'DISPUTE';
      paymentIntentId: string;
      disputeId: string;
      amountMinor: number;
      currency: string;
      reason: string;
      status: string;
      /** evidence_details.due_by: after it Stripe accepts no evidence. */
      evidenceDueBy: Date | null;
    }
  | { kind: 'IGNORED'; type: string };

export interface VerifiedPaymentEvent {
  eventId: string;
  type: string;
  /** Our checkout, when the payment intent carries it in its metadata. */
  checkoutId: string | null;
  event: PaymentEvent;
}

/** Loose view of the parts of a Stripe event we read. */
interface RawEvent {
  id: string;
  type: string;
  data: { object: Record<string, unknown> };
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : v && typeof v === 'object' && typeof (v as { id?: unknown }).id === 'string' ? (v as { id: string }).id : null);
const int = (v: unknown): number => (typeof v === 'number' && Number.isSafeInteger(v) ? v : 0);

export const CHECKOUT_METADATA_KEY = 'vitrine_checkout_id';

/**
 * The payment method type a succeeded PaymentIntent was paid with, from what it carries: its
 * latest charge's payment_method_details.type (when expanded), else its only allowed type.
 * Null when it does not say (several types allowed, the charge named by id only).
 */
export function paymentMethodTypeOf(pi: Record<string, unknown>): string | null {
  const charge = pi['latest_charge'];
  if (charge && typeof charge === 'object') {
    const type = ((charge as Record<string, unknown>)['payment_method_details'] as { type?: unknown } | null | undefined)?.type;
    if (typeof type === 'string' && type) return type;
  }
  const types = pi['payment_method_types'];
  return Array.isArray(types) && types.length === 1 && typeof types[0] === 'string' ? types[0] : null;
}

export function toPaymentEvent(raw: RawEvent): VerifiedPaymentEvent {
  const o = raw.data.object;
  const metadata = (o['metadata'] ?? {}) as Record<string, unknown>;
  const checkoutId = typeof metadata[CHECKOUT_METADATA_KEY] === 'string' ? (metadata[CHECKOUT_METADATA_KEY] as string) : null;
  const base = { eventId: raw.id, type: raw.type, checkoutId };
  const pi = raw.type.startsWith('payment_intent.') ? str(o['id']) : str(o['payment_intent']);
  if (!pi) return { ...base, event: { kind: 'IGNORED', type: raw.type } };
  switch (raw.type) {
    case 'payment_intent.succeeded':
      return {
        ...base,
        event: { kind: 'PAYMENT_SUCCEEDED', paymentIntentId: pi, amountMinor: int(o['amount_received'] ?? o['amount']), currency: String(o['currency']).toUpperCase(), paymentMethodType: paymentMethodTypeOf(o) },
      };
    case 'payment_intent.payment_failed': {
      const error = (o['last_payment_error'] ?? null) as { code?: unknown; decline_code?: unknown } | null;
      const failureCode = typeof error?.code === 'string' ? error.code : null;
      const declineCode = typeof error?.decline_code === 'string' ? error.decline_code : null;
      return { ...base, event: { kind: 'PAYMENT_FAILED', paymentIntentId: pi, reason: declineCode ?? failureCode, failureCode, declineCode } };
    }
    case 'payment_intent.canceled':
      return { ...base, event: { kind: 'PAYMENT_CANCELED', paymentIntentId: pi, reason: str(o['cancellation_reason']) } };
    case 'charge.refunded': {
      const list = ((o['refunds'] as { data?: unknown[] } | undefined)?.data ?? []) as Record<string, unknown>[];
      return {
        ...base,
        event: {
          kind: 'CHARGE_REFUNDED',
          paymentIntentId: pi,
          chargeId: String(o['id']),
          amountRefundedMinor: int(o['amount_refunded']),
          amountMinor: int(o['amount']),
          currency: String(o['currency']).toUpperCase(),
          refunds: list.map((r) => ({
            id: String(r['id']),
            amountMinor: int(r['amount']),
            status: String(r['status']),
            orderId: str(((r['metadata'] ?? {}) as Record<string, unknown>)['vitrine_order_id']),
          })),
        },
      };
    }
    case 'refund.updated':
    case 'refund.failed':
    case 'charge.refund.updated': {
      // Only a failure or cancellation changes anything here; other updates (pending →
      // succeeded) are reported by charge.refunded.
      const status = o['status'];
      if (status !== 'failed' && status !== 'canceled') return { ...base, event: { kind: 'IGNORED', type: raw.type } };
      return {
        ...base,
        event: {
          kind: 'REFUND_FAILED',
          paymentIntentId: pi,
          refundId: String(o['id']),
          status,
          amountMinor: int(o['amount']),
          currency: String(o['currency']).toUpperCase(),
          orderId: str(metadata['vitrine_order_id']),
        },
      };
    }
    case 'charge.dispute.created':
    case 'charge.dispute.updated':
    case 'charge.dispute.closed': {
      const due = ((o['evidence_details'] ?? {}) as Record<string, unknown>)['due_by'];
      return {
        ...base,
        event: {
          kind: 'DISPUTE',
          paymentIntentId: pi,
          disputeId: String(o['id']),
          amountMinor: int(o['amount']),
          currency: String(o['currency']).toUpperCase(),
          reason: String(o['reason'] ?? 'unknown'),
          status: String(o['status'] ?? 'needs_response'),
          evidenceDueBy: typeof due === 'number' && Number.isSafeInteger(due) && due > 0 ? new Date(due * 1000) : null,
        },
      };
    }
    default:
      return { ...base, event: { kind: 'IGNORED', type: raw.type } };
  }
}
