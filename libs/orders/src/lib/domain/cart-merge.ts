/** A cart line as the merge sees it. */
export interface MergeLine {
  variantId: string;
  quantity: number;
}

export interface CartLimits {
  maxCartLines: number;
  maxLineQuantity: number;
}

export interface CartMergePlan {
  /** The quantity each changed or new line of the shopper's cart ends with. */
  set: MergeLine[];
  /** Units of the guest cart the cart rules left out (a line capped, or no room for a new line). */
  leftOut: MergeLine[];
}

/**
 * Merges a guest cart into a shopper's cart: units of one variant add up, capped at the
 * units a line may hold; a variant the shopper's cart lacks becomes a new line while the
 * cart has room, in the guest cart's order. What does not fit is reported, never kept.
 */
export function planCartMerge(target: readonly MergeLine[], guest: readonly MergeLine[], limits: CartLimits): CartMergePlan {
  const quantities = new Map(target.map((l) => [l.variantId, l.quantity]));
  const set = new Map<string, number>();
  const leftOut: MergeLine[] = [];
  for (const g of guest) {
    if (g.quantity <= 0) continue;
    const current = quantities.get(g.variantId);
    if (current === undefined && quantities.size >= limits.maxCartLines) {
      leftOut.push({ variantId: g.variantId, quantity: g.quantity });
      continue;
    }
    const wanted = (current ?? 0) + g.quantity;
    const kept = Math.min(wanted, Math.max(limits.maxLineQuantity, current ?? 0));
    if (kept < wanted) leftOut.push({ variantId: g.variantId, quantity: wanted - kept });
    if (kept !== current) {
      quantities.set(g.variantId, kept);
      set.set(g.variantId, kept);
    }
  }
  return { set: [...set].map(([variantId, quantity]) => ({ variantId, quantity })), leftOut };
}
