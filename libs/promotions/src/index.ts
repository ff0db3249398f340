export { PromotionsCoreModule, PromotionsModule } from './lib/promotions.module';
export { PromotionsPricingService, NO_PROMOTIONS, couponRefusal, type CartPromotions, type CartCouponCheck, type SpendShortfall, type RedemptionRequest } from './lib/application/promotions-pricing.service';
export { allocateLargestRemainder } from './lib/domain/allocation';
export { bestCombination, applyPromotions, type AppliedPromotion, type LineForPromotion, type LineDiscount, type PromotionOutcome, type Funder } from './lib/domain/best-combination';
export { PromotionsError, PromotionsErrorCode } from './lib/domain/promotions-error';
