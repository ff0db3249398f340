import { Module } from '@nestjs/common';
import { AnnualQuotaResolver } from './graphql/annual-quota.resolver';
import { OrdererIdentityQuotaResolver } from './graphql/orderer-identity-quota.resolver';
import { OrdersCoreModule } from './orders-core.module';

/**
 * The shopper's yearly-quota query (and each saved identity's quota), for the API only: its throttling guard needs the API's
 * ThrottlerModule, which the worker (importing OrdersCoreModule through the pipeline) does not have.
 */
@Module({
  imports: [OrdersCoreModule],
  providers: [AnnualQuotaResolver, OrdererIdentityQuotaResolver],
})
export class AnnualQuotaModule {}
