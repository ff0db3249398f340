export * from './lib/domain-error';
export * from './lib/validate';
export * from './lib/money';
export * from './lib/decimal';
export * from './lib/pricing';
export * from './lib/localized-text';
export * from './lib/ids';
export * from './lib/source-marker';
