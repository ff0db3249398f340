import type { PrismaService } from '@vitrine/shared/data-access';
import { stableId } from './stable-id';

const DAY = 86_400_000;

/** The demo's promotions: what each storefront's cart shows, and coupon codes to try (CNY fen). */
export const DEMO_PROMOTIONS = [
  { key: 'louvre-every-300', museum: 'louvre', kind: 'THRESHOLD', name: '每满300减30 · 30 off every 300', tiers: [{ minMinor: 30_000, offMinor: 3_000 }], every: true },
  { key: 'louvre-coupon', museum: 'louvre', kind: 'COUPON', name: 'Louvre 20 off from 200', code: 'LOUVRE20', discountType: 'AMOUNT', amountOffMinor: 2_000, minSpendMinor: 20_000, perShopperLimit: 1, totalLimit: 500 },
  {
    key: 'british-museum-tiers',
    museum: 'british-museum',
    kind: 'THRESHOLD',
    name: '满200减20，满500减60',
    tiers: [
      { minMinor: 20_000, offMinor: 2_000 },
      { minMinor: 50_000, offMinor: 6_000 },
    ],
  },
  { key: 'british-museum-coupon', museum: 'british-museum', kind: 'COUPON', name: 'British Museum 10 %', code: 'BM10', discountType: 'PERCENT', percentBps: 1_000, perShopperLimit: 2 },
  { key: 'orsay-coupon', museum: 'orsay', kind: 'COUPON', name: 'Orsay 15 off', code: 'ORSAY15', discountType: 'AMOUNT', amountOffMinor: 1_500, totalLimit: 200 },
  // Ended: the console shows it as such and the cart answers COUPON_EXPIRED.
  { key: 'orsay-summer', museum: 'orsay', kind: 'COUPON', name: 'Orsay summer (ended)', code: 'ORSAYSUMMER', discountType: 'PERCENT', percentBps: 1_500, ended: true },
  // 跨店满减: across every museum, borne by the platform.
  { key: 'platform-600', museum: null, kind: 'THRESHOLD', name: '跨店满600减50 · 50 off from 600 across museums', tiers: [{ minMinor: 60_000, offMinor: 5_000 }] },
] as const;

type Demo = (typeof DEMO_PROMOTIONS)[number];
const pick = <K extends string>(p: Demo, k: K): unknown => (p as Record<string, unknown>)[k];

/**
 * Seeds the demo promotions after the demo orders (their prices stay those they were placed
 * at). Ids come from the keys and existing rows are left as they are, so a second run changes
 * nothing; a fresh database's promotions run from yesterday for a year.
 */
export async function seedPromotions(prisma: PrismaService, museumIds: ReadonlyMap<string, string>, managerOf: (museumSlug: string) => string, operatorEmail: string): Promise<number> {
  const now = Date.now();
  const emails = [operatorEmail, ...[...museumIds.keys()].map(managerOf)];
  const users = new Map((await prisma.user.findMany({ where: { email: { in: emails } }, select: { id: true, email: true } })).map((u) => [u.email, u.id]));
  const rows = DEMO_PROMOTIONS.map((p) => {
    const ended = pick(p, 'ended') === true;
    return {
      id: stableId(`promotion:${p.key}`),
      museumId: p.museum ? museumIds.get(p.museum)! : null,
      kind: p.kind,
      name: p.name,
      code: (pick(p, 'code') as string | undefined) ?? null,
      tiers: (pick(p, 'tiers') as { minMinor: number; offMinor: number }[] | undefined) ?? [],
      every: pick(p, 'every') === true,
      discountType: (pick(p, 'discountType') as 'PERCENT' | 'AMOUNT' | undefined) ?? null,
      percentBps: (pick(p, 'percentBps') as number | undefined) ?? null,
      amountOffMinor: (pick(p, 'amountOffMinor') as number | undefined) ?? null,
      minSpendMinor: (pick(p, 'minSpendMinor') as number | undefined) ?? 0,
      fundedBy: p.museum ? ('MUSEUM' as const) : ('PLATFORM' as const),
      perShopperLimit: (pick(p, 'perShopperLimit') as number | undefined) ?? null,
      totalLimit: (pick(p, 'totalLimit') as number | undefined) ?? null,
      startsAt: new Date(now - (ended ? 90 : 1) * DAY),
      endsAt: new Date(ended ? now - 30 * DAY : now + 365 * DAY),
      createdBy: users.get(p.museum ? managerOf(p.museum) : operatorEmail)!,
    };
  });
  const { count } = await prisma.promotion.createMany({ data: rows, skipDuplicates: true });
  return count;
}
