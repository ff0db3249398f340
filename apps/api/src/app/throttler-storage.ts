import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import { ThrottlerStorageService, type ThrottlerStorage } from '@nestjs/throttler';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import { createRedisClient, queuePrefixFromEnv, type RedisClient } from '@vitrine/shared/data-access';

type StorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/**
 * The sign-in and quota-probe counters in Redis, shared by every API process (a client that
 * spreads its attempts over the processes behind a load balancer meets one limit, not one per
 * process). Keys live under `<QUEUE_PREFIX>:throttle:`. While Redis does not answer, each
 * process counts on its own in memory (the limits then hold per process) rather than refusing
 * every sign-in or letting every attempt through.
 */
export class SharedThrottlerStorage implements ThrottlerStorage, OnApplicationShutdown {
  private readonly logger = new Logger(SharedThrottlerStorage.name);
  private readonly local = new ThrottlerStorageService();
  private readonly redis: ThrottlerStorageRedisService;
  private lastWarning = 0;

  constructor(private readonly client: RedisClient = createRedisClient({ keyPrefix: `${queuePrefixFromEnv()}:throttle:`, maxRetriesPerRequest: 1, enableOfflineQueue: false })) {
    client.on('error', () => undefined);
    this.redis = new ThrottlerStorageRedisService(client as never);
  }

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<StorageRecord> {
    try {
      return await this.redis.increment(key, ttl, limit, blockDuration, throttlerName);
    } catch (error) {
      if (Date.now() - this.lastWarning > 60_000) {
        this.lastWarning = Date.now();
        this.logger.warn(`rate limits counted per process while Redis does not answer: ${(error as Error).message}`);
      }
      return this.local.increment(key, ttl, limit, blockDuration, throttlerName);
    }
  }

  onApplicationShutdown(): void {
    this.local.onApplicationShutdown();
    this.client.disconnect();
  }
}
