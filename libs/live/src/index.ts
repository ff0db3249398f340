export * from './lib/live.module';
export { LiveEventsHub } from './lib/application/live-events.hub';
export { LiveError, LiveErrorCode } from './lib/domain/live-error';
export type { LiveEvent, LiveState } from './lib/domain/live-events';
export { DEFAULT_EMBED_RULES, embedOrigins, parseEmbedRules, classifyStreamUrl } from './lib/domain/stream-player';
export type { EmbedRule, StreamPlayer } from './lib/domain/stream-player';
