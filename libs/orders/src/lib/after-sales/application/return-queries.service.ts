import { Injectable } from '@nestjs/common';
import { canManageMuseum, managedMuseumScope, type Actor } from '@vitrine/shared/graphql';
import { NotFoundError } from '@vitrine/shared/kernel';
import { returnableUnits, type ReturnStatus } from '../domain/returns';
import { ReturnsRepository, type NoticeRecord, type ReturnEventRecord, type ReturnRecord } from '../infrastructure/returns.repository';

/** Reads of returns, tenancy-checked: sellers see their museums' (or their brand's) returns, shoppers their own. */
@Injectable()
export class ReturnQueriesService {
  constructor(private readonly returns: ReturnsRepository) {}

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

  eventsOf(returnIds: readonly string[]): Promise<ReturnEventRecord[]> {
    return this.returns.eventsOf(returnIds);
  }

  /** The parameters of notices the caller was already given (myNotices), for their text. */
  noticeParams(ids: readonly bigint[]): Promise<Map<string, unknown>> {
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

  notices(actor: Actor, take: number): Promise<NoticeRecord[]> {
    return this.returns.noticesOf(actor.userId, take);
  }
}
