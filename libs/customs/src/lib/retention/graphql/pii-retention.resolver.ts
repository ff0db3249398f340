import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, Roles, type Actor } from '@vitrine/shared/graphql';
import { PiiRetentionService } from '../application/pii-retention.service';
import { IdentityDeletionRequestType, OrdererIdentityType } from './pii-retention.types';

@Roles('SHOPPER')
@Resolver()
export class PiiRetentionResolver {
  constructor(private readonly retention: PiiRetentionService) {}

  @Query(() => [OrdererIdentityType], { description: 'The real-name identities you ordered with (at most 100, newest first), masked.' })
  async ordererIdentities(@CurrentActor() actor: Actor): Promise<OrdererIdentityType[]> {
    const rows = await this.retention.identitiesOf(actor);
    return rows.map((r) => ({ id: r.id, residentIdMasked: r.idMasked, numberStored: r.stored, lastOrderedAt: r.lastOrderedAt, deletionRequestedAt: r.deletionRequestedAt }));
  }

  @Mutation(() => IdentityDeletionRequestType, {
    description:
      'Deletes the stored resident ID number of one of your identities: at once, or, while an order of yours not yet released by customs needs it, after its release (within 15 days). ' +
      'Your orders keep the masked number and a keyed hash (legal records, yearly quota). NOT_FOUND for an identity you never ordered with.',
  })
  async deleteOrdererIdentity(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<IdentityDeletionRequestType> {
    const r = await this.retention.requestIdentityDeletion(actor, id);
    return { id: r.id, identityId: r.identityId!, requestedAt: r.requestedAt, completedAt: r.completedAt };
  }
}
