import { Module } from '@nestjs/common';
import { CustomsModule } from '@vitrine/customs';
import { PaymentsModule } from '@vitrine/payments';
import { PromotionsCoreModule } from '@vitrine/promotions';
import { SettlementCoreModule } from '@vitrine/settlement';
import { AfterSalesModule } from './after-sales/after-sales.module';
import { AddressBookService } from './application/address-book.service';
import { AddressBookResolver } from './graphql/address-book.resolver';
import { ShopperAddressRepository } from './infrastructure/shopper-address.repository';
import { OrderAttributionResolver } from './attribution/graphql/attribution.resolver';
import { BrandOrdersResolver } from './graphql/brand-orders.resolver';
import { CartResolver } from './graphql/cart.resolver';
import { CheckoutResolver } from './graphql/checkout.resolver';
import { DisputesResolver } from './graphql/disputes.resolver';
import { CartLineNameResolver, OrderLineNameResolver } from './graphql/line-names.resolver';
import { MuseumDashboardResolver } from './graphql/museum-dashboard.resolver';
import { OrderSettlementResolver } from './graphql/order-settlement.resolver';
import { OrdersResolver } from './graphql/orders.resolver';
import { StripeWebhookController } from './http/stripe-webhook.controller';
import { OrdersCoreModule } from './orders-core.module';

/**
 * Cart, checkout and orders in the API: the GraphQL resolvers and the Stripe webhook over
 * OrdersCoreModule (which it exports), and the after-sales API.
 */
@Module({
  imports: [OrdersCoreModule, CustomsModule, PaymentsModule, SettlementCoreModule, PromotionsCoreModule, AfterSalesModule],
  controllers: [StripeWebhookController],
  providers: [
    // The address book: used by its resolver only (checkout's save-this-address is the shop's second call).
    AddressBookService,
    ShopperAddressRepository,
    AddressBookResolver,
    BrandOrdersResolver,
    CartResolver,
    OrderAttributionResolver,
    CartLineNameResolver,
    OrderLineNameResolver,
    CheckoutResolver,
    OrdersResolver,
    OrderSettlementResolver,
    MuseumDashboardResolver,
    DisputesResolver,
  ],
  exports: [OrdersCoreModule],
})
export class OrdersModule {}
