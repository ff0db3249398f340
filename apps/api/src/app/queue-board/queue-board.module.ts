import { Field, ObjectType, Mutation, Resolver } from '@nestjs/graphql';
import { Injectable, Logger, Module, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { Express } from 'express';
import { AuthService, IdentityModule } from '@vitrine/identity';
import { CurrentActor, Roles, type Actor } from '@vitrine/shared/graphql';
import { redisOptionsFromEnv } from '@vitrine/shared/data-access';
import { DEAD_LETTER_QUEUE, QueueRegistry, assertNoEviction, jobsConfigFromEnv } from '@vitrine/shared/jobs';
import { QueueBoardAuth } from './queue-board.auth';
import { BOARD_JOBS, BOARD_PATH, queueBoardConfigFromEnv } from './queue-board.config';

@ObjectType('QueueBoardLink', { description: 'A one-minute link that opens the queue board in the browser.' })
class QueueBoardLinkType {
  @Field(() => String, { description: 'Path on the API (append it to the API’s origin).' }) path!: string;
  @Field(() => Date) expiresAt!: Date;
}

/**
 * @bull-board on the API at /admin/queues, for operators: every queue (dead letters
 * included) with waiting, active, delayed, failed and completed jobs, retry and discard.
 */
@Injectable()
class QueueBoard implements OnModuleInit, OnApplicationShutdown {
  readonly auth: QueueBoardAuth;
  private readonly queues = new QueueRegistry(jobsConfigFromEnv(), BOARD_JOBS);

  constructor(
    private readonly host: HttpAdapterHost,
    authService: AuthService,
  ) {
    this.auth = new QueueBoardAuth(queueBoardConfigFromEnv(), authService);
  }

  async onModuleInit(): Promise<void> {
    // The board retries and discards jobs: it refuses a Redis that may evict them. The API
    // still starts without Redis (health says degraded); the worker checks again when it starts.
    if ((await assertNoEviction(redisOptionsFromEnv(), { waitForRedis: false })) === 'unreachable') {
      new Logger('QueueBoard').warn('Redis did not answer at start; its maxmemory-policy was not checked');
    }
    const serverAdapter = new ExpressAdapter();
    serverAdapter.setBasePath(BOARD_PATH);
    createBullBoard({
      queues: this.queues.names.map((name) => new BullMQAdapter(this.queues.get(name), { description: name === DEAD_LETTER_QUEUE ? 'Jobs that used up their attempts: Retry redrives the original, Clean discards' : '' })),
      // @bull-board/express 9.10.1 carries its own copy of the api's types (9.10.2 here); at run time it uses none of them.
      serverAdapter: serverAdapter as unknown as Parameters<typeof createBullBoard>[0]['serverAdapter'],
      options: { uiConfig: { boardTitle: 'Vitrine queues' } },
    });
    const app = this.host.httpAdapter?.getInstance<Express>();
    app?.use(BOARD_PATH, this.auth.middleware(), serverAdapter.getRouter());
  }

  onApplicationShutdown(): Promise<void> {
    return this.queues.close();
  }
}

@Resolver()
class QueueBoardResolver {
  constructor(private readonly board: QueueBoard) {}

  @Roles('PLATFORM_ADMIN')
  @Mutation(() => QueueBoardLinkType, { description: 'Operator: a one-minute link into the queue board (/admin/queues).' })
  queueBoardLink(@CurrentActor() actor: Actor): QueueBoardLinkType {
    return this.board.auth.link(actor.userId);
  }
}

@Module({ imports: [IdentityModule], providers: [QueueBoard, QueueBoardResolver] })
export class QueueBoardModule {}
