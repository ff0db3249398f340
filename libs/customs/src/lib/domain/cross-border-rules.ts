import { z } from 'zod';

/**
 * China's cross-border retail import figures. They are regulation, so they live in
 * configuration (environment) with today's figures as defaults; an operator follows a rule
 * change by changing the environment, not the code.
 */
export interface CrossBorderRules {
  /** Goods value of one order, CNY fen (default 5,000 CNY). */
  orderLimitMinor: number;
  /** Goods value per identity per calendar year in China, CNY fen (default 26,000 CNY). */
  annualLimitMinor: number;
  /** Import VAT, decimal string (default 0.13). */
  vatRate: string;
  /** Share of the statutory VAT and consumption tax levied within limits (default 0.7). */
  taxDiscount: string;
  /**
   * Consumption tax per cross-border category, applied when the unit price (CNY fen) is at
   * or above the threshold. Default: cosmetics 15% from 15 CNY a piece.
   */
  consumptionTax: Record<string, { rate: string; unitThresholdMinor: number }>;
}

export const DEFAULT_CROSS_BORDER_RULES: CrossBorderRules = {
  orderLimitMinor: 500_000,
  annualLimitMinor: 2_600_000,
  vatRate: '0.13',
  taxDiscount: '0.7',
  consumptionTax: { COSMETICS: { rate: '0.15', unitThresholdMinor: 1_500 } },
};

const decimalRate = z.string().regex(/^(0(\.\d+)?|1(\.0+)?)$/, 'must be a decimal between 0 and 1');
const rulesSchema = z.object({
  orderLimitMinor: z.coerce.number().int().positive(),
  annualLimitMinor: z.coerce.number().int().positive(),
  vatRate: decimalRate,
  taxDiscount: decimalRate,
  consumptionTax: z.record(
    z.string(),
    z.object({ rate: decimalRate.refine((r) => Number(r) < 1, 'must be below 1'), unitThresholdMinor: z.number().int().min(0) }),
  ),
});

/** CBEC_ORDER_LIMIT_MINOR, CBEC_ANNUAL_LIMIT_MINOR, CBEC_VAT_RATE, CBEC_TAX_DISCOUNT, CBEC_CONSUMPTION_TAX (JSON). */
export function crossBorderRulesFromEnv(env: NodeJS.ProcessEnv = process.env): CrossBorderRules {
  const d = DEFAULT_CROSS_BORDER_RULES;
  return rulesSchema.parse({
    orderLimitMinor: env['CBEC_ORDER_LIMIT_MINOR'] ?? d.orderLimitMinor,
    annualLimitMinor: env['CBEC_ANNUAL_LIMIT_MINOR'] ?? d.annualLimitMinor,
    vatRate: env['CBEC_VAT_RATE'] ?? d.vatRate,
    taxDiscount: env['CBEC_TAX_DISCOUNT'] ?? d.taxDiscount,
    consumptionTax: env['CBEC_CONSUMPTION_TAX'] ? JSON.parse(env['CBEC_CONSUMPTION_TAX']) : d.consumptionTax,
  });
}
