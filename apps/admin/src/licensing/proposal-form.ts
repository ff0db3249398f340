import { ApiError } from '../api/errors';
import { emptyText, toTextInput, type LocalizedText } from '../data/localized';
import { bpsToPercent, centsToEuros, eurosToCents, percentToBps } from '../data/money';
import type { ProposalContent, ProposalRecord } from './proposal-api';

/**
 * A proposal's content as the form edits it: amounts as decimal text in major units,
 * the royalty as a percentage, lists as text. Blank means "not filled in yet": a draft may
 * be partial, and the API lists what is missing before it can be submitted.
 */
export interface ProposalFormValues {
  museumId: string;
  title: LocalizedText;
  concept: LocalizedText;
  imageUrlsText: string;
  artworkIds: string[];
  category: string;
  crossBorderCategory: string;
  targetRetailPriceEur: string;
  forecastUnits: string;
  territoryText: string;
  channels: string[];
  termStart: string;
  termEnd: string;
  sellOffDays: string;
  royaltyRatePercent: string;
  guaranteeCurrency: 'EUR' | 'CNY';
  minimumGuarantee: string;
  advance: string;
  specification: { hsCode: string; weightGrams: string; originCountry: string };
  /** What this revision changes, for the museum. */
  note: string;
}

export const emptyProposalForm = (museumId = ''): ProposalFormValues => ({
  museumId,
  title: emptyText(),
  concept: emptyText(),
  imageUrlsText: '',
  artworkIds: [],
  category: '',
  crossBorderCategory: '',
  targetRetailPriceEur: '',
  forecastUnits: '',
  territoryText: 'CN',
  channels: ['VITRINE_MARKETPLACE'],
  termStart: '',
  termEnd: '',
  sellOffDays: '',
  royaltyRatePercent: '',
  guaranteeCurrency: 'EUR',
  minimumGuarantee: '',
  advance: '',
  specification: { hsCode: '', weightGrams: '', originCountry: '' },
  note: '',
});

const num = (n: number | null | undefined) => (n == null ? '' : String(n));

export function toFormValues(p: ProposalRecord): ProposalFormValues & { id: string; currentVersion: number } {
  const c = p.content;
  return {
    id: p.id,
    currentVersion: p.currentVersion,
    museumId: p.museumId,
    title: { ...emptyText(), ...(c.title ?? {}) },
    concept: { ...emptyText(), ...(c.concept ?? {}) },
    imageUrlsText: (c.imageUrls ?? []).join('\n'),
    artworkIds: c.artworkIds ?? [],
    category: c.category ?? '',
    crossBorderCategory: c.crossBorderCategory ?? '',
    targetRetailPriceEur: c.targetRetailPrice ? centsToEuros(c.targetRetailPrice.amount) : '',
    forecastUnits: num(c.forecastUnits),
    territoryText: (c.territory ?? []).join(', '),
    channels: c.channels ?? [],
    termStart: c.termStart ?? '',
    termEnd: c.termEnd ?? '',
    sellOffDays: num(c.sellOffDays),
    royaltyRatePercent: bpsToPercent(c.royaltyRateBps),
    guaranteeCurrency: (c.minimumGuarantee?.currency ?? c.advance?.currency ?? 'EUR') as 'EUR' | 'CNY',
    minimumGuarantee: c.minimumGuarantee ? centsToEuros(c.minimumGuarantee.amount) : '',
    advance: c.advance ? centsToEuros(c.advance.amount) : '',
    specification: {
      hsCode: c.specification?.hsCode ?? '',
      weightGrams: num(c.specification?.weightGrams),
      originCountry: c.specification?.originCountry ?? '',
    },
    note: '',
  };
}

const blank = (s: string | null | undefined) => !s || !String(s).trim();
const hasText = (t: Partial<LocalizedText> | undefined) => Boolean(t && (t.fr?.trim() || t.en?.trim() || t.zhCN?.trim()));
const list = (text: string, sep: RegExp) =>
  text
    .split(sep)
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * The form as the API's ProposalContentInput: only what is filled in, so a draft stays
 * partial; wrong formats fail here, per field, before anything is sent.
 */
