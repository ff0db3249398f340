import { Injectable } from '@nestjs/common';
import { OrdersReadPort } from '@vitrine/orders';
import { Prisma, PrismaService, type SqlTx } from '@vitrine/shared/data-access';
import { phaseBounds, type SessionPhase } from '../domain/live-rules';

export interface LiveSessionRow {
  id: string;
  museumId: string;
  title: string;
  streamUrl: string;
  startsAt: Date;
  endsAt: Date;
  pinnedProductId: string | null;
  pinnedAt: Date | null;
  cancelledAt: Date | null;
  createdAt: Date;
  productIds: string[];
}

export interface FlashRow {
  id: string;
  productId: string;
  priceMinor: number;
  startsAt: Date;
  endsAt: Date;
}

export interface AnnouncementRow {
  id: string;
  body: string;
  createdAt: Date;
}

export interface ProductSalesRow {
  productId: string;
  name: string;
  orders: number;
  units: number;
  revenueMinor: number;
}

const sessionSelect = {
  id: true,
  museumId: true,
  title: true,
  streamUrl: true,
  startsAt: true,
  endsAt: true,
  pinnedProductId: true,
  pinnedAt: true,
  cancelledAt: true,
  createdAt: true,
  products: { select: { productId: true }, orderBy: { position: 'asc' } },
} as const satisfies Prisma.LiveSessionSelect;

type SelectedSession = Prisma.LiveSessionGetPayload<{ select: typeof sessionSelect }>;
const toRow = ({ products, ...s }: SelectedSession): LiveSessionRow => ({ ...s, productIds: products.map((p) => p.productId) });

/** Live sessions' tables; no rules here. */
@Injectable()
export class LiveRepository {
  constructor(private readonly prisma: PrismaService) {}

  async create(data: { museumId: string; title: string; streamUrl: string; startsAt: Date; endsAt: Date; productIds: readonly string[]; createdBy: string }): Promise<LiveSessionRow> {
    const { productIds, ...session } = data;
    return toRow(
      await this.prisma.liveSession.create({
        data: { ...session, products: { create: productIds.map((productId, position) => ({ productId, position })) } },
        select: sessionSelect,
      }),
    );
  }

  async findById(id: string): Promise<LiveSessionRow | null> {
    const row = await this.prisma.liveSession.findUnique({ where: { id }, select: sessionSelect });
    return row ? toRow(row) : null;
  }

  /** Sessions of these museums ('ALL' for an operator), filtered, latest start first, after a (startsAt, id) keyset cursor. */
  async list(
    museumIds: readonly string[] | 'ALL',
    f: { phase?: SessionPhase | null; startsFrom?: Date | null; startsBefore?: Date | null },
    take: number,
    after: [string, string] | null,
    now: Date,
  ): Promise<{ rows: LiveSessionRow[]; total: number }> {
    const b = f.phase ? phaseBounds(f.phase, now) : null;
    const where: Prisma.LiveSessionWhereInput = {
      AND: [
        museumIds === 'ALL' ? {} : { museumId: { in: [...museumIds] } },
        b ? { cancelledAt: b.cancelled ? { not: null } : null } : {},
        b?.endsAtLte || b?.endsAtGt ? { endsAt: { lte: b.endsAtLte, gt: b.endsAtGt } } : {},
        { startsAt: { gte: f.startsFrom ?? undefined, lt: f.startsBefore ?? undefined, lte: b?.startsAtLte, gt: b?.startsAtGt } },
      ],
    };
    const keyset: Prisma.LiveSessionWhereInput = after
      ? { OR: [{ startsAt: { lt: new Date(after[0]) } }, { startsAt: new Date(after[0]), id: { lt: after[1] } }] }
      : {};
    const [rows, total] = await Promise.all([
      this.prisma.liveSession.findMany({ where: { AND: [where, keyset] }, orderBy: [{ startsAt: 'desc' }, { id: 'desc' }], take: take + 1, select: sessionSelect }),
      this.prisma.liveSession.count({ where }),
    ]);
    return { rows: rows.map(toRow), total };
  }

