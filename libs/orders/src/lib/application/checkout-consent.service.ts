import { Injectable } from '@nestjs/common';
import { retentionConfigFromEnv } from '@vitrine/customs';
import { ValidationError } from '@vitrine/shared/kernel';
import { consentVersionFor, idUseConsent, type IdUseConsent } from '../domain/checkout-consent';
import { DEFAULT_SHOPPER_LOCALE, SHOPPER_LOCALES, type ShopperLocale } from '../domain/checkout-input';

/**
 * The ID-use consent checkout shows and the version it records, from one reading of the
 * retention the PII job applies (PII_RETENTION_DAYS_AFTER_RELEASE, read at start: a value under
 * the return window stops the process), so the text served and the version written agree.
 */
@Injectable()
export class CheckoutConsentService {
  private readonly retentionDays = retentionConfigFromEnv().daysAfterRelease;
  /** What checkout records in `checkouts.consent_version`, e.g. `2026-12+r90`. */
  readonly version = consentVersionFor(this.retentionDays);

  /** The consent in `locale` (zh-CN when none); another locale is VALIDATION_FAILED. */
  consent(locale: string | null | undefined): IdUseConsent {
    const wanted = locale ?? DEFAULT_SHOPPER_LOCALE;
    if (!(SHOPPER_LOCALES as readonly string[]).includes(wanted)) throw new ValidationError([{ path: 'locale', message: 'must be zh-CN, en or fr' }]);
    return idUseConsent(wanted as ShopperLocale, this.retentionDays);
  }
}
