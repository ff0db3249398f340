import { retentionConfigFromEnv, retentionCutoff } from './retention-config';

describe('retention settings', () => {
  it('defaults to 90 days after release, run hourly', () => {
    expect(retentionConfigFromEnv({})).toMatchObject({ daysAfterRelease: 90, everyMs: 3_600_000 });
    expect(retentionCutoff(new Date('2026-12-06T00:00:00Z'), { daysAfterRelease: 90 }).toISOString()).toBe('2026-09-07T00:00:00.000Z');
  });

  it('refuses a retention shorter than the whole return (30 days to apply, 45 to be back and declared), and garbage', () => {
    expect(() => retentionConfigFromEnv({ PII_RETENTION_DAYS_AFTER_RELEASE: '29' })).toThrow(/return window/);
    expect(() => retentionConfigFromEnv({ PII_RETENTION_DAYS_AFTER_RELEASE: '30' })).toThrow(
      'PII_RETENTION_DAYS_AFTER_RELEASE is 30 but must be at least 45: the return window (applied for within 30 days of customs release, goods back and declared within 45)',
    );
    expect(() => retentionConfigFromEnv({ PII_RETENTION_DAYS_AFTER_RELEASE: '44' })).toThrow(/must be at least 45/);
    expect(() => retentionConfigFromEnv({ PII_RETENTION_DAYS_AFTER_RELEASE: '-5' })).toThrow(/whole number/);
    expect(retentionConfigFromEnv({ PII_RETENTION_DAYS_AFTER_RELEASE: '45' }).daysAfterRelease).toBe(45);
    expect(retentionConfigFromEnv({ PII_RETENTION_DAYS_AFTER_RELEASE: '120' }).daysAfterRelease).toBe(120);
  });
});
