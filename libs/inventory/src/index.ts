export * from './lib/inventory.module';
export { StockService, outOfStockAtCommit, type ReserveCommand } from './lib/application/stock.service';
export { StockReportsService } from './lib/application/stock-reports.service';
export type { LowStockRecord } from './lib/infrastructure/stock.repository';
export { SOLD_OUT_MARK_MS } from './lib/infrastructure/stock.repository';
export * from './lib/domain/inventory-error';
export * from './lib/domain/fulfilment-plan';
export * from './lib/sync';
