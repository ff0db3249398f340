import { Controller, Get, HttpException, HttpStatus, type BeforeApplicationShutdown, type OnModuleDestroy } from '@nestjs/common';
import { PrismaService, createRedisClient, workersKey, type ReplicaStatus } from '@vitrine/shared/data-access';
import { Public } from '@vitrine/shared/graphql';
import { ApiReadReplica } from './read-replica';

export interface Health {
  status: 'ok' | 'degraded' | 'error';
  database: 'up' | 'down';
  redis: 'up' | 'down';
  /** Worker processes whose heartbeat is fresh. */
  workers: number;
}

export interface Readiness {
  status: 'ready' | 'not-ready';
  database: 'up' | 'down';
  redis: 'up' | 'down';
  draining: boolean;
  /**
   * The read replica, when DATABASE_REPLICA_URL names one: its state, lag and whether the shop
   * window reads from it now. Informational: a replica down or lagging sends reads to the primary
   * and never makes the process unready.
   */
  replica?: ReplicaStatus;
}

@Controller()
export class HealthController implements OnModuleDestroy, BeforeApplicationShutdown {
  private readonly redis = createRedisClient({ lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false });
  /** Set once SIGTERM arrives: readiness fails so the load balancer stops sending before the server closes. */
  private draining = false;

  constructor(
    private readonly prisma: PrismaService,
    private readonly replica: ApiReadReplica,
  ) {}

  /** Liveness: the process answers. Nothing outside it is asked, so an outage of PostgreSQL or Redis never restarts every pod. */
  @Public()
  @Get('health/live')
  live(): { status: 'live' } {
    return { status: 'live' };
  }

  /** Readiness: the database and Redis answer and the process is not shutting down; 503 otherwise. */
  @Public()
  @Get('health/ready')
  async ready(): Promise<Readiness> {
    const [database, redis] = await Promise.all([this.databaseUp(), this.redisUp()]);
    const replica = this.replica.status();
    const body: Readiness = {
      status: database === 'up' && redis === 'up' && !this.draining ? 'ready' : 'not-ready',
      database,
      redis,
      draining: this.draining,
      ...(replica ? { replica } : {}),
    };
    if (body.status !== 'ready') throw new HttpException(body, HttpStatus.SERVICE_UNAVAILABLE);
    return body;
  }

  beforeApplicationShutdown(): void {
    this.draining = true;
  }

  private databaseUp(): Promise<'up' | 'down'> {
    return this.prisma.$queryRaw`SELECT 1`.then(
      () => 'up' as const,
      () => 'down' as const,
    );
  }

  private async redisUp(): Promise<'up' | 'down'> {
    try {
      if (this.redis.status === 'wait') await this.redis.connect();
      return (await this.redis.ping()) === 'PONG' ? 'up' : 'down';
    } catch {
      return 'down';
    }
  }

  /** Up when the database answers; degraded when Redis or every worker is missing. */
  @Public()
  @Get('health')
  async health(): Promise<Health> {
    const database = await this.databaseUp();
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
