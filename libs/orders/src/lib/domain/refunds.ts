/** Stripe refund statuses that count as money given back: succeeded, or pending (accepted, not yet settled). */
export function countsAsRefunded(status: string): boolean {
  return status === 'succeeded' || status === 'pending';
}

/** What an order's refunds have given back, in minor units (failed and cancelled ones count nothing). */
export function refundedTotal(refunds: readonly { status: string; amountMinor: number }[]): number {
  return refunds.reduce((sum, r) => (countsAsRefunded(r.status) ? sum + r.amountMinor : sum), 0);
}
