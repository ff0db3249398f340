import { Injectable } from '@nestjs/common';
import { LicensedProductsService } from '@vitrine/licensing';
import { CheckoutFulfilment } from '../application/checkout-fulfilment';

/** CheckoutFulfilment over licensing's public API (`LicensedProductsService.fulfilmentOf`). */
@Injectable()
export class LicensingFulfilmentAdapter extends CheckoutFulfilment {
  constructor(private readonly licensed: LicensedProductsService) {
    super();
  }

  async brandFulfilled(productIds: readonly string[]): Promise<Map<string, string>> {
    if (!productIds.length) return new Map();
    return new Map((await this.licensed.fulfilmentOf([...new Set(productIds)])).map((f) => [f.productId, f.brandId]));
  }
}
