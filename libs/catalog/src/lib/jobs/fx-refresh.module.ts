import { Module } from '@nestjs/common';
import { RefreshFxRatesHandler } from './fx-refresh.handler';
import { FxRefreshRepository } from './fx-refresh.repository';
import { FxRefreshRequests, FxRefreshResolver } from './fx-refresh.resolver';
import { FX_REFRESH_CONFIG, FxRefreshService, fxRefreshConfigFromEnv } from './fx-refresh.service';

/** The operator's FX refresh view and manual refresh (apps/api). */
@Module({ providers: [FxRefreshRepository, FxRefreshRequests, FxRefreshResolver] })
export class FxRefreshModule {}

/** The daily FX refresh job (apps/worker). */
@Module({
  providers: [{ provide: FX_REFRESH_CONFIG, useFactory: () => fxRefreshConfigFromEnv() }, FxRefreshRepository, FxRefreshService, RefreshFxRatesHandler],
  exports: [FxRefreshService],
})
export class FxRefreshJobsModule {}
