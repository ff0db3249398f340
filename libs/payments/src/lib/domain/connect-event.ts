/**
 * What settlement needs from a Stripe Connect webhook event (a connected account's event,
 * delivered to the Connect endpoint), independent of the SDK's types. Anything else is
 * IGNORED (and still acknowledged).
 */
export type ConnectEvent =
  | {
      /** account.updated: the connected account's status as Stripe has it at `at`. */
      kind: 'ACCOUNT_UPDATED';
      accountId: string;
      chargesEnabled: boolean;
      payoutsEnabled: boolean;
      detailsSubmitted: boolean;
      currentlyDue: string[];
      at: Date;
    }
  | {
      /** transfer.reversed / transfer.updated: the transfer with the reversals Stripe made of it. */
      kind: 'TRANSFER_REVERSALS';
      transferId: string;
      /** Our payout row, from the transfer's metadata (vitrine_payout_id). */
      payoutId: string | null;
      reversals: { id: string; amountMinor: number; currency: string }[];
      /** The event embeds the 10 newest reversals; true when the transfer has more (list them from Stripe). */
      moreReversals: boolean;
    }
  | {
      /** payout.paid / payout.failed: the connected account paid out (or failed to) to its bank. */
      kind: 'BANK_PAYOUT';
      accountId: string;
      payoutId: string;
      status: 'paid' | 'failed';
      failureCode: string | null;
      failureMessage: string | null;
      amountMinor: number;
      currency: string;
      /** When Stripe created the bank payout (informative: what it carried is read from its balance transactions). */
      createdAt: Date;
      at: Date;
    }
  | { kind: 'IGNORED'; type: string };

export interface VerifiedConnectEvent {
  eventId: string;
  type: string;
  /** The connected account the event is about (the event's `account`). */
  account: string | null;
  event: ConnectEvent;
}

interface RawConnectEvent {
  id: string;
  type: string;
  account?: string;
  created?: number;
  data: { object: Record<string, unknown> };
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const int = (v: unknown): number => (typeof v === 'number' && Number.isSafeInteger(v) ? v : 0);
const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' ? (v as Record<string, unknown>) : {});

export function toConnectEvent(raw: RawConnectEvent): VerifiedConnectEvent {
  const o = raw.data.object;
  const at = new Date(int(raw.created) * 1000);
  const base = { eventId: raw.id, type: raw.type, account: str(raw.account) };
  switch (raw.type) {
    case 'account.updated': {
      const id = str(o['id']) ?? base.account;
      if (!id) break;
      const due = obj(o['requirements'])['currently_due'];
      return {
        ...base,
        event: {
          kind: 'ACCOUNT_UPDATED',
          accountId: id,
          chargesEnabled: o['charges_enabled'] === true,
          payoutsEnabled: o['payouts_enabled'] === true,
          detailsSubmitted: o['details_submitted'] === true,
          currentlyDue: Array.isArray(due) ? due.filter((d): d is string => typeof d === 'string') : [],
          at,
        },
      };
    }
    case 'transfer.reversed':
    case 'transfer.updated': {
      const id = str(o['id']);
      if (!id) break;
      const embedded = obj(o['reversals']);
      const list = embedded['data'];
      const reversals = (Array.isArray(list) ? list : [])
        .map(obj)
        .map((r) => ({ id: str(r['id']) ?? '', amountMinor: int(r['amount']), currency: (str(r['currency']) ?? str(o['currency']) ?? '').toUpperCase() }))
        .filter((r) => r.id && r.amountMinor > 0 && r.currency);
      return { ...base, event: { kind: 'TRANSFER_REVERSALS', transferId: id, payoutId: str(obj(o['metadata'])['vitrine_payout_id']), reversals, moreReversals: embedded['has_more'] === true } };
    }
    case 'payout.paid':
    case 'payout.failed': {
      const id = str(o['id']);
      if (!id || !base.account) break;
      return {
        ...base,
        event: {
          kind: 'BANK_PAYOUT',
          accountId: base.account,
          payoutId: id,
          status: raw.type === 'payout.paid' ? 'paid' : 'failed',
          failureCode: str(o['failure_code']),
          failureMessage: str(o['failure_message']),
          amountMinor: int(o['amount']),
          currency: (str(o['currency']) ?? '').toUpperCase(),
          createdAt: typeof o['created'] === 'number' ? new Date(int(o['created']) * 1000) : at,
          at,
        },
      };
    }
  }
  return { ...base, event: { kind: 'IGNORED', type: raw.type } };
}
