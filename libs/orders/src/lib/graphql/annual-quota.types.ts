import { Field, InputType, ObjectType } from '@nestjs/graphql';
import { MoneyType } from '@vitrine/catalog';

@InputType('AnnualQuotaInput')
export class AnnualQuotaInput {
  @Field(() => String, { description: 'The 18-character resident ID number (GB 11643-1999), checked as checkout checks it.' }) residentId!: string;
  @Field(() => String, { description: 'The real name, as given as orderer at checkout.' }) name!: string;
}

@ObjectType('AnnualQuota', { description: 'An identity’s yearly cross-border quota in the calendar year (China time), as checkout counts it.' })
export class AnnualQuotaType {
  @Field(() => MoneyType, { description: 'What can still be bought this year (CNY fen).' }) remaining!: MoneyType;
  @Field(() => MoneyType, { description: 'The yearly limit per identity.' }) limit!: MoneyType;
  @Field(() => MoneyType, { description: 'Goods of paid, not refunded orders (less refunded units) and of unpaid orders still holding stock.' }) used!: MoneyType;
  @Field(() => Boolean, {
    description: 'True when the figures count the identity’s orders; false when this account has not ordered with this ID number under this name (the bare limit, nothing counted).',
  })
  counted!: boolean;
  @Field(() => String, { description: 'The ID number masked (110***********002X); never in full.' }) residentIdMasked!: string;
}
