export * from './lib/storefronts.module';
