import { randomUUID } from 'node:crypto';
import { Injectable, Logger, Module, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { createRedisClient, shopWindowChannel, type RedisClient, ShopWindowCaches, ShopWindowCachesModule } from '@vitrine/shared/data-access';
import { apiConfigFromEnv } from './api-config';

/**
 * Keeps the shop window's per-process caches honest across API processes (ADR 0010): after a
 * back-office mutation this process clears its own caches at once and says so on a Redis
 * channel; every other API process clears its own when it hears it. The worker announces its
 * FX refresh and its licence-term expiry on the same channel (ShopWindowAnnouncer).
 * PUBLIC_CACHE_SECONDS stays the bound for a sell-out by shoppers' orders, and for anything
 * while Redis is unreachable.
 */
@Injectable()
export class ShopWindowPurge implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(ShopWindowPurge.name);
  // Also with the caches off when a read replica is used: the announcement fences it (read-replica.ts).
  private readonly enabled = apiConfigFromEnv().publicCacheSeconds > 0 || Boolean(process.env['DATABASE_REPLICA_URL']?.trim());
  private readonly channel = shopWindowChannel();
  /** Tells this process's own announcements apart from the others'. */
  private readonly origin = randomUUID();
  private subscriber: RedisClient | null = null;
  private publisher: RedisClient | null = null;

  constructor(private readonly caches: ShopWindowCaches) {}

  async onModuleInit(): Promise<void> {
    if (!this.enabled) return;
    const options = { lazyConnect: true, maxRetriesPerRequest: 1 };
    this.publisher = createRedisClient({ ...options, enableOfflineQueue: false });
    this.subscriber = createRedisClient(options);
    for (const connection of [this.publisher, this.subscriber]) connection.on('error', (e: Error) => this.logger.warn(`shop-window channel: ${e.message}`));
    this.subscriber.on('message', (_channel: string, origin: string) => {
      if (origin !== this.origin) this.caches.clearAll();
    });
    try {
      await Promise.all([this.publisher.connect(), this.subscriber.connect()]);
      await this.subscriber.subscribe(this.channel);
    } catch (error) {
      // Without Redis the caches still expire after PUBLIC_CACHE_SECONDS.
      this.logger.warn(`shop-window channel unavailable: ${(error as Error).message}`);
    }
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all([this.subscriber, this.publisher].map((c) => c?.quit().catch(() => c.disconnect())));
  }

  /** The catalogue may have changed: clear here now, and everywhere else as soon as they hear. */
  announce(): void {
    if (!this.enabled) return;
    this.caches.clearAll();
    this.publisher?.publish(this.channel, this.origin).catch((e: Error) => this.logger.warn(`shop-window purge not announced: ${e.message}`));
  }
}

@Module({ imports: [ShopWindowCachesModule], providers: [ShopWindowPurge], exports: [ShopWindowPurge] })
export class ShopWindowPurgeModule {}
