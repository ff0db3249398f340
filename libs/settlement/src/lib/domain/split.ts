import { commissionOn } from './commission';
import { compact, lineKey, platform, sellerPending, type EntryLine, type JournalEntryDraft } from './ledger';

export type SellerRef = { type: 'MUSEUM' | 'BRAND'; id: string };

/** An order as it was paid, with the rates snapshotted at checkout and each licensed line's royalty. */
export interface OrderToSettle {
  orderId: string;
  checkoutId: string;
  /** The storefront's museum (seller of record; receives the royalty of co-branded lines). */
  museumId: string;
  /** Who ships the parcel and so earns its freight: the brand that fulfils co-branded lines, or the museum. */
  shipper: SellerRef;
  currency: string;
  shippingMinor: number;
  insuranceMinor: number;
  taxMinor: number;
  totalMinor: number;
  lines: {
    /** What the seller sells the goods for: unit price × units less the promotions the seller funds. */
    goodsMinor: number;
    /** Promotions the platform funds on this line (platform-wide ones): the platform pays them to the seller. */
    platformDiscountMinor?: number;
    commissionRateBps: number;
    /** Whose goods these are: the museum, or the brand that fulfils a co-branded product. */
    fulfiller: SellerRef;
    /** Royalty owed to the museum on this line (licensing's rule, in the order's currency); 0 when not licensed. */
    royaltyMinor: number;
  }[];
}

/**
 * The entry of a paid order: Stripe clearing is debited with what the shopper paid; the tax
 * is owed to customs; the sellers' shares are owed but pending until the return window
 * closes (`maturityEntry` makes them payable). Each line's goods go to its fulfiller less the commission (platform)
 * and, for a co-branded line, less the royalty (the museum); freight and insurance go to
 * whoever ships. Balanced by construction when total = goods + shipping + insurance + tax;
 * otherwise `assertBalanced` refuses it.
 */
export function orderPaidEntry(o: OrderToSettle, occurredAt: Date): JournalEntryDraft {
  const c = o.currency;
  const line = (account: EntryLine['account'], component: EntryLine['component'], amountMinor: number): EntryLine => ({ account, component, amountMinor, orderId: o.orderId, currency: c });
  const lines: EntryLine[] = [
    line(platform('STRIPE_CLEARING'), 'PAYMENT', o.totalMinor),
    line(platform('TAX_PAYABLE'), 'TAX', -o.taxMinor),
    line(sellerPending(o.shipper.type, o.shipper.id), 'FREIGHT', -(o.shippingMinor + o.insuranceMinor)),
  ];
  for (const l of o.lines) {
    // The shopper paid less by what the platform funds; the platform bears it (ADR 0019).
    if (l.platformDiscountMinor) lines.push(line(platform('PLATFORM_PROMOTIONS'), 'PROMOTION', l.platformDiscountMinor));
    const commission = commissionOn(l.goodsMinor, l.commissionRateBps);
    lines.push(
      line(platform('PLATFORM_COMMISSION'), 'COMMISSION', -commission),
      line(sellerPending('MUSEUM', o.museumId), 'ROYALTY', -l.royaltyMinor),
      line(sellerPending(l.fulfiller.type, l.fulfiller.id), 'GOODS', -(l.goodsMinor - commission - l.royaltyMinor)),
    );
  }
  return { eventKey: `order-paid:${o.orderId}`, kind: 'ORDER_PAID', checkoutId: o.checkoutId, occurredAt, lines: compact(lines) };
}

/**
 * The lines that take back `reversedMinor` in all (cumulative, 0..total) of an order's
 * payment, in proportion to its split: each line's cumulative share is its amount × reversed
 * / total, floored, with the units left over given to the largest remainders (ties: the
 * order of the lines), so the shares add up exactly and a full reversal returns every line
 * exactly. What is posted is the share less what earlier reversals already took back
 * (`reversedBefore`, by line key), so any sequence of partial refunds, failed refunds and
 * lost disputes ends where their cumulative amount says, to the unit.
 */
export function proportionalReversal(paid: readonly EntryLine[], reversedBefore: ReadonlyMap<string, number>, reversedMinor: number): EntryLine[] {
  const clearing = paid.filter((l) => l.component === 'PAYMENT');
  const split = paid.filter((l) => l.component !== 'PAYMENT');
  const total = clearing.reduce((a, l) => a + l.amountMinor, 0);
  if (total <= 0 || !Number.isSafeInteger(reversedMinor) || reversedMinor < 0 || reversedMinor > total) {
    throw new RangeError(`cannot reverse ${reversedMinor} of a payment of ${total}`);
  }
  const shares = largestRemainder(split.map((l) => -l.amountMinor), reversedMinor, total);
  const out: EntryLine[] = clearing.map((l) => ({ ...l, amountMinor: -reversedMinor - (reversedBefore.get(lineKey(l)) ?? 0) }));
  split.forEach((l, i) => out.push({ ...l, amountMinor: shares[i]! - (reversedBefore.get(lineKey(l)) ?? 0) }));
  return compact(out);
}

/** Splits `part` of `whole` over `weights` (which sum to `whole`) in integers summing to `part`. */
export function largestRemainder(weights: readonly number[], part: number, whole: number): number[] {
  const w = BigInt(whole);
  const p = BigInt(part);
  const floors = weights.map((x) => floorDiv(BigInt(x) * p, w));
  const rems = weights.map((x, i) => BigInt(x) * p - floors[i]! * w);
  let left = Number(p - floors.reduce((a, b) => a + b, 0n));
  const order = rems.map((r, i) => ({ r, i })).sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  const out = floors.map(Number);
  for (let k = 0; left > 0 && k < order.length; k++, left--) out[order[k]!.i]! += 1;
  return out;
}

/** Splits an amount over orders in proportion to what each still has (largest remainder). */
export function allocateOverOrders(amountMinor: number, remaining: readonly { orderId: string; remainingMinor: number }[]): Map<string, number> {
  const open = remaining.filter((r) => r.remainingMinor > 0);
  const whole = open.reduce((a, r) => a + r.remainingMinor, 0);
  const part = Math.min(amountMinor, whole);
  const shares = whole ? largestRemainder(open.map((r) => r.remainingMinor), part, whole) : [];
  return new Map(open.map((r, i) => [r.orderId, shares[i]!]));
}

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && (a < 0n) !== (b < 0n) ? q - 1n : q;
}
