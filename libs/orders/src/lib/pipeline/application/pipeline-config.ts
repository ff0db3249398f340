/** Settings of the fulfilment pipeline, from the environment. */
export interface PipelineConfig {
  /** Orders handled together by one step (PIPELINE_BATCH_SIZE; customs takes up to 100 per message). */
  batchSize: number;
  /** How long a step waits to fill a batch (PIPELINE_BATCH_WAIT_MS). */
  batchWaitMs: number;
  /** How often customs clearance receipts are read (CUSTOMS_RECEIPT_POLL_MS). */
  receiptPollMs: number;
  /** How often carrier tracking is read (CARRIER_TRACKING_POLL_MS). */
  trackingPollMs: number;
  /** How often missed starts and lagging orders are looked for (PIPELINE_SWEEP_MS). */
  sweepMs: number;
  /** How often unpaid holds are expired (RESERVATION_EXPIRY_EVERY_MS). */
  expiryEveryMs: number;
  carrier: {
    /** CARRIER_API_URL, CARRIER_API_KEY, CARRIER_TIMEOUT_MS. */
    url: string;
    apiKey: string;
    timeoutMs: number;
    /** The logistics company's customs registration, for the CEB511 waybill (CARRIER_CUSTOMS_CODE, CARRIER_NAME). */
    code: string;
    name: string;
  };
}

const n = (env: NodeJS.ProcessEnv, name: string, fallback: number) => {
  const v = Number(env[name] ?? fallback);
  if (!Number.isFinite(v) || v <= 0) throw new Error(`${name} must be a positive number`);
  return v;
};

export function pipelineConfigFromEnv(env: NodeJS.ProcessEnv = process.env): PipelineConfig {
  return {
    batchSize: Math.min(100, n(env, 'PIPELINE_BATCH_SIZE', 100)),
    batchWaitMs: n(env, 'PIPELINE_BATCH_WAIT_MS', 50),
    receiptPollMs: n(env, 'CUSTOMS_RECEIPT_POLL_MS', 5_000),
    trackingPollMs: n(env, 'CARRIER_TRACKING_POLL_MS', 30_000),
    sweepMs: n(env, 'PIPELINE_SWEEP_MS', 60_000),
    expiryEveryMs: n(env, 'RESERVATION_EXPIRY_EVERY_MS', 15_000),
    carrier: {
      url: (env['CARRIER_API_URL'] ?? 'http://127.0.0.1:4020').replace(/\/$/, ''),
      apiKey: env['CARRIER_API_KEY'] ?? 'carrier-dev-key',
      timeoutMs: n(env, 'CARRIER_TIMEOUT_MS', 10_000),
      code: env['CARRIER_CUSTOMS_CODE'] ?? '3120980105',
      name: env['CARRIER_NAME'] ?? 'Vitrine Logistics Partner',
    },
  };
}

export const PIPELINE_CONFIG = Symbol('PIPELINE_CONFIG');
