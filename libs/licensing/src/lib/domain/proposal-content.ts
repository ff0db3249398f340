import { z } from 'zod';
import type { FieldIssue } from '@vitrine/shared/kernel';

/**
 * What a brand proposes: the item (text, images, works, category, price, forecast), where
 * and how it is sold (territory, channels, term, sell-off) and the royalty offer. A draft
 * may be partial; submitting needs it complete (`completeContentSchema`).
 */

export const CHANNELS = ['VITRINE_MARKETPLACE', 'BRAND_ONLINE', 'BRAND_RETAIL', 'MUSEUM_SHOP', 'WHOLESALE'] as const;
export type Channel = (typeof CHANNELS)[number];
/** The channel this marketplace sells through: an agreement must grant it to list here. */
export const MARKETPLACE_CHANNEL: Channel = 'VITRINE_MARKETPLACE';
export const MARKETPLACE_TERRITORY = 'CN';

export const CROSS_BORDER_CATEGORIES = ['GENERAL', 'COSMETICS', 'JEWELLERY', 'BOOKS', 'APPAREL', 'HOMEWARE', 'STATIONERY', 'TOYS'] as const;
export type CrossBorderCategory = (typeof CROSS_BORDER_CATEGORIES)[number];

/** Currencies an agreement may be in: order lines carry a CNY amount and a EUR→CNY snapshot. */
export const AGREEMENT_CURRENCIES = ['EUR', 'CNY'] as const;
/** Catalogue base prices are EUR. */
export const RETAIL_PRICE_CURRENCY = 'EUR';
/** Amounts stay below 2^31 minor units (the database and GraphQL Int). */
export const MAX_MINOR = 1_000_000_000;

export interface LocalizedStrings {
  fr: string;
  en: string;
  zh: string;
}
export interface MoneyValue {
  amount: number;
  currency: string;
}
export interface Specification {
  hsCode: string;
  weightGrams: number;
  originCountry: string;
}

/** A proposal's content as stored in every revision snapshot. Absent keys are not yet filled in. */
export interface ProposalContent {
  title?: LocalizedStrings;
  concept?: LocalizedStrings;
  imageUrls?: string[];
  artworkIds?: string[];
  category?: string;
  crossBorderCategory?: CrossBorderCategory;
  targetRetailPrice?: MoneyValue;
  forecastUnits?: number;
  territory?: string[];
  channels?: Channel[];
  termStart?: string;
  termEnd?: string;
  sellOffDays?: number;
  royaltyRateBps?: number;
  minimumGuarantee?: MoneyValue;
  advance?: MoneyValue;
  specification?: Specification;
}
export type ContentKey = keyof ProposalContent;

/** Keys a brand may still change after final approval (text and images); the rest are the agreement. */
export const AMENDABLE_KEYS: readonly ContentKey[] = ['title', 'concept', 'imageUrls'];

const text = (max: number) => z.string().trim().max(max);
const localized = (max: number) => z.object({ fr: text(max).default(''), en: text(max).default(''), zh: text(max).default('') });
const httpsUrl = z
  .string()
  .trim()
  .max(2000)
  .url('must be a URL')
  .refine((u) => u.startsWith('https://'), { message: 'must be an https URL' });
const uuid = z.string().uuid('must be an id');
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), { message: 'is not a real date' });
const minor = z.number().int('must be whole minor units').min(0).max(MAX_MINOR);
const money = (currencies: readonly string[]) =>
  z.object({
    amount: minor,
    currency: z.string().refine((c) => currencies.includes(c), { message: `must be one of ${currencies.join(', ')}` }),
  });
const unique = <T>(list: T[]) => new Set(list).size === list.length;

