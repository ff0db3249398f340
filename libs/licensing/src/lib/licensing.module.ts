import { Module } from '@nestjs/common';
import { AgreementsResolver, LicensableWorksResolver, LicensedProductsResolver } from './graphql/agreements.resolver';
import { ProposalsResolver } from './graphql/proposals.resolver';
import { LicensingNotificationsResolver, RoyaltiesResolver } from './graphql/royalties.resolver';
import { StatementFilesController } from './http/statement-files.controller';
import { LicensingCoreModule } from './licensing-core.module';

/** The API side of licensing: GraphQL resolvers and the statement downloads. */
@Module({
  imports: [LicensingCoreModule],
  providers: [LicensableWorksResolver, ProposalsResolver, AgreementsResolver, LicensedProductsResolver, RoyaltiesResolver, LicensingNotificationsResolver],
  controllers: [StatementFilesController],
  exports: [LicensingCoreModule],
})
export class LicensingModule {}
