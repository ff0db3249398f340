import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('ShipmentEvent')
export class ShipmentEventType {
  @Field(() => String) eventId!: string;
  @Field(() => String, { description: 'PICKED_UP, IN_TRANSIT, ARRIVED, OUT_FOR_DELIVERY, DELIVERED or EXCEPTION.' }) status!: string;
  @Field(() => String) description!: string;
  @Field(() => String, { nullable: true }) location!: string | null;
  @Field(() => Date) occurredAt!: Date;
  @Field(() => Date) receivedAt!: Date;
}

@ObjectType('OrderParcel', { description: 'The parcel as its shopper follows it: the waybill, where the carrier has it, and its tracking.' })
export class OrderParcelType {
  @Field(() => String, { description: 'Customs code of the logistics company.' }) carrierCode!: string;
  @Field(() => String, { description: 'The waybill number (also in the CEB511 message), to follow the parcel on the carrier’s site.' }) logisticsNo!: string;
  @Field(() => String, { description: 'WAYBILL_ISSUED, BOOKED, IN_TRANSIT or DELIVERED.' }) status!: string;
  @Field(() => Date, { nullable: true }) bookedAt!: Date | null;
  @Field(() => Date, { nullable: true }) deliveredAt!: Date | null;
  @Field(() => [ShipmentEventType], { description: 'Tracking events, oldest first.' }) events!: ShipmentEventType[];
}

/** The parcel as its museum, the brand fulfilling it and operators see it: the shopper's view and the booking's workings. */
@ObjectType('Shipment', { description: 'The parcel with the logistics company: waybill, booking and tracking.' })
export class ShipmentType extends OrderParcelType {
  @Field(() => String, { nullable: true }) bookingRef!: string | null;
  @Field(() => Date) waybillIssuedAt!: Date;
  @Field(() => Int) bookingAttempts!: number;
  @Field(() => String, { nullable: true, description: 'Why the last booking attempt failed; cleared by a successful booking.' }) lastError!: string | null;
  @Field(() => Int, { description: 'Hand-overs asked for in the console (shipOrder).' }) handoverRequests!: number;
  @Field(() => Date, { nullable: true, description: 'When the last hand-over was asked for.' }) handoverRequestedAt!: Date | null;
}