  /** Replaces the bag; a pinned product taken out of it is unpinned. */
  async setBag(sessionId: string, productIds: readonly string[]): Promise<void> {
    await this.prisma.$transaction([
      this.prisma.liveSessionProduct.deleteMany({ where: { sessionId } }),
      this.prisma.liveSessionProduct.createMany({ data: productIds.map((productId, position) => ({ sessionId, productId, position })) }),
      this.prisma.liveSession.updateMany({
        where: { id: sessionId, pinnedProductId: { notIn: [...productIds] } },
        data: { pinnedProductId: null, pinnedAt: null },
      }),
      this.prisma.liveSession.update({ where: { id: sessionId }, data: { updatedAt: new Date() } }),
    ]);
  }

  /** Changes a session still scheduled and not cancelled (false when it started or was cancelled meanwhile). */
  async changeScheduled(sessionId: string, data: { title: string; streamUrl: string; startsAt: Date; endsAt: Date }, now: Date): Promise<boolean> {
    const r = await this.prisma.liveSession.updateMany({ where: { id: sessionId, cancelledAt: null, startsAt: { gt: now } }, data: { ...data, updatedAt: now } });
    return r.count === 1;
  }

  /** Cancels a session still scheduled (false when it started or was cancelled meanwhile); its pin goes. */
  async cancelScheduled(sessionId: string, now: Date): Promise<boolean> {
    const r = await this.prisma.liveSession.updateMany({
      where: { id: sessionId, cancelledAt: null, startsAt: { gt: now } },
      data: { cancelledAt: now, pinnedProductId: null, pinnedAt: null, updatedAt: now },
    });
    return r.count === 1;
  }

  async pin(sessionId: string, productId: string | null, at: Date): Promise<void> {
    await this.prisma.liveSession.update({ where: { id: sessionId }, data: { pinnedProductId: productId, pinnedAt: productId ? at : null, updatedAt: at } });
  }

  /** A new flash price for a product ends the one in force, in the same transaction. */
  async startFlash(data: { sessionId: string; productId: string; priceMinor: number; startsAt: Date; endsAt: Date; createdBy: string }): Promise<FlashRow> {
    const [, flash] = await this.prisma.$transaction([
      this.prisma.liveFlashPrice.updateMany({
        where: { sessionId: data.sessionId, productId: data.productId, endsAt: { gt: data.startsAt } },
        data: { endsAt: data.startsAt },
      }),
      this.prisma.liveFlashPrice.create({ data, select: { id: true, productId: true, priceMinor: true, startsAt: true, endsAt: true } }),
    ]);
    return flash;
  }

  /** Flash prices not yet over at `at`. */
  flashesOf(sessionId: string, at: Date): Promise<FlashRow[]> {
    return this.prisma.liveFlashPrice.findMany({
      where: { sessionId, endsAt: { gt: at } },
      orderBy: { startsAt: 'asc' },
      select: { id: true, productId: true, priceMinor: true, startsAt: true, endsAt: true },
    });
  }

  announce(data: { sessionId: string; body: string; createdBy: string }): Promise<AnnouncementRow> {
    return this.prisma.liveAnnouncement.create({ data, select: { id: true, body: true, createdAt: true } });
  }

  announcementsOf(sessionId: string, take: number): Promise<AnnouncementRow[]> {
    return this.prisma.liveAnnouncement.findMany({ where: { sessionId }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take, select: { id: true, body: true, createdAt: true } });
  }

  /** The line was added from this session's live page (the latest session wins). */
  async recordCartLine(data: { cartId: string; variantId: string; productId: string; sessionId: string }): Promise<void> {
    await this.prisma.liveCartLine.upsert({
      where: { cartId_variantId: { cartId: data.cartId, variantId: data.variantId } },
      create: data,
      update: { sessionId: data.sessionId, productId: data.productId, addedAt: new Date() },
    });
  }

  /**
   * The products checkout needs to ask about: those with a flash price not over at `at`, and
   * those in the bag of a session that ended after `bagsSince` (a line added from its page may
   * still be checked out and attributed). One statement.
   */
  async checkoutProducts(at: Date, bagsSince: Date, db: SqlTx = this.prisma.sql): Promise<{ flash: string[]; bag: string[] }> {
    const [row] = await db.$queryRaw<{ flash: string[] | null; bag: string[] | null }[]>`
      SELECT (SELECT array_agg(DISTINCT f.product_id::text) FROM live_flash_prices f WHERE f.ends_at > ${at}) AS flash,
             (SELECT array_agg(DISTINCT p.product_id::text) FROM live_session_products p JOIN live_sessions s ON s.id = p.session_id WHERE s.ends_at > ${bagsSince} AND s.cancelled_at IS NULL) AS bag`;
    return { flash: row?.flash ?? [], bag: row?.bag ?? [] };
  }

