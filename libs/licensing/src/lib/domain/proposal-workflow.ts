import { LicensingError, LicensingErrorCode } from './licensing-error';

/**
 * The approval workflow of a co-branded item, as an explicit state machine.
 *
 * A proposal moves through three stages (concept, pre-production sample, final sample). At
 * each, the brand prepares (DRAFT, or CHANGES_REQUESTED after a review) and submits; the
 * museum approves, rejects or requests changes. Approving a concept or a pre-production
 * sample opens the next stage as a draft; approving the final sample is final approval
 * (the agreement is created). Later, editing the approved item's text or images (AMEND)
 * sends it back to review as an amendment: approving it applies the new content, rejecting
 * or withdrawing it restores the approved one; the agreement stays. An edit made to the
 * co-branded product itself on the storefront (STOREFRONT_EDIT, fired by the catalogue's
 * updateProduct, not a button of either side) is an amendment too: the product comes off
 * sale and the edit waits in the museum's inbox; a further edit while it waits is a new
 * submission of the newer content.
 */
export type ProposalStatus = 'DRAFT' | 'SUBMITTED' | 'CHANGES_REQUESTED' | 'APPROVED' | 'REJECTED' | 'WITHDRAWN';
export type ProposalStage = 'CONCEPT' | 'PRE_PRODUCTION_SAMPLE' | 'FINAL_SAMPLE';
export type ProposalEvent = 'REVISE' | 'SUBMIT' | 'APPROVE' | 'REJECT' | 'REQUEST_CHANGES' | 'WITHDRAW' | 'AMEND' | 'STOREFRONT_EDIT';
export type Party = 'BRAND' | 'MUSEUM';
/** Who fires an event: a side of the deal, or the catalogue (an edit of the listed product). */
export type EventSource = Party | 'CATALOGUE';

export const STAGES: readonly ProposalStage[] = ['CONCEPT', 'PRE_PRODUCTION_SAMPLE', 'FINAL_SAMPLE'];
export const EVENTS: readonly ProposalEvent[] = ['REVISE', 'SUBMIT', 'APPROVE', 'REJECT', 'REQUEST_CHANGES', 'WITHDRAW', 'AMEND', 'STOREFRONT_EDIT'];
export const STATUSES: readonly ProposalStatus[] = ['DRAFT', 'SUBMITTED', 'CHANGES_REQUESTED', 'APPROVED', 'REJECTED', 'WITHDRAWN'];

export interface ProposalState {
  status: ProposalStatus;
  stage: ProposalStage;
  /** Under review again after final approval. */
  amendment: boolean;
}

/** Side effects the application layer carries out in the same transaction as the move. */
export type WorkflowEffect =
  | 'SNAPSHOT_REVISION'
  | 'START_REVIEW_CLOCK'
  | 'STOP_REVIEW_CLOCK'
  | 'CREATE_AGREEMENT'
  | 'APPLY_AMENDMENT'
  | 'RESTORE_APPROVED_CONTENT'
  | 'DELIST_PRODUCT'
  /** The product's own edit awaits approval: it may not be listed until approved. */
  | 'MARK_STOREFRONT_EDIT';

export interface Transition {
  to: ProposalState;
  effects: WorkflowEffect[];
}

/** Which side may fire an event: the brand authors, the museum reviews, the catalogue reports product edits. */
export const EVENT_PARTY: Record<ProposalEvent, EventSource> = {
  REVISE: 'BRAND',
  SUBMIT: 'BRAND',
  WITHDRAW: 'BRAND',
  AMEND: 'BRAND',
  APPROVE: 'MUSEUM',
  REJECT: 'MUSEUM',
  REQUEST_CHANGES: 'MUSEUM',
  STOREFRONT_EDIT: 'CATALOGUE',
};

const nextStage = (stage: ProposalStage): ProposalStage | null => STAGES[STAGES.indexOf(stage) + 1] ?? null;

