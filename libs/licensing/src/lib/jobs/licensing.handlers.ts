import { Injectable } from '@nestjs/common';
import { HandlesJob, PermanentJobError, type JobHandler } from '@vitrine/shared/jobs';
import { ValidationError } from '@vitrine/shared/kernel';
import { Clock } from '../application/clock';
import { ReviewRemindersService } from '../application/review-reminders.service';
import { RoyaltyAccrualService } from '../application/royalty-accrual.service';
import { RoyaltyStatementsService } from '../application/royalty-statements.service';
import { TermExpiryService } from '../application/term-expiry.service';
import { previousPeriod } from '../domain/periods';
import {
  accrueOrderJob,
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

@Injectable()
@HandlesJob(accrueOrderJob)
export class AccrueOrderHandler implements JobHandler<AccrueOrderPayload> {
  constructor(private readonly accrual: RoyaltyAccrualService) {}
  handle(p: AccrueOrderPayload) {
    return this.accrual.accrueOrder(p.orderId);
  }
}

export const LICENSING_JOB_HANDLERS = [ReviewReminderHandler, ReviewRemindersHandler, AgreementExpiryHandler, TermExpiryHandler, MonthlyStatementsHandler, AccrueOrderHandler];
