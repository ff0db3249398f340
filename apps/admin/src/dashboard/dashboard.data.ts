import { gql } from '../api/graphql';
import { graphql } from '../generated';
import type { MuseumDashboardQuery } from '../generated/graphql';

const MUSEUM_DASHBOARD = graphql(`
  query MuseumDashboard($museumId: ID, $timeZone: String, $threshold: Int) {
    museumDashboard(museumId: $museumId, timeZone: $timeZone, lowStockThreshold: $threshold, lowStockFirst: 8) {
      timeZone
      today { day orders totalCny goodsCny totalEur goodsEur }
      month { month orders totalCny goodsCny totalEur goodsEur }
      daily { day orders totalCny goodsCny totalEur goodsEur }
      ordersByStatus { status count }
      heldAtCustoms
      lowStock { threshold totalCount levels { variantId locationId locationCode sku productName { fr en zhCN } onHand reserved available } }
    }
  }
`);
export type MuseumDashboardData = MuseumDashboardQuery['museumDashboard'];
export type LowStockLevel = MuseumDashboardData['lowStock']['levels'][number];
export type SalesFigures = Omit<MuseumDashboardData['today'], 'day'>;

export const LOW_STOCK_THRESHOLD = 5;

/** The manager's figures in one request; days and months are the browser's. */
export async function museumDashboard(museumId: string | null): Promise<MuseumDashboardData> {
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  const r = await gql(MUSEUM_DASHBOARD, { museumId, timeZone, threshold: LOW_STOCK_THRESHOLD });
  return r.museumDashboard;
}
