export * from './lib/customs.module';
export * from './lib/domain/customs-error';
export * from './lib/domain/resident-id';
export * from './lib/domain/cross-border-rules';
export * from './lib/domain/cross-border-tax';
export * from './lib/domain/allocation';
export * from './lib/domain/limits';
export * from './lib/domain/dutiable-value';
export { IdentityRecordsService, type IdentityRecord } from './lib/application/identity-records.service';
export type { PiiAccess } from './lib/infrastructure/pii-access-audit';
export { PiiKeyRotationService, type ReencryptReport } from './lib/application/pii-key-rotation.service';
export * from './lib/declarations';
export * from './lib/retention';
// Read port: the relations other contexts may join in their own SQL (issue 19).
export { CustomsReadPort } from './lib/ports/customs.read-port';
export { PrivacyWritePort, type AccountDeletionRequest } from './lib/ports/privacy.write-port';
// What customs reads of the orders placed under an identity, bound by libs/orders (issue 19).
export { IdentityOrdersSource } from './lib/ports/identity-orders.source';
// What contexts above customs erase with a closed account (saved addresses), bound by their owner.
export { ShopperPersonalData } from './lib/ports/shopper-personal-data.port';
