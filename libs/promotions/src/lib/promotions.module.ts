import { Module } from '@nestjs/common';
import { PromotionsAdminService } from './application/promotions-admin.service';
import { PromotionsPricingService } from './application/promotions-pricing.service';
import { PromotionsResolver } from './graphql/promotions.resolver';
import { PromotionRepository } from './infrastructure/promotion.repository';

/** Pricing and redemption for libs/orders (checkout), without the GraphQL API (also for the worker). */
@Module({
  providers: [PromotionRepository, PromotionsPricingService],
  exports: [PromotionsPricingService],
})
export class PromotionsCoreModule {}

/** The console's promotions API (apps/api). */
@Module({
  imports: [PromotionsCoreModule],
  providers: [PromotionRepository, PromotionsAdminService, PromotionsResolver],
})
export class PromotionsModule {}
