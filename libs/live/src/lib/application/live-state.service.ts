import { Inject, Injectable } from '@nestjs/common';
import type { LiveState } from '../domain/live-events';
import { LIVE_LIMITS } from '../domain/live-rules';
import { streamPlayer } from '../domain/stream-player';
import { LiveRepository } from '../infrastructure/live.repository';
import { LiveProducts } from './live-products';
import { LIVE_SETTINGS, type LiveSettings } from './live-settings';

/**
 * A session's whole state as viewers see it. Viewers connecting together share one read per
 * process (kept `snapshotTtlMs`, dropped as soon as an event for the session arrives), so a
 * crowd joining at the start costs a handful of queries, not one per viewer.
 */
@Injectable()
export class LiveStateService {
  private readonly cache = new Map<string, { at: number; state: Promise<LiveState | null> }>();

  constructor(
    private readonly repo: LiveRepository,
    private readonly products: LiveProducts,
    @Inject(LIVE_SETTINGS) private readonly settings: LiveSettings,
  ) {}

  snapshot(sessionId: string): Promise<LiveState | null> {
    const hit = this.cache.get(sessionId);
    if (hit && Date.now() - hit.at < this.settings.snapshotTtlMs) return hit.state;
    const state = this.read(sessionId);
    this.cache.set(sessionId, { at: Date.now(), state });
    state.catch(() => this.cache.delete(sessionId));
    return state;
  }

  invalidate(sessionId: string): void {
    this.cache.delete(sessionId);
  }

  /** Units available per bag product, read now. */
  async stock(sessionId: string): Promise<Record<string, number> | null> {
    const session = await this.repo.findById(sessionId);
    if (!session) return null;
    const products = await this.products.of(session.museumId, session.productIds);
    return Object.fromEntries(products.map((p) => [p.productId, p.available]));
  }

  private async read(sessionId: string): Promise<LiveState | null> {
    const now = new Date();
    const session = await this.repo.findById(sessionId);
    if (!session || session.cancelledAt) return null;
    const [products, flashes, announcements] = await Promise.all([
      this.products.of(session.museumId, session.productIds),
      this.repo.flashesOf(sessionId, now),
      this.repo.announcementsOf(sessionId, LIVE_LIMITS.announcementsShown),
    ]);
    return {
      sessionId: session.id,
      title: session.title,
      streamUrl: session.streamUrl,
      player: (({ kind, embedUrl }) => ({ kind, embedUrl }))(streamPlayer(session.streamUrl, this.settings.embedRules)),
      startsAt: session.startsAt.toISOString(),
      endsAt: session.endsAt.toISOString(),
      pinnedProductId: session.pinnedProductId,
      // Viewers see only what they could buy: a draft or unpublished product stays out of the page.
      products: products.filter((p) => p.listable).map(({ museumId: _m, listable: _l, ...p }) => p),
      flashes: flashes
        .filter((f) => f.startsAt.getTime() <= now.getTime())
        .map((f) => ({ productId: f.productId, priceMinor: f.priceMinor, currency: 'CNY' as const, startsAt: f.startsAt.toISOString(), endsAt: f.endsAt.toISOString() })),
      announcements: announcements.map((a) => ({ id: a.id, body: a.body, at: a.createdAt.toISOString() })),
    };
  }
}
