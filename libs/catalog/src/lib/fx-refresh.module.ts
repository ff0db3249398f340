import { Module } from '@nestjs/common';
import { FxRefreshRequests } from './application/fx-refresh-requests.service';
import { FxRefreshResolver } from './graphql/fx-refresh.resolver';
import { FxRefreshRepository } from './infrastructure/fx-refresh.repository';

/** The operator's FX refresh view and manual refresh (apps/api); the worker runs the refresh (FxRefreshJobsModule). */
@Module({ providers: [FxRefreshRepository, FxRefreshRequests, FxRefreshResolver] })
export class FxRefreshModule {}
