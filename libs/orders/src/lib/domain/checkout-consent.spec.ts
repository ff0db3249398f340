import { retentionConfigFromEnv } from '@vitrine/customs';
import { SHOPPER_LOCALES } from './checkout-input';
import { CONSENT_TEXT_VERSION, consentVersionFor, idUseConsent } from './checkout-consent';

describe('the ID-use consent text', () => {
  it('states the retention the retention job applies, in every shopper language, and names it in the version', () => {
    for (const env of [{}, { PII_RETENTION_DAYS_AFTER_RELEASE: '120' }]) {
      const days = retentionConfigFromEnv(env).daysAfterRelease;
      for (const locale of SHOPPER_LOCALES) {
        const c = idUseConsent(locale, days);
        expect(c.retentionDaysAfterRelease).toBe(days);
        expect(c.version).toBe(`${CONSENT_TEXT_VERSION}+r${days}`);
        expect(c.text).toContain(String(days));
        // The old promise (issue 20) is gone; the return deadlines are stated.
        expect(c.text).not.toMatch(/15 (days|jours|天)/);
        expect(c.text).toContain('30');
        expect(c.text).toContain('45');
      }
    }
    expect(idUseConsent('en', 90).text).toContain('kept for 90 days after customs has released');
    expect(idUseConsent('fr', 90).text).toContain('gardé 90 jours après la mainlevée');
    expect(idUseConsent('zh-CN', 90).text).toContain('再保存 90 天');
  });

  it('says what happens to a saved identity: offered masked until then, deletable under My account', () => {
    expect(idUseConsent('en', 90).text).toMatch(/offered \(masked\) at your next checkouts.*delete it at any time under My account/);
    expect(idUseConsent('fr', 90).text).toMatch(/proposé \(masqué\).*supprimer à tout moment dans Mon compte/);
    expect(idUseConsent('zh-CN', 90).text).toMatch(/打码形式在您今后的结算中供选用.*我的账户/);
  });

  it('changes version when the wording or the figure changes', () => {
    expect(consentVersionFor(90)).not.toBe(consentVersionFor(120));
    expect(consentVersionFor(90)).not.toBe('2026-11');
  });
});
