import { Controller, Get, HttpException, HttpStatus, type OnModuleDestroy } from '@nestjs/common';
import { Redis } from 'ioredis';
import { PrismaService, redisOptionsFromEnv, workersKey } from '@vitrine/shared/data-access';
import { Public } from '@vitrine/shared/graphql';

export interface Health {
  status: 'ok' | 'degraded' | 'error';
  database: 'up' | 'down';
  redis: 'up' | 'down';
  /** Worker processes whose heartbeat is fresh. */
  workers: number;
}

@Controller()
export class HealthController implements OnModuleDestroy {
  private readonly redis = new Redis({ ...redisOptionsFromEnv(), lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false });

  constructor(private readonly prisma: PrismaService) {}

  /** Up when the database answers; degraded when Redis or every worker is missing. */
  @Public()
  @Get('health')
  async health(): Promise<Health> {
    const database = await this.prisma.$queryRaw`SELECT 1`.then(
      () => 'up' as const,
      () => 'down' as const,
    );
    let redis: Health['redis'] = 'down';
    let workers = 0;
    try {
      if (this.redis.status === 'wait') await this.redis.connect();
      workers = await this.redis.zcount(workersKey(), Date.now(), '+inf');
      redis = 'up';
    } catch {
      redis = 'down';
    }
    const body: Health = { status: database === 'down' ? 'error' : redis === 'down' || workers === 0 ? 'degraded' : 'ok', database, redis, workers };
    if (database === 'down') throw new HttpException(body, HttpStatus.SERVICE_UNAVAILABLE);
    return body;
  }

  onModuleDestroy(): void {
    this.redis.disconnect();
  }
}
