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
