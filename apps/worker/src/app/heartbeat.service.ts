import { hostname } from 'node:os';
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { createRedisClient, workersKey } from '@vitrine/shared/data-access';

export const HEARTBEAT_TTL_SECONDS = 15;

/**
 * Tells the API's /health that this worker is alive: a Redis key refreshed every 5 s that
 * expires 15 s after the process stops beating.
 */
@Injectable()
export class HeartbeatService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(HeartbeatService.name);
  private readonly redis = createRedisClient();
  private readonly key = workersKey();
  private readonly member = `${hostname()}:${process.pid}`;
  private timer: NodeJS.Timeout | null = null;
  /** When the heartbeat last reached Redis, and when the loop last ran (liveness: the event loop turns). */
  private lastOkAt = 0;
  private lastRunAt = Date.now();
  private draining = false;

  /** Called on SIGTERM: readiness fails while in-flight jobs drain. */
  markDraining(): void {
    this.draining = true;
  }

  /** Ready: Redis took a heartbeat within its TTL and the worker is not draining. */
  ready(now = Date.now()): { ready: boolean; redis: 'up' | 'down'; draining: boolean } {
    const redis = now - this.lastOkAt < HEARTBEAT_TTL_SECONDS * 1000 ? 'up' : 'down';
    return { ready: redis === 'up' && !this.draining, redis, draining: this.draining };
  }

  /** Live: the heartbeat loop ran within three TTLs (a blocked event loop or a dead timer fails it). */
  live(now = Date.now()): boolean {
    return now - this.lastRunAt < HEARTBEAT_TTL_SECONDS * 3 * 1000;
  }

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
    this.lastRunAt = Date.now();
    try {
      // A sorted set scored by expiry time: /health counts the live members without scanning.
      const now = Date.now();
      await this.redis.multi().zadd(this.key, now + HEARTBEAT_TTL_SECONDS * 1000, this.member).zremrangebyscore(this.key, '-inf', now).exec();
      this.lastOkAt = Date.now();
    } catch (error) {
      this.logger.warn(`heartbeat failed: ${(error as Error).message}`);
    }
  }
}
