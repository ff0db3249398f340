import { Inject, Injectable } from '@nestjs/common';
import { z } from 'zod';
import { StockReturnsService } from '@vitrine/inventory';
import { accrueOrderJob } from '@vitrine/licensing';
import { PaymentsService } from '@vitrine/payments';
import { enqueueJob } from '@vitrine/shared/jobs';
import { NotFoundError, ValidationError, validate, canManageMuseum, type Actor } from '@vitrine/shared/kernel';
import { countsAsRefunded } from '../../domain/refunds';
import type { OrderRecord } from '../../infrastructure/order-tables';
import { OrderCheckoutRepository } from '../../infrastructure/order-checkout.repository';
import { OrderQueryRepository } from '../../infrastructure/order-query.repository';
import { TransactionRunner } from '../../infrastructure/transaction-runner';
import {
  RETURN_REASONS,
  RETURNABLE_ORDER_STATUSES,
  ReturnsError,
  ReturnsErrorCode,
  assertReturnTransition,
  checkReturnRequest,
  planReturnRefund,
  returnDeadlines,
  returnedGoodsHeldAt,
  type ReturnSites,
  type ReturnWindows,
} from '../domain/returns';
import { ReturnsRepository, type ReturnRecord } from '../infrastructure/returns.repository';
import type { CheckedPhoto } from '../domain/return-photos';
import { ReturnPhotosService } from './return-photos.service';
import { queueGuestReturnSms } from '../infrastructure/return-sms.outbox';
import { purgeReturnPhotosJob, returnAcceptedJob } from '../jobs/returns.jobs';

export const RETURN_WINDOWS = Symbol('RETURN_WINDOWS');
export const RETURN_SITES = Symbol('RETURN_SITES');

export interface ReturnRequestInput {
  orderId: string;
  reason: string;
  note?: string | null;
  photoUrls?: string[] | null;
  photos?: { contentBase64: string }[] | null;
  lines: { lineId: string; quantity: number }[];
}

/**
 * RETURN_SITE_9610: the carrier's code of the cross-border e-commerce supervised site at the
 * port of entry, where direct-mail (9610) returns go back to; by default the customs office's
 * (CUSTOMS_OFFICE, NINGBO unless set): `NINGBO-CBEC-SITE`.
 */
export function returnSitesFromEnv(env: NodeJS.ProcessEnv = process.env): ReturnSites {
  const site = (env['RETURN_SITE_9610'] || `${(env['CUSTOMS_OFFICE'] || 'NINGBO').toUpperCase()}-CBEC-SITE`).trim();
  if (!/^[A-Z0-9][A-Z0-9-]{1,39}$/.test(site)) throw new Error(`RETURN_SITE_9610 must be the carrier's site code: capital letters, digits and dashes, 2 to 40 (got ${site})`);
  return { directMailSite: site };
}

export function returnWindowsFromEnv(env: NodeJS.ProcessEnv = process.env): ReturnWindows {
  const days = (name: string, fallback: number) => {
    const v = env[name];
    if (v === undefined || v === '') return fallback;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1 || n > 365) throw new Error(`${name} must be a whole number of days (1-365)`);
    return n;
  };
  return { requestDays: days('RETURN_WINDOW_DAYS', 30), arrivalDays: days('RETURN_ARRIVAL_DAYS', 45) };
}

