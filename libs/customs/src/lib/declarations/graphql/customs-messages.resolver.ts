import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentActor, Roles, groupByKeys, pageSize, timeCursor, toPage, type Actor, type RequestContext } from '@vitrine/shared/graphql';
import { NotFoundError, isUuid } from '@vitrine/shared/kernel';
import { DeclarationsAuditService, type CustomsAmendmentView, type CustomsReceiptView, type CustomsTransmissionView } from '../application/declarations-audit.service';
import { CustomsAmendmentType, CustomsMessagePage, CustomsMessageType, CustomsMessagesArgs, CustomsReceiptType, CustomsTransmissionType } from './customs-messages.types';

/** The customs audit trail: every message, receipt and attempt, for managers (their museums) and operators. */
@Roles('PLATFORM_ADMIN', 'MUSEUM_MANAGER')
@Resolver(() => CustomsMessageType)
export class CustomsMessagesResolver {
  constructor(private readonly audit: DeclarationsAuditService) {}

  @Query(() => CustomsMessagePage, { description: 'Customs messages, newest first, of the museums the caller manages (all for an operator).' })
  async customsMessages(@CurrentActor() actor: Actor, @Args() args: CustomsMessagesArgs) {
    if (args.museumId && !isUuid(args.museumId)) throw new NotFoundError('Museum');
    if (args.orderId && !isUuid(args.orderId)) throw new NotFoundError('Order');
    const take = pageSize(args.first);
    const { rows, total } = await this.audit.list(actor, { museumId: args.museumId, orderId: args.orderId, status: args.status, take, after: timeCursor(args.after) });
    return toPage(rows, take, total, (r) => [r.createdAt.toISOString(), r.id]);
  }

  @ResolveField(() => [CustomsReceiptType])
  receipts(@Parent() message: CustomsMessageType, @Context() ctx: RequestContext): Promise<CustomsReceiptView[]> {
    return ctx.loaders
      .get<string, CustomsReceiptView[]>('customs.receipts', async (ids) => groupByKeys(ids, await this.audit.receipts(ids), (r) => r.messageId))
      .load(message.id);
  }

  @ResolveField(() => [CustomsAmendmentType], { description: 'Its amendments after units were refunded while customs had the order, oldest first; the latest is what customs holds.' })
  amendments(@Parent() message: CustomsMessageType, @Context() ctx: RequestContext): Promise<CustomsAmendmentView[]> {
    return ctx.loaders
      .get<string, CustomsAmendmentView[]>('customs.amendments', async (ids) => groupByKeys(ids, await this.audit.amendments(ids), (a) => a.messageId))
      .load(message.id);
  }

  @ResolveField(() => [CustomsTransmissionType], { description: 'Every attempt to send it, oldest first.' })
  transmissions(@Parent() message: CustomsMessageType, @Context() ctx: RequestContext): Promise<CustomsTransmissionView[]> {
    return ctx.loaders
      .get<string, CustomsTransmissionView[]>('customs.transmissions', async (ids) => {
        const byMessage = await this.audit.transmissions(ids);
        return ids.map((id) => byMessage.get(id) ?? []);
      })
      .load(message.id);
  }
}
