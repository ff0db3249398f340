import { Module } from '@nestjs/common';
import { CatalogCoreModule } from '@vitrine/catalog';
import { CustomsModule } from '@vitrine/customs';
import { InventoryCoreModule } from '@vitrine/inventory';
import { LicensingCoreModule } from '@vitrine/licensing';
import { PaymentsModule } from '@vitrine/payments';
import { PromotionsCoreModule } from '@vitrine/promotions';
import { SettlementCoreModule } from '@vitrine/settlement';
import { AbandonCheckoutService } from './application/abandon-checkout.service';
import { AnnualQuotaService } from './application/annual-quota.service';
import { BrandOrdersService } from './application/brand-orders.service';
import { CartService } from './application/cart.service';
import { CheckoutCatalog } from './application/checkout-catalog';
import { CheckoutConsentService } from './application/checkout-consent.service';
import { CheckoutExtensions } from './application/checkout-extensions';
import { CheckoutFulfilment } from './application/checkout-fulfilment';
import { CheckoutQuoteService } from './application/checkout-quote.service';
import { CheckoutWithdrawal } from './application/checkout-withdrawal.service';
import { CheckoutWriter } from './application/checkout-writer.service';
import { ConnectWebhookService } from './application/connect-events.service';
import { CustomsRegistrationGuard } from './application/customs-registration-guard';
import { DisputesService } from './application/disputes.service';
import { MuseumDashboardService } from './application/museum-dashboard.service';
import { OrderQueriesService } from './application/order-queries.service';
import { ORDERS_SETTINGS, ordersSettingsFromEnv } from './application/orders-settings';
import { PaymentEventsService } from './application/payment-events.service';
import { PlaceOrderService } from './application/place-order.service';
import { CartReopening } from './application/cart-reopening.service';
import { RefundOrderService } from './application/refund-order.service';
import { ReservationExpiryService } from './application/reservation-expiry.service';
import { SavedOrdererService } from './application/saved-orderer.service';
import { AttributionListener } from './attribution/application/attribution.listener';
import { AttributionRepository } from './attribution/infrastructure/attribution.repository';
import { DROP_GATE_PROVIDERS } from './drops/drop-gate.providers';
import { CartRepository } from './infrastructure/cart.repository';
import { CatalogCheckoutAdapter } from './infrastructure/catalog-checkout.adapter';
import { CartReopenRepository } from './infrastructure/cart-reopen.repository';
import { CheckoutWithdrawalRepository } from './infrastructure/checkout-withdrawal.repository';
import { DisputeOrdersRepository } from './infrastructure/dispute-orders.repository';
import { LicensingFulfilmentAdapter } from './infrastructure/licensing-fulfilment.adapter';
import { OrderCheckoutRepository } from './infrastructure/order-checkout.repository';
import { OrderQueryRepository } from './infrastructure/order-query.repository';
import { OrderStatsRepository } from './infrastructure/order-stats.repository';
import { SavedOrdererRepository } from './infrastructure/saved-orderer.repository';
import { SellerRegistrationRepository } from './infrastructure/seller-registration.repository';
import { TransactionRunner } from './infrastructure/transaction-runner';

/** What the API's resolvers and the Stripe webhook call, and what the worker's and other contexts' modules use. */
const services = [
  CartService,
  CheckoutConsentService,
  CheckoutExtensions,
  PlaceOrderService,
  PaymentEventsService,
  ConnectWebhookService,
  ReservationExpiryService,
  OrderQueriesService,
  RefundOrderService,
  BrandOrdersService,
  MuseumDashboardService,
  AnnualQuotaService,
  AbandonCheckoutService,
  SavedOrdererService,
  DisputesService,
  AttributionRepository,
];

/**
 * Cart, checkout and orders without GraphQL or HTTP: the services and repositories, the
 * orchestrator over catalogue, customs, inventory and payments. OrdersModule (apps/api) adds
 * the resolvers and the Stripe webhook over it; the worker's modules import this one, so the
 * worker builds neither.
 */
@Module({
  imports: [CatalogCoreModule, CustomsModule, InventoryCoreModule, PaymentsModule, LicensingCoreModule, SettlementCoreModule, PromotionsCoreModule],
  providers: [
    { provide: ORDERS_SETTINGS, useFactory: () => ordersSettingsFromEnv() },
    { provide: CheckoutCatalog, useClass: CatalogCheckoutAdapter },
    { provide: CheckoutFulfilment, useClass: LicensingFulfilmentAdapter },
    SellerRegistrationRepository,
    CustomsRegistrationGuard,
    TransactionRunner,
    CartRepository,
    OrderCheckoutRepository,
    OrderQueryRepository,
    CheckoutQuoteService,
    CheckoutWriter,
    ...DROP_GATE_PROVIDERS,
    CheckoutWithdrawal,
    CheckoutWithdrawalRepository,
    CartReopening,
    CartReopenRepository,
    AttributionListener,
    OrderStatsRepository,
    DisputeOrdersRepository,
    SavedOrdererRepository,
    ...services,
  ],
  exports: [CheckoutCatalog, ...services],
})
export class OrdersCoreModule {}
