import { Args, Context, GraphQLISODateTime, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentActor, PageArgs, Roles, byKeys, decodeCursor, groupByKeys, pageSize, toPage, type Actor, type RequestContext } from '@vitrine/shared/graphql';
import { ValidationError } from '@vitrine/shared/kernel';
import { OrderLineType, OrderType } from '../../graphql/orders.types';
import { ReturnQueriesService, type ShopperMessage } from '../application/return-queries.service';
import { ReturnsService } from '../application/returns.service';
import type { ReturnStatus } from '../domain/returns';
import { returnEventText, textLocale, textParams } from '../domain/return-texts';
import type { NoticeRecord, ReturnEventRecord, ReturnRecord } from '../infrastructure/returns.repository';
import { InspectReturnInput, RequestReturnInput, ReturnEventType, ReturnPage, ReturnShopperMessageType, ReturnStatusGql, ReturnTextType, ReturnType, ShopperMessageChannelGql, ShopperNoticeType } from './returns.types';
import type { ReturnSmsRecord } from '../infrastructure/return-sms.repository';

export function toReturn(r: ReturnRecord): Omit<ReturnType, 'history'> {
  return {
    id: r.id,
    orderId: r.orderId,
    museumId: r.museumId,
    reason: r.reason as ReturnType['reason'],
    note: r.note,
    photoUrls: r.photoUrls,
    status: r.status as ReturnType['status'],
    lines: r.lines.map((l) => ({ lineId: l.orderLineId, quantity: l.quantity, acceptedQuantity: l.acceptedQuantity, sellable: l.sellable })),
    releasedAt: r.releasedAt,
    arrivalDeadline: r.arrivalDeadline,
    decisionComment: r.decisionComment,
    decidedAt: r.decidedAt,
    returnLogisticsNo: r.returnLogisticsNo,
    receivedAt: r.receivedAt,
    inspectedAt: r.inspectedAt,
    inspectionComment: r.inspectionComment,
    late: r.lateAt !== null,
    customsStatus: r.customsStatus as ReturnType['customsStatus'],
    refundAmount: r.refundAmountMinor,
    createdAt: r.createdAt,
  };
}

function toNotice(n: NoticeRecord): ShopperNoticeType {
  return { id: String(n.id), orderId: n.orderId, dropId: n.dropId, variantId: n.variantId, returnId: n.returnId, kind: n.kind, message: n.message, at: n.createdAt, readAt: n.readAt };
}

@Resolver(() => ReturnType)
export class ReturnsResolver {
  constructor(
    private readonly service: ReturnsService,
    private readonly queries: ReturnQueriesService,
  ) {}

  @Roles('SHOPPER')
  @Mutation(() => ReturnType, { description: 'A shopper asks to return units of their own released order, within RETURN_WINDOW_DAYS of customs release (RETURN_WINDOW_CLOSED after).' })
  async requestReturn(@CurrentActor() actor: Actor, @Args('input') input: RequestReturnInput) {
    return toReturn(await this.service.request(actor, { ...input, lines: input.lines.map((l) => ({ lineId: l.lineId, quantity: l.quantity })) }));
  }

  @Roles('MUSEUM_MANAGER', 'PLATFORM_ADMIN', 'BRAND_PARTNER')
  @Mutation(() => ReturnType, { description: 'The seller (museum, or the brand that fulfilled the order) accepts a requested return (a return waybill is booked) or refuses it, with a comment.' })
  async decideReturn(@CurrentActor() actor: Actor, @Args('returnId', { type: () => ID }) returnId: string, @Args('accept', { type: () => Boolean }) accept: boolean, @Args('comment', { type: () => String }) comment: string) {
    return toReturn(await this.service.decide(actor, { returnId, accept, comment }));
  }

  @Roles('MUSEUM_MANAGER', 'PLATFORM_ADMIN', 'BRAND_PARTNER')
  @Mutation(() => ReturnType, { description: 'The seller has the returned parcel (the carrier did not report it arrived): inspection may start. Marking it again changes nothing.' })
  async markReturnReceived(@CurrentActor() actor: Actor, @Args('returnId', { type: () => ID }) returnId: string) {
    return toReturn(await this.service.markReceived(actor, returnId));
  }

