import { Inject } from '@nestjs/common';
import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentActor, PageArgs, Public, Roles, pageSize, timeCursor, toPage, type Actor } from '@vitrine/shared/graphql';
import { LiveCartService } from '../application/live-cart.service';
import { LiveSessionsService } from '../application/live-sessions.service';
import { LIVE_SETTINGS, type LiveSettings } from '../application/live-settings';
import { LiveStateService } from '../application/live-state.service';
import { LIVE_LIMITS, sessionPhase } from '../domain/live-rules';
import { classifyStreamUrl, streamPlayer } from '../domain/stream-player';
import type { LiveSessionRow } from '../infrastructure/live.repository';
import {
  AddLiveCartLineInput,
  CancelLiveSessionInput,
  LiveAnnouncementType,
  LiveCartLineType,
  LiveFlashPriceType,
  LiveProductSalesType,
  LiveProductType,
  LiveSessionFilterInput,
  LiveSessionPage,
  LiveSessionPhaseGql,
  LiveSessionType,
  LiveStreamPlayerType,
  LiveStreamUrlCheckType,
  PinLiveProductInput,
  PostLiveAnnouncementInput,
  ScheduleLiveSessionInput,
  SetLiveSessionBagInput,
  StartLiveFlashPriceInput,
  UpdateLiveSessionInput,
} from './live.types';

const toSession = (s: LiveSessionRow): LiveSessionType => ({
  id: s.id,
  museumId: s.museumId,
  title: s.title,
  streamUrl: s.streamUrl,
  startsAt: s.startsAt,
  endsAt: s.endsAt,
  phase: sessionPhase(s, new Date()) as LiveSessionPhaseGql,
  pinnedProductId: s.pinnedProductId,
  productIds: s.productIds,
});

@Resolver(() => LiveSessionType)
export class LiveResolver {
  constructor(
    private readonly sessions: LiveSessionsService,
    private readonly state: LiveStateService,
    private readonly cart: LiveCartService,
    @Inject(LIVE_SETTINGS) private readonly settings: LiveSettings,
  ) {}

  @Roles('MUSEUM_MANAGER', 'PLATFORM_ADMIN')
  @Mutation(() => LiveSessionType, { description: 'Schedules a live session with its bag (products of that museum: PRODUCT_NOT_IN_MUSEUM otherwise).' })
  async scheduleLiveSession(@CurrentActor() actor: Actor, @Args('input') input: ScheduleLiveSessionInput) {
    return toSession(await this.sessions.schedule(actor, { ...input }));
  }

  @Roles('MUSEUM_MANAGER', 'PLATFORM_ADMIN')
  @Mutation(() => LiveSessionType, {
    description:
      'Changes a scheduled session’s title, stream link or times (the rules of scheduleLiveSession); viewers get a fresh snapshot. ' +
      'NOT_FOUND for another museum’s session, VALIDATION_FAILED, SESSION_ALREADY_STARTED, SESSION_ENDED, SESSION_CANCELLED; nothing written when refused.',
  })
  async updateLiveSession(@CurrentActor() actor: Actor, @Args('input') input: UpdateLiveSessionInput) {
    return toSession(await this.sessions.update(actor, { ...input }));
  }

  @Roles('MUSEUM_MANAGER', 'PLATFORM_ADMIN')
  @Mutation(() => LiveSessionType, {
    description:
      'Cancels a scheduled session: viewers no longer find it (their streams end), its page takes no cart lines; the console keeps it (phase CANCELLED). ' +
      'NOT_FOUND for another museum’s session, SESSION_ALREADY_STARTED, SESSION_ENDED, SESSION_CANCELLED.',
  })
  async cancelLiveSession(@CurrentActor() actor: Actor, @Args('input') input: CancelLiveSessionInput) {
    return toSession(await this.sessions.cancel(actor, { ...input }));
  }

  @Roles('MUSEUM_MANAGER', 'PLATFORM_ADMIN')
  @Mutation(() => LiveSessionType, { description: 'Replaces the bag of a session not yet ended; viewers get a fresh snapshot.' })
  async setLiveSessionBag(@CurrentActor() actor: Actor, @Args('input') input: SetLiveSessionBagInput) {
    return toSession(await this.sessions.setBag(actor, { ...input }));
  }

  @Roles('MUSEUM_MANAGER', 'PLATFORM_ADMIN')
  @Mutation(() => LiveSessionType, { description: 'Pins a bag product on every viewer’s page (null unpins).' })
  async pinLiveProduct(@CurrentActor() actor: Actor, @Args('input') input: PinLiveProductInput) {
    return toSession(await this.sessions.pin(actor, { ...input }));
  }

