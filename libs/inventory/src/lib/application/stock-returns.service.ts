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
  /**
   * Where the goods are when they are not back at `locationId` yet: a direct-mail (9610)
   * return is received at the customs-supervised site in China, and its units reach the
   * seller's warehouse abroad only when re-exported. The ledger records them (and whether the
   * seller will sell them), on hand unchanged until they arrive (then a receipt, ADR 0030).
   */
  heldAt?: string | null;
  /** The return's id. */
  reference: string;
}

/**
 * Units a shopper sent back, inspected by the seller: one RETURN movement per line, on hand up
 * by the units when the seller puts them back on sale and they are back at the location,
 * unchanged otherwise (the ledger still records that they came back, and where they are). Locks each level in the (location, variant) order.
 */
@Injectable()
export class StockReturnsService {
  constructor(private readonly stock: StockRepository) {}

  async restock(tx: Tx, rows: readonly ReturnedStock[]): Promise<void> {
    const sorted = [...rows].filter((r) => r.quantity > 0).sort((a, b) => (a.locationId === b.locationId ? a.variantId.localeCompare(b.variantId) : a.locationId.localeCompare(b.locationId)));
    for (const r of sorted) {
      const onHand = r.sellable && !r.heldAt;
      if (onHand) await this.stock.setOnHand(tx, r.locationId, r.variantId, (level) => level.onHand + r.quantity);
      const what = r.sellable ? (r.heldAt ? `${r.quantity} sellable` : `${r.quantity} back on sale`) : `${r.quantity} not sellable`;
      await this.stock.insertMovements(tx, [
        { variantId: r.variantId, locationId: r.locationId, kind: 'RETURN', onHandDelta: onHand ? r.quantity : 0, reservedDelta: 0, reference: r.reference, note: r.heldAt ? `returned: ${what}, held at ${r.heldAt} until re-exported here` : `returned: ${what}` },
      ]);
    }
  }
}
