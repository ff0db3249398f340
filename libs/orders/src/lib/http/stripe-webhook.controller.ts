import { BadRequestException, Controller, Headers, HttpCode, Post, Req, ServiceUnavailableException, type RawBodyRequest } from '@nestjs/common';
import type { Request } from 'express';
import { PaymentsError, PaymentsErrorCode } from '@vitrine/payments';
import { Public } from '@vitrine/shared/graphql';
import { PaymentEventsService } from '../application/payment-events.service';
import { OrdersError, OrdersErrorCode } from '../domain/orders-error';

/**
 * Stripe's webhook endpoint. The signature is checked by the SDK on the raw body (the app
 * is created with rawBody: true). 2xx means processed or already processed; Stripe
 * retries anything else.
 */
@Controller('webhooks')
export class StripeWebhookController {
  constructor(private readonly events: PaymentEventsService) {}

  @Public()
  @Post('stripe')
  @HttpCode(200)
  async stripe(@Req() req: RawBodyRequest<Request>, @Headers('stripe-signature') signature?: string): Promise<{ received: true; outcome: string }> {
    try {
      return { received: true, outcome: await this.events.handleWebhook(req.rawBody, signature) };
    } catch (error) {
      if (error instanceof PaymentsError && error.code === PaymentsErrorCode.WEBHOOK_SIGNATURE_INVALID) throw new BadRequestException({ code: error.code, message: error.message });
      if (error instanceof OrdersError && error.code === OrdersErrorCode.PAYMENT_NOT_YET_KNOWN) throw new ServiceUnavailableException({ code: error.code, message: 'Retry later' });
      throw error;
    }
  }
}
