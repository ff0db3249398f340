import { Injectable } from '@nestjs/common';
import type { SqlTx } from '@vitrine/shared/data-access';
import { CheckoutExtensions, type PlacedCheckout, type PlacedCheckoutListener } from '../../application/checkout-extensions';
import { attributionOf } from '../domain/attribution';
import { AttributionRepository } from '../infrastructure/attribution.repository';

/**
 * Records where a checkout's orders came from, in placeOrder's transaction (it commits or rolls
 * back with them). Without a well-formed source marker nothing is written: the order is DIRECT,
 * and checkout spends no extra statement.
 */
@Injectable()
export class AttributionListener implements PlacedCheckoutListener {
  constructor(
    extensions: CheckoutExtensions,
    private readonly repo: AttributionRepository,
  ) {
    extensions.registerPlacedListener(this);
  }

  async placed(tx: SqlTx, checkout: PlacedCheckout): Promise<void> {
    const a = attributionOf(checkout.source);
    if (a) await this.repo.record(tx, checkout.orders.map((o) => o.orderId), a);
  }
}
