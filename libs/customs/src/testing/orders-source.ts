import { Prisma } from '@vitrine/shared/data-access';
import { IdentityOrdersSource } from '../lib/ports/identity-orders.source';
import { ShopperPersonalData } from '../lib/ports/shopper-personal-data.port';

/**
 * For customs' own integration tests, which cannot import libs/orders: the relations exactly
 * as `OrdersIdentityOrdersSource` (libs/orders/src/lib/ports/orders-sources.module.ts) binds
 * them in the apps; scripts/context-tables.spec.ts fails when the two texts differ.
 */
export class TestIdentityOrdersSource extends IdentityOrdersSource {
  readonly orders = Prisma.sql`(SELECT id, identity_id, shopper_user_id, status::text AS status, created_at, updated_at, refunded_at, cancelled_at FROM orders)`;
  readonly statusChanges = Prisma.sql`(SELECT order_id, to_status::text AS to_status, created_at FROM order_status_changes)`;
}

/** For customs' own integration tests: no context above customs keeps anything (the apps bind orders' saved addresses). */
export class NoOtherPersonalData extends ShopperPersonalData {
  async eraseAccount(): Promise<number> {
    return 0;
  }
}
