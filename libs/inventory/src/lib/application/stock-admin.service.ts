import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { NotFoundError, isUuid, validate, canManageMuseum, type Actor } from '@vitrine/shared/kernel';
import { countShelf, locationFields, setStockSchema } from './shelf-count';
import { StockRepository, type StockLevelRecord, type StockLocationRecord, type VariantLabel } from '../infrastructure/stock.repository';

const createLocationSchema = z.object({ museumId: z.string().uuid(), ...locationFields });

const movementsSchema = z.object({ locationId: z.string().uuid(), variantId: z.string().uuid() });

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

  /**
   * Counts the shelf: sets on hand and writes the difference to the ledger. Never below what
   * orders hold. Only variants of the location's own museum's products (a co-branded one
   * included): another museum's variant answers NOT_FOUND, as one that does not exist.
   */
  async setOnHand(actor: Actor, input: unknown): Promise<StockLevelRecord> {
    const v = validate(setStockSchema, input);
    const location = await this.managedLocation(actor, v.locationId);
    if ((await this.stock.variantMuseum(v.variantId)) !== location.museumId) throw new NotFoundError('Variant');
    return countShelf(this.stock, actor.userId, v);
  }

  private async managedLocation(actor: Actor, locationId: string): Promise<StockLocationRecord> {
    const location = isUuid(locationId) ? await this.stock.findLocation(locationId) : null;
    if (!location?.museumId || !canManageMuseum(actor, location.museumId)) throw new NotFoundError('Stock location');
    return location;
  }
}
