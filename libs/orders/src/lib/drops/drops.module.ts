import { Module } from '@nestjs/common';
import { CustomsModule } from '@vitrine/customs';
import { OrdersCoreModule } from '../orders-core.module';
import { DropAllocationService } from './application/drop-allocation.service';
import { DropsTickHandler } from './jobs/drops.handlers';
import { DropsService } from './application/drops.service';
import { DropEntryThrottlerGuard } from './graphql/drop-entry-throttler.guard';
import { DropsResolver } from './graphql/drops.resolver';
import { DROP_GATE_PROVIDERS } from './drop-gate.providers';

/** The gate alone, for the drops' API and worker modules. */
@Module({
  imports: [CustomsModule],
  providers: DROP_GATE_PROVIDERS,
  exports: DROP_GATE_PROVIDERS,
})
export class DropGateModule {}

/** Drops in the API only (its throttling guard needs the API's ThrottlerModule): configuration, entries, verification and notices. */
@Module({
  imports: [CustomsModule, DropGateModule, OrdersCoreModule],
  providers: [DropsService, DropsResolver, DropEntryThrottlerGuard],
})
export class DropsModule {}

/** Drops in the worker: the drops-tick job (starts, draws, turns, notices). */
@Module({
  imports: [DropGateModule, OrdersCoreModule],
  providers: [DropAllocationService, DropsTickHandler],
})
export class DropsJobsModule {}
