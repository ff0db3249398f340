export * from './lib/inventory.module';
export * from './lib/inventory-core.module';
export { StockService, outOfStockAtCommit, type HeldStock, type ReserveCommand } from './lib/application/stock.service';
export { StockReportsService } from './lib/application/stock-reports.service';
export { StockReturnsService, type ReturnedStock } from './lib/application/stock-returns.service';
export type { LowStockRecord, StockLevelRecord } from './lib/infrastructure/stock.repository';
// GraphQL types the API app links to (apps/api/src/app/links).
export { StockLevelType, StockMovementType } from './lib/graphql/inventory.types';
export { SOLD_OUT_MARK_MS } from './lib/infrastructure/stock.repository';
export * from './lib/domain/inventory-error';
export * from './lib/domain/fulfilment-plan';
export * from './lib/sync';
export { variantAvailableSql } from './lib/infrastructure/available-stock.sql';
// Read port: the relations other contexts may join in their own SQL (issue 19).
export { InventoryReadPort } from './lib/ports/inventory.read-port';
