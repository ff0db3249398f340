import { ArgsType, Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PageArgs, Paginated } from '@vitrine/shared/graphql';

export enum CustomsDocumentGql {
  ORDER = 'ORDER',
  PAYMENT = 'PAYMENT',
  WAYBILL = 'WAYBILL',
  INVENTORY = 'INVENTORY',
  RETURN = 'RETURN',
}
registerEnumType(CustomsDocumentGql, {
  name: 'CustomsDocument',
  description:
    'ORDER (CEB311, from the e-commerce enterprise), PAYMENT (CEB411, from the payment company), WAYBILL (CEB511, from the logistics company), which customs matches; INVENTORY (the declaration list, CEB621), which customs releases or holds; RETURN (a return declaration, CEB625).',
});

export enum CustomsMessageStatusGql {
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  REJECTED = 'REJECTED',
  CLEARED = 'CLEARED',
  HELD = 'HELD',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(CustomsMessageStatusGql, { name: 'CustomsMessageStatus', valuesMap: { WITHDRAWN: { description: 'Withdrawn by the platform after a refund (CEB311 appType 3).' } } });

@ObjectType('CustomsAmendment', { description: 'An amendment (appType 2, 变更) of a declared document, sent when units were refunded while customs had the order: what it declared and what came of it.' })
export class CustomsAmendmentType {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'PENDING, ACCEPTED or REJECTED.' }) status!: string;
  @Field(() => String, { description: 'The entry as sent (for the payment record, the request to the payment company), the resident ID number masked.' }) xml!: string;
  @Field(() => String, { nullable: true, description: 'The answer’s returnInfo (a refusal’s reason).' }) returnInfo!: string | null;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date, { nullable: true }) answeredAt!: Date | null;
}

@ObjectType('CustomsReceipt', { description: 'A return customs sent about a message (回执).' })
export class CustomsReceiptType {
  @Field(() => ID) id!: string;
  @Field(() => CustomsMessageStatusGql, { nullable: true, description: 'What it changed the message to; null when only informational.' }) status!: CustomsMessageStatusGql | null;
  @Field(() => String, { description: 'Customs returnStatus code, e.g. 120 accepted, 100 refused, 800 released, 500 held.' }) returnStatus!: string;
  @Field(() => String, { description: 'Customs returnInfo: the reason of a refusal or hold.' }) returnInfo!: string;
  @Field(() => String, { description: 'Customs time, YYYYMMDDhhmmssSSS (China time).' }) returnTime!: string;
  @Field(() => Date) receivedAt!: Date;
}

@ObjectType('CustomsTransmission', { description: 'One attempt to send a message: the signed envelope that carried it.' })
export class CustomsTransmissionType {
  @Field(() => ID) id!: string;
  @Field(() => Int, { description: 'Entries (orders) in the envelope.' }) entries!: number;
  @Field(() => Date) sentAt!: Date;
  @Field(() => Date) finishedAt!: Date;
  @Field(() => String, { description: 'ACKNOWLEDGED, TIMEOUT, NETWORK_ERROR, UNREADABLE_ANSWER or HTTP_<status>.' }) outcome!: string;
  @Field(() => String, { nullable: true }) error!: string | null;
}

@ObjectType('CustomsMessage', { description: 'One customs document of one order, as sent (ID number masked), with its receipts and attempts.' })
export class CustomsMessageType {
  @Field(() => ID) id!: string;
  @Field(() => ID) orderId!: string;
  @Field(() => ID) museumId!: string;
  @Field(() => String) orderNo!: string;
  @Field(() => CustomsDocumentGql) document!: CustomsDocumentGql;
  @Field(() => String, { description: 'CEB311, CEB411 or CEB511.' }) messageType!: string;
  @Field(() => String, { description: 'Customs code of the enterprise the document comes from.' }) senderCode!: string;
  @Field(() => String, { description: 'orderNo, payTransactionId or logisticsNo.' }) businessNo!: string;
  @Field(() => CustomsMessageStatusGql) status!: CustomsMessageStatusGql;
  @Field(() => String, { nullable: true, description: 'A declaration list (INVENTORY): its pre-entry number (预录入编号) from customs’ receipt (CEB622); null until given.' }) preNo!: string | null;
  @Field(() => String, { nullable: true, description: 'A declaration list (INVENTORY): customs’ list number (清单编号) from its receipt (CEB622), once released; null until then.' }) invtNo!: string | null;
  @Field(() => String, { description: 'The entry as sent, with the resident ID number masked.' }) xml!: string;
  @Field(() => Int) attempts!: number;
  @Field(() => Date, { nullable: true }) firstSentAt!: Date | null;
  @Field(() => Date, { nullable: true }) lastSentAt!: Date | null;
  @Field(() => String, { nullable: true }) lastError!: string | null;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date) updatedAt!: Date;
}
export const CustomsMessagePage = Paginated(CustomsMessageType, 'CustomsMessagePage');

@ArgsType()
export class CustomsMessagesArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'One museum (a manager sees only museums they manage).' }) museumId?: string;
  @Field(() => ID, { nullable: true }) orderId?: string;
  @Field(() => CustomsMessageStatusGql, { nullable: true }) status?: CustomsMessageStatusGql;
}
