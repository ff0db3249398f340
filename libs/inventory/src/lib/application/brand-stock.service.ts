import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { NotFoundError, isUuid, validate, isPlatformAdmin, type Actor } from '@vitrine/shared/kernel';
import { BrandStockRepository, type BrandVariantRecord } from '../infrastructure/brand-stock.repository';
import { countShelf, locationFields, setStockSchema } from './shelf-count';
import { StockRepository, type StockLevelRecord, type StockLocationRecord } from '../infrastructure/stock.repository';

const createSchema = z.object({ brandId: z.string().uuid().optional(), ...locationFields });

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
    return countShelf(this.stock, actor.userId, v);
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
