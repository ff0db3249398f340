import type { IsoDate } from './periods';
import { addMonths } from './periods';

/**
 * A monthly royalty statement from the ledger entries it reports and the royalty of the
 * statements before it.
 *
 * The advance is paid at signature and recouped from royalty; the minimum guarantee is due
 * at the end of the term. Over the life of an agreement the brand pays
 * max(advance, royalty, minimum guarantee once the term has ended); each statement bills
 * the change of that figure since the previous one:
 *   payable = royalty − advance recouped + change of the minimum-guarantee shortfall.
 * The shortfall is max(0, MG − max(advance, cumulative royalty)) from the statement whose
 * month contains the term's end; royalty accrued during the sell-off reduces it again
 * (a negative shortfall change). No rounding happens here: the inputs are integers.
 */

export interface StatementTerms {
  advanceMinor: number;
  minimumGuaranteeMinor: number;
  termEnd: IsoDate;
}

export interface EntryTotals {
  entryCount: number;
  units: number;
  netSalesMinor: number;
  royaltyMinor: number;
}

export interface StatementFigures extends EntryTotals {
  periodStart: IsoDate;
  /** Last day of the period (inclusive). */
  periodEnd: IsoDate;
  cumulativeRoyaltyMinor: number;
  advanceRecoupedMinor: number;
  advanceRemainingMinor: number;
  minimumGuaranteeShortfallMinor: number;
  amountPayableMinor: number;
}

const recouped = (royalty: number, advance: number) => Math.min(advance, Math.max(0, royalty));
const shortfall = (royalty: number, terms: StatementTerms, termEnded: boolean) =>
  termEnded ? Math.max(0, terms.minimumGuaranteeMinor - Math.max(terms.advanceMinor, royalty)) : 0;

export function computeStatement(input: { periodStart: IsoDate; terms: StatementTerms; priorCumulativeRoyaltyMinor: number; totals: EntryTotals }): StatementFigures {
  const { periodStart, terms, totals } = input;
  const nextStart = addMonths(periodStart, 1);
  const r0 = input.priorCumulativeRoyaltyMinor;
  const r1 = r0 + totals.royaltyMinor;
  const endedBefore = terms.termEnd < periodStart;
  const endedBy = terms.termEnd < nextStart;
  const advanceRecoupedMinor = recouped(r1, terms.advanceMinor) - recouped(r0, terms.advanceMinor);
  const minimumGuaranteeShortfallMinor = shortfall(r1, terms, endedBy) - shortfall(r0, terms, endedBefore);
  const last = new Date(`${nextStart}T00:00:00Z`);
  last.setUTCDate(0);
  return {
    ...totals,
    periodStart,
    periodEnd: last.toISOString().slice(0, 10),
    cumulativeRoyaltyMinor: r1,
    advanceRecoupedMinor,
    advanceRemainingMinor: terms.advanceMinor - recouped(r1, terms.advanceMinor),
    minimumGuaranteeShortfallMinor,
    amountPayableMinor: totals.royaltyMinor - advanceRecoupedMinor + minimumGuaranteeShortfallMinor,
  };
}
