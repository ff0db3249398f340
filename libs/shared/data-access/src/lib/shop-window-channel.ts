import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { createRedisClient, queuePrefixFromEnv, type RedisClient } from './redis-options';

/**
 * The Redis channel on which "the shop window changed" is announced (ADR 0010): every API
 * process clears its shop-window caches when it hears it (apps/api ShopWindowPurge).
 */
export function shopWindowChannel(env: NodeJS.ProcessEnv = process.env): string {
  return `${queuePrefixFromEnv(env)}:shop-window:changed`;
}

/**
 * Announces a change to the shop window made outside the API (the worker's FX refresh), so the
 * API processes clear their caches at once instead of letting them expire. Never throws:
 * without Redis the caches still expire after PUBLIC_CACHE_SECONDS + FX_RATE_CACHE_MS.
 */
@Injectable()
export class ShopWindowAnnouncer implements OnModuleDestroy {
  private readonly logger = new Logger(ShopWindowAnnouncer.name);
  private publisher: RedisClient | null = null;

  /** `origin` names the announcer (the API processes ignore only their own announcements). */
  async announce(origin: string): Promise<void> {
    try {
      if (!this.publisher) {
        this.publisher = createRedisClient({ lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false });
        this.publisher.on('error', (e: Error) => this.logger.warn(`shop-window channel: ${e.message}`));
        await this.publisher.connect();
      }
      await this.publisher.publish(shopWindowChannel(), origin);
    } catch (error) {
      this.logger.warn(`shop-window change not announced (caches expire instead): ${(error as Error).message}`);
    }
  }

  async onModuleDestroy(): Promise<void> {
    const p = this.publisher;
    this.publisher = null;
    await p?.quit().catch(() => p.disconnect());
  }
}
