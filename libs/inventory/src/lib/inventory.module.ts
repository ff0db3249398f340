import { Module } from '@nestjs/common';
import { StockAdminService } from './application/stock-admin.service';
import { StockService } from './application/stock.service';
import { InventoryResolver } from './graphql/inventory.resolver';
import { StockRepository } from './infrastructure/stock.repository';

@Module({
  providers: [StockRepository, StockService, StockAdminService, InventoryResolver],
  exports: [StockService],
})
export class InventoryModule {}
