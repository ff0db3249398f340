import { acceptsEvidence, isDisputeClosed, nextDisputeStatus } from './dispute-status';

describe('dispute status', () => {
  it('moves forward only: a late report never reopens or rewinds a dispute', () => {
    expect(nextDisputeStatus(null, 'needs_response')).toBe('needs_response');
    expect(nextDisputeStatus('needs_response', 'under_review')).toBe('under_review');
    expect(nextDisputeStatus('under_review', 'needs_response')).toBe('under_review');
    expect(nextDisputeStatus('under_review', 'lost')).toBe('lost');
    expect(nextDisputeStatus('lost', 'under_review')).toBe('lost');
    expect(nextDisputeStatus('won', 'lost')).toBe('won');
    expect(nextDisputeStatus('warning_needs_response', 'warning_closed')).toBe('warning_closed');
  });

  it('takes evidence only while a response is awaited', () => {
    expect(acceptsEvidence('needs_response')).toBe(true);
    expect(acceptsEvidence('warning_needs_response')).toBe(true);
    for (const s of ['under_review', 'won', 'lost', 'warning_closed']) expect(acceptsEvidence(s)).toBe(false);
    expect(isDisputeClosed('lost')).toBe(true);
    expect(isDisputeClosed('under_review')).toBe(false);
  });
});
