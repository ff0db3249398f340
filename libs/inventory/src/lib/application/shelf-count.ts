import { z } from 'zod';
import { InventoryError, InventoryErrorCode } from '../domain/inventory-error';
import type { StockLevelRecord, StockRepository } from '../infrastructure/stock.repository';

/** A stock location's own fields, whoever owns it (a museum or a brand). */
export const locationFields = {
  code: z.string().trim().regex(/^[A-Za-z0-9_-]{1,40}$/, 'letters, digits, - and _ only'),
  name: z.string().trim().min(1).max(120),
  kind: z.enum(['EU_WAREHOUSE', 'BONDED_WAREHOUSE_CN']),
  priority: z.number().int().min(0).max(10_000).default(100),
};

export const setStockSchema = z.object({
  locationId: z.string().uuid(),
  variantId: z.string().uuid(),
  onHand: z.number().int().min(0).max(10_000_000),
  note: z.string().trim().max(500).optional(),
});

/**
 * Counts a shelf: sets on hand and writes the difference to the ledger as an ADJUSTMENT, in
 * one transaction; never below what orders hold. The caller has checked the location is theirs.
 */
export function countShelf(stock: StockRepository, userId: string, v: z.infer<typeof setStockSchema>): Promise<StockLevelRecord> {
  return stock.transaction(async (tx) => {
    const { before, after } = await stock.setOnHand(tx, v.locationId, v.variantId, (current) => {
      if (v.onHand < current.reserved) {
        throw new InventoryError(InventoryErrorCode.STOCK_BELOW_RESERVED, `${current.reserved} units are reserved for orders`, {
          field: 'input.onHand',
          reserved: current.reserved,
        });
      }
      return v.onHand;
    });
    await stock.insertMovements(tx, [
      { variantId: v.variantId, locationId: v.locationId, kind: 'ADJUSTMENT', onHandDelta: after.onHand - before.onHand, reservedDelta: 0, reference: `user:${userId}`, note: v.note ?? null },
    ]);
    return after;
  });
}