  @Roles('MUSEUM_MANAGER', 'PLATFORM_ADMIN', 'BRAND_PARTNER')
  @Mutation(() => ReturnType, { description: 'The returned parcel is inspected (once it arrived or was marked received; RETURN_NOT_RECEIVED before): accepted units are restocked (on sale or set aside) and refunded.' })
  async inspectReturn(@CurrentActor() actor: Actor, @Args('input') input: InspectReturnInput) {
    return toReturn(await this.service.inspect(actor, { returnId: input.returnId, comment: input.comment ?? null, lines: input.lines.map((l) => ({ lineId: l.lineId, acceptedQuantity: l.acceptedQuantity, sellable: l.sellable })) }));
  }

  @Roles('MUSEUM_MANAGER', 'PLATFORM_ADMIN', 'BRAND_PARTNER')
  @Mutation(() => ReturnType, { description: 'Asks Stripe again for the refund of an inspected return whose refund failed.' })
  async refundReturn(@CurrentActor() actor: Actor, @Args('returnId', { type: () => ID }) returnId: string) {
    return toReturn(await this.service.refund(actor, returnId));
  }

  @Roles('MUSEUM_MANAGER', 'PLATFORM_ADMIN', 'BRAND_PARTNER')
  @Query(() => ReturnPage, { description: 'Returns of one managed museum (or all the caller may see; a brand: the orders it fulfils), newest first.' })
  async museumReturns(
    @CurrentActor() actor: Actor,
    @Args() page: PageArgs,
    @Args('museumId', { type: () => ID, nullable: true }) museumId?: string,
    @Args('status', { type: () => ReturnStatusGql, nullable: true }) status?: ReturnStatusGql,
    @Args('late', { type: () => Boolean, nullable: true, description: 'Only returns flagged late.' }) late?: boolean,
  ) {
    const take = pageSize(page.first);
    const cursor = decodeCursor(page.after, 2);
    const after = cursor ? { createdAt: new Date(String(cursor[0])), id: String(cursor[1]) } : null;
    if (after && Number.isNaN(after.createdAt.getTime())) throw new ValidationError([{ path: 'after', message: 'is not a valid cursor' }]);
    const r = await this.queries.museumReturns(actor, museumId ?? null, { status: status as ReturnStatus | undefined, late: late ?? false }, take + 1, after);
    return toPage(r.rows.map(toReturn), take, r.total, (x) => [x.createdAt.toISOString(), x.id]);
  }

  @Roles('MUSEUM_MANAGER', 'PLATFORM_ADMIN', 'BRAND_PARTNER')
  @Query(() => ReturnType, { description: 'One return, for the seller: the museum’s managers, operators, or the brand that fulfilled the order (NOT_FOUND otherwise).' })
  async museumReturn(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string) {
    return toReturn((await this.service.visibleToSeller(actor, id)).ret);
  }