  /** Per variant of this cart added from a live page: the flash price in force now for its product in that session. */
  async flashPricesOfCart(cartId: string, at: Date): Promise<{ variantId: string; priceMinor: number }[]> {
    return this.prisma.$queryRaw<{ variantId: string; priceMinor: number }[]>`
      SELECT DISTINCT ON (l.variant_id) l.variant_id::text AS "variantId", f.price_minor AS "priceMinor"
      FROM live_cart_lines l
      JOIN live_flash_prices f ON f.session_id = l.session_id AND f.product_id = l.product_id AND f.starts_at <= ${at} AND f.ends_at > ${at}
      WHERE l.cart_id = ${cartId}::uuid
      ORDER BY l.variant_id, f.starts_at DESC`;
  }

  /** In a guest cart's merge: its live marks join the shopper's cart (a line marked in both keeps the later mark). */
  async moveCartLines(tx: SqlTx, fromCartId: string, intoCartId: string): Promise<void> {
    await tx.$executeRaw(Prisma.sql`
      INSERT INTO live_cart_lines (cart_id, variant_id, product_id, session_id, added_at)
      SELECT ${intoCartId}::uuid, variant_id, product_id, session_id, added_at FROM live_cart_lines WHERE cart_id = ${fromCartId}::uuid
      ON CONFLICT (cart_id, variant_id) DO UPDATE SET session_id = EXCLUDED.session_id, product_id = EXCLUDED.product_id, added_at = EXCLUDED.added_at
      WHERE live_cart_lines.added_at < EXCLUDED.added_at`);
  }

  /** In placeOrder's transaction: each order with a line added from a live page belongs to that session. */
  async attributeOrders(tx: SqlTx, cartId: string, orders: readonly { orderId: string; variantIds: readonly string[] }[]): Promise<void> {
    const orderIds = orders.flatMap((o) => o.variantIds.map(() => o.orderId));
    const variantIds = orders.flatMap((o) => [...o.variantIds]);
    if (!orderIds.length) return;
    await tx.$executeRaw(Prisma.sql`
      INSERT INTO live_session_orders (order_id, session_id)
      SELECT DISTINCT x.order_id, l.session_id
      FROM unnest(${orderIds}::uuid[], ${variantIds}::uuid[]) AS x(order_id, variant_id)
      JOIN live_cart_lines l ON l.cart_id = ${cartId}::uuid AND l.variant_id = x.variant_id
      ON CONFLICT DO NOTHING`);
  }

  /**
   * A session's sales per product: the order lines added from its live page, of orders that
   * are neither cancelled nor refunded (awaiting payment included: the host sees sales as
   * they are placed). Read-only over orders' tables, like a report.
   */
  sales(sessionId: string): Promise<ProductSalesRow[]> {
    return this.prisma.$queryRaw<ProductSalesRow[]>`
      SELECT ol.product_id::text AS "productId", min(ol.name) AS name,
             count(DISTINCT o.id)::int AS orders, sum(ol.quantity)::int AS units, sum(ol.goods_minor)::int AS "revenueMinor"
      FROM live_session_orders so
      JOIN ${OrdersReadPort.orders} o ON o.id = so.order_id
      JOIN ${OrdersReadPort.checkouts} c ON c.id = o.checkout_id
      JOIN ${OrdersReadPort.lines} ol ON ol.order_id = o.id
      JOIN live_cart_lines l ON l.cart_id = c.cart_id AND l.variant_id = ol.variant_id AND l.session_id = so.session_id
      WHERE so.session_id = ${sessionId}::uuid AND o.status NOT IN ('CANCELLED', 'REFUNDED')
      GROUP BY ol.product_id
      ORDER BY "revenueMinor" DESC, "productId"`;
  }
}
