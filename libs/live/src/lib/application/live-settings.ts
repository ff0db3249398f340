import { parseEmbedRules, type EmbedRule } from '../domain/stream-player';

export interface LiveSettings {
  /** How often the stock of watched sessions' bags is read (one process per session reads it: a Redis lock). */
  stockPollMs: number;
  /** How long a process reuses a session's snapshot for viewers who connect (dropped at every event). */
  snapshotTtlMs: number;
  /** Partner players the shop embeds (LIVE_EMBED_PLATFORMS; domain/stream-player's defaults). */
  embedRules: EmbedRule[];
}

export const LIVE_SETTINGS = Symbol('LIVE_SETTINGS');

export function liveSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): LiveSettings {
  const int = (name: string, fallback: number, min: number) => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be an integer ≥ ${min}`);
    return n;
  };
  return { stockPollMs: int('LIVE_STOCK_POLL_MS', 500, 50), snapshotTtlMs: 1000, embedRules: parseEmbedRules(env['LIVE_EMBED_PLATFORMS']) };
}
