import { Injectable } from '@nestjs/common';
import { PaymentsService } from '@vitrine/payments';
import { PayoutProvider, StripeFeeReader, type PayoutAccountState } from '@vitrine/settlement';

/**
 * Settlement's ports over libs/payments (settlement does not talk to Stripe; orders, the
 * orchestrator, may import both). The apps hand these to SettlementModule.register and
 * SettlementJobsModule.register.
 */
@Injectable()
export class PaymentsStripeFeeReader extends StripeFeeReader {
  constructor(private readonly payments: PaymentsService) {
    super();
  }

  feeOf(paymentIntentId: string) {
    return this.payments.chargeFee(paymentIntentId);
  }

  disputeFeeOf(disputeId: string) {
    return this.payments.disputeFee(disputeId);
  }
}

@Injectable()
export class PaymentsPayoutProvider extends PayoutProvider {
  constructor(private readonly payments: PaymentsService) {
    super();
  }

  createAccount(args: { country: string; metadata: Record<string, string>; idempotencyKey: string }): Promise<PayoutAccountState> {
    return this.payments.createConnectedAccount(args);
  }

  account(accountId: string): Promise<PayoutAccountState> {
    return this.payments.connectedAccount(accountId);
  }

  onboardingLink(args: { accountId: string; refreshUrl: string; returnUrl: string }): Promise<string> {
    return this.payments.accountOnboardingLink(args);
  }

  transferReceipt(transferId: string) {
    return this.payments.transferReceipt(transferId);
  }

  transfer(args: { destination: string; amountMinor: number; currency: string; transferGroup: string | null; metadata: Record<string, string>; idempotencyKey: string }) {
    return this.payments.transfer(args);
  }

  transferDestinationPayment(transferId: string) {
    return this.payments.transferDestinationPayment(transferId);
  }

  bankPayoutTransactions(accountId: string, payoutId: string) {
    return this.payments.payoutBalanceTransactions(accountId, payoutId);
  }

  reverseTransfer(args: { transferId: string; amountMinor: number; metadata: Record<string, string>; idempotencyKey: string }) {
    return this.payments.reverseTransfer(args);
  }
}
