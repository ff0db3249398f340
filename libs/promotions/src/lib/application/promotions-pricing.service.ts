import { Injectable } from '@nestjs/common';
import type { SqlTx } from '@vitrine/shared/data-access';
import { bestCombination, covers, discountOf, type AppliedPromotion, type LineForPromotion, type PromotionOutcome } from '../domain/best-combination';
import { PromotionsError, PromotionsErrorCode } from '../domain/promotions-error';
import { PromotionRepository, type LivePromotion } from '../infrastructure/promotion.repository';

/** How much more the covered lines must come to for a coupon's minimum spend (integer minor units). */
export interface SpendShortfall {
  amountMinor: number;
  currency: string;
}

export interface CartCouponCheck {
  code: string;
  /** Why it takes nothing off (null when it applies). */
  problem: PromotionsErrorCode | null;
  /** With COUPON_MIN_SPEND_NOT_MET: what is still to spend on the lines the coupon covers. */
  shortfall: SpendShortfall | null;
}

export interface CartPromotions extends PromotionOutcome {
  /** The coupon entered on the cart, and why it takes nothing off when it does not apply. */
  coupon: CartCouponCheck | null;
}

/**
 * A coupon refused with its stable code; COUPON_MIN_SPEND_NOT_MET carries `shortfall`
 * ({ amountMinor, currency }) in its extensions, so the shop can say how much more to spend.
 */
export function couponRefusal(c: CartCouponCheck & { problem: PromotionsErrorCode }, message: string, field: string): PromotionsError {
  return new PromotionsError(c.problem, message, { field, ...(c.shortfall ? { shortfall: { ...c.shortfall } } : {}) });
}

const CODE = /^[A-Z0-9_-]{4,32}$/;
/** How old the thresholds a cart's view shows may be (placeOrder reads them live). */
export const VIEW_TTL_MS = 5_000;

export const NO_PROMOTIONS: CartPromotions = { applied: [], lines: [], discountMinor: 0, coupon: null };

/** What placeOrder's transaction redeems: per order of the checkout, what each promotion took off it. */
export interface RedemptionRequest {
  checkoutId: string;
  identityId: string;
  shopperUserId: string | null;
  applied: readonly AppliedPromotion[];
  /** Which order each cart line ref went to. */
  orders: readonly { orderId: string; museumId: string; refs: readonly string[] }[];
  at: Date;
}

/**
 * Promotions as checkout sees them (libs/orders calls this; promotions knows nothing of carts
 * or orders beyond their ids). The stacking rules and the allocation are the pure
 * `bestCombination` (ADR 0019).
 */
@Injectable()
export class PromotionsPricingService {
  constructor(private readonly repo: PromotionRepository) {}

  /**
   * The best combination for these lines: live thresholds of their museums, platform-wide
   * ones, and the coupon the shopper entered (its code travels with the cart's requests and
   * placeOrder; a coupon that does not apply takes nothing and says why). Thresholds come from
   * a list read up to VIEW_TTL_MS ago (no statement per cart view or checkout; `live` reads
   * them in the request): `redeem` checks each one's dates and limits again under its row lock.
   */
  async evaluate(lines: readonly LineForPromotion[], couponCode: string | null | undefined, shopperUserId: string | null, at: Date, opts: { live?: boolean } = {}): Promise<CartPromotions> {
    if (!lines.length) return NO_PROMOTIONS;
    const museumIds = new Set(lines.map((l) => l.museumId));
    const code = couponCode?.trim().toUpperCase() || null;
    const [all, coupon] = await Promise.all([opts.live ? this.repo.liveThresholds(null, at) : this.cachedThresholds(at), code && CODE.test(code) ? this.repo.couponByCode(code) : Promise.resolve(null)]);
    const thresholds = all.filter((p) => p.museumId === null || museumIds.has(p.museumId)).filter((p) => p.startsAt <= at && at < p.endsAt);
    let check: Omit<CartCouponCheck, 'code'> = { problem: null, shortfall: null };
    if (code) check = coupon ? await this.couponProblem(coupon, lines, { userId: shopperUserId }, at) : { problem: PromotionsErrorCode.COUPON_INVALID, shortfall: null };
    const outcome = bestCombination(lines, thresholds, coupon && !check.problem ? coupon : null);
    return { ...outcome, coupon: code ? { code, ...check } : null };
  }

  private cache: { at: number; rows: Promise<LivePromotion[]> } | null = null;

  /** Live thresholds of every museum, read at most once per VIEW_TTL_MS per process (cart views only). */
  private cachedThresholds(at: Date): Promise<LivePromotion[]> {
    const now = Date.now();
    if (!this.cache || now - this.cache.at > VIEW_TTL_MS) {
      // Read for a window: a promotion starting or ending within it is filtered by its dates at use.
      const rows = this.repo.liveThresholds(null, at, VIEW_TTL_MS);
      rows.catch(() => (this.cache = null));
      this.cache = { at: now, rows };
    }
    return this.cache.rows;
  }

  /** A console write in this process shows in the next cart view. */
  forgetCached(): void {
    this.cache = null;
  }

