import { Injectable } from '@nestjs/common';
import { StockRepository, type LowStockRecord, type StockLevelRecord } from '../infrastructure/stock.repository';

/**
 * Figures about stock for other contexts' reports (the museum dashboard in orders). The
 * caller has already narrowed the museums to those the actor manages.
 */
@Injectable()
export class StockReportsService {
  constructor(private readonly stock: StockRepository) {}

  /** Levels with fewer than `threshold` available units, lowest first, and their count. */
  lowStock(museumIds: readonly string[] | 'ALL', threshold: number, take: number): Promise<{ rows: LowStockRecord[]; total: number }> {
    if (museumIds !== 'ALL' && !museumIds.length) return Promise.resolve({ rows: [], total: 0 });
    return this.stock.lowStock(museumIds, threshold, take);
  }

  /**
   * Every level of these variants, at every location, in one query. The caller reached the
   * variants through their product, already checked against the actor's museums.
   */
  levelsOfVariants(variantIds: readonly string[]): Promise<StockLevelRecord[]> {
    if (!variantIds.length) return Promise.resolve([]);
    return this.stock.levelsOf(variantIds);
  }
}
