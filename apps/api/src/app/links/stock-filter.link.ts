import { Injectable } from '@nestjs/common';
import { VariantStockCriterion } from '@vitrine/catalog';
import { variantAvailableSql } from '@vitrine/inventory';

/** The shop window's in-stock filter: the catalogue's lists use inventory's predicate of availability. */
@Injectable()
export class ShopWindowStockLink {
  constructor(criterion: VariantStockCriterion) {
    criterion.register(variantAvailableSql);
  }
}
