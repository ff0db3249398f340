import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { LocalizedText, Paginated } from '@vitrine/shared/graphql';

export enum StockLocationKindGql {
  EU_WAREHOUSE = 'EU_WAREHOUSE',
  BONDED_WAREHOUSE_CN = 'BONDED_WAREHOUSE_CN',
}
registerEnumType(StockLocationKindGql, {
  name: 'StockLocationKind',
  description: 'EU_WAREHOUSE ships direct mail (customs 9610); BONDED_WAREHOUSE_CN ships bonded stock (customs 1210).',
});

@ObjectType('StockLocation')
export class StockLocationType {
  @Field(() => ID) id!: string;
  @Field(() => ID, { nullable: true, description: 'The museum that owns it; null for a brand partner’s location.' }) museumId!: string | null;
  @Field(() => ID, { nullable: true, description: 'The brand partner that owns it (stock of its co-branded products); null for a museum’s location.' }) brandId!: string | null;
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
  @Field(() => StockLocationKindGql) kind!: StockLocationKindGql;
  @Field(() => String, { description: '9610 or 1210, from the kind.' }) customsMode!: string;
  @Field(() => Int, { description: 'Lower is tried first when an order picks where it ships from.' }) priority!: number;
}

@ObjectType('StockLevel')
export class StockLevelType {
  @Field(() => ID) variantId!: string;
  @Field(() => ID) locationId!: string;
  @Field(() => Int) onHand!: number;
  @Field(() => Int, { description: 'Held for pending and paid orders not yet shipped.' }) reserved!: number;
  @Field(() => Int, { description: 'onHand − reserved.' }) available!: number;
  @Field(() => Date) updatedAt!: Date;
}
export const StockLevelPage = Paginated(StockLevelType, 'StockLevelPage');

@InputType()
export class CreateStockLocationInput {
  @Field(() => ID) museumId!: string;
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
  @Field(() => StockLocationKindGql) kind!: StockLocationKindGql;
  @Field(() => Int, { nullable: true }) priority?: number;
}

@InputType()
export class SetStockLevelInput {
  @Field(() => ID) locationId!: string;
  @Field(() => ID) variantId!: string;
  @Field(() => Int) onHand!: number;
  @Field(() => String, { nullable: true }) note?: string;
}

export enum StockMovementKindGql {
  RECEIPT = 'RECEIPT',
  ADJUSTMENT = 'ADJUSTMENT',
  RESERVE = 'RESERVE',
  RELEASE = 'RELEASE',
  COMMIT = 'COMMIT',
  SHIP = 'SHIP',
}
registerEnumType(StockMovementKindGql, { name: 'StockMovementKind', description: 'What changed a stock level.' });

@ObjectType('StockMovement', { description: 'One line of the stock ledger: Σ onHandDelta = onHand and Σ reservedDelta = reserved.' })
export class StockMovementType {
  @Field(() => ID) id!: string;
  @Field(() => ID) variantId!: string;
  @Field(() => ID) locationId!: string;
  @Field(() => StockMovementKindGql) kind!: StockMovementKindGql;
  @Field(() => Int) onHandDelta!: number;
  @Field(() => Int) reservedDelta!: number;
  @Field(() => String, { nullable: true, description: 'What caused it: an order id, a sync run, user:<id> for a count.' }) reference!: string | null;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field(() => Date) createdAt!: Date;
}
export const StockMovementPage = Paginated(StockMovementType, 'StockMovementPage');

@ObjectType('StockVariantLabel', { description: 'The catalogue’s names for a stocked variant.' })
export class StockVariantLabelType {
  @Field(() => String) sku!: string;
  @Field(() => ID) productId!: string;
  @Field(() => LocalizedText) productName!: LocalizedText;
}
