export * from './lib/customs.module';
export * from './lib/domain/customs-error';
export * from './lib/domain/resident-id';
export * from './lib/domain/cross-border-rules';
export * from './lib/domain/cross-border-tax';
export * from './lib/domain/allocation';
export * from './lib/domain/limits';
export { IdentityRecordsService, type IdentityRecord } from './lib/application/identity-records.service';
export * from './lib/declarations';
