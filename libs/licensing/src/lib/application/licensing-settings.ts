import { DEFAULT_REVIEW_SETTINGS, type ReviewSettings } from '../domain/review-schedule';

export const LICENSING_SETTINGS = Symbol('LICENSING_SETTINGS');

export type LicensingSettings = ReviewSettings;

/** Operator-tunable figures, with the domain defaults (10 review days, reminded 48 h before). */
export function licensingSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): LicensingSettings {
  const num = (name: string, fallback: number) => {
    const v = env[name];
    const n = v === undefined ? fallback : Number(v);
    if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a non-negative number`);
    return n;
  };
  return {
    reviewDays: num('LICENSING_REVIEW_DAYS', DEFAULT_REVIEW_SETTINGS.reviewDays),
    reminderLeadHours: num('LICENSING_REMINDER_LEAD_HOURS', DEFAULT_REVIEW_SETTINGS.reminderLeadHours),
  };
}
