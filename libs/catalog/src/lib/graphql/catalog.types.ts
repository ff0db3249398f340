import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { GraphQLJSON, Locale, LocalizedText, LocalizedTextInput, PageArgs, Paginated } from '@vitrine/shared/graphql';

export enum ProductStatusGql {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
  ARCHIVED = 'ARCHIVED',
}
registerEnumType(ProductStatusGql, { name: 'ProductStatus' });

export enum CrossBorderCategoryGql {
  GENERAL = 'GENERAL',
  COSMETICS = 'COSMETICS',
  JEWELLERY = 'JEWELLERY',
  BOOKS = 'BOOKS',
  APPAREL = 'APPAREL',
  HOMEWARE = 'HOMEWARE',
  STATIONERY = 'STATIONERY',
  TOYS = 'TOYS',
}
registerEnumType(CrossBorderCategoryGql, { name: 'CrossBorderCategory', description: 'The cross-border tax and rules family of a product.' });

export enum NetContentUnitGql {
  ML = 'ML',
  G = 'G',
  PIECE = 'PIECE',
}
registerEnumType(NetContentUnitGql, { name: 'NetContentUnit', description: 'Unit of a variant’s net content: millilitres, grams or pieces (sheet masks and the like).' });
const NET_CONTENT = 'Net content in whole units of netContentUnit (e.g. 75 for a 75 ml cream); with cosmetics it decides the consumption tax (high-end from 10 CNY per ml or g, 15 CNY per piece). Null: not given (a cosmetic is then taxed as high-end).';

export enum ProductSort {
  NEWEST = 'NEWEST',
  PRICE_ASC = 'PRICE_ASC',
  PRICE_DESC = 'PRICE_DESC',
  POPULARITY = 'POPULARITY',
}
registerEnumType(ProductSort, { name: 'ProductSort' });

export enum ManagedProductSort {
  NEWEST = 'NEWEST',
  UPDATED = 'UPDATED',
  NAME = 'NAME',
  PRICE_ASC = 'PRICE_ASC',
  PRICE_DESC = 'PRICE_DESC',
}
registerEnumType(ManagedProductSort, { name: 'ManagedProductSort' });

export enum ListingProblemCode {
  MISSING_ZH_NAME = 'MISSING_ZH_NAME',
  MISSING_ZH_DESCRIPTION = 'MISSING_ZH_DESCRIPTION',
  NO_VARIANTS = 'NO_VARIANTS',
  HS_CODE_NOT_ALLOWED = 'HS_CODE_NOT_ALLOWED',
}
registerEnumType(ListingProblemCode, { name: 'ListingProblemCode' });

@ObjectType('Money', { description: 'An amount in integer minor units (cents, fen) of a currency.' })
export class MoneyType {
  @Field(() => Int) amount!: number;
  @Field(() => String) currency!: string;
}

@ObjectType('FxRate')
export class FxRateType {
  @Field(() => ID) id!: string;
  @Field(() => String) base!: string;
  @Field(() => String) quote!: string;
  @Field(() => String, { description: 'Units of quote per unit of base, as an exact decimal.' }) rate!: string;
  @Field(() => String) source!: string;
  @Field(() => Date) effectiveAt!: Date;
}
export const FxRatePage = Paginated(FxRateType, 'FxRatePage');

@ObjectType('Media')
export class MediaType {
  @Field(() => ID) id!: string;
  @Field(() => String) url!: string;
  @Field(() => String) alt!: string;
  @Field(() => Int) position!: number;
}

@ObjectType('Variant')
export class VariantType {
  @Field(() => ID) id!: string;
  @Field(() => String) sku!: string;
  @Field(() => GraphQLJSON, { description: 'Option name to value, e.g. {"size": "M"}.' }) options!: Record<string, string>;
  @Field(() => MoneyType, { description: 'Shopper price in CNY.' }) price!: MoneyType;
  @Field(() => MoneyType, { description: 'Base price in EUR.' }) basePrice!: MoneyType;
  @Field(() => Int) weightGrams!: number;
  @Field(() => String) hsCode!: string;
  @Field(() => String) originCountry!: string;
  @Field(() => Int, { nullable: true, description: NET_CONTENT }) netContent!: number | null;
  @Field(() => NetContentUnitGql, { nullable: true }) netContentUnit!: NetContentUnitGql | null;
}

@ObjectType('Artwork', { description: 'A work of the museum’s collection that products are inspired by.' })
export class ArtworkType {
  @Field(() => ID) id!: string;
  @Field(() => String) accessionNumber!: string;
  @Field(() => String) title!: string;
  @Field(() => String, { description: 'The artist in the requested locale (then zh-CN, en, fr).' }) artist!: string;
  @Field(() => String) period!: string;
  @Field(() => String) creditLine!: string;
  @Field(() => String, { nullable: true }) imageUrl!: string | null;
}
export const ArtworkPage = Paginated(ArtworkType, 'ArtworkPage');

