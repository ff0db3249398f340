import { regex } from 'react-admin';

export const slugFormat = regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'vitrine.validation.slug');
export const countryFormat = regex(/^[A-Za-z]{2}$/, 'vitrine.validation.country');
export const decimalFormat = regex(/^\s*\d+(?:[.,]\d+)?\s*$/, 'vitrine.validation.decimal');
export const priceFormat = regex(/^\s*\d{1,9}(?:[.,]\d{1,2})?\s*$/, 'vitrine.validation.price');
export const urlFormat = regex(/^https?:\/\/\S+$/, 'vitrine.validation.url');

export const optionsJson = (value: unknown) => {
  if (value == null || value === '') return undefined;
  try {
    const parsed: unknown = JSON.parse(String(value));
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? undefined : 'vitrine.validation.json';
  } catch {
    return 'vitrine.validation.json';
  }
};

/** China customs registration code: 10 digits or capital letters (lower case is upper-cased on save). */
export const customsCodeFormat = (value: unknown) =>
  value == null || String(value).trim() === '' || /^[0-9A-Z]{10}$/.test(String(value).trim().toUpperCase()) ? undefined : 'vitrine.validation.customs_code';

/** The customs code and registered name go together: one without the other is refused. */
export const togetherWith = (other: string) => (value: unknown, all: Record<string, unknown>) => {
  const filled = (v: unknown) => v != null && String(v).trim() !== '';
  return !filled(value) && filled(all?.[other]) ? 'vitrine.validation.customs_together' : undefined;
};
