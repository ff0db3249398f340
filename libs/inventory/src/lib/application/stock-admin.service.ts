import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { canManageMuseum, type Actor } from '@vitrine/shared/graphql';
import { NotFoundError, validate } from '@vitrine/shared/kernel';
import { InventoryError, InventoryErrorCode } from '../domain/inventory-error';
import { StockRepository, type StockLevelRecord, type StockLocationRecord, type VariantLabel } from '../infrastructure/stock.repository';

const createLocationSchema = z.object({
  museumId: z.string().uuid(),
  code: z.string().trim().regex(/^[A-Za-z0-9_-]{1,40}$/, 'letters, digits, - and _ only'),
  name: z.string().trim().min(1).max(120),
  kind: z.enum(['EU_WAREHOUSE', 'BONDED_WAREHOUSE_CN']),
  priority: z.number().int().min(0).max(10_000).default(100),
});

const movementsSchema = z.object({ locationId: z.string().uuid(), variantId: z.string().uuid() });

const setStockSchema = z.object({
  locationId: z.string().uuid(),
  variantId: z.string().uuid(),
  onHand: z.number().int().min(0).max(10_000_000),
  note: z.string().trim().max(500).optional(),
});

/** A museum manager's stock back office: locations and on-hand counts, for their museums only. */
@Injectable()
export class StockAdminService {
  constructor(private readonly stock: StockRepository) {}

  async createLocation(actor: Actor, input: unknown): Promise<StockLocationRecord> {
    const v = validate(createLocationSchema, input);
    if (!canManageMuseum(actor, v.museumId)) throw new NotFoundError('Museum');
    return this.stock.createLocation(v);
  }

  locations(actor: Actor, museumId: string): Promise<StockLocationRecord[]> {
    if (!canManageMuseum(actor, museumId)) throw new NotFoundError('Museum');
    return this.stock.locationsOf([museumId]);
  }

  location(actor: Actor, locationId: string): Promise<StockLocationRecord> {
    return this.managedLocation(actor, locationId);
  }

  /** One variant's movements at a location the actor manages, newest first. */
  async movements(actor: Actor, input: { locationId: string; variantId: string }, take: number, beforeId: bigint | null) {
    const v = validate(movementsSchema, input);
    await this.managedLocation(actor, v.locationId);
    return this.stock.movements(v.variantId, v.locationId, take, beforeId);
  }

  /** SKU and product name of variants already reached through a managed level (DataLoader batch). */
  variantLabels(variantIds: readonly string[]): Promise<VariantLabel[]> {
    return this.stock.variantLabels(variantIds);
  }

  async levels(actor: Actor, locationId: string, take: number, afterVariantId?: string) {
    await this.managedLocation(actor, locationId);
    return this.stock.levelsAt(locationId, take, afterVariantId);
  }

  /** Counts the shelf: sets on hand and writes the difference to the ledger. Never below what orders hold. */
  async setOnHand(actor: Actor, input: unknown): Promise<StockLevelRecord> {
    const v = validate(setStockSchema, input);
    await this.managedLocation(actor, v.locationId);
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

  private async managedLocation(actor: Actor, locationId: string): Promise<StockLocationRecord> {
    if (!z.string().uuid().safeParse(locationId).success) throw new NotFoundError('Stock location');
    const location = await this.stock.findLocation(locationId);
    if (!location?.museumId || !canManageMuseum(actor, location.museumId)) throw new NotFoundError('Stock location');
    return location;
  }
}
