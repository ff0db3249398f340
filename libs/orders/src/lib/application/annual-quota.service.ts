import { Inject, Injectable } from '@nestjs/common';
import { CROSS_BORDER_RULES, IdentityRecordsService, chinaCalendarYear, maskResidentId, remainingAnnualQuota, type CrossBorderRules } from '@vitrine/customs';
import type { SqlTx } from '@vitrine/shared/data-access';
import { type Actor } from '@vitrine/shared/kernel';
import { checkQuotaQuery } from '../domain/checkout-input';
import { QUOTA_STATUSES } from '../domain/order-state-machine';
import { OrderQueryRepository } from '../infrastructure/order-query.repository';

/**
 * Goods value using an identity's yearly cross-border quota at `now`: checkout's own reckoning
 * (the calendar year in China, the statuses that count, the same query), so this answer and
 * checkout's ANNUAL_LIMIT_EXCEEDED never disagree.
 */
export function annualQuotaUsed(orders: OrderQueryRepository, identityId: string, now: Date, tx?: SqlTx): Promise<number> {
  return orders.quotaUsed(identityId, chinaCalendarYear(now), now, QUOTA_STATUSES, tx);
}

export interface AnnualQuotaAnswer {
  currency: 'CNY';
  limitMinor: number;
  usedMinor: number;
  remainingMinor: number;
  /** True when the figures count the identity's orders; false: this account has not ordered with it under that name. */
  counted: boolean;
  residentIdMasked: string;
}

/**
 * A shopper's remaining yearly cross-border quota, before checkout. The figures of an identity
 * are told only to an account that has already ordered with that ID number under that real
 * name (the name checkout sent to customs): someone who knows, or guesses, another person's ID
 * number learns nothing of their purchases. For any other identity the answer is the bare
 * yearly limit with `counted: false`, the same whether the number is unknown, someone else's or
 * the name does not match, so it confirms nothing.
 */
@Injectable()
export class AnnualQuotaService {
  constructor(
    private readonly orders: OrderQueryRepository,
    private readonly identities: IdentityRecordsService,
    @Inject(CROSS_BORDER_RULES) private readonly rules: CrossBorderRules,
  ) {}

  async remaining(actor: Actor, input: { residentId: string; name: string }, now = new Date()): Promise<AnnualQuotaAnswer> {
    const q = checkQuotaQuery(input, now);
    const identity = await this.identities.find(q.residentId);
    const own = identity !== null && (await this.orders.hasOrderedAs(actor.userId, identity.identityId, q.name));
    const used = own ? await annualQuotaUsed(this.orders, identity.identityId, now) : 0;
    return {
      currency: 'CNY',
      limitMinor: this.rules.annualLimitMinor,
      usedMinor: used,
      remainingMinor: remainingAnnualQuota(used, this.rules),
      counted: own,
      residentIdMasked: maskResidentId(q.residentId.value),
    };
  }

  /**
   * The quota of one of the shopper's saved orderer identities (OrdererIdentity.annualQuota): an
   * identity this account ordered with, so the same trust as `remaining` with the name it gave
   * then. Null for any other identity and for any other role: nothing is told about it.
   */
  async ofOwnIdentity(actor: Actor, identityId: string, residentIdMasked: string, now = new Date()): Promise<AnnualQuotaAnswer | null> {
    if (actor.role !== 'SHOPPER' || !(await this.orders.hasOrderedWith(actor.userId, identityId))) return null;
    const used = await annualQuotaUsed(this.orders, identityId, now);
    return { currency: 'CNY', limitMinor: this.rules.annualLimitMinor, usedMinor: used, remainingMinor: remainingAnnualQuota(used, this.rules), counted: true, residentIdMasked };
  }
}
