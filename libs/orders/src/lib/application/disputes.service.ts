import { Injectable } from '@nestjs/common';
import { PaymentsService, acceptsEvidence, type DisputeEvidenceFile, type DisputeRecord } from '@vitrine/payments';
import { NotFoundError, validate, canManageMuseum, isPlatformAdmin, managedMuseumScope, type Actor } from '@vitrine/shared/kernel';
import { z } from 'zod';
import { splitByOrders } from '../domain/dispute-split';
import { DisputeOrdersRepository, type DisputedOrderRecord } from '../infrastructure/dispute-orders.repository';
import { TransactionRunner } from '../infrastructure/transaction-runner';

/** A dispute as one order bears it: its part of the disputed (and, lost, of the lost) amount. */
export interface OrderDispute extends DisputeRecord {
  checkoutId: string;
  orderId: string;
  orderNumber: string;
  museumId: string;
  /** The dispute's whole amount, on the checkout's charge. */
  disputedTotalMinor: number;
  /** This order's part of it, by order total. */
  orderAmountMinor: number;
  orderLostMinor: number;
  acceptsEvidence: boolean;
}

export interface EvidenceInput {
  productDescription?: string | null;
  customerName?: string | null;
  customerEmailAddress?: string | null;
  shippingCarrier?: string | null;
  shippingTrackingNumber?: string | null;
  shippingDate?: string | null;
  refundPolicyDisclosure?: string | null;
  uncategorizedText?: string | null;
  files?: { kind: string; filename: string; contentType: string; contentBase64: string }[] | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Stripe's limit for all evidence files of a dispute together is 4.5 MB; under the API's 6 MB body as base64. */
export const MAX_EVIDENCE_BYTES = 4 * 1024 * 1024;
const FILE_FIELDS = { RECEIPT: 'receipt', SHIPPING_DOCUMENTATION: 'shipping_documentation', CUSTOMER_COMMUNICATION: 'customer_communication', UNCATEGORIZED: 'uncategorized_file' } as const;
const TEXT_FIELDS = {
  productDescription: 'product_description',
  customerName: 'customer_name',
  customerEmailAddress: 'customer_email_address',
  shippingCarrier: 'shipping_carrier',
  shippingTrackingNumber: 'shipping_tracking_number',
  shippingDate: 'shipping_date',
  refundPolicyDisclosure: 'refund_policy_disclosure',
  uncategorizedText: 'uncategorized_text',
} as const;

const text = z.string().trim().max(20_000).optional().nullable();
const evidenceSchema = z
  .object({
    productDescription: text,
    customerName: z.string().trim().max(500).optional().nullable(),
    customerEmailAddress: z.string().trim().email().max(500).optional().nullable().or(z.literal('')),
    shippingCarrier: z.string().trim().max(500).optional().nullable(),
    shippingTrackingNumber: z.string().trim().max(500).optional().nullable(),
    shippingDate: z.string().trim().max(100).optional().nullable(),
    refundPolicyDisclosure: text,
    uncategorizedText: text,
    files: z
      .array(
        z.object({
          kind: z.enum(['RECEIPT', 'SHIPPING_DOCUMENTATION', 'CUSTOMER_COMMUNICATION', 'UNCATEGORIZED']),
          filename: z.string().trim().min(1).max(200),
          contentType: z.enum(['application/pdf', 'image/jpeg', 'image/png'], { message: 'must be a PDF, JPEG or PNG file' }),
          contentBase64: z.string().min(1).max(Math.ceil((MAX_EVIDENCE_BYTES * 4) / 3) + 4).regex(/^[A-Za-z0-9+/]+={0,2}$/, 'is not base64'),
        }),
      )
      .max(4)
      .optional()
      .nullable()
      .refine((files) => new Set((files ?? []).map((f) => f.kind)).size === (files ?? []).length, 'names each kind of file once')
      .refine((files) => (files ?? []).reduce((a, f) => a + Buffer.byteLength(f.contentBase64, 'base64'), 0) <= MAX_EVIDENCE_BYTES, 'are larger than 4 MB together'),
  })
  .refine((e) => Object.keys(TEXT_FIELDS).some((k) => !!e[k as keyof typeof TEXT_FIELDS]) || !!e.files?.length, { message: 'give at least one text field or file', path: ['uncategorizedText'] });

/**
 * Disputes as the museums see them: a dispute is on the checkout's charge, so every museum with
 * an order in that checkout sees it (its order's part of the amount), and may answer it; anyone
 * else gets NOT_FOUND. Evidence goes to Stripe (files first, then the dispute with submit: true).
 */
@Injectable()
export class DisputesService {
  constructor(
    private readonly payments: PaymentsService,
    private readonly orders: DisputeOrdersRepository,
    private readonly tx: TransactionRunner,
  ) {}

