// The daily FX refresh (worker) and its operator view (API).
export { FxRefreshModule, FxRefreshJobsModule } from './fx-refresh.module';
export { fxRefreshJobs, fxRefreshSchedules, refreshFxRatesJob } from './fx-refresh.jobs';
export { RefreshFxRatesHandler } from './fx-refresh.handler';
export { FxRefreshService, fxRefreshConfigFromEnv, type FxRefreshConfig, type FxRefreshOutcome } from './fx-refresh.service';
export { ECB_DAILY_URL, parseEcbDaily } from './fx-source';
