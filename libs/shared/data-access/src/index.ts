export * from './lib/prisma.service';
export { SqlError } from './lib/sql-session';
export * from './lib/json-rows';
export * from './lib/data-access.module';
export * from './generated/prisma/client';
export * from './lib/redis-options';
export * from './lib/read-replica';
export * from './lib/read-scope';
export * from './lib/shop-window-channel';
