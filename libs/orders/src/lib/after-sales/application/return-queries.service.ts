import { Injectable } from '@nestjs/common';
import { NotFoundError, ValidationError, canManageMuseum, managedMuseumScope, type Actor } from '@vitrine/shared/kernel';
import { returnableUnits, type ReturnStatus } from '../domain/returns';
import { ReturnsRepository, type NoticeRecord, type ReturnEventRecord, type ReturnRecord } from '../infrastructure/returns.repository';
import { maskPhone, mobileDigits } from '../domain/guest-codes';
import { returnNoticeText, textLocale, textParams } from '../domain/return-texts';
import { ReturnSmsRepository, type ReturnSmsRecord } from '../infrastructure/return-sms.repository';

/** A text or notice sent to the shopper about their return, as the seller sees it: the phone masked, a notice in the shopper's words. */
export interface ShopperMessage {
  returnId: string;
  channel: 'SMS' | 'NOTICE';
  step: string;
  locale: string;
  status: string;
  at: Date;
  sentAt: Date | null;
  phoneMasked: string | null;
  template: string | null;
  /** A notice: its text in the shopper's language. A text: its template's parameters (its wording is the approved template's). */
  content: string;
  attempts: number;
  lastError: string | null;
}

/** The most notice ids markNoticesRead takes at once (a page of myNotices). */
export const MAX_NOTICES_MARKED = 100;

/** Reads of returns, tenancy-checked: sellers see their museums' (or their brand's) returns, shoppers their own. */
@Injectable()
export class ReturnQueriesService {
  constructor(
    private readonly returns: ReturnsRepository,
    private readonly texts: ReturnSmsRepository,
  ) {}

  /** Returns of one managed museum (or every one the actor manages; a brand partner: the orders it fulfils). */
  async museumReturns(actor: Actor, museumId: string | null, filter: { status?: ReturnStatus; late?: boolean }, take: number, after: { createdAt: Date; id: string } | null): Promise<{ rows: ReturnRecord[]; total: number }> {
    if (actor.role === 'BRAND_PARTNER') {
      if (!actor.brandId || museumId) throw new NotFoundError('Museum');
      return this.returns.ofMuseums('ALL', { ...filter, brandId: actor.brandId }, take, after);
    }
    if (museumId && !canManageMuseum(actor, museumId)) throw new NotFoundError('Museum');
    return this.returns.ofMuseums(museumId ? [museumId] : managedMuseumScope(actor), filter, take, after);
  }

  /** Returns of these orders (the caller already sees the orders). */
  ofOrders(orderIds: readonly string[]): Promise<ReturnRecord[]> {
    return this.returns.ofOrders(orderIds);
  }

  /** Order id → order number (the returns' orders, already seen by the caller). */
  orderNumbersOf(orderIds: readonly string[]): Promise<Map<string, string>> {
    return this.returns.orderNumbersOf(orderIds);
  }

  /** The texts sent to guests about these returns (already seen by the caller), oldest first. */
  textsOf(returnIds: readonly string[]): Promise<ReturnSmsRecord[]> {
    return this.texts.ofReturns(returnIds);
  }

  /** The texts and notices sent to the shoppers of these returns (already seen by the caller), oldest first. */
  async shopperMessagesOf(returnIds: readonly string[]): Promise<ShopperMessage[]> {
    return (await this.texts.sentToShoppers(returnIds)).map((m) => {
      const digits = m.phone ? mobileDigits(m.phone) : null;
      const params = textParams(m.params);
      return {
        returnId: m.returnId,
        channel: m.channel,
        step: m.step,
        locale: m.locale,
        status: m.status,
        at: m.at,
        sentAt: m.sentAt,
        phoneMasked: m.channel === 'SMS' ? (digits ? maskPhone(digits) : '****') : null,
        template: m.template,
        content: m.channel === 'NOTICE' ? m.message || returnNoticeText(m.step, params, textLocale(m.locale)) : Object.entries(params).map(([k, v]) => `${k}=${String(v)}`).join('; '),
        attempts: m.attempts,
        lastError: m.lastError,
      };
    });
  }

  eventsOf(returnIds: readonly string[]): Promise<ReturnEventRecord[]> {
    return this.returns.eventsOf(returnIds);
  }

  /** The parameters of notices the caller was already given (myNotices), for their text. */
  noticeParams(ids: readonly bigint[]): Promise<Map<string, { params: unknown; orderLocale: string | null }>> {
    return this.returns.noticeParams(ids);
  }

  /** Units of each line still returnable, by the rule requestReturn applies (the caller already sees the lines' orders). */
  async returnableOf(lineIds: readonly string[]): Promise<Map<string, number>> {
    const { lines, earlier, refunded } = await this.returns.returnHoldsOfLines(lineIds);
    return returnableUnits(lines, refunded, earlier);
  }

  releasedAtOf(orderIds: readonly string[]): Promise<Map<string, Date>> {
    return this.returns.releasedAtOf(orderIds);
  }

  /** The shopper's own notices, newest first, older than `beforeId` when given. */
  notices(actor: Actor, take: number, beforeId: bigint | null = null): Promise<NoticeRecord[]> {
    return this.returns.noticesOf(actor.userId, take, beforeId);
  }

  /** Variant id → product id and names, for the notices' links and texts (the notices are the caller's own). */
  productsOfVariants(variantIds: readonly string[]): Promise<Map<string, { productId: string; name: { fr: string; en: string; zh: string } }>> {
    return this.returns.productsOfVariants(variantIds);
  }

  unreadNoticeCount(actor: Actor): Promise<number> {
    return this.returns.unreadNoticeCount(actor.userId);
  }

  /**
   * Marks the shopper's own notices read. Any id that is not theirs (another shopper's, or none)
   * is NOT_FOUND and nothing is marked; at most MAX_NOTICES_MARKED ids at once.
   */
  async markNoticesRead(actor: Actor, ids: readonly string[], now = new Date()): Promise<NoticeRecord[]> {
    const wanted = [...new Set(ids)];
    if (wanted.length === 0 || wanted.length > MAX_NOTICES_MARKED) throw new ValidationError([{ path: 'ids', message: `must hold 1 to ${MAX_NOTICES_MARKED} notice ids` }]);
    if (!wanted.every((id) => /^[1-9][0-9]{0,18}$/.test(id))) throw new NotFoundError('Notice');
    const keys = wanted.map((id) => BigInt(id));
    const own = await this.returns.ownNoticeIds(actor.userId, keys);
    if (own.size !== keys.length) throw new NotFoundError('Notice');
    return this.returns.markNoticesRead(actor.userId, keys, now);
  }
}
