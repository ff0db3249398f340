import { allocateLargestRemainder } from './allocation';

export type PromotionKind = 'THRESHOLD' | 'COUPON';
export type DiscountType = 'PERCENT' | 'AMOUNT';
export type Funder = 'MUSEUM' | 'PLATFORM';

export interface ThresholdTier {
  /** Covered goods (fen) from which the tier applies. */
  minMinor: number;
  offMinor: number;
}

/** What pricing needs of a promotion (already checked live: dates, limits, archived). */
export interface PromotionRule {
  id: string;
  /** null: platform-wide (spans museums). */
  museumId: string | null;
  kind: PromotionKind;
  name: string;
  code: string | null;
  fundedBy: Funder;
  tiers: readonly ThresholdTier[];
  /** THRESHOLD with one tier: off for every full `minMinor` (e.g. 30 off every 300). */
  every: boolean;
  discountType: DiscountType | null;
  percentBps: number | null;
  amountOffMinor: number | null;
  minSpendMinor: number;
  /** null: every product (of the museum, or of the platform). */
  productIds: readonly string[] | null;
}

export interface LineForPromotion {
  ref: string;
  museumId: string;
  productId: string;
  /** unit price × quantity, fen. */
  goodsMinor: number;
}

export interface AppliedPromotion {
  promotionId: string;
  name: string;
  kind: PromotionKind;
  museumId: string | null;
  code: string | null;
  fundedBy: Funder;
  amountMinor: number;
  /** Per line ref, this promotion's share (Σ = amountMinor). */
  perLine: ReadonlyMap<string, number>;
}

export interface LineDiscount {
  ref: string;
  discountMinor: number;
  /** The part of `discountMinor` the platform funds. */
  platformDiscountMinor: number;
}

export interface PromotionOutcome {
  applied: AppliedPromotion[];
  lines: LineDiscount[];
  discountMinor: number;
}

/** Whether a promotion covers a line: its museum's lines (any museum's when platform-wide), and its products if it names some. */
export function covers(p: PromotionRule, l: LineForPromotion): boolean {
  if (p.museumId !== null && p.museumId !== l.museumId) return false;
  return p.productIds === null || p.productIds.includes(l.productId);
}

/**
 * What one promotion takes off, given its covered lines' goods (`gross`, what thresholds and
 * minimum spends are measured on) and what is left of them after the promotions applied
 * before it (`left`). Never more than `left`.
 */
export function discountOf(p: PromotionRule, gross: number, left: number): number {
  let off = 0;
  if (p.kind === 'THRESHOLD') {
    if (p.every && p.tiers.length === 1) {
      const t = p.tiers[0]!;
      off = t.minMinor > 0 ? Math.floor(gross / t.minMinor) * t.offMinor : 0;
    } else {
      for (const t of p.tiers) if (gross >= t.minMinor && t.offMinor > off) off = t.offMinor;
    }
  } else if (gross >= p.minSpendMinor && gross > 0) {
    if (p.discountType === 'PERCENT') off = Math.floor((left * (p.percentBps ?? 0)) / 10_000);
    else off = p.amountOffMinor ?? 0;
  }
  return Math.max(0, Math.min(off, left));
}

/** Stage of a promotion in the stacking order: storefront thresholds, then the coupon, then platform-wide thresholds. */
function stage(p: PromotionRule): number {
  if (p.kind === 'COUPON') return 1;
  return p.museumId === null ? 2 : 0;
}

/**
 * Applies promotions in the stacking order; each one's discount is allocated to its covered
 * lines in proportion to what is left of them (largest remainder), so no line goes below zero.
 */
export function applyPromotions(lines: readonly LineForPromotion[], chosen: readonly PromotionRule[]): PromotionOutcome {
  const left = new Map(lines.map((l) => [l.ref, l.goodsMinor]));
  const platform = new Map(lines.map((l) => [l.ref, 0]));
  const applied: AppliedPromotion[] = [];
  const ordered = [...chosen].sort((a, b) => stage(a) - stage(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const p of ordered) {
    const covered = lines.filter((l) => covers(p, l));
    const gross = covered.reduce((a, l) => a + l.goodsMinor, 0);
    const rest = covered.reduce((a, l) => a + left.get(l.ref)!, 0);
    const amount = discountOf(p, gross, rest);
    if (amount <= 0) continue;
    const shares = allocateLargestRemainder(amount, covered.map((l) => left.get(l.ref)!));
    const perLine = new Map<string, number>();
    covered.forEach((l, i) => {
      left.set(l.ref, left.get(l.ref)! - shares[i]!);
      if (p.fundedBy === 'PLATFORM') platform.set(l.ref, platform.get(l.ref)! + shares[i]!);
      perLine.set(l.ref, shares[i]!);
    });
    applied.push({ promotionId: p.id, name: p.name, kind: p.kind, museumId: p.museumId, code: p.code, fundedBy: p.fundedBy, amountMinor: amount, perLine });
  }
  const out = lines.map((l) => ({ ref: l.ref, discountMinor: l.goodsMinor - left.get(l.ref)!, platformDiscountMinor: platform.get(l.ref)! }));
  return { applied, lines: out, discountMinor: out.reduce((a, l) => a + l.discountMinor, 0) };
}

/**
 * Stacking rules: at most one threshold promotion per storefront, at most one coupon (the one
 * the shopper entered) and at most one platform-wide threshold. The best combination is found
 * by enumerating every choice (none or one per group): the largest total discount wins; a tie
 * goes to fewer promotions, then the earlier ids, so the answer is deterministic.
 */
export function bestCombination(lines: readonly LineForPromotion[], candidates: readonly PromotionRule[], coupon: PromotionRule | null): PromotionOutcome {
  const relevant = candidates.filter((p) => p.kind === 'THRESHOLD' && lines.some((l) => covers(p, l)));
  const groups = new Map<string, PromotionRule[]>();
  for (const p of relevant) {
    const key = p.museumId ?? 'PLATFORM';
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  const choices: (PromotionRule | null)[][] = [...groups.keys()].sort().map((k) => [null, ...groups.get(k)!.sort((a, b) => (a.id < b.id ? -1 : 1))]);
  if (coupon && lines.some((l) => covers(coupon, l))) choices.push([null, coupon]);
  let best: { outcome: PromotionOutcome; used: number; ids: string } | null = null;
  const pick: PromotionRule[] = [];
  // The product of the groups' sizes: a cart spans a few storefronts with a few live promotions each.
  const walk = (g: number): void => {
    if (g === choices.length) {
      const outcome = applyPromotions(lines, pick);
      const used = outcome.applied.length;
      const ids = outcome.applied.map((a) => a.promotionId).sort().join(',');
      if (!best || outcome.discountMinor > best.outcome.discountMinor || (outcome.discountMinor === best.outcome.discountMinor && (used < best.used || (used === best.used && ids < best.ids)))) {
        best = { outcome, used, ids };
      }
      return;
    }
    for (const c of choices[g]!) {
      if (c) pick.push(c);
      walk(g + 1);
      if (c) pick.pop();
    }
  };
  walk(0);
  return best!.outcome;
}