/** The transition for (state, event), or null when the move is not in the machine. */
export function transitionOf(state: ProposalState, event: ProposalEvent): Transition | null {
  const { status, stage, amendment } = state;
  const to = (s: Partial<ProposalState>): ProposalState => ({ ...state, ...s });
  const restore: Transition = { to: { status: 'APPROVED', stage: 'FINAL_SAMPLE', amendment: false }, effects: ['STOP_REVIEW_CLOCK', 'RESTORE_APPROVED_CONTENT'] };
  const storefrontEdit: Transition = {
    to: { status: 'SUBMITTED', stage: 'FINAL_SAMPLE', amendment: true },
    effects: ['SNAPSHOT_REVISION', 'DELIST_PRODUCT', 'MARK_STOREFRONT_EDIT', 'START_REVIEW_CLOCK'],
  };
  switch (status) {
    case 'DRAFT':
      if (event === 'REVISE') return { to: state, effects: ['SNAPSHOT_REVISION'] };
      if (event === 'SUBMIT') return { to: to({ status: 'SUBMITTED' }), effects: ['START_REVIEW_CLOCK'] };
      if (event === 'WITHDRAW') return { to: to({ status: 'WITHDRAWN' }), effects: [] };
      return null;
    case 'CHANGES_REQUESTED':
      if (event === 'REVISE') return { to: state, effects: ['SNAPSHOT_REVISION'] };
      if (event === 'SUBMIT') return { to: to({ status: 'SUBMITTED' }), effects: ['START_REVIEW_CLOCK'] };
      if (event === 'WITHDRAW') return amendment ? restore : { to: to({ status: 'WITHDRAWN' }), effects: [] };
      if (event === 'STOREFRONT_EDIT' && amendment) return storefrontEdit;
      return null;
    case 'SUBMITTED':
      switch (event) {
        case 'APPROVE': {
          const next = nextStage(stage);
          if (next) return { to: to({ status: 'DRAFT', stage: next }), effects: ['STOP_REVIEW_CLOCK'] };
          return {
            to: { status: 'APPROVED', stage: 'FINAL_SAMPLE', amendment: false },
            effects: ['STOP_REVIEW_CLOCK', amendment ? 'APPLY_AMENDMENT' : 'CREATE_AGREEMENT'],
          };
        }
        case 'REQUEST_CHANGES':
          return { to: to({ status: 'CHANGES_REQUESTED' }), effects: ['STOP_REVIEW_CLOCK'] };
        case 'REJECT':
          return amendment ? restore : { to: to({ status: 'REJECTED' }), effects: ['STOP_REVIEW_CLOCK'] };
        case 'WITHDRAW':
          return amendment ? restore : { to: to({ status: 'WITHDRAWN' }), effects: ['STOP_REVIEW_CLOCK'] };
        case 'STOREFRONT_EDIT':
          return amendment ? storefrontEdit : null;
        case 'REVISE':
        case 'SUBMIT':
        case 'AMEND':
          return null;
      }
    case 'APPROVED':
      if (event === 'AMEND') {
        return {
          to: { status: 'SUBMITTED', stage: 'FINAL_SAMPLE', amendment: true },
          effects: ['SNAPSHOT_REVISION', 'DELIST_PRODUCT', 'START_REVIEW_CLOCK'],
        };
      }
      if (event === 'STOREFRONT_EDIT') return storefrontEdit;
      return null;
    case 'REJECTED':
    case 'WITHDRAWN':
      return null;
  }
}

/** The transition, or ILLEGAL_TRANSITION with the state and event in its details. */
export function transition(state: ProposalState, event: ProposalEvent): Transition {
  const t = transitionOf(state, event);
  if (!t) {
    throw new LicensingError(
      LicensingErrorCode.ILLEGAL_TRANSITION,
      `A proposal that is ${state.status}${state.amendment ? ' (amendment)' : ''} at stage ${state.stage} cannot ${event}`,
      { status: state.status, stage: state.stage, event },
    );
  }
  return t;
}

/** Events the caller's side may fire now: what a client shows as buttons. */
export function allowedEvents(state: ProposalState, party: Party): ProposalEvent[] {
  // CATALOGUE events never match a party: they are not buttons.
  return EVENTS.filter((e) => EVENT_PARTY[e] === party && transitionOf(state, e) !== null);
}

export const isTerminal = (status: ProposalStatus): boolean => status === 'REJECTED' || status === 'WITHDRAWN';

/** Whether the brand may edit the working copy (REVISE). */
export const isEditable = (state: ProposalState): boolean => transitionOf(state, 'REVISE') !== null;
