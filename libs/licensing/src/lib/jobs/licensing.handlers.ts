import { Injectable } from '@nestjs/common';
import { HandlesJob, MicroBatcher, PermanentJobError, type JobHandler } from '@vitrine/shared/jobs';
import { ValidationError } from '@vitrine/shared/kernel';
import { Clock } from '../application/clock';
import { ReviewRemindersService } from '../application/review-reminders.service';
import { RoyaltyAccrualService } from '../application/royalty-accrual.service';
import { RoyaltyStatementsService } from '../application/royalty-statements.service';
import { TermExpiryService } from '../application/term-expiry.service';
import { previousPeriod } from '../domain/periods';
import {
  accrueOrderJob,
  accrueOrderJobOnLicensingQueue,
  agreementExpiryJob,
  monthlyStatementsJob,
  reviewReminderJob,
  reviewRemindersJob,
  termExpiryJob,
  type AccrueOrderPayload,
  type AgreementExpiryPayload,
  type MonthlyStatementsPayload,
  type ReviewReminderPayload,
} from './licensing.jobs';

@Injectable()
@HandlesJob(reviewReminderJob)
export class ReviewReminderHandler implements JobHandler<ReviewReminderPayload> {
  constructor(private readonly reminders: ReviewRemindersService) {}
  async handle(p: ReviewReminderPayload) {
    return { reminded: await this.reminders.remindSubmission(p.proposalId, p.submissionNo) };
  }
}

@Injectable()
@HandlesJob(reviewRemindersJob)
export class ReviewRemindersHandler implements JobHandler {
  constructor(private readonly reminders: ReviewRemindersService) {}
  handle() {
    return this.reminders.run();
  }
}

@Injectable()
@HandlesJob(agreementExpiryJob)
export class AgreementExpiryHandler implements JobHandler<AgreementExpiryPayload> {
  constructor(private readonly expiry: TermExpiryService) {}
  handle(p: AgreementExpiryPayload) {
    return this.expiry.expireOne(p.agreementId);
  }
}

@Injectable()
@HandlesJob(termExpiryJob)
export class TermExpiryHandler implements JobHandler {
  constructor(private readonly expiry: TermExpiryService) {}
  handle() {
    return this.expiry.run();
  }
}

@Injectable()
@HandlesJob(monthlyStatementsJob)
export class MonthlyStatementsHandler implements JobHandler<MonthlyStatementsPayload> {
  constructor(
    private readonly statements: RoyaltyStatementsService,
    private readonly clock: Clock,
  ) {}
  async handle(p: MonthlyStatementsPayload) {
    try {
      return await this.statements.runMonth(p.period ?? previousPeriod(this.clock.now()));
    } catch (e) {
      // A malformed or unfinished month will not mend by retrying.
      if (e instanceof ValidationError) throw new PermanentJobError(e.message);
      throw e;
    }
  }
}

/**
 * The accrual jobs running at once share batches (MicroBatcher, as the order pipeline's steps
 * and settlement's fee jobs do): up to 100 orders a batch, sent 50 ms after the first arrives,
 * or when the batch running ends. Jobs of one order (paid, then refunded…) running at once share
 * its turn: `accrueOrder` books whatever the order is owed when it runs. Each job succeeds or
 * fails on its own order's outcome; a batch that failed as a whole runs again one order at a time.
 */
export const ACCRUE_ORDER_BATCHING = { maxSize: 100, maxWaitMs: 50, maxInFlight: 1 };

@Injectable()
@HandlesJob(accrueOrderJob)
export class AccrueOrderHandler implements JobHandler<AccrueOrderPayload> {
  private readonly batcher: MicroBatcher;

  constructor(accrual: RoyaltyAccrualService) {
    this.batcher = new MicroBatcher((ids) => accrual.accrueOrders(ids), ACCRUE_ORDER_BATCHING);
  }

  handle(p: AccrueOrderPayload): Promise<void> {
    return this.batcher.load(p.orderId);
  }
}

/** Accrual jobs written to the licensing queue before they had a queue of their own (accrueOrderJobOnLicensingQueue). */
@Injectable()
@HandlesJob(accrueOrderJobOnLicensingQueue)
export class AccrueOrderOnLicensingQueueHandler implements JobHandler<AccrueOrderPayload> {
  constructor(private readonly accrual: RoyaltyAccrualService) {}
  handle(p: AccrueOrderPayload) {
    return this.accrual.accrueOrder(p.orderId);
  }
}

export const LICENSING_JOB_HANDLERS = [ReviewReminderHandler, ReviewRemindersHandler, AgreementExpiryHandler, TermExpiryHandler, MonthlyStatementsHandler, AccrueOrderHandler, AccrueOrderOnLicensingQueueHandler];
