import { allocateProportionally } from './allocation';
import type { CrossBorderRules, NetContentUnit } from './cross-border-rules';
import { dutiableValue, taxRegimeOf, type TaxRegime } from './dutiable-value';
import { addRatio, applyRatio, divRatio, formatRatio, mulRatio, oneMinus, ratioOf, ZERO, type Ratio } from './ratio';

/** A variant's net content: whole millilitres, grams or pieces. */
export interface NetContent {
  amount: number;
  unit: NetContentUnit;
}

/**
 * The consumption tax rate of `quantity` units whose dutiable value (the taxable price, before
 * VAT) is `dutiableMinor`: the category's rate when the price per millilitre, gram or piece of
 * net content reaches the threshold for that unit (high-end cosmetics: 10 CNY per ml or g,
 * 15 CNY per piece), else none. A taxed category without net content is taxed: nothing proves
 * it is below the threshold, and the tax is never under-collected (libs/customs/README.md).
 */
export function consumptionTaxRate(category: string, dutiableMinor: number, quantity: number, netContent: NetContent | null | undefined, rules: CrossBorderRules): Ratio {
  const ct = rules.consumptionTax[category];
  if (!ct) return ZERO;
  if (!netContent || netContent.amount <= 0) return ratioOf(ct.rate);
  // price per unit of content ≥ threshold  ⇔  dutiable ≥ threshold × content × quantity (integers, no division)
  const reaches = BigInt(dutiableMinor) >= BigInt(ct.thresholdsMinor[netContent.unit]) * BigInt(netContent.amount) * BigInt(quantity);
  return reaches ? ratioOf(ct.rate) : ZERO;
}

/**
 * Comprehensive cross-border tax rate for a given consumption tax rate: duty 0; import VAT and
 * consumption tax at the discount (70 %) of the statutory amount:
 *   rate = (consumption_tax + VAT) / (1 − consumption_tax) × discount
 * 13 % VAT alone gives 9.1 %; high-end cosmetics (15 % consumption tax) 0.28 / 0.85 × 0.7 ≈ 23.0588 %.
 */
export function comprehensiveTaxRate(consumption: Ratio, rules: CrossBorderRules): Ratio {
  return mulRatio(divRatio(addRatio(consumption, ratioOf(rules.vatRate)), oneMinus(consumption)), ratioOf(rules.taxDiscount));
}

/** The general-trade duty rate of an HS code: the longest configured prefix, else `default`. */
export function dutyRateFor(hsCode: string, rules: CrossBorderRules): Ratio {
  const code = hsCode.replace(/\D/g, '');
  let best: string | undefined;
  for (const prefix of Object.keys(rules.dutyRates)) {
    if (prefix !== 'default' && code.startsWith(prefix) && (!best || prefix.length > best.length)) best = prefix;
  }
  return ratioOf(rules.dutyRates[best ?? 'default']!);
}

export interface TaxableLine {
  /** Unit price in CNY fen. */
  unitPriceMinor: number;
  quantity: number;
  category: string;
  /** Decides the general-trade duty rate. */
  hsCode?: string;
  /** Decides the consumption-tax threshold of a taxed category (missing: taxed). */
  netContent?: NetContent | null;
  /** Promotions allocated to this line (fen, at most its goods): they lower its dutiable value, so its tax. */
  discountMinor?: number;
}

export interface TaxBreakdown {
  regime: TaxRegime;
  dutyMinor: number;
  vatMinor: number;
  consumptionTaxMinor: number;
}

export interface TaxedLine extends TaxBreakdown {
  goodsMinor: number;
  /** The line's discount (promotions), taken off its goods in the dutiable value. */
  discountMinor: number;
  /** This line's share of the order's freight (largest remainder, by goods value). */
  freightMinor: number;
  insuranceMinor: number;
  /** goods − discount + freight + insurance: the dutiable price (the price actually paid). */
  dutiableMinor: number;
  /** The (effective) rate as a decimal string with 6 places, for the snapshot; the tax used exact fractions. */
  taxRate: string;
  /** duty + VAT + consumption tax. */
  taxMinor: number;
}

export interface TaxedOrder {
  regime: TaxRegime;
  lines: TaxedLine[];
  goodsMinor: number;
  discountMinor: number;
  freightMinor: number;
  insuranceMinor: number;
  /** goods − discount + freight + insurance (`dutiableValue`). */
  dutiableMinor: number;
  taxMinor: number;
  /** goods − discount + freight + insurance + tax = Σ lines' dutiable + tax. */
  totalMinor: number;
}

/** Within limits: tax = dutiable × comprehensive rate (half up); its consumption-tax part likewise, VAT the rest. */
function retailTax(dutiable: number, ct: Ratio, rules: CrossBorderRules): TaxBreakdown & { rate: Ratio } {
  const rate = comprehensiveTaxRate(ct, rules);
  const total = applyRatio(dutiable, rate, 'HALF_UP');
  const consumptionTaxMinor = applyRatio(dutiable, mulRatio(divRatio(ct, oneMinus(ct)), ratioOf(rules.taxDiscount)), 'HALF_UP');
  return { regime: 'CBEC_RETAIL', rate, dutyMinor: 0, consumptionTaxMinor, vatMinor: total - consumptionTaxMinor };
}