  /**
   * In placeOrder's transaction, after the identity is locked: one use of each applied
   * promotion (conditional increment: concurrent checkouts queue on the promotion's row and
   * none passes its total limit), the per-shopper limit counted by account and by resident
   * ID identity under that lock, then a redemption row per order. A refusal rolls the whole
   * checkout back: nothing is written.
   */
  async redeem(tx: SqlTx, r: RedemptionRequest): Promise<void> {
    // Rows locked in id order, the same for every checkout: no deadlock between two coupons.
    const applied = [...r.applied].sort((a, b) => (a.promotionId < b.promotionId ? -1 : 1));
    for (const p of applied) {
      const taken = await this.repo.takeUse(tx, p.promotionId, r.at);
      if (!taken) {
        throw p.kind === 'COUPON'
          ? new PromotionsError(PromotionsErrorCode.COUPON_EXHAUSTED, messages.COUPON_EXHAUSTED, { field: 'coupon', promotionId: p.promotionId })
          : new PromotionsError(PromotionsErrorCode.PROMOTION_EXHAUSTED, 'A promotion in this cart has just ended or run out; the cart shows the new price', { promotionId: p.promotionId });
      }
      // Under the row lock just taken: this shopper's earlier checkouts with it (account or resident ID).
      if (taken.perShopperLimit !== null && (await this.repo.usesBy(tx, p.promotionId, { userId: r.shopperUserId, identityId: r.identityId })) >= taken.perShopperLimit) {
        throw new PromotionsError(PromotionsErrorCode.COUPON_LIMIT_REACHED, messages.COUPON_LIMIT_REACHED, { field: 'coupon', promotionId: p.promotionId });
      }
    }
    await this.repo.insertRedemptions(
      tx,
      applied.flatMap((p) =>
        r.orders.flatMap((o) => {
          const amountMinor = o.refs.reduce((a, ref) => a + (p.perLine.get(ref) ?? 0), 0);
          return amountMinor > 0
            ? [{ promotionId: p.promotionId, checkoutId: r.checkoutId, orderId: o.orderId, museumId: o.museumId, identityId: r.identityId, shopperUserId: r.shopperUserId, amountMinor, fundedBy: p.fundedBy }]
            : [];
        }),
      ),
    );
  }

  /** A checkout cancelled or expired unpaid (or withdrawn) gives its uses back; safe to call again. */
  release(tx: SqlTx, checkoutIds: readonly string[], at: Date = new Date()): Promise<number> {
    return this.repo.release(tx, checkoutIds, at);
  }

  ofOrders(orderIds: readonly string[]) {
    return this.repo.ofOrders(orderIds);
  }

  private async couponProblem(
    c: LivePromotion,
    lines: readonly LineForPromotion[],
    who: { userId: string | null },
    at: Date,
  ): Promise<Omit<CartCouponCheck, 'code'>> {
    const refused = (problem: PromotionsErrorCode, shortfall: SpendShortfall | null = null) => ({ problem, shortfall });
    if (c.archivedAt) return refused(PromotionsErrorCode.COUPON_INVALID);
    if (at >= c.endsAt) return refused(PromotionsErrorCode.COUPON_EXPIRED);
    if (at < c.startsAt) return refused(PromotionsErrorCode.COUPON_NOT_STARTED);
    if (c.totalLimit !== null && c.usedCount >= c.totalLimit) return refused(PromotionsErrorCode.COUPON_EXHAUSTED);
    const covered = lines.filter((l) => covers(c, l));
    if (!covered.length) return refused(PromotionsErrorCode.COUPON_NOT_APPLICABLE);
    const gross = covered.reduce((a, l) => a + l.goodsMinor, 0);
    if (discountOf(c, gross, gross) <= 0) {
      // Measured on the covered lines' goods, as the minimum spend is.
      const missing = c.minSpendMinor - gross;
      return refused(PromotionsErrorCode.COUPON_MIN_SPEND_NOT_MET, missing > 0 ? { amountMinor: missing, currency: c.currency } : null);
    }
    if (c.perShopperLimit !== null && who.userId) {
      const used = await this.repo.usesBy(this.repo.sql, c.id, { userId: who.userId });
      if (used >= c.perShopperLimit) return refused(PromotionsErrorCode.COUPON_LIMIT_REACHED);
    }
    return { problem: null, shortfall: null };
  }
}

const messages: Record<PromotionsErrorCode, string> = {
  COUPON_INVALID: 'No coupon has this code',
  COUPON_EXPIRED: 'This coupon has expired',
  COUPON_NOT_STARTED: 'This coupon is not valid yet',
  COUPON_EXHAUSTED: 'This coupon has been used up',
  COUPON_LIMIT_REACHED: 'You have already used this coupon as often as allowed',
  COUPON_NOT_APPLICABLE: 'This coupon does not apply to anything in the cart',
  COUPON_MIN_SPEND_NOT_MET: 'The cart does not reach this coupon’s minimum spend',
  PROMOTION_EXHAUSTED: 'A promotion in this cart has just ended or run out',
  COUPON_CODE_TAKEN: 'This coupon code is already used',
  PROMOTION_ARCHIVED: 'This promotion is archived: it can no longer be changed',
};
