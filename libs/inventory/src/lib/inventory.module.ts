import { Module } from '@nestjs/common';
import { BrandStockService } from './application/brand-stock.service';
import { StockAdminService } from './application/stock-admin.service';
import { StockReportsService } from './application/stock-reports.service';
import { StockService } from './application/stock.service';
import { StockReturnsService } from './application/stock-returns.service';
import { InventoryResolver, StockLevelFieldsResolver } from './graphql/inventory.resolver';
import { BrandStockResolver } from './graphql/brand-stock.resolver';
import { BrandStockRepository } from './infrastructure/brand-stock.repository';
import { StockRepository } from './infrastructure/stock.repository';

@Module({
  providers: [StockRepository, StockService, StockReturnsService, StockAdminService, StockReportsService, InventoryResolver, StockLevelFieldsResolver, BrandStockRepository, BrandStockService, BrandStockResolver],
  exports: [StockService, StockReportsService, StockReturnsService],
})
export class InventoryModule {}
