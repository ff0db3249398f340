import { randomUUID } from 'node:crypto';
import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { createRedisClient, queuePrefixFromEnv, type RedisClient } from '../redis-options';
import { PING, type SseFrame } from './sse-frame';

/** Receives a topic's SSE frames (encoded once for every listener of a process); `end` closes the stream at shutdown. */
export type StreamListener = ((frame: SseFrame) => void) & { end?: () => void };

/**
 * What a process does with a message published on one of a kind's topics, for its own
 * listeners of that topic (serialize it once for all, or write each listener its own frame).
 */
export type TopicDelivery = (key: string, message: string, listeners: ReadonlySet<StreamListener>) => void;

/** A job run while a process has listeners of a topic, by one process of the cluster at a time per period. */
export interface TopicWatch {
  everyMs: number;
  work: (redis: RedisClient) => Promise<void>;
}

interface Topic {
  kind: string;
  key: string;
  listeners: Set<StreamListener>;
  timer: NodeJS.Timeout | null;
}

/** SSE comment sent to every connection this often, so proxies keep idle streams open. */
const HEARTBEAT_MS = 20_000;

/**
 * Server-Sent Events shared by every API process through Redis pub/sub (ADR 0024): a change is
 * published once on its topic's channel, `<QUEUE_PREFIX>:<kind>:<key>` (a live session, a
 * drop); each process holding listeners of the topic is subscribed (one subscriber and one
 * publisher connection per process, opened on first use) and hands the message to the kind's
 * delivery, which writes its listeners their frames. While a process has listeners of a topic
 * it may take part in watching it: each period a Redis lock lets one process of the cluster do
 * the topic's watch (read, diff against the last reading kept in Redis, publish what moved).
 */
@Injectable()
export class EventStreamHub implements OnModuleDestroy {
  private readonly logger = new Logger(EventStreamHub.name);
  private readonly prefix = queuePrefixFromEnv();
  /** This process, in the messages it publishes (and the locks it takes). */
  readonly origin = randomUUID();
  private publisher: RedisClient | null = null;
  private subscriber: RedisClient | null = null;
  private publisherReady: Promise<RedisClient> | null = null;
  private ready: Promise<void> | null = null;
  private readonly deliveries = new Map<string, TopicDelivery>();
  private readonly topics = new Map<string, Topic>();
  private readonly channelWatchers = new Map<string, Set<(message: string) => void>>();
  private heartbeat: NodeJS.Timeout | null = null;

  /** The Redis channel of a topic. */
  channel(kind: string, key: string): string {
    return `${this.prefix}:${kind}:${key}`;
  }

  /** A Redis key of a topic's own (its watch's last reading, its lock). */
  key(kind: string, key: string, suffix: string): string {
    return `${this.channel(kind, key)}:${suffix}`;
  }

  /** How a kind's messages reach its listeners (one delivery per kind, registered at start-up). */
  deliverWith(kind: string, delivery: TopicDelivery): void {
    if (this.deliveries.has(kind)) throw new Error(`event streams: "${kind}" already has a delivery`);
    this.deliveries.set(kind, delivery);
  }

  /** Connected on first use: a process that never serves a stream opens no connection (one that only publishes, no subscriber). */
  private connectPublisher(): Promise<RedisClient> {
    if (!this.publisher) {
      const publisher = createRedisClient({ lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false });
      publisher.on('error', (e: Error) => this.logger.warn(`event streams: ${e.message}`));
      this.publisher = publisher;
      this.publisherReady = publisher.connect().then(
        () => publisher,
        (error: unknown) => {
          if (this.publisher === publisher) this.publisher = null;
          publisher.disconnect();
          throw error;
        },
      );
    }
    return this.publisherReady!;
  }

  private connect(): Promise<void> {
    if (this.ready) return this.ready;
    const subscriber = createRedisClient({ lazyConnect: true, maxRetriesPerRequest: 1 });
    subscriber.on('error', (e: Error) => this.logger.warn(`event streams: ${e.message}`));
    subscriber.on('message', (channel: string, message: string) => this.receive(channel, message));
    this.subscriber = subscriber;
    this.ready = Promise.all([this.connectPublisher(), subscriber.connect()]).then(
      () => undefined,
      (error: unknown) => {
        this.ready = null;
        throw error;
      },
    );
    return this.ready;
  }

  /** The publishing connection (for a watch's readings kept in Redis). */
  redis(): Promise<RedisClient> {
    return this.connectPublisher();
  }

  /** Publishes after the change is committed; a Redis failure is logged and answered false (listeners catch up at their next snapshot). */
  async publish(kind: string, key: string, message: string): Promise<boolean> {
    return this.publishOn(this.channel(kind, key), message, `${kind} ${key}`);
  }

