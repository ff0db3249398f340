import { Field, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Paginated } from '@vitrine/shared/graphql';
import { ReturnPhotoInput } from './return-photos.types';

export enum ReturnReasonGql {
  CHANGED_MIND = 'CHANGED_MIND',
  DAMAGED = 'DAMAGED',
  WRONG_ITEM = 'WRONG_ITEM',
}
registerEnumType(ReturnReasonGql, { name: 'ReturnReason', description: 'DAMAGED and WRONG_ITEM are the seller’s fault: shipping is refunded too.' });

export enum ReturnStatusGql {
  REQUESTED = 'REQUESTED',
  REFUSED = 'REFUSED',
  ACCEPTED = 'ACCEPTED',
  INSPECTED = 'INSPECTED',
  REFUNDED = 'REFUNDED',
}
registerEnumType(ReturnStatusGql, { name: 'ReturnStatus' });

export enum ReturnCustomsStatusGql {
  NOT_DECLARED = 'NOT_DECLARED',
  DECLARED = 'DECLARED',
  ACCEPTED = 'ACCEPTED',
  REJECTED = 'REJECTED',
}
registerEnumType(ReturnCustomsStatusGql, { name: 'ReturnCustomsStatus' });

@ObjectType('ReturnLine')
export class ReturnLineType {
  @Field(() => ID) lineId!: string;
  @Field(() => Int) quantity!: number;
  @Field(() => Int, { nullable: true, description: 'Units the seller accepted at inspection (refunded).' }) acceptedQuantity!: number | null;
  @Field(() => Boolean, { nullable: true, description: 'Whether the accepted units went back on sale.' }) sellable!: boolean | null;
}

@ObjectType('ReturnEvent')
export class ReturnEventType {
  @Field(() => String, { description: 'REQUESTED, ACCEPTED, REFUSED, WAYBILL, INSPECTED, REFUNDED, REFUND_FAILED, CUSTOMS_ACCEPTED, LATE.' }) kind!: string;
  @Field(() => String, { description: 'What happened, in the reader’s language (history’s locale); people’s own words (comments, customs’ reason) as written.' }) detail!: string;
  @Field(() => String, { description: 'The step’s parameters as JSON (comment, reason, waybill, amountMinor, lines, deadline...), for clients that write their own text.' }) params!: string;
  @Field(() => GraphQLISODateTime) at!: Date;
}

@ObjectType('ReturnText', { description: 'A text (SMS) to a guest about a step of their return (a guest has no account for notices), and what the gateway answered.' })
export class ReturnTextType {
  @Field(() => String, { description: 'The step texted: ACCEPTED, REFUSED, WAYBILL, ARRIVED, RECEIVED, REFUNDED, REFUND_FAILED.' }) step!: string;
  @Field(() => String, { description: 'PENDING (not sent yet: the gateway refused, retried), SENDING (handed to the gateway, its answer not recorded yet: the next try asks the gateway by OutId before sending again), SENT, FAILED (refused at every try), UNDELIVERABLE (the order has no mobile number).' }) status!: string;
  @Field(() => String, { description: 'The language of its template (zh-CN, en, fr).' }) locale!: string;
  @Field(() => Int, { description: 'Calls made to the gateway.' }) attempts!: number;
  @Field(() => String, { nullable: true, description: 'The approved template it was sent with.' }) template!: string | null;
  @Field(() => String, { nullable: true, description: 'The gateway’s id of the message (Aliyun’s BizId), once sent.' }) messageId!: string | null;
  @Field(() => String, { nullable: true, description: 'The gateway’s id of the last call (RequestId), sent or refused.' }) requestId!: string | null;
  @Field(() => String, { nullable: true, description: 'Why the last try was not sent.' }) lastError!: string | null;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) sentAt!: Date | null;
}

export enum ShopperMessageChannelGql {
  SMS = 'SMS',
  NOTICE = 'NOTICE',
}
registerEnumType(ShopperMessageChannelGql, { name: 'ShopperMessageChannel', description: 'SMS: a text to the order’s phone (a guest’s return). NOTICE: a notice in the shopper’s account.' });

@ObjectType('ReturnShopperMessage', { description: 'A text (SMS) or notice sent to the shopper about a step of their return, as the seller sees it.' })
export class ReturnShopperMessageType {
  @Field(() => GraphQLISODateTime, { description: 'When the step wrote it.' }) at!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the gateway took the text (a notice: when written); null while not sent.' }) sentAt!: Date | null;
  @Field(() => String, { description: 'The return step: ACCEPTED, REFUSED, WAYBILL, ARRIVED, RECEIVED, REFUNDED, REFUND_FAILED, …' }) step!: string;
  @Field(() => ShopperMessageChannelGql) channel!: ShopperMessageChannelGql;
  @Field(() => String, { description: 'The shopper’s language, recorded at checkout (zh-CN, en, fr): the text’s template and the notice are in it.' }) locale!: string;
  @Field(() => String, { nullable: true, description: 'SMS: the phone it went to, masked (138****5678); null for a notice.' }) phoneMasked!: string | null;
  @Field(() => String, {
    description: 'SMS: PENDING (not sent yet, retried), SENDING (handed to the gateway, its answer not recorded yet), SENT, FAILED, UNDELIVERABLE. NOTICE: DELIVERED (in the shopper’s notices), READ.',
  })
  status!: string;
  @Field(() => String, { nullable: true, description: 'SMS: the approved template it was sent with.' }) template!: string | null;
  @Field(() => String, { description: 'A notice: its text in the shopper’s language. SMS: the template’s parameters (its wording is the approved template’s).' }) content!: string;
  @Field(() => Int, { description: 'SMS: calls made to the gateway (a notice: 1).' }) attempts!: number;
  @Field(() => String, { nullable: true, description: 'SMS: why the last try was not sent.' }) lastError!: string | null;
}

