import { Inject, Injectable } from '@nestjs/common';
import { NotFoundError, ValidationError, validate, canManageMuseum, managedMuseumScope, type Actor } from '@vitrine/shared/kernel';
import { z } from 'zod';
import { LiveError, LiveErrorCode } from '../domain/live-error';
import {
  announcementSchema,
  bagSchema,
  flashPriceAllowed,
  flashSchema,
  pinSchema,
  scheduleSchema,
  sessionIdSchema,
  sessionListFilterSchema,
  sessionPhase,
  sessionTimeProblems,
  updateSessionSchema,
} from '../domain/live-rules';
import { classifyStreamUrl } from '../domain/stream-player';
import { LiveRepository, type FlashRow, type LiveSessionRow, type ProductSalesRow, type AnnouncementRow } from '../infrastructure/live.repository';
import { LiveCheckoutProducts } from './live-checkout-products';
import { LiveEventsHub } from './live-events.hub';
import { LiveProducts } from './live-products';
import { LIVE_SETTINGS, type LiveSettings } from './live-settings';

/**
 * A museum manager's live sessions: scheduling with the bag, and the host's actions during
 * the session (pin, flash price, announcement), each published to viewers after it is saved.
 * Another museum's session answers NOT_FOUND.
 */
@Injectable()
export class LiveSessionsService {
  constructor(
    private readonly repo: LiveRepository,
    private readonly products: LiveProducts,
    private readonly hub: LiveEventsHub,
    private readonly checkoutProducts: LiveCheckoutProducts,
    @Inject(LIVE_SETTINGS) private readonly settings: LiveSettings,
  ) {}

  async schedule(actor: Actor, raw: unknown): Promise<LiveSessionRow> {
    const input = validate(scheduleSchema, raw);
    if (!canManageMuseum(actor, input.museumId)) throw new NotFoundError('Museum');
    this.assertStreamUrl(input.streamUrl);
    if (input.endsAt.getTime() <= Date.now()) throw new ValidationError([{ path: 'input.endsAt', message: 'must be in the future' }]);
    await this.assertOwnProducts(input.museumId, input.productIds);
    const session = await this.repo.create({ ...input, createdBy: actor.userId });
    await this.checkoutProducts.changed();
    return session;
  }

  /**
   * Changes a scheduled session (not started, not cancelled): title, stream link, times, with
   * the rules of scheduling. Every process forgets its checkout list and viewers get a fresh
   * snapshot. SESSION_ALREADY_STARTED, SESSION_ENDED, SESSION_CANCELLED; nothing written then.
   */
  async update(actor: Actor, raw: unknown, now = new Date()): Promise<LiveSessionRow> {
    const input = validate(updateSessionSchema, raw);
    const session = await this.managed(actor, input.sessionId);
    this.assertScheduled(session, now);
    if (input.streamUrl) this.assertStreamUrl(input.streamUrl);
    const next = {
      title: input.title ?? session.title,
      streamUrl: input.streamUrl ?? session.streamUrl,
      startsAt: input.startsAt ?? session.startsAt,
      endsAt: input.endsAt ?? session.endsAt,
    };
    const problems = sessionTimeProblems(next).map((p) => ({ path: `input.${p.path}`, message: p.message }));
    if (next.endsAt.getTime() <= now.getTime() && !problems.length) problems.push({ path: 'input.endsAt', message: 'must be in the future' });
    if (problems.length) throw new ValidationError(problems);
    if (!(await this.repo.changeScheduled(session.id, next, now))) this.assertScheduled((await this.repo.findById(session.id))!, now);
    await this.checkoutProducts.changed();
    await this.hub.publish(session.id, { type: 'bag' });
    return (await this.repo.findById(session.id))!;
  }