  @Roles('SHOPPER')
  @Query(() => [ShopperNoticeType], { description: 'The signed-in shopper’s notices about their orders, drops and items back in stock, newest first: `first` (at most 100) of them, older than the notice `after` when given (keyset: the id of the last notice of the previous page).' })
  async myNotices(
    @CurrentActor() actor: Actor,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { type: () => ID, nullable: true, description: 'The id of the last notice of the previous page.' }) after?: string | null,
  ) {
    if (after != null && !/^[1-9][0-9]{0,18}$/.test(after)) throw new ValidationError([{ path: 'after', message: 'is not a notice id' }]);
    return (await this.queries.notices(actor, pageSize(first), after != null ? BigInt(after) : null)).map(toNotice);
  }

  @Roles('SHOPPER')
  @Query(() => Int, { description: 'How many of the signed-in shopper’s notices are unread.' })
  async unreadNoticeCount(@CurrentActor() actor: Actor): Promise<number> {
    return this.queries.unreadNoticeCount(actor);
  }

  @Roles('SHOPPER')
  @Mutation(() => [ShopperNoticeType], { description: 'Marks these notices of the signed-in shopper read (1 to 100 ids; already read ones keep their time). An id that is not one of theirs: NOT_FOUND, nothing marked.' })
  async markNoticesRead(@CurrentActor() actor: Actor, @Args('ids', { type: () => [ID] }) ids: string[]) {
    return (await this.queries.markNoticesRead(actor, ids)).map(toNotice);
  }

  @ResolveField(() => String, { description: 'The number of the order returned.' })
  async orderNumber(@Parent() r: ReturnType, @Context() ctx: RequestContext): Promise<string> {
    const loader = ctx.loaders.get<string, string>('returns.orderNumber', async (ids) => {
      const numbers = await this.queries.orderNumbersOf(ids);
      return ids.map((id) => numbers.get(id) ?? '');
    });
    return loader.load(r.orderId);
  }

  @ResolveField(() => [ReturnEventType], { description: 'Every step, its detail written in `locale` (en, fr, zh-CN), else in the request’s Accept-Language, else English.' })
  async history(
    @Parent() r: ReturnType,
    @Context() ctx: RequestContext,
    @Args('locale', { type: () => String, nullable: true }) locale?: string | null,
  ): Promise<ReturnEventType[]> {
    const loader = ctx.loaders.get<string, ReturnEventRecord[]>('returns.history', async (ids) => groupByKeys(ids, await this.queries.eventsOf(ids), (e) => e.returnId));
    const lang = textLocale(locale ?? ctx.req?.headers?.['accept-language']);
    // Steps are kept as codes and parameters; a step written before that keeps its sentence.
    return (await loader.load(r.id)).map((e) => ({ kind: e.kind, detail: e.detail || returnEventText(e.kind, textParams(e.params), lang), params: JSON.stringify(e.params ?? {}), at: e.createdAt }));
  }

  @ResolveField(() => [ReturnTextType], { description: 'The texts (SMS) sent to a guest about its steps, with the gateway’s answer, oldest first; none for an account holder’s return (notices instead).' })
  async texts(@Parent() r: ReturnType, @Context() ctx: RequestContext): Promise<ReturnTextType[]> {
    const loader = ctx.loaders.get<string, ReturnSmsRecord[]>('returns.texts', async (ids) => groupByKeys(ids, await this.queries.textsOf(ids), (t) => t.returnId));
    return loader.load(r.id);
  }

  @ResolveField(() => [ReturnShopperMessageType], {
    description:
      'Everything sent to the shopper about this return, oldest first: texts (SMS) to a guest’s phone and notices to an account, each with its step, channel, masked phone, language and delivery status. One statement for all the returns of a request.',
  })
  async shopperMessages(@Parent() r: ReturnType, @Context() ctx: RequestContext): Promise<ReturnShopperMessageType[]> {
    const loader = ctx.loaders.get<string, ShopperMessage[]>('returns.shopperMessages', async (ids) => groupByKeys(ids, await this.queries.shopperMessagesOf(ids), (m) => m.returnId));
    return (await loader.load(r.id)).map((m) => ({ ...m, channel: m.channel as ShopperMessageChannelGql }));
  }
}

/** An order's returns and its return deadline (the order itself is already tenancy-checked). */
@Resolver(() => OrderType)
export class OrderReturnsResolver {
  constructor(
    private readonly queries: ReturnQueriesService,
    private readonly service: ReturnsService,
  ) {}

  @ResolveField(() => [ReturnType], { description: 'Returns asked for on this order, oldest first.' })
  async returns(@Parent() order: OrderType, @Context() ctx: RequestContext) {
    const loader = ctx.loaders.get<string, ReturnType[]>('orders.returns', async (ids) => groupByKeys(ids, await this.queries.ofOrders(ids), (r) => r.orderId).map((rs) => rs.map((r) => toReturn(r) as ReturnType)));
    return loader.load(order.id);
  }

  @ResolveField(() => GraphQLISODateTime, { nullable: true, description: 'A return may be asked for until then (RETURN_WINDOW_DAYS after customs release); null before release.' })
  async returnDeadline(@Parent() order: OrderType, @Context() ctx: RequestContext): Promise<Date | null> {
    const loader = ctx.loaders.get<string, Date | null>('orders.releasedAt', async (ids) => {
      const m = await this.queries.releasedAtOf(ids);
      return byKeys(ids, ids.map((id) => ({ id, at: m.get(id) ?? null })), (x) => x.id).map((x) => x?.at ?? null);
    });
    return this.service.deadlineOf(await loader.load(order.id));
  }
}

/** What a shopper may still return of a line, decided by after-sales (the line's order is already tenancy-checked). */
@Resolver(() => OrderLineType)
export class OrderLineReturnsResolver {
  constructor(private readonly queries: ReturnQueriesService) {}

  @ResolveField(() => Int, {
    description:
      'Units of this line that may still be asked back (requestReturn refuses more with ALREADY_RETURNED): bought, less those open or inspected returns hold and those refunded outside a return. Whether the return window is open is Order.returnDeadline.',
  })
  async returnableQuantity(@Parent() line: OrderLineType, @Context() ctx: RequestContext): Promise<number> {
    const loader = ctx.loaders.get<string, number>('orders.lines.returnable', async (ids) => {
      const left = await this.queries.returnableOf(ids);
      return ids.map((id) => left.get(id) ?? 0);
    });
    return loader.load(line.id);
  }
}
