import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentActor, PageArgs, Roles, byKeys, pageSize, type Actor, type RequestContext } from '@vitrine/shared/graphql';
import { AgreementsService } from '../application/agreements.service';
import { NotificationsService } from '../application/notifications.service';
import { RoyaltyStatementsService } from '../application/royalty-statements.service';
import type { AgreementRow } from '../infrastructure/agreement.repository';
import { toAgreement, toLedgerEntry, toNotification, toStatement } from './licensing.mappers';
import {
  LicenceAgreementType,
  LicensingNotificationPage,
  LicensingNotificationType,
  RoyaltyLedgerEntryPage,
  RoyaltyStatementPage,
  RoyaltyStatementType,
  StatementRunType,
} from './licensing.types';
import { idCursor, isDay, isTime, keyCursor, pageOf } from './paging';

const PARTIES = ['PLATFORM_ADMIN', 'MUSEUM_MANAGER', 'BRAND_PARTNER'] as const;

@Resolver(() => RoyaltyStatementType)
export class RoyaltiesResolver {
  constructor(
    private readonly statements: RoyaltyStatementsService,
    private readonly agreements: AgreementsService,
  ) {}

  @Roles(...PARTIES)
  @Query(() => RoyaltyStatementPage, { description: 'Monthly statements of the caller’s agreements, newest month first.' })
  async royaltyStatements(@CurrentActor() actor: Actor, @Args() args: PageArgs, @Args('agreementId', { type: () => ID, nullable: true }) agreementId?: string) {
    const take = pageSize(args.first);
    const { rows, total } = await this.statements.list(actor, { agreementId, take, after: keyCursor(args.after, isDay) });
    return pageOf(rows, take, total, (s) => [s.periodStart, s.id], toStatement);
  }

  @Roles(...PARTIES)
  @Query(() => RoyaltyStatementType)
  async royaltyStatement(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string) {
    return toStatement(await this.statements.get(actor, id));
  }

  @Roles(...PARTIES)
  @Query(() => RoyaltyLedgerEntryPage, { description: 'The sales (accruals) and refunds (reversals) booked for an agreement, newest first.' })
  async royaltyLedger(
    @CurrentActor() actor: Actor,
    @Args('agreementId', { type: () => ID }) agreementId: string,
    @Args() args: PageArgs,
    @Args('statementId', { type: () => ID, nullable: true }) statementId?: string,
  ) {
    const take = pageSize(args.first);
    const { rows, total } = await this.statements.ledgerOf(actor, { agreementId, statementId, take, afterId: idCursor(args.after) });
    return pageOf(rows, take, total, (e) => [e.id.toString()], toLedgerEntry);
  }

  @Roles('PLATFORM_ADMIN')
  @Mutation(() => StatementRunType, { description: 'Operator: runs (or re-runs, harmlessly) the statements of a finished month, YYYY-MM-01.' })
  generateRoyaltyStatements(@Args('period', { type: () => String }) period: string) {
    return this.statements.runMonth(period);
  }

  @ResolveField(() => LicenceAgreementType)
  async agreement(@Parent() s: RoyaltyStatementType, @Context() ctx: RequestContext) {
    const row = await ctx.loaders
      .get<string, AgreementRow | null>('licensing.agreements', async (ids) => byKeys(ids, await this.agreements.byIds(ids), (a) => a.id))
      .load(s.agreementId);
    return row ? toAgreement(row) : null;
  }
}

@Resolver(() => LicensingNotificationType)
export class LicensingNotificationsResolver {
  constructor(private readonly notifications: NotificationsService) {}

  @Roles(...PARTIES)
  @Query(() => LicensingNotificationPage, { description: 'Licensing notices for the caller’s museums or brand: review reminders, expiries.' })
  async licensingNotifications(
    @CurrentActor() actor: Actor,
    @Args() args: PageArgs,
    @Args('unreadOnly', { type: () => Boolean, nullable: true }) unreadOnly?: boolean,
  ) {
    const take = pageSize(args.first);
    const { rows, total } = await this.notifications.list(actor, { unreadOnly: Boolean(unreadOnly), take, after: keyCursor(args.after, isTime) });
    return pageOf(rows, take, total, (n) => [n.createdAt.toISOString(), n.id], toNotification);
  }

  @Roles(...PARTIES)
  @Mutation(() => LicensingNotificationType)
  async markLicensingNotificationRead(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string) {
    return toNotification(await this.notifications.markRead(actor, id));
  }
}
