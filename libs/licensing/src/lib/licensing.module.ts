import { Module } from '@nestjs/common';
import { CatalogModule } from '@vitrine/catalog';
import { CatalogEditWatcher } from './application/catalog-edit-watcher';
import { CatalogListingGuard } from './application/catalog-listing-guard';
import { AgreementsResolver, LicensableWorksResolver, LicensedProductsResolver } from './graphql/agreements.resolver';
import { ProposalsResolver } from './graphql/proposals.resolver';
import { LicensingNotificationsResolver, RoyaltiesResolver } from './graphql/royalties.resolver';
import { StatementFilesController } from './http/statement-files.controller';
import { LicensingCoreModule } from './licensing-core.module';

/** The API side of licensing: GraphQL resolvers, the statement downloads, the catalogue's publishing guard and edit watcher. */
@Module({
  imports: [LicensingCoreModule, CatalogModule],
  providers: [CatalogListingGuard, CatalogEditWatcher, LicensableWorksResolver, ProposalsResolver, AgreementsResolver, LicensedProductsResolver, RoyaltiesResolver, LicensingNotificationsResolver],
  controllers: [StatementFilesController],
  exports: [LicensingCoreModule],
})
export class LicensingModule {}
