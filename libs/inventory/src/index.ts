export * from './lib/inventory.module';
export { StockService, type ReserveCommand } from './lib/application/stock.service';
export * from './lib/domain/inventory-error';
export * from './lib/domain/fulfilment-plan';
export * from './lib/sync';
