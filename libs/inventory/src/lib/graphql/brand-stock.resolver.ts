import { Args, Field, ID, InputType, Int, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, PageArgs, Roles, decodeCursor, pageSize, toPage, type Actor } from '@vitrine/shared/graphql';
import { BrandStockService } from '../application/brand-stock.service';
import { customsModeOf } from '../domain/fulfilment-plan';
import type { StockLevelRecord, StockLocationRecord } from '../infrastructure/stock.repository';
import { SetStockLevelInput, StockLevelPage, StockLevelType, StockLocationKindGql, StockLocationType } from './inventory.types';

@InputType()
export class CreateBrandStockLocationInput {
  @Field(() => ID, { nullable: true, description: 'Operators only: the brand; a brand partner’s own brand otherwise.' }) brandId?: string;
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
  @Field(() => StockLocationKindGql) kind!: StockLocationKindGql;
  @Field(() => Int, { nullable: true }) priority?: number;
}

@ObjectType('BrandFulfilledVariant', { description: 'A variant of a co-branded product the brand fulfils with its own stock.' })
export class BrandFulfilledVariantType {
  @Field(() => ID) variantId!: string;
  @Field(() => ID) productId!: string;
  @Field(() => ID, { description: 'The storefront (seller of record) the product is listed on.' }) museumId!: string;
  @Field(() => String) sku!: string;
}

const toLocation = (l: StockLocationRecord) => ({ ...l, customsMode: customsModeOf(l.kind) }) as StockLocationType;
const toLevel = (l: StockLevelRecord) => ({ ...l, available: l.onHand - l.reserved });

/**
 * A brand partner's own stock for the co-branded products it fulfils. Museum managers reach
 * the service too, so that a brand's location answers them NOT_FOUND like any other tenant's.
 */
@Roles('BRAND_PARTNER', 'MUSEUM_MANAGER', 'PLATFORM_ADMIN')
@Resolver()
export class BrandStockResolver {
  constructor(private readonly brandStock: BrandStockService) {}

  @Query(() => [StockLocationType], { description: 'Brand partner: its own stock locations (operators name the brand).' })
  async brandStockLocations(@CurrentActor() actor: Actor, @Args('brandId', { type: () => ID, nullable: true }) brandId?: string) {
    return (await this.brandStock.locations(actor, brandId ?? null)).map(toLocation);
  }

  @Mutation(() => StockLocationType, { description: 'Brand partner: a location its co-branded products ship from (its kind decides the customs mode).' })
  async createBrandStockLocation(@CurrentActor() actor: Actor, @Args('input') input: CreateBrandStockLocationInput) {
    return toLocation(await this.brandStock.createLocation(actor, input));
  }

  @Query(() => [BrandFulfilledVariantType], { description: 'Brand partner: the variants of the co-branded products it fulfils.' })
  brandFulfilledVariants(@CurrentActor() actor: Actor, @Args('brandId', { type: () => ID, nullable: true }) brandId?: string) {
    return this.brandStock.variants(actor, brandId ?? null);
  }

  @Query(() => StockLevelPage, { description: 'Brand partner: stock levels at one of its locations, by variant id.' })
  async brandStockLevels(@CurrentActor() actor: Actor, @Args('locationId', { type: () => ID }) locationId: string, @Args() page: PageArgs) {
    const take = pageSize(page.first);
    const after = decodeCursor(page.after, 1)?.[0] as string | undefined;
    const { rows, total } = await this.brandStock.levels(actor, locationId, take, after);
    return toPage(rows.map(toLevel), take, total, (l) => [l.variantId]);
  }

  @Mutation(() => StockLevelType, {
    description: 'Brand partner: sets on hand of one of its co-branded variants at one of its locations; refused below what orders hold (STOCK_BELOW_RESERVED).',
  })
  async setBrandStockLevel(@CurrentActor() actor: Actor, @Args('input') input: SetStockLevelInput) {
    return toLevel(await this.brandStock.setOnHand(actor, input));
  }
}
