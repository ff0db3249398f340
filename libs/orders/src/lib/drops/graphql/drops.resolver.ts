import { UseGuards } from '@nestjs/common';
import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Throttle } from '@nestjs/throttler';
import { CurrentActor, PageArgs, Public, Roles, addressOf, pageSize, timeCursor, toPage, type Actor, type RequestContext } from '@vitrine/shared/graphql';
import { DropsService, type MyEntry } from '../application/drops.service';
import type { DropRecord, EntryRecord, EntryWithSignals } from '../infrastructure/drops.repository';
import { DROP_ENTRY_ADDRESS_LIMIT, DROP_ENTRY_LIMIT, DropEntryThrottlerGuard } from './drop-entry-throttler.guard';
import {
  CancelDropInput,
  CreateDropInput,
  DropDrawEntryType,
  DropEntryForOperatorType,
  DropEntryType,
  DropFilterInput,
  DropPage,
  DropType,
  JoinDropInput,
  NoticeSubscriptionType,
  SubscribeNoticeInput,
  UpdateDropInput,
  VoidDropEntryInput,
  type DropModeGql,
  type NoticeSubscriptionKindGql,
} from './drops.types';

const toDrop = (d: DropRecord): DropType => ({ ...d, mode: d.mode as DropModeGql });
const toEntry = (e: MyEntry | (EntryRecord & { placeInQueue?: number | null })): DropEntryType => ({
  id: e.id,
  dropId: e.dropId,
  status: e.status,
  position: e.position,
  placeInQueue: e.placeInQueue ?? null,
  joinedAt: e.joinedAt,
  admittedAt: e.admittedAt,
  turnEndsAt: e.turnEndsAt,
});
const toOperatorEntry = (e: EntryWithSignals): DropEntryForOperatorType => ({
  ...e,
  accountAgeDays: Math.round(((e.joinedAt.getTime() - e.accountCreatedAt.getTime()) / 86_400_000) * 10) / 10,
});

@Resolver(() => DropType)
export class DropsResolver {
  constructor(private readonly drops: DropsService) {}

  @Roles('MUSEUM_MANAGER', 'PLATFORM_ADMIN')
  @Mutation(() => DropType, {
    description:
      'Sells a variant as a limited-edition drop. A DRAW gets its seed now; its SHA-256 is public (seedHash) before registration opens. ' +
      'NOT_FOUND for another museum’s variant, VALIDATION_FAILED, DROP_VARIANT_BUSY when the variant has a drop not ended.',
  })
  async createDrop(@CurrentActor() actor: Actor, @Args('input') input: CreateDropInput): Promise<DropType> {
    return toDrop(await this.drops.create(actor, input));
  }

  @Roles('MUSEUM_MANAGER', 'PLATFORM_ADMIN')
  @Mutation(() => DropType, {
    description:
      'Changes a drop before it starts (a draw: before registration opens). NOT_FOUND for another museum’s drop, VALIDATION_FAILED (the rules of createDrop), ' +
      'DROP_ALREADY_STARTED, DROP_ALREADY_ENDED (ended or cancelled), DROP_EDITION_OVER_STOCK. Nothing is written when refused.',
  })
  async updateDrop(@CurrentActor() actor: Actor, @Args('input') input: UpdateDropInput): Promise<DropType> {
    return toDrop(await this.drops.update(actor, { ...input }));
  }

  @Roles('MUSEUM_MANAGER', 'PLATFORM_ADMIN')
  @Mutation(() => DropType, {
    description:
      'Cancels a drop not ended: entries close, checkouts awaiting payment are cancelled and their stock released, paid orders stay; entrants and followers get a DROP_CANCELLED notice. ' +
      'NOT_FOUND for another museum’s drop, DROP_ALREADY_ENDED.',
  })
  async cancelDrop(@CurrentActor() actor: Actor, @Args('input') input: CancelDropInput): Promise<DropType> {
    return toDrop(await this.drops.cancel(actor, { ...input }));
  }

