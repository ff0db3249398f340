/** When a submitted review is due and when the museum is reminded of it. */
export interface ReviewSettings {
  /** Days the museum has to decide on a submission. */
  reviewDays: number;
  /** Hours before the due date that the reminder goes out. */
  reminderLeadHours: number;
}

export const DEFAULT_REVIEW_SETTINGS: ReviewSettings = { reviewDays: 10, reminderLeadHours: 48 };

export function reviewDueAt(submittedAt: Date, settings: ReviewSettings): Date {
  return new Date(submittedAt.getTime() + settings.reviewDays * 86_400_000);
}

/** Submissions due before this instant are reminded now. */
export function remindBefore(now: Date, settings: ReviewSettings): Date {
  return new Date(now.getTime() + settings.reminderLeadHours * 3_600_000);
}
