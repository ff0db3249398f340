import { Inject, Injectable, Logger } from '@nestjs/common';
import { remindBefore } from '../domain/review-schedule';
import { NotificationRepository } from '../infrastructure/notification.repository';
import { ProposalRepository, type DueReview } from '../infrastructure/proposal.repository';
import { Clock } from './clock';
import { LICENSING_SETTINGS, type LicensingSettings } from './licensing-settings';

const PAGE = 500;

/**
 * Reminds a museum of reviews coming due (and of those overdue). Each notice is keyed by
 * proposal and submission, so a sweep run twice, or by two workers at once, writes it once;
 * a proposal decided meanwhile is no longer SUBMITTED and is skipped (state re-read).
 * The e-mail is a log line until the platform outbox mails it.
 */
@Injectable()
export class ReviewRemindersService {
  private readonly logger = new Logger(ReviewRemindersService.name);

  constructor(
    private readonly proposals: ProposalRepository,
    private readonly notifications: NotificationRepository,
    private readonly clock: Clock,
    @Inject(LICENSING_SETTINGS) private readonly settings: LicensingSettings,
  ) {}

  async run(): Promise<{ reminded: number; overdue: number }> {
    const now = this.clock.now();
    const reminded = await this.sweep(remindBefore(now, this.settings), 'review-due', (p) => `A licensing proposal (${p.stage}) awaits your review by ${p.reviewDueAt.toISOString()}`);
    const overdue = await this.sweep(now, 'review-overdue', (p) => `A licensing proposal (${p.stage}) is past its review date of ${p.reviewDueAt.toISOString()}`);
    return { reminded, overdue };
  }

  /**
   * The reminder of one submission (its delayed job, enqueued at submission). Re-reads the
   * proposal: decided, withdrawn or resubmitted since, it does nothing.
   */
  async remindSubmission(proposalId: string, submissionNo: number): Promise<boolean> {
    const p = await this.proposals.findById(proposalId);
    if (!p || p.status !== 'SUBMITTED' || p.submissionNo !== submissionNo || !p.reviewDueAt) return false;
    const due: DueReview = { id: p.id, museumId: p.museumId, brandId: p.brandId, stage: p.stage, submissionNo, reviewDueAt: p.reviewDueAt };
    const msg = `A licensing proposal (${p.stage}) awaits your review by ${p.reviewDueAt.toISOString()}`;
    const fresh = await this.notifications.createOnce({
      museumId: p.museumId,
      brandId: null,
      proposalId: p.id,
      kind: 'REVIEW_DUE_SOON',
      dedupeKey: `review-due:${p.id}:${submissionNo}`,
      message: msg,
      dueAt: due.reviewDueAt,
    });
    if (fresh) this.logger.log(`email to the managers of museum ${p.museumId}: ${msg} (proposal ${p.id})`);
    return fresh;
  }

  private async sweep(before: Date, kind: string, message: (p: DueReview) => string): Promise<number> {
    let created = 0;
    for (;;) {
      const due = await this.proposals.dueWithoutNotice(before, kind, PAGE);
      for (const p of due) {
        const fresh = await this.notifications.createOnce({
          museumId: p.museumId,
          brandId: null,
          proposalId: p.id,
          kind: kind === 'review-due' ? 'REVIEW_DUE_SOON' : 'REVIEW_OVERDUE',
          dedupeKey: `${kind}:${p.id}:${p.submissionNo}`,
          message: message(p),
          dueAt: p.reviewDueAt,
        });
        if (fresh) {
          created++;
          this.logger.log(`email to the managers of museum ${p.museumId}: ${message(p)} (proposal ${p.id})`);
        }
      }
      if (due.length < PAGE) return created;
    }
  }
}