@ObjectType('OrderReturn')
export class ReturnType {
  @Field(() => ID) id!: string;
  @Field(() => ID) orderId!: string;
  @Field(() => ID) museumId!: string;
  @Field(() => ReturnReasonGql) reason!: ReturnReasonGql;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field(() => [String]) photoUrls!: string[];
  @Field(() => ReturnStatusGql) status!: ReturnStatusGql;
  @Field(() => [ReturnLineType]) lines!: ReturnLineType[];
  @Field(() => GraphQLISODateTime, { description: 'When customs released the order.' }) releasedAt!: Date;
  @Field(() => GraphQLISODateTime, { description: 'The goods must reach the original customs-supervised site by then (RETURN_ARRIVAL_DAYS after release).' }) arrivalDeadline!: Date;
  @Field(() => String, { nullable: true }) decisionComment!: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) decidedAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'The return waybill the carrier issued.' }) returnLogisticsNo!: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the parcel was back at the site: the carrier reported it arrived, or the seller marked it received. Inspection waits for it.' }) receivedAt!: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) inspectedAt!: Date | null;
  @Field(() => String, { nullable: true }) inspectionComment!: string | null;
  @Field(() => Boolean, { description: 'Not at the supervised site by the arrival deadline.' }) late!: boolean;
  @Field(() => ReturnCustomsStatusGql) customsStatus!: ReturnCustomsStatusGql;
  @Field(() => Int, { nullable: true, description: 'What the return refunded (minor units), once refunded.' }) refundAmount!: number | null;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => [ReturnEventType], { description: 'Every step of the return.' }) history!: ReturnEventType[];
}

export const ReturnPage = Paginated(ReturnType, 'ReturnPage');

@ObjectType('ShopperNotice')
export class ShopperNoticeType {
  @Field(() => ID) id!: string;
  @Field(() => ID, { nullable: true, description: 'The order it is about (null for a drop or back-in-stock notice).' }) orderId!: string | null;
  @Field(() => ID, { nullable: true, description: 'The drop it is about (DROP_OPEN, DROP_TURN, DROP_WON, DROP_TURN_EXPIRED, DROP_NOT_SELECTED).' }) dropId!: string | null;
  @Field(() => ID, { nullable: true, description: 'The variant it is about (BACK_IN_STOCK, drops).' }) variantId!: string | null;
  @Field(() => ID, { nullable: true }) returnId!: string | null;
  @Field(() => String) kind!: string;
  @Field(() => String) message!: string;
  @Field(() => GraphQLISODateTime) at!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the shopper marked it read (markNoticesRead); null while unread.' }) readAt!: Date | null;
}

@InputType()
export class ReturnLineInput {
  @Field(() => ID) lineId!: string;
  @Field(() => Int) quantity!: number;
}

@InputType()
export class RequestReturnInput {
  @Field(() => ID) orderId!: string;
  @Field(() => ReturnReasonGql) reason!: ReturnReasonGql;
  @Field(() => String, { nullable: true }) note?: string | null;
  @Field(() => [String], { nullable: true, description: 'Photos of the goods (http(s) URLs, at most 10).' }) photoUrls?: string[] | null;
  @Field(() => [ReturnPhotoInput], { nullable: true, description: 'Photos of the goods, uploaded: at most RETURN_PHOTO_MAX_COUNT, each a JPEG, PNG or WebP of at most RETURN_PHOTO_MAX_BYTES (TOO_MANY_RETURN_PHOTOS, RETURN_PHOTO_TOO_LARGE, RETURN_PHOTO_TYPE_NOT_ALLOWED).' })
  photos?: ReturnPhotoInput[] | null;
  @Field(() => [ReturnLineInput]) lines!: ReturnLineInput[];
}

@InputType()
export class InspectReturnLineInput {
  @Field(() => ID) lineId!: string;
  @Field(() => Int) acceptedQuantity!: number;
  @Field(() => Boolean, { description: 'Back on sale (true) or set aside (false).' }) sellable!: boolean;
}

@InputType()
export class InspectReturnInput {
  @Field(() => ID) returnId!: string;
  @Field(() => String, { nullable: true }) comment?: string | null;
  @Field(() => [InspectReturnLineInput]) lines!: InspectReturnLineInput[];
}
