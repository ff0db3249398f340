import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentActor, Roles, decodeCursor, groupByKeys, pageSize, toPage, type Actor, type RequestContext } from '@vitrine/shared/graphql';
import { NotFoundError, ValidationError } from '@vitrine/shared/kernel';
import { DeclarationsAuditService, type CustomsReceiptView, type CustomsTransmissionView } from '../application/declarations-audit.service';
import { CustomsMessagePage, CustomsMessageType, CustomsMessagesArgs, CustomsReceiptType, CustomsTransmissionType } from './customs-messages.types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function timeCursor(after: string | undefined): [string, string] | null {
  const values = decodeCursor(after, 2);
  if (!values) return null;
  const [at, id] = values;
  if (typeof at !== 'string' || Number.isNaN(Date.parse(at)) || typeof id !== 'string' || !UUID.test(id)) throw new ValidationError([{ path: 'after', message: 'is not a valid cursor' }]);
  return [at, id];
}

/** The customs audit trail: every message, receipt and attempt, for managers (their museums) and operators. */
@Roles('PLATFORM_ADMIN', 'MUSEUM_MANAGER')
@Resolver(() => CustomsMessageType)
export class CustomsMessagesResolver {
  constructor(private readonly audit: DeclarationsAuditService) {}

  @Query(() => CustomsMessagePage, { description: 'Customs messages, newest first, of the museums the caller manages (all for an operator).' })
  async customsMessages(@CurrentActor() actor: Actor, @Args() args: CustomsMessagesArgs) {
    if ((args.museumId && !UUID.test(args.museumId)) || (args.orderId && !UUID.test(args.orderId))) throw new NotFoundError(args.museumId && !UUID.test(args.museumId) ? 'Museum' : 'Order');
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
