import { retentionConfigFromEnv, retentionCutoff } from './retention-config';

describe('retention settings', () => {
  it('defaults to 90 days after release, run hourly', () => {
    expect(retentionConfigFromEnv({})).toMatchObject({ daysAfterRelease: 90, everyMs: 3_600_000 });
    expect(retentionCutoff(new Date('2026-12-06T00:00:00Z'), { daysAfterRelease: 90 }).toISOString()).toBe('2026-09-07T00:00:00.000Z');
  });

  it('refuses a retention shorter than the 30-day return window, and garbage', () => {
    expect(() => retentionConfigFromEnv({ PII_RETENTION_DAYS_AFTER_RELEASE: '29' })).toThrow(/return window/);
    expect(() => retentionConfigFromEnv({ PII_RETENTION_DAYS_AFTER_RELEASE: '-5' })).toThrow(/whole number/);
    expect(retentionConfigFromEnv({ PII_RETENTION_DAYS_AFTER_RELEASE: '30' }).daysAfterRelease).toBe(30);
  });
});
