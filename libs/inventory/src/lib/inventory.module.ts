import { Module } from '@nestjs/common';
import { StockAdminService } from './application/stock-admin.service';
import { StockReportsService } from './application/stock-reports.service';
import { StockService } from './application/stock.service';
import { InventoryResolver, StockLevelFieldsResolver } from './graphql/inventory.resolver';
import { StockRepository } from './infrastructure/stock.repository';

@Module({
  providers: [StockRepository, StockService, StockAdminService, StockReportsService, InventoryResolver, StockLevelFieldsResolver],
  exports: [StockService, StockReportsService],
})
export class InventoryModule {}
