import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { OrdererIdentityType } from '@vitrine/customs';
import { CurrentActor, type Actor } from '@vitrine/shared/graphql';
import { AnnualQuotaService } from '../application/annual-quota.service';
import { SavedOrdererService } from '../application/saved-orderer.service';
import { AnnualQuotaType } from './annual-quota.types';

/**
 * Each saved orderer identity's remaining yearly quota, so the cart can show it before checkout refuses (ANNUAL_LIMIT_EXCEEDED),
 * and the name the shopper ordered under with it, so checkout can offer it preselected (PlaceOrderInput's savedIdentityId).
 */
@Resolver(() => OrdererIdentityType)
export class OrdererIdentityQuotaResolver {
  constructor(
    private readonly quota: AnnualQuotaService,
    private readonly saved: SavedOrdererService,
  ) {}

  @ResolveField('ordererName', () => String, {
    nullable: true,
    description: 'The real name you last ordered under with this identity (checkout offers it with the identity). Told only to the shopper who ordered with it (null otherwise). One statement per identity.',
  })
  ordererName(@Parent() identity: OrdererIdentityType, @CurrentActor() actor: Actor): Promise<string | null> {
    return this.saved.nameOf(actor, identity.id);
  }

  @ResolveField('annualQuota', () => AnnualQuotaType, {
    nullable: true,
    description:
      'This identity’s yearly cross-border quota in the current calendar year (China time), counted exactly as checkout counts it (remainingAnnualQuota). ' +
      'Told only to the shopper who ordered with it (null otherwise). Two statements per identity.',
  })
  async annualQuota(@Parent() identity: OrdererIdentityType, @CurrentActor() actor: Actor): Promise<AnnualQuotaType | null> {
    const q = await this.quota.ofOwnIdentity(actor, identity.id, identity.residentIdMasked);
    if (!q) return null;
    const money = (amount: number) => ({ amount, currency: q.currency });
    return { remaining: money(q.remainingMinor), limit: money(q.limitMinor), used: money(q.usedMinor), counted: q.counted, residentIdMasked: q.residentIdMasked };
  }
}
