import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { createRedisClient, queuePrefixFromEnv, type RedisClient } from '@vitrine/shared/data-access';
import { sseFrame, type LiveEvent } from '../domain/live-events';
import { stockChanges } from '../domain/live-rules';
import { LIVE_SETTINGS, type LiveSettings } from './live-settings';
import { LiveStateService } from './live-state.service';
import { PING, SseFrame } from './sse-frame';

/** Receives a session's SSE frames (encoded once for every viewer); `end` closes the stream at shutdown. */
export type LiveListener = ((frame: SseFrame) => void) & { end?: () => void };

/**
 * Fans a session's events out to every viewer connected to any API process: a host's action
 * is published once on the session's Redis channel; each process holding viewers of it is
 * subscribed (one subscriber connection per process) and writes the frame, serialized once,
 * to its own connections. While a process has viewers of a session it also takes part in
 * watching that session's stock: each tick a Redis lock lets one process in the cluster read
 * it, diff it against the last reading (kept in Redis) and publish what moved.
 */
@Injectable()
export class LiveEventsHub implements OnModuleDestroy {
  private readonly logger = new Logger(LiveEventsHub.name);
  private readonly prefix = queuePrefixFromEnv();
  private readonly origin = randomUUID();
  private publisher: RedisClient | null = null;
  private subscriber: RedisClient | null = null;
  private ready: Promise<void> | null = null;
  private readonly listeners = new Map<string, Set<LiveListener>>();
  private readonly watches = new Map<string, NodeJS.Timeout>();
  private heartbeat: NodeJS.Timeout | null = null;

  constructor(
    private readonly state: LiveStateService,
    @Inject(LIVE_SETTINGS) private readonly settings: LiveSettings,
  ) {}

  private channel(sessionId: string): string {
    return `${this.prefix}:live:${sessionId}`;
  }

  /** Every process's checkout hears on it that live products changed (a session, its bag, a flash price). */
  private get checkoutChannel(): string {
    return `${this.prefix}:live-checkout`;
  }

  private readonly checkoutWatchers = new Set<() => void>();

  /** Connected on first use: a process that never serves a live page opens no connection. */
  private connect(): Promise<void> {
    if (this.ready) return this.ready;
    const options = { lazyConnect: true, maxRetriesPerRequest: 1 };
    const publisher = createRedisClient({ ...options, enableOfflineQueue: false });
    const subscriber = createRedisClient(options);
    for (const c of [publisher, subscriber]) c.on('error', (e: Error) => this.logger.warn(`live events: ${e.message}`));
    subscriber.on('message', (channel: string, message: string) => this.deliver(channel, message));
    this.publisher = publisher;
    this.subscriber = subscriber;
    this.ready = Promise.all([publisher.connect(), subscriber.connect()]).then(
      () => undefined,
      (error: unknown) => {
        this.ready = null;
        throw error;
      },
    );
    return this.ready;
  }

  /** Publishes after the change is committed; a Redis failure is logged (viewers catch up from the next snapshot). */
  async publish(sessionId: string, event: LiveEvent): Promise<void> {
    try {
      await this.connect();
      await this.publisher!.publish(this.channel(sessionId), JSON.stringify(event));
    } catch (error) {
      this.logger.warn(`live event ${event.type} of ${sessionId} not published: ${(error as Error).message}`);
    }
  }

  /** Tells every API process (this one included, at once) that the products checkout asks live about changed. */
  async announceCheckoutChange(): Promise<void> {
    for (const watcher of this.checkoutWatchers) watcher();
    try {
      await this.connect();
      await this.publisher!.publish(this.checkoutChannel, this.origin);
    } catch (error) {
      this.logger.warn(`live checkout change not published: ${(error as Error).message}`);
    }
  }

  /** `watcher` runs whenever any process announces a checkout change (subscribed on first call). */
  async watchCheckoutChanges(watcher: () => void): Promise<void> {
    this.checkoutWatchers.add(watcher);
    if (this.checkoutWatchers.size > 1) return;
    await this.connect();
    await this.subscriber!.subscribe(this.checkoutChannel);
  }

