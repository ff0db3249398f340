import { gql } from '../api/graphql';
import type { OrderStatus } from '../resources/orders/orders.data';

export interface SalesFigures {
  orders: number;
  totalCny: number;
  goodsCny: number;
  totalEur: number;
  goodsEur: number;
}
export interface LowStockLevel {
  variantId: string;
  locationId: string;
  locationCode: string;
  sku: string;
  productName: { fr: string; en: string; zhCN: string };
  onHand: number;
  reserved: number;
  available: number;
}
export interface MuseumDashboardData {
  timeZone: string;
  today: SalesFigures & { day: string };
  month: SalesFigures & { month: string };
  daily: (SalesFigures & { day: string })[];
  ordersByStatus: { status: OrderStatus; count: number }[];
  heldAtCustoms: number;
  lowStock: { threshold: number; totalCount: number; levels: LowStockLevel[] };
}

export const LOW_STOCK_THRESHOLD = 5;
const FIGURES = 'orders totalCny goodsCny totalEur goodsEur';

/** The manager's figures in one request; days and months are the browser's. */
export async function museumDashboard(museumId: string | null): Promise<MuseumDashboardData> {
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  const r = await gql<{ museumDashboard: MuseumDashboardData }>(
    `query MuseumDashboard($museumId: ID, $timeZone: String, $threshold: Int) {
      museumDashboard(museumId: $museumId, timeZone: $timeZone, lowStockThreshold: $threshold, lowStockFirst: 8) {
        timeZone today { day ${FIGURES} } month { month ${FIGURES} } daily { day ${FIGURES} }
        ordersByStatus { status count } heldAtCustoms
        lowStock { threshold totalCount levels { variantId locationId locationCode sku productName { fr en zhCN } onHand reserved available } }
      } }`,
    { museumId, timeZone, threshold: LOW_STOCK_THRESHOLD },
  );
  return r.museumDashboard;
}
