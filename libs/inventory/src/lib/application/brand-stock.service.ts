import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { isPlatformAdmin, type Actor } from '@vitrine/shared/graphql';
import { NotFoundError, isUuid, validate } from '@vitrine/shared/kernel';
import { InventoryError, InventoryErrorCode } from '../domain/inventory-error';
import { BrandStockRepository, type BrandVariantRecord } from '../infrastructure/brand-stock.repository';
import { StockRepository, type StockLevelRecord, type StockLocationRecord } from '../infrastructure/stock.repository';

const createSchema = z.object({
  brandId: z.string().uuid().optional(),
  code: z.string().trim().regex(/^[A-Za-z0-9_-]{1,40}$/, 'letters, digits, - and _ only'),
  name: z.string().trim().min(1).max(120),
  kind: z.enum(['EU_WAREHOUSE', 'BONDED_WAREHOUSE_CN']),
  priority: z.number().int().min(0).max(10_000).default(100),
});

const setStockSchema = z.object({
  locationId: z.string().uuid(),
  variantId: z.string().uuid(),
  onHand: z.number().int().min(0).max(10_000_000),
  note: z.string().trim().max(500).optional(),
});

/**
 * A brand partner's own stock for the co-branded products it fulfils: its locations and
 * the on-hand counts of those products' variants. A brand sees and changes only its own
 * locations and variants; an operator any brand's. Anything else answers NOT_FOUND.
 */
@Injectable()
export class BrandStockService {
  constructor(
    private readonly brands: BrandStockRepository,
    private readonly stock: StockRepository,
  ) {}

  async createLocation(actor: Actor, input: unknown): Promise<StockLocationRecord> {
    const v = validate(createSchema, input);
    const brandId = this.brandOf(actor, v.brandId ?? null);
    return this.brands.createLocation({ brandId, code: v.code, name: v.name, kind: v.kind, priority: v.priority });
  }

  locations(actor: Actor, brandId: string | null): Promise<StockLocationRecord[]> {
    return this.brands.locationsOf(this.brandOf(actor, brandId));
  }

  async levels(actor: Actor, locationId: string, take: number, afterVariantId?: string) {
    await this.ownLocation(actor, locationId);
    return this.stock.levelsAt(locationId, take, afterVariantId);
  }

  /** The variants the brand fulfils (of its licensed products), to count stock against. */
  variants(actor: Actor, brandId: string | null): Promise<BrandVariantRecord[]> {
    return this.brands.fulfilledVariants(this.brandOf(actor, brandId));
  }

  /**
   * Counts the brand's shelf for one of its co-branded variants: sets on hand and writes the
   * difference to the ledger, never below what orders hold.
   */
  async setOnHand(actor: Actor, input: unknown): Promise<StockLevelRecord> {
    const v = validate(setStockSchema, input);
    const location = await this.ownLocation(actor, v.locationId);
    const [variant] = await this.brands.fulfilledVariants(location.brandId!, [v.variantId]);
    if (!variant) throw new NotFoundError('Variant');
    return this.stock.transaction(async (tx) => {
      const { before, after } = await this.stock.setOnHand(tx, v.locationId, v.variantId, (current) => {
        if (v.onHand < current.reserved) {
          throw new InventoryError(InventoryErrorCode.STOCK_BELOW_RESERVED, `${current.reserved} units are reserved for orders`, {
            field: 'input.onHand',
            reserved: current.reserved,
          });
        }
        return v.onHand;
      });
      await this.stock.insertMovements(tx, [
        { variantId: v.variantId, locationId: v.locationId, kind: 'ADJUSTMENT', onHandDelta: after.onHand - before.onHand, reservedDelta: 0, reference: `user:${actor.userId}`, note: v.note ?? null },
      ]);
      return after;
    });
  }

  /** The caller's brand (an operator names one); a museum manager has none. */
  private brandOf(actor: Actor, requested: string | null): string {
    if (isPlatformAdmin(actor)) {
      if (!requested || !isUuid(requested)) throw new NotFoundError('Brand');
      return requested;
    }
    if (actor.role !== 'BRAND_PARTNER' || !actor.brandId || (requested && requested !== actor.brandId)) throw new NotFoundError('Brand');
    return actor.brandId;
  }

  private async ownLocation(actor: Actor, locationId: string): Promise<StockLocationRecord> {
    const location = isUuid(locationId) ? await this.stock.findLocation(locationId) : null;
    const mine = location?.brandId && (isPlatformAdmin(actor) || (actor.role === 'BRAND_PARTNER' && actor.brandId === location.brandId));
    if (!location || !mine) throw new NotFoundError('Stock location');
    return location;
  }
}
