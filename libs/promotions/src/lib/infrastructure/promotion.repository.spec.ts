import { JsonRowError, type PrismaService } from '@vitrine/shared/data-access';
import { PromotionRepository } from './promotion.repository';

/** A live promotion's row as the raw statement answers it, `tiers` as the jsonb column holds it. */
function liveRow(tiers: unknown) {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    museumId: null,
    kind: 'THRESHOLD',
    name: 'Spend 300, save 30',
    code: null,
    fundedBy: 'PLATFORM',
    tiers,
    every: false,
    discountType: null,
    percentBps: null,
    amountOffMinor: null,
    minSpendMinor: 0,
    currency: 'CNY',
    perShopperLimit: null,
    totalLimit: null,
    usedCount: 0,
    startsAt: new Date('2026-12-01T00:00:00Z'),
    endsAt: new Date('2026-12-31T00:00:00Z'),
    archivedAt: null,
    productIds: null,
  };
}

function repositoryAnswering(rows: unknown[]): PromotionRepository {
  const sql = { $queryRaw: async () => rows, $executeRaw: async () => 0 };
  return new PromotionRepository({ sql } as unknown as PrismaService);
}

describe('PromotionRepository: tiers (jsonb) parsed with zod at the boundary (ADR 0023)', () => {
  it('answers the stored tiers, and none for a null column', async () => {
    const tiers = [{ minMinor: 30000, offMinor: 3000 }, { minMinor: 50000, offMinor: 6000 }];
    const repo = repositoryAnswering([liveRow(tiers), { ...liveRow(null), id: '00000000-0000-4000-8000-000000000002' }]);
    const live = await repo.liveThresholds(null, new Date('2026-12-06T00:00:00Z'));
    expect(live.map((p) => p.tiers)).toEqual([tiers, []]);
  });

  it('refuses a stored tier that does not match, naming the method and the field', async () => {
    const repo = repositoryAnswering([liveRow([{ minMinor: '30000', offMinor: 3000 }])]);
    const read = repo.couponByCode('WELCOME');
    await expect(read).rejects.toBeInstanceOf(JsonRowError);
    await expect(read).rejects.toThrow(/^PromotionRepository\.couponByCode: tiers\[0\]\.minMinor does not match its schema/);
  });
});
