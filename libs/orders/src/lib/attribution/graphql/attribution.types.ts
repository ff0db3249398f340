import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { AttributionChannel } from '../domain/attribution';

export enum AttributionChannelGql {
  SHELF_QR = 'SHELF_QR',
  ARTICLE = 'ARTICLE',
  LIVESTREAM = 'LIVESTREAM',
  SHARE = 'SHARE',
  SEARCH = 'SEARCH',
  DIRECT = 'DIRECT',
}
registerEnumType(AttributionChannelGql, {
  name: 'AttributionChannel',
  description: 'Where an order came from: a shelf label’s QR code in the museum’s shop, an article, a livestream, a short link a shopper shared, the shop’s search results, or directly (no source marker).',
});

@ObjectType('OrderAttribution')
export class OrderAttributionType {
  @Field(() => AttributionChannelGql) channel!: AttributionChannel;
  @Field(() => String, { nullable: true, description: 'What the source marker named after its channel (a shelf label’s museum, the article, the stream); null for DIRECT.' })
  ref!: string | null;
}
