import { Field, Float, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Paginated } from '@vitrine/shared/graphql';

export enum DropModeGql {
  QUEUE = 'QUEUE',
  DRAW = 'DRAW',
}
registerEnumType(DropModeGql, { name: 'DropMode', description: 'QUEUE: a waiting room shuffled at the start, admitted in turns. DRAW: registration, then a committed-seed draw.' });

export enum NoticeSubscriptionKindGql {
  DROP_OPENS = 'DROP_OPENS',
  BACK_IN_STOCK = 'BACK_IN_STOCK',
}
registerEnumType(NoticeSubscriptionKindGql, { name: 'NoticeSubscriptionKind' });

@ObjectType('Drop', { description: 'A limited edition (one variant) sold fairly: docs/adr/0017-fair-drop-allocation.md.' })
export class DropType {
  @Field(() => ID) id!: string;
  @Field(() => ID) museumId!: string;
  @Field(() => ID) variantId!: string;
  @Field(() => ID) productId!: string;
  @Field(() => DropModeGql) mode!: DropModeGql;
  @Field(() => String, { description: 'SCHEDULED, REGISTRATION (draw), ALLOCATING (turns being given), ENDED or CANCELLED.' }) status!: string;
  @Field(() => GraphQLISODateTime, { description: 'QUEUE: when the waiting room is shuffled and turns begin. DRAW: when registration opens.' }) startsAt!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) registrationClosesAt!: Date | null;
  @Field(() => Int) editionSize!: number;
  @Field(() => Int, { description: 'Units per resident ID, across accounts.' }) perIdentityLimit!: number;
  @Field(() => Int, { description: 'Seconds an admitted (or drawn) shopper has to pay.' }) payWindowSeconds!: number;
  @Field(() => String, { nullable: true, description: 'DRAW: SHA-256 (hex) of the seed, published before registration opens.' }) seedHash!: string | null;
  @Field(() => String, { nullable: true, description: 'DRAW: the seed, revealed once drawn (null before).' }) seed!: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) drawnAt!: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) shuffledAt!: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) endedAt!: Date | null;
}

export const DropPage = Paginated(DropType, 'DropPage');

export enum DropStatusGql {
  SCHEDULED = 'SCHEDULED',
  REGISTRATION = 'REGISTRATION',
  ALLOCATING = 'ALLOCATING',
  ENDED = 'ENDED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(DropStatusGql, { name: 'DropStatus', description: 'A drop’s state, as Drop.status reads it.' });

@InputType({ description: 'The console’s drop list filters; all optional, combined with AND.' })
export class DropFilterInput {
  @Field(() => DropStatusGql, { nullable: true }) status?: DropStatusGql | null;
  @Field(() => DropModeGql, { nullable: true }) mode?: DropModeGql | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Starting at or after.' }) startsFrom?: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Starting before.' }) startsBefore?: Date | null;
}

@ObjectType('DropDrawEntry', { description: 'One registration the draw ran on: its entry id (pseudonymous) and rank.' })
export class DropDrawEntryType {
  @Field(() => ID) entryId!: string;
  @Field(() => Int, { nullable: true }) rank!: number | null;
}

@ObjectType('DropEntry')
export class DropEntryType {
  @Field(() => ID) id!: string;
  @Field(() => ID) dropId!: string;
  @Field(() => String, { description: 'WAITING, ADMITTED (turn open: pay before turnEndsAt), CHECKED_OUT, PAID, EXPIRED, NOT_SELECTED, VOIDED or CANCELLED (the drop was).' }) status!: string;
  @Field(() => Int, { nullable: true, description: 'Place in the shuffled queue or the draw’s rank.' }) position!: number | null;
  @Field(() => Int, { nullable: true, description: 'Shoppers still waiting ahead + 1 (null when not waiting in a placed queue).' }) placeInQueue!: number | null;
  @Field(() => GraphQLISODateTime) joinedAt!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) admittedAt!: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) turnEndsAt!: Date | null;
}

@ObjectType('DropEntryForOperator', { description: 'An entry with signals of bots and duplicates, for the drop’s museum and operators.' })
export class DropEntryForOperatorType {
  @Field(() => ID) id!: string;
  @Field(() => String) status!: string;
  @Field(() => Int, { nullable: true }) position!: number | null;
  @Field(() => GraphQLISODateTime) joinedAt!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) turnEndsAt!: Date | null;
  @Field(() => ID, { nullable: true }) checkoutId!: string | null;
  @Field(() => String) accountEmail!: string;
  @Field(() => GraphQLISODateTime) accountCreatedAt!: Date;
  @Field(() => Float, { description: 'Account age at entry, in days.' }) accountAgeDays!: number;
  @Field(() => Int, { description: 'Entries of this drop from the same client address (this one included).' }) sameAddressEntries!: number;
  @Field(() => Int, { description: 'Entries of this drop whose checkout ships to the same address (0 before a checkout).' }) sameShippingAddressEntries!: number;
  @Field(() => String, { nullable: true }) voidReason!: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) voidedAt!: Date | null;
}

@ObjectType('NoticeSubscription')
export class NoticeSubscriptionType {
  @Field(() => ID) id!: string;
  @Field(() => NoticeSubscriptionKindGql) kind!: NoticeSubscriptionKindGql;
  @Field(() => ID) targetId!: string;
  @Field(() => GraphQLISODateTime, { nullable: true }) notifiedAt!: Date | null;
}

@InputType()
export class CreateDropInput {
  @Field(() => ID) variantId!: string;
  @Field(() => DropModeGql) mode!: DropModeGql;
  @Field(() => GraphQLISODateTime) startsAt!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'DRAW only: when registration closes and the draw runs.' }) registrationClosesAt?: Date | null;
  @Field(() => Int) editionSize!: number;
  @Field(() => Int) perIdentityLimit!: number;
  @Field(() => Float, { description: 'Minutes each admitted shopper has to pay (0.1 to 1440).' }) payWindowMinutes!: number;
}

@InputType({ description: 'Changes a drop before it starts; fields left out (or null) keep their value. The variant and mode stay.' })
export class UpdateDropInput {
  @Field(() => ID) dropId!: string;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'At least 5 s ahead, like a new drop’s.' }) startsAt?: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'DRAW only.' }) registrationClosesAt?: Date | null;
  @Field(() => Int, { nullable: true, description: 'At most the variant’s units for sale (DROP_EDITION_OVER_STOCK).' }) editionSize?: number | null;
  @Field(() => Int, { nullable: true }) perIdentityLimit?: number | null;
  @Field(() => Float, { nullable: true }) payWindowMinutes?: number | null;
}

@InputType()
export class CancelDropInput {
  @Field(() => ID) dropId!: string;
  @Field(() => String, { nullable: true, description: 'Told to entrants in their notice (at most 300 characters).' }) reason?: string | null;
}

@InputType()
export class JoinDropInput {
  @Field(() => ID) dropId!: string;
  @Field(() => String, { description: 'The resident ID number of the person who will order (one entry per ID number); neither stored nor echoed.' }) residentId!: string;
}

@InputType()
export class VoidDropEntryInput {
  @Field(() => ID) entryId!: string;
  @Field(() => String) reason!: string;
}

@InputType()
export class SubscribeNoticeInput {
  @Field(() => NoticeSubscriptionKindGql) kind!: NoticeSubscriptionKindGql;
  @Field(() => ID, { description: 'The drop (DROP_OPENS) or the variant (BACK_IN_STOCK).' }) targetId!: string;
}
