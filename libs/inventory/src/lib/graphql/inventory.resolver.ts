import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, PageArgs, Roles, decodeCursor, pageSize, toPage, type Actor } from '@vitrine/shared/graphql';
import { StockAdminService } from '../application/stock-admin.service';
import { customsModeOf } from '../domain/fulfilment-plan';
import type { StockLevelRecord, StockLocationRecord } from '../infrastructure/stock.repository';
import { CreateStockLocationInput, SetStockLevelInput, StockLevelPage, StockLevelType, StockLocationType } from './inventory.types';

const toLocation = (l: StockLocationRecord) => ({ ...l, customsMode: customsModeOf(l.kind) }) as StockLocationType;
const toLevel = (l: StockLevelRecord) => ({ ...l, available: l.onHand - l.reserved });

@Roles('MUSEUM_MANAGER', 'PLATFORM_ADMIN')
@Resolver()
export class InventoryResolver {
  constructor(private readonly admin: StockAdminService) {}

  @Query(() => [StockLocationType], { description: 'Manager: the stock locations of one of their museums.' })
  async stockLocations(@CurrentActor() actor: Actor, @Args('museumId', { type: () => ID }) museumId: string) {
    return (await this.admin.locations(actor, museumId)).map(toLocation);
  }

  @Mutation(() => StockLocationType)
  async createStockLocation(@CurrentActor() actor: Actor, @Args('input') input: CreateStockLocationInput) {
    return toLocation(await this.admin.createLocation(actor, input));
  }

  @Query(() => StockLevelPage, { description: 'Manager: stock levels at one location, by variant id.' })
  async stockLevels(@CurrentActor() actor: Actor, @Args('locationId', { type: () => ID }) locationId: string, @Args() page: PageArgs) {
    const take = pageSize(page.first);
    const after = decodeCursor(page.after, 1)?.[0] as string | undefined;
    const { rows, total } = await this.admin.levels(actor, locationId, take, after);
    return toPage(rows.map(toLevel), take, total, (l) => [l.variantId]);
  }

  @Mutation(() => StockLevelType, { description: 'Sets on hand after a count; refused below what orders hold (STOCK_BELOW_RESERVED).' })
  async setStockLevel(@CurrentActor() actor: Actor, @Args('input') input: SetStockLevelInput) {
    return toLevel(await this.admin.setOnHand(actor, input));
  }
}
