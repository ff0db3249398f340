import { Module } from '@nestjs/common';
import { CatalogModule } from '@vitrine/catalog';
import { InventoryModule } from '@vitrine/inventory';
import { EventStreamsModule } from '@vitrine/shared/data-access';
import { OrdersModule } from '@vitrine/orders';
import { LiveCartService } from './application/live-cart.service';
import { LiveCheckoutProducts } from './application/live-checkout-products';
import { LiveEventsHub } from './application/live-events.hub';
import { LiveProducts } from './application/live-products';
import { LiveSessionsService } from './application/live-sessions.service';
import { LIVE_SETTINGS, liveSettingsFromEnv } from './application/live-settings';
import { LiveStateService } from './application/live-state.service';
import { LiveResolver } from './graphql/live.resolver';
import { LiveEventsController } from './http/live-events.controller';
import { LiveCheckoutHooks } from './infrastructure/live-checkout.hooks';
import { LiveRepository } from './infrastructure/live.repository';

/** Live sessions (API only): scheduling, the host's actions, viewers' SSE stream, and the flash price and attribution in checkout. */
@Module({
  imports: [OrdersModule, CatalogModule, InventoryModule, EventStreamsModule],
  controllers: [LiveEventsController],
  providers: [
    { provide: LIVE_SETTINGS, useFactory: () => liveSettingsFromEnv() },
    LiveRepository,
    LiveProducts,
    LiveStateService,
    LiveEventsHub,
    LiveCheckoutProducts,
    LiveSessionsService,
    LiveCartService,
    LiveCheckoutHooks,
    LiveResolver,
  ],
  exports: [LiveEventsHub],
})
export class LiveModule {}
