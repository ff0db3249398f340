import { Injectable } from '@nestjs/common';
import type { Tx } from '@vitrine/shared/data-access';
import { StockRepository } from '../infrastructure/stock.repository';

export interface ReturnedStock {
  variantId: string;
  /** The location the order shipped from: returned goods go back where they came from. */
  locationId: string;
  quantity: number;
  /** Back on sale (on hand up) or kept aside (ledger row only, on hand unchanged). */
  sellable: boolean;
  /** The return's id. */
  reference: string;
}

/**
 * Units a shopper sent back, inspected by the seller: one RETURN movement per line, on hand up
 * by the units when the seller puts them back on sale, unchanged otherwise (the ledger still
 * records that they came back). Locks each level in the (location, variant) order.
 */
@Injectable()
export class StockReturnsService {
  constructor(private readonly stock: StockRepository) {}

  async restock(tx: Tx, rows: readonly ReturnedStock[]): Promise<void> {
    const sorted = [...rows].filter((r) => r.quantity > 0).sort((a, b) => (a.locationId === b.locationId ? a.variantId.localeCompare(b.variantId) : a.locationId.localeCompare(b.locationId)));
    for (const r of sorted) {
      if (r.sellable) await this.stock.setOnHand(tx, r.locationId, r.variantId, (level) => level.onHand + r.quantity);
      await this.stock.insertMovements(tx, [
        { variantId: r.variantId, locationId: r.locationId, kind: 'RETURN', onHandDelta: r.sellable ? r.quantity : 0, reservedDelta: 0, reference: r.reference, note: r.sellable ? `returned: ${r.quantity} back on sale` : `returned: ${r.quantity} not sellable` },
      ]);
    }
  }
}
