import { Module } from '@nestjs/common';
import { BrandStockResolver } from './graphql/brand-stock.resolver';
import { InventoryResolver, StockLevelFieldsResolver } from './graphql/inventory.resolver';
import { InventoryCoreModule } from './inventory-core.module';

/** Stock in the API: its GraphQL resolvers over InventoryCoreModule (which it exports). */
@Module({
  imports: [InventoryCoreModule],
  providers: [InventoryResolver, StockLevelFieldsResolver, BrandStockResolver],
  exports: [InventoryCoreModule],
})
export class InventoryModule {}
