import { Module } from '@nestjs/common';
import { CatalogModule } from '@vitrine/catalog';
import { CustomsModule } from '@vitrine/customs';
import { InventoryModule } from '@vitrine/inventory';
import { LicensingCoreModule } from '@vitrine/licensing';
import { PaymentsModule } from '@vitrine/payments';
import { PromotionsCoreModule } from '@vitrine/promotions';
import { SettlementCoreModule } from '@vitrine/settlement';
import { AfterSalesModule } from './after-sales/after-sales.module';
import { DROP_GATE_PROVIDERS } from './drops/drop-gate.providers';
import { BrandOrdersService } from './application/brand-orders.service';
import { CartService } from './application/cart.service';
import { CheckoutCatalog } from './application/checkout-catalog';
import { CheckoutExtensions } from './application/checkout-extensions';
import { CheckoutFulfilment } from './application/checkout-fulfilment';
import { CheckoutQuoteService } from './application/checkout-quote.service';
import { CheckoutWithdrawal } from './application/checkout-withdrawal.service';
import { CheckoutWriter } from './application/checkout-writer.service';
import { MuseumDashboardService } from './application/museum-dashboard.service';
import { OrderQueriesService } from './application/order-queries.service';
import { ORDERS_SETTINGS, ordersSettingsFromEnv } from './application/orders-settings';
import { PaymentEventsService } from './application/payment-events.service';
import { ConnectWebhookService } from './application/connect-events.service';
import { PlaceOrderService } from './application/place-order.service';
import { RefundOrderService } from './application/refund-order.service';
import { ReservationExpiryService } from './application/reservation-expiry.service';
import { AnnualQuotaService } from './application/annual-quota.service';
import { AbandonCheckoutService } from './application/abandon-checkout.service';
import { SavedOrdererService } from './application/saved-orderer.service';
import { SavedOrdererRepository } from './infrastructure/saved-orderer.repository';
import { DisputesService } from './application/disputes.service';
import { DisputesResolver } from './graphql/disputes.resolver';
import { DisputeOrdersRepository } from './infrastructure/dispute-orders.repository';
import { BrandOrdersResolver } from './graphql/brand-orders.resolver';
import { CartResolver } from './graphql/cart.resolver';
import { CheckoutResolver } from './graphql/checkout.resolver';
import { MuseumDashboardResolver } from './graphql/museum-dashboard.resolver';
import { OrdersResolver } from './graphql/orders.resolver';
import { OrderSettlementResolver } from './graphql/order-settlement.resolver';
import { CartLineNameResolver, OrderLineNameResolver } from './graphql/line-names.resolver';
import { StripeWebhookController } from './http/stripe-webhook.controller';
import { CartRepository } from './infrastructure/cart.repository';
import { CatalogCheckoutAdapter } from './infrastructure/catalog-checkout.adapter';
import { SellerRegistrationRepository } from './infrastructure/seller-registration.repository';
import { CustomsRegistrationGuard } from './application/customs-registration-guard';
import { CheckoutWithdrawalRepository } from './infrastructure/checkout-withdrawal.repository';
import { LicensingFulfilmentAdapter } from './infrastructure/licensing-fulfilment.adapter';
import { OrderStatsRepository } from './infrastructure/order-stats.repository';
import { OrderCheckoutRepository } from './infrastructure/order-checkout.repository';
import { OrderQueryRepository } from './infrastructure/order-query.repository';
import { TransactionRunner } from './infrastructure/transaction-runner';
import { AttributionListener } from './attribution/application/attribution.listener';
import { OrderAttributionResolver } from './attribution/graphql/attribution.resolver';
import { AttributionRepository } from './attribution/infrastructure/attribution.repository';

/** Cart, checkout and orders: the orchestrator over catalogue, customs, inventory and payments. */
@Module({
  imports: [CatalogModule, CustomsModule, InventoryModule, PaymentsModule, LicensingCoreModule, AfterSalesModule, SettlementCoreModule, PromotionsCoreModule],
  controllers: [StripeWebhookController],
  providers: [
    { provide: ORDERS_SETTINGS, useFactory: () => ordersSettingsFromEnv() },
    { provide: CheckoutCatalog, useClass: CatalogCheckoutAdapter },
    { provide: CheckoutFulfilment, useClass: LicensingFulfilmentAdapter },
    SellerRegistrationRepository,
    CustomsRegistrationGuard,
    BrandOrdersService,
    BrandOrdersResolver,
    TransactionRunner,
    CartRepository,
    OrderCheckoutRepository,
    OrderQueryRepository,
    CheckoutQuoteService,
    CheckoutExtensions,
    CartService,
    CheckoutWriter,
    ...DROP_GATE_PROVIDERS,
    CheckoutWithdrawal,
    CheckoutWithdrawalRepository,
    PlaceOrderService,
    PaymentEventsService,
    ConnectWebhookService,
    ReservationExpiryService,
    OrderQueriesService,
    RefundOrderService,
    CartResolver,
    AttributionRepository,
    AttributionListener,
    OrderAttributionResolver,
    CartLineNameResolver,
    OrderLineNameResolver,
    CheckoutResolver,
    OrdersResolver,
    OrderSettlementResolver,
    OrderStatsRepository,
    MuseumDashboardService,
    MuseumDashboardResolver,
    AnnualQuotaService,
    AbandonCheckoutService,
    SavedOrdererRepository,
    SavedOrdererService,
    DisputeOrdersRepository,
    DisputesService,
    DisputesResolver,
  ],
  exports: [ReservationExpiryService, PaymentEventsService, AnnualQuotaService, SavedOrdererService, CheckoutExtensions, CartService],
})
export class OrdersModule {}
