import { Module } from '@nestjs/common';
import { ShopWindowAnnouncer } from '@vitrine/shared/data-access';
import { FX_REFRESH_CONFIG, FxRefreshService, fxRefreshConfigFromEnv } from '../application/fx-refresh.service';
import { FxRefreshRepository } from '../infrastructure/fx-refresh.repository';
import { RefreshFxRatesHandler } from './fx-refresh.handler';

/** The daily FX refresh job (apps/worker). */
@Module({
  providers: [{ provide: FX_REFRESH_CONFIG, useFactory: () => fxRefreshConfigFromEnv() }, FxRefreshRepository, FxRefreshService, RefreshFxRatesHandler, ShopWindowAnnouncer],
  exports: [FxRefreshService],
})
export class FxRefreshJobsModule {}