export function toContentInput(v: Partial<ProposalFormValues>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  const int = (field: string, text: string | undefined) => {
    if (blank(text)) return undefined;
    if (!/^\s*\d{1,9}\s*$/.test(String(text))) {
      errors[field] = 'vitrine.validation.whole_number';
      return undefined;
    }
    return Number(String(text).trim());
  };
  const amount = (field: string, text: string | undefined) => {
    if (blank(text)) return undefined;
    const minor = eurosToCents(text);
    if (minor == null) errors[field] = 'vitrine.validation.amount';
    return minor ?? undefined;
  };

  if (hasText(v.title)) out['title'] = toTextInput(v.title);
  if (hasText(v.concept)) out['concept'] = toTextInput(v.concept);
  const images = list(v.imageUrlsText ?? '', /\s*\n\s*/);
  if (images.length) out['imageUrls'] = images;
  if (v.artworkIds?.length) out['artworkIds'] = v.artworkIds;
  if (!blank(v.category)) out['category'] = v.category!.trim();
  if (!blank(v.crossBorderCategory)) out['crossBorderCategory'] = v.crossBorderCategory;
  const retail = amount('targetRetailPriceEur', v.targetRetailPriceEur);
  if (retail != null) out['targetRetailPrice'] = { amount: retail, currency: 'EUR' };
  const units = int('forecastUnits', v.forecastUnits);
  if (units != null) out['forecastUnits'] = units;
  const territory = list(v.territoryText ?? '', /[\s,;]+/).map((c) => c.toUpperCase());
  if (territory.length) out['territory'] = territory;
  if (v.channels?.length) out['channels'] = v.channels;
  if (!blank(v.termStart)) out['termStart'] = v.termStart;
  if (!blank(v.termEnd)) out['termEnd'] = v.termEnd;
  const sellOff = int('sellOffDays', v.sellOffDays);
  if (sellOff != null) out['sellOffDays'] = sellOff;
  if (!blank(v.royaltyRatePercent)) {
    const bps = percentToBps(v.royaltyRatePercent);
    if (bps == null) errors['royaltyRatePercent'] = 'vitrine.validation.percent';
    else out['royaltyRateBps'] = bps;
  }
  const currency = v.guaranteeCurrency ?? 'EUR';
  const guarantee = amount('minimumGuarantee', v.minimumGuarantee);
  if (guarantee != null) out['minimumGuarantee'] = { amount: guarantee, currency };
  const advance = amount('advance', v.advance);
  if (advance != null) out['advance'] = { amount: advance, currency };
  const s = v.specification;
  if (s && (!blank(s.hsCode) || !blank(s.weightGrams) || !blank(s.originCountry))) {
    const weight = int('specification.weightGrams', s.weightGrams);
    out['specification'] = { hsCode: (s.hsCode ?? '').trim(), weightGrams: weight ?? 0, originCountry: (s.originCountry ?? '').trim().toUpperCase() };
  }
  if (Object.keys(errors).length) {
    throw new ApiError('vitrine.errors.validation', 'VALIDATION_FAILED', 400, { errors: { ...errors, root: { serverError: 'vitrine.errors.validation' } } });
  }
  return out;
}

/**
 * A revision sends only what changed since the version it was made on: absent keys are
 * kept and null clears a field. After final approval the terms are locked, so an
 * unchanged term must not be sent again.
 */
export function contentPatch(next: Partial<ProposalFormValues>, previous: Partial<ProposalFormValues>): Record<string, unknown> {
  const after = toContentInput(next);
  let before: Record<string, unknown> = {};
  try {
    before = toContentInput(previous);
  } catch {
    // The saved version always converts; keep the whole new content otherwise.
  }
  const patch: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(after), ...Object.keys(before)])) {
    if (JSON.stringify(after[key]) === JSON.stringify(before[key])) continue;
    patch[key] = key in after ? after[key] : null;
  }
  return patch;
}

/** The content keys of a form value, for showing which fields a diff touches. */
export type ContentKey = keyof ProposalContent;
