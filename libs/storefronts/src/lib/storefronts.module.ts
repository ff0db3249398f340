import { Module } from '@nestjs/common';
import { MuseumsService } from './application/museums.service';
import { StorefrontsService } from './application/storefronts.service';
import { MuseumsResolver } from './graphql/museums.resolver';
import { StorefrontsResolver } from './graphql/storefronts.resolver';
import { MuseumRepository } from './infrastructure/museum.repository';
import { StorefrontRepository } from './infrastructure/storefront.repository';

@Module({
  providers: [MuseumRepository, StorefrontRepository, StorefrontsService, MuseumsService, StorefrontsResolver, MuseumsResolver],
  exports: [StorefrontsService],
})
export class StorefrontsModule {}
