import { Module } from '@nestjs/common';
import { PaymentsService } from './application/payments.service';
import { PaymentRepository } from './infrastructure/payment.repository';
import { StripeGateway } from './infrastructure/stripe.gateway';
import { stripeSettingsFromEnv } from './infrastructure/stripe-settings';

@Module({
  providers: [{ provide: StripeGateway, useFactory: () => new StripeGateway(stripeSettingsFromEnv()) }, PaymentRepository, PaymentsService],
  exports: [PaymentsService],
})
export class PaymentsModule {}
