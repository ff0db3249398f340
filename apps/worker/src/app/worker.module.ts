import { Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { DataAccessModule, queuePrefixFromEnv, redisOptionsFromEnv } from '@vitrine/shared/data-access';
import { HeartbeatService } from './heartbeat.service';

/** The worker process: BullMQ processors that the libs define, no HTTP. */
@Module({
  imports: [
    DataAccessModule,
    BullModule.forRoot({ connection: redisOptionsFromEnv(), prefix: queuePrefixFromEnv() }),
  ],
  providers: [HeartbeatService],
})
export class WorkerModule {}
