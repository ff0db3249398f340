import { nextMessageStatus } from './message-status';

describe('customs message status', () => {
  it('moves on receipts in the order customs gives them, and only forward', () => {
    expect(nextMessageStatus('PENDING', 'ACCEPTED')).toBe('ACCEPTED');
    expect(nextMessageStatus('PENDING', 'REJECTED')).toBe('REJECTED');
    expect(nextMessageStatus('ACCEPTED', 'CLEARED')).toBe('CLEARED');
    expect(nextMessageStatus('ACCEPTED', 'HELD')).toBe('HELD');
    expect(nextMessageStatus('HELD', 'CLEARED')).toBe('CLEARED');
    expect(nextMessageStatus('CLEARED', 'HELD')).toBeNull();
    expect(nextMessageStatus('CLEARED', 'ACCEPTED')).toBeNull();
    expect(nextMessageStatus('REJECTED', 'ACCEPTED')).toBeNull();
    expect(nextMessageStatus('ACCEPTED', null)).toBeNull();
  });

  it('takes a clearance for a message whose acknowledgement was lost (a crash between send and record)', () => {
    expect(nextMessageStatus('PENDING', 'CLEARED')).toBe('CLEARED');
    expect(nextMessageStatus('PENDING', 'HELD')).toBe('HELD');
    // The acknowledgement, resent afterwards, changes nothing.
    expect(nextMessageStatus('CLEARED', 'ACCEPTED')).toBeNull();
  });
});
