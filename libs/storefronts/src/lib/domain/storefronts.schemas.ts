import { z } from 'zod';
import { localizedTextInput, requiredLocalizedTextInput } from '@vitrine/shared/kernel';

const uuid = z.string().uuid('must be an id');
const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens').min(2).max(60);
const country = z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166 alpha-2 code');

export const createMuseumSchema = z.object({
  slug,
  legalName: z.string().trim().min(1).max(200),
  country,
  name: requiredLocalizedTextInput(120),
});

export const updateMuseumSchema = z.object({
  id: uuid,
  legalName: z.string().trim().min(1).max(200).nullish(),
  country: country.nullish(),
});

export const storefrontStatus = z.enum(['DRAFT', 'OPEN', 'CLOSED']);

export const updateStorefrontSchema = z.object({
  museumId: uuid,
  name: localizedTextInput(120).nullish(),
  story: localizedTextInput(10_000).nullish(),
  bannerUrl: z
    .string()
    .url()
    .max(2000)
    .refine((u) => /^https:\/\//.test(u), { message: 'must be an https URL' })
    .nullish(),
  featuredCollectionIds: z.array(uuid).max(12).nullish(),
  status: storefrontStatus.nullish(),
  autoBookCarrier: z.boolean().nullish(),
  // The museum's registration with China customs as a cross-border e-commerce enterprise: its
  // 10-character code (digits and capital letters) and registered name; null removes it.
  customsCode: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[0-9A-Z]{10}$/, 'must be the 10-character customs registration code (digits and capital letters)')
    .nullish(),
  customsName: z.string().trim().min(1).max(200).nullish(),
});
export type UpdateStorefrontCommand = z.output<typeof updateStorefrontSchema>;
