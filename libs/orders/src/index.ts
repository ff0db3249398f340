export * from './lib/orders.module';
export * from './lib/orders-core.module';
export * from './lib/annual-quota.module';
export { ReservationExpiryService, type ExpiryReport } from './lib/application/reservation-expiry.service';
export { PaymentEventsService } from './lib/application/payment-events.service';
// Where contexts built on orders plug into checkout (live sessions), and the cart they add to.
export { CheckoutExtensions, type CheckoutPriceRule, type PlacedCheckoutListener, type CartMergeListener, type PriceableLine, type PlacedCheckout as PlacedCheckoutFacts } from './lib/application/checkout-extensions';
export { CartService, type CartPayload } from './lib/application/cart.service';
export * from './lib/domain/orders-error';
export * from './lib/domain/order-state-machine';
export * from './lib/domain/checkout-pricing';
export * from './lib/domain/shipping-rates';
// The consent text version a checkout records (the demo seed records it too).
export { CONSENT_TEXT_VERSION as CONSENT_VERSION, CONSENT_TEXT_VERSION, consentVersionFor, idUseConsent, type IdUseConsent } from './lib/domain/checkout-consent';
export * from './lib/pipeline';
export * from './lib/after-sales';
export * from './lib/drops';
// A GraphQL type the API app links to (apps/api/src/app/links).
export { OrderLineType } from './lib/graphql/orders.types';
// Settlement's Stripe ports over libs/payments, for the apps' SettlementModule / SettlementJobsModule.register.
export { PaymentsPayoutProvider, PaymentsStripeFeeReader } from './lib/infrastructure/settlement-payments.adapters';
// Read port: the relations contexts above orders may join in their own SQL (issue 19).
export { OrdersReadPort } from './lib/ports/orders.read-port';
// The relations contexts below orders (licensing, customs) declare and orders binds (issue 19).
export { OrdersSourcesModule, OrdersLicensedSalesSource, OrdersIdentityOrdersSource } from './lib/ports/orders-sources.module';
