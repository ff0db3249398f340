import fc from 'fast-check';
import { LicensingError } from './licensing-error';
import {
  EVENTS,
  EVENT_PARTY,
  STAGES,
  STATUSES,
  allowedEvents,
  transition,
  transitionOf,
  type ProposalEvent,
  type ProposalState,
} from './proposal-workflow';

const draft: ProposalState = { status: 'DRAFT', stage: 'CONCEPT', amendment: false };

function run(events: ProposalEvent[], from: ProposalState = draft): ProposalState {
  return events.reduce((s, e) => transition(s, e).to, from);
}

describe('proposal workflow', () => {
  it('walks concept → pre-production sample → final sample → approved', () => {
    const steps: [ProposalEvent, Partial<ProposalState>][] = [
      ['REVISE', { status: 'DRAFT', stage: 'CONCEPT' }],
      ['SUBMIT', { status: 'SUBMITTED', stage: 'CONCEPT' }],
      ['REQUEST_CHANGES', { status: 'CHANGES_REQUESTED', stage: 'CONCEPT' }],
      ['REVISE', { status: 'CHANGES_REQUESTED', stage: 'CONCEPT' }],
      ['SUBMIT', { status: 'SUBMITTED', stage: 'CONCEPT' }],
      ['APPROVE', { status: 'DRAFT', stage: 'PRE_PRODUCTION_SAMPLE' }],
      ['SUBMIT', { status: 'SUBMITTED', stage: 'PRE_PRODUCTION_SAMPLE' }],
      ['APPROVE', { status: 'DRAFT', stage: 'FINAL_SAMPLE' }],
      ['SUBMIT', { status: 'SUBMITTED', stage: 'FINAL_SAMPLE' }],
    ];
    let s = draft;
    for (const [event, expected] of steps) {
      s = transition(s, event).to;
      expect(s).toMatchObject(expected);
    }
    const final = transition(s, 'APPROVE');
    expect(final.to).toEqual({ status: 'APPROVED', stage: 'FINAL_SAMPLE', amendment: false });
    expect(final.effects).toContain('CREATE_AGREEMENT');
  });

  it('creates the agreement only on the final stage', () => {
    expect(transition({ status: 'SUBMITTED', stage: 'CONCEPT', amendment: false }, 'APPROVE').effects).not.toContain('CREATE_AGREEMENT');
    expect(transition({ status: 'SUBMITTED', stage: 'PRE_PRODUCTION_SAMPLE', amendment: false }, 'APPROVE').effects).not.toContain('CREATE_AGREEMENT');
  });

  it('sends an amended approved item back to review and never re-creates the agreement', () => {
    const approved: ProposalState = { status: 'APPROVED', stage: 'FINAL_SAMPLE', amendment: false };
    const amend = transition(approved, 'AMEND');
    expect(amend.to).toEqual({ status: 'SUBMITTED', stage: 'FINAL_SAMPLE', amendment: true });
    expect(amend.effects).toEqual(expect.arrayContaining(['DELIST_PRODUCT', 'SNAPSHOT_REVISION', 'START_REVIEW_CLOCK']));
    const ok = transition(amend.to, 'APPROVE');
    expect(ok.to).toEqual(approved);
    expect(ok.effects).toContain('APPLY_AMENDMENT');
    expect(ok.effects).not.toContain('CREATE_AGREEMENT');
    for (const e of ['REJECT', 'WITHDRAW'] as const) {
      const back = transition(amend.to, e);
      expect(back.to).toEqual(approved);
      expect(back.effects).toContain('RESTORE_APPROVED_CONTENT');
    }
    const changes = transition(amend.to, 'REQUEST_CHANGES').to;
    expect(changes).toEqual({ status: 'CHANGES_REQUESTED', stage: 'FINAL_SAMPLE', amendment: true });
    expect(transition(changes, 'WITHDRAW').to).toEqual(approved);
  });

  it('sends a storefront edit of the approved product back to review, and a second edit while it waits is a new submission', () => {
    const approved: ProposalState = { status: 'APPROVED', stage: 'FINAL_SAMPLE', amendment: false };
    const edited = transition(approved, 'STOREFRONT_EDIT');
    expect(edited.to).toEqual({ status: 'SUBMITTED', stage: 'FINAL_SAMPLE', amendment: true });
    expect(edited.effects).toEqual(expect.arrayContaining(['SNAPSHOT_REVISION', 'DELIST_PRODUCT', 'MARK_STOREFRONT_EDIT', 'START_REVIEW_CLOCK']));
    expect(transition(edited.to, 'STOREFRONT_EDIT').to).toEqual(edited.to);
    const changes = transition(edited.to, 'REQUEST_CHANGES').to;
    expect(transition(changes, 'STOREFRONT_EDIT').to).toEqual(edited.to);
    expect(transition(edited.to, 'APPROVE').effects).toContain('APPLY_AMENDMENT');
    expect(transition(edited.to, 'REJECT').effects).toContain('RESTORE_APPROVED_CONTENT');
    // Before final approval there is no product to edit; and it is never a button.
    expect(transitionOf(draft, 'STOREFRONT_EDIT')).toBeNull();
    expect(transitionOf({ status: 'SUBMITTED', stage: 'FINAL_SAMPLE', amendment: false }, 'STOREFRONT_EDIT')).toBeNull();
    expect(allowedEvents(approved, 'MUSEUM')).not.toContain('STOREFRONT_EDIT');
    expect(allowedEvents(approved, 'BRAND')).toEqual(['AMEND']);
  });

  it('refuses illegal moves with ILLEGAL_TRANSITION', () => {
    const illegal: [ProposalState, ProposalEvent][] = [
      [draft, 'APPROVE'],
      [draft, 'REJECT'],
      [draft, 'AMEND'],
      [{ status: 'SUBMITTED', stage: 'CONCEPT', amendment: false }, 'REVISE'],
      [{ status: 'SUBMITTED', stage: 'CONCEPT', amendment: false }, 'SUBMIT'],
      [{ status: 'APPROVED', stage: 'FINAL_SAMPLE', amendment: false }, 'APPROVE'],
      [{ status: 'APPROVED', stage: 'FINAL_SAMPLE', amendment: false }, 'REVISE'],
      [{ status: 'REJECTED', stage: 'CONCEPT', amendment: false }, 'SUBMIT'],
      [{ status: 'WITHDRAWN', stage: 'CONCEPT', amendment: false }, 'REVISE'],
    ];
    for (const [state, event] of illegal) {
      expect(() => transition(state, event)).toThrow(LicensingError);
      try {
        transition(state, event);
      } catch (e) {
        expect((e as LicensingError).code).toBe('ILLEGAL_TRANSITION');
        expect((e as LicensingError).details).toEqual({ status: state.status, stage: state.stage, event });
      }
    }
  });

  it('keeps terminal states terminal and the stage never moves backwards (property)', () => {
    const state = fc.record({
      status: fc.constantFrom(...STATUSES),
      stage: fc.constantFrom(...STAGES),
      amendment: fc.boolean(),
    });
    fc.assert(
      fc.property(state, fc.array(fc.constantFrom(...EVENTS), { maxLength: 30 }), (start, events) => {
        let s = start;
        for (const e of events) {
          const t = transitionOf(s, e);
          if (!t) continue;
          expect(s.status === 'REJECTED' || s.status === 'WITHDRAWN').toBe(false);
          expect(STAGES.indexOf(t.to.stage)).toBeGreaterThanOrEqual(e === 'AMEND' || e === 'STOREFRONT_EDIT' ? 0 : STAGES.indexOf(s.stage));
          // Only final approval creates an agreement, and only once per approval.
          if (t.effects.includes('CREATE_AGREEMENT')) expect(s).toEqual({ status: 'SUBMITTED', stage: 'FINAL_SAMPLE', amendment: false });
          s = t.to;
        }
      }),
    );
  });

  it('lists the moves each side may make', () => {
    const submitted: ProposalState = { status: 'SUBMITTED', stage: 'CONCEPT', amendment: false };
    expect(allowedEvents(submitted, 'MUSEUM').sort()).toEqual(['APPROVE', 'REJECT', 'REQUEST_CHANGES']);
    expect(allowedEvents(submitted, 'BRAND')).toEqual(['WITHDRAW']);
    expect(allowedEvents(draft, 'MUSEUM')).toEqual([]);
    expect(EVENT_PARTY.APPROVE).toBe('MUSEUM');
    expect(run(['SUBMIT', 'APPROVE'])).toEqual({ status: 'DRAFT', stage: 'PRE_PRODUCTION_SAMPLE', amendment: false });
  });
});
