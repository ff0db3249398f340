/** Settings of warehouse sync and stock webhooks, from the environment. */
export interface SyncConfig {
  /** How long a feed URL may take to answer (WAREHOUSE_FEED_TIMEOUT_MS). */
  fetchTimeoutMs: number;
  /** Largest feed document read (WAREHOUSE_FEED_MAX_BYTES; an upload through GraphQL is also bounded by the API's body limit). */
  maxFeedBytes: number;
  /** Feed and webhook URLs may point at private or loopback addresses (WAREHOUSE_FEED_ALLOW_PRIVATE; default only outside production). */
  allowPrivateUrls: boolean;
  /** Shortest schedule a manager may set (WAREHOUSE_FEED_MIN_MINUTES). */
  minEveryMinutes: number;
  /** How often due feeds are looked for (WAREHOUSE_FEED_SCAN_MS). */
  scanEveryMs: number;
  /** Rows reconciled per transaction (locks stay short for checkouts). */
  chunkSize: number;
  /** How often marketplace stock changes are collected for webhooks (STOCK_WEBHOOK_COLLECT_MS). */
  collectEveryMs: number;
  /** How long a museum's endpoint may take (STOCK_WEBHOOK_TIMEOUT_MS). */
  webhookTimeoutMs: number;
}

const n = (env: NodeJS.ProcessEnv, name: string, fallback: number) => {
  const v = Number(env[name] ?? fallback);
  if (!Number.isFinite(v) || v <= 0) throw new Error(`${name} must be a positive number`);
  return v;
};

export function syncConfigFromEnv(env: NodeJS.ProcessEnv = process.env): SyncConfig {
  return {
    fetchTimeoutMs: n(env, 'WAREHOUSE_FEED_TIMEOUT_MS', 30_000),
    maxFeedBytes: n(env, 'WAREHOUSE_FEED_MAX_BYTES', 50 * 1024 * 1024),
    allowPrivateUrls: (env['WAREHOUSE_FEED_ALLOW_PRIVATE'] ?? (env['NODE_ENV'] === 'production' ? 'false' : 'true')) === 'true',
    minEveryMinutes: n(env, 'WAREHOUSE_FEED_MIN_MINUTES', 5),
    scanEveryMs: n(env, 'WAREHOUSE_FEED_SCAN_MS', 60_000),
    chunkSize: n(env, 'WAREHOUSE_SYNC_CHUNK', 5_000),
    collectEveryMs: n(env, 'STOCK_WEBHOOK_COLLECT_MS', 5_000),
    webhookTimeoutMs: n(env, 'STOCK_WEBHOOK_TIMEOUT_MS', 10_000),
  };
}

export const SYNC_CONFIG = Symbol('SYNC_CONFIG');
