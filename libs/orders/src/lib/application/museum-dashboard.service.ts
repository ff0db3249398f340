import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { StockReportsService, type LowStockRecord } from '@vitrine/inventory';
import { NotFoundError, validate, canManageMuseum, managedMuseumScope, type Actor } from '@vitrine/shared/kernel';
import { ORDER_STATUSES, type OrderStatus } from '../domain/order-state-machine';
import { OrderStatsRepository, type DailySalesRow } from '../infrastructure/order-stats.repository';

/** Paid and not refunded (nor cancelled): what counts as a sale. */
export const SALE_STATUSES: readonly OrderStatus[] = ['PAID', 'CUSTOMS_SUBMITTED', 'CLEARED', 'HELD', 'SHIPPED', 'DELIVERED'];
export const SALES_DAYS = 30;

const knownTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

/** The dashboard's arguments; absent ones take the defaults a manager in China expects. */
const dashboardSchema = z.object({
  museumId: z.string().uuid().nullish().transform((v) => v ?? null),
  timeZone: z
    .string()
    .max(64)
    .refine(knownTimeZone, 'is not an IANA time zone')
    .nullish()
    .transform((v) => v ?? 'Asia/Shanghai'),
  lowStockThreshold: z.number().int().min(1).max(100_000).nullish().transform((v) => v ?? 5),
  lowStockFirst: z.number().int().min(0).max(100).nullish().transform((v) => v ?? 10),
});
export type DashboardQuery = z.input<typeof dashboardSchema>;

export interface SalesFigures {
  orders: number;
  totalCny: number;
  goodsCny: number;
  totalEur: number;
  goodsEur: number;
}

export interface MuseumDashboard {
  timeZone: string;
  today: SalesFigures & { day: string };
  month: SalesFigures & { month: string };
  daily: DailySalesRow[];
  ordersByStatus: { status: OrderStatus; count: number }[];
  heldAtCustoms: number;
  lowStock: { threshold: number; total: number; levels: (LowStockRecord & { available: number })[] };
}

const add = (a: SalesFigures, b: SalesFigures): SalesFigures => ({
  orders: a.orders + b.orders,
  totalCny: a.totalCny + b.totalCny,
  goodsCny: a.goodsCny + b.goodsCny,
  totalEur: a.totalEur + b.totalEur,
  goodsEur: a.goodsEur + b.goodsEur,
});
const ZERO: SalesFigures = { orders: 0, totalCny: 0, goodsCny: 0, totalEur: 0, goodsEur: 0 };

/**
 * A museum manager's figures in one request: sales today and this month (local days of the
 * given time zone), the last 30 days, orders per state, held parcels and low stock. Every
 * figure is an aggregate in PostgreSQL.
 */
@Injectable()
export class MuseumDashboardService {
  constructor(
    private readonly stats: OrderStatsRepository,
    private readonly stock: StockReportsService,
  ) {}

  async dashboard(actor: Actor, input: DashboardQuery): Promise<MuseumDashboard> {
    if (input.museumId && !z.string().uuid().safeParse(input.museumId).success) throw new NotFoundError('Museum');
    const v = validate(dashboardSchema, input, 'input');
    if (v.museumId && !canManageMuseum(actor, v.museumId)) throw new NotFoundError('Museum');
    const scope = v.museumId ? [v.museumId] : managedMuseumScope(actor);
    const [daily, counts, low] = await Promise.all([
      this.stats.dailySales(scope, v.timeZone, SALES_DAYS, SALE_STATUSES),
      this.stats.countsByStatus(scope),
      this.stock.lowStock(scope, v.lowStockThreshold, v.lowStockFirst),
    ]);
    const today = daily[daily.length - 1]!;
    const month = today.day.slice(0, 7);
    const byStatus = new Map(counts.map((c) => [c.status, c.count]));
    return {
      timeZone: v.timeZone,
      today,
      month: { ...daily.filter((d) => d.day.startsWith(month)).reduce(add, ZERO), month },
      daily: daily.slice(-SALES_DAYS),
      ordersByStatus: ORDER_STATUSES.map((status) => ({ status, count: byStatus.get(status) ?? 0 })),
      heldAtCustoms: byStatus.get('HELD') ?? 0,
      lowStock: { threshold: v.lowStockThreshold, total: low.total, levels: low.rows.map((l) => ({ ...l, available: l.onHand - l.reserved })) },
    };
  }
}
