import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('OrdererIdentity', { description: 'A real-name identity (resident ID) the signed-in shopper ordered with; the number is shown masked only.' })
export class OrdererIdentityType {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'Always masked, e.g. 110***********002X.' }) residentIdMasked!: string;
  @Field(() => Boolean, { description: 'Whether the (encrypted) number is still stored; false once destroyed after customs no longer needs it, or at your request. The masked form and a keyed hash stay with your orders (yearly quota, legal records).' })
  numberStored!: boolean;
  @Field(() => Date, { description: 'When you last ordered with it.' }) lastOrderedAt!: Date;
  @Field(() => Date, { nullable: true, description: 'When you asked for its deletion, while the request waits for a live order to be released by customs.' })
  deletionRequestedAt!: Date | null;
}

@ObjectType('IdentityDeletionRequest', { description: 'Your request to delete a stored resident ID number, and when it was carried out.' })
export class IdentityDeletionRequestType {
  @Field(() => ID) id!: string;
  @Field(() => ID) identityId!: string;
  @Field(() => Date) requestedAt!: Date;
  @Field(() => Date, { nullable: true, description: 'Null while an order not yet released by customs still needs the number; done within 15 days of its release.' })
  completedAt!: Date | null;
}
