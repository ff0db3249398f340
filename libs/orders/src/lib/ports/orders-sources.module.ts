import { Global, Module } from '@nestjs/common';
import { IdentityOrdersSource, ShopperPersonalData } from '@vitrine/customs';
import { LicensedSalesSource } from '@vitrine/licensing';
import { SettledSalesSource } from '@vitrine/settlement';
import { Prisma, type Tx } from '@vitrine/shared/data-access';

/**
 * Orders' tables as the contexts below orders read them (issue 19, ADR 0021). Licensing,
 * customs and settlement cannot import orders (orders imports them), so each declares the relations it reads
 * as an abstract class and orders binds them here. Each relation is a plain sub-select naming
 * the columns it publishes; PostgreSQL pulls it up into the reader's statement.
 */
export class OrdersLicensedSalesSource extends LicensedSalesSource {
  readonly orders = Prisma.sql`(SELECT id, paid_at, refunded_at FROM orders)`;
  readonly lines = Prisma.sql`(SELECT id, order_id, product_id, quantity, goods_minor, discount_minor, currency, fx_rate FROM order_lines)`;
  readonly lineRefunds = Prisma.sql`(SELECT id, order_id, order_line_id, quantity, goods_minor, discount_minor, created_at, cancelled_at FROM order_line_refunds)`;
}

export class OrdersIdentityOrdersSource extends IdentityOrdersSource {
  readonly orders = Prisma.sql`(SELECT id, identity_id, shopper_user_id, status::text AS status, created_at, updated_at, refunded_at, cancelled_at FROM orders)`;
  readonly statusChanges = Prisma.sql`(SELECT order_id, to_status::text AS to_status, created_at FROM order_status_changes)`;
}

/** A closed account's saved delivery addresses (orders' address book), erased by customs' retention with the account's deletion request. */
export class OrdersShopperPersonalData extends ShopperPersonalData {
  async eraseAccount(tx: Tx, userId: string): Promise<number> {
    return (await tx.shopperAddress.deleteMany({ where: { userId } })).count;
  }
}

export class OrdersSettledSalesSource extends SettledSalesSource {
  readonly orders = Prisma.sql`(SELECT id, number, checkout_id, museum_id, fulfilled_by_brand_id, status, currency, shipping_minor, insurance_minor, tax_minor, total_minor, paid_at, created_at FROM orders)`;
  readonly lines = Prisma.sql`(SELECT id, order_id, product_id, position, quantity, currency, goods_minor, discount_minor, platform_discount_minor FROM order_lines)`;
  readonly statusChanges = Prisma.sql`(SELECT order_id, to_status, created_at FROM order_status_changes)`;
  readonly returns = Prisma.sql`(SELECT order_id, status FROM order_returns)`;
}

/**
 * Binds the sources for the whole application: global, since the readers' modules
 * (LicensingCoreModule, the retention modules) are imported from many places. Each app (and
 * any script building those modules) imports it once.
 */
@Global()
@Module({
  providers: [
    { provide: LicensedSalesSource, useClass: OrdersLicensedSalesSource },
    { provide: IdentityOrdersSource, useClass: OrdersIdentityOrdersSource },
    { provide: ShopperPersonalData, useClass: OrdersShopperPersonalData },
    { provide: SettledSalesSource, useClass: OrdersSettledSalesSource },
  ],
  exports: [LicensedSalesSource, IdentityOrdersSource, ShopperPersonalData, SettledSalesSource],
})
export class OrdersSourcesModule {}
