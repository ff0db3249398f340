import { Injectable, Logger } from '@nestjs/common';
import { PaymentsService, type VerifiedConnectEvent } from '@vitrine/payments';
import { ConnectEventsService as SettlementConnectEvents } from '@vitrine/settlement';
import { OrdersError, OrdersErrorCode } from '../domain/orders-error';
import { TransactionRunner } from '../infrastructure/transaction-runner';
import type { WebhookOutcome } from './payment-events.service';

/**
 * Stripe Connect's events: connected accounts' account.updated and payout.paid / payout.failed
 * (the Connect endpoint, verified with its own secret) and the platform's transfer.reversed /
 * transfer.updated (the platform endpoint: transfers live on the platform's account). Each event is processed once: its id is claimed (processed_payment_events) in the
 * same transaction as settlement applies it.
 */
@Injectable()
export class ConnectWebhookService {
  private readonly logger = new Logger(ConnectWebhookService.name);

  constructor(
    private readonly payments: PaymentsService,
    private readonly settlement: SettlementConnectEvents,
    private readonly tx: TransactionRunner,
  ) {}

  /** An event of the Connect endpoint (/webhooks/stripe-connect). */
  async handleWebhook(rawBody: Buffer | undefined, signature: string | undefined): Promise<WebhookOutcome> {
    return this.handle(await this.payments.verifyConnectWebhook(rawBody, signature));
  }

  /** A verified Connect event (from either endpoint: Stripe sends transfer.* to the platform's). */
  async handle(e: VerifiedConnectEvent): Promise<WebhookOutcome> {
    // A transfer's event embeds its 10 newest reversals: with more, the whole list is read from
    // Stripe first (outside the transaction; Stripe unreachable answers 503 and Stripe retries).
    if (e.event.kind === 'TRANSFER_REVERSALS' && e.event.moreReversals) {
      e = { ...e, event: { ...e.event, reversals: await this.payments.transferReversals(e.event.transferId), moreReversals: false } };
    }
    return this.tx.run(async (tx): Promise<WebhookOutcome> => {
      if (!(await this.payments.claimConnectEvent(tx, e))) return 'duplicate';
      const outcome = await this.settlement.apply(tx, e.event);
      // Ours (the transfer's metadata names our payout) but not recorded yet: refuse so Stripe delivers it again.
      if (outcome === 'PAYOUT_NOT_YET_KNOWN') throw new OrdersError(OrdersErrorCode.PAYMENT_NOT_YET_KNOWN, 'Payout not recorded yet');
      // Refused whole (the event's claim rolls back with it): posting part of it, or none under a claimed id, would lose it.
      if (outcome === 'CURRENCY_MISMATCH') throw new OrdersError(OrdersErrorCode.CURRENCY_MISMATCH, 'A transfer reversal is in another currency than its payout');
      if (outcome === 'ignored') this.logger.debug(`Connect event ${e.eventId} (${e.type}) of ${e.account ?? 'the platform'}: nothing to do`);
      return outcome;
    });
  }
}