/**
 * General trade: duty = dutiable × tariff rate; consumption tax and VAT in full on the composite
 * price (dutiable + duty) / (1 − ct): ct × that and VAT × that, each rounded half up to the fen.
 */
function generalTradeTax(dutiable: number, ct: Ratio, duty: Ratio, rules: CrossBorderRules): TaxBreakdown & { rate: Ratio } {
  const vat = ratioOf(rules.vatRate);
  const dutyMinor = applyRatio(dutiable, duty, 'HALF_UP');
  const base = dutiable + dutyMinor;
  const consumptionTaxMinor = applyRatio(base, divRatio(ct, oneMinus(ct)), 'HALF_UP');
  const vatMinor = applyRatio(base, divRatio(vat, oneMinus(ct)), 'HALF_UP');
  // effective rate on the dutiable value: duty + (1 + duty) × (ct + VAT) / (1 − ct)
  const rate = addRatio(duty, mulRatio(addRatio({ num: 1n, den: 1n }, duty), divRatio(addRatio(ct, vat), oneMinus(ct))));
  return { regime: 'GENERAL_TRADE', rate, dutyMinor, consumptionTaxMinor, vatMinor };
}

/**
 * Taxes one order line by line. Freight and insurance are allocated to lines in proportion
 * to their goods value by largest remainder, so Σ line shares equals the order's figure
 * exactly. The regime is the order's (`taxRegimeOf`): within the per-order limit, the
 * comprehensive tax; a single item above it, the general-trade taxes. Each line's tax is
 * stored with its parts (duty, VAT, consumption tax); the order's tax is the sum of its
 * lines' taxes (no second rounding).
 */
export function taxOrder(
  lines: readonly TaxableLine[],
  charges: { freightMinor: number; insuranceMinor?: number },
  rules: CrossBorderRules,
): TaxedOrder {
  for (const l of lines) {
    if (!Number.isSafeInteger(l.unitPriceMinor) || l.unitPriceMinor < 0) throw new RangeError('unit price must be a non-negative integer');
    if (!Number.isSafeInteger(l.quantity) || l.quantity < 1) throw new RangeError('quantity must be a positive integer');
    const d = l.discountMinor ?? 0;
    if (!Number.isSafeInteger(d) || d < 0 || d > l.unitPriceMinor * l.quantity) throw new RangeError('discount must be an integer between 0 and the goods');
  }
  const insurance = charges.insuranceMinor ?? 0;
  const goods = lines.map((l) => l.unitPriceMinor * l.quantity);
  const goodsMinor = goods.reduce((a, g) => a + g, 0);
  const discounts = lines.map((l) => l.discountMinor ?? 0);
  const discountMinor = discounts.reduce((a, d) => a + d, 0);
  // The customs value is the price actually paid: goods less the discount (ADR 0019). Freight
  // and insurance are still shared by goods value, so a discount moves no freight between lines.
  const freight = allocateProportionally(charges.freightMinor, goods);
  const insurances = allocateProportionally(insurance, goods);
  const regime = taxRegimeOf({ goodsMinor: goodsMinor - discountMinor, freightMinor: charges.freightMinor, insuranceMinor: insurance, lines }, rules);
  const taxed = lines.map((l, i): TaxedLine => {
    const dutiableMinor = dutiableValue({ goodsMinor: goods[i]! - discounts[i]!, freightMinor: freight[i]!, insuranceMinor: insurances[i]! });
    const ct = consumptionTaxRate(l.category, dutiableMinor, l.quantity, l.netContent, rules);
    const { rate, ...tax } = regime === 'GENERAL_TRADE' ? generalTradeTax(dutiableMinor, ct, dutyRateFor(l.hsCode ?? '', rules), rules) : retailTax(dutiableMinor, ct, rules);
    return {
      goodsMinor: goods[i]!,
      discountMinor: discounts[i]!,
      freightMinor: freight[i]!,
      insuranceMinor: insurances[i]!,
      dutiableMinor,
      taxRate: formatRatio(rate),
      ...tax,
      taxMinor: tax.dutyMinor + tax.vatMinor + tax.consumptionTaxMinor,
    };
  });
  const taxMinor = taxed.reduce((a, l) => a + l.taxMinor, 0);
  const dutiableMinor = dutiableValue({ goodsMinor: goodsMinor - discountMinor, freightMinor: charges.freightMinor, insuranceMinor: insurance });
  return {
    regime,
    lines: taxed,
    goodsMinor,
    discountMinor,
    freightMinor: charges.freightMinor,
    insuranceMinor: insurance,
    dutiableMinor,
    taxMinor,
    totalMinor: dutiableMinor + taxMinor,
  };
}
