import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum PromotionKindGql {
  THRESHOLD = 'THRESHOLD',
  COUPON = 'COUPON',
}
registerEnumType(PromotionKindGql, { name: 'PromotionKind', description: 'THRESHOLD: spend-threshold discount (满减); COUPON: a code the shopper enters.' });

export enum PromotionDiscountTypeGql {
  PERCENT = 'PERCENT',
  AMOUNT = 'AMOUNT',
}
registerEnumType(PromotionDiscountTypeGql, { name: 'PromotionDiscountType' });

export enum PromotionFunderGql {
  MUSEUM = 'MUSEUM',
  PLATFORM = 'PLATFORM',
}
registerEnumType(PromotionFunderGql, { name: 'PromotionFunder', description: 'Who bears the discount: the museum, or the platform (platform-wide promotions).' });

export enum PromotionStatusGql {
  SCHEDULED = 'SCHEDULED',
  ACTIVE = 'ACTIVE',
  ENDED = 'ENDED',
  EXHAUSTED = 'EXHAUSTED',
  ARCHIVED = 'ARCHIVED',
}
registerEnumType(PromotionStatusGql, { name: 'PromotionStatus' });

@ObjectType('PromotionTier')
export class PromotionTierType {
  @Field(() => Int, { description: 'Covered goods from which the tier applies, CNY fen.' }) minMinor!: number;
  @Field(() => Int, { description: 'Taken off, CNY fen.' }) offMinor!: number;
}

@InputType('PromotionTierInput')
export class PromotionTierInput {
  @Field(() => Int) minMinor!: number;
  @Field(() => Int) offMinor!: number;
}

@ObjectType('Promotion')
export class PromotionType {
  @Field(() => ID) id!: string;
  @Field(() => ID, { nullable: true, description: 'The storefront’s museum; null for a platform-wide promotion.' }) museumId!: string | null;
  @Field(() => PromotionKindGql) kind!: PromotionKindGql;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) code!: string | null;
  @Field(() => [PromotionTierType]) tiers!: PromotionTierType[];
  @Field(() => Boolean, { description: 'THRESHOLD with one tier: its discount for every full threshold (30 off every 300).' }) every!: boolean;
  @Field(() => PromotionDiscountTypeGql, { nullable: true }) discountType!: PromotionDiscountTypeGql | null;
  @Field(() => Int, { nullable: true, description: 'PERCENT: basis points (1000 = 10 %).' }) percentBps!: number | null;
  @Field(() => Int, { nullable: true }) amountOffMinor!: number | null;
  @Field(() => Int) minSpendMinor!: number;
  @Field(() => String) currency!: string;
  @Field(() => PromotionFunderGql) fundedBy!: PromotionFunderGql;
  @Field(() => Int, { nullable: true }) perShopperLimit!: number | null;
  @Field(() => Int, { nullable: true }) totalLimit!: number | null;
  @Field(() => Int, { description: 'Checkouts holding a use (not cancelled unpaid).' }) usedCount!: number;
  @Field(() => Int, { description: 'What it has taken off orders not cancelled, CNY fen.' }) discountGivenMinor!: number;
  @Field(() => [ID], { nullable: true, description: 'null: every product of the storefront (of every storefront when platform-wide).' }) productIds!: string[] | null;
  @Field(() => Date) startsAt!: Date;
  @Field(() => Date) endsAt!: Date;
  @Field(() => PromotionStatusGql) status!: PromotionStatusGql;
  @Field(() => Date) createdAt!: Date;
}

@InputType('PromotionInput', { description: 'VALIDATION_FAILED with fields on bad input; COUPON_CODE_TAKEN for a code in use.' })
export class PromotionInput {
  @Field(() => ID, { nullable: true, description: 'The museum; null (operator only): platform-wide, funded by the platform. Ignored on update.' }) museumId?: string | null;
  @Field(() => PromotionKindGql, { description: 'Ignored on update.' }) kind!: PromotionKindGql;
  @Field(() => String) name!: string;
  @Field(() => [PromotionTierInput], { nullable: true }) tiers?: PromotionTierInput[];
  @Field(() => Boolean, { nullable: true }) every?: boolean;
  @Field(() => String, { nullable: true }) code?: string | null;
  @Field(() => PromotionDiscountTypeGql, { nullable: true }) discountType?: PromotionDiscountTypeGql | null;
  @Field(() => Int, { nullable: true }) percentBps?: number | null;
  @Field(() => Int, { nullable: true }) amountOffMinor?: number | null;
  @Field(() => Int, { nullable: true }) minSpendMinor?: number;
  @Field(() => Int, { nullable: true }) perShopperLimit?: number | null;
  @Field(() => Int, { nullable: true }) totalLimit?: number | null;
  @Field(() => [ID], { nullable: true, description: 'Covered products; empty or null: all.' }) productIds?: string[] | null;
  @Field(() => Date) startsAt!: Date;
  @Field(() => Date) endsAt!: Date;
}