@ObjectType('Collection')
export class CollectionType {
  @Field(() => ID) id!: string;
  @Field(() => String) slug!: string;
  @Field(() => String) name!: string;
}

@ObjectType('Product', { description: 'A published product as a shopper sees it, in the requested locale.' })
export class ProductType {
  @Field(() => ID) id!: string;
  @Field(() => ID) museumId!: string;
  @Field(() => String) name!: string;
  @Field(() => String) description!: string;
  @Field(() => String) category!: string;
  @Field(() => CrossBorderCategoryGql) crossBorderCategory!: CrossBorderCategoryGql;
  @Field(() => Date, { nullable: true }) publishedAt!: Date | null;
  /**
   * Set by the shop window's queries with the product (no resolver call per product and field,
   * issue 18); without an FX rate, the prices are getters that throw, as their resolvers did.
   */
  @Field(() => MoneyType, { description: 'Lowest variant price, in CNY.' }) priceFrom!: MoneyType;
  @Field(() => [VariantType]) variants!: VariantType[];
  @Field(() => [MediaType]) media!: MediaType[];
  /** Not fields: what the field resolvers need. */
  minPriceEurCents!: number;
  locale!: Locale;
}
export const ProductPage = Paginated(ProductType, 'ProductPage');

@InputType()
export class ProductFilter {
  @Field(() => String, { nullable: true }) storefrontSlug?: string;
  @Field(() => ID, { nullable: true }) collectionId?: string;
  @Field(() => ID, { nullable: true }) artworkId?: string;
  @Field(() => String, { nullable: true }) category?: string;
  @Field(() => Int, { nullable: true, description: 'Lowest shopper price in CNY minor units (fen).' }) minPriceCny?: number;
  @Field(() => Int, { nullable: true, description: 'Highest shopper price in CNY minor units (fen).' }) maxPriceCny?: number;
  @Field(() => String, { nullable: true, description: 'Words in zh-CN, English or French; each must appear.' }) search?: string;
  @Field(() => Boolean, {
    nullable: true,
    description: 'true: only products with a variant available now (on hand − reserved at some location, as Product.inStock), filtered in the list’s query so pages and totalCount hold only those.',
  })
  inStock?: boolean;
}

@ArgsType()
export class ProductsArgs extends PageArgs {
  @Field(() => Locale, { nullable: true }) locale?: Locale;
  @Field(() => ProductFilter, { nullable: true }) filter?: ProductFilter;
  @Field(() => ProductSort, { nullable: true, defaultValue: ProductSort.NEWEST }) sort!: ProductSort;
}

// ---- back office ----

@ObjectType('ListingProblem', { description: 'Why a product cannot be listed for China yet.' })
export class ListingProblemType {
  @Field(() => ListingProblemCode) code!: ListingProblemCode;
  @Field(() => String, { description: 'Where in the product, e.g. variants.0.hsCode.' }) path!: string;
  @Field(() => String) message!: string;
}

@ObjectType('ManagedVariant')
export class ManagedVariantType {
  @Field(() => ID) id!: string;
  @Field(() => String) sku!: string;
  @Field(() => GraphQLJSON) options!: Record<string, string>;
  @Field(() => Int, { description: 'EUR minor units.' }) priceMinor!: number;
  @Field(() => MoneyType) basePrice!: MoneyType;
  @Field(() => Int) weightGrams!: number;
  @Field(() => String) hsCode!: string;
  @Field(() => String) originCountry!: string;
  @Field(() => Int, { nullable: true, description: NET_CONTENT }) netContent!: number | null;
  @Field(() => NetContentUnitGql, { nullable: true }) netContentUnit!: NetContentUnitGql | null;
  /** Not a field: its product's cross-border category, for the tax estimate linked in apps/api. */
  crossBorderCategory?: string;
}

@ObjectType('ManagedArtwork')
export class ManagedArtworkType {
  @Field(() => ID) id!: string;
  @Field(() => ID) museumId!: string;
  @Field(() => String) accessionNumber!: string;
  @Field(() => LocalizedText) title!: LocalizedText;
  @Field(() => String, { description: 'The artist as the museum credits them.' }) artist!: string;
  @Field(() => LocalizedText, { description: 'The artist per locale (fr: the museum’s credit unless given).' }) artistName!: LocalizedText;
  @Field(() => String, { description: 'The date as the museum writes it.' }) period!: string;
  @Field(() => LocalizedText, { description: 'The date per locale (fr: the museum’s own unless given): 约1503–1519年 for zhCN, c. 1503–1519 for en.' }) periodName!: LocalizedText;
  @Field(() => String) creditLine!: string;
  @Field(() => String, { nullable: true }) imageUrl!: string | null;
  @Field(() => Boolean, { description: 'Offered to brands for licensing.' }) licensable!: boolean;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date) updatedAt!: Date;
}
export const ManagedArtworkPage = Paginated(ManagedArtworkType, 'ManagedArtworkPage');

