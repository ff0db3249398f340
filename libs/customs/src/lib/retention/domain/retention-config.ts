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

/** The return window after release (customs rules): a return is applied for within 30 days of release. */
export const RETURN_WINDOW_DAYS = 30;
/** Returned goods reach the original customs-supervised site, and the return is declared, within 45 days of release. */
export const RETURN_GOODS_BACK_DAYS = 45;
/** The shortest retention accepted: the whole return, application to declaration (the checkout consent states the figure). */
export const MIN_RETENTION_DAYS_AFTER_RELEASE = RETURN_GOODS_BACK_DAYS;

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
  if (daysAfterRelease < MIN_RETENTION_DAYS_AFTER_RELEASE) {
    throw new Error(
      `PII_RETENTION_DAYS_AFTER_RELEASE is ${daysAfterRelease} but must be at least ${MIN_RETENTION_DAYS_AFTER_RELEASE}: the return window (applied for within ${RETURN_WINDOW_DAYS} days of customs release, goods back and declared within ${RETURN_GOODS_BACK_DAYS}) needs the ID number, and the checkout consent promises this figure (docs/adr/0011-pii-retention.md)`,
    );
  }
  const everyMs = positiveInt(env, 'PII_RETENTION_EVERY_MS', 3_600_000);
  if (everyMs < 100) throw new Error('PII_RETENTION_EVERY_MS must be at least 100');
  return { daysAfterRelease, everyMs, batchSize: 500 };
}

/** The release (or finish) time before which a ciphertext is no longer kept. */
export function retentionCutoff(now: Date, config: Pick<RetentionConfig, 'daysAfterRelease'>): Date {
  return new Date(now.getTime() - config.daysAfterRelease * 86_400_000);
}