  @Roles('MUSEUM_MANAGER', 'PLATFORM_ADMIN')
  @Query(() => DropType, { description: 'A drop of a museum the caller manages, cancelled ones included. NOT_FOUND otherwise.' })
  async managedDrop(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<DropType> {
    return toDrop(await this.drops.managed(actor, id));
  }

  @Roles('MUSEUM_MANAGER', 'PLATFORM_ADMIN')
  @Query(() => DropPage, {
    description:
      'The drops of one managed museum, or of every museum the caller manages (all for an operator), latest start first, cancelled ones included. ' +
      'NOT_FOUND for a museum the caller does not manage; VALIDATION_FAILED for a bad filter or cursor.',
  })
  async museumDrops(
    @CurrentActor() actor: Actor,
    @Args() page: PageArgs,
    @Args('museumId', { type: () => ID, nullable: true }) museumId?: string,
    @Args('filter', { type: () => DropFilterInput, nullable: true }) filter?: DropFilterInput,
  ) {
    const take = pageSize(page.first);
    const { rows, total } = await this.drops.list(actor, { museumId: museumId ?? null, filter: { ...filter }, take, after: timeCursor(page.after) });
    return toPage(rows.map(toDrop), take, total, (d) => [d.startsAt.toISOString(), d.id]);
  }

  @Roles('MUSEUM_MANAGER', 'PLATFORM_ADMIN')
  @Query(() => [DropEntryForOperatorType], { description: 'A drop’s entries with signals (same address, account age), in queue order. NOT_FOUND for another museum’s drop.' })
  async dropEntries(
    @CurrentActor() actor: Actor,
    @Args('dropId', { type: () => ID }) dropId: string,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('offset', { type: () => Int, nullable: true }) offset?: number,
    @Args('status', { type: () => String, nullable: true }) status?: string,
  ): Promise<DropEntryForOperatorType[]> {
    return (await this.drops.entries(actor, dropId, pageSize(first), Math.max(0, offset ?? 0), status ?? null)).map(toOperatorEntry);
  }

  @Roles('MUSEUM_MANAGER', 'PLATFORM_ADMIN')
  @Mutation(() => DropEntryType, { description: 'Voids a suspicious entry (waiting or admitted); its turn goes to the next. DROP_ENTRY_NOT_VOIDABLE once checked out.' })
  async voidDropEntry(@CurrentActor() actor: Actor, @Args('input') input: VoidDropEntryInput): Promise<DropEntryType> {
    return toEntry(await this.drops.voidEntry(actor, input));
  }

  @Public()
  @Query(() => DropType, { description: 'A drop, for shoppers and for anyone checking a draw (seedHash, then seed and drawList). NOT_FOUND if unknown.' })
  async drop(@Args('id', { type: () => ID }) id: string): Promise<DropType> {
    return toDrop(await this.drops.get(id));
  }

  @Public()
  @Query(() => [DropType], { description: 'The drops of a product (not cancelled), newest first.' })
  async productDrops(@Args('productId', { type: () => ID }) productId: string): Promise<DropType[]> {
    return (await this.drops.ofProduct(productId)).map(toDrop);
  }

  @ResolveField(() => [DropDrawEntryType], { description: 'DRAW, once drawn: the registration list the draw ran on (entry ids sorted) with each rank. Empty before.' })
  async drawList(@Parent() d: DropType): Promise<DropDrawEntryType[]> {
    if (d.mode !== 'DRAW' || !d.drawnAt) return [];
    return (await this.drops.drawRecord(d.id)).map((e) => ({ entryId: e.id, rank: e.position }));
  }

  @ResolveField(() => DropEntryType, { nullable: true, description: 'The signed-in shopper’s entry (null when none or anonymous).' })
  async myEntry(@Parent() d: DropType, @Context() ctx: RequestContext): Promise<DropEntryType | null> {
    if (!ctx.actor) return null;
    const e = await this.drops.myEntry(ctx.actor, d.id);
    return e ? toEntry(e) : null;
  }

  @ResolveField(() => String, {
    nullable: true,
    description:
      'The signed-in caller’s token for the drop page’s update stream, GET /drops/:id/events?token= (Server-Sent Events): adds their own entry’s frames (place, turn, draw result) to the public ones. Valid 6 h, for this drop and caller only; null when anonymous.',
  })
  myStreamToken(@Parent() d: DropType, @Context() ctx: RequestContext): string | null {
    return ctx.actor ? this.drops.streamToken(ctx.actor, d.id) : null;
  }

  @Roles('SHOPPER')
  @UseGuards(DropEntryThrottlerGuard)
  @Throttle({ login: { limit: DROP_ENTRY_LIMIT, ttl: 60_000 }, loginAddress: { limit: DROP_ENTRY_ADDRESS_LIMIT, ttl: 60_000 } })
  @Mutation(() => DropEntryType, {
    description:
      'Joins a drop’s queue (before or after its start: late comers go last) or registers for its draw (during registration), with the resident ID of the person who will order. ' +
      'DROP_IDENTITY_ALREADY_ENTERED (that ID number has an entry, from any account), DROP_ALREADY_ENTERED, DROP_NOT_ACCEPTING_ENTRIES, INVALID_RESIDENT_ID, THROTTLED.',
  })
  async joinDrop(@CurrentActor() actor: Actor, @Args('input') input: JoinDropInput, @Context() ctx: RequestContext): Promise<DropEntryType> {
    return toEntry(await this.drops.join(actor, input, addressOf(ctx.req as unknown as Record<string, unknown>) || null));
  }

  @Roles('SHOPPER')
  @Mutation(() => NoticeSubscriptionType, { description: 'Notify me when a drop opens (DROP_OPENS, a drop id) or a sold-out variant is back (BACK_IN_STOCK): the notice arrives in myNotices.' })
  async subscribeNotice(@CurrentActor() actor: Actor, @Args('input') input: SubscribeNoticeInput): Promise<NoticeSubscriptionType> {
    const s = await this.drops.subscribe(actor, input);
    return { id: s.id, kind: s.kind as NoticeSubscriptionKindGql, targetId: s.targetId, notifiedAt: s.notifiedAt };
  }
}
