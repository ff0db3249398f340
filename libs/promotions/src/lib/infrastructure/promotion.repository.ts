import { Injectable } from '@nestjs/common';
import { CatalogReadPort } from '@vitrine/catalog';
import { Prisma, PrismaService, parseJsonColumn, type SqlTx } from '@vitrine/shared/data-access';
import { z } from 'zod';
import type { Funder, PromotionKind, PromotionRule, ThresholdTier } from '../domain/best-combination';
import type { PromotionInput } from '../domain/promotion-input';

/** A promotion as the console reads it. */
export interface PromotionRow {
  id: string;
  museumId: string | null;
  kind: PromotionKind;
  name: string;
  code: string | null;
  tiers: ThresholdTier[];
  every: boolean;
  discountType: 'PERCENT' | 'AMOUNT' | null;
  percentBps: number | null;
  amountOffMinor: number | null;
  minSpendMinor: number;
  currency: string;
  fundedBy: Funder;
  perShopperLimit: number | null;
  totalLimit: number | null;
  usedCount: number;
  productIds: string[] | null;
  startsAt: Date;
  endsAt: Date;
  archivedAt: Date | null;
  createdAt: Date;
}

/** A live promotion as pricing reads it, with its limits. */
export interface LivePromotion extends PromotionRule {
  /** Of the minimum spend and amounts. */
  currency: string;
  perShopperLimit: number | null;
  totalLimit: number | null;
  usedCount: number;
  startsAt: Date;
  endsAt: Date;
  archivedAt: Date | null;
}

const SELECT = {
  id: true,
  museumId: true,
  kind: true,
  name: true,
  code: true,
  tiers: true,
  every: true,
  discountType: true,
  percentBps: true,
  amountOffMinor: true,
  minSpendMinor: true,
  currency: true,
  fundedBy: true,
  perShopperLimit: true,
  totalLimit: true,
  usedCount: true,
  allProducts: true,
  startsAt: true,
  endsAt: true,
  archivedAt: true,
  createdAt: true,
  products: { select: { productId: true } },
} as const;

type Selected = Prisma.PromotionGetPayload<{ select: typeof SELECT }>;

/** A promotion's `tiers` (a jsonb column): parsed at the repository's boundary, not cast (ADR 0023); none stored reads as no tiers. */
const TIERS = z
  .array(z.object({ minMinor: z.number().int(), offMinor: z.number().int() }))
  .nullable()
  .transform((tiers): ThresholdTier[] => tiers ?? []);

function toRow(p: Selected, where: string): PromotionRow {
  const { allProducts, products, tiers, ...rest } = p;
  return { ...rest, tiers: parseJsonColumn(TIERS, tiers, where, 'tiers'), productIds: allProducts ? null : products.map((x) => x.productId).sort() };
}

interface LiveSqlRow {
  id: string;
  museumId: string | null;
  kind: PromotionKind;
  name: string;
  code: string | null;
  fundedBy: Funder;
  tiers: unknown;
  every: boolean;
  discountType: 'PERCENT' | 'AMOUNT' | null;
  percentBps: number | null;
  amountOffMinor: number | null;
  minSpendMinor: number;
  currency: string;
  perShopperLimit: number | null;
  totalLimit: number | null;
  usedCount: number;
  startsAt: Date;
  endsAt: Date;
  archivedAt: Date | null;
  productIds: string[] | null;
}

const LIVE_COLUMNS = Prisma.sql`p.id::text, p.museum_id::text AS "museumId", p.kind, p.name, p.code, p.funded_by AS "fundedBy", p.tiers, p.every,
  p.discount_type AS "discountType", p.percent_bps AS "percentBps", p.amount_off_minor AS "amountOffMinor", p.min_spend_minor AS "minSpendMinor", p.currency,
  p.per_shopper_limit AS "perShopperLimit", p.total_limit AS "totalLimit", p.used_count AS "usedCount", p.starts_at AS "startsAt",
  p.ends_at AS "endsAt", p.archived_at AS "archivedAt",
  CASE WHEN p.all_products THEN NULL ELSE ARRAY(SELECT pp.product_id::text FROM promotion_products pp WHERE pp.promotion_id = p.id ORDER BY 1) END AS "productIds"`;