  /** Publishes on a plain channel of the prefix (process-to-process signals, no listeners). */
  async signal(name: string, message: string): Promise<boolean> {
    return this.publishOn(`${this.prefix}:${name}`, message, name);
  }

  private async publishOn(channel: string, message: string, what: string): Promise<boolean> {
    try {
      await (await this.connectPublisher()).publish(channel, message);
      return true;
    } catch (error) {
      this.logger.warn(`event of ${what} not published: ${(error as Error).message}`);
      return false;
    }
  }

  /** `watcher` runs for every message on the plain channel `name` (subscribed on the first watcher). */
  async onSignal(name: string, watcher: (message: string) => void): Promise<void> {
    const channel = `${this.prefix}:${name}`;
    let set = this.channelWatchers.get(channel);
    if (!set) this.channelWatchers.set(channel, (set = new Set()));
    set.add(watcher);
    if (set.size > 1) return;
    await this.connect();
    await this.subscriber!.subscribe(channel);
  }

  /**
   * Starts delivering the topic's messages to `listener`; answers the function that stops it.
   * The first listener of a topic in this process subscribes its channel and starts `watch`.
   */
  async subscribe(kind: string, key: string, listener: StreamListener, watch?: TopicWatch): Promise<() => void> {
    const channel = this.channel(kind, key);
    let topic = this.topics.get(channel);
    if (!topic) {
      topic = { kind, key, listeners: new Set([listener]), timer: null };
      this.topics.set(channel, topic);
      try {
        await this.connect();
        await this.subscriber!.subscribe(channel);
      } catch (error) {
        this.topics.delete(channel);
        throw error;
      }
      if (watch) topic.timer = this.watch(kind, key, watch);
    }
    topic.listeners.add(listener);
    this.startHeartbeat();
    return () => this.unsubscribe(channel, listener);
  }

  /** Listeners of this process (all topics, or one kind's). */
  connections(kind?: string): number {
    let n = 0;
    for (const t of this.topics.values()) if (!kind || t.kind === kind) n += t.listeners.size;
    return n;
  }

  private unsubscribe(channel: string, listener: StreamListener): void {
    const topic = this.topics.get(channel);
    if (!topic?.listeners.delete(listener) || topic.listeners.size) return;
    this.topics.delete(channel);
    if (topic.timer) clearInterval(topic.timer);
    this.subscriber?.unsubscribe(channel).catch((e: Error) => this.logger.warn(`event streams: ${e.message}`));
  }

  private receive(channel: string, message: string): void {
    const watchers = this.channelWatchers.get(channel);
    if (watchers) {
      for (const w of watchers) w(message);
      return;
    }
    const topic = this.topics.get(channel);
    if (!topic) return;
    const delivery = this.deliveries.get(topic.kind);
    if (!delivery) return void this.logger.warn(`event streams: no delivery for "${topic.kind}"`);
    try {
      delivery(topic.key, message, topic.listeners);
    } catch (error) {
      this.logger.warn(`event streams: ${topic.kind} ${topic.key}: ${(error as Error).message}`);
    }
  }

  private watch(kind: string, key: string, w: TopicWatch): NodeJS.Timeout {
    let running = false;
    const lockKey = this.key(kind, key, 'watch-lock');
    const tick = async () => {
      // The connection of this tick: shutdown clears this.publisher while a tick may be awaiting.
      const publisher = this.publisher;
      if (running || !publisher) return;
      running = true;
      try {
        // One process of the cluster per period, whatever the number of processes with listeners.
        if ((await publisher.set(lockKey, this.origin, 'PX', w.everyMs, 'NX')) !== 'OK') return;
        await w.work(publisher);
      } catch (error) {
        this.logger.warn(`event streams: watch of ${kind} ${key}: ${(error as Error).message}`);
      } finally {
        running = false;
      }
    };
    return setInterval(() => void tick(), w.everyMs);
  }

  private startHeartbeat(): void {
    if (this.heartbeat) return;
    this.heartbeat = setInterval(() => {
      for (const t of this.topics.values()) for (const listener of t.listeners) listener(PING);
    }, HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  async onModuleDestroy(): Promise<void> {
    for (const t of this.topics.values()) if (t.timer) clearInterval(t.timer);
    if (this.heartbeat) clearInterval(this.heartbeat);
    // Open streams would keep the HTTP server from closing; clients' EventSource reconnects elsewhere.
    for (const t of this.topics.values()) for (const listener of t.listeners) listener.end?.();
    this.topics.clear();
    this.channelWatchers.clear();
    const clients = [this.subscriber, this.publisher];
    this.subscriber = this.publisher = null;
    this.ready = this.publisherReady = null;
    await Promise.all(clients.map((c) => c?.quit().catch(() => c.disconnect())));
  }
}
