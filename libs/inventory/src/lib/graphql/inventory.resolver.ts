import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentActor, PageArgs, Roles, byKeys, decodeCursor, pageSize, toPage, type Actor, type RequestContext } from '@vitrine/shared/graphql';
import { ValidationError } from '@vitrine/shared/kernel';
import { StockAdminService } from '../application/stock-admin.service';
import { customsModeOf } from '../domain/fulfilment-plan';
import type { MovementRecord, StockLevelRecord, StockLocationRecord, VariantLabel } from '../infrastructure/stock.repository';
import {
  CreateStockLocationInput,
  SetStockLevelInput,
  StockLevelPage,
  StockLevelType,
  StockLocationType,
  StockMovementPage,
  StockVariantLabelType,
} from './inventory.types';

const toLocation = (l: StockLocationRecord) => ({ ...l, customsMode: customsModeOf(l.kind) }) as StockLocationType;
const toLevel = (l: StockLevelRecord) => ({ ...l, available: l.onHand - l.reserved });
const toMovement = (m: MovementRecord) => ({ ...m, id: m.id.toString() });
export const toVariantLabel = (v: Omit<VariantLabel, 'variantId'>): StockVariantLabelType => ({
  sku: v.sku,
  productId: v.productId,
  productName: { fr: v.nameFr, en: v.nameEn, zhCN: v.nameZh },
});

function beforeId(after: string | undefined): bigint | null {
  const id = decodeCursor(after, 1)?.[0];
  if (id === undefined || id === null) return null;
  if (!/^\d{1,19}$/.test(String(id))) throw new ValidationError([{ path: 'after', message: 'is not a valid cursor' }]);
  return BigInt(String(id));
}

@Roles('MUSEUM_MANAGER', 'PLATFORM_ADMIN')
@Resolver()
export class InventoryResolver {
  constructor(private readonly admin: StockAdminService) {}

  @Query(() => [StockLocationType], { description: 'Manager: the stock locations of one of their museums.' })
  async stockLocations(@CurrentActor() actor: Actor, @Args('museumId', { type: () => ID }) museumId: string) {
    return (await this.admin.locations(actor, museumId)).map(toLocation);
  }

  @Query(() => StockLocationType, { description: 'Manager: one stock location of their museums; NOT_FOUND otherwise.' })
  async stockLocation(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string) {
    return toLocation(await this.admin.location(actor, id));
  }

  @Query(() => StockMovementPage, { description: 'Manager: the ledger of one variant at one location, newest first.' })
  async stockMovements(
    @CurrentActor() actor: Actor,
    @Args('locationId', { type: () => ID }) locationId: string,
    @Args('variantId', { type: () => ID }) variantId: string,
    @Args() page: PageArgs,
  ) {
    const take = pageSize(page.first);
    const { rows, total } = await this.admin.movements(actor, { locationId, variantId }, take, beforeId(page.after));
    return toPage(rows.map(toMovement), take, total, (m) => [m.id]);
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

/** The catalogue's SKU and product name on each level, one query per page of levels. */
@Resolver(() => StockLevelType)
export class StockLevelFieldsResolver {
  constructor(private readonly admin: StockAdminService) {}

  @ResolveField(() => StockVariantLabelType, { nullable: true, description: 'SKU and product name (null if the variant was deleted).' })
  async variant(@Parent() level: StockLevelType, @Context() ctx: RequestContext) {
    const loader = ctx.loaders.get<string, StockVariantLabelType | null>('inventory.variantLabels', async (ids) => {
      const rows = await this.admin.variantLabels(ids);
      return byKeys(ids, rows, (r) => r.variantId).map((r) => (r ? toVariantLabel(r) : null));
    });
    return loader.load(level.variantId);
  }
}
