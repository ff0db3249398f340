/**
 * How long a resident ID ciphertext outlives the customs release of its last order. Customs
 * needs the number until release (and while a declaration is held); returns are applied for
 * within 30 days of release; the default adds a margin on top (docs/adr/0011-pii-retention.md).
 */
export interface RetentionConfig {
  /** PII_RETENTION_DAYS_AFTER_RELEASE (default 90): days after release (or refund, cancellation) before the ciphertext is destroyed. */
  daysAfterRelease: number;
  /** PII_RETENTION_EVERY_MS (default one hour): how often the retention job runs (deletion requests are due within 15 days). */
  everyMs: number;
  /** Identities handled per transaction. */
  batchSize: number;
}

/** The return window after release (customs rules): the retention may not be shorter. */
export const RETURN_WINDOW_DAYS = 30;

/**
 * Order statuses in which customs may still need the plain number: not yet paid (it will be
 * declared), paid, declared and not released, held. CLEARED, SHIPPED and DELIVERED are
 * released; CANCELLED and REFUNDED are finished (a withdrawal carries no ID number).
 */
export const LIVE_ORDER_STATUSES = ['PENDING_PAYMENT', 'PAID', 'CUSTOMS_SUBMITTED', 'HELD'] as const;
/** Statuses whose first entry marks the customs release. */
export const RELEASED_STATUSES = ['CLEARED', 'SHIPPED', 'DELIVERED'] as const;

function positiveInt(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw.trim())) throw new Error(`${name} must be a whole number, not "${raw.slice(0, 20)}"`);
  return Number(raw.trim());
}

export function retentionConfigFromEnv(env: NodeJS.ProcessEnv = process.env): RetentionConfig {
  const daysAfterRelease = positiveInt(env, 'PII_RETENTION_DAYS_AFTER_RELEASE', 90);
  if (daysAfterRelease < RETURN_WINDOW_DAYS) throw new Error(`PII_RETENTION_DAYS_AFTER_RELEASE must be at least the ${RETURN_WINDOW_DAYS}-day return window`);
  const everyMs = positiveInt(env, 'PII_RETENTION_EVERY_MS', 3_600_000);
  if (everyMs < 100) throw new Error('PII_RETENTION_EVERY_MS must be at least 100');
  return { daysAfterRelease, everyMs, batchSize: 500 };
}

/** The release (or finish) time before which a ciphertext is no longer kept. */
export function retentionCutoff(now: Date, config: Pick<RetentionConfig, 'daysAfterRelease'>): Date {
  return new Date(now.getTime() - config.daysAfterRelease * 86_400_000);
}
