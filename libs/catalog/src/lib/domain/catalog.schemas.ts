import { z } from 'zod';
import { localizedTextInput, requiredLocalizedTextInput } from '@vitrine/shared/kernel';

/** Input rules for the catalogue back office; parsed with `validate()` at the service edge. */

export const uuid = z.string().uuid('must be an id');
const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens').max(60);

const localizedText = localizedTextInput;
const namedText = requiredLocalizedTextInput;

export const crossBorderCategory = z.enum(['GENERAL', 'COSMETICS', 'JEWELLERY', 'BOOKS', 'APPAREL', 'HOMEWARE', 'STATIONERY', 'TOYS']);

export const variantInput = z.object({
  id: uuid.nullish(),
  sku: z.string().trim().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'letters, digits, dot, dash or underscore, at most 64'),
  options: z
    .record(z.string().trim().min(1).max(40), z.string().trim().min(1).max(80))
    .refine((o) => Object.keys(o).length <= 10, { message: 'at most 10 options' })
    .default({}),
  priceMinor: z.number().int('must be whole cents').min(1).max(10_000_000),
  weightGrams: z.number().int().min(1).max(100_000),
  hsCode: z.string().regex(/^\d{6,10}$/, 'must be 6 to 10 digits'),
  originCountry: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166 alpha-2 code'),
  /** Whole millilitres, grams or pieces; given with its unit or not at all. */
  netContent: z.number().int('must be a whole number of ml, g or pieces').min(1).max(1_000_000).nullish(),
  netContentUnit: z.enum(['ML', 'G', 'PIECE']).nullish(),
}).superRefine((v, ctx) => {
  if ((v.netContent == null) !== (v.netContentUnit == null)) {
    ctx.addIssue({ code: 'custom', path: [v.netContent == null ? 'netContent' : 'netContentUnit'], message: 'net content and its unit go together' });
  }
});
export type VariantInput = z.output<typeof variantInput>;

const variants = z
  .array(variantInput)
  .max(50)
  .superRefine((list, ctx) => {
    const seen = new Map<string, number>();
    list.forEach((v, i) => {
      const key = v.sku.toUpperCase();
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [i, 'sku'], message: `repeats the SKU of variant ${seen.get(key)}` });
      else seen.set(key, i);
    });
  });

const mediaInput = z.object({
  url: z.string().url().max(2000).refine((u) => /^https:\/\//.test(u), { message: 'must be an https URL' }),
  alt: z.string().trim().max(200).default(''),
});

const ids = z.array(uuid).max(50);

export const productCategory = slug;

export const createProductSchema = z.object({
  museumId: uuid,
  category: slug,
  crossBorderCategory: crossBorderCategory.default('GENERAL'),
  name: namedText(200),
  description: localizedText(5000).default({}),
  variants: variants.default([]),
  media: z.array(mediaInput).max(20).default([]),
  artworkIds: ids.default([]),
  collectionIds: ids.default([]),
});
export type CreateProductCommand = z.output<typeof createProductSchema>;

export const updateProductSchema = z.object({
  id: uuid,
  category: slug.nullish(),
  crossBorderCategory: crossBorderCategory.nullish(),
  name: localizedText(200).nullish(),
  description: localizedText(5000).nullish(),
  variants: variants.nullish(),
  media: z.array(mediaInput).max(20).nullish(),
  artworkIds: ids.nullish(),
  collectionIds: ids.nullish(),
});
export type UpdateProductCommand = z.output<typeof updateProductSchema>;

export const artworkSchema = z.object({
  museumId: uuid,
  accessionNumber: z.string().trim().min(1).max(60),
  title: namedText(300),
  artist: z.string().trim().max(200).default(''),
  /** The artist's name per locale (fr falls back to `artist`, the museum's own credit). */
  artistName: localizedText(200).nullish(),
  period: z.string().trim().max(120).default(''),
  periodName: localizedText(120).nullish(),
  creditLine: z.string().trim().max(300).default(''),
  imageUrl: z.string().url().max(2000).nullish(),
  licensable: z.boolean().default(true),
});
export type ArtworkCommand = z.output<typeof artworkSchema>;

export const updateArtworkSchema = z.object({
  id: uuid,
  accessionNumber: z.string().trim().min(1).max(60).nullish(),
  title: localizedText(300).nullish(),
  artist: z.string().trim().max(200).nullish(),
  artistName: localizedText(200).nullish(),
  period: z.string().trim().max(120).nullish(),
  periodName: localizedText(120).nullish(),
  creditLine: z.string().trim().max(300).nullish(),
  imageUrl: z.string().url().max(2000).nullish(),
  licensable: z.boolean().nullish(),
});
export type UpdateArtworkCommand = z.output<typeof updateArtworkSchema>;

export const collectionSchema = z.object({
  museumId: uuid,
  slug,
  name: namedText(120),
  productIds: ids.max(500).nullish(),
});
export type CollectionCommand = z.output<typeof collectionSchema>;

export const updateCollectionSchema = z.object({
  id: uuid,
  slug: slug.nullish(),
  name: localizedText(120).nullish(),
  productIds: ids.max(500).nullish(),
});
export type UpdateCollectionCommand = z.output<typeof updateCollectionSchema>;

export const setFxRateSchema = z.object({
  base: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code'),
  quote: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code'),
  rate: z
    .string()
    .trim()
    .regex(/^(?=.*[1-9])\d{1,10}(\.\d{1,8})?$/, 'must be a positive decimal with at most 8 decimals'),
  source: z.string().trim().min(1).max(60),
  effectiveAt: z.date().nullish(),
});
export type SetFxRateCommand = z.output<typeof setFxRateSchema>;
