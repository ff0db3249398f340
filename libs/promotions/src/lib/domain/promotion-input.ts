import { z } from 'zod';
import { validate } from '@vitrine/shared/kernel';

const money = z.number().int().min(1).max(100_000_000);
const tier = z.object({ minMinor: money, offMinor: money });

/** A promotion as a manager or the operator writes it; refined per kind. */
export const promotionSchema = z
  .object({
    museumId: z.string().uuid().nullable(),
    kind: z.enum(['THRESHOLD', 'COUPON']),
    name: z.string().trim().min(1, 'is required').max(80),
    tiers: z.array(tier).max(5).default([]),
    every: z.boolean().default(false),
    code: z
      .string()
      .trim()
      .transform((s) => s.toUpperCase())
      .pipe(z.string().regex(/^[A-Z0-9_-]{4,32}$/, 'must be 4 to 32 letters, digits, - or _'))
      .nullish(),
    discountType: z.enum(['PERCENT', 'AMOUNT']).nullish(),
    percentBps: z.number().int().min(1).max(9_900).nullish(),
    amountOffMinor: money.nullish(),
    minSpendMinor: z.number().int().min(0).max(100_000_000).default(0),
    perShopperLimit: z.number().int().min(1).max(1_000_000).nullish(),
    totalLimit: z.number().int().min(1).max(100_000_000).nullish(),
    productIds: z.array(z.string().uuid()).max(500).nullish(),
    startsAt: z.coerce.date(),
    endsAt: z.coerce.date(),
  })
  .superRefine((p, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (p.endsAt <= p.startsAt) issue('endsAt', 'must be after startsAt');
    if (p.kind === 'THRESHOLD') {
      if (!p.tiers.length) issue('tiers', 'needs at least one tier');
      p.tiers.forEach((t, i) => {
        if (t.offMinor >= t.minMinor) ctx.addIssue({ code: 'custom', path: ['tiers', i, 'offMinor'], message: 'must be below the tier’s threshold' });
        const prev = p.tiers[i - 1];
        if (prev && (t.minMinor <= prev.minMinor || t.offMinor <= prev.offMinor)) ctx.addIssue({ code: 'custom', path: ['tiers', i], message: 'tiers must rise in threshold and discount' });
      });
      if (p.every && p.tiers.length !== 1) issue('every', 'needs exactly one tier');
      if (p.code) issue('code', 'only coupons have a code');
    } else {
      if (!p.code) issue('code', 'is required');
      if (p.discountType === 'PERCENT' && !p.percentBps) issue('percentBps', 'is required');
      if (p.discountType === 'AMOUNT' && !p.amountOffMinor) issue('amountOffMinor', 'is required');
      if (!p.discountType) issue('discountType', 'is required');
      if (p.tiers.length) issue('tiers', 'only threshold promotions have tiers');
    }
  });
export type PromotionInput = z.output<typeof promotionSchema>;

export function checkPromotionInput(raw: unknown): PromotionInput {
  return validate(promotionSchema, raw);
}

/** Status shown in the console, from the dates, the uses and archiving. */
export type PromotionStatus = 'SCHEDULED' | 'ACTIVE' | 'ENDED' | 'EXHAUSTED' | 'ARCHIVED';

export function promotionStatus(p: { startsAt: Date; endsAt: Date; archivedAt: Date | null; usedCount: number; totalLimit: number | null }, now: Date): PromotionStatus {
  if (p.archivedAt) return 'ARCHIVED';
  if (now >= p.endsAt) return 'ENDED';
  if (p.totalLimit !== null && p.usedCount >= p.totalLimit) return 'EXHAUSTED';
  return now < p.startsAt ? 'SCHEDULED' : 'ACTIVE';
}
