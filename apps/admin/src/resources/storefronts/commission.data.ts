import { gql } from '../../api/graphql';
import { graphql } from '../../generated';
import type { CommissionFieldsFragment } from '../../generated/graphql';

// The operator's commission on a storefront (libs/settlement, ADR 0014): a default rate and
// rates per product category, in basis points (100 = 1 %). A change is in force for orders
// placed from then on; orders keep the rate of their checkout.

graphql(`
  fragment CommissionFields on CommissionSettings {
    id
    storefrontId
    effectiveFrom
    defaultRateBps
    passStripeFees
    categoryRates { category rateBps }
  }
`);
const COMMISSION = graphql(`
  query CommissionSettings($storefrontId: ID!) { commissionSettings(storefrontId: $storefrontId) { ...CommissionFields } }
`);
const SET_COMMISSION = graphql(`
  mutation SetCommissionRates($input: SetCommissionRatesInput!) { setCommissionRates(input: $input) { ...CommissionFields } }
`);

export type CommissionSettings = CommissionFieldsFragment;

/** The form's values: percentages as the operator types them ("12.5"), not basis points. */
export interface CommissionForm {
  defaultPercent: string;
  passStripeFees: boolean;
  categoryRates: { category: string; percent: string }[];
}

const PERCENT = /^\d{1,3}(?:[.,]\d{1,2})?$/;

/** "12.5" or "12,5" → 1250 basis points; null when it is not a percentage of at most two decimals in 0..100. */
export function percentToBps(text: string | number | null | undefined): number | null {
  const s = String(text ?? '').trim();
  if (!PERCENT.test(s)) return null;
  const [whole, frac = ''] = s.replace(',', '.').split('.');
  const bps = Number(whole) * 100 + Number(frac.padEnd(2, '0'));
  return bps <= 10_000 ? bps : null;
}

/** 1250 → "12.5" (no trailing zeros). */
export const bpsToPercent = (bps: number): string => (bps / 100).toFixed(2).replace(/\.?0+$/, '');

export const toForm = (s: CommissionSettings): CommissionForm => ({
  defaultPercent: bpsToPercent(s.defaultRateBps),
  passStripeFees: s.passStripeFees,
  categoryRates: s.categoryRates.map((c) => ({ category: c.category, percent: bpsToPercent(c.rateBps) })),
});

export async function commissionOf(storefrontId: string): Promise<CommissionSettings> {
  return (await gql(COMMISSION, { storefrontId })).commissionSettings;
}

/** Saves the form (already validated by the form's rules; the API checks again). */
export async function saveCommission(storefrontId: string, form: CommissionForm): Promise<CommissionSettings> {
  const r = await gql(
    SET_COMMISSION,
    {
      input: {
        storefrontId,
        defaultRateBps: percentToBps(form.defaultPercent) ?? -1,
        passStripeFees: form.passStripeFees,
        categoryRates: (form.categoryRates ?? []).map((c) => ({ category: c.category.trim(), rateBps: percentToBps(c.percent) ?? -1 })),
      },
    },
    // The API's paths (categoryRates.0.rateBps, defaultRateBps) name the form's fields.
    { mapField: (path) => path.replace(/rateBps$/, 'percent').replace(/^defaultRateBps$/, 'defaultPercent') },
  );
  return r.setCommissionRates;
}