@ObjectType('ManagedCollection')
export class ManagedCollectionType {
  @Field(() => ID) id!: string;
  @Field(() => ID) museumId!: string;
  @Field(() => String) slug!: string;
  @Field(() => LocalizedText) name!: LocalizedText;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date) updatedAt!: Date;
}
export const ManagedCollectionPage = Paginated(ManagedCollectionType, 'ManagedCollectionPage');

@ObjectType('ManagedProduct', { description: 'A product in its museum’s back office, every locale side by side.' })
export class ManagedProductType {
  @Field(() => ID) id!: string;
  @Field(() => ID) museumId!: string;
  @Field(() => ProductStatusGql) status!: ProductStatusGql;
  @Field(() => String) category!: string;
  @Field(() => CrossBorderCategoryGql) crossBorderCategory!: CrossBorderCategoryGql;
  @Field(() => LocalizedText) name!: LocalizedText;
  @Field(() => LocalizedText) description!: LocalizedText;
  @Field(() => Int, { description: 'Popularity score used by the shopper sort.' }) popularity!: number;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date) updatedAt!: Date;
  @Field(() => Date, { nullable: true }) publishedAt!: Date | null;
  /** Not fields: what the listing check needs. */
  nameZh!: string;
  descriptionZh!: string;
}
export const ManagedProductPage = Paginated(ManagedProductType, 'ManagedProductPage');

@ObjectType('BulkFailure')
export class BulkFailureType {
  @Field(() => ID) id!: string;
  @Field(() => String) code!: string;
  @Field(() => String) message!: string;
}

@ObjectType('BulkResult')
export class BulkResultType {
  @Field(() => [ID]) updated!: string[];
  @Field(() => [BulkFailureType]) failed!: BulkFailureType[];
}

@InputType()
export class ManagedProductFilter {
  @Field(() => ProductStatusGql, { nullable: true }) status?: ProductStatusGql;
  @Field(() => String, { nullable: true }) search?: string;
  @Field(() => ID, { nullable: true }) collectionId?: string;
  @Field(() => ID, { nullable: true }) artworkId?: string;
  @Field(() => String, { nullable: true }) category?: string;
}

@ArgsType()
export class ManagedProductsArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'One museum; all the caller manages when absent.' }) museumId?: string;
  @Field(() => ManagedProductFilter, { nullable: true }) filter?: ManagedProductFilter;
  @Field(() => ManagedProductSort, { nullable: true, defaultValue: ManagedProductSort.NEWEST }) sort!: ManagedProductSort;
}

@InputType()
export class VariantInput {
  @Field(() => ID, { nullable: true, description: 'An existing variant of this product; else matched by SKU, else new.' }) id?: string;
  @Field(() => String) sku!: string;
  @Field(() => GraphQLJSON, { nullable: true }) options?: Record<string, string>;
  @Field(() => Int, { description: 'EUR minor units.' }) priceMinor!: number;
  @Field(() => Int) weightGrams!: number;
  @Field(() => String) hsCode!: string;
  @Field(() => String, { description: 'ISO 3166 alpha-2' }) originCountry!: string;
  @Field(() => Int, { nullable: true, description: `${NET_CONTENT} Given with netContentUnit or not at all (VALIDATION_FAILED).` }) netContent?: number | null;
  @Field(() => NetContentUnitGql, { nullable: true }) netContentUnit?: NetContentUnitGql | null;
}

@InputType()
export class MediaInput {
  @Field(() => String) url!: string;
  @Field(() => String, { nullable: true }) alt?: string;
}

@InputType()
export class CreateProductInput {
  @Field(() => ID) museumId!: string;
  @Field(() => String) category!: string;
  @Field(() => CrossBorderCategoryGql, { nullable: true }) crossBorderCategory?: CrossBorderCategoryGql;
  @Field(() => LocalizedTextInput) name!: LocalizedTextInput;
  @Field(() => LocalizedTextInput, { nullable: true }) description?: LocalizedTextInput;
  @Field(() => [VariantInput], { nullable: true }) variants?: VariantInput[];
  @Field(() => [MediaInput], { nullable: true }) media?: MediaInput[];
  @Field(() => [ID], { nullable: true }) artworkIds?: string[];
  @Field(() => [ID], { nullable: true }) collectionIds?: string[];
}

