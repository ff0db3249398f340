import { Injectable } from '@nestjs/common';
import { PrismaService } from '@vitrine/shared/data-access';
import { StorefrontsReadPort } from '@vitrine/storefronts';
import type { CommissionRates } from '../domain/commission';

export interface CommissionSettingRow extends CommissionRates {
  id: string | null;
  storefrontId: string;
  effectiveFrom: Date | null;
  /** The storefront's terms pass Stripe's fees on to its orders' sellers. */
  passStripeFees: boolean;
}

@Injectable()
export class CommissionRepository {
  constructor(private readonly prisma: PrismaService) {}

  async storefrontExists(storefrontId: string): Promise<boolean> {
    const rows = await this.prisma.$queryRaw<{ one: number }[]>`SELECT 1 AS one FROM ${StorefrontsReadPort.storefronts} s WHERE s.id = ${storefrontId}::uuid`;
    return rows.length > 0;
  }

  async insert(s: { storefrontId: string; rates: CommissionRates; passStripeFees: boolean; createdBy: string }): Promise<CommissionSettingRow> {
    const json = JSON.stringify(Object.fromEntries(s.rates.categoryRates.map((c) => [c.category, c.rateBps])));
    const rows = await this.prisma.$queryRaw<{ id: string; effectiveFrom: Date }[]>`
      INSERT INTO commission_settings (id, storefront_id, default_rate_bps, category_rates, pass_stripe_fees, effective_from, created_by)
      VALUES (gen_random_uuid(), ${s.storefrontId}::uuid, ${s.rates.defaultRateBps}, ${json}::jsonb, ${s.passStripeFees}, clock_timestamp(), ${s.createdBy}::uuid)
      RETURNING id::text, effective_from AS "effectiveFrom"`;
    return { id: rows[0]!.id, storefrontId: s.storefrontId, effectiveFrom: rows[0]!.effectiveFrom, ...s.rates, passStripeFees: s.passStripeFees };
  }

  /** The setting in force now (null: none yet). */
  async current(storefrontId: string): Promise<CommissionSettingRow | null> {
    const rows = await this.prisma.$queryRaw<{ id: string; defaultRateBps: number; categoryRates: Record<string, number>; passStripeFees: boolean; effectiveFrom: Date }[]>`
      SELECT id::text, default_rate_bps AS "defaultRateBps", category_rates AS "categoryRates", pass_stripe_fees AS "passStripeFees", effective_from AS "effectiveFrom"
        FROM commission_settings WHERE storefront_id = ${storefrontId}::uuid AND effective_from <= clock_timestamp()
       ORDER BY effective_from DESC, created_at DESC LIMIT 1`;
    const r = rows[0];
    if (!r) return null;
    return {
      id: r.id,
      storefrontId,
      effectiveFrom: r.effectiveFrom,
      defaultRateBps: r.defaultRateBps,
      passStripeFees: r.passStripeFees,
      categoryRates: Object.entries(r.categoryRates).map(([category, rateBps]) => ({ category, rateBps })).sort((a, b) => a.category.localeCompare(b.category)),
    };
  }
}
