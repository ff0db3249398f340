import { toConnectEvent } from './connect-event';

describe('toConnectEvent', () => {
  const at = 1_796_000_000;
  it('reads account.updated: enabled flags and what Stripe still needs, at the event’s time', () => {
    const e = toConnectEvent({
      id: 'evt_1',
      type: 'account.updated',
      account: 'acct_1',
      created: at,
      data: { object: { id: 'acct_1', charges_enabled: true, payouts_enabled: false, details_submitted: true, requirements: { currently_due: ['external_account', 7] } } },
    });
    expect(e).toEqual({
      eventId: 'evt_1',
      type: 'account.updated',
      account: 'acct_1',
      event: { kind: 'ACCOUNT_UPDATED', accountId: 'acct_1', chargesEnabled: true, payoutsEnabled: false, detailsSubmitted: true, currentlyDue: ['external_account'], at: new Date(at * 1000) },
    });
  });

  it('reads a transfer’s reversals (upper-case currency, our payout from metadata) and skips malformed ones', () => {
    const e = toConnectEvent({
      id: 'evt_2',
      type: 'transfer.reversed',
      data: {
        object: {
          id: 'tr_1',
          currency: 'cny',
          metadata: { vitrine_payout_id: 'p1' },
          reversals: { data: [{ id: 'trr_1', amount: 250, currency: 'cny' }, { id: 'trr_2', amount: 0 }, { amount: 5 }, { id: 'trr_3', amount: 1.5 }] },
        },
      },
    });
    expect(e.event).toEqual({ kind: 'TRANSFER_REVERSALS', transferId: 'tr_1', payoutId: 'p1', reversals: [{ id: 'trr_1', amountMinor: 250, currency: 'CNY' }], moreReversals: false });
    // The embedded list is a first page: has_more says the transfer has reversals beyond it.
    const paged = toConnectEvent({ id: 'evt_2b', type: 'transfer.updated', data: { object: { id: 'tr_1', currency: 'cny', reversals: { data: [{ id: 'trr_9', amount: 10 }], has_more: true } } } });
    expect(paged.event).toMatchObject({ kind: 'TRANSFER_REVERSALS', payoutId: null, reversals: [{ id: 'trr_9', amountMinor: 10, currency: 'CNY' }], moreReversals: true });
  });

  it('reads a connected account’s payout to its bank; the platform’s own payouts and other types are IGNORED', () => {
    const paid = toConnectEvent({ id: 'evt_3', type: 'payout.failed', account: 'acct_1', created: at, data: { object: { id: 'po_1', amount: 900, currency: 'eur', failure_code: 'account_closed', failure_message: 'The bank account has been closed.', created: at - 60 } } });
    expect(paid.event).toEqual({
      kind: 'BANK_PAYOUT',
      accountId: 'acct_1',
      payoutId: 'po_1',
      status: 'failed',
      failureCode: 'account_closed',
      failureMessage: 'The bank account has been closed.',
      amountMinor: 900,
      currency: 'EUR',
      createdAt: new Date((at - 60) * 1000),
      at: new Date(at * 1000),
    });
    expect(toConnectEvent({ id: 'evt_4', type: 'payout.paid', data: { object: { id: 'po_2', amount: 1 } } }).event).toEqual({ kind: 'IGNORED', type: 'payout.paid' });
    expect(toConnectEvent({ id: 'evt_5', type: 'capability.updated', account: 'acct_1', data: { object: {} } }).event).toEqual({ kind: 'IGNORED', type: 'capability.updated' });
  });
});