@InputType({ description: 'Absent fields are kept; a list given replaces the whole list.' })
export class UpdateProductInput {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true }) category?: string;
  @Field(() => CrossBorderCategoryGql, { nullable: true }) crossBorderCategory?: CrossBorderCategoryGql;
  @Field(() => LocalizedTextInput, { nullable: true }) name?: LocalizedTextInput;
  @Field(() => LocalizedTextInput, { nullable: true }) description?: LocalizedTextInput;
  @Field(() => [VariantInput], { nullable: true }) variants?: VariantInput[];
  @Field(() => [MediaInput], { nullable: true }) media?: MediaInput[];
  @Field(() => [ID], { nullable: true }) artworkIds?: string[];
  @Field(() => [ID], { nullable: true }) collectionIds?: string[];
}

@InputType()
export class CreateArtworkInput {
  @Field(() => ID) museumId!: string;
  @Field(() => String) accessionNumber!: string;
  @Field(() => LocalizedTextInput) title!: LocalizedTextInput;
  @Field(() => String, { nullable: true }) artist?: string;
  @Field(() => LocalizedTextInput, { nullable: true, description: 'The artist per locale: 达·芬奇 for zhCN.' }) artistName?: LocalizedTextInput;
  @Field(() => String, { nullable: true }) period?: string;
  @Field(() => LocalizedTextInput, { nullable: true, description: 'The date per locale: 约1503–1519年 for zhCN, c. 1503–1519 for en.' }) periodName?: LocalizedTextInput;
  @Field(() => String, { nullable: true }) creditLine?: string;
  @Field(() => String, { nullable: true }) imageUrl?: string;
  @Field(() => Boolean, { nullable: true }) licensable?: boolean;
}

@InputType()
export class UpdateArtworkInput {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true }) accessionNumber?: string;
  @Field(() => LocalizedTextInput, { nullable: true }) title?: LocalizedTextInput;
  @Field(() => String, { nullable: true }) artist?: string;
  @Field(() => LocalizedTextInput, { nullable: true, description: 'The artist per locale: 达·芬奇 for zhCN.' }) artistName?: LocalizedTextInput;
  @Field(() => String, { nullable: true }) period?: string;
  @Field(() => LocalizedTextInput, { nullable: true, description: 'The date per locale: 约1503–1519年 for zhCN, c. 1503–1519 for en.' }) periodName?: LocalizedTextInput;
  @Field(() => String, { nullable: true }) creditLine?: string;
  @Field(() => String, { nullable: true }) imageUrl?: string;
  @Field(() => Boolean, { nullable: true }) licensable?: boolean;
}

@InputType()
export class CreateCollectionInput {
  @Field(() => ID) museumId!: string;
  @Field(() => String) slug!: string;
  @Field(() => LocalizedTextInput) name!: LocalizedTextInput;
  @Field(() => [ID], { nullable: true, description: 'Products in display order.' }) productIds?: string[];
}

@InputType()
export class UpdateCollectionInput {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true }) slug?: string;
  @Field(() => LocalizedTextInput, { nullable: true }) name?: LocalizedTextInput;
  @Field(() => [ID], { nullable: true, description: 'Replaces the products, in display order.' }) productIds?: string[];
}

@InputType()
export class SetFxRateInput {
  @Field(() => String, { defaultValue: 'EUR' }) base!: string;
  @Field(() => String, { defaultValue: 'CNY' }) quote!: string;
  @Field(() => String, { description: 'A positive decimal, e.g. "7.8123".' }) rate!: string;
  @Field(() => String) source!: string;
  @Field(() => Date, { nullable: true, description: 'Defaults to now.' }) effectiveAt?: Date;
}

@ObjectType('PositiveListEntry', { description: 'An HS heading or tariff line that may be sold cross-border to China.' })
export class PositiveListEntryType {
  @Field(() => String) hsPrefix!: string;
  @Field(() => String) description!: string;
}

@ObjectType('SearchSynonymGroup', { description: 'Words shoppers use for the same thing: a search for one finds the others.' })
export class SearchSynonymGroupType {
  @Field(() => ID) id!: string;
  @Field(() => [String], { description: 'Normalized: lower case, without accents.' }) terms!: string[];
  @Field(() => Date) updatedAt!: Date;
}

@InputType()
export class SearchSynonymGroupInput {
  @Field(() => ID, { nullable: true, description: 'The group to replace; a new group without it.' }) id?: string;
  @Field(() => [String], { description: 'At least two distinct terms, e.g. ["丝巾", "围巾", "scarf", "foulard"].' }) terms!: string[];
}

@InputType()
export class PositiveListEntryInput {
  @Field(() => String) hsPrefix!: string;
  @Field(() => String) description!: string;
}
