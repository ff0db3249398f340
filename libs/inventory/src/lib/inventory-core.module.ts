import { Module } from '@nestjs/common';
import { BrandStockService } from './application/brand-stock.service';
import { StockAdminService } from './application/stock-admin.service';
import { StockReportsService } from './application/stock-reports.service';
import { StockReturnsService } from './application/stock-returns.service';
import { StockService } from './application/stock.service';
import { BrandStockRepository } from './infrastructure/brand-stock.repository';
import { StockRepository } from './infrastructure/stock.repository';

const services = [StockService, StockReportsService, StockReturnsService, StockAdminService, BrandStockService];

/** Stock's services and repositories, without GraphQL: what InventoryModule (apps/api) builds its resolvers on, and what the worker's modules import. */
@Module({
  providers: [StockRepository, BrandStockRepository, ...services],
  exports: services,
})
export class InventoryCoreModule {}
