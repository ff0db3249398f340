import { Field, GraphQLISODateTime, ID, InputType, ObjectType } from '@nestjs/graphql';

@InputType()
export class SendGuestOrderCodeInput {
  @Field(() => String, { description: 'The order number (on the confirmation and the parcel).' }) orderNumber!: string;
  @Field(() => String, { description: 'The recipient’s mobile number given at checkout (+86 and spaces allowed).' }) phone!: string;
}

@ObjectType('GuestOrderCodeSent')
export class GuestOrderCodeSentType {
  @Field(() => String, { description: 'Where the code went: 138****5678.' }) phoneMasked!: string;
  @Field(() => GraphQLISODateTime, { description: 'The code works until then (GUEST_CODE_TTL_SECONDS).' }) expiresAt!: Date;
  @Field(() => GraphQLISODateTime, { description: 'No new code before then (GUEST_CODE_RESEND_SECONDS).' }) resendAfter!: Date;
}

@InputType()
export class VerifyGuestOrderCodeInput {
  @Field(() => String) orderNumber!: string;
  @Field(() => String) phone!: string;
  @Field(() => String, { description: 'The six digits of the text message.' }) code!: string;
}

@ObjectType('GuestOrderAccess')
export class GuestOrderAccessType {
  @Field(() => ID) orderId!: string;
  @Field(() => String, { description: 'Opens this order (guestOrder, requestGuestReturn) until expiresAt; keep it secret.' }) token!: string;
  @Field(() => GraphQLISODateTime) expiresAt!: Date;
}
