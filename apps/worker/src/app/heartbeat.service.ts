import { hostname } from 'node:os';
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { redisOptionsFromEnv, workersKey } from '@vitrine/shared/data-access';

export const HEARTBEAT_TTL_SECONDS = 15;

/**
 * Tells the API's /health that this worker is alive: a Redis key refreshed every 5 s that
 * expires 15 s after the process stops beating.
 */
@Injectable()
export class HeartbeatService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(HeartbeatService.name);
  private readonly redis = new Redis(redisOptionsFromEnv());
  private readonly key = workersKey();
  private readonly member = `${hostname()}:${process.pid}`;
  private timer: NodeJS.Timeout | null = null;

  async onApplicationBootstrap(): Promise<void> {
    await this.beat();
    this.timer = setInterval(() => void this.beat(), 5_000);
    this.timer.unref();
    this.logger.log(`worker ${this.member} started`);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.redis.zrem(this.key, this.member).catch(() => undefined);
    this.redis.disconnect();
  }

  private async beat(): Promise<void> {
    try {
      // A sorted set scored by expiry time: /health counts the live members without scanning.
      const now = Date.now();
      await this.redis.multi().zadd(this.key, now + HEARTBEAT_TTL_SECONDS * 1000, this.member).zremrangebyscore(this.key, '-inf', now).exec();
    } catch (error) {
      this.logger.warn(`heartbeat failed: ${(error as Error).message}`);
    }
  }
}
