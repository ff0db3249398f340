import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';

@ObjectType('SavedAddress', { description: 'One of your saved delivery addresses (checkout prefills the default and offers the others).' })
export class SavedAddressType {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'The recipient’s name.' }) name!: string;
  @Field(() => String, { description: 'Mainland China mobile number.' }) phone!: string;
  @Field(() => String) province!: string;
  @Field(() => String) city!: string;
  @Field(() => String) district!: string;
  @Field(() => String) street!: string;
  @Field(() => String, { nullable: true }) postalCode!: string | null;
  @Field(() => Boolean, { description: 'The address checkout prefills; exactly one while any is saved.' }) isDefault!: boolean;
  @Field(() => Date) updatedAt!: Date;
}

@InputType({ description: 'A delivery address to save, checked as checkout checks its recipient (the postcode optional here).' })
export class SaveAddressInput {
  @Field(() => ID, { nullable: true, description: 'The address to update; none to add one.' }) id?: string | null;
  @Field(() => String) name!: string;
  @Field(() => String, { description: 'Mainland China mobile number (11 digits, 1[3-9]…).' }) phone!: string;
  @Field(() => String) province!: string;
  @Field(() => String) city!: string;
  @Field(() => String) district!: string;
  @Field(() => String) street!: string;
  @Field(() => String, { nullable: true, description: '6 digits, or none.' }) postalCode?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'true: it becomes the default. false or none: the default stays where it is (your first address is the default).' })
  isDefault?: boolean | null;
}
