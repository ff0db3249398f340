import { UseGuards } from '@nestjs/common';
import { Args, Query, Resolver } from '@nestjs/graphql';
import { Throttle } from '@nestjs/throttler';
import { CurrentActor, Roles, type Actor } from '@vitrine/shared/graphql';
import { AnnualQuotaService } from '../application/annual-quota.service';
import { AnnualQuotaInput, AnnualQuotaType } from './annual-quota.types';
import { IdentityProbeThrottlerGuard } from './identity-probe-throttler.guard';

/** Tighter than sign-in: each call asks about one identity. */
const QUOTA_LIMIT = Number(process.env['QUOTA_QUERY_RATE_LIMIT'] ?? 5);

@Resolver()
export class AnnualQuotaResolver {
  constructor(private readonly quota: AnnualQuotaService) {}

  @Roles('SHOPPER')
  @UseGuards(IdentityProbeThrottlerGuard)
  @Throttle({ login: { limit: QUOTA_LIMIT, ttl: 60_000 } })
  @Query(() => AnnualQuotaType, {
    description:
      'The signed-in shopper’s remaining yearly cross-border quota for one identity, counted exactly as checkout counts it (ANNUAL_LIMIT_EXCEEDED). ' +
      'Privacy: the figures are told only when this account has already ordered with this ID number under this real name; otherwise the bare yearly limit ' +
      'with counted: false, the same answer for an unknown number, someone else’s or a wrong name, so knowing (or guessing) an ID number reveals nobody’s purchases. ' +
      'Shoppers only; the ID number is never echoed unmasked. INVALID_RESIDENT_ID (extensions.field input.residentId), VALIDATION_FAILED, ' +
      'THROTTLED after QUOTA_QUERY_RATE_LIMIT (5) calls a minute per address and account.',
  })
  async remainingAnnualQuota(@CurrentActor() actor: Actor, @Args('input') input: AnnualQuotaInput) {
    const q = await this.quota.remaining(actor, { residentId: input.residentId, name: input.name });
    const money = (amount: number) => ({ amount, currency: q.currency });
    return { remaining: money(q.remainingMinor), limit: money(q.limitMinor), used: money(q.usedMinor), counted: q.counted, residentIdMasked: q.residentIdMasked };
  }
}
