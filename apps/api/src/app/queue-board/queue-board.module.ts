import { Field, ObjectType, Mutation, Resolver } from '@nestjs/graphql';
import { Injectable, Logger, Module, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Express, NextFunction, Request, RequestHandler, Response } from 'express';
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
 *
 * Built on the first request that passes the board's sign-in, not at start-up: @bull-board (with
 * its own copy of Express, ejs and valibot) and a BullMQ queue with its Redis connection for every
 * job kind cost an idle API about 4 MB of heap and more of native memory, for a page operators
 * open now and then (issue 18). The Redis eviction check still runs at start-up.
 */
@Injectable()
class QueueBoard implements OnModuleInit, OnApplicationShutdown {
  readonly auth: QueueBoardAuth;
  private queues: QueueRegistry | null = null;
  private board: Promise<RequestHandler> | null = null;

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
    const app = this.host.httpAdapter?.getInstance<Express>();
    app?.use(BOARD_PATH, this.auth.middleware(), (req: Request, res: Response, next: NextFunction) => {
      // A build that failed (Redis away) is tried again by the next request.
      this.board ??= this.build().catch((error: unknown) => {
        this.board = null;
        throw error;
      });
      this.board.then((board) => {
        // As Express does for an app mounted with app.use: the board's own Express app gives the
        // request and response its prototypes while it handles them, and ours come back after.
        const [request, response] = [Object.getPrototypeOf(req) as object, Object.getPrototypeOf(res) as object];
        board(req, res, (error?: unknown) => {
          Object.setPrototypeOf(req, request);
          Object.setPrototypeOf(res, response);
          next(error);
        });
      }, next);
    });
  }

  private async build(): Promise<RequestHandler> {
    const [{ createBullBoard }, { BullMQAdapter }, { ExpressAdapter }] = await Promise.all([import('@bull-board/api'), import('@bull-board/api/bullMQAdapter'), import('@bull-board/express')]);
    const queues = (this.queues = new QueueRegistry(jobsConfigFromEnv(), BOARD_JOBS));
    const serverAdapter = new ExpressAdapter();
    serverAdapter.setBasePath(BOARD_PATH);
    createBullBoard({
      queues: queues.names.map((name) => new BullMQAdapter(queues.get(name), { description: name === DEAD_LETTER_QUEUE ? 'Jobs that used up their attempts: Retry redrives the original, Clean discards' : '' })),
      // @bull-board/express 9.10.1 carries its own copy of the api's types (9.10.2 here); at run time it uses none of them.
      serverAdapter: serverAdapter as unknown as Parameters<typeof createBullBoard>[0]['serverAdapter'],
      options: { uiConfig: { boardTitle: 'Vitrine queues' } },
    });
    return serverAdapter.getRouter() as unknown as RequestHandler;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queues?.close();
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
