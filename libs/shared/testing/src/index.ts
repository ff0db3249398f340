export * from './lib/test-database';
export * from './lib/factories';
export * from './lib/catalog-factories';
export * from './lib/redis-server';
export * from './lib/redis-cluster';
export * from './lib/redis-cleanup';
export { freeTcpPort, onFreshPorts, PortTaken } from './lib/redis-launch';