/** Each field as it may appear in a draft: valid when present. */
export const contentFieldsSchema = z.object({
  title: localized(200),
  concept: localized(5000),
  imageUrls: z.array(httpsUrl).max(20),
  artworkIds: z.array(uuid).max(20).refine(unique, { message: 'names a work twice' }),
  category: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens').max(60),
  crossBorderCategory: z.enum(CROSS_BORDER_CATEGORIES),
  targetRetailPrice: z.object({
    amount: z.number().int('must be whole minor units').min(1).max(10_000_000),
    currency: z.literal(RETAIL_PRICE_CURRENCY, { message: 'must be EUR, the catalogue base currency' }),
  }),
  forecastUnits: z.number().int().min(1).max(10_000_000),
  territory: z
    .array(z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166 alpha-2 code'))
    .max(250)
    .refine(unique, { message: 'names a country twice' }),
  channels: z.array(z.enum(CHANNELS)).max(CHANNELS.length).refine(unique, { message: 'names a channel twice' }),
  termStart: isoDate,
  termEnd: isoDate,
  sellOffDays: z.number().int().min(0).max(365),
  royaltyRateBps: z.number().int().min(1, 'must be at least 1 basis point').max(10_000, 'must be at most 10000 basis points (100%)'),
  minimumGuarantee: money(AGREEMENT_CURRENCIES),
  advance: money(AGREEMENT_CURRENCIES),
  specification: z.object({
    hsCode: z.string().regex(/^\d{6,10}$/, 'must be 6 to 10 digits'),
    weightGrams: z.number().int().min(1).max(100_000),
    originCountry: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166 alpha-2 code'),
  }),
});

/**
 * A patch to the working copy: an absent key keeps its value, null clears it. Parsed with
 * `validate(contentPatchSchema, input, 'input.content')`.
 */
const f = contentFieldsSchema.shape;
export const contentPatchSchema = z.object({
  title: f.title.nullish(),
  concept: f.concept.nullish(),
  imageUrls: f.imageUrls.nullish(),
  artworkIds: f.artworkIds.nullish(),
  category: f.category.nullish(),
  crossBorderCategory: f.crossBorderCategory.nullish(),
  targetRetailPrice: f.targetRetailPrice.nullish(),
  forecastUnits: f.forecastUnits.nullish(),
  territory: f.territory.nullish(),
  channels: f.channels.nullish(),
  termStart: f.termStart.nullish(),
  termEnd: f.termEnd.nullish(),
  sellOffDays: f.sellOffDays.nullish(),
  royaltyRateBps: f.royaltyRateBps.nullish(),
  minimumGuarantee: f.minimumGuarantee.nullish(),
  advance: f.advance.nullish(),
  specification: f.specification.nullish(),
});
export type ContentPatch = z.output<typeof contentPatchSchema>;

export function applyPatch(content: ProposalContent, patch: ContentPatch): ProposalContent {
  const out: Record<string, unknown> = { ...content };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    if (value === null) delete out[key];
    else out[key] = value;
  }
  return out as ProposalContent;
}

/** Keys whose value differs between two contents (deep, by canonical JSON). */
export function changedKeys(a: ProposalContent, b: ProposalContent): ContentKey[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<ContentKey>;
  return [...keys].filter((k) => canonical(a[k]) !== canonical(b[k])).sort();
}

/**
 * Every problem that keeps a content from being submitted: missing fields and cross-field
 * rules. Paths are relative to the content (`title`, `termEnd`, `advance.currency`).
 */
export function submissionProblems(content: ProposalContent): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const required: ContentKey[] = [
    'title',
    'concept',
    'imageUrls',
    'artworkIds',
    'category',
    'crossBorderCategory',
    'targetRetailPrice',
    'forecastUnits',
    'territory',
    'channels',
    'termStart',
    'termEnd',
    'sellOffDays',
    'royaltyRateBps',
    'minimumGuarantee',
    'advance',
    'specification',
  ];
  for (const key of required) if (content[key] === undefined) issues.push({ path: key, message: 'is required to submit' });
  const parsed = contentFieldsSchema.partial().safeParse(content);
  if (!parsed.success) for (const i of parsed.error.issues) issues.push({ path: i.path.map(String).join('.'), message: i.message });
  const hasText = (t?: LocalizedStrings) => Boolean(t && (t.fr || t.en || t.zh));
  if (content.title && !hasText(content.title)) issues.push({ path: 'title', message: 'needs text in at least one locale' });
  if (content.concept && !hasText(content.concept)) issues.push({ path: 'concept', message: 'needs text in at least one locale' });
  for (const key of ['imageUrls', 'artworkIds', 'territory', 'channels'] as const) {
    if (content[key] && content[key]!.length === 0) issues.push({ path: key, message: 'needs at least one entry' });
  }
  if (content.termStart && content.termEnd && content.termEnd <= content.termStart) issues.push({ path: 'termEnd', message: 'must be after termStart' });
  if (content.minimumGuarantee && content.advance && content.minimumGuarantee.currency !== content.advance.currency) {
    issues.push({ path: 'advance.currency', message: 'must be the currency of the minimum guarantee' });
  }
  return issues;
}

/** The content once submittable: every key present. */
export type CompleteContent = Required<ProposalContent>;

export function isComplete(content: ProposalContent): content is CompleteContent {
  return submissionProblems(content).length === 0;
}

/** JSON with object keys sorted, so equal values compare equal whatever their key order. */
export function canonical(value: unknown): string {
  return JSON.stringify(value === undefined ? null : sortKeys(value));
}
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value as object)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}