  /** Each dispute of these checkouts, once per order, with the order's part. */
  async ofCheckouts(checkoutIds: readonly string[]): Promise<OrderDispute[]> {
    const disputes = await this.payments.disputesOfCheckouts(checkoutIds);
    if (!disputes.length) return [];
    return this.attribute(disputes, await this.orders.ordersOfCheckouts([...new Set(disputes.map((d) => d.checkoutId))]));
  }

  /** The disputes on orders of the caller's museums (or one of them), open ones only by default, the nearest deadline first. */
  async museumDisputes(actor: Actor, museumId: string | null, open: boolean, limit = 100): Promise<OrderDispute[]> {
    if (museumId && !canManageMuseum(actor, museumId)) throw new NotFoundError('Museum');
    const scope = museumId ? [museumId] : managedMuseumScope(actor);
    const found: OrderDispute[] = [];
    for (let after: string | null = null; ; ) {
      const page = await this.payments.disputesPage(1_000, after, open);
      const orders = await this.orders.ordersOfCheckouts([...new Set(page.map((d) => d.checkoutId))]);
      found.push(...this.attribute(page, orders).filter((d) => scope === 'ALL' || scope.includes(d.museumId)));
      if (page.length < 1_000) break;
      after = page[page.length - 1]!.id;
    }
    const due = (d: OrderDispute) => d.evidenceDueBy?.getTime() ?? Number.MAX_SAFE_INTEGER;
    return found.sort((a, b) => due(a) - due(b) || b.createdAt.getTime() - a.createdAt.getTime()).slice(0, limit);
  }

  async submitEvidence(actor: Actor, disputeId: string, input: EvidenceInput, now = new Date()): Promise<DisputeRecord> {
    const dispute = await this.visible(actor, disputeId);
    const e = validate(evidenceSchema, input, 'evidence');
    this.payments.assertAcceptsEvidence(dispute, now);
    const evidence: Record<string, string> = {};
    for (const [k, field] of Object.entries(TEXT_FIELDS)) {
      const v = e[k as keyof typeof TEXT_FIELDS];
      if (typeof v === 'string' && v) evidence[field] = v;
    }
    const files: DisputeEvidenceFile[] = (e.files ?? []).map((f) => ({ field: FILE_FIELDS[f.kind], filename: f.filename, contentType: f.contentType, data: Buffer.from(f.contentBase64, 'base64') }));
    Object.assign(evidence, await this.payments.uploadEvidenceFiles(dispute.providerDisputeId, files));
    return this.tx.run((tx) => this.payments.submitDisputeEvidence(tx, dispute.id, evidence, actor.userId, now), 1);
  }

  /** The dispute when the caller manages a museum with an order in its checkout (or is an operator). */
  private async visible(actor: Actor, disputeId: string): Promise<DisputeRecord & { checkoutId: string }> {
    const d = UUID.test(disputeId) ? await this.payments.findDispute(disputeId) : null;
    if (!d) throw new NotFoundError('Dispute');
    if (isPlatformAdmin(actor)) return d;
    const orders = await this.orders.ordersOfCheckouts([d.checkoutId]);
    if (!orders.some((o) => canManageMuseum(actor, o.museumId))) throw new NotFoundError('Dispute');
    return d;
  }

  private attribute(disputes: readonly (DisputeRecord & { checkoutId: string })[], orders: readonly DisputedOrderRecord[], now = new Date()): OrderDispute[] {
    const byCheckout = new Map<string, DisputedOrderRecord[]>();
    for (const o of orders) byCheckout.set(o.checkoutId, [...(byCheckout.get(o.checkoutId) ?? []), o]);
    return disputes.flatMap((d) => {
      const own = byCheckout.get(d.checkoutId) ?? [];
      const parts = splitByOrders(d.amountMinor, own);
      const lost = splitByOrders(d.lostAmountMinor, own);
      return own.map((o) => ({
        ...d,
        orderId: o.id,
        orderNumber: o.number,
        museumId: o.museumId,
        disputedTotalMinor: d.amountMinor,
        orderAmountMinor: parts.get(o.id) ?? 0,
        orderLostMinor: lost.get(o.id) ?? 0,
        acceptsEvidence: acceptsEvidence(d.status) && (!d.evidenceDueBy || d.evidenceDueBy.getTime() > now.getTime()),
      }));
    });
  }
}