  @Roles('MUSEUM_MANAGER', 'PLATFORM_ADMIN')
  @Mutation(() => LiveFlashPriceType, { description: 'Starts a flash price while the session is live (SESSION_NOT_LIVE, FLASH_PRICE_NOT_BELOW_PRICE).' })
  async startLiveFlashPrice(@CurrentActor() actor: Actor, @Args('input') input: StartLiveFlashPriceInput) {
    const f = await this.sessions.startFlash(actor, { ...input });
    return { productId: f.productId, priceMinor: f.priceMinor, currency: 'CNY', startsAt: f.startsAt, endsAt: f.endsAt };
  }

  @Roles('MUSEUM_MANAGER', 'PLATFORM_ADMIN')
  @Mutation(() => LiveAnnouncementType, { description: 'Posts a short announcement to every viewer.' })
  postLiveAnnouncement(@CurrentActor() actor: Actor, @Args('input') input: PostLiveAnnouncementInput) {
    return this.sessions.announce(actor, { ...input });
  }

  @Roles('MUSEUM_MANAGER', 'PLATFORM_ADMIN')
  @Query(() => LiveSessionPage, {
    description:
      'The live sessions of one managed museum, or of every museum the caller manages (all for an operator), latest start first. ' +
      'NOT_FOUND for a museum the caller does not manage; VALIDATION_FAILED for a bad filter or cursor.',
  })
  async managedLiveSessions(
    @CurrentActor() actor: Actor,
    @Args() page: PageArgs,
    @Args('museumId', { type: () => ID, nullable: true }) museumId?: string,
    @Args('filter', { type: () => LiveSessionFilterInput, nullable: true }) filter?: LiveSessionFilterInput,
  ) {
    const take = pageSize(page.first);
    const { rows, total } = await this.sessions.list(actor, { museumId: museumId ?? null, filter: { ...filter }, take, after: timeCursor(page.after) });
    return toPage(rows.map(toSession), take, total, (s) => [s.startsAt.toISOString(), s.id]);
  }

  @Roles('MUSEUM_MANAGER', 'PLATFORM_ADMIN')
  @Query(() => LiveSessionType, { description: 'One of the caller’s museums’ sessions; NOT_FOUND otherwise.' })
  async managedLiveSession(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string) {
    return toSession(await this.sessions.get(actor, id));
  }

  @Roles('MUSEUM_MANAGER', 'PLATFORM_ADMIN')
  @Query(() => LiveStreamUrlCheckType, { description: 'What saving this stream URL would do (the console’s form says it before saving): an embedded player, a link, or refused (STREAM_URL_NOT_ALLOWED).' })
  liveStreamUrlCheck(@Args('url', { type: () => String }) url: string) {
    const verdict = classifyStreamUrl(url.slice(0, LIVE_LIMITS.streamUrlMax), this.settings.embedRules);
    return verdict.ok ? { player: verdict.player, problem: null } : { player: null, problem: verdict.problem };
  }

  @Public()
  @Query(() => LiveSessionType, { description: 'A live session as viewers see it.' })
  async liveSession(@Args('id', { type: () => ID }) id: string) {
    return toSession(await this.sessions.public(id));
  }

  @Public()
  @Mutation(() => LiveCartLineType, { description: 'Adds units of a bag product’s variant to the cart from the live page (its flash price applies while it runs; the order is attributed to the session).' })
  addLiveCartLine(@CurrentActor() actor: Actor | null, @Args('input') input: AddLiveCartLineInput) {
    return this.cart.addLine(actor, { ...input });
  }

  @ResolveField(() => LiveStreamPlayerType, { description: 'How the shop shows the stream: an embedded player or a link (derived from streamUrl and the allowed players).' })
  player(@Parent() s: LiveSessionType) {
    return streamPlayer(s.streamUrl, this.settings.embedRules);
  }

  @ResolveField(() => [LiveProductType], { description: 'The bag with prices and stock now.' })
  async products(@Parent() s: LiveSessionType) {
    return (await this.state.snapshot(s.id))?.products ?? [];
  }

  @ResolveField(() => [LiveFlashPriceType], { description: 'Flash prices running now.' })
  async flashPrices(@Parent() s: LiveSessionType) {
    return ((await this.state.snapshot(s.id))?.flashes ?? []).map((f) => ({ ...f, startsAt: new Date(f.startsAt), endsAt: new Date(f.endsAt) }));
  }

  @ResolveField(() => [LiveAnnouncementType], { description: 'The newest announcements (20), newest first.' })
  async announcements(@Parent() s: LiveSessionType) {
    return ((await this.state.snapshot(s.id))?.announcements ?? []).map((a) => ({ id: a.id, body: a.body, createdAt: new Date(a.at) }));
  }

  @Roles('MUSEUM_MANAGER', 'PLATFORM_ADMIN')
  @ResolveField(() => [LiveProductSalesType], { description: 'Sales per product from the live page (managers of the museum only).' })
  sales(@CurrentActor() actor: Actor | null, @Parent() s: LiveSessionType) {
    return this.sessions.sales(actor, s.id);
  }
}
