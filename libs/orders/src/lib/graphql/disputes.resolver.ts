import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, Roles, type Actor } from '@vitrine/shared/graphql';
import { DisputesService } from '../application/disputes.service';
import { toOrderDispute } from './orders.mappers';
import { DisputeEvidenceInput, DisputeEvidenceSubmittedType, OrderDisputeType } from './orders.types';

@Resolver(() => OrderDisputeType)
export class DisputesResolver {
  constructor(private readonly disputes: DisputesService) {}

  @Roles('MUSEUM_MANAGER', 'PLATFORM_ADMIN')
  @Query(() => [OrderDisputeType], {
    description: 'Disputes on orders of one managed museum (or of all the caller’s), nearest evidence deadline first, at most 100; open ones only unless open: false.',
  })
  async museumDisputes(
    @CurrentActor() actor: Actor,
    @Args('museumId', { type: () => ID, nullable: true }) museumId?: string,
    @Args('open', { type: () => Boolean, nullable: true, defaultValue: true }) open?: boolean,
  ) {
    return (await this.disputes.museumDisputes(actor, museumId ?? null, open !== false)).map(toOrderDispute);
  }

  @Roles('MUSEUM_MANAGER', 'PLATFORM_ADMIN')
  @Mutation(() => DisputeEvidenceSubmittedType, {
    description:
      'Submits evidence for a dispute to Stripe (files uploaded as dispute_evidence, then the dispute updated with submit: true). Refusals: DISPUTE_CLOSED, DISPUTE_EVIDENCE_PAST_DUE, DISPUTE_EVIDENCE_SUBMITTED, VALIDATION_FAILED; another museum’s dispute is NOT_FOUND.',
  })
  async submitDisputeEvidence(@CurrentActor() actor: Actor, @Args('disputeId', { type: () => ID }) disputeId: string, @Args('evidence') evidence: DisputeEvidenceInput) {
    const d = await this.disputes.submitEvidence(actor, disputeId, evidence);
    return { id: d.id, status: d.status, evidenceSubmittedAt: d.evidenceSubmittedAt! };
  }
}
