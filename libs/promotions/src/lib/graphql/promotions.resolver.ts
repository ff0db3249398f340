import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, Roles, type Actor } from '@vitrine/shared/graphql';
import { PromotionsAdminService, type PromotionView } from '../application/promotions-admin.service';
import { promotionStatus } from '../domain/promotion-input';
import { PromotionDiscountTypeGql, PromotionFunderGql, PromotionInput, PromotionKindGql, PromotionStatusGql, PromotionType } from './promotions.types';

export function toPromotion(p: PromotionView, now = new Date()): PromotionType {
  return {
    ...p,
    kind: p.kind as PromotionKindGql,
    discountType: p.discountType as PromotionDiscountTypeGql | null,
    fundedBy: p.fundedBy as PromotionFunderGql,
    status: promotionStatus(p, now) as PromotionStatusGql,
  };
}

/** The console's promotions: managers their museum's, the operator also platform-wide ones. */
@Resolver(() => PromotionType)
export class PromotionsResolver {
  constructor(private readonly admin: PromotionsAdminService) {}

  @Roles('PLATFORM_ADMIN', 'MUSEUM_MANAGER')
  @Query(() => [PromotionType], { description: 'Promotions the caller manages, newest first (at most 500): one museum’s, or platform-wide ones only (operator).' })
  async promotions(
    @CurrentActor() actor: Actor,
    @Args('museumId', { type: () => ID, nullable: true }) museumId?: string | null,
    @Args('platformOnly', { type: () => Boolean, nullable: true }) platformOnly?: boolean | null,
    @Args('includeArchived', { type: () => Boolean, nullable: true }) includeArchived?: boolean | null,
    @Args('archivedOnly', { type: () => Boolean, nullable: true, description: 'Only archived ones (read-only: updatePromotion refuses them with PROMOTION_ARCHIVED).' }) archivedOnly?: boolean | null,
  ): Promise<PromotionType[]> {
    return (await this.admin.list(actor, { museumId, platformOnly: platformOnly ?? false, includeArchived: includeArchived ?? false, archivedOnly: archivedOnly ?? false })).map((p) =>
      toPromotion(p),
    );
  }

  @Roles('PLATFORM_ADMIN', 'MUSEUM_MANAGER')
  @Query(() => PromotionType, { description: 'NOT_FOUND for another museum’s promotion.' })
  async promotion(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<PromotionType> {
    return toPromotion(await this.admin.get(actor, id));
  }

  @Roles('PLATFORM_ADMIN', 'MUSEUM_MANAGER')
  @Mutation(() => PromotionType, { description: 'A manager: for their museum (funded by it). The operator: any museum’s, or platform-wide (museumId null, funded by the platform).' })
  async createPromotion(@CurrentActor() actor: Actor, @Args('input') input: PromotionInput): Promise<PromotionType> {
    return toPromotion(await this.admin.create(actor, input));
  }

  @Roles('PLATFORM_ADMIN', 'MUSEUM_MANAGER')
  @Mutation(() => PromotionType, {
    description: 'Replaces its terms (the kind and museum stay); the total limit cannot go below the uses taken. PROMOTION_ARCHIVED once archived (nothing written).',
  })
  async updatePromotion(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string, @Args('input') input: PromotionInput): Promise<PromotionType> {
    return toPromotion(await this.admin.update(actor, id, input));
  }

  @Roles('PLATFORM_ADMIN', 'MUSEUM_MANAGER')
  @Mutation(() => PromotionType, { description: 'Ends it now for new carts; orders placed with it keep their discount. PROMOTION_ARCHIVED if it already is.' })
  async archivePromotion(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<PromotionType> {
    return toPromotion(await this.admin.archive(actor, id));
  }
}
