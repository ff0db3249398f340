import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { LocalizedText } from '@vitrine/shared/graphql';
import { OrderStatusGql } from './orders.types';

@ObjectType('SalesFigures', { description: 'Paid, not refunded orders; CNY in fen, EUR in cents.' })
export class SalesFiguresType {
  @Field(() => Int) orders!: number;
  @Field(() => Int, { description: 'What shoppers paid: goods, shipping and tax.' }) totalCny!: number;
  @Field(() => Int) goodsCny!: number;
  @Field(() => Int, { description: 'totalCny converted back at each order’s snapshotted rate and margin.' }) totalEur!: number;
  @Field(() => Int, { description: 'The goods at the catalogue’s EUR base prices snapshotted on the lines.' }) goodsEur!: number;
}

@ObjectType('DailySales')
export class DailySalesType extends SalesFiguresType {
  @Field(() => String, { description: 'Local calendar day, YYYY-MM-DD.' }) day!: string;
}

@ObjectType('MonthSales')
export class MonthSalesType extends SalesFiguresType {
  @Field(() => String, { description: 'Local calendar month, YYYY-MM.' }) month!: string;
}

@ObjectType('OrderStatusCount')
export class OrderStatusCountType {
  @Field(() => OrderStatusGql) status!: OrderStatusGql;
  @Field(() => Int) count!: number;
}

@ObjectType('LowStockLevel', { description: 'A variant at a location with fewer available units than the threshold.' })
export class LowStockLevelType {
  @Field(() => ID) variantId!: string;
  @Field(() => ID) locationId!: string;
  @Field(() => String) locationCode!: string;
  @Field(() => ID) museumId!: string;
  @Field(() => String) sku!: string;
  @Field(() => ID) productId!: string;
  @Field(() => LocalizedText) productName!: LocalizedText;
  @Field(() => Int) onHand!: number;
  @Field(() => Int) reserved!: number;
  @Field(() => Int) available!: number;
}

@ObjectType('LowStock')
export class LowStockType {
  @Field(() => Int) threshold!: number;
  @Field(() => Int, { description: 'How many levels are below the threshold.' }) totalCount!: number;
  @Field(() => [LowStockLevelType], { description: 'The lowest first, at most lowStockFirst of them.' }) levels!: LowStockLevelType[];
}

@ObjectType('MuseumDashboard', { description: 'Aggregates for a museum manager (or all their museums).' })
export class MuseumDashboardType {
  @Field(() => String, { description: 'The time zone days and months are counted in.' }) timeZone!: string;
  @Field(() => DailySalesType) today!: DailySalesType;
  @Field(() => MonthSalesType) month!: MonthSalesType;
  @Field(() => [DailySalesType], { description: 'The last 30 days, oldest first, days without sales included.' }) daily!: DailySalesType[];
  @Field(() => [OrderStatusCountType], { description: 'Every state, in the order of the state machine.' }) ordersByStatus!: OrderStatusCountType[];
  @Field(() => Int) heldAtCustoms!: number;
  @Field(() => LowStockType) lowStock!: LowStockType;
}
