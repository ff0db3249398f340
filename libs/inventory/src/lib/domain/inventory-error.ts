import { DomainError } from '@vitrine/shared/kernel';

export const InventoryErrorCode = {
  /** Not enough available units; `details.lines` names every short line. */
  OUT_OF_STOCK: 'OUT_OF_STOCK',
  /** On hand may not go below what is reserved for orders. */
  STOCK_BELOW_RESERVED: 'STOCK_BELOW_RESERVED',
} as const;
export type InventoryErrorCode = (typeof InventoryErrorCode)[keyof typeof InventoryErrorCode];

export class InventoryError extends DomainError<InventoryErrorCode> {}

export interface Shortage {
  variantId: string;
  requested: number;
  available: number;
  /** The caller's references of the lines asking for this variant (cart line ids). */
  lines: string[];
}

export function outOfStock(shortages: Shortage[]): InventoryError {
  return new InventoryError(InventoryErrorCode.OUT_OF_STOCK, 'Some items are out of stock', {
    lines: shortages.flatMap((s) => s.lines),
    shortages,
  });
}
