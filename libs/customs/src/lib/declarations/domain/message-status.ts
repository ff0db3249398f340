import type { CustomsMessageStatus } from './ceb-receipts';

/**
 * What a new receipt may do to a message: a pending message is accepted or rejected; an
 * accepted order is cleared or held; a held order may be cleared (or held again, for
 * another reason) after inspection. A clearance may also reach a message still pending
 * on our side (customs took it in, but the answer was lost in a crash or a timeout):
 * clearing implies acceptance. Anything else (a late or repeated receipt) changes nothing.
 */
const ALLOWED: Record<CustomsMessageStatus, readonly CustomsMessageStatus[]> = {
  PENDING: ['ACCEPTED', 'REJECTED', 'CLEARED', 'HELD'],
  ACCEPTED: ['CLEARED', 'HELD', 'REJECTED'],
  HELD: ['CLEARED', 'HELD', 'REJECTED'],
  REJECTED: [],
  CLEARED: [],
  // Withdrawn by the platform: a clearance arriving afterwards changes nothing.
  WITHDRAWN: [],
};

/** Statuses of an order declaration that customs may still act on: a withdrawal is due for them. */
export const WITHDRAWABLE: readonly CustomsMessageStatus[] = ['PENDING', 'ACCEPTED', 'HELD'];

export function nextMessageStatus(current: CustomsMessageStatus, incoming: CustomsMessageStatus | null): CustomsMessageStatus | null {
  if (incoming === null) return null;
  return ALLOWED[current].includes(incoming) ? incoming : null;
}
