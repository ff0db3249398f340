import { Injectable } from '@nestjs/common';
import { PrismaService, type OrderStatus } from '@vitrine/shared/data-access';

export interface DailySalesRow {
  /** The local calendar day, YYYY-MM-DD. */
  day: string;
  orders: number;
  totalCny: number;
  goodsCny: number;
  /** Totals converted back at each order's snapshotted rate and margin. */
  totalEur: number;
  /** The catalogue's EUR base prices of the goods, as snapshotted on the lines. */
  goodsEur: number;
}

export type MuseumScope = readonly string[] | 'ALL';

/**
 * An order is paid within its hold or, at the latest, when Stripe's last webhook retry
 * arrives (3 days): bounding created_at too lets the (museum_id, created_at) index do the work.
 */
const PAID_WITHIN_DAYS = 7;

/**
 * Aggregates over orders for the museum dashboard: sums and counts computed by PostgreSQL,
 * never by loading orders. Timestamps are stored in UTC (timestamp without time zone).
 */
@Injectable()
export class OrderStatsRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * Paid and not refunded orders per local day, from `days` days ago (or the first of the
   * month, whichever is earlier) to today, days without sales included.
   */
  async dailySales(scope: MuseumScope, timeZone: string, days: number, paidStatuses: readonly OrderStatus[]): Promise<DailySalesRow[]> {
    const all = scope === 'ALL';
    const ids = all ? [] : [...scope];
    const rows = await this.prisma.$queryRaw<{ day: string; orders: bigint; total_cny: bigint; goods_cny: bigint; total_eur: bigint; goods_eur: bigint }[]>`
      WITH b AS (
        SELECT date_trunc('day', now() AT TIME ZONE ${timeZone}) AS today,
               LEAST(date_trunc('month', now() AT TIME ZONE ${timeZone}), date_trunc('day', now() AT TIME ZONE ${timeZone}) - make_interval(days => ${days - 1})) AS first_day
      ), paid AS (
        SELECT date_trunc('day', (o.paid_at AT TIME ZONE 'UTC') AT TIME ZONE ${timeZone}) AS day, o.total_minor, o.goods_minor,
               round(o.total_minor / (o.fx_rate * (1 + o.fx_margin_bps / 10000.0)))::bigint AS total_eur,
               (SELECT COALESCE(SUM(l.unit_price_eur_minor::bigint * l.quantity), 0) FROM order_lines l WHERE l.order_id = o.id) AS goods_eur
        FROM orders o, b
        WHERE (${all} OR o.museum_id = ANY(${ids}::uuid[]))
          AND o.status::text = ANY(${[...paidStatuses]}::text[])
          AND o.paid_at >= ((b.first_day AT TIME ZONE ${timeZone}) AT TIME ZONE 'UTC')
          AND o.created_at >= ((b.first_day AT TIME ZONE ${timeZone}) AT TIME ZONE 'UTC') - make_interval(days => ${PAID_WITHIN_DAYS})
      )
      SELECT to_char(d.day, 'YYYY-MM-DD') AS day, count(p.day)::bigint AS orders,
             COALESCE(SUM(p.total_minor), 0)::bigint AS total_cny, COALESCE(SUM(p.goods_minor), 0)::bigint AS goods_cny,
             COALESCE(SUM(p.total_eur), 0)::bigint AS total_eur, COALESCE(SUM(p.goods_eur), 0)::bigint AS goods_eur
      FROM b, generate_series(b.first_day, b.today, interval '1 day') AS d(day)
      LEFT JOIN paid p ON p.day = d.day
      GROUP BY d.day ORDER BY d.day`;
    return rows.map((r) => ({
      day: r.day,
      orders: Number(r.orders),
      totalCny: Number(r.total_cny),
      goodsCny: Number(r.goods_cny),
      totalEur: Number(r.total_eur),
      goodsEur: Number(r.goods_eur),
    }));
  }

  /** Orders per state (states without orders left out). */
  async countsByStatus(scope: MuseumScope): Promise<{ status: OrderStatus; count: number }[]> {
    const all = scope === 'ALL';
    const ids = all ? [] : [...scope];
    const rows = await this.prisma.$queryRaw<{ status: OrderStatus; count: bigint }[]>`
      SELECT status, count(*)::bigint AS count FROM orders WHERE (${all} OR museum_id = ANY(${ids}::uuid[])) GROUP BY status`;
    return rows.map((r) => ({ status: r.status, count: Number(r.count) }));
  }
}
