import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, Roles, type Actor } from '@vitrine/shared/graphql';
import { MuseumDashboardService } from '../application/museum-dashboard.service';
import { MuseumDashboardType } from './museum-dashboard.types';

@Resolver(() => MuseumDashboardType)
export class MuseumDashboardResolver {
  constructor(private readonly dashboards: MuseumDashboardService) {}

  @Roles('MUSEUM_MANAGER', 'PLATFORM_ADMIN')
  @Query(() => MuseumDashboardType, { description: 'Sales, orders per state, held parcels and low stock of one managed museum (or of all of them).' })
  async museumDashboard(
    @CurrentActor() actor: Actor,
    @Args('museumId', { type: () => ID, nullable: true }) museumId?: string,
    @Args('timeZone', { type: () => String, nullable: true, description: 'IANA zone for today and this month (default Asia/Shanghai).' }) timeZone?: string,
    @Args('lowStockThreshold', { type: () => Int, nullable: true, description: 'Available units below this are low (default 5).' }) lowStockThreshold?: number,
    @Args('lowStockFirst', { type: () => Int, nullable: true, description: 'How many low levels to list, 0 to 100 (default 10).' }) lowStockFirst?: number,
  ) {
    const d = await this.dashboards.dashboard(actor, { museumId, timeZone, lowStockThreshold, lowStockFirst });
    return {
      ...d,
      lowStock: {
        threshold: d.lowStock.threshold,
        totalCount: d.lowStock.total,
        levels: d.lowStock.levels.map((l) => ({ ...l, productName: { fr: l.nameFr, en: l.nameEn, zhCN: l.nameZh } })),
      },
    } as MuseumDashboardType;
  }
}