  /** Starts delivering the session's frames to `listener`; answers the function that stops it. */
  async subscribe(sessionId: string, listener: LiveListener): Promise<() => void> {
    let set = this.listeners.get(sessionId);
    if (!set) {
      set = new Set([listener]);
      this.listeners.set(sessionId, set);
      try {
        await this.connect();
        await this.subscriber!.subscribe(this.channel(sessionId));
      } catch (error) {
        this.listeners.delete(sessionId);
        throw error;
      }
      this.watch(sessionId);
    }
    set.add(listener);
    this.startHeartbeat();
    return () => this.unsubscribe(sessionId, listener);
  }

  /** Viewers connected to this process (all sessions). */
  get connections(): number {
    let n = 0;
    for (const set of this.listeners.values()) n += set.size;
    return n;
  }

  private unsubscribe(sessionId: string, listener: LiveListener): void {
    const set = this.listeners.get(sessionId);
    if (!set?.delete(listener) || set.size) return;
    this.listeners.delete(sessionId);
    clearInterval(this.watches.get(sessionId));
    this.watches.delete(sessionId);
    this.subscriber?.unsubscribe(this.channel(sessionId)).catch((e: Error) => this.logger.warn(`live events: ${e.message}`));
  }

  private deliver(channel: string, message: string): void {
    if (channel === this.checkoutChannel) {
      if (message !== this.origin) for (const watcher of this.checkoutWatchers) watcher();
      return;
    }
    const sessionId = channel.slice(channel.lastIndexOf(':') + 1);
    const set = this.listeners.get(sessionId);
    this.state.invalidate(sessionId);
    if (!set?.size) return;
    let event: LiveEvent;
    try {
      event = JSON.parse(message) as LiveEvent;
    } catch {
      return;
    }
    if (event.type === 'bag') {
      this.snapshotTo(sessionId, set);
      return;
    }
    const frame = new SseFrame(`event: ${event.type}\ndata: ${message}\n\n`);
    for (const listener of set) listener(frame);
    if (event.type === 'cancelled') for (const listener of [...set]) listener.end?.();
  }

  private snapshotTo(sessionId: string, set: Set<LiveListener>): void {
    this.state
      .snapshot(sessionId)
      .then((state) => {
        if (!state) return;
        const frame = new SseFrame(sseFrame({ type: 'snapshot', state, serverTime: new Date().toISOString() }));
        for (const listener of set) listener(frame);
      })
      .catch((e: Error) => this.logger.warn(`live snapshot of ${sessionId}: ${e.message}`));
  }

  private watch(sessionId: string): void {
    let running = false;
    const lockKey = `${this.prefix}:live:${sessionId}:stock-lock`;
    const lastKey = `${this.prefix}:live:${sessionId}:stock`;
    const tick = async () => {
      if (running || !this.publisher) return;
      running = true;
      try {
        const won = await this.publisher.set(lockKey, this.origin, 'PX', this.settings.stockPollMs, 'NX');
        if (won !== 'OK') return;
        const [stock, last] = await Promise.all([this.state.stock(sessionId), this.publisher.get(lastKey)]);
        if (!stock) return;
        const changes = stockChanges(last ? (JSON.parse(last) as Record<string, number>) : null, stock);
        if (!changes.length) return;
        await this.publisher.set(lastKey, JSON.stringify(stock), 'EX', 24 * 3600);
        await this.publish(sessionId, { type: 'stock', products: changes });
      } catch (error) {
        this.logger.warn(`live stock of ${sessionId}: ${(error as Error).message}`);
      } finally {
        running = false;
      }
    };
    this.watches.set(sessionId, setInterval(() => void tick(), this.settings.stockPollMs));
  }

  private startHeartbeat(): void {
    if (this.heartbeat) return;
    this.heartbeat = setInterval(() => {
      for (const set of this.listeners.values()) for (const listener of set) listener(PING);
    }, this.settings.heartbeatMs);
    this.heartbeat.unref();
  }

  async onModuleDestroy(): Promise<void> {
    for (const t of this.watches.values()) clearInterval(t);
    this.watches.clear();
    if (this.heartbeat) clearInterval(this.heartbeat);
    // Open streams would keep the HTTP server from closing; viewers' EventSource reconnects elsewhere.
    for (const set of this.listeners.values()) for (const listener of set) listener.end?.();
    this.listeners.clear();
    await Promise.all([this.subscriber, this.publisher].map((c) => c?.quit().catch(() => c.disconnect())));
  }
}
