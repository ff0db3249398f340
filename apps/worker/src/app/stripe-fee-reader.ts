import { Injectable } from '@nestjs/common';
import { PaymentsService } from '@vitrine/payments';
import { StripeFeeReader } from '@vitrine/settlement';

/** Settlement's Stripe fees, read through libs/payments (the charge's balance transaction). */
@Injectable()
export class PaymentsStripeFeeReader extends StripeFeeReader {
  constructor(private readonly payments: PaymentsService) {
    super();
  }

  feeOf(paymentIntentId: string) {
    return this.payments.chargeFee(paymentIntentId);
  }
}
