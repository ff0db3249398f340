/**
 * A guest's return texted step by step (issue 20): a guest has no account to hold notices, so
 * the steps that ask something of them or tell them where their money is go to the order's
 * phone by SMS. Aliyun sends only approved templates (a code and its `${name}` parameters, all
 * strings), so each step has a template per language; the texts' wording lives in the SMS
 * console, the parameters here.
 */

/** The steps texted to a guest. RECEIVED (the seller has the parcel) uses ARRIVED's template. */
export const TEXTED_STEPS = ['ACCEPTED', 'REFUSED', 'WAYBILL', 'ARRIVED', 'RECEIVED', 'REFUNDED', 'REFUND_FAILED'] as const;
export type TextedStep = (typeof TEXTED_STEPS)[number];
export type TemplateStep = Exclude<TextedStep, 'RECEIVED'>;
export const SMS_LOCALES = ['zh-CN', 'en', 'fr'] as const;
export type SmsLocale = (typeof SMS_LOCALES)[number];
export const DEFAULT_SMS_LOCALE: SmsLocale = 'zh-CN';

/** Locale → step → approved template code. zh-CN must name every step; another locale falls back to it. */
export type ReturnSmsTemplates = Record<SmsLocale, Partial<Record<TemplateStep, string>>>;

/** Development and test template codes (the SMS sandbox and the loopback accept them). */
export const DEV_RETURN_SMS_TEMPLATES: ReturnSmsTemplates = {
  'zh-CN': { ACCEPTED: 'SMS_000000011', REFUSED: 'SMS_000000012', WAYBILL: 'SMS_000000013', ARRIVED: 'SMS_000000014', REFUNDED: 'SMS_000000015', REFUND_FAILED: 'SMS_000000016' },
  en: { ACCEPTED: 'SMS_000000021', REFUSED: 'SMS_000000022', WAYBILL: 'SMS_000000023', ARRIVED: 'SMS_000000024', REFUNDED: 'SMS_000000025', REFUND_FAILED: 'SMS_000000026' },
  fr: { ACCEPTED: 'SMS_000000031', REFUSED: 'SMS_000000032', WAYBILL: 'SMS_000000033', ARRIVED: 'SMS_000000034', REFUNDED: 'SMS_000000035', REFUND_FAILED: 'SMS_000000036' },
};

const TEMPLATE_STEPS: readonly TemplateStep[] = ['ACCEPTED', 'REFUSED', 'WAYBILL', 'ARRIVED', 'REFUNDED', 'REFUND_FAILED'];

/** SMS_TEMPLATES_RETURN: JSON `{"zh-CN":{"ACCEPTED":"SMS_…",…},"en":{…}}`; unset: the dev codes (required in production). */
export function parseReturnSmsTemplates(raw: string | undefined, production: boolean): ReturnSmsTemplates {
  if (!raw) {
    if (production) throw new Error('SMS_TEMPLATES_RETURN must be set in production');
    return DEV_RETURN_SMS_TEMPLATES;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new Error('SMS_TEMPLATES_RETURN must be JSON: {"zh-CN":{"ACCEPTED":"SMS_…",…}}');
  }
  const out: ReturnSmsTemplates = { 'zh-CN': {}, en: {}, fr: {} };
  for (const [locale, steps] of Object.entries(parsed as Record<string, unknown>)) {
    if (!(SMS_LOCALES as readonly string[]).includes(locale) || typeof steps !== 'object' || steps === null) throw new Error(`SMS_TEMPLATES_RETURN: unknown locale ${locale}`);
    for (const [step, code] of Object.entries(steps as Record<string, unknown>)) {
      if (!(TEMPLATE_STEPS as readonly string[]).includes(step) || typeof code !== 'string' || !/^SMS_[0-9]+$/.test(code)) throw new Error(`SMS_TEMPLATES_RETURN: ${locale}.${step} must be a template code (SMS_…)`);
      out[locale as SmsLocale][step as TemplateStep] = code;
    }
  }
  const missing = TEMPLATE_STEPS.filter((s) => !out['zh-CN'][s]);
  if (missing.length) throw new Error(`SMS_TEMPLATES_RETURN: zh-CN needs a template for ${missing.join(', ')}`);
  return out;
}

export function smsLocale(locale: string | null | undefined): SmsLocale {
  return (SMS_LOCALES as readonly string[]).includes(locale ?? '') ? (locale as SmsLocale) : DEFAULT_SMS_LOCALE;
}

/** The template of a step in a language (zh-CN's when that language has none). */
export function templateFor(templates: ReturnSmsTemplates, locale: string, step: TextedStep): string {
  const s: TemplateStep = step === 'RECEIVED' ? 'ARRIVED' : step;
  return templates[smsLocale(locale)][s] ?? templates['zh-CN'][s]!;
}

export function isTextedStep(kind: string): kind is TextedStep {
  return (TEXTED_STEPS as readonly string[]).includes(kind);
}

/** Aliyun's variables take at most 35 characters: a longer comment is cut with an ellipsis. */
export const SMS_VARIABLE_MAX = 35;
export function smsVariable(value: string): string {
  const chars = [...value.replace(/\s+/g, ' ').trim()];
  return chars.length <= SMS_VARIABLE_MAX ? chars.join('') : `${chars.slice(0, SMS_VARIABLE_MAX - 1).join('')}…`;
}

/** An amount in minor units as the text shows it: 1234 CNY → "12.34 CNY". */
export function smsAmount(minor: number, currency: string): string {
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(minor));
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')} ${currency}`;
}

/**
 * A step's template parameters (strings), from the step's history parameters; the order number
 * (`order`) is added when sending. Null: the step is not texted.
 */
export function smsParams(step: string, params: Record<string, unknown>): Record<string, string> | null {
  if (!isTextedStep(step)) return null;
  switch (step) {
    case 'ACCEPTED':
    case 'REFUSED':
      return { comment: smsVariable(String(params['comment'] ?? '')) };
    case 'WAYBILL':
      return { waybill: smsVariable(String(params['waybill'] ?? '')) };
    case 'REFUNDED':
      return { amount: smsAmount(Number(params['amountMinor'] ?? 0), String(params['currency'] ?? 'CNY')) };
    case 'ARRIVED':
    case 'RECEIVED':
    case 'REFUND_FAILED':
      return {};
  }
}

/** While the gateway's send records may still trail a try, they are asked again this often (and once more when the lag is over). */
export const RECORDS_ASK_EVERY_MS = 10_000;

/**
 * A try whose outcome was lost (`triedAt`), and the gateway's send records do not show its text:
 * send it again only once the records can no longer be trailing that try (`lagMs` after it);
 * before, ask them again at the returned time. Whether this is the job's last try does not enter:
 * a text the records may not show yet is never sent blind.
 */
export function afterRecordsMiss(triedAt: Date, now: Date, lagMs: number): { send: true } | { send: false; askAt: Date } {
  const sureAt = triedAt.getTime() + lagMs;
  if (now.getTime() >= sureAt) return { send: true };
  return { send: false, askAt: new Date(Math.min(sureAt, now.getTime() + RECORDS_ASK_EVERY_MS)) };
}