  /**
   * Cancels a scheduled session: viewers no longer find it (NOT_FOUND, their streams end), its
   * page takes no cart lines, the console keeps it as CANCELLED. Only before it starts.
   */
  async cancel(actor: Actor, raw: unknown, now = new Date()): Promise<LiveSessionRow> {
    const input = validate(sessionIdSchema, raw);
    const session = await this.managed(actor, input.sessionId);
    this.assertScheduled(session, now);
    if (!(await this.repo.cancelScheduled(session.id, now))) this.assertScheduled((await this.repo.findById(session.id))!, now);
    await this.checkoutProducts.changed();
    await this.hub.publish(session.id, { type: 'cancelled', at: now.toISOString() });
    return (await this.repo.findById(session.id))!;
  }

  async setBag(actor: Actor, raw: unknown): Promise<LiveSessionRow> {
    const input = validate(bagSchema, raw);
    const session = await this.managed(actor, input.sessionId);
    this.assertNotEnded(session);
    await this.assertOwnProducts(session.museumId, input.productIds);
    await this.repo.setBag(session.id, input.productIds);
    await this.checkoutProducts.changed();
    await this.hub.publish(session.id, { type: 'bag' });
    return (await this.repo.findById(session.id))!;
  }

  async pin(actor: Actor, raw: unknown): Promise<LiveSessionRow> {
    const input = validate(pinSchema, raw);
    const session = await this.managed(actor, input.sessionId);
    this.assertNotEnded(session);
    if (input.productId) this.assertInBag(session, input.productId);
    const at = new Date();
    await this.repo.pin(session.id, input.productId, at);
    await this.hub.publish(session.id, { type: 'pin', productId: input.productId, at: at.toISOString() });
    return { ...session, pinnedProductId: input.productId, pinnedAt: input.productId ? at : null };
  }

  /** A flash price while the session is live, below every variant's current price; it ends after the duration or with the session. */
  async startFlash(actor: Actor, raw: unknown): Promise<FlashRow> {
    const input = validate(flashSchema, raw);
    const session = await this.managed(actor, input.sessionId);
    const now = new Date();
    const phase = sessionPhase(session, now);
    if (phase === 'ENDED') throw this.ended();
    if (phase === 'CANCELLED') throw this.cancelled();
    if (phase === 'SCHEDULED') throw new LiveError(LiveErrorCode.SESSION_NOT_LIVE, 'A flash price starts only while the session is live', { field: 'input.sessionId' });
    this.assertInBag(session, input.productId);
    const [product] = await this.products.of(session.museumId, [input.productId]);
    const prices = product?.variants.map((v) => v.priceMinor) ?? [];
    if (!flashPriceAllowed(input.priceMinor, prices)) {
      throw new LiveError(LiveErrorCode.FLASH_PRICE_NOT_BELOW_PRICE, 'A flash price must be below the product’s price', { field: 'input.priceMinor', priceMinor: prices.length ? Math.min(...prices) : null });
    }
    const endsAt = new Date(Math.min(now.getTime() + input.durationSeconds * 1000, session.endsAt.getTime()));
    const flash = await this.repo.startFlash({ sessionId: session.id, productId: input.productId, priceMinor: input.priceMinor, startsAt: now, endsAt, createdBy: actor.userId });
    await this.checkoutProducts.changed();
    await this.hub.publish(session.id, {
      type: 'flash',
      flash: { productId: flash.productId, priceMinor: flash.priceMinor, currency: 'CNY', startsAt: flash.startsAt.toISOString(), endsAt: flash.endsAt.toISOString() },
    });
    return flash;
  }

  async announce(actor: Actor, raw: unknown): Promise<AnnouncementRow> {
    const input = validate(announcementSchema, raw);
    const session = await this.managed(actor, input.sessionId);
    this.assertNotEnded(session);
    const row = await this.repo.announce({ sessionId: session.id, body: input.body, createdBy: actor.userId });
    await this.hub.publish(session.id, { type: 'announcement', announcement: { id: row.id, body: row.body, at: row.createdAt.toISOString() } });
    return row;
  }