const uuid = z.string().uuid();
const requestSchema = z.object({
  orderId: uuid,
  reason: z.enum(RETURN_REASONS),
  note: z.string().trim().max(1000).optional(),
  photoUrls: z.array(z.string().url().max(2000).refine((u) => /^https?:\/\//.test(u), 'must be an http(s) URL')).max(10),
  lines: z
    .array(z.object({ lineId: uuid, quantity: z.number().int().min(1).max(10_000) }))
    .min(1)
    .max(100)
    .refine((ls) => new Set(ls.map((l) => l.lineId)).size === ls.length, 'names a line twice'),
});
const decideSchema = z.object({ returnId: uuid, accept: z.boolean(), comment: z.string().trim().min(1).max(1000) });
const inspectSchema = z.object({
  returnId: uuid,
  comment: z.string().trim().max(1000).optional(),
  lines: z
    .array(z.object({ lineId: uuid, acceptedQuantity: z.number().int().min(0).max(10_000), sellable: z.boolean() }))
    .min(1)
    .max(100)
    .refine((ls) => new Set(ls.map((l) => l.lineId)).size === ls.length, 'names a line twice'),
});

/**
 * Returns of released cross-border orders: the shopper asks (within RETURN_WINDOW_DAYS of
 * customs release), the seller (the museum, or the brand that fulfilled the order) accepts or
 * refuses, inspects the parcel once it is back (restocking what it accepts), and the accepted
 * units are refunded through Stripe like refundOrder's units. Their yearly quota comes back only
 * when customs accepts the return (OrderQueryRepository.quotaUsed). Every step writes the return's
 * history and a notice to the shopper, in the step's transaction.
 */
@Injectable()
export class ReturnsService {
  constructor(
    private readonly returns: ReturnsRepository,
    private readonly orders: OrderQueryRepository,
    private readonly orderWrites: OrderCheckoutRepository,
    private readonly payments: PaymentsService,
    private readonly stock: StockReturnsService,
    private readonly transactions: TransactionRunner,
    @Inject(RETURN_WINDOWS) private readonly windows: ReturnWindows,
    private readonly photos: ReturnPhotosService,
    @Inject(RETURN_SITES) private readonly sites: ReturnSites,
  ) {}

  /** When a return of this released order may still be asked for; null before release. */
  deadlineOf(releasedAt: Date | null): Date | null {
    return releasedAt ? returnDeadlines(releasedAt, this.windows).requestDeadline : null;
  }

  async request(actor: Actor, input: ReturnRequestInput, now = new Date()): Promise<ReturnRecord> {
    return this.requestBy(actor.userId, input, now);
  }

  /**
   * A return of a guest's order (placed without an account), asked by whoever proved it theirs
   * (GuestReturnsService: a code sent to its phone). Same rules and refusals; no notices (no
   * account to hold them): the guest follows it on the order page.
   */
  async requestAsGuest(input: ReturnRequestInput, now = new Date()): Promise<ReturnRecord> {
    return this.requestBy(null, input, now);
  }

  /** A guest's order (NOT_FOUND for an account's), for the guest holding its access. */
  async guestOrder(orderId: string) {
    const found = uuid.safeParse(orderId).success ? await this.orders.findOrder(orderId) : null;
    if (!found || found.shopperUserId !== null) throw new NotFoundError('Order');
    return found;
  }

  /** `owner`: the shopper's account, or null for a guest's order. */
  private async requestBy(owner: string | null, input: ReturnRequestInput, now: Date): Promise<ReturnRecord> {
    if (!uuid.safeParse(input.orderId).success) throw new NotFoundError('Order');
    const { photos: uploads, ...rest } = input;
    const v = validate(requestSchema, { ...rest, note: input.note ?? undefined, photoUrls: input.photoUrls ?? [] }, 'input');
    const found = await this.orders.findOrder(v.orderId);
    if (!found || found.shopperUserId !== owner) throw new NotFoundError('Order');
    // Count, size and type (by magic bytes) checked before anything is written.
    const photos = this.photos.check(uploads);
    const written: string[] = [];
    try {
      return await this.createRequest(owner, v, photos, written, now);
    } catch (e) {
      // The request was refused or failed after photos were stored: none stays on disk.
      await this.photos.discard(written);
      throw e;
    }
  }

  private createRequest(owner: string | null, v: z.infer<typeof requestSchema>, photos: CheckedPhoto[], written: string[], now: Date): Promise<ReturnRecord> {
    return this.transactions.run(async (tx) => {
      // A retried transaction stores its photos again: what an attempt rolled back wrote goes.
      await this.photos.discard(written.splice(0));
      const order = (await this.orderWrites.lockOrder(tx, v.orderId))!;
      const releasedAt = await this.returns.releasedAt(order.id, tx);
      if (!releasedAt || !(RETURNABLE_ORDER_STATUSES as readonly string[]).includes(order.status)) {
        throw new ReturnsError(ReturnsErrorCode.ORDER_NOT_RETURNABLE, 'Only an order customs has released can be returned', { status: order.status });
      }
      const { requestDeadline, arrivalDeadline } = returnDeadlines(releasedAt, this.windows);
      if (now > requestDeadline) throw new ReturnsError(ReturnsErrorCode.RETURN_WINDOW_CLOSED, 'The return window of this order has closed', { returnDeadline: requestDeadline.toISOString() });
      const lines = await this.orders.linesOf([order.id]);
      const check = checkReturnRequest(lines, await this.returns.refundedOutsideReturns(tx, order.id), await this.returns.earlierLines(tx, order.id), v.lines);
      if (check.problems.length) throw new ValidationError(check.problems);
      if (check.alreadyReturned.length) throw new ReturnsError(ReturnsErrorCode.ALREADY_RETURNED, 'Some of these units are already returned or being returned', { lineIds: check.alreadyReturned });
      const created = await this.returns.create(tx, {
        orderId: order.id,
        museumId: order.museumId,
        shopperUserId: owner,
        reason: v.reason,
        note: v.note ?? null,
        photoUrls: v.photoUrls,
        releasedAt,
        requestDeadline,
        arrivalDeadline,
        lines: v.lines.map((l) => ({ orderLineId: l.lineId, quantity: l.quantity })),
      });
      await this.photos.store(tx, created.id, photos, written);
      await this.event(tx, created, 'REQUESTED', { reason: v.reason, lines: v.lines.map((l) => ({ lineId: l.lineId, quantity: l.quantity })) });
      return created;
    });
  }

  async decide(actor: Actor, input: { returnId: string; accept: boolean; comment: string }, now = new Date()): Promise<ReturnRecord> {
    const v = validate(decideSchema, input, 'input');
    await this.visibleToSeller(actor, v.returnId);
    return this.transactions.run(async (tx) => {
      const r = (await this.returns.lock(tx, v.returnId))!;
      const to = v.accept ? 'ACCEPTED' : 'REFUSED';
      assertReturnTransition(r.status, to);
      const updated = await this.returns.update(tx, r.id, { status: to, decisionComment: v.comment, decidedAt: now, decidedBy: actor.userId });
      await this.event(tx, updated, to, { comment: v.comment });
      if (v.accept) await enqueueJob(tx, returnAcceptedJob, { returnId: r.id });
      // Refused: the shopper's photos are no longer needed (the worker deletes them).
      else await enqueueJob(tx, purgeReturnPhotosJob, { returnId: r.id });
      return updated;
    });
  }

  /**
   * The parcel is back and inspected: the units the seller accepts go back to the order's
   * location (on sale or set aside, RETURN movements), then their refund is asked of Stripe.
   * The inspection stands even if the refund fails (refundReturn asks again).
   */
  async inspect(actor: Actor, input: { returnId: string; comment?: string | null; lines: { lineId: string; acceptedQuantity: number; sellable: boolean }[] }, now = new Date()): Promise<ReturnRecord> {
    const v = validate(inspectSchema, { ...input, comment: input.comment ?? undefined }, 'input');
    const { order } = await this.visibleToSeller(actor, v.returnId);
    const lines = await this.orders.linesOf([order.id]);
    await this.transactions.run(async (tx) => {
      const r = (await this.returns.lock(tx, v.returnId))!;
      assertReturnTransition(r.status, 'INSPECTED');
      if (!r.receivedAt) throw new ReturnsError(ReturnsErrorCode.RETURN_NOT_RECEIVED, 'The returned parcel has not arrived yet: wait for the carrier, or mark it received', { returnId: r.id });
      const byLine = new Map(r.lines.map((l) => [l.orderLineId, l]));
      const problems: { path: string; message: string }[] = [];
      v.lines.forEach((l, i) => {
        const rl = byLine.get(l.lineId);
        if (!rl) problems.push({ path: `input.lines.${i}.lineId`, message: 'is not a line of this return' });
        else if (l.acceptedQuantity > rl.quantity) problems.push({ path: `input.lines.${i}.acceptedQuantity`, message: `at most ${rl.quantity}` });
      });
      if (problems.length) throw new ValidationError(problems);
      const inspected = r.lines.map((rl) => {
        const l = v.lines.find((x) => x.lineId === rl.orderLineId);
        return { orderLineId: rl.orderLineId, acceptedQuantity: l?.acceptedQuantity ?? 0, sellable: l?.sellable ?? false };
      });
      await this.returns.inspectLines(tx, r.id, inspected);
      const variantOf = new Map(lines.map((l) => [l.id, l.variantId]));
      await this.stock.restock(
        tx,
        inspected.map((l) => ({ variantId: variantOf.get(l.orderLineId)!, locationId: order.stockLocationId, quantity: l.acceptedQuantity, sellable: l.sellable, heldAt: returnedGoodsHeldAt(order, this.sites), reference: r.id })),
      );
      const updated = await this.returns.update(tx, r.id, { status: 'INSPECTED', receivedAt: r.receivedAt ?? now, inspectedAt: now, inspectionComment: v.comment ?? null });
      await this.event(tx, updated, 'INSPECTED', { lines: inspected.map((l) => ({ lineId: l.orderLineId, accepted: l.acceptedQuantity, sellable: l.sellable })) });
    });
    return this.refund(actor, v.returnId);
  }

  /**
   * Refunds the accepted units of an inspected return (goods and tax; shipping too when the
   * fault is the seller's), or asks again after a refund Stripe refused or later reported
   * failed. Under the payment's and the order's locks, as refundOrder.
   */
  async refund(actor: Actor, returnId: string): Promise<ReturnRecord> {
    const { order: found } = await this.visibleToSeller(actor, returnId);
    const lines = await this.orders.linesOf([found.id]);
    try {
      return await this.transactions.run(async (tx) => {
        await this.payments.lockForCheckout(tx, found.checkoutId);
        const order = (await this.orderWrites.lockOrder(tx, found.id))!;
        const r = (await this.returns.lock(tx, returnId))!;
        const retry = r.status === 'REFUNDED' && r.refundId !== null && (r.refundAmountMinor ?? 0) > 0 && !(await this.returns.refundStands(tx, order.id, r.refundId));
        if (!retry) assertReturnTransition(r.status, 'REFUNDED');
        const accepted = r.lines.map((l) => ({ lineId: l.orderLineId, quantity: l.acceptedQuantity ?? 0 })).filter((l) => l.quantity > 0);
        const already = (await this.payments.refundedByOrder(tx, [order.id])).get(order.id) ?? 0;
        const plan = planReturnRefund(lines, await this.orders.refundedLines(order.id, tx), accepted, r.reason, order.totalMinor - already);
        if (plan.amountMinor <= 0) {
          const done = await this.returns.update(tx, r.id, { status: 'REFUNDED', refundAmountMinor: 0 });
          await this.event(tx, done, 'REFUNDED', { amountMinor: 0, currency: order.currency });
          await enqueueJob(tx, purgeReturnPhotosJob, { returnId: r.id });
          return done;
        }
        const attempt = r.refundAttempts + 1;
        const refund = await this.payments.refund(
          { checkoutId: order.checkoutId, orderId: order.id, amountMinor: plan.amountMinor, reason: `return ${r.id}: ${r.reason}`, idempotencyKey: `vitrine-return-${r.id}-${attempt}` },
          tx,
        );
        if (!countsAsRefunded(refund.status)) {
          const failed = await this.returns.update(tx, r.id, { refundAttempts: attempt, refundId: refund.refundId, status: r.status });
          await this.event(tx, failed, 'REFUND_FAILED', { status: refund.status }, `REFUND_FAILED.${refund.refundId}`);
          return failed;
        }
        await this.orderWrites.recordLineRefunds(tx, plan.returned.map((x) => ({ ...x, orderId: order.id, providerRefundId: refund.refundId })));
        await enqueueJob(tx, accrueOrderJob, { orderId: order.id, event: `refund-${refund.refundId}` });
        const done = await this.returns.update(tx, r.id, { status: 'REFUNDED', refundAttempts: attempt, refundId: refund.refundId, refundAmountMinor: plan.amountMinor });
        await this.event(tx, done, 'REFUNDED', { amountMinor: plan.amountMinor, currency: order.currency, status: refund.status }, `REFUNDED.${refund.refundId}`);
        // Closed: the shopper's photos are no longer needed (the worker deletes them; a retried refund finds none to delete).
        await enqueueJob(tx, purgeReturnPhotosJob, { returnId: r.id });
        return done;
      });
    } catch (e) {
      // Stripe unreachable or refusing: the inspection stands; say so in the history and to the shopper.
      if (!(e instanceof ReturnsError)) {
        await this.transactions.run(async (tx) => {
          const r = (await this.returns.find(returnId, tx))!;
          if (r.status === 'INSPECTED') await this.event(tx, r, 'REFUND_FAILED', { error: e instanceof Error ? e.message.slice(0, 200) : 'refund failed' }, `REFUND_FAILED.attempt-${r.refundAttempts + 1}`);
        });
      }
      throw e;
    }
  }

  /**
   * The seller has the parcel though the carrier did not report it arrived: the return is
   * received (its history and a notice say so) and may be inspected. Already received: unchanged.
   */
  async markReceived(actor: Actor, returnId: string, now = new Date()): Promise<ReturnRecord> {
    await this.visibleToSeller(actor, returnId);
    return this.transactions.run(async (tx) => {
      const r = (await this.returns.lock(tx, returnId))!;
      if (r.receivedAt) return r;
      if (r.status !== 'ACCEPTED') throw new ReturnsError(ReturnsErrorCode.INVALID_RETURN_STATE, `A ${r.status.toLowerCase()} return cannot be marked received`, { status: r.status });
      const updated = await this.returns.update(tx, r.id, { receivedAt: now });
      await this.event(tx, updated, 'RECEIVED', {});
      return updated;
    });
  }

  /** Customs accepted the return declaration: the tax is not charged and the quota comes back (quotaUsed reads customs_accepted_at). */
  async customsAccepted(returnId: string, now = new Date()): Promise<boolean> {
    return this.transactions.run(async (tx) => {
      const r = await this.returns.lock(tx, returnId);
      if (!r || r.customsStatus === 'ACCEPTED') return false;
      const updated = await this.returns.update(tx, r.id, { customsStatus: 'ACCEPTED', customsAcceptedAt: now });
      await this.event(tx, updated, 'CUSTOMS_ACCEPTED', {});
      return true;
    });
  }

  /** Customs refused the return declaration: recorded with its reason (the quota stays counted). */
  async customsRejected(returnId: string, reason: string): Promise<boolean> {
    return this.transactions.run(async (tx) => {
      const r = await this.returns.lock(tx, returnId);
      if (!r || r.customsStatus === 'ACCEPTED' || r.customsStatus === 'REJECTED') return false;
      const updated = await this.returns.update(tx, r.id, { customsStatus: 'REJECTED' });
      await this.event(tx, updated, 'CUSTOMS_REJECTED', { reason: reason.slice(0, 500) });
      return true;
    });
  }

  /** Flags a return whose goods have not reached the site by its arrival deadline (the worker's sweep). */
  async flagLate(returnId: string, now = new Date()): Promise<boolean> {
    return this.transactions.run(async (tx) => {
      const r = await this.returns.lock(tx, returnId);
      if (!r || r.status !== 'ACCEPTED' || r.receivedAt || r.lateAt || r.arrivalDeadline >= now) return false;
      const updated = await this.returns.update(tx, r.id, { lateAt: now });
      await this.event(tx, updated, 'LATE', { deadline: r.arrivalDeadline.toISOString() });
      return true;
    });
  }

  /** The return and its order when the actor sells it: the museum's managers, operators, or the brand that fulfilled it; NOT_FOUND otherwise. */
  async visibleToSeller(actor: Actor, returnId: string): Promise<{ ret: ReturnRecord; order: OrderRecord }> {
    if (!uuid.safeParse(returnId).success) throw new NotFoundError('Return');
    const ret = await this.returns.find(returnId);
    const order = ret ? await this.orders.findOrder(ret.orderId) : null;
    if (!ret || !order) throw new NotFoundError('Return');
    const brand = actor.role === 'BRAND_PARTNER' && actor.brandId !== null && order.fulfilledByBrandId === actor.brandId;
    if (!canManageMuseum(actor, order.museumId) && !brand) throw new NotFoundError('Return');
    return { ret, order };
  }

  /**
   * A step in the return's history and a notice to the shopper, as the step's code and parameters
   * (return-texts writes them in the reader's language); a guest (no account) is texted instead,
   * through the outbox (`stepKey`: what tells a step that can come twice apart).
   */
  private async event(tx: Parameters<ReturnsRepository['addEvent']>[0], r: ReturnRecord, kind: string, params: Record<string, unknown>, stepKey?: string): Promise<void> {
    await this.returns.addEvent(tx, { returnId: r.id, orderId: r.orderId, kind, params }, { userId: r.shopperUserId, params: { ...params, arrivalDeadline: r.arrivalDeadline.toISOString() } });
    if (r.shopperUserId === null) await queueGuestReturnSms(tx, [{ returnId: r.id, orderId: r.orderId, step: kind, params, ...(stepKey ? { stepKey } : {}) }]);
  }
}
