import { Module } from '@nestjs/common';
import { CatalogModule } from '@vitrine/catalog';
import { CatalogListingGuard } from './application/catalog-listing-guard';
import { AgreementsResolver, LicensableWorksResolver, LicensedProductsResolver } from './graphql/agreements.resolver';
import { ProposalsResolver } from './graphql/proposals.resolver';
import { LicensingNotificationsResolver, RoyaltiesResolver } from './graphql/royalties.resolver';
import { StatementFilesController } from './http/statement-files.controller';
import { LicensingCoreModule } from './licensing-core.module';

/** The API side of licensing: GraphQL resolvers, the statement downloads, and the catalogue's publishing guard. */
@Module({
  imports: [LicensingCoreModule, CatalogModule],
  providers: [CatalogListingGuard, LicensableWorksResolver, ProposalsResolver, AgreementsResolver, LicensedProductsResolver, RoyaltiesResolver, LicensingNotificationsResolver],
  controllers: [StatementFilesController],
  exports: [LicensingCoreModule],
})
export class LicensingModule {}
