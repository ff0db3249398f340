import { BadRequestException, Controller, Headers, HttpCode, Post, Req, ServiceUnavailableException, UnprocessableEntityException, type RawBodyRequest } from '@nestjs/common';
import type { Request } from 'express';
import { PaymentsError, PaymentsErrorCode, PaymentsService } from '@vitrine/payments';
import { Public } from '@vitrine/shared/graphql';
import { ConnectWebhookService } from '../application/connect-events.service';
import { PaymentEventsService } from '../application/payment-events.service';
import { OrdersError, OrdersErrorCode } from '../domain/orders-error';

/**
 * A bad signature is 400 (Stripe gives up); not yet known, or Stripe itself unreachable while
 * the event needed a read from it, is 503 (Stripe delivers it again); a reversal in another
 * currency than its payout 422 (nothing written; Stripe retries, and the event stays visible as
 * failing); anything else as it is.
 */
function asHttpError(error: unknown): unknown {
  if (error instanceof PaymentsError && error.code === PaymentsErrorCode.WEBHOOK_SIGNATURE_INVALID) return new BadRequestException({ code: error.code, message: error.message });
  if (error instanceof OrdersError && error.code === OrdersErrorCode.PAYMENT_NOT_YET_KNOWN) return new ServiceUnavailableException({ code: error.code, message: 'Retry later' });
  if (error instanceof PaymentsError && error.code === PaymentsErrorCode.PAYMENT_PROVIDER_UNAVAILABLE) return new ServiceUnavailableException({ code: error.code, message: 'Retry later' });
  if (error instanceof OrdersError && error.code === OrdersErrorCode.CURRENCY_MISMATCH) return new UnprocessableEntityException({ code: error.code, message: error.message });
  return error;
}

/**
 * Stripe's webhook endpoints (payments, and Connect's). The signature is checked by the SDK on the raw body (the app
 * is created with rawBody: true). 2xx means processed or already processed; Stripe
 * retries anything else.
 */
@Controller('webhooks')
export class StripeWebhookController {
  constructor(
    private readonly payments: PaymentsService,
    private readonly events: PaymentEventsService,
    private readonly connect: ConnectWebhookService,
  ) {}

  @Public()
  @Post('stripe')
  @HttpCode(200)
  async stripe(@Req() req: RawBodyRequest<Request>, @Headers('stripe-signature') signature?: string): Promise<{ received: true; outcome: string }> {
    try {
      const v = await this.payments.verifyPlatformWebhook(req.rawBody, signature);
      return { received: true, outcome: v.connect ? await this.connect.handle(v.verified) : await this.events.handle(v.verified) };
    } catch (error) {
      throw asHttpError(error);
    }
  }

  /**
   * Stripe Connect's endpoint (connected accounts' events), signed with its own secret
   * (STRIPE_CONNECT_WEBHOOK_SECRET): a payment endpoint's signature is refused here, and the
   * other way round.
   */
  @Public()
  @Post('stripe-connect')
  @HttpCode(200)
  async stripeConnect(@Req() req: RawBodyRequest<Request>, @Headers('stripe-signature') signature?: string): Promise<{ received: true; outcome: string }> {
    try {
      return { received: true, outcome: await this.connect.handleWebhook(req.rawBody, signature) };
    } catch (error) {
      throw asHttpError(error);
    }
  }
}