  /** The console's list: one managed museum or all the caller manages, filtered, a page after a (startsAt, id) cursor. */
  async list(
    actor: Actor,
    q: { museumId: string | null; filter: unknown; take: number; after: [string, string] | null },
    now = new Date(),
  ): Promise<{ rows: LiveSessionRow[]; total: number }> {
    const museumId = q.museumId === null ? null : validate(z.uuid(), q.museumId, 'museumId');
    const filter = validate(sessionListFilterSchema, q.filter, 'filter');
    if (museumId && !canManageMuseum(actor, museumId)) throw new NotFoundError('Museum');
    return this.repo.list(museumId ? [museumId] : managedMuseumScope(actor), filter, q.take, q.after, now);
  }

  get(actor: Actor, id: string): Promise<LiveSessionRow> {
    return this.managed(actor, id);
  }

  async sales(actor: Actor | null, id: string): Promise<ProductSalesRow[]> {
    return this.repo.sales((await this.managed(actor, id)).id);
  }

  /** A session for a shopper (any museum's, not cancelled). */
  async public(id: string): Promise<LiveSessionRow> {
    const session = /^[0-9a-f-]{36}$/i.test(id) ? await this.repo.findById(id) : null;
    if (!session || session.cancelledAt) throw new NotFoundError('Live session');
    return session;
  }

  private async managed(actor: Actor | null, id: string): Promise<LiveSessionRow> {
    const session = /^[0-9a-f-]{36}$/i.test(id) ? await this.repo.findById(id) : null;
    if (!session || !canManageMuseum(actor, session.museumId)) throw new NotFoundError('Live session');
    return session;
  }

  private async assertOwnProducts(museumId: string, productIds: readonly string[]): Promise<void> {
    const found = await this.products.of(museumId, productIds);
    const own = new Set(found.filter((p) => p.museumId === museumId).map((p) => p.productId));
    const bad = productIds.filter((id) => !own.has(id));
    if (bad.length) {
      throw new LiveError(LiveErrorCode.PRODUCT_NOT_IN_MUSEUM, 'A live session’s bag holds products of its own museum only', { field: 'input.productIds', productIds: bad });
    }
  }

  /** An https link or an allowed embed player (domain/stream-player); refused before anything is written. */
  private assertStreamUrl(url: string): void {
    const verdict = classifyStreamUrl(url, this.settings.embedRules);
    if (!verdict.ok) {
      throw new LiveError(LiveErrorCode.STREAM_URL_NOT_ALLOWED, 'The stream URL must be an https link or an allowed embed player', { field: 'input.streamUrl', problem: verdict.problem });
    }
  }

  private assertInBag(session: LiveSessionRow, productId: string): void {
    if (!session.productIds.includes(productId)) throw new LiveError(LiveErrorCode.PRODUCT_NOT_IN_BAG, 'This product is not in the session’s bag', { field: 'input.productId' });
  }

  private assertNotEnded(session: LiveSessionRow): void {
    const phase = sessionPhase(session, new Date());
    if (phase === 'ENDED') throw this.ended();
    if (phase === 'CANCELLED') throw this.cancelled();
  }

  private assertScheduled(session: LiveSessionRow, now: Date): void {
    const phase = sessionPhase(session, now);
    if (phase === 'ENDED') throw this.ended();
    if (phase === 'CANCELLED') throw this.cancelled();
    if (phase === 'LIVE') throw new LiveError(LiveErrorCode.SESSION_ALREADY_STARTED, 'This live session has started: it can no longer be changed or cancelled', { field: 'input.sessionId' });
  }

  private cancelled(): LiveError {
    return new LiveError(LiveErrorCode.SESSION_CANCELLED, 'This live session was cancelled', { field: 'input.sessionId' });
  }

  private ended(): LiveError {
    return new LiveError(LiveErrorCode.SESSION_ENDED, 'This live session has ended', { field: 'input.sessionId' });
  }
}
