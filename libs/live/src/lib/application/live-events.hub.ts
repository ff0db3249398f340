import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { EventStreamHub, SseFrame, type StreamListener } from '@vitrine/shared/data-access';
import { sseFrame, type LiveEvent } from '../domain/live-events';
import { stockChanges } from '../domain/live-rules';
import { LIVE_SETTINGS, type LiveSettings } from './live-settings';
import { LiveStateService } from './live-state.service';

/** Receives a session's SSE frames (encoded once for every viewer); `end` closes the stream at shutdown. */
export type LiveListener = StreamListener;

const KIND = 'live';
/** Every process's checkout hears on it that live products changed (a session, its bag, a flash price). */
const CHECKOUT_SIGNAL = 'live-checkout';

/**
 * Live sessions on the shared event streams (EventStreamHub, ADR 0024): a host's action is
 * published once on the session's topic; each process holding viewers of it writes the frame,
 * serialized once, to its own connections (a changed bag: a fresh snapshot; a cancellation: the
 * streams end). While a process has viewers of a session it takes part in watching the session's
 * stock: each tick one process of the cluster reads it, diffs it against the last reading (kept
 * in Redis) and publishes what moved.
 */
@Injectable()
export class LiveEventsHub implements OnModuleInit {
  private readonly logger = new Logger(LiveEventsHub.name);
  private readonly checkoutWatchers = new Set<() => void>();

  constructor(
    private readonly streams: EventStreamHub,
    private readonly state: LiveStateService,
    @Inject(LIVE_SETTINGS) private readonly settings: LiveSettings,
  ) {}

  onModuleInit(): void {
    this.streams.deliverWith(KIND, (sessionId, message, listeners) => this.deliver(sessionId, message, listeners));
  }

  /** Publishes after the change is committed; a Redis failure is logged (viewers catch up from the next snapshot). */
  async publish(sessionId: string, event: LiveEvent): Promise<void> {
    await this.streams.publish(KIND, sessionId, JSON.stringify(event));
  }

  /** Tells every API process (this one included, at once) that the products checkout asks live about changed. */
  async announceCheckoutChange(): Promise<void> {
    for (const watcher of this.checkoutWatchers) watcher();
    await this.streams.signal(CHECKOUT_SIGNAL, this.streams.origin);
  }

  /** `watcher` runs whenever any process announces a checkout change (subscribed on first call). */
  async watchCheckoutChanges(watcher: () => void): Promise<void> {
    this.checkoutWatchers.add(watcher);
    if (this.checkoutWatchers.size > 1) return;
    await this.streams.onSignal(CHECKOUT_SIGNAL, (origin) => {
      if (origin !== this.streams.origin) for (const w of this.checkoutWatchers) w();
    });
  }

  /** Starts delivering the session's frames to `listener`; answers the function that stops it. */
  subscribe(sessionId: string, listener: LiveListener): Promise<() => void> {
    return this.streams.subscribe(KIND, sessionId, listener, { everyMs: this.settings.stockPollMs, work: (redis) => this.watchStock(sessionId, redis) });
  }

  /** Viewers connected to this process (all sessions). */
  get connections(): number {
    return this.streams.connections(KIND);
  }

  private deliver(sessionId: string, message: string, listeners: ReadonlySet<LiveListener>): void {
    this.state.invalidate(sessionId);
    if (!listeners.size) return;
    let event: LiveEvent;
    try {
      event = JSON.parse(message) as LiveEvent;
    } catch {
      return;
    }
    if (event.type === 'bag') {
      this.snapshotTo(sessionId, listeners);
      return;
    }
    const frame = new SseFrame(`event: ${event.type}\ndata: ${message}\n\n`);
    for (const listener of listeners) listener(frame);
    if (event.type === 'cancelled') for (const listener of [...listeners]) listener.end?.();
  }

  private snapshotTo(sessionId: string, listeners: ReadonlySet<LiveListener>): void {
    this.state
      .snapshot(sessionId)
      .then((state) => {
        if (!state) return;
        const frame = new SseFrame(sseFrame({ type: 'snapshot', state, serverTime: new Date().toISOString() }));
        for (const listener of listeners) listener(frame);
      })
      .catch((e: Error) => this.logger.warn(`live snapshot of ${sessionId}: ${e.message}`));
  }

  /** One process of the cluster per tick: the bag's stock against the last reading, what moved published. */
  private async watchStock(sessionId: string, redis: Awaited<ReturnType<EventStreamHub['redis']>>): Promise<void> {
    const lastKey = this.streams.key(KIND, sessionId, 'stock');
    const [stock, last] = await Promise.all([this.state.stock(sessionId), redis.get(lastKey)]);
    if (!stock) return;
    const changes = stockChanges(last ? (JSON.parse(last) as Record<string, number>) : null, stock);
    if (!changes.length) return;
    await redis.set(lastKey, JSON.stringify(stock), 'EX', 24 * 3600);
    await this.publish(sessionId, { type: 'stock', products: changes });
  }
}
