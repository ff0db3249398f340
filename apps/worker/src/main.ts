import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { JobsWorker } from '@vitrine/shared/jobs';
import { HeartbeatService } from './app/heartbeat.service';
import { WorkerModule } from './app/worker.module';

const SHUTDOWN_DEADLINE_MS = Number(process.env['WORKER_SHUTDOWN_TIMEOUT_MS'] ?? 30_000);

async function bootstrap(): Promise<void> {
  const app = await NestFactory.createApplicationContext(WorkerModule, { logger: ['log', 'error', 'warn'] });
  const logger = new Logger('worker');
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal}: draining in-flight jobs`);
    app.get(HeartbeatService).markDraining();
    // BullMQ workers finish their current jobs on close; never wait past the deadline.
    const deadline = setTimeout(() => {
      logger.error('shutdown deadline passed, exiting');
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS);
    deadline.unref();
    // Jobs first (they still need the database and Redis), then the rest of the application.
    app
      .get(JobsWorker)
      .drain()
      .then(() => app.close())
      .then(() => {
        logger.log('stopped');
        process.exit(0);
      })
      .catch((error) => {
        logger.error(error);
        process.exit(1);
      });
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  await app.init();
  logger.log('worker ready');
}

bootstrap().catch((error) => {
  console.error('worker failed to start', error);
  process.exit(1);
});
