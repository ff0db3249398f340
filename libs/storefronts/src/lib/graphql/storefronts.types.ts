import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { LocalizedText, LocalizedTextInput, Paginated, type Locale } from '@vitrine/shared/graphql';

export enum StorefrontStatusGql {
  DRAFT = 'DRAFT',
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
}
registerEnumType(StorefrontStatusGql, { name: 'StorefrontStatus', description: 'Only OPEN storefronts are visible to shoppers.' });

@ObjectType('Storefront', { description: 'A museum’s shop as a shopper sees it, in the requested locale.' })
export class StorefrontType {
  @Field(() => ID) id!: string;
  @Field(() => String) slug!: string;
  @Field(() => ID) museumId!: string;
  @Field(() => String) name!: string;
  @Field(() => String) story!: string;
  @Field(() => String, { nullable: true }) bannerUrl!: string | null;
  @Field(() => StorefrontStatusGql) status!: StorefrontStatusGql;
  /** Not fields: for the linked collection fields. */
  featuredCollectionIds!: string[];
  locale!: Locale;
}
export const StorefrontPage = Paginated(StorefrontType, 'StorefrontPage');

@ObjectType('ManagedStorefront', { description: 'A storefront in its museum’s back office, every locale side by side.' })
export class ManagedStorefrontType {
  @Field(() => ID) id!: string;
  @Field(() => ID) museumId!: string;
  @Field(() => String) slug!: string;
  @Field(() => StorefrontStatusGql) status!: StorefrontStatusGql;
  @Field(() => LocalizedText) name!: LocalizedText;
  @Field(() => LocalizedText) story!: LocalizedText;
  @Field(() => String, { nullable: true }) bannerUrl!: string | null;
  @Field(() => [ID], { description: 'Featured collections, in display order.' }) featuredCollectionIds!: string[];
  @Field(() => Boolean, { description: 'True: a parcel is booked with the carrier as soon as customs clears it. False: it waits for the museum to hand it over (shipOrder).' })
  autoBookCarrier!: boolean;
  @Field(() => String, { nullable: true, description: 'The museum’s China customs registration code (10 characters), the seller (ebcCode) of its declarations; null: it may not sell to China.' })
  customsCode!: string | null;
  @Field(() => String, { nullable: true, description: 'The museum’s name as registered with China customs (ebcName).' })
  customsName!: string | null;
  @Field(() => Date) updatedAt!: Date;
}

@ObjectType('ManagedMuseum')
export class ManagedMuseumType {
  @Field(() => ID) id!: string;
  @Field(() => String) slug!: string;
  @Field(() => String) legalName!: string;
  @Field(() => String, { description: 'ISO 3166 alpha-2' }) country!: string;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date) updatedAt!: Date;
}
export const MuseumPage = Paginated(ManagedMuseumType, 'MuseumPage');

@InputType()
export class CreateMuseumInput {
  @Field(() => String) slug!: string;
  @Field(() => String) legalName!: string;
  @Field(() => String, { description: 'ISO 3166 alpha-2' }) country!: string;
  @Field(() => LocalizedTextInput, { description: 'The storefront’s name.' }) name!: LocalizedTextInput;
}

@InputType()
export class UpdateMuseumInput {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true }) legalName?: string;
  @Field(() => String, { nullable: true }) country?: string;
}

@InputType({ description: 'Absent fields are kept; OPEN needs a zh-CN name.' })
export class UpdateStorefrontInput {
  @Field(() => ID) museumId!: string;
  @Field(() => LocalizedTextInput, { nullable: true }) name?: LocalizedTextInput;
  @Field(() => LocalizedTextInput, { nullable: true }) story?: LocalizedTextInput;
  @Field(() => String, { nullable: true }) bannerUrl?: string | null;
  @Field(() => [ID], { nullable: true }) featuredCollectionIds?: string[];
  @Field(() => StorefrontStatusGql, { nullable: true }) status?: StorefrontStatusGql;
  @Field(() => Boolean, { nullable: true, description: 'Book cleared parcels with the carrier at once (true) or wait for shipOrder (false).' })
  autoBookCarrier?: boolean;
  @Field(() => String, { nullable: true, description: 'China customs registration code, 10 characters (digits and capital letters); null removes it. Needs customsName.' })
  customsCode?: string | null;
  @Field(() => String, { nullable: true, description: 'Name registered with China customs.' })
  customsName?: string | null;
}
