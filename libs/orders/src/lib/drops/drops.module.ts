import { Module } from '@nestjs/common';
import { CustomsModule } from '@vitrine/customs';
import { EventStreamsModule } from '@vitrine/shared/data-access';
import { OrdersCoreModule } from '../orders-core.module';
import { DropAllocationService } from './application/drop-allocation.service';
import { DropsTickHandler } from './jobs/drops.handlers';
import { DropsService } from './application/drops.service';
import { DropEntryThrottlerGuard } from './graphql/drop-entry-throttler.guard';
import { DropsResolver } from './graphql/drops.resolver';
import { DROP_GATE_PROVIDERS } from './drop-gate.providers';
import { DROP_STREAM_SETTINGS, DropStreamService, dropStreamSettingsFromEnv } from './application/drop-stream.service';
import { DropEventsController } from './http/drop-events.controller';

/** The gate alone, for the drops' API and worker modules. */
@Module({
  imports: [CustomsModule],
  providers: DROP_GATE_PROVIDERS,
  exports: DROP_GATE_PROVIDERS,
})
export class DropGateModule {}

/** Drops in the API only (its throttling guard needs the API's ThrottlerModule): configuration, entries, verification, notices and the pages' update stream. */
@Module({
  imports: [CustomsModule, DropGateModule, OrdersCoreModule, EventStreamsModule],
  controllers: [DropEventsController],
  providers: [DropsService, DropsResolver, DropEntryThrottlerGuard, { provide: DROP_STREAM_SETTINGS, useFactory: () => dropStreamSettingsFromEnv() }, DropStreamService],
})
export class DropsModule {}

/** Drops in the worker: the drops-tick job (starts, draws, turns, notices; each drop it advances announced to its pages' streams). */
@Module({
  imports: [DropGateModule, OrdersCoreModule, EventStreamsModule],
  providers: [DropAllocationService, DropsTickHandler],
})
export class DropsJobsModule {}
