/**
 * Stripe's dispute statuses in the order a dispute moves through them. A report never moves
 * a dispute back (webhooks arrive late and out of order): a closed dispute stays closed.
 */
const RANK: Record<string, number> = {
  warning_needs_response: 0,
  needs_response: 0,
  warning_under_review: 1,
  under_review: 1,
  warning_closed: 2,
  prevented: 2,
  won: 2,
  lost: 2,
};

export const CLOSED_DISPUTE_STATUSES: readonly string[] = ['warning_closed', 'prevented', 'won', 'lost'];

export const isDisputeClosed = (status: string): boolean => CLOSED_DISPUTE_STATUSES.includes(status);

/** Stripe takes evidence only while the dispute waits for a response. */
export const acceptsEvidence = (status: string): boolean => status === 'needs_response' || status === 'warning_needs_response';

/** The status to keep when `reported` arrives for a dispute that is `current` (null: new). */
export function nextDisputeStatus(current: string | null, reported: string): string {
  if (current === null) return reported;
  if (isDisputeClosed(current)) return current;
  return (RANK[reported] ?? 0) >= (RANK[current] ?? 0) ? reported : current;
}