function toLive(r: LiveSqlRow, where: string): LivePromotion {
  return { ...r, tiers: parseJsonColumn(TIERS, r.tiers, where, 'tiers') };
}

/** Promotions' data access; no rules. */
@Injectable()
export class PromotionRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Outside a transaction (the cart's checks). */
  get sql(): SqlTx {
    return this.prisma.sql;
  }

  async list(filter: { museumIds: readonly string[] | 'ALL'; museumId?: string | null; platformOnly?: boolean; archived: 'EXCLUDE' | 'INCLUDE' | 'ONLY' }): Promise<PromotionRow[]> {
    const where: Prisma.PromotionWhereInput = {
      ...(filter.archived === 'INCLUDE' ? {} : filter.archived === 'ONLY' ? { archivedAt: { not: null } } : { archivedAt: null }),
      ...(filter.platformOnly ? { museumId: null } : filter.museumId ? { museumId: filter.museumId } : filter.museumIds === 'ALL' ? {} : { museumId: { in: [...filter.museumIds] } }),
    };
    const rows = await this.prisma.promotion.findMany({ where, select: SELECT, orderBy: [{ createdAt: 'desc' }, { id: 'asc' }], take: 500 });
    return rows.map((r) => toRow(r, 'PromotionRepository.list'));
  }

  async find(id: string): Promise<PromotionRow | null> {
    const row = await this.prisma.promotion.findUnique({ where: { id }, select: SELECT });
    return row ? toRow(row, 'PromotionRepository.find') : null;
  }

  /** What the given promotions gave away so far (redemptions not released), per promotion. */
  async discountGiven(ids: readonly string[]): Promise<Map<string, number>> {
    if (!ids.length) return new Map();
    const rows = await this.prisma.promotionRedemption.groupBy({ by: ['promotionId'], where: { promotionId: { in: [...ids] }, releasedAt: null }, _sum: { amountMinor: true } });
    return new Map(rows.map((r) => [r.promotionId, r._sum.amountMinor ?? 0]));
  }

  /** Products among `productIds` that belong to the museum (the catalogue's table, read only). */
  async productsOfMuseum(museumId: string | null, productIds: readonly string[]): Promise<string[]> {
    if (!productIds.length) return [];
    const rows = await this.prisma.$queryRaw<{ id: string }[]>`
      SELECT p.id::text FROM ${CatalogReadPort.products} p WHERE p.id = ANY(${[...productIds]}::uuid[]) AND (${museumId}::uuid IS NULL OR p.museum_id = ${museumId}::uuid)`;
    return rows.map((r) => r.id);
  }

  async create(v: PromotionInput, fundedBy: Funder, createdBy: string): Promise<PromotionRow> {
    const products = v.productIds?.length ? v.productIds : null;
    const row = await this.prisma.promotion.create({
      data: {
        museumId: v.museumId,
        kind: v.kind,
        name: v.name,
        code: v.kind === 'COUPON' ? (v.code ?? null) : null,
        tiers: v.tiers as unknown as Prisma.InputJsonValue,
        every: v.every,
        discountType: v.kind === 'COUPON' ? (v.discountType ?? null) : null,
        percentBps: v.discountType === 'PERCENT' ? (v.percentBps ?? null) : null,
        amountOffMinor: v.discountType === 'AMOUNT' ? (v.amountOffMinor ?? null) : null,
        minSpendMinor: v.minSpendMinor,
        fundedBy,
        perShopperLimit: v.perShopperLimit ?? null,
        totalLimit: v.totalLimit ?? null,
        allProducts: !products,
        startsAt: v.startsAt,
        endsAt: v.endsAt,
        createdBy,
        products: products ? { createMany: { data: products.map((productId) => ({ productId })) } } : undefined,
      },
      select: SELECT,
    });
    return toRow(row, 'PromotionRepository.create');
  }

  /**
   * Replaces what a manager may change; the kind and museum stay. The row is locked first and
   * an archived one is left as it is (null): an archive committed after the caller's check
   * cannot be overwritten.
   */
  async update(id: string, v: PromotionInput): Promise<PromotionRow | null> {
    const products = v.productIds?.length ? v.productIds : null;
    const row = await this.prisma.$transaction(async (tx) => {
      const [locked] = await tx.$queryRaw<{ archived: boolean }[]>`SELECT archived_at IS NOT NULL AS archived FROM promotions WHERE id = ${id}::uuid FOR UPDATE`;
      if (!locked || locked.archived) return null;
      await tx.promotionProduct.deleteMany({ where: { promotionId: id } });
      return tx.promotion.update({
        where: { id },
        data: {
          name: v.name,
          code: v.kind === 'COUPON' ? (v.code ?? null) : null,
          tiers: v.tiers as unknown as Prisma.InputJsonValue,
          every: v.every,
          discountType: v.kind === 'COUPON' ? (v.discountType ?? null) : null,
          percentBps: v.discountType === 'PERCENT' ? (v.percentBps ?? null) : null,
          amountOffMinor: v.discountType === 'AMOUNT' ? (v.amountOffMinor ?? null) : null,
          minSpendMinor: v.minSpendMinor,
          perShopperLimit: v.perShopperLimit ?? null,
          totalLimit: v.totalLimit ?? null,
          allProducts: !products,
          startsAt: v.startsAt,
          endsAt: v.endsAt,
          updatedAt: new Date(),
          products: products ? { createMany: { data: products.map((productId) => ({ productId })) } } : undefined,
        },
        select: SELECT,
      });
    });
    return row ? toRow(row, 'PromotionRepository.update') : null;
  }

  /** Archives it unless it already is (false then). */
  async archive(id: string, at: Date): Promise<boolean> {
    const r = await this.prisma.promotion.updateMany({ where: { id, archivedAt: null }, data: { archivedAt: at, updatedAt: at } });
    return r.count === 1;
  }

  /**
   * Threshold promotions running at `at` (or starting within `aheadMs`): of these museums, or
   * of every museum (null), and the platform-wide ones. Callers check the dates at use.
   */
  async liveThresholds(museumIds: readonly string[] | null, at: Date, aheadMs = 0): Promise<LivePromotion[]> {
    const until = new Date(at.getTime() + aheadMs);
    const rows = await this.prisma.sql.$queryRaw<LiveSqlRow[]>(Prisma.sql`
      SELECT ${LIVE_COLUMNS} FROM promotions p
       WHERE p.kind = 'THRESHOLD' AND p.archived_at IS NULL AND p.starts_at <= ${until} AND p.ends_at > ${at}
         AND (p.total_limit IS NULL OR p.used_count < p.total_limit)
         AND (${museumIds === null} OR p.museum_id IS NULL OR p.museum_id = ANY(${[...(museumIds ?? [])]}::uuid[]))`);
    return rows.map((r) => toLive(r, 'PromotionRepository.liveThresholds'));
  }

  async couponByCode(code: string): Promise<LivePromotion | null> {
    const rows = await this.prisma.sql.$queryRaw<LiveSqlRow[]>(Prisma.sql`SELECT ${LIVE_COLUMNS} FROM promotions p WHERE p.code = ${code} AND p.kind = 'COUPON'`);
    return rows[0] ? toLive(rows[0], 'PromotionRepository.couponByCode') : null;
  }

  /** Checkouts (not released) in which this shopper used the promotion: by account, or by resident ID identity at checkout. */
  async usesBy(tx: SqlTx, promotionId: string, who: { userId?: string | null; identityId?: string | null }): Promise<number> {
    const rows = await tx.$queryRaw<{ n: number }[]>`
      SELECT count(DISTINCT checkout_id)::int AS n FROM promotion_redemptions
       WHERE promotion_id = ${promotionId}::uuid AND released_at IS NULL
         AND ((${who.identityId ?? null}::uuid IS NOT NULL AND identity_id = ${who.identityId ?? null}::uuid)
           OR (${who.userId ?? null}::uuid IS NOT NULL AND shopper_user_id = ${who.userId ?? null}::uuid))`;
    return rows[0]?.n ?? 0;
  }

  /**
   * Takes one use of the promotion if its total limit allows: a conditional increment, so the
   * row lock queues concurrent checkouts and none passes the limit. Null: none left (or ended);
   * else the per-shopper limit to count under that lock.
   */
  async takeUse(tx: SqlTx, promotionId: string, at: Date): Promise<{ perShopperLimit: number | null } | null> {
    const rows = await tx.$queryRaw<{ perShopperLimit: number | null }[]>`
      UPDATE promotions SET used_count = used_count + 1
       WHERE id = ${promotionId}::uuid AND archived_at IS NULL AND starts_at <= ${at} AND ends_at > ${at}
         AND (total_limit IS NULL OR used_count < total_limit)
      RETURNING per_shopper_limit AS "perShopperLimit"`;
    return rows[0] ?? null;
  }

  async insertRedemptions(
    tx: SqlTx,
    rows: readonly { promotionId: string; checkoutId: string; orderId: string; museumId: string; identityId: string; shopperUserId: string | null; amountMinor: number; fundedBy: Funder }[],
  ): Promise<void> {
    if (!rows.length) return;
    await tx.$executeRaw`
      INSERT INTO promotion_redemptions (id, promotion_id, checkout_id, order_id, museum_id, identity_id, shopper_user_id, amount_minor, funded_by)
      SELECT gen_random_uuid(), r.promotion_id, r.checkout_id, r.order_id, r.museum_id, r.identity_id, r.shopper_user_id, r.amount_minor, r.funded_by::"PromotionFunder"
        FROM json_to_recordset(${JSON.stringify(
          rows.map((r) => ({
            promotion_id: r.promotionId,
            checkout_id: r.checkoutId,
            order_id: r.orderId,
            museum_id: r.museumId,
            identity_id: r.identityId,
            shopper_user_id: r.shopperUserId,
            amount_minor: r.amountMinor,
            funded_by: r.fundedBy,
          })),
        )}::json) AS r(promotion_id uuid, checkout_id uuid, order_id uuid, museum_id uuid, identity_id uuid, shopper_user_id uuid, amount_minor int, funded_by text)`;
  }

  /** Gives back the uses of checkouts cancelled unpaid: once per checkout, whatever the calls. */
  async release(tx: SqlTx, checkoutIds: readonly string[], at: Date): Promise<number> {
    if (!checkoutIds.length) return 0;
    const rows = await tx.$queryRaw<{ n: number }[]>`
      WITH r AS (
        UPDATE promotion_redemptions SET released_at = ${at}
         WHERE checkout_id = ANY(${[...checkoutIds]}::uuid[]) AND released_at IS NULL
        RETURNING promotion_id, checkout_id
      ), u AS (
        SELECT promotion_id, count(DISTINCT checkout_id)::int AS uses FROM r GROUP BY promotion_id
      ), upd AS (
        UPDATE promotions p SET used_count = GREATEST(0, p.used_count - u.uses) FROM u WHERE p.id = u.promotion_id RETURNING p.id
      )
      SELECT count(*)::int AS n FROM upd`;
    return rows[0]?.n ?? 0;
  }

  /** Promotions applied to these orders, for the order's view. */
  async ofOrders(orderIds: readonly string[]): Promise<{ orderId: string; promotionId: string; name: string; kind: PromotionKind; code: string | null; fundedBy: Funder; amountMinor: number }[]> {
    if (!orderIds.length) return [];
    return this.prisma.$queryRaw`
      SELECT r.order_id::text AS "orderId", r.promotion_id::text AS "promotionId", p.name, p.kind, p.code, r.funded_by AS "fundedBy", r.amount_minor AS "amountMinor"
        FROM promotion_redemptions r JOIN promotions p ON p.id = r.promotion_id
       WHERE r.order_id = ANY(${[...orderIds]}::uuid[]) ORDER BY r.order_id, p.kind, p.id`;
  }
}
