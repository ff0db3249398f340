import { Inject, Injectable, Logger, Module, type DynamicModule, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { DiscoveryModule, DiscoveryService } from '@nestjs/core';
import { PrismaService, redisOptionsFromEnv } from '@vitrine/shared/data-access';
import { HANDLES_JOB, HandlesJob, defineJob, defineQueue, defineSchedule, type JobDefinition, type JobHandler, type JobSchedule } from './job-definition';
import { JobMetrics } from './job-metrics';
import { JobRunner } from './job-runner';
import { jobsConfigFromEnv } from './jobs-config';
import { OutboxRelay } from './outbox-relay';
import { QueueRegistry } from './queue-registry';
import { assertNoEviction } from './redis-eviction-policy';

const SCHEDULE_LIST = Symbol('SCHEDULE_LIST');

/** The job system's own upkeep. */
export const maintenanceQueue = defineQueue('maintenance', { concurrency: 2 });
export const purgeOutboxJob = defineJob<{ scope: string }>({ queue: maintenanceQueue, name: 'purge-outbox', jobId: () => 'purge-outbox', attempts: 3 });

@Injectable()
@HandlesJob(purgeOutboxJob)
class PurgeOutboxHandler implements JobHandler<{ scope: string }> {
  constructor(private readonly relay: OutboxRelay) {}

  async handle(): Promise<{ deleted: number }> {
    return { deleted: await this.relay.purgeDispatched() };
  }
}

/**
 * Starts the job system of apps/worker: finds every provider marked @HandlesJob, checks that
 * each listed job has exactly one (or start-up fails), runs them, upserts the schedules and
 * relays the outbox. `drain()` stops taking work and waits for the jobs in flight.
 */
@Injectable()
export class JobsWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('JobsWorker');
  private runner: JobRunner | null = null;
  private draining: Promise<void> | null = null;

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly queues: QueueRegistry,
    private readonly relay: OutboxRelay,
    private readonly metrics: JobMetrics,
    @Inject(SCHEDULE_LIST) private readonly schedules: JobSchedule[],
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // Before any job runs: a Redis that may evict keys would lose jobs without a trace.
    await assertNoEviction(redisOptionsFromEnv(), { waitForRedis: true });
    const handlers = new Map<JobDefinition, JobHandler>();
    for (const wrapper of this.discovery.getProviders()) {
      const type = wrapper.metatype as (new (...args: never[]) => unknown) | undefined;
      if (!type || !wrapper.instance) continue;
      const job = Reflect.getMetadata(HANDLES_JOB, type) as JobDefinition | undefined;
      if (!job) continue;
      if (handlers.has(job)) throw new Error(`two handlers for ${job.queue.name}/${job.name}`);
      handlers.set(job, wrapper.instance as JobHandler);
    }
    this.runner = new JobRunner(this.queues, handlers, this.schedules, { metrics: this.metrics, afterJob: () => this.relay.nudgeIfWritten() });
    await this.runner.start();
    this.relay.start();
  }

  /** Idempotent; apps/worker calls it before closing the application, so jobs still have the database. */
  drain(): Promise<void> {
    this.draining ??= (async () => {
      this.logger.log('draining: no new jobs, waiting for the ones in flight');
      await this.relay.stop();
      await this.runner?.stop();
      await this.queues.close();
    })();
    return this.draining;
  }

  /** A context closed without drain() (tests, embedding) still stops taking jobs. */
  onModuleDestroy(): Promise<void> {
    return this.drain();
  }
}

@Module({})
export class JobsWorkerModule {
  /** `jobs`: every job the worker runs (each lib exports its list); `schedules`: the timetabled ones. */
  static register(options: { jobs: readonly JobDefinition[]; schedules?: readonly JobSchedule[] }): DynamicModule {
    const jobs = [...options.jobs, purgeOutboxJob];
    const schedules = [...(options.schedules ?? []), defineSchedule(purgeOutboxJob, { scope: 'dispatched' }, { pattern: '17 * * * *' })];
    return {
      module: JobsWorkerModule,
      global: true,
      imports: [DiscoveryModule],
      providers: [
        { provide: SCHEDULE_LIST, useValue: schedules },
        { provide: QueueRegistry, useFactory: () => new QueueRegistry(jobsConfigFromEnv(), jobs) },
        {
          provide: JobMetrics,
          inject: [QueueRegistry, PrismaService],
          useFactory: (queues: QueueRegistry, prisma: PrismaService) =>
            new JobMetrics(
              queues,
              async () => Number((await prisma.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM outbox_messages WHERE dispatched_at IS NULL`)[0].n),
              { defaultMetrics: true },
            ),
        },
        {
          provide: OutboxRelay,
          inject: [PrismaService, QueueRegistry, JobMetrics],
          useFactory: (prisma: PrismaService, queues: QueueRegistry, metrics: JobMetrics) => new OutboxRelay(prisma, queues, metrics),
        },
        PurgeOutboxHandler,
        JobsWorker,
      ],
      exports: [QueueRegistry, JobMetrics, JobsWorker],
    };
  }
}

