export * from './lib/live.module';
export { LiveEventsHub } from './lib/application/live-events.hub';
export { LiveError, LiveErrorCode } from './lib/domain/live-error';
export type { LiveEvent, LiveState } from './lib/domain/live-events';
